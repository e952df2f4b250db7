/**
 * The workbook's zip, read as Excel reads it: by its central directory (yauzl), never by walking
 * local headers (a reader that does can see entries the central directory does not list, and so a
 * different sheet than Excel shows). Bytes after the End Of Central Directory record are no part of
 * the archive (zip-end.ts), as for Excel, LibreOffice and Python's zipfile.
 *
 * Every entry is inflated as a stream under bounds counted on the bytes that actually come out
 * (limits.ts): its declared size, its real size (yauzl checks one against the other while
 * inflating), the total of all entries, and the compression ratio. Its CRC-32 is checked at the
 * end. Two entries whose names differ only in case are refused: Excel's part names ignore case,
 * so such a file would be read differently by different programs.
 *
 * yauzl is loaded with require only when a workbook is read.
 */
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type { Entry, ZipFile } from 'yauzl';
import { StatsbidragError } from '../../core/errors.js';
import { zipArchiveLength } from '../zip-end.js';
import type { XlsxLimits } from './limits.js';

type Yauzl = typeof import('yauzl');

type Crc32 = (data: Uint8Array, value?: number) => number;
/**
 * zlib's crc32 (Node 20.15+), loaded on the first entry read: requiring node:zlib pulls in Node's
 * stream internals, about 10 ms, and every command that could read a workbook imports this module.
 */
