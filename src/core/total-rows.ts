/**
 * The one rule for a table's total rows, which every command applies to every table it reads
 * (allocate and its bulk lane, compare, audit, award, report, validate): a total row is never a
 * recipient. validate checks it against the rows; every other command sets it aside and says so.
 *
 * A row is a total row when
 *  - its name cell is a total word, whole (after the recipient key, core/recipient-key.ts, and
 *    with a trailing colon allowed): "Summa", "Totalt", "Total", "Sum", "Summa totalt",
 *    "Totalsumma", "Samtliga", "Totalt riket", "Hela riket", "Grand total", … A real name that
 *    merely contains such a word ("Summa Konsult AB", "Total Oil") is not one; or
 *  - it is one of the table's last rows and its amounts equal, exactly, the column sums of the
 *    rows above it (at least two of them, and not all zero): a total row without a total word
 *    (unless it names a recipient above it: that is a duplicate, and reported as one). With only
 *    one amount column to show it, the row's name must also be empty or hold a total word
 *    ("Summa kommuner", "Riket 2019"): a list's last weight may equal the others' sum by chance.
 */
import type { TableLike } from './cells.js';
import { Decimal } from './decimal.js';
import { plainKeyHash } from './key-bytes.js';
import { keyHash } from './key-index.js';
import { recipientKey } from './recipient-key.js';

/** Total words, as recipient keys (Swedish and English). */
const TOTAL_WORDS = new Set([
  'summa',
  's:a',
  'summa totalt',
  'totalsumma',
  'totalt',
  'totalt riket',
  'summa riket',
  'hela riket',
  'riket',
  'hela landet',
  'samtliga',
  'samtliga kommuner',
  'alla kommuner',
  'total',
  'totals',
  'grand total',
  'sum',
  'sum total',
  'all recipients',
]);

/** The total words, as recipient keys. */
const TOTAL_WORD_KEYS: readonly string[] = [...TOTAL_WORDS];

/** Whether a name cell is a total word ("Summa", "TOTALT:", "Grand total", …), not a recipient. */
export function isTotalName(name: string): boolean {
  return name.length <= 64 && isTotalKey(recipientKey(name), name.length);
}

/** isTotalName for a name whose recipient key the caller has already made: `key` is recipientKey(name), `nameLength` the name's length. */
/** Key hashes (core/key-index.ts keyHash) of the total words as a name cell may hold them ("Summa", "Summa:", "Summa :"). */
let totalHashes: Set<number> | undefined;
/** A bit for each total word's hash's low 16 bits: nearly every name is ruled out by one bit (a million names are asked). */
const totalBits = new Uint8Array(8192);

/** Whether `hash`, a recipient key's keyHash, may be a total word's (false: it is none; true: isTotalName decides). */
export function maybeTotalWordHash(hash: number): boolean {
  if (totalHashes === undefined) {
    totalHashes = new Set(TOTAL_WORD_KEYS.flatMap((k) => [k, `${k}:`, `${k} :`].map(keyHash)));
    for (const h of totalHashes) totalBits[(h >>> 3) & 8191]! |= 1 << (h & 7);
  }
  return ((totalBits[(hash >>> 3) & 8191]! >> (hash & 7)) & 1) === 1 && totalHashes.has(hash);
}

/**
 * Whether the name in bytes[s, e) (UTF-8) may be a total word, without making a string: false
 * for a printable-ASCII name whose key's hash is no total word's (core/key-bytes.ts plainKeyHash);
 * true for any other, and isTotalName then decides on the name.
 */
export function maybeTotalWordBytes(bytes: Uint8Array, s: number, e: number): boolean {
  const h = plainKeyHash(bytes, s, e);
  return Number.isNaN(h) || maybeTotalWordHash(h);
}

/**
 * RowsForTotals.maybeTotalWord for the names in column `c` of a table that holds its cells as
 * slices of its bytes (core/cells.ts TableLike: a cell held as text, start < 0, may be one); none
 * when the table has no bytes.
 */
export function totalWordFilter(table: Pick<TableLike, 'bytes' | 'starts' | 'ends'>, c: number): { maybeTotalWord?: (index: number) => boolean } {
  const { bytes } = table;
  const starts = table.starts?.[c];
  const ends = table.ends?.[c];
  if (!bytes || !starts || !ends) return {};
  return { maybeTotalWord: (i) => starts[i]! < 0 || maybeTotalWordBytes(bytes, starts[i]!, ends[i]!) };
}

export function isTotalKey(key: string, nameLength: number): boolean {
  if (nameLength > 64) return false;
  if (key.endsWith(':')) key = key.slice(0, -1).trimEnd();
  return key.length <= 20 && TOTAL_WORDS.has(key);
}

/** A row as the rule sees it: its name, and its amounts (undefined: an empty or unreadable cell). */
export interface RowForTotals {
  name: string;
  amounts: readonly (Decimal | undefined)[];
}

export interface TotalRow {
  /** Position in the rows given. */
  index: number;
  /** How it was known: a total word, or amounts that are the sums of the rows above. */
  by: 'word' | 'sum';
}

/**
 * How many columns show that `amounts` hold `sums`: the columns with a value, every one of them
 * equal to its sum, counting those that are not zero; 0 when any differs.
 */
function sumsHeld(amounts: readonly (Decimal | undefined)[], sums: readonly Decimal[]): number {
  let held = 0;
  for (let c = 0; c < sums.length; c++) {
    const v = amounts[c];
    if (v === undefined) continue;
    if (!v.eq(sums[c]!)) return 0;
    if (!v.isZero()) held++;
  }
  return held;
}

