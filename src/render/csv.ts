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
export function renderCsv(headers: string[], rows: string[][], textColumns: ReadonlySet<number>, options: CsvOptions = {}): string {
  const mark = options.decimalMark ?? '.';
  const body = rows.map((row) =>
    row.map((cell, i) => (textColumns.has(i) ? neutraliseFormula(cell) : mark === ',' ? cell.replace('.', ',') : cell)),
  );
  const names = headers.map((h) => neutraliseFormula(translateHeader(h, options.headers ?? 'en')));
  const text = stringify([names, ...body], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: options.eol === '\r\n' ? 'windows' : 'unix',
    quoted_match: /^'/,
  });
  return (options.bom ? '\ufeff' : '') + text;
}
