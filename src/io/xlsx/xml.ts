/**
 * The XML of a sheet (and of its shared strings), read fast and strictly: the events of a
 * well-formed document, or the well-formedness error saxes gives.
 *
 * A sheet is millions of small elements (<row>, <c>, <v>, <is><t>); saxes, a strict SAX parser,
 * spends most of a large workbook's reading time on them. This reader scans the common, plain
 * shape of that XML itself: ASCII element and attribute names, attribute values without entities
 * or white-space characters to normalise, text with the five predefined entities and character
 * references, an XML declaration of version 1.0 in UTF-8. It hands on the same events saxes
 * would (local names, attribute values, decoded text, a close after every self-closing open), and
 * checks what makes such XML well-formed: names, quoting, white space between attributes, one
 * root, end tags matching, no "]]>" or disallowed character in text, no text outside the root.
 *
 * Anything else (a comment, CDATA, a processing instruction, a DOCTYPE, a non-ASCII name, an
 * entity or white space in an attribute value, a duplicate attribute, a mismatched end tag, a
 * character that is not allowed, text after the root…) is not decided here: from that point
 * saxes reads the rest, given first the elements open at that point (their names, as start tags,
 * with no events), so it sees the same document from there and either reads it on or gives its
 * error. Whatever this reader accepts saxes accepts with the same events (tests/property/
 * xlsx-reader.test.ts holds the two to that on random sheets).
 */
import { createRequire } from 'node:module';
import type { SaxesParser as SaxesParserType, SaxesTagPlain } from 'saxes';
import { StatsbidragError } from '../../core/errors.js';

type Saxes = typeof import('saxes');
let saxes: Saxes | undefined;

/** A strict saxes parser whose errors name the part of the workbook. */
export function saxesParser(file: string, part: string): SaxesParserType<{}> {
  saxes ??= createRequire(import.meta.url)('saxes') as Saxes;
  const p = new saxes.SaxesParser({ position: false });
  // saxes throws its own error when no handler is set: put it in words that name the part.
  p.on('error', (e: Error) => {
    throw new StatsbidragError('invalid-xlsx', `not a readable .xlsx workbook ("${part}" is not well-formed XML: ${e.message.split('\n')[0]})`, { file });
  });
  return p;
}

/** An element's local name: "x:row" is "row". */
export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The attributes of the element being opened, by exact (qualified) name; valid only during the `open` call. */
export interface XmlAttributes {
  get(name: string): string | undefined;
}

export interface XmlHandlers {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  /** Text and CDATA inside the root, decoded, in pieces. */
  text(text: string): void;
  close(name: string): void;
}

/**
 * Element names of sheets and shared strings, and common attribute values, handed on without a
 * new string each time; any other text is sliced.
 */
function known(s: string, a: number, b: number): string {
  switch (b - a) {
    case 1:
      switch (s.charCodeAt(a)) {
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
      if (s.startsWith('is', a)) return 'is';
      if (s.startsWith('si', a)) return 'si';
      break;
    case 3:
      if (s.startsWith('row', a)) return 'row';
      if (s.startsWith('str', a)) return 'str';
      if (s.startsWith('rPh', a)) return 'rPh';
      break;
    case 9:
      if (s.startsWith('sheetData', a)) return 'sheetData';
      if (s.startsWith('inlineStr', a)) return 'inlineStr';
      break;
  }
  return s.slice(a, b);
}

export const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
export const isNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/** Whether s[a, b) and s[c, d) are the same text. */
function same(s: string, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(c + i)) return false;
  return true;
}

export const XML_DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[Uu][Tt][Ff]-8"|'[Uu][Tt][Ff]-8'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

/** The five entities XML defines. */
export function predefined(name: string): string | undefined {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return undefined;
  }
}

/** A character reference's code point when it is an XML Char, else undefined. */
export function charRef(body: string): number | undefined {
  const hex = body.charCodeAt(1) === 120; // "#x"
  const digits = body.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  const ok = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return ok ? code : undefined;
}

