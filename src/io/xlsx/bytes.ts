/**
 * The XML of a sheet read from its inflated bytes (UTF-8), not from decoded text: xml.ts's
 * XmlReader, the same checks and the same events, on a Uint8Array. Text is handed on as the bytes
 * it is (`bytes(b, start, end)`: well-formed UTF-8 of XML characters, no entity, no carriage
 * return) and decoded only where it must be: around an entity or a line end (`text(string)`). The
 * attributes a sheet is read by can be read as bytes too (`range`), so a cell costs no string.
 *
 * What this reader does not decide (everything xml.ts hands to saxes, and also any byte that is
 * not plain: a non-ASCII name or attribute value, a UTF-8 sequence that is not well-formed, U+FFFE
 * or U+FFFF) it hands to saxes at that byte, given first the elements open there (xml.ts
 * saxesFrom), with the rest of the bytes decoded as the text reader decodes them (a string
 * decoder started at that byte, a character boundary: every byte before it was read as whole
 * characters). So whatever this reader accepts the text reader accepts with the same events, and
 * from any point it stops at, saxes reads as it would (tests/property/xlsx-bytes.test.ts holds the
 * two readers to that on random XML cut at random bytes, inside characters and entities too).
 */
import { StringDecoder } from 'node:string_decoder';
import type { SaxesParser as SaxesParserType } from 'saxes';
import { charRef, isNameChar, isNameStart, isSpace, predefined, replayOf, saxesFrom, XML_DECLARATION, type XmlAttributes, type XmlHandlers } from './xml.js';

export interface ByteXmlHandlers extends XmlHandlers {
  /** Text inside the root as UTF-8 bytes b[start, end) (not empty; no entity or line end to decode), valid during the call. */
  bytes(b: Uint8Array, start: number, end: number): void;
}

/** Need more bytes to decide. */
const MORE = -1;
/** Not decided here: saxes reads from this point. */
const HAND_OVER = -2;
/** A construct longer than this is left to saxes rather than carried from chunk to chunk. */
const MAX_CARRY = 1 << 20;
/** Text up to this long that reaches the end of a chunk waits for the next, so that a cell's text comes in one piece. */
const TEXT_CARRY = 1 << 16;

const EMPTY = Buffer.alloc(0);

/** The interned names and values of xml.ts's known(), from ASCII bytes. */
function knownBytes(s: Uint8Array, a: number, b: number): string {
  switch (b - a) {
    case 1:
      switch (s[a]) {
        case 99:
          return 'c';
        case 118:
          return 'v';
        case 116:
          return 't';
        case 102:
          return 'f';
        case 114:
          return 'r';
        case 115:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
      }
      break;
    case 2:
      if (s[a] === 105 && s[a + 1] === 115) return 'is';
      if (s[a] === 115 && s[a + 1] === 105) return 'si';
      break;
    case 3:
      if (s[a] === 114 && s[a + 1] === 111 && s[a + 2] === 119) return 'row';
      if (s[a] === 115 && s[a + 1] === 116 && s[a + 2] === 114) return 'str';
      if (s[a] === 114 && s[a + 1] === 80 && s[a + 2] === 104) return 'rPh';
      break;
    case 9:
      if (sameAscii(s, a, b, 'inlineStr')) return 'inlineStr';
      if (sameAscii(s, a, b, 'sheetData')) return 'sheetData';
      break;
  }
  return latin1(s, a, b);
}

/** ASCII bytes as a string. */
function latin1(s: Uint8Array, a: number, b: number): string {
  return (s as Buffer).toString('latin1', a, b);
}

function utf8(s: Uint8Array, a: number, b: number): string {
  return a === b ? '' : (s as Buffer).toString('utf8', a, b);
}

