/**
 * The one rule for a table's total rows, which every command applies to every table it reads
 * (allocate and its bulk lane, compare, audit, award, report, validate): a total row is never a
 * recipient. validate checks it against the rows; every other command sets it aside and says so.
 *
 * A row is a total row when
 *  - its name cell is a total word, whole (after the recipient key, core/recipient-key.ts, with a
 *    trailing colon and a footnote marker allowed: "Totalt*", "Summa 1)", "Hela riket²"):
 *    "Summa", "Totalt", "Total", "Sum", "Summa totalt", "Totalsumma", "Delsumma", "Samtliga",
 *    "Totalt riket", "Hela riket", "Grand total", …; or a name that begins with "varav", "därav"
 *    or "härav" (a part of the total above it, after a dash or not); or
 *  - its name is a total label: a name that begins with "Summa", "S:a", "Totalt", "Delsumma" or
 *    "Totalsumma", or ends with "Summa", "Totalt", "Total" or "Totalsumma" ("Summa Stockholms
 *    län", "Stockholms län Summa" as Excel's Subtotal tool writes it, "Totalt 32 kommuner"), or
 *    "Samtliga", "Alla" or "Total" before a count or what is counted ("Samtliga 32 kommuner",
 *    "Total amount"), and its amounts are the sums of all the rows above it ('sum') or of its
 *    group, the rows since the total row above it ('subtotal'). A total label whose amounts are
 *    neither is no row to pay or to count ('label'): the commands that pay or count refuse the
 *    table, naming it, and validate checks it as a total row. "Total Oil" is a recipient;
 *    "Summa Konsult AB" is refused unless it holds the sums above it; or
 *  - it is one of the table's last rows, its amounts equal, exactly, the column sums of the rows
 *    above it (at least two of them, and not all zero), and its name is empty or holds a total
 *    word ("Summa kommuner", "Riket 2019", "Sverige"), unless it names a recipient above it (that
 *    is a duplicate, and reported as one). A row named like a recipient is a recipient whatever
 *    its amounts: a last row's amounts equal the sums above by chance more often than one would
 *    think (applications scored 1, 2 and 3; allocate's own split of weights 1, 2 and 3), and a
 *    recipient left out is money paid to the others. When two or more columns that are not
 *    proportional show the sums, the caller is told (RowsForTotals.sumsHeldByRecipient) and says so; or
 *  - its name is a group's, a county's ("Stockholms län", as SCB lists a county above its
 *    municipalities), and its amounts are the sums of the rows below it, up to the next county's
 *    row, total row or the table's end ('head'; a county with one municipality, Gotlands län over
 *    Gotland, holds its one member's amounts). A county board ("Länsstyrelsen i Stockholms län",
 *    a recipient of grants such as Delmos's) is a recipient, never a county's sum, and a member of
 *    the group it stands in. When one county's row holds its group's sums, another county's row
 *    with rows below it that does not is refused ('label', with its `members`), as a total label is.
 */
import type { TableLike } from './cells.js';
import { Decimal } from './decimal.js';
import { StatsbidragError } from './errors.js';
import { plainKeyHash } from './key-bytes.js';
import { finishHash, fnvState } from './key-index.js';
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
  'delsumma',
  'summering',
  'σ',
]);

/** The total words, as recipient keys. */
const TOTAL_WORD_KEYS: readonly string[] = [...TOTAL_WORDS];

/** Whether a name cell is a total word ("Summa", "TOTALT:", "Grand total", …), not a recipient. */
export function isTotalName(name: string): boolean {
  return name.length <= 64 && isTotalKey(recipientKey(name), name.length);
}

/** Key hashes (core/key-index.ts keyHash) of the total words as a name cell may hold them ("Summa", "Summa:", "Summa :", "Summa 1)"). */
let totalHashes: Set<number> | undefined;
/** A bit for each total word's hash's low 16 bits: nearly every name is ruled out by one bit (a million names are asked). */
const totalBits = new Uint8Array(8192);