/** What saxes is given first when it takes over: the prolog read so far, or the root closed, or the elements open (as start tags). */
export function replayOf(rootSeen: boolean, rootClosed: boolean, rootName: string, stack: readonly string[], prolog: string): string {
  if (!rootSeen) return prolog;
  if (rootClosed) return `<${rootName}/>`;
  return stack.map((name) => `<${name}>`).join('');
}

/**
 * A saxes parser that reads on from where a fast reader stopped: `replay` (replayOf) is written
 * first with no events, so it sees the same document from there; then it hands on the events of
 * what is written to it (none once `stopped()`).
 */
export function saxesFrom(file: string, part: string, h: XmlHandlers, replay: string, stopped: () => boolean): SaxesParserType<{}> {
  const p = saxesParser(file, part);
  let replaying = true;
  const attributes = { a: {} as Record<string, string>, get(name: string): string | undefined { return this.a[name]; } };
  p.on('opentag', (tag: SaxesTagPlain) => {
    if (replaying || stopped()) return;
    attributes.a = tag.attributes as Record<string, string>;
    h.open(localName(tag.name), attributes, tag.isSelfClosing);
  });
  const text = (t: string): void => {
    if (!replaying && !stopped()) h.text(t);
  };
  p.on('text', text);
  p.on('cdata', text);
  p.on('closetag', (tag: SaxesTagPlain) => {
    if (!replaying && !stopped()) h.close(localName(tag.name));
  });
  p.write(replay);
  replaying = false;
  return p;
}

/** Need more text to decide (the construct runs past the chunk). */
const MORE = -1;
/** Not decided here: saxes reads from this point. */
const HAND_OVER = -2;
/** A construct (a tag) longer than this is left to saxes rather than carried from chunk to chunk. */
const MAX_CARRY = 1 << 20;