/** Whether s[a, b) holds exactly the ASCII `name`. */
function sameAscii(s: Uint8Array, a: number, b: number, name: string): boolean {
  if (b - a !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (s[a + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * The length of the UTF-8 sequence of an XML character starting at s[j] (s[j] >= 0x80), 0 when the
 * sequence is not a well-formed one of an XML character (saxes decides), MORE when it runs past `n`.
 */
function utf8Char(s: Uint8Array, j: number, n: number): number {
  const c = s[j]!;
  if (c < 0xc2 || c > 0xf4) return 0;
  const len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
  const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < len; k++) {
    if (j + k >= n) return MORE;
    const d = s[j + k]!;
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return 0;
  }
  // U+FFFE and U+FFFF are not XML characters.
  if (c === 0xef && s[j + 1] === 0xbf && s[j + 2]! >= 0xbe) return 0;
  return len;
}

export class ByteXmlReader implements XmlAttributes {
  /** Set by a handler: nothing more is read or checked. */
  stopped = false;
  private carry: Buffer = EMPTY;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private rootName = '';
  private prolog = '';
  private atStart = true;
  private sax: SaxesParserType<{}> | undefined;
  private decoder: StringDecoder | undefined;
  /** The bytes of the tag being opened; its attributes as offsets into them. */
  buffer: Buffer = EMPTY;
  private readonly attrs = new Int32Array(64);
  private attrCount = 0;
  /** The end of the value `range()` found. */
  valueEnd = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly handlers: ByteXmlHandlers,
  ) {}

  /** Whether saxes reads (from some point on). */
  get handedOver(): boolean {
    return this.sax !== undefined;
  }

  get(name: string): string | undefined {
    const at = this.range(name);
    return at < 0 ? undefined : knownBytes(this.buffer, at, this.valueEnd);
  }

  /** The value of attribute `name` of the element being opened as bytes: its start in `buffer` (its end in `valueEnd`), or -1. */
  range(name: string): number {
    const s = this.buffer;
    const a = this.attrs;
    for (let k = 0; k < this.attrCount; k++) {
      const i = k * 4;
      if (sameAscii(s, a[i]!, a[i + 1]!, name)) {
        this.valueEnd = a[i + 3]!;
        return a[i + 2]!;
      }
    }
    return -1;
  }

  /** The next bytes of the part (a Buffer: text is sliced from it). */
  write(chunk: Buffer): void {
    if (this.stopped) return;
    if (this.sax) {
      this.sax.write(this.decoder!.write(chunk));
      return;
    }
    const s = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = EMPTY;
    this.scan(s, false);
  }

  close(): void {
    if (this.stopped) return;
    if (!this.sax) {
      const s = this.carry;
      this.carry = EMPTY;
      this.scan(s, true);
      if (!this.sax && !this.stopped && (this.stack.length > 0 || !this.rootSeen)) this.handOver(EMPTY, 0);
    }
    if (this.sax && !this.stopped) {
      const rest = this.decoder!.end();
      if (rest) this.sax.write(rest);
      if (!this.stopped) this.sax.close();
    }
  }

  private handOver(s: Buffer, i: number): void {
    this.decoder = new StringDecoder('utf8');
    this.sax = saxesFrom(this.file, this.part, this.handlers, replayOf(this.rootSeen, this.rootClosed, this.rootName, this.stack, this.prolog), () => this.stopped);
    if (i < s.length) this.sax.write(this.decoder.write(Buffer.from(s.buffer, s.byteOffset + i, s.length - i)));
  }

  private keep(s: Buffer, i: number, final: boolean): void {
    if (final || s.length - i > MAX_CARRY) this.handOver(s, i);
    else this.carry = s.slice(i);
  }

  private scan(s: Buffer, final: boolean): void {
    const n = s.length;
    let i = 0;
    if (this.atStart) {
      if (n < 6 && !final) return this.keep(s, 0, false);
      this.atStart = false;
      if (n >= 5 && s[0] === 60 && s[1] === 63 && s[2] === 120 && s[3] === 109 && s[4] === 108) {
        let end = -1;
        for (let k = 5; k + 1 < n; k++) {
          if (s[k] === 63 && s[k + 1] === 62) {
            end = k;
            break;
          }
        }
        if (end < 0) {
          this.atStart = true;
          return n > 512 ? this.handOver(s, 0) : this.keep(s, 0, final);
        }
        const m = XML_DECLARATION.exec(latin1(s, 0, end + 2));
        if (!m) return this.handOver(s, 0);
        this.prolog = m[0];
        i = m[0].length;
      }
    }
    const stack = this.stack;
    while (i < n && !this.stopped) {
      const c = s[i]!;
      if (c === 60) {
        const next = i + 1 < n ? s[i + 1]! : -1;
        const r = next === -1 ? MORE : next === 47 ? this.endTag(s, i) : isNameStart(next) ? this.startTag(s, i) : HAND_OVER;
        if (r === MORE) return this.keep(s, i, final);
        if (r === HAND_OVER) return this.handOver(s, i);
        i = r;
        continue;
      }
      if (stack.length === 0) {
        if (!isSpace(c)) return this.handOver(s, i);
        let j = i + 1;
        while (j < n && isSpace(s[j]!)) j++;
        if (!this.rootSeen) {
          if (this.prolog.length + (j - i) > 65536) return this.handOver(s, i);
          this.prolog += latin1(s, i, j);
        }
        i = j;
        continue;
      }
      const r = this.text(s, i, final);
      if (r === MORE) return this.keep(s, this.textStop, final);
      if (r === HAND_OVER) return this.handOver(s, this.textStop);
      i = r;
    }
  }

  private textStop = 0;

  /** Text from s[i] (not "<") to the next "<" or the end: handed on; the index after it. */
  private text(s: Buffer, i: number, final: boolean): number {
    const n = s.length;
    let start = i;
    let j = i;
    let out = '';
    while (j < n) {
      const c = s[j]!;
      if (c === 60) break;
      if (c >= 0x20 && c < 0x80 && c !== 38 && c !== 93) {
        j++;
        continue;
      }
      if (c >= 0x80) {
        const len = utf8Char(s, j, n);
        if (len === MORE) {
          if (!final) return this.stop(s, start, j, out, MORE);
          return this.stop(s, start, j, out, HAND_OVER);
        }
        if (len === 0) return this.stop(s, start, j, out, HAND_OVER);
        j += len;
        continue;
      }
      if (c === 38) {
        let semi = -1;
        const to = Math.min(n, j + 13);
        for (let k = j + 1; k < to; k++) {
          if (s[k] === 59) {
            semi = k;
            break;
          }
        }
        if (semi < 0) {
          if (n - j <= 12 && !final) return this.stop(s, start, j, out, MORE);
          return this.stop(s, start, j, out, HAND_OVER);
        }
        const body = latin1(s, j + 1, semi);
        let value: string | undefined;
        if (body.charCodeAt(0) === 35) {
          const code = charRef(body);
          value = code === undefined ? undefined : String.fromCodePoint(code);
        } else value = predefined(body);
        if (value === undefined) return this.stop(s, start, j, out, HAND_OVER);
        out += utf8(s, start, j) + value;
        j = semi + 1;
        start = j;
        continue;
      }
      if (c === 93) {
        if (j + 2 >= n && !final) return this.stop(s, start, j, out, MORE);
        if (s[j + 1] === 93 && s[j + 2] === 62) return this.stop(s, start, j, out, HAND_OVER);
        j++;
        continue;
      }
      if (c === 9 || c === 10) {
        j++;
        continue;
      }
      if (c === 13) {
        if (j + 1 >= n && !final) return this.stop(s, start, j, out, MORE);
        out += `${utf8(s, start, j)}\n`;
        j += s[j + 1] === 10 ? 2 : 1;
        start = j;
        continue;
      }
      return this.stop(s, start, j, out, HAND_OVER);
    }
    // The end of the chunk inside a short text: read it whole with the next chunk.
    if (j >= n && !final && n - i <= TEXT_CARRY) {
      this.textStop = i;
      return MORE;
    }
    return this.stop(s, start, j, out, j);
  }

  private stop(s: Buffer, start: number, at: number, out: string, r: number): number {
    if (out === '') {
      if (at > start) this.handlers.bytes(s, start, at);
    } else this.handlers.text(out + utf8(s, start, at));
    this.textStop = at;
    return r;
  }

  /** A name from s[i]: the index after it, MORE at the end, HAND_OVER when it is not a plain ASCII name. */
  private static name(s: Uint8Array, i: number): number {
    const n = s.length;
    if (i >= n) return MORE;
    if (!isNameStart(s[i]!)) return HAND_OVER;
    let j = i + 1;
    while (j < n && isNameChar(s[j]!)) j++;
    if (j >= n) return MORE;
    return s[j]! >= 0x80 ? HAND_OVER : j;
  }

  private startTag(s: Buffer, i: number): number {
    const n = s.length;
    const nameEnd = ByteXmlReader.name(s, i + 1);
    if (nameEnd < 0) return nameEnd;
    const a = this.attrs;
    let count = 0;
    let j = nameEnd;
    let selfClosing = false;
    for (;;) {
      const spaced = j;
      while (j < n && isSpace(s[j]!)) j++;
      if (j >= n) return MORE;
      const c = s[j]!;
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (j + 1 >= n) return MORE;
        if (s[j + 1] !== 62) return HAND_OVER;
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === spaced || count * 4 + 4 > a.length) return HAND_OVER;
      const attrEnd = ByteXmlReader.name(s, j);
      if (attrEnd < 0) return attrEnd;
      let k = attrEnd;
      while (k < n && isSpace(s[k]!)) k++;
      if (k >= n) return MORE;
      if (s[k] !== 61) return HAND_OVER;
      k++;
      while (k < n && isSpace(s[k]!)) k++;
      if (k >= n) return MORE;
      const q = s[k]!;
      if (q !== 34 && q !== 39) return HAND_OVER;
      let close = -1;
      for (let m = k + 1; m < n; m++) {
        const v = s[m]!;
        if (v === q) {
          close = m;
          break;
        }
        // Entities, white space to normalise, "<", and (here) any non-ASCII byte: saxes decides.
        if (v < 0x20 || v === 38 || v === 60 || v >= 0x80) return HAND_OVER;
      }
      if (close < 0) return MORE;
      for (let other = 0; other < count; other++) {
        const o = other * 4;
        if (a[o + 1]! - a[o]! === attrEnd - j && sameBytes(s, a[o]!, j, attrEnd - j)) return HAND_OVER;
      }
      a[count * 4] = j;
      a[count * 4 + 1] = attrEnd;
      a[count * 4 + 2] = k + 1;
      a[count * 4 + 3] = close;
      count++;
      j = close + 1;
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) return HAND_OVER;
      this.rootSeen = true;
      this.rootName = latin1(s, i + 1, nameEnd);
    }
    const qname = knownBytes(s, i + 1, nameEnd);
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    this.buffer = s;
    this.attrCount = count;
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
    } else this.stack.push(qname);
    this.handlers.open(local, this, selfClosing);
    this.attrCount = 0;
    if (selfClosing && !this.stopped) this.handlers.close(local);
    return j;
  }

  private endTag(s: Buffer, i: number): number {
    const n = s.length;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    if (top === undefined) return HAND_OVER;
    let j = i + 2 + top.length;
    if (j >= n) return MORE;
    if (!sameAscii(s, i + 2, j, top)) return ByteXmlReader.name(s, i + 2) === MORE ? MORE : HAND_OVER;
    while (j < n && isSpace(s[j]!)) j++;
    if (j >= n) return MORE;
    if (s[j] !== 62) return HAND_OVER;
    stack.pop();
    if (stack.length === 0) this.rootClosed = true;
    const colon = top.indexOf(':');
    this.handlers.close(colon < 0 ? top : top.slice(colon + 1));
    return j + 1;
  }
}

function sameBytes(s: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (s[a + i] !== s[b + i]) return false;
  return true;
}
