/**
 * The one table reader. Bytes → decoded text (decode.ts: BOM, UTF-8/16, Windows-1252) → a
 * dialect decided once for the whole file (delimiter, decimal mark) → a Table of cells with
 * their physical line numbers (csv.ts). Every command reads its CSV input through here, so a
 * cell means the same number in allocate, validate, audit, compare and award.
 */
import type { DecimalMark } from '../core/amount.js';
import { isAmbiguousSeparator } from '../core/amount.js';
import { StatsbidragError } from '../core/errors.js';
import { detectDelimiter, parseTable, type Table as CsvTable } from './csv.js';
import { decodeBytes, type Encoding } from './decode.js';
import { jsonTable, looksLikeJson } from './json-table.js';
import { readBytes } from './read.js';
import { compoundFileError, isCompoundFile, isZip, tableFromXlsx } from './xlsx.js';

/** How the file is written: decided once, from the header line and the cells. */
export interface Dialect {
  delimiter: string;
  /** Undefined: no cell settles it, and each cell is read by the unambiguous-separator rule. */
  decimalMark: DecimalMark | undefined;
  encoding: Encoding;
  bom: boolean;
  /** An .xlsx input: the sheet that was read (cells as plain text, decimal mark "."). */
  sheet?: string;
}

export interface Table extends CsvTable {
  decimalMark: DecimalMark | undefined;
  dialect: Dialect;
}

export interface ReadTableOptions {
  /** The delimiter, when the caller knows it better than detection. */
  delimiter?: string;
  /** An .xlsx input: the sheet to read, by name or 1-based number (default the first). */
  sheet?: string;
}

/** One separator between digits: "1,35", "0.5", "12,345". */
const ONE_SEPARATOR = /^-?(\d+)([.,])(\d+)$/;
/** Space-grouped with a decimal part: "1 350 000,50", "1 350.5". */
const GROUPED_DECIMAL = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+([.,])\d+$/;

/**
 * The decimal mark of the whole file. A semicolon file is what Excel writes in comma-decimal
 * locales (Swedish): ",". Otherwise the cells decide: if every cell that shows its decimal mark
 * unambiguously ("1,5", "0.25", "1 350,50") shows the same one, that is the file's mark; with
 * no such cell, or both kinds, none is decided and "1,350" stays ambiguous.
 */
export function decideDecimalMark(delimiter: string, rows: readonly { cells: readonly string[] }[]): DecimalMark | undefined {
  if (delimiter === ';') return ',';
  let comma = false;
  let dot = false;
  for (const { cells } of rows) {
    for (const cell of cells) {
      const first = cell.charCodeAt(0);
      if (!(first >= 48 && first <= 57) && first !== 45) continue;
      const one = ONE_SEPARATOR.exec(cell);
      let mark: string | undefined;
      if (one) {
        if (!isAmbiguousSeparator(one[1]!, one[3]!)) mark = one[2];
      } else {
        mark = GROUPED_DECIMAL.exec(cell)?.[1];
      }
      if (mark === ',') comma = true;
      else if (mark === '.') dot = true;
      if (comma && dot) return undefined;
    }
  }
  return comma ? ',' : dot ? '.' : undefined;
}

/** Text already decoded → Table with its dialect (the tool's own JSON too: json-table.ts). */
export function tableFromText(text: string, file: string, options: ReadTableOptions & { encoding?: Encoding; bom?: boolean } = {}): Table {
  const bom = options.bom ?? text.charCodeAt(0) === 0xfeff;
  if (options.delimiter === undefined && looksLikeJson(text, file)) {
    const { headers, rows } = jsonTable(text, file);
    const decimalMark = decideDecimalMark(',', rows);
    return { file, headers, rows, delimiter: ',', decimalMark, dialect: { delimiter: ',', decimalMark, encoding: options.encoding ?? 'utf-8', bom } };
  }
  const delimiter = options.delimiter ?? detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const table = parseTable(text, file, delimiter);
  const decimalMark = decideDecimalMark(delimiter, table.rows);
  return { ...table, decimalMark, dialect: { delimiter, decimalMark, encoding: options.encoding ?? 'utf-8', bom } };
}

/** A file (or "-" for stdin) → Table. An .xlsx workbook (ZIP bytes) is read by xlsx.ts into the same shape. */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  return tableFromBytes(await readBytes(file), file, options);
}

/** An input's bytes (a file's, stdin's) → Table: an .xlsx workbook by its first bytes, else text. */
export async function tableFromBytes(bytes: Uint8Array, file: string, options: ReadTableOptions = {}): Promise<Table> {
  if (isZip(bytes)) {
    const { sheet, note, ...table } = await tableFromXlsx(bytes, file, options.sheet);
    // Which sheet was read, when the workbook left a choice: said once, on stderr, never in the output.
    if (note !== undefined) process.stderr.write(`statsbidrag: note: ${file}: ${note}\n`);
    return { ...table, decimalMark: '.', dialect: { delimiter: '', decimalMark: '.', encoding: 'utf-8', bom: false, sheet } };
  }
  if (isCompoundFile(bytes)) throw compoundFileError(bytes, file);
  if (options.sheet !== undefined) throw new StatsbidragError('invalid-option', '--sheet applies to an .xlsx workbook, and this is not one', { file, field: '--sheet' }, 'usage');
  const decoded = await decodeBytes(bytes, file);
  return tableFromText(decoded.text, file, { ...options, encoding: decoded.encoding, bom: decoded.bom });
}
