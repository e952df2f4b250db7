/**
 * Errors as data: every problem a user can cause is a StatsbidragError with a stable
 * kebab-case code and, where known, a location. Only the CLI turns one into text and an
 * exit code; the core never prints or exits.
 *
 * Every code is listed once, in ERROR_CODES, with what it means; docs/error-codes.md is
 * generated from that list (`npm run docs:errors`) and a test keeps the two the same.
 */

/**
 * Every error code, with one line on what it means. Grouped by where the problem usually lies;
 * the order is the order of docs/error-codes.md.
 */
export const ERROR_CODES = {
  // Files: reading and writing
  'file-not-found': 'an input file does not exist',
  'file-not-readable': 'an input file exists but cannot be read (permissions, or a path through a file)',
  'not-a-file': 'an input path names a directory',
  'binary-file': 'an input file contains NUL bytes: not text',
  'invalid-utf8': 'an input file is not valid UTF-8 but is not plausibly Windows-1252 either: it starts with a UTF-8 byte order mark, or holds valid UTF-8 sequences beside the bad byte (the message names line and byte)',
  'invalid-xlsx': 'an .xlsx input is not a readable workbook (a damaged or truncated zip, XML that is not well-formed, a cell beyond row 1 048 576 or column XFD)',
  'xlsx-limit': 'an .xlsx input inflates past the bytes, compression ratio or cells this tool reads (a zip bomb, or a sheet far larger than any real table)',
  'encrypted-workbook': 'an .xlsx input is password-protected: save a copy without a password',
  'unsupported-spreadsheet': 'a spreadsheet that is not .xlsx (an old .xls, .ods, .xlsb): save it as .xlsx or CSV',
  'xlsx-output-limit': 'a workbook to write holds what Excel cannot open (more than 1 048 576 rows or 16 384 columns in a sheet, a cell over 32 767 characters); nothing was written',
  'formula-value': 'an .xlsx cell holds a formula with no computed value, or an error value (#DIV/0!, #REF!, …)',
  'sheet-not-found': 'the --sheet named is not in the workbook',
  'cell-outside-table': 'an .xlsx sheet has a cell beyond the header\'s columns',
  'path-outside-folder': 'a path inside a rules file leads outside that file\'s folder (pass such a list with --data)',
  'stdin-used-twice': 'standard input ("-") is given for two inputs; it can be read once',
  'input-too-large': 'an input is larger than the tool reads (500 MiB), or endless',
  'over-heap-budget': 'a list that is split row by row in memory (the streamed lane does not take it: --explain with floors or ceilings, dots grouping thousands, …) has more rows than Node\'s heap holds for that here; refused before the rows are made, nothing was written',
  'out-is-input': '--out names one of the command\'s input files; the output would replace it (refused before anything is read)',
  'cannot-write-output': 'the --out file cannot be written (missing folder, permissions, a directory, in use); nothing was written',

  // CSV structure
  'empty-file': 'a CSV file is empty or holds only blank lines',
  'empty-header': 'a CSV header cell is empty',
  'duplicate-header': 'two CSV columns have the same header',
  'header-row-not-found': 'no row near the top holds the columns the command needs (the message names the row taken as the header and what it lacks), or --header-row names no such row',
  'csv-record-inconsistent-fields-length': 'a CSV line has more or fewer fields than the header',
  'csv-quote-not-closed': 'CSV syntax: a quoted field is never closed',
  'csv-invalid-closing-quote': 'CSV syntax: a closing quote is followed by something other than a delimiter or line end',
  'csv-invalid-opening-quote': 'CSV syntax: a quote inside a field that is not quoted',
  'csv-non-trimable-char-after-closing-quote': 'CSV syntax: text after the closing quote of a field',
  'csv-syntax': 'CSV syntax: any other problem the CSV parser reports',

  // Amounts, years and other values in cells, files and options
  'invalid-amount': 'a value is not an amount (letters, no digits, exponent notation, a percentage where money is expected…)',
  'broken-digit-grouping': 'an amount whose digit groups are not all three digits ("164 000 00"); the message names the likely values',
  'ambiguous-amount': 'an amount with one separator before three digits ("1,350"): a decimal or a thousands mark',
  'amount-too-large': 'an amount with more than 30 integer digits',
  'amount-too-precise': 'an amount with more than 20 decimals',
  'range-too-far': 'allocate --explain-range under largest remainder: finding a row\'s range would take more splits than the tool makes (a weight that is a tiny share of the total, in a small unit)',
  'invalid-year': 'a year or year range that cannot be read, or a range that ends before it starts',
  'negative-amount': 'a negative amount where only zero or more makes sense',
  'negative-weight': 'a negative basis value (weight)',
  'invalid-weight': 'a weight given to splitColumns() is not a whole number from 0 (below 2^53 in a Float64Array)',
  'negative-floor': 'a negative minimum amount (floor) for a recipient',
  'negative-ceiling': 'a negative maximum amount (ceiling) for a recipient',
  'negative-total': 'a negative amount to split',
  'invalid-unit': 'a rounding unit that is not a positive amount',
  'invalid-admin': 'administrative costs that are negative, or a percentage above 100 %',
  'missing-value': 'an empty cell where a value is needed',

  // Tables: rows, recipients and columns
  'no-rows': 'a table has a header but no rows',
  'missing-recipient': 'a row without a recipient name',
  'duplicate-recipient': 'a recipient appears twice (in a table, or added by a scenario when already there)',
  'footnote-with-number': 'the last row, below a blank row, opens as a footnote ("Källa: SCB", "1)", "*") but holds a number: neither a note to pass over nor a recipient to pay',
  'unmatched-total-row': 'a row named as a total or subtotal ("Summa Stockholms län", "Totalt 32 kommuner") does not hold the sums of its group or of the rows above it: not a row to pay or count',
  'unknown-recipient': 'a scenario removes or changes a recipient that is not in the list',
  'duplicate-change': 'a scenario removes, or changes, the same recipient twice',
  'changed-removed-recipient': 'a scenario both changes and removes a recipient',
  'no-recipients': 'nothing to split among: no recipients, or a scenario removes them all',
  'no-positive-weight': 'no recipient (or row) has a positive basis value',
  'unknown-column': 'no column matches the header or year given',
  'ambiguous-column': 'several columns match the header or year given',
  'missing-column': 'a needed column is not named (audit --column) or not in the file (applications)',
  'unknown-schema': 'statsbidrag schema: no schema of that name',
  'no-amount-columns': 'validate: no column header names a year or year range',
  'missing-year': 'validate: a bare "amount"/"belopp" column holds one year\'s amounts and --year does not say which',
  'duplicate-application': 'an applicant applies twice in one applications file',
  'missing-priority': 'priority rationing, and an admitted application has no priority score',

  // JSON files: rules and scenarios
  'invalid-json': 'a JSON file is not valid JSON',
  'invalid-json-table': 'a JSON table (validate reads what allocate --format json writes) has no "rows" array of flat objects, or a cell that is not a string',
  'duplicate-json-key': 'a rules or scenario file has one key twice in one object (JSON would keep the last silently); the JSON path names it',
  'invalid-rules': 'the rules file does not match its schema (the JSON path says where)',
  'invalid-scenario': 'a scenario file does not match its schema (the JSON path says where)',
  'unknown-scenario': 'no scenario file and no bundled scenario of that name',
  'period-needs-total': 'a scenario adds years the programme has no money for without giving a total',

  // Splitting
  'unknown-method': 'an apportionment method name that is not known',
  'first-divisor-not-applicable': 'a first divisor given for a method that takes none',
  'invalid-first-divisor': 'a first divisor that is not above 0 and at most the second divisor',
  'total-not-multiple-of-unit': 'the amount to split is not a whole number of rounding units (and --rest leave was not given)',
  'floor-above-ceiling': "a recipient's floor is above its ceiling, or no whole number of units lies between them",
  'floors-exceed-total': 'the floors add up to more than the amount to split',
  'ceilings-below-total': 'the ceilings add up to less than the amount to split',
  'bounds-unstable': 'floors and ceilings leave money that no recipient may take',
  'admin-exceeds-total': 'administrative costs are larger than the total',

  // Programmes and command-line options
  'invalid-option': 'a command-line option with a value it does not accept, or options that do not go together',
  'missing-data': 'allocate without a programme list needs --data FILE',
  'missing-basis': 'the basis (weight) column is not named',
  'missing-total': 'allocate without a programme needs --total',
  'unknown-programme': 'no programme of that id in the rules (or none with award rules)',
  'unknown-year': 'the programme has no period for the year(s) asked for',
  'no-common-years': 'compare: the two sides share no year',
  'no-recipient-list': 'the programme has no bundled recipient list to start from',
  'no-award-rules': 'award: the programme has no award rules',
  'not-a-formula-grant': 'the programme awards these years on applications, not by a formula',
} as const satisfies Record<string, string>;

