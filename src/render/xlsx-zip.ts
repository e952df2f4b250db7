/**
 * A workbook (render/xlsx.ts) as .xlsx bytes: its entries (workbookParts) zipped by yazl as they are
 * read, loaded with require only when a workbook is written. A sheet's rows are made and compressed
 * as the zip is read, so memory stays flat whatever the number of rows. Every limit of Excel was
 * checked when the sheets were made (recordsSheet): nothing here refuses.
 */
import { createRequire } from 'node:module';
import { workbookParts, ZIP_LEVEL, ZIP_MTIME, type Workbook } from './xlsx.js';

type Yazl = typeof import('yazl');

/** The workbook as a stream of .xlsx bytes. */
export function xlsxChunks(workbook: Workbook): AsyncIterable<Uint8Array> {
  const yazl = createRequire(import.meta.url)('yazl') as Yazl;
  const { Readable } = createRequire(import.meta.url)('node:stream') as typeof import('node:stream');
  const zip = new yazl.ZipFile();
  const options = { mtime: ZIP_MTIME, compressionLevel: ZIP_LEVEL };
  const output = zip.outputStream as import('node:stream').Readable;
  for (const part of workbookParts(workbook)) {
    if (!part.sheet) {
      zip.addBuffer(Buffer.from([...part.chunks()].join('')), part.name, options);
      continue;
    }
    zip.addReadStreamLazy(part.name, options, (callback) => {
      const stream = Readable.from(part.chunks(), { objectMode: false, highWaterMark: 1 });
      // A failure while making rows ends the output with it, never leaves it waiting.
      stream.on('error', (e) => output.destroy(e));
      callback(null, stream);
    });
  }
  zip.end();
  return output as AsyncIterable<Uint8Array>;
}

/** The workbook as .xlsx bytes, whole (small workbooks, tests). */
export async function xlsxBytes(workbook: Workbook): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of xlsxChunks(workbook)) parts.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(parts));
}
