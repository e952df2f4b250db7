/**
 * Bounds on reading a workbook, which no file can talk its way around: they are counted on what
 * is actually inflated and parsed, not on what the zip declares. Breaking one is exit 2 with one
 * line, as soon as it is seen (a zip bomb stops within its first megabyte).
 */
export interface XlsxLimits {
  /** Most bytes one zip entry may inflate to (declared or actual). */
  maxEntryBytes: number;
  /** Most bytes all entries read may inflate to together. */
  maxTotalBytes: number;
  /** Most inflated bytes per compressed byte of an entry, checked once it has inflated `ratioAfter` bytes. */
  maxRatio: number;
  ratioAfter: number;
  /** Most cells the sheet may hand on (a row counts up to its last non-empty cell), and most shared strings. */
  maxCells: number;
}

/**
 * The defaults. A million-row sheet of four columns as openpyxl writes it inflates to about 210 MB
 * at a ratio of 7.5; the tool's own sheets compress about 10 to 30 times. 1 GiB holds several
 * times the largest real table, and a ratio of 200 is far above any real sheet and far below a
 * bomb's (deflate reaches about 1 000). 2^24 cells hold a million rows of 16 columns (the tool's own
 * ten-year allocation has 14), and keep a sheet padded to XFD within a few hundred MB.
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioAfter: 1024 * 1024,
  maxCells: 16_777_216,
};

export { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../../core/excel.js';