/** A stable, documented error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether `code` is one of ERROR_CODES. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/**
 * The error code for a csv-parse error code, taken through io/csv.ts's kebab-casing
 * ("CSV_QUOTE_NOT_CLOSED" → "quote-not-closed"). Only these four can come from the options the
 * reader passes (field counts get their own message); anything else is `csv-syntax`.
 */
const CSV_SYNTAX_CODES: Readonly<Record<string, ErrorCode>> = {
  'quote-not-closed': 'csv-quote-not-closed',
  'invalid-closing-quote': 'csv-invalid-closing-quote',
  'invalid-opening-quote': 'csv-invalid-opening-quote',
  'non-trimable-char-after-closing-quote': 'csv-non-trimable-char-after-closing-quote',
  'record-inconsistent-fields-length': 'csv-record-inconsistent-fields-length',
};

export function csvErrorCode(kebabCsvParseCode: string): ErrorCode {
  return CSV_SYNTAX_CODES[kebabCsvParseCode] ?? 'csv-syntax';
}

export interface Location {
  /** File path as the user gave it ("-" for stdin). */
  file?: string;
  /** 1-based physical line in the file. */
  line?: number;
  /** Column header or option name the problem is in. */
  field?: string;
  /** Path inside a JSON document, e.g. `programmes[0].periods[1].unit`. */
  path?: string;
}

