/**
 * The one table reader. Bytes → decoded text (decode.ts: BOM, UTF-8/16, Windows-1252) → a
 * dialect decided once for the whole file (delimiter, decimal mark) → a Table of cells with
 * their physical line numbers (csv.ts). Every command reads its CSV input through here, so a
 * cell means the same number in allocate, validate, audit, compare and award.
 */
import type { DecimalMark } from '../core/amount.js';
import { isAmbiguousSeparator } from '../core/amount.js';
import { StatsbidragError } from '../core/errors.js';
import { detectDelimiter, parseTable } from './csv.js';
import { decodeBytes, type Encoding } from './decode.js';
import { jsonTable, looksLikeJson } from './json-table.js';
import { readBytes } from './read.js';
import { isZip, tableFromXlsx } from './xlsx.js';
import { ColumnarTable, tableFromRows } from './table/model.js';

export { ColumnarTable } from './table/model.js';
export type { TableRow } from './table/model.js';

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

/** The columnar model (io/table/model.ts) with its dialect: what every reader gives. */
export type Table = ColumnarTable & { dialect: Dialect };

function withDialect(table: ColumnarTable, dialect: Dialect): Table {
  table.decimalMark = dialect.decimalMark;
  return Object.assign(table, { dialect });
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
export function decideDecimalMark(delimiter: string, rows: readonly { cells: readonly string[] }[] | ColumnarTable): DecimalMark | undefined {
  if (delimiter === ';') return ',';
  let comma = false;
  let dot = false;
  const see = (cell: string): boolean => {
    const one = ONE_SEPARATOR.exec(cell);
    let mark: string | undefined;
    if (one) {
      if (!isAmbiguousSeparator(one[1]!, one[3]!)) mark = one[2];
    } else {
      mark = GROUPED_DECIMAL.exec(cell)?.[1];
    }
    if (mark === ',') comma = true;
    else if (mark === '.') dot = true;
    return comma && dot;
  };
  if (rows instanceof ColumnarTable) {
    // Only cells that start with a digit or "-" are made into strings.
    const { bytes, starts, ends, extras, rowCount } = rows;
    for (let c = 0; c < starts.length; c++) {
      const s0 = starts[c]!;
      const e0 = ends[c]!;
      for (let r = 0; r < rowCount; r++) {
        const s = s0[r]!;
        if (s >= 0) {
          const first = bytes[s]!;
          if (s === e0[r] || (!(first >= 48 && first <= 57) && first !== 45)) continue;
          if (see(bytes.toString('latin1', s, e0[r]!))) return undefined;
        } else {
          const cell = extras[~s]!;
          const first = cell.charCodeAt(0);
          if (!(first >= 48 && first <= 57) && first !== 45) continue;
          if (see(cell)) return undefined;
        }
      }
    }
  } else {
    for (const { cells } of rows) {
      for (const cell of cells) {
        const first = cell.charCodeAt(0);
        if (!(first >= 48 && first <= 57) && first !== 45) continue;
        if (see(cell)) return undefined;
      }
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
    return withDialect(tableFromRows(file, ',', headers, rows), { delimiter: ',', decimalMark, encoding: options.encoding ?? 'utf-8', bom });
  }
  const delimiter = options.delimiter ?? detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const table = parseTable(text, file, delimiter);
  const decimalMark = decideDecimalMark(delimiter, table);
  return withDialect(table, { delimiter, decimalMark, encoding: options.encoding ?? 'utf-8', bom });
}

/** A file (or "-" for stdin) → Table. An .xlsx workbook (ZIP bytes) is read by xlsx.ts into the same shape. */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const bytes = await readBytes(file);
  if (isZip(bytes)) {
    const table = await tableFromXlsx(bytes, file, options.sheet);
    const { sheet } = table;
    return withDialect(table, { delimiter: '', decimalMark: '.', encoding: 'utf-8', bom: false, sheet });
  }
  if (options.sheet !== undefined) throw new StatsbidragError('invalid-option', '--sheet applies to an .xlsx workbook, and this is not one', { file, field: '--sheet' }, 'usage');
  const decoded = await decodeBytes(bytes, file);
  return tableFromText(decoded.text, file, { ...options, encoding: decoded.encoding, bom: decoded.bom });
}
