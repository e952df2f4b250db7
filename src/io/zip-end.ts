/**
 * Where a zip file really ends. A zip is read from its end: the End Of Central Directory record
 * (EOCD, "PK\x05\x06", 22 bytes and a comment of up to 65 535) points at the central directory,
 * which lists the entries. Bytes appended after it (one stray byte, a download's padding) are not
 * part of the archive: Excel, LibreOffice and Python's zipfile read such a file by its central
 * directory as if they were not there. Some readers instead refuse it, or never answer at all.
 *
 * This finds the last EOCD whose comment fits inside the file and returns the archive's length,
 * so that a reader is handed exactly the archive; undefined when there is no EOCD (a truncated or
 * not-a-zip file), for the caller to put in words.
 */
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function zipArchiveLength(bytes: Uint8Array): number | undefined {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT - 64 * 1024);
  for (let i = bytes.length - EOCD_SIZE; i >= lowest; i--) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x05 || bytes[i + 3] !== 0x06) continue;
    const commentLength = bytes[i + 20]! | (bytes[i + 21]! << 8);
    const end = i + EOCD_SIZE + commentLength;
    if (end <= bytes.length) return end;
  }
  return undefined;
}