/** Words that mark a name as a total's when its amounts are the sums ("Summa kommuner", "Riket 2019", "Alla 32"). */
const TOTAL_TOKENS = new Set(['summa', 's:a', 'sa', 'totalt', 'total', 'totals', 'totalsumma', 'sum', 'riket', 'landet', 'samtliga', 'alla', 'all', 'grand']);

/**
 * Whether the sums alone may make a row with this name a total row. One column that equals the sum
 * of the others is a coincidence a plain list often has (3, 5, 2 and 10): a row named like a
 * recipient is then a recipient, unless its name is empty or holds a total word ("Summa
 * kommuner", "Riket 2019"). Two or more columns that each equal their sum are not a coincidence.
 */
function sumsMakeTotal(name: string, held: number): boolean {
  if (held === 0) return false;
  if (held >= 2) return true;
  const key = recipientKey(name);
  return key === '' || key.split(/[\s,.;()\[\]\-–—/]+/).some((word) => TOTAL_TOKENS.has(word.replace(/:$/, '')));
}

const sameAmounts = (a: readonly (Decimal | undefined)[], b: readonly (Decimal | undefined)[]): boolean =>
  a.length === b.length && a.every((v, c) => (v === undefined ? b[c] === undefined : b[c] !== undefined && v.eq(b[c]!)));

/** A table's rows as the rule reads them, one at a time (a million rows need not each hold Decimals). */
export interface RowsForTotals {
  count: number;
  name(index: number): string;
  /** The row's amounts, one per amount column (undefined: an empty or unreadable cell). */
  amounts(index: number): readonly (Decimal | undefined)[];
  /**
   * Optional, for a reader that sums faster than Decimal by Decimal (validate's columns): the
   * column sums of the amounts of rows `indexes[0..count)`, as adding `amounts()` would give them.
   */
  sums?(indexes: ArrayLike<number>, count: number): Decimal[];
  /**
   * Optional, for a reader that has the names as bytes: false when row `index`'s name is certainly
   * no total word (maybeTotalWordBytes); `name()` is then asked only of the rest and the rows the
   * sums make totals, not of every row.
   */
  maybeTotalWord?(index: number): boolean;
}

/**
 * The total rows of a table, in order. Word rows anywhere; sum rows only as the table's last
 * rows (other than word rows): the trailing run of rows with the same amounts, from the first
 * of them whose amounts are the sums of all the non-total rows above it (at least two).
 */
export function findTotalRows(rows: RowsForTotals | readonly RowForTotals[]): TotalRow[] {
  const read: RowsForTotals = Array.isArray(rows)
    ? { count: rows.length, name: (i) => (rows as readonly RowForTotals[])[i]!.name, amounts: (i) => (rows as readonly RowForTotals[])[i]!.amounts }
    : (rows as RowsForTotals);
  const byWord = new Set<number>();
  const maybe = read.maybeTotalWord;
  for (let i = 0; i < read.count; i++) if ((maybe === undefined || maybe(i)) && isTotalName(read.name(i))) byWord.add(i);
  // The rows that are no total by their word, in order.
  const rest = new Int32Array(read.count - byWord.size);
  for (let i = 0, k = 0; i < read.count; i++) if (byWord.size === 0 || !byWord.has(i)) rest[k++] = i;
  const bySum = new Set<number>();
  if (rest.length >= 3) {
    const last = read.amounts(rest[rest.length - 1]!);
    const columns = last.length;
    // The trailing run of rows with the last row's amounts: rest[from..].
    let from = rest.length - 1;
    while (from > 2 && sameAmounts(read.amounts(rest[from - 1]!), last)) from--;
    // Until the run's first row (and the third) no row can be the total: those rows are only summed.
    const start = read.sums ? Math.max(from, 2) : 0;
    const sums = read.sums ? read.sums(rest, start) : Array.from({ length: columns }, () => new Decimal(0));
    for (let p = start; p < rest.length; p++) {
      if (p >= from && p >= 2 && sumsMakeTotal(read.name(rest[p]!), sumsHeld(last, sums))) {
        for (let q = p; q < rest.length; q++) bySum.add(rest[q]!);
        break;
      }
      const amounts = read.amounts(rest[p]!);
      for (let c = 0; c < columns; c++) {
        const v = amounts[c];
        if (v !== undefined) sums[c] = sums[c]!.plus(v);
      }
    }
  }
  // A last row that names a recipient above it is that recipient twice (a duplicate, reported as one), not a total.
  // (Asked only of rows the sums would make totals: it reads every name.)
  if (bySum.size > 0) {
    const lastName = recipientKey(read.name(rest[rest.length - 1]!));
    if (rest.slice(0, -1).some((i) => recipientKey(read.name(i)) === lastName)) bySum.clear();
  }
  const found: TotalRow[] = [];
  for (let i = 0; i < read.count; i++) {
    if (byWord.has(i)) found.push({ index: i, by: 'word' });
    else if (bySum.has(i)) found.push({ index: i, by: 'sum' });
  }
  return found;
}

/** The note a command writes for a total row it sets aside (on stderr, and in a report's notes). */
export function totalRowNote(file: string | undefined, line: number, name: string, by: TotalRow['by']): string {
  const why = by === 'word' ? 'is a total row' : 'holds the sums of the rows above: a total row';
  return `${file ? `${file}: ` : ''}line ${line} "${name}" ${why}, not a recipient; set aside`;
}
