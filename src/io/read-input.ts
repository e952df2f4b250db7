/**
 * Reading an input's bytes with limits, so that no input can run the tool out of time or memory:
 * `--data /dev/zero` stops at its first chunk, and nothing over MAX_INPUT_BYTES is read.
 *
 * The limit: the readers hold a file's text as one JavaScript string, and V8 caps a string at
 * 2^29 − 24 (about 536.9 million) characters, so a larger file could not be read anyway. 500 MiB
 * is under that cap and some hundred times the largest real list we know of (a million recipients
 * is about 30 MB). A regular file over it is refused before it is read; a device, FIFO or stdin
 * is read in 1 MiB chunks and stopped when it passes the limit or when a chunk holds a NUL byte
 * (text in UTF-8 or Windows-1252 has none; UTF-16, which has many, is checked after decoding).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { StatsbidragError } from '../core/errors.js';

export const MAX_INPUT_BYTES = 500 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface ReadLimits {
  /** Default MAX_INPUT_BYTES. */
  maxBytes?: number;
}

const mib = (n: number): string => `${Math.round(n / 1024 / 1024)} MiB`;

function isUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** "PK\x03\x04" (a zip: .xlsx) or the OLE compound file signature (.xls, an encrypted .xlsx). */
function isWorkbookSignature(b: Uint8Array): boolean {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return true;
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/** Collects chunks of a stream of unknown length, stopping at a NUL byte or past the limit. */
class Collector {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private utf16: boolean | undefined;
  private binary: boolean | undefined;
  constructor(private readonly file: string, private readonly maxBytes: number) {}

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    // A UTF-16 BOM can only be judged on the first two bytes of the whole input.
    if (this.utf16 === undefined && this.size + chunk.length >= 2) {
      this.utf16 = isUtf16Bom(this.size === 0 ? chunk : Buffer.concat([...this.chunks, chunk]).subarray(0, 2));
    }
    // A workbook (a zip, or an OLE compound file) is binary by nature: told by its first bytes, read whole for table.ts to judge.
    if (this.size === 0 && this.binary === undefined) this.binary = isWorkbookSignature(chunk);
    if (!this.utf16 && !this.binary && chunk.includes(0)) {
      throw new StatsbidragError('binary-file', 'contains NUL bytes: not a text file', { file: this.file });
    }
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      throw new StatsbidragError('input-too-large', `more than ${mib(this.maxBytes)} of input, the most this tool reads`, { file: this.file }, 'io');
    }
    this.chunks.push(chunk);
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

/** Stdin, read as a stream with the limits. */
export async function readStreamBytes(stream: AsyncIterable<Buffer | string>, file: string, limits: ReadLimits = {}): Promise<Buffer> {
  const collector = new Collector(file, limits.maxBytes ?? MAX_INPUT_BYTES);
  for await (const chunk of stream) collector.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return collector.bytes();
}

/**
 * A file's bytes with the limits. System errors (ENOENT, EACCES, …) are thrown as they are, for the
 * caller to put in words; a directory, a file over the limit and a NUL byte in a stream are
 * StatsbidragErrors.
 */
export function readFileBytes(file: string, limits: ReadLimits = {}): Buffer {
  const maxBytes = limits.maxBytes ?? MAX_INPUT_BYTES;
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new StatsbidragError('not-a-file', 'is a directory, not a file', { file }, 'io');
    if (stats.isFile()) {
      if (stats.size > maxBytes) {
        throw new StatsbidragError('input-too-large', `is larger than ${mib(maxBytes)}, the most this tool reads`, { file }, 'io');
      }
      // Synchronous: one small file read at start-up costs less than the event-loop turns of an async one.
      const bytes = readFileSync(fd);
      if (bytes.length > maxBytes) {
        throw new StatsbidragError('input-too-large', `is larger than ${mib(maxBytes)}, the most this tool reads`, { file }, 'io');
      }
      return bytes;
    }
    // A device or FIFO: no size to trust, so read it a chunk at a time.
    const collector = new Collector(file, maxBytes);
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) return collector.bytes();
      collector.add(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