/** How many names are answered "maybe" before the hashes are made: a short list is checked name by name for less than making them costs. */
const ASKED_BEFORE_HASHES = 4096;
let asked = 0;

/** Whether `hash`, a recipient key's keyHash, may be a total word's (false: it is none; true: isTotalName decides). */
export function maybeTotalWordHash(hash: number): boolean {
  if (totalHashes === undefined) {
    // Making the ~830 hashes took 1.5 ms of a run on the bundled 32 rows, where isTotalName on
    // each name takes a tenth of that: "maybe" is always a right answer here, and the hashes pay
    // for themselves only on a long list.
    if (++asked <= ASKED_BEFORE_HASHES) return true;
    // Each word's FNV state is made once and extended by each ending (23 words, 36 endings), not
    // as many strings made and hashed whole.
    const endings = ['', ':', ' :'];
    for (const m of ASCII_MARKERS) endings.push(m, ` ${m}`, `:${m}`);
    totalHashes = new Set();
    for (const word of [...TOTAL_WORD_KEYS, ...PART_WORDS]) {
      const state = fnvState(word);
      for (const end of endings) {
        const h = finishHash(fnvState(end, state));
        totalHashes.add(h);
        totalBits[(h >>> 3) & 8191]! |= 1 << (h & 7);
      }
    }
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

/** maybeTotalLabelBytes for row `r`'s cell in column `c` of a table: true for a cell held as text (not a slice of its bytes), which isTotalLabel decides. */
export function maybeTotalLabelCell(table: Pick<TableLike, 'bytes' | 'starts' | 'ends'>, c: number, r: number): boolean {
  const s = table.starts?.[c]?.[r];
  return table.bytes === undefined || s === undefined || s < 0 || maybeTotalLabelBytes(table.bytes, s, table.ends![c]![r]!);
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
  return { maybeTotalWord: (i) => starts[i]! < 0 || maybeTotalWordBytes(bytes, starts[i]!, ends[i]!) || maybeTotalLabelBytes(bytes, starts[i]!, ends[i]!) };
}

export function isTotalKey(key: string, nameLength: number): boolean {
  if (nameLength > 64) return false;
  key = withoutMarker(withoutRegionCode(key));
  return (key.length <= 20 && TOTAL_WORDS.has(key)) || isPartKey(key);
}

/** The footnote markers a total's name may end with, in ASCII (their key hashes are the prefilter's). */
const ASCII_MARKERS = ['*', '**', '***', '1)', '2)', '3)', '4)', '(1)', '(2)', '(3)', '(4)'];
/** A trailing footnote marker (an asterisk or three, a superscript digit, "1)", "(1)") and a trailing colon, with the spaces before them. */
const MARKER = /\s*(?:\*{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2}|\(?\d{1,2}\)|:)$/u;

/**
 * A recipient key without the region code SCB's exports put before a region's name ("00 riket",
 * "01 stockholms län", "0114 upplands väsby": two or four digits and a space): the name is what
 * says whether the row is the country's total.
 */
function withoutRegionCode(key: string): string {
  const first = key.charCodeAt(0);
  return first >= 0x30 && first <= 0x39 ? key.replace(/^\d{2}(?:\d{2})? (?=\D)/, '') : key;
}

/** A recipient key without a trailing footnote marker and colon ("totalt*", "summa:", "summa 1)"). */
function withoutMarker(key: string): string {
  const last = key.charCodeAt(key.length - 1);
  // Nearly every key ends in a letter: nothing to take off.
  if (last >= 0x61 && last <= 0x7a) return key;
  // A marker and a colon, in either order ("summa:*", "totalt* :").
  for (let k = 0; k < 3; k++) {
    const shorter = key.replace(MARKER, '');
    if (shorter === key) break;
    key = shorter;
  }
  return key.trimEnd();
}

/** Words a total label begins with, and words it ends with (recipient keys, without a marker). */
const LABEL_FIRST = new Set(['summa', 's:a', 'totalt', 'delsumma', 'totalsumma']);
const LABEL_LAST = new Set(['summa', 'totalt', 'total', 'totalsumma']);
/** Words of all ("Samtliga", "Alla", "Total"): a total label when what follows is a count or what is counted. */
const LABEL_ALL = new Set(['samtliga', 'alla', 'total', 'all']);
const LABEL_COUNTED = new Set(['kommuner', 'län', 'regioner', 'mottagare', 'sökande', 'belopp', 'amount', 'amounts', 'sum', 'recipients', 'municipalities']);

/**
 * Whether a name is a total label ("Summa Stockholms län", "Stockholms län Summa", "Totalt 32
 * kommuner", "Summa (kr)", "Samtliga 32 kommuner"): more than one word, the first or last of them
 * a total word, or a word of all before a count or what is counted. Asked of names that are no
 * total word (isTotalName).
 */
export function isTotalLabel(name: string): boolean {
  return isTotalLabelKey(recipientKey(name), name.length);
}

/** isTotalLabel for a name whose recipient key the caller has already made: `key` is recipientKey(name), `nameLength` the name's length. */
export function isTotalLabelKey(recipientKeyOfName: string, nameLength: number): boolean {
  if (nameLength > 120) return false;
  const key = withoutMarker(withoutRegionCode(recipientKeyOfName));
  const space = key.indexOf(' ');
  if (space < 0) return false;
  const first = key.slice(0, space).replace(/[:,.]$/, '');
  const last = key.slice(key.lastIndexOf(' ') + 1).replace(/[:,.]$/, '');
  if (LABEL_FIRST.has(first) || LABEL_LAST.has(last)) return true;
  // "Samtliga 32 kommuner", "Alla län", "Total amount": a word of all before a count or what is counted.
  if (!LABEL_ALL.has(first)) return false;
  const rest = key.slice(space + 1);
  const second = rest.split(' ', 1)[0]!;
  return /^\d+$/.test(second) || LABEL_COUNTED.has(second);
}

/**
 * Whether the name in bytes[s, e) (UTF-8) may be a total label (or begin with "varav", which
 * isTotalName takes): false when it is printable ASCII and neither its first nor its last word
 * could be one (isTotalLabel then need not be asked).
 */
export function maybeTotalLabelBytes(bytes: Uint8Array, s: number, e: number): boolean {
  while (s < e && bytes[s] === 0x20) s++;
  while (e > s && bytes[e - 1] === 0x20) e--;
  if (s === e) return false;
  const f = bytes[s]!;
  const c = bytes[e - 1]!;
  // Not ASCII at either end (a superscript marker, "Σ", a zero-width character): the key decides.
  if (f >= 0x80 || c >= 0x80) return true;
  // A region code before the name, two or four digits and a space ("00 Riket", SCB's exports: withoutRegionCode): the key decides.
  let d = s;
  while (d < e && bytes[d]! >= 0x30 && bytes[d]! <= 0x39) d++;
  if ((d - s === 2 || d - s === 4) && d + 1 < e && bytes[d] === 0x20) return true;
  // A first word s(umma, :a, amtliga), t(otalt, otal), d(elsumma, ärav), a(lla, ll), v(arav), h(ärav),
  // or a dash ("- varav"): a label when a space follows it (or a character that is not ASCII: a
  // no-break space, a zero-width one, the "ä" of "därav").
  const fl = f | 0x20;
  if (fl === 0x73 || fl === 0x74 || fl === 0x64 || fl === 0x61 || fl === 0x76 || fl === 0x68 || f === 0x2d) {
    for (let k = s + 1; k < e; k++) if (bytes[k] === 0x20 || bytes[k]! >= 0x80 || bytes[k]! < 0x20) return true;
  }
  // A footnote marker or punctuation at the end ("Norra län Summa*", "Summa (kr)").
  if (c === 0x2a || c === 0x29 || c === 0x3a || c === 0x2e || c === 0x2c) return true;
  // A last word s(umma) or t(otalt, otal, otalsumma): it ends in "a", "t" or "l"; or "län" (a county's
  // row above its group, isGroupKey): it ends in "n" and is not ASCII (the loop below lets it through).
  const cl = c | 0x20;
  if (cl !== 0x61 && cl !== 0x74 && cl !== 0x6c && cl !== 0x6e) return false;
  let v = e - 1;
  while (v > s && bytes[v - 1] !== 0x20) {
    if (bytes[v - 1]! >= 0x80 || bytes[v - 1]! < 0x20) return true;
    v--;
  }
  if (v === s) return false;
  const w = bytes[v]! | 0x20;
  return w === 0x73 || w === 0x74;
}

/** A row as the rule sees it: its name, and its amounts (undefined: an empty or unreadable cell). */
export interface RowForTotals {
  name: string;
  amounts: readonly (Decimal | undefined)[];
}

export interface TotalRow {
  /** Position in the rows given. */
  index: number;
  /**
   * How it was known: a total word; amounts that are the sums of the rows above (the last rows);
   * a total label holding its group's or the rows above's sums (a subtotal); a total label holding
   * neither ('label': refused by the commands that pay or count, checked by validate).
   */
  by: 'word' | 'sum' | 'subtotal' | 'label' | 'part' | 'head';
  /** A group's row above its members ('head', or a 'label' refused as one): how many rows below it are its group. */
  members?: number;
}

/**
 * Whether a name (its recipient key, without a marker) is a group's above its members: a county's,
 * "… län" in more than one word ("Stockholms län", "Länsstyrelsen i Stockholms län").
 */
function isGroupKey(key: string): boolean {
  return key.length > 4 && key.endsWith(' län');
}

/** Whether a name is a group's (isGroupKey): the bulk lane leaves a list with one to the general reader, which decides. */
export function isGroupName(name: string): boolean {
  return isGroupNameKey(recipientKey(name), name.length);
}

/** isGroupName for a name whose recipient key the caller has made (compare counts such names to know the rule must decide). */
export function isGroupNameKey(recipientKeyOfName: string, nameLength: number): boolean {
  return nameLength <= 120 && isGroupKey(withoutMarker(recipientKeyOfName));
}

/** A county board's name ("Länsstyrelsen i Stockholms län"): a recipient in its own right, never the end of another county's group. */
const isBoardKey = (key: string): boolean => key.startsWith('länsstyrelsen');

/**
 * A name that begins with "varav", "därav" or "härav" ("of which", after a dash or not: "– varav
 * Botkyrka", "Därav: Botkyrka"): a part of the total above it, set aside, and no sum to check.
 */
const PART = /^[-–—]?\s*(?:varav|därav|härav)(?:[\s:]|$)/;
const isPartKey = (key: string): boolean => PART.test(key);
/** The part words as whole names (their keys' hashes are the prefilter's, as the total words'). */
const PART_WORDS = ['varav', 'därav', 'härav'];

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

/** Words that mark a name as a total's when its amounts are the sums ("Summa kommuner", "Riket 2019", "Alla 32", "Sverige"). */
const TOTAL_TOKENS = new Set(['summa', 's:a', 'sa', 'totalt', 'total', 'totals', 'totalsumma', 'sum', 'riket', 'landet', 'sverige', 'sweden', 'samtliga', 'alla', 'all', 'grand']);

/** Whether a row whose amounts are the sums above it is, by its name, a total row: an empty name, or one holding a total word. */
function namesTotal(name: string): boolean {
  const key = recipientKey(name);
  return key === '' || key.split(/[\s,.;()\[\]\-–—/]+/).some((word) => TOTAL_TOKENS.has(word.replace(/:$/, '')));
}

/**
 * Whether the columns of `amounts` (rows `rows[0..count)` and the candidate `last`) are not all
 * proportional: some two columns' values, cross-multiplied, differ on some row (exact). Rows are
 * read until one shows it, nearly always the first.
 */
function independentColumns(read: RowsForTotals, rows: Int32Array, count: number, last: readonly (Decimal | undefined)[]): boolean {
  const held = last.map((v, c) => (v !== undefined && !v.isZero() ? c : -1)).filter((c) => c >= 0);
  const base = held[0]!;
  for (const c of held.slice(1)) {
    // Column c is proportional to the first held column when c × base0 = base × c0 on every row (the candidate's values as the reference).
    const b0 = last[base]!;
    const c0 = last[c]!;
    for (let p = 0; p < count; p++) {
      const a = read.amounts(rows[p]!);
      const vb = a[base] ?? new Decimal(0);
      const vc = a[c] ?? new Decimal(0);
      if (!vc.times(b0).eq(vb.times(c0))) return true;
    }
  }
  return false;
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
   * Optional: told of a last row named like a recipient whose amounts are the sums of the rows
   * above it in two or more columns that are not proportional to each other. It is a recipient
   * (findTotalRows does not return it); the caller may say that it looks like a total row.
   */
  sumsHeldByRecipient?(index: number): void;
  /**
   * Optional: told of each row named like a county ("Stockholms län") that is read as a recipient
   * among rows that are not counties, when no county row of the table holds its group's sums
   * (a county's population beside some of its municipalities'): paid, and worth a word.
   */
  countyAsRecipient?(index: number): void;
  /**
   * Optional, for a reader that has the names as bytes: false when row `index`'s name is certainly
   * no total word and no total label (maybeTotalWordBytes, maybeTotalLabelBytes); `name()` is then
   * asked only of the rest and the rows the sums make totals, not of every row.
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
  const parts = new Set<number>();
  const labels: number[] = [];
  const heads: { index: number; board: boolean }[] = [];
  const maybe = read.maybeTotalWord;
  for (let i = 0; i < read.count; i++) {
    if (maybe !== undefined && !maybe(i)) continue;
    const name = read.name(i);
    const key = recipientKey(name);
    if (isTotalKey(key, name.length)) {
      byWord.add(i);
      if (isPartKey(key)) parts.add(i);
    } else if (isTotalLabelKey(key, name.length)) labels.push(i);
    else if (isGroupNameKey(key, name.length)) heads.push({ index: i, board: isBoardKey(key) });
  }
  const byLabel = labels.length > 0 ? subtotals(read, byWord, labels) : new Map<number, TotalRow['by']>();
  const byHead = heads.length > 0 ? groupHeads(read, byWord, parts, byLabel, heads) : new Map<number, { by: 'head' | 'label'; members: number }>();
  // County rows that are no county's sums, among other rows (not a list of counties): recipients, said.
  if (read.countyAsRecipient && byHead.size === 0) {
    const counties = heads.filter((h) => !h.board);
    if (counties.length > 0 && counties.length + byWord.size + byLabel.size < read.count) for (const h of counties) read.countyAsRecipient(h.index);
  }
  for (const [i, h] of byHead) byLabel.set(i, h.by);
  // The rows that are no total by their word or label, in order.
  const rest = new Int32Array(read.count - byWord.size - byLabel.size);
  for (let i = 0, k = 0; i < read.count; i++) if ((byWord.size === 0 || !byWord.has(i)) && (byLabel.size === 0 || !byLabel.has(i))) rest[k++] = i;
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
      const held = p >= from && p >= 2 ? sumsHeld(last, sums) : 0;
      if (held > 0) {
        if (namesTotal(read.name(rest[p]!))) {
          for (let q = p; q < rest.length; q++) bySum.add(rest[q]!);
          break;
        }
        // Named like a recipient: a recipient. Columns proportional to each other ("Belopp 2020" =
        // 1.1 × "Belopp 2019", the pro-rata rule) show one coincidence, not several: not worth a word.
        if (read.sumsHeldByRecipient && held >= 2 && independentColumns(read, rest, p, last)) {
          read.sumsHeldByRecipient(rest[p]!);
          break;
        }
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
    if (byWord.has(i)) found.push({ index: i, by: parts.has(i) ? 'part' : 'word' });
    else if (byHead.has(i)) found.push({ index: i, ...byHead.get(i)! });
    else if (byLabel.has(i)) found.push({ index: i, by: byLabel.get(i)! });
    else if (bySum.has(i)) found.push({ index: i, by: 'sum' });
  }
  return found;
}

/**
 * Each total label's kind: 'sum' when its amounts (every column it has a value in, one at least)
 * are the sums of all the rows above it that are no total row; 'subtotal' when they are the sums
 * of its group's rows (those since the total row above it); else 'label'.
 */
function subtotals(read: RowsForTotals, byWord: ReadonlySet<number>, labels: readonly number[]): Map<number, TotalRow['by']> {
  const kinds = new Map<number, TotalRow['by']>();
  const matches = (amounts: readonly (Decimal | undefined)[], sums: readonly Decimal[]): boolean => {
    let any = false;
    for (let c = 0; c < amounts.length; c++) {
      const v = amounts[c];
      if (v === undefined) continue;
      if (!v.eq(sums[c] ?? 0)) return false;
      any = true;
    }
    return any;
  };
  const above: number[] = [];
  let group: number[] = [];
  let next = 0;
  for (let i = 0; next < labels.length; i++) {
    if (i === labels[next]) {
      const amounts = read.amounts(i);
      // The sums of every row above it: a total ('sum'); of its group alone: a subtotal.
      kinds.set(i, above.length > 0 && matches(amounts, sumOfRows(read, above)) ? 'sum' : group.length > 0 && group.length < above.length && matches(amounts, sumOfRows(read, group)) ? 'subtotal' : 'label');
      group = [];
      next++;
    } else if (byWord.has(i)) group = [];
    else {
      above.push(i);
      group.push(i);
    }
  }
  return kinds;
}

/** The column sums of rows `rows` (RowsForTotals.sums when the reader has it). */
function sumOfRows(read: RowsForTotals, rows: readonly number[]): Decimal[] {
  if (read.sums) return read.sums(rows, rows.length);
  const sums: Decimal[] = [];
  for (const i of rows) {
    read.amounts(i).forEach((v, c) => {
      sums[c] ??= new Decimal(0);
      if (v !== undefined) sums[c] = sums[c]!.plus(v);
    });
  }
  return sums;
}

/**
 * The county rows that hold the sums of the rows below them (findTotalRows, 'head'). Each
 * county row's group is the rows below it up to the next county row, a total row (word or label)
 * or the end; it is a head when its amounts, in every column it has a value in (one not zero at
 * least), are its group's sums. A county board's row ("Länsstyrelsen i … län") is a recipient,
 * never a head nor the end of a group: a member. When one head is found, a county row whose
 * non-empty group it does not sum is 'label': refused by the commands that pay or count, checked
 * by validate.
 */
function groupHeads(read: RowsForTotals, byWord: ReadonlySet<number>, parts: ReadonlySet<number>, byLabel: ReadonlyMap<number, TotalRow['by']>, heads: readonly { index: number; board: boolean }[]): Map<number, { by: 'head' | 'label'; members: number }> {
  const out = new Map<number, { by: 'head' | 'label'; members: number }>();
  const plainHead = new Set(heads.filter((h) => !h.board).map((h) => h.index));
  const unmatched: { index: number; members: number }[] = [];
  let covered = -1;
  for (const { index, board } of heads) {
    if (index <= covered || board) continue;
    const members: number[] = [];
    // Its group: the rows below it up to the next county or total row; a "varav" row among them (a
    // part of the row above it) is set aside and passed over, not the group's end.
    for (let r = index + 1; r < read.count && !plainHead.has(r) && !byLabel.has(r); r++) {
      if (byWord.has(r)) {
        if (parts.has(r)) continue;
        break;
      }
      members.push(r);
    }
    if (members.length === 0) continue;
    const amounts = read.amounts(index);
    const sums = sumOfRows(read, members);
    let held = false;
    let differs = false;
    for (let c = 0; c < amounts.length; c++) {
      const v = amounts[c];
      if (v === undefined) continue;
      if (!v.eq(sums[c] ?? 0)) differs = true;
      else if (!v.isZero()) held = true;
    }
    if (held && !differs) {
      out.set(index, { by: 'head', members: members.length });
      covered = members[members.length - 1]!;
    } else unmatched.push({ index, members: members.length });
  }
  if (out.size > 0) for (const u of unmatched) out.set(u.index, { by: 'label', members: u.members });
  return out;
}

/**
 * For a command that pays or counts rows: the first total label among `totals` that holds no sums
 * ('label') is an error naming it. Every other total row is set aside (with totalRowNote).
 */
export function refuseUnmatchedTotals(totals: readonly TotalRow[], file: string | undefined, line: (index: number) => number, name: (index: number) => string, field: string): void {
  const unmatched = totals.find((t) => t.by === 'label');
  if (unmatched) throw unmatchedTotalError(file, line(unmatched.index), name(unmatched.index), field, unmatched.members);
}

/** The error of a command that pays or counts rows, for a total label that holds no sums ('label'), or a county's row that does not sum its group when others do (`members`). */
function unmatchedTotalError(file: string | undefined, line: number, name: string, field: string, members?: number): StatsbidragError {
  const what =
    members === undefined
      ? 'is named as a total or subtotal row, but its amounts are not the sums of its group or of the rows above it'
      : `is a county's row above ${members === 1 ? 'a row' : `${members} rows`}, as other county rows in this table hold their group's sums, but its amounts are not the sums of the ${members === 1 ? 'row' : `${members} rows`} below it`;
  return new StatsbidragError('unmatched-total-row', `"${name.trim()}" ${what}: neither a recipient nor a total to set aside; correct or remove the row`, { ...(file ? { file } : {}), line, field });
}

/** What a caller that pays says of a row countyAsRecipient names. */
export function countyAsRecipientNote(file: string | undefined, line: number, name: string): string {
  return `${file ? `${file}: ` : ''}line ${line} "${name.trim()}" is named like a county among other recipients but holds no county's sums of the rows below it: paid as a recipient (remove the row if it is the county's total)`;
}

/** What a caller says of a row that sumsHeldByRecipient names: read as a recipient, and how to make it a total row. */
export function sumsHeldNote(file: string | undefined, line: number, name: string): string {
  return `${file ? `${file}: ` : ''}line ${line} "${name}" holds the sums of the rows above it, but is named like a recipient: read as a recipient (a total row is named Summa or Totalt, or left unnamed)`;
}

/** The note a command writes for a total row it sets aside (on stderr, and in a report's notes). */
export function totalRowNote(file: string | undefined, line: number, name: string, by: TotalRow['by']): string {
  const why =
    by === 'word'
      ? 'is a total row'
      : by === 'sum'
        ? 'holds the sums of the rows above: a total row'
        : by === 'part'
          ? 'is a part of a total ("varav")'
          : by === 'head'
            ? "holds the sums of the rows below it: a county's sum"
            : 'holds the sums of the rows above it: a subtotal';
  return `${file ? `${file}: ` : ''}line ${line} "${name}" ${why}, not a recipient; set aside`;
}
