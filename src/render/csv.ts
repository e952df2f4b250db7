/**
 * Records → CSV text for spreadsheets. Amounts arrive as plain strings, so no JS number ever
 * prints as 1e+21. Text cells that a spreadsheet would run as a formula are neutralised
 * (OWASP: prefix "'"), which csv-stringify's escape_formulas cannot limit to text cells.
 */
import { stringify } from 'csv-stringify/sync';
import { translateHeader, type HeaderLanguage } from './headers.js';

export interface CsvOptions {
  delimiter?: string;
  /** Decimal mark for numeric cells; "," for Swedish spreadsheets. */
  decimalMark?: '.' | ',';
  bom?: boolean;
  eol?: '\n' | '\r\n';
  /** Column names in English (as the JSON fields) or Swedish. */
  headers?: HeaderLanguage;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** `textColumns`: indices of the columns that hold text (neutralised); the rest are numbers. */
export function renderCsv(headers: string[], rows: Iterable<string[]>, textColumns: ReadonlySet<number>, options: CsvOptions = {}): string {
  const mark = options.decimalMark ?? '.';
  const settings = {
    delimiter: options.delimiter ?? ',',
    record_delimiter: options.eol === '\r\n' ? ('windows' as const) : ('unix' as const),
    quoted_match: /^'/,
  };
  const cellText = (cell: string, i: number): string =>
    textColumns.has(i) ? neutraliseFormula(cell) : mark === ',' ? cell.replace('.', ',') : cell;
  const parts = [options.bom ? '\ufeff' : '', stringify([headers.map((h) => neutraliseFormula(translateHeader(h, options.headers ?? 'en')))], settings)];
  // In chunks, so a million rows never exist twice over as arrays.
  let chunk: string[][] = [];
  for (const row of rows) {
    chunk.push(row.map(cellText));
    if (chunk.length === CHUNK_ROWS) {
      parts.push(stringify(chunk, settings));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(stringify(chunk, settings));
  return parts.join('');
}

const CHUNK_ROWS = 10_000;
