/**
 * Bytes → text. UTF-8 (with or without BOM) is the norm; a file that is not valid UTF-8 is
 * read as Windows-1252, which is what Excel on Swedish Windows saves. iconv-lite does that
 * decoding because Node 20's own windows-1252 decoder maps 0x80–0x9F wrongly (nodejs/node#60888).
 */
import { createRequire } from 'node:module';
import { StatsbidragError } from '../core/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /**
   * UTF-8 input: the bytes `text` was decoded from (after the byte order mark), so that a reader
   * can take its cells from them rather than encode the text again. Undefined when the text is not
   * exactly those bytes decoded (another encoding; a second byte order mark the decoder dropped).
   */
  utf8?: Uint8Array;
}

export async function decodeBytes(bytes: Uint8Array, file: string): Promise<Decoded> {
  // NUL is never text: after a byte order mark as well, and in UTF-16 as a NUL character.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', file);
  if (bytes.includes(0)) {
    throw new StatsbidragError('binary-file', 'contains NUL bytes: not a text file', { file });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    return { text: strictUtf8(body, file), encoding: 'utf-8', bom: true, ...(startsWithBom(body) ? {} : { utf8: body }) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false, utf8: bytes };
  } catch {
    // Windows-1252 only when it is plausibly that: a file holding valid UTF-8 sequences ("ö" as
    // C3 B6) and an invalid byte is UTF-8 with a bad byte, and reading it as 1252 would garble
    // every name ("GÃ¶teborg") without a word.
    const bad = utf8Problem(bytes);
    if (bad) {
      throw new StatsbidragError('invalid-utf8', `byte ${bad.column} of this line (0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')}) is not valid UTF-8, and the file holds valid UTF-8 elsewhere: not read as Windows-1252; save it as UTF-8`, { file, line: bad.line });
    }
    // Loaded only for such files (it is 490 KB), with require: the CLI bundle runs without dynamic import().
    const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252', bom: false };
  }
}

const startsWithBom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Length of the valid UTF-8 multi-byte sequence at i, or 0. */
function sequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  // Overlong and surrogate forms, and beyond U+10FFFF.
  const c1 = b[i + 1]!;
  if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
  return n;
}

/**
 * Bytes that are not valid UTF-8 but hold at least one valid multi-byte sequence: where the first
 * invalid byte is (line, byte in the line, 1-based). Undefined when none is valid (plausibly 1252).
 */
function utf8Problem(b: Uint8Array): { line: number; column: number; byte: number } | undefined {
  let valid = false;
  let first: { line: number; column: number; byte: number } | undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const n = sequenceAt(b, i);
    if (n > 0) {
      valid = true;
      i += n;
    } else {
      first ??= { line, column: i - lineStart + 1, byte: c };
      i++;
    }
    if (valid && first) return first;
  }
  return undefined;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): Decoded {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  if (text.includes('\u0000')) throw new StatsbidragError('binary-file', 'contains NUL characters: not a text file', { file });
  return { text, encoding, bom: true };
}

function strictUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StatsbidragError('invalid-utf8', 'starts with a UTF-8 byte order mark but is not valid UTF-8', { file });
  }
}
