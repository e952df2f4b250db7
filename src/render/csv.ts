/**
 * Records → CSV text for spreadsheets. Amounts arrive as plain strings, so no JS number ever
 * prints as 1e+21. Text cells that a spreadsheet would run as a formula are neutralised
 * (OWASP: prefix "'"), which csv-stringify's escape_formulas cannot limit to text cells.
 */
import { stringify } from 'csv-stringify/sync';
import { translateHeader, type HeaderLanguage } from './headers.js';
import { CSV_VALUES_SV } from './labels.js';

export interface CsvOptions {
  delimiter?: string;
  /** Decimal mark for numeric cells; "," for Swedish spreadsheets. */
  decimalMark?: '.' | ',';
  bom?: boolean;
  eol?: '\n' | '\r\n';
  /** Column names in English (as the JSON fields) or Swedish. */
  headers?: HeaderLanguage;
}

/**
 * Characters a spreadsheet may read as the start of a formula, at the start of a cell or of any
 * line inside it (a cell holding "A\n=1+2" shows =1+2 on a line of its own): ASCII = + - @, tab,
 * CR, and the full-width ＝ ＋ － ＠ that some spreadsheets also take.
 */
const FORMULA_START = /(?<=^|[\r\n])(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;
const FIRST_FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function neutraliseFormula(text: string): string {
  // One line (nearly every cell): only its start can begin a formula.
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return FIRST_FORMULA.test(text) ? `'${text}` : text;
  return text.replace(FORMULA_START, "'");
}

/** Quote a cell that starts with the neutralising "'" or holds a CR or LF, whatever the record delimiter. */
const QUOTED_MATCH = [/^'/, /[\r\n]/];

/** `textColumns`: indices of the columns that hold text (neutralised); the rest are numbers. */
export function renderCsv(headers: string[], rows: Iterable<string[]>, textColumns: ReadonlySet<number>, options: CsvOptions = {}): string {
  return [...csvChunks(headers, rows, textColumns, options)].join('');
}

/** Records at most this many to a chunk of csvChunks(). */
const RECORDS_A_CHUNK = 4096;

/** How records are written in one CSV dialect: the header line (with the byte order mark when asked for), and one record's text. */
export interface CsvDialect {
  header: string;
  /** A record's text and its line break: text cells neutralised (and with Swedish headers a code said in words), numbers with the decimal mark; quoted as csv-stringify quotes. */
  record(row: readonly string[]): string;
  /**
   * record()'s text when it needs no csv-stringify (a cell quoted only for a delimiter in it is
   * written "…" here, as csv-stringify writes it), else the record's cells for `quoted()`.
   */
  prepare(row: readonly string[]): string | string[];
  /** Records prepare() returned as cells, written in one csv-stringify call (a call a record costs its options' normalising each time). */
  quoted(rows: readonly string[][]): string;
}

/** What csv-stringify quotes and escapes beyond a delimiter: a quote mark, a CR or an LF. */
const QUOTE_OR_BREAK = /["\r\n]/;

/** The dialect of `options` for records under `headers`; `textColumns`: indices of the columns that hold text (neutralised), the rest are numbers. */
export function csvDialect(headers: readonly string[], textColumns: ReadonlySet<number>, options: CsvOptions = {}): CsvDialect {
  const mark = options.decimalMark ?? '.';
  const settings = {
    delimiter: options.delimiter ?? ',',
    record_delimiter: options.eol === '\r\n' ? ('windows' as const) : ('unix' as const),
    quoted_match: QUOTED_MATCH,
  };
  const header = (options.bom ? '\ufeff' : '') + stringify([headers.map((h) => neutraliseFormula(translateHeader(h, options.headers ?? 'en')))], settings);
  // A record none of whose cells needs quoting is joined here (csv-stringify would write the
  // same; it takes 0.6 s a million rows); any other goes through csv-stringify.
  const eol = options.eol ?? '\n';
  const delimiter = settings.delimiter;
  const special = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter.replace(/[\\\]^-]/g, '\\$&')}]`);
  // Per column index: whether it holds text (a lookup per cell, not a Set's).
  const isText: boolean[] = [];
  const text = (i: number): boolean => (isText[i] ??= textColumns.has(i));
  // With Swedish headers, a text column of codes (method, tied, bound, status, year) says them in words.
  const words: (Readonly<Record<string, string>> | undefined)[] =
    options.headers === 'sv' ? headers.map((h, i) => (textColumns.has(i) && Object.hasOwn(CSV_VALUES_SV, h) ? CSV_VALUES_SV[h] : undefined)) : [];
  const word = (i: number, c: string): string => {
    const w = words[i];
    return w !== undefined && Object.hasOwn(w, c) ? w[c]! : c;
  };
  const prepare = (row: readonly string[]): string | string[] => {
    // One loop a record: each cell's text (a text cell neutralised, a number with the decimal mark), and whether any needs quoting.
    const n = row.length;
    const cells = new Array<string>(n);
    // A cell that needs quoting only for a delimiter in it is written "…" here; a record with any
    // other cell to quote (a quote mark, a CR or LF, a leading "'") goes to csv-stringify.
    let quote = false;
    let wrap: number[] | undefined;
    for (let i = 0; i < n; i++) {
      const c = text(i) ? neutraliseFormula(words.length ? word(i, row[i]!) : row[i]!) : mark === ',' ? row[i]!.replace('.', ',') : row[i]!;
      if (!quote && (c.charCodeAt(0) === 39 /* ' */ || special.test(c))) {
        if (c.charCodeAt(0) === 39 || QUOTE_OR_BREAK.test(c)) quote = true;
        else (wrap ??= []).push(i);
      }
      cells[i] = c;
    }
    if (quote) return cells;
    if (wrap) for (const i of wrap) cells[i] = `"${cells[i]!}"`;
    return cells.join(delimiter) + eol; // a flat string per record, not a rope
  };
  const quoted = (rows: readonly string[][]): string => stringify(rows as string[][], settings);
  return {
    header,
    prepare,
    quoted,
    record(row) {
      const r = prepare(row);
      return typeof r === 'string' ? r : quoted([r]);
    },
  };
}

/** renderCsv() in chunks of text, for rows made as they are written (--explain on a large list). */
export function* csvChunks(headers: string[], rows: Iterable<string[]>, textColumns: ReadonlySet<number>, options: CsvOptions = {}): Generator<string> {
  const dialect = csvDialect(headers, textColumns, options);
  const parts = [dialect.header];
  let records = 0;
  // Records that need quoting, in a run: written in one csv-stringify call.
  const run: string[][] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    parts.push(dialect.quoted(run));
    run.length = 0;
  };
  for (const row of rows) {
    const r = dialect.prepare(row);
    if (typeof r === 'string') {
      flush();
      parts.push(r);
    } else run.push(r);
    if (++records % RECORDS_A_CHUNK === 0) {
      flush();
      yield parts.join('');
      parts.length = 0;
    }
  }
  flush();
  yield parts.join('');
}