let zlibModule: typeof import('node:zlib') | undefined;
const zlibOf = (): typeof import('node:zlib') => (zlibModule ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib'));
let crc32Fn: Crc32 | null | undefined;
const crc32Of = (): Crc32 | null => (crc32Fn ??= (zlibOf() as { crc32?: Crc32 }).crc32 ?? null);

/** Bytes zlib hands on at a time while inflating an entry. */
const INFLATE_CHUNK = 256 * 1024;
/** Inflated bytes waiting to be read before inflating pauses. */
const QUEUE_BYTES = 4 * 1024 * 1024;

const mib = (n: number): string => `${Math.round(n / 1024 / 1024)} MiB`;

/** yauzl's messages, made into the reason a user can act on. */
function damaged(file: string, why: string): StatsbidragError {
  return new StatsbidragError('invalid-xlsx', `not a readable .xlsx workbook (a damaged zip: ${why})`, { file });
}

export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly file: string,
    private readonly limits: XlsxLimits,
  ) {}

  /** The zip's central directory; nothing is inflated yet. */
  static open(bytes: Uint8Array, file: string, limits: XlsxLimits): Promise<ZipArchive> {
    const length = zipArchiveLength(bytes);
    if (length === undefined) {
      return Promise.reject(new StatsbidragError('invalid-xlsx', 'not a readable .xlsx workbook (no end of central directory: a truncated or damaged zip)', { file }));
    }
    const yauzl = createRequire(import.meta.url)('yauzl') as Yauzl;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, length);
    return new Promise((resolve, reject) => {
      yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
        if (err || !zip) {
          reject(damaged(file, (err?.message ?? 'unknown').split('\n')[0]!));
          return;
        }
        const entries = new Map<string, Entry>();
        let failed = false;
        zip.on('error', (e: Error) => {
          failed = true;
          reject(damaged(file, e.message.split('\n')[0]!));
        });
        zip.on('entry', (entry: Entry) => {
          if (failed) return;
          const key = entry.fileName.toLowerCase();
          if (entries.has(key)) {
            failed = true;
            reject(damaged(file, `two entries named "${entry.fileName}"`));
            return;
          }
          entries.set(key, entry);
          zip.readEntry();
        });
        zip.on('end', () => {
          if (!failed) resolve(new ZipArchive(zip, entries, file, limits));
        });
        zip.readEntry();
      });
    });
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  /**
   * An entry inflated and decoded as UTF-8, handed to `onText` a chunk at a time (synchronously:
   * the next chunk waits). What `onText` throws stops the inflating and rejects.
   */
  stream(name: string, onText: (text: string) => void): Promise<void> {
    const decoder = new StringDecoder('utf8');
    return this.streamBytes(
      name,
      (chunk) => onText(decoder.write(chunk)),
      () => {
        const rest = decoder.end();
        if (rest) onText(rest);
      },
    );
  }

  /**
   * An entry inflated, handed to `onBytes` a chunk at a time as zlib gives it (synchronously: the
   * next chunk waits; a chunk is never written to again), and `onEnd` once its sizes and CRC-32 are
   * checked. What either throws stops the inflating and rejects.
   */
  streamBytes(name: string, onBytes: (chunk: Buffer) => void, onEnd?: () => void): Promise<void> {
    const entry = this.entries.get(name.toLowerCase());
    const { file, limits } = this;
    if (!entry) return Promise.reject(damaged(file, `no entry "${name}"`));
    if (entry.isEncrypted()) return Promise.reject(new StatsbidragError('encrypted-workbook', `entry "${name}" is encrypted: save the workbook without a password`, { file }));
    const tooLarge = (size: number): StatsbidragError =>
      new StatsbidragError('xlsx-limit', `"${name}" inflates to more than ${mib(limits.maxEntryBytes)} (at least ${mib(size)}), more than this tool reads from one part of a workbook`, { file });
    if (entry.uncompressedSize > limits.maxEntryBytes) return Promise.reject(tooLarge(entry.uncompressedSize));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return Promise.reject(damaged(file, `"${name}": unsupported compression method: ${entry.compressionMethod}`));
    return new Promise((resolve, reject) => {
      // The entry's bytes as stored, inflated here in large pieces (zlib's default of 16 KiB made
      // a 150 MB sheet ten thousand round trips); its sizes are checked below as yauzl checks them.
      this.zip.openReadStream(entry, { decodeFileData: false }, (err, raw) => {
        if (err || !raw) {
          reject(damaged(file, `"${name}": ${(err?.message ?? 'unknown').split('\n')[0]}`));
          return;
        }
        const inflate = entry.compressionMethod === 8 ? zlibOf().createInflateRaw({ chunkSize: INFLATE_CHUNK }) : undefined;
        const stream = inflate ? raw.pipe(inflate) : raw;
        const crc32 = crc32Of();
        let size = 0;
        let crc = 0;
        let done = false;
        const fail = (e: unknown): void => {
          if (done) return;
          done = true;
          if (inflate) {
            raw.unpipe(inflate);
            inflate.destroy();
          }
          raw.destroy();
          reject(e instanceof StatsbidragError ? e : damaged(file, `"${name}": ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
        };
        stream.on('data', (chunk: Buffer) => {
          if (done) return;
          size += chunk.length;
          this.inflated += chunk.length;
          if (size > entry.uncompressedSize) return fail(damaged(file, `"${name}": too many bytes in the stream. expected ${entry.uncompressedSize}. got at least ${size}`));
          if (size > limits.maxEntryBytes) return fail(tooLarge(size));
          if (this.inflated > limits.maxTotalBytes) {
            return fail(new StatsbidragError('xlsx-limit', `the workbook inflates to more than ${mib(limits.maxTotalBytes)}, more than this tool reads`, { file }));
          }
          if (size > limits.ratioAfter && size > entry.compressedSize * limits.maxRatio) {
            return fail(
              new StatsbidragError('xlsx-limit', `"${name}" inflates more than ${limits.maxRatio} times its compressed size (${entry.compressedSize} bytes to over ${size}): a zip bomb, not a workbook`, { file }),
            );
          }
          if (crc32) crc = crc32(chunk, crc);
          // Read in the next turn of the event loop: zlib inflates the next piece meanwhile (in
          // its thread) rather than after. At most QUEUE_BYTES wait; beyond that inflating pauses.
          queue.push(chunk);
          queued += chunk.length;
          if (!scheduled) {
            scheduled = true;
            setImmediate(drain);
          }
          if (queued > QUEUE_BYTES && !paused) {
            paused = true;
            stream.pause();
          }
        });
        const queue: Buffer[] = [];
        let queued = 0;
        let scheduled = false;
        let paused = false;
        let ended = false;
        const drain = (): void => {
          scheduled = false;
          if (done) return;
          try {
            for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
              queued -= chunk.length;
              onBytes(chunk);
              if (done) return;
            }
          } catch (e) {
            return fail(e);
          }
          if (ended) return finish();
          if (paused) {
            paused = false;
            stream.resume();
          }
        };
        const finish = (): void => {
          if (done) return;
          if (size < entry.uncompressedSize) return fail(damaged(file, `"${name}": not enough bytes in the stream. expected ${entry.uncompressedSize}. got only ${size}`));
          if (crc32 && crc >>> 0 !== entry.crc32 >>> 0) return fail(damaged(file, `"${name}" fails its CRC-32 check`));
          try {
            onEnd?.();
          } catch (e) {
            return fail(e);
          }
          done = true;
          resolve();
        };
        raw.on('error', fail);
        inflate?.on('error', fail);
        stream.on('end', () => {
          ended = true;
          if (!scheduled) finish();
        });
        // A stream that closes without its end (destroyed from outside) would otherwise leave this waiting.
        stream.on('close', () => {
          if (!ended) fail(damaged(file, `"${name}" ended early`));
        });
      });
    });
  }

  /** A small entry (relationships, the workbook's sheet list) as one string, within `maxBytes`. */
  async text(name: string, maxBytes = 16 * 1024 * 1024): Promise<string> {
    const parts: string[] = [];
    let length = 0;
    await this.stream(name, (text) => {
      length += text.length;
      if (length > maxBytes) throw new StatsbidragError('xlsx-limit', `"${name}" is larger than ${mib(maxBytes)}, more than such a part of a workbook ever is`, { file: this.file });
      parts.push(text);
    });
    return parts.join('');
  }

  /** The raw first bytes of a stored entry (ODF's "mimetype"), for telling what kind of zip this is. */
  async head(name: string, max = 100): Promise<string> {
    let text = '';
    await this.stream(name, (t) => {
      if (text.length < max) text += t.slice(0, max - text.length);
    });
    return text;
  }
}