export class XmlReader implements XmlAttributes {
  /** Set by a handler: nothing more is read or checked. */
  stopped = false;
  private carry = '';
  /** Qualified names of the open elements, outermost first. */
  private readonly stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private rootName = '';
  /** What was read before the root (the declaration, white space), given to saxes if it takes over there. */
  private prolog = '';
  private atStart = true;
  private sax: SaxesParserType<{}> | undefined;
  // The tag being opened: its attributes as offsets into `chunk`.
  private chunk = '';
  private readonly attrs = new Int32Array(64);
  private attrCount = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly handlers: XmlHandlers,
    /** false: saxes reads all of it (the reference the fast reading is tested against). */
    fast = true,
  ) {
    if (!fast) this.handOver('', 0);
  }

  get(name: string): string | undefined {
    const s = this.chunk;
    const a = this.attrs;
    for (let k = 0; k < this.attrCount; k++) {
      const i = k * 4;
      if (a[i + 1]! - a[i]! === name.length && s.startsWith(name, a[i]!)) return known(s, a[i + 2]!, a[i + 3]!);
    }
    return undefined;
  }

  write(text: string): void {
    if (this.stopped) return;
    if (this.sax) {
      this.sax.write(text);
      return;
    }
    const s = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    this.scan(s, false);
  }

  close(): void {
    if (this.stopped) return;
    if (!this.sax) {
      const s = this.carry;
      this.carry = '';
      this.scan(s, true);
      // Not a whole document: saxes says what is missing.
      if (!this.sax && !this.stopped && (this.stack.length > 0 || !this.rootSeen)) this.handOver('', 0);
    }
    if (this.sax && !this.stopped) this.sax.close();
  }

  /** Saxes reads from s[i] on, told first what is open there. */
  private handOver(s: string, i: number): void {
    this.sax = saxesFrom(this.file, this.part, this.handlers, replayOf(this.rootSeen, this.rootClosed, this.rootName, this.stack, this.prolog), () => this.stopped);
    this.sax.write(s.slice(i));
  }

  /** Keep s[i…] for the next chunk (or hand over, at the end or when it grows too long). */
  private keep(s: string, i: number, final: boolean): void {
    if (final || s.length - i > MAX_CARRY) this.handOver(s, i);
    else this.carry = s.slice(i);
  }

  private scan(s: string, final: boolean): void {
    const n = s.length;
    let i = 0;
    if (this.atStart) {
      if (n < 6 && !final) return this.keep(s, 0, false);
      this.atStart = false;
      if (s.startsWith('<?xml')) {
        const end = s.indexOf('?>');
        if (end < 0) {
          this.atStart = true;
          return n > 512 ? this.handOver(s, 0) : this.keep(s, 0, final);
        }
        const m = XML_DECLARATION.exec(s);
        if (!m) return this.handOver(s, 0);
        this.prolog = m[0];
        i = m[0].length;
      }
    }
    while (i < n && !this.stopped) {
      const c = s.charCodeAt(i);
      if (c === 60) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
        const r = next === -1 ? MORE : next === 47 ? this.endTag(s, i) : isNameStart(next) ? this.startTag(s, i) : HAND_OVER;
        if (r === MORE) return this.keep(s, i, final);
        if (r === HAND_OVER) return this.handOver(s, i);
        i = r;
        continue;
      }
      // Text up to the next "<".
      if (this.stack.length === 0) {
        // Outside the root only white space, kept for saxes before the root.
        if (!isSpace(c)) return this.handOver(s, i);
        let j = i + 1;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (!this.rootSeen) {
          if (this.prolog.length + (j - i) > 65536) return this.handOver(s, i);
          this.prolog += s.slice(i, j);
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

  /** Where text() stopped when it needs more or hands over. */
  private textStop = 0;

  /** Text from s[i] (not "<") to the next "<" or the end: handed on decoded; the index after it. */
  private text(s: string, i: number, final: boolean): number {
    const n = s.length;
    let start = i;
    let j = i;
    let out = '';
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 60) break;
      if (c >= 0x20 && c < 0xd800 && c !== 38 && c !== 93) {
        j++;
        continue;
      }
      if (c === 38) {
        // An entity: "&name;" within a few characters.
        const semi = s.indexOf(';', j + 1);
        if (semi < 0 || semi - j > 12) {
          if (semi < 0 && n - j <= 12 && !final) return this.stop(s, start, j, out, MORE);
          return this.stop(s, start, j, out, HAND_OVER);
        }
        const body = s.slice(j + 1, semi);
        let value: string | undefined;
        if (body.charCodeAt(0) === 35) {
          const code = charRef(body);
          value = code === undefined ? undefined : String.fromCodePoint(code);
        } else value = predefined(body);
        if (value === undefined) return this.stop(s, start, j, out, HAND_OVER);
        out += s.slice(start, j) + value;
        j = semi + 1;
        start = j;
        continue;
      }
      if (c === 93) {
        // "]]>" is not allowed in text.
        if (j + 2 >= n && !final) return this.stop(s, start, j, out, MORE);
        if (s.charCodeAt(j + 1) === 93 && s.charCodeAt(j + 2) === 62) return this.stop(s, start, j, out, HAND_OVER);
        j++;
        continue;
      }
      if (c === 9 || c === 10) {
        j++;
        continue;
      }
      if (c === 13) {
        // A line end "\r\n" or "\r" is "\n".
        if (j + 1 >= n && !final) return this.stop(s, start, j, out, MORE);
        out += `${s.slice(start, j)}\n`;
        j += s.charCodeAt(j + 1) === 10 ? 2 : 1;
        start = j;
        continue;
      }
      if (c < 0x20) return this.stop(s, start, j, out, HAND_OVER);
      if (c <= 0xdbff) {
        // A surrogate pair is one character; a lone surrogate is not allowed.
        if (j + 1 >= n && !final) return this.stop(s, start, j, out, MORE);
        const d = s.charCodeAt(j + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          j += 2;
          continue;
        }
        return this.stop(s, start, j, out, HAND_OVER);
      }
      if (c >= 0xe000 && c <= 0xfffd) {
        j++;
        continue;
      }
      return this.stop(s, start, j, out, HAND_OVER);
    }
    return this.stop(s, start, j, out, j);
  }

  /** The end of a text run at s[at]: what was read handed on, and `r` returned. */
  private stop(s: string, start: number, at: number, out: string, r: number): number {
    const text = at > start ? out + s.slice(start, at) : out;
    if (text !== '') this.handlers.text(text);
    this.textStop = at;
    return r;
  }

  /** A name from s[i]: the index after it, MORE at the end, HAND_OVER when it is not a plain ASCII name. */
  private static name(s: string, i: number): number {
    const n = s.length;
    if (i >= n) return MORE;
    if (!isNameStart(s.charCodeAt(i))) return HAND_OVER;
    let j = i + 1;
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    return s.charCodeAt(j) >= 0x80 ? HAND_OVER : j;
  }

  /** "<name attr="v"…>" or "…/>" from s[i]: events, and the index after it. */
  private startTag(s: string, i: number): number {
    const n = s.length;
    const nameEnd = XmlReader.name(s, i + 1);
    if (nameEnd < 0) return nameEnd;
    const a = this.attrs;
    let count = 0;
    let j = nameEnd;
    let selfClosing = false;
    for (;;) {
      const spaced = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return MORE;
      const c = s.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (j + 1 >= n) return MORE;
        if (s.charCodeAt(j + 1) !== 62) return HAND_OVER;
        selfClosing = true;
        j += 2;
        break;
      }
      // An attribute, after white space.
      if (j === spaced || count * 4 + 4 > a.length) return HAND_OVER;
      const attrEnd = XmlReader.name(s, j);
      if (attrEnd < 0) return attrEnd;
      let k = attrEnd;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return MORE;
      if (s.charCodeAt(k) !== 61) return HAND_OVER;
      k++;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return MORE;
      const q = s.charCodeAt(k);
      if (q !== 34 && q !== 39) return HAND_OVER;
      const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0) return MORE;
      for (let m = k + 1; m < close; m++) {
        const v = s.charCodeAt(m);
        // Entities, white space to normalise, "<" and any other than a plain character: saxes decides.
        if (v < 0x20 || v === 38 || v === 60 || v >= 0xd800) return HAND_OVER;
      }
      for (let other = 0; other < count; other++) if (same(s, a[other * 4]!, a[other * 4 + 1]!, j, attrEnd)) return HAND_OVER;
      a[count * 4] = j;
      a[count * 4 + 1] = attrEnd;
      a[count * 4 + 2] = k + 1;
      a[count * 4 + 3] = close;
      count++;
      j = close + 1;
    }
    if (this.stack.length === 0) {
      // A second root is saxes's to refuse.
      if (this.rootSeen) return HAND_OVER;
      this.rootSeen = true;
      this.rootName = s.slice(i + 1, nameEnd);
    }
    const qname = known(s, i + 1, nameEnd);
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : known(qname, colon + 1, qname.length);
    this.chunk = s;
    this.attrCount = count;
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
    } else this.stack.push(qname);
    this.handlers.open(local, this, selfClosing);
    this.attrCount = 0;
    if (selfClosing && !this.stopped) this.handlers.close(local);
    return j;
  }

  /** "</name>" from s[i]: matching the open element, its event and the index after it. */
  private endTag(s: string, i: number): number {
    const n = s.length;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    // The open element's name, then white space or ">"; anything else (another name) saxes judges.
    if (top === undefined) return HAND_OVER;
    let j = i + 2 + top.length;
    if (j >= n) return MORE;
    if (!s.startsWith(top, i + 2)) return XmlReader.name(s, i + 2) === MORE ? MORE : HAND_OVER;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    if (s.charCodeAt(j) !== 62) return HAND_OVER;
    stack.pop();
    if (stack.length === 0) this.rootClosed = true;
    const colon = top.indexOf(':');
    this.handlers.close(colon < 0 ? top : known(top, colon + 1, top.length));
    return j + 1;
  }
}
