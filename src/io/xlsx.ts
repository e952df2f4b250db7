/**
 * An .xlsx workbook → the same Table every CSV becomes (table.ts calls this when the bytes start
 * with the ZIP signature). One sheet is read: the first, or the one `--sheet` names (by name or
 * 1-based number). The first non-empty row is the header; each row keeps its sheet row number as
 * its `line`, so an error says "file.xlsx:7" as Excel numbers the row.
 *
 * Cells become text as the table reader expects: a numeric cell is its plain decimal text ("1234.5",
 * never "1,2345E+3"), so the sheet's decimal mark is "."; a text cell is its text, trimmed as CSV
 * cells are. Excel stores some numbers with 17 significant digits ("0.10000000000000001") but
 * shows and computes with 15: a number is read as Excel shows it, rounded to 15 significant digits.
 *
 * read-excel-file (fflate + a SAX parser) is loaded with require only when an .xlsx is read, so
 * the CLI bundle neither carries nor loads it for CSV work.
 */
import { createRequire } from 'node:module';
import { Decimal } from '../core/decimal.js';
import { EXCEL_DIGITS } from '../core/excel.js';
import { StatsbidragError } from '../core/errors.js';
import { tableFromRows, type ColumnarTable, type TableRow } from './table/model.js';
import { zipArchiveLength } from './zip-end.js';

/** "PK\x03\x04": a ZIP local file header, which is how every .xlsx file starts. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}


type CellValue = string | number | boolean | Date | null;
type ReadAll = (input: Buffer, options: { parseNumber: (text: string) => string; trim: boolean }) => Promise<{ sheet: string; data: CellValue[][] }[]>;

function loadReader(): ReadAll {
  const mod = createRequire(import.meta.url)('read-excel-file/node') as { default: ReadAll };
  return mod.default;
}

/** A numeric cell's stored text ("1234.56", "1.2E-3", "0.10000000000000001") → plain decimal text as Excel shows it. */
export function numberCellText(raw: string): string {
  const d = new Decimal(raw.trim());
  return d.toSignificantDigits(EXCEL_DIGITS).toFixed();
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  return numberCellText(String(value));
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Which sheet `--sheet` names: a name (exactly, then ignoring case), or a 1-based number. */
function pickSheet(sheets: { sheet: string; data: CellValue[][] }[], spec: string | undefined, file: string): { sheet: string; data: CellValue[][] } {
  if (spec === undefined) return sheets[0]!;
  const named = sheets.find((s) => s.sheet === spec) ?? sheets.find((s) => s.sheet.toLowerCase() === spec.toLowerCase());
  if (named) return named;
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n >= 1 && n <= sheets.length) return sheets[n - 1]!;
  }
  const list = sheets.map((s, i) => `${i + 1} "${s.sheet}"`).join(', ');
  throw new StatsbidragError('sheet-not-found', `no sheet "${spec}" (sheets: ${list})`, { file, field: '--sheet' }, 'usage');
}

/** Workbook bytes → Table of one sheet. */
export async function tableFromXlsx(bytes: Uint8Array, file: string, sheet?: string): Promise<ColumnarTable & { sheet: string }> {
  let sheets: { sheet: string; data: CellValue[][] }[];
  // The archive as its central directory bounds it: bytes after it are no part of the workbook
  // (Excel reads them so), and read-excel-file's promise never settles when they are there.
  const length = zipArchiveLength(bytes);
  if (length === undefined) throw new StatsbidragError('invalid-xlsx', 'not a readable .xlsx workbook (no end of central directory: a truncated or damaged zip)', { file });
  bytes = bytes.subarray(0, length);
  try {
    sheets = await loadReader()(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (text) => text, trim: false });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new StatsbidragError('invalid-xlsx', `not a readable .xlsx workbook (${why})`, { file });
  }
  if (sheets.length === 0) throw new StatsbidragError('invalid-xlsx', 'the workbook has no sheets', { file });
  const chosen = pickSheet(sheets, sheet, file);
  const where = { file, field: `sheet "${chosen.sheet}"` };
  let headers: string[] | undefined;
  const rows: TableRow[] = [];
  chosen.data.forEach((values, i) => {
    const line = i + 1;
    const cells = values.map(cellText);
    if (cells.every((c) => c === '')) return;
    if (!headers) {
      let width = cells.length;
      while (width > 0 && cells[width - 1] === '') width--;
      headers = cells.slice(0, width);
      headers.forEach((h, c) => {
        if (h === '') throw new StatsbidragError('empty-header', `column ${columnLetters(c)} has no header`, { ...where, line });
        if (headers!.indexOf(h) !== c) throw new StatsbidragError('duplicate-header', `column "${h}" appears twice in the header`, { file, line, field: h });
      });
      return;
    }
    const beyond = cells.findIndex((c, col) => col >= headers!.length && c !== '');
    if (beyond >= 0) {
      throw new StatsbidragError('cell-outside-table', `cell ${columnLetters(beyond)}${line} holds a value but its column has no header`, { ...where, line });
    }
    const row = cells.slice(0, headers.length);
    while (row.length < headers.length) row.push('');
    rows.push({ line, cells: row });
  });
  if (!headers) throw new StatsbidragError('empty-file', `sheet "${chosen.sheet}" is empty`, { file });
  return Object.assign(tableFromRows(file, '', headers, rows), { sheet: chosen.sheet });
}