/**
 * Whose the problem is, for the CLI to choose an exit code and wording: the content of an input
 * file or value (`input`), how the command was called (`usage`), or the file system (`io`).
 */
export type ErrorKind = 'input' | 'usage' | 'io';

export class StatsbidragError extends Error {
  override readonly name = 'StatsbidragError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly location: Location = {},
    readonly kind: ErrorKind = 'input',
  ) {
    super(message);
  }

  /**
   * Same error, with location facts filled in by an outer layer that knows them (the error's own
   * facts win). A copy of the same class with the same own fields (an AmountParseError keeps its
   * text and grouping candidates) and the original stack.
   */
  at(location: Location): this {
    const own = Object.fromEntries(Object.entries(this.location).filter(([, v]) => v !== undefined));
    const fields = Object.getOwnPropertyDescriptors(this);
    return Object.create(Object.getPrototypeOf(this) as object, {
      ...fields,
      location: { ...fields.location, value: { ...location, ...own } },
    }) as this;
  }
}

/**
 * `e` with location facts added where it has none of its own (an error that already names a
 * file keeps it); anything that is not a StatsbidragError passes through unchanged.
 */
export function located(e: unknown, location: Location): unknown {
  return e instanceof StatsbidragError ? e.at(location) : e;
}

/** "file:line: field "X": message" — the one line the CLI prints. */
function formatLocation(loc: Location): string {
  const parts: string[] = [];
  let head = loc.file ?? '';
  if (loc.line !== undefined) head += `${head ? ':' : 'line '}${loc.line}`;
  if (head) parts.push(head);
  if (loc.path) parts.push(loc.path);
  if (loc.field) parts.push(`field "${loc.field}"`);
  return parts.join(': ');
}

export function describeError(err: StatsbidragError): string {
  const where = formatLocation(err.location);
  return where ? `${where}: ${err.message}` : err.message;
}
