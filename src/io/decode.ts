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
}

export async function decodeBytes(bytes: Uint8Array, file: string): Promise<Decoded> {
  // NUL is never text: after a byte order mark as well, and in UTF-16 as a NUL character.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', file);
  if (bytes.includes(0)) {
    throw new StatsbidragError('binary-file', 'contains NUL bytes: not a text file', { file });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: 'utf-8', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Loaded only for such files (it is 490 KB), with require: the CLI bundle runs without dynamic import().
    const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252', bom: false };
  }
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
