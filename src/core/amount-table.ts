/**
 * A table as read (CSV, xlsx, the tool's JSON) → an AmountTable for `compare`: per recipient (and
 * code, when the table has a code column), the amount for each year, from the amount columns
 * `columnRoles` recognises (a year range column gives each of its years that per-year amount; a
 * bare "amount"/"belopp" column needs the year from the caller). Empty cells are 0. A cell whose
 * digit grouping is broken ("164 000 00") is read as the parser's first reading and noted; any
 * other unreadable cell is an error naming file, line and column.
 */
import { amountBytes, PLAIN, type PlainBytes } from './amount.js';
import { chooseRepair, columnMark, inHeaderUnit, readCell, type CellReading, type TableLike } from './cells.js';
import { columnRoles, headerScale, isBareAmountHeader, unitNote } from './columns.js';
import { codeKey, recipientKey } from './recipient-key.js';
import { findTotalRows, isGroupNameKey, isTotalKey, sumsHeldNote, isTotalLabelKey, maybeTotalLabelBytes, maybeTotalWordHash, refuseUnmatchedTotals, totalRowNote, type TotalRow } from './total-rows.js';
import type { AmountColumns, AmountTable, NameBytes, ReadCellRepair } from './compare.js';
import type { Decimal } from './decimal.js';
import { StatsbidragError } from './errors.js';
import { blankName, plainKeyHash, samePlainKey } from './key-bytes.js';
import { distinctKeys, KeyIndex, keyHash } from './key-index.js';
import { ScaledColumn } from './scaled-column.js';
import { yearsOf, type YearRange } from './schedule.js';


export interface AmountTableResult {
  table: AmountTable;
  /** Cells with broken digit grouping, read as the parser's first reading. */
  repairs: ReadCellRepair[];
  /** Total rows set aside (core/total-rows.ts), one note each. */
  notes: string[];
}

/** What amountColumnsOf reads: the table as columns of exact amounts. */
export interface AmountColumnsResult {
  columns: AmountColumns;
  /** Cells with broken digit grouping, read as the parser's first reading. */
  repairs: ReadCellRepair[];
  /** Total rows set aside (core/total-rows.ts), one note each. */
  notes: string[];
  /** Per column of `columns.amounts`: the table's column it was read from. */
  tableColumns: number[];
}

/** Bare digits, or digits with one or two decimals: parseAmount reads these as written (core/amount.ts). */

/** The table's cells as offsets into its UTF-8 bytes (TableLike's bytes, starts, ends), when it holds them so. */
interface TableBytes {
  readonly bytes: Uint8Array;
  readonly starts: readonly (Int32Array | undefined)[];
  readonly ends: readonly (Int32Array | undefined)[];
}

const bytesOf = (t: TableLike): TableBytes | undefined => (t.bytes && t.starts && t.ends ? { bytes: t.bytes, starts: t.starts, ends: t.ends } : undefined);

/** An amount read from a cell's bytes (core/amount.ts amountBytes), one for every cell. */
const plain: PlainBytes = { value: 0, decimals: 0, negative: false };

/** A cell's state after the first reading: a value, empty (0, no value for the total-row rule) or unreadable. */
const OK = 0;
const EMPTY = 1;
const BAD = 2;

/**
 * Whether core/total-rows.ts's sum rule could find a total row: some row of the trailing run of
 * rows with the last row's amounts (from the third row of the non-word rows on) whose amounts
 * are each the sum of the rows above it, one of them not zero. A necessary condition, checked
 * on the exact integers: when it fails the rule finds no sum row, so the word rows are all.
 */
function maySumRow(n: number, word: Uint8Array, words: number, amounts: readonly ScaledColumn[], state: readonly Uint8Array[], clean: readonly boolean[]): boolean {
  // The rows the rule reads are the non-word ones ("rest"); walked here without a list of them.
  // (`words` word rows, and `clean[c]`: every cell of column c read: the arrays are read only when they hold a mark.)
  let len = n - words;
  if (len < 3) return false;
  const before = (r: number): number => {
    do r--;
    while (r >= 0 && words > 0 && word[r]);
    return r;
  };
  const last = before(n);
  const columns = amounts.length;
  const same = (r: number): boolean => {
    for (let c = 0; c < columns; c++) {
      const st = state[c]!;
      if ((st[r] === OK) !== (st[last] === OK)) return false;
      if (st[r] === OK && amounts[c]!.get(r) !== amounts[c]!.get(last)) return false;
    }
    return true;
  };
  // The trailing run of rows with the last row's amounts: rest[from..].
  let from = len - 1;
  for (let r = last; from > 2 && same(before(r)); r = before(r)) from--;
  // Σ of each column over the rest: the rows above p are that less the run from p on (each the last row's amounts).
  const totals = amounts.map((column, c) => {
    const st = state[c]!;
    // Safe integers summed as doubles while the sum stays safe (then exact); else as bigints.
    if (column.numeric) {
      let s = 0;
      let r = 0;
      if (clean[c] && words === 0) {
        // (Every row: ScaledColumn.sumExact, no double made a row; undefined when not a safe integer.)
        const all = column.sumExact();
        if (all !== undefined) return BigInt(all);
      } else {
        for (; r < n; r++) {
          if (st[r] === OK && !word[r]) s += column.numberAt(r);
          if (!(Math.abs(s) <= Number.MAX_SAFE_INTEGER)) break;
        }
      }
      if (r === n) return BigInt(s);
    }
    let sum = 0n;
    for (let r = 0; r < n; r++) if (st[r] === OK && !word[r]) sum += column.get(r);
    return sum;
  });
  for (let p = Math.max(from, 2); p < len; p++) {
    let held = false;
    let differs = false;
    for (let c = 0; c < columns && !differs; c++) {
      if (state[c]![last] !== OK) continue;
      const v = amounts[c]!.get(last);
      if (v * BigInt(len - p + 1) !== totals[c]!) differs = true;
      else if (v !== 0n) held = true;
    }
    if (held && !differs) return true;
  }
  return false;
}

export interface AmountColumnsOptions {
  year?: YearRange | undefined;
  basis?: string | undefined;
  /**
   * The key index (AmountColumns.byKey) made only when first looked up (KeyIndex.deferred), and
   * a name on two rows raised then rather than here, when it is the only error left to raise (no
   * code column, no unreadable cell, no --basis). For the second of two compared tables: compare
   * matches its rows in order against the first table's, whose index raised any repeated name, and
   * makes this one only when they are not all matched so (core/compare.ts).
   */
  deferKeys?: boolean | undefined;
}

/**
 * A table as read → its amounts as columns of exact scaled integers (core/scaled-column.ts), one
 * per amount column, without an object per row: what `compare` reads (amountTableOf gives the
 * same as rows). Errors, repairs and total rows as amountTableOf says.
 */
/**
 * The first reading of an amount column (table column `index`, amountColumnsOf's `slot` of
 * `slots`): from the bytes, a plain amount straight to an integer, an empty cell empty; anything
 * else as text through the amount parser; an unreadable cell kept in `bad` for the second reading
 * (a total row's is no error). False when a cell was empty or unreadable (`st` then says which).
 * (A function of its own: a loop compiled alone, not amountColumnsOf whole each time it is.)
 */
function readAmountColumn(t: TableLike, tb: TableBytes | undefined, index: number, slot: number, slots: number, column: ScaledColumn, st: Uint8Array, bad: Map<number, CellReading & { kind: 'bad' }>): boolean {
  const n = t.rowCount;
  const b = tb?.bytes;
  const starts = tb?.starts[index];
  const ends = tb?.ends[index];
  const mark = columnMark(t, index);
  // A cell that states its own unit ("1 tkr") under a header that states one ("(tkr)"): in the header's unit (cells.ts inHeaderUnit).
  const scale = headerScale(t.headers[index]!);
  let clean = true;
  for (let r = 0; r < n; r++) {
    // From the bytes: a plain amount straight to an integer, an empty cell empty; anything else as text.
    if (starts !== undefined) {
      const s = starts[r]!;
      if (s >= 0) {
        const e = ends![r]!;
        if (s === e) {
          st[r] = EMPTY;
          clean = false;
          continue;
        }
        // (Or grouped the Swedish way, "9 979 000", "816 226,06": amount.ts amountBytes, the same reading.)
        if (amountBytes(b!, s, e, mark, plain)) {
          column.setNumber(r, plain.negative ? -plain.value : plain.value, plain.decimals);
          continue;
        }
      }
    }
    const text = t.cell(r, index);
    if (PLAIN.test(text)) {
      const dot = text.indexOf('.');
      if (dot < 0) column.set(r, BigInt(text), 0);
      else column.set(r, BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1);
      continue;
    }
    const reading = readCell(text, mark);
    if (reading.kind === 'ok') column.setDecimal(r, scale > 0 ? inHeaderUnit(reading.value, text, scale) : reading.value);
    else if (reading.kind === 'empty') {
      st[r] = EMPTY;
      clean = false;
    } else {
      st[r] = BAD;
      clean = false;
      bad.set(r * slots + slot, reading);
    }
  }
  return clean;
}

/**
 * Each row's recipient key's hash into `hashes` (unless `laterHashes`: a printable-ASCII name's
 * is then made again when needed), and per row: `plainName` 1 when the name is read from the
 * bytes (core/key-bytes.ts: no string), `nameless` 1 without a name, `word` 1 for a total word
 * (core/total-rows.ts). Counts of the last three.
 */
function readNames(t: TableLike, tb: TableBytes | undefined, recipient: number, laterHashes: boolean, hashes: Int32Array, plainName: Uint8Array, word: Uint8Array, nameless: Uint8Array): { words: number; labels: number; namelessRows: number; plainNames: number } {
  const n = t.rowCount;
  const nameStart = tb?.starts[recipient];
  const nameEnd = tb?.ends[recipient];
  const emptyHash = keyHash('');
  let words = 0;
  /** Total labels and county names (core/total-rows.ts isTotalLabel, isGroupName): with one, the rule itself decides the total rows. */
  let labels = 0;
  /** Rows without a name (nameless is read only when there is one). */
  let namelessRows = 0;
  let plainNames = 0;
  /** Row r's name (with its recipient key) marked as a total word, or counted as a total label. */
  const totalKind = (r: number, name: string, key: string): void => {
    if (isTotalKey(key, name.length)) {
      word[r] = 1;
      words++;
    } else if (isTotalLabelKey(key, name.length) || isGroupNameKey(key, name.length)) labels++;
  };
  for (let r = 0; r < n; r++) {
    const s = nameStart === undefined ? -1 : nameStart[r]!;
    if (s >= 0) {
      const e = nameEnd![r]!;
      const h = plainKeyHash(tb!.bytes, s, e);
      if (h === h) {
        if (!laterHashes) hashes[r] = h;
        plainName[r] = 1;
        if (h === emptyHash && blankName(tb!.bytes, s, e)) {
          nameless[r] = 1;
          namelessRows++;
        }
        plainNames++;
        // Only a name either prefilter lets through is keyed: a total word, or a total label.
        if (!maybeTotalWordHash(h) && !maybeTotalLabelBytes(tb!.bytes, s, e)) continue;
        const name = t.cell(r, recipient);
        totalKind(r, name, recipientKey(name));
        continue;
      }
    }
    const name = t.cell(r, recipient);
    const key = recipientKey(name);
    hashes[r] = keyHash(key);
    // A name the table model holds trimmed (every reader's) needs no trim() and no copy.
    if (name === '' || name.trim() === '') {
      nameless[r] = 1;
      namelessRows++;
    }
    totalKind(r, name, key);
  }
  return { words, labels, namelessRows, plainNames };
}


/** The column roles amountColumnsOf reads a table by, and its amount columns (each with its years). */
function rolesOf(headers: readonly string[], options: AmountColumnsOptions) {
  const roles = columnRoles(headers, { ...(options.year ? { year: options.year } : {}), ...(options.basis !== undefined ? { basis: options.basis, basisNamed: true } : {}) });
  return { roles, columns: roles.amounts.filter((a) => a.years !== undefined && a.index !== roles.basis) };
}

/**
 * The columns amountColumnsOf reads of a table with these headers (true: read), for a reader that
 * may leave the others out (io/table.ts ReadTableOptions.columns): the recipient, the code, the
 * amount columns and the weight column named by `basis`. Undefined (read every one) when it reads
 * none: amountColumnsOf then raises its error; as it does, on the whole table, when this throws.
 */
export function amountColumnsRead(headers: readonly string[], options: AmountColumnsOptions = {}): boolean[] | undefined {
  const { roles, columns } = rolesOf(headers, options);
  if (columns.length === 0) return undefined;
  const read = headers.map(() => false);
  read[roles.recipient] = true;
  if (roles.code !== undefined) read[roles.code] = true;
  for (const c of columns) read[c.index] = true;
  if (options.basis !== undefined && roles.basis !== undefined) read[roles.basis] = true;
  return read;
}

export function amountColumnsOf(t: TableLike, label: string, options: AmountColumnsOptions = {}): AmountColumnsResult {
  const file = t.file;
  // An error about the columns names the header's line.
  const at = { ...(file ? { file } : {}), line: t.headerLine ?? 1 };
  // (What it reads is amountColumnsRead's: a column it leaves out is never read.)
  const { roles, columns } = rolesOf(t.headers, options);
  const bare = t.headers.findIndex((h, i) => isBareAmountHeader(h) && !roles.amounts.some((a) => a.index === i));
  if (columns.length === 0) {
    if (bare >= 0) throw new StatsbidragError('missing-year', `column "${t.headers[bare]}" holds one year's amounts: say which with --year`, { ...at, field: t.headers[bare]! }, 'usage');
    throw new StatsbidragError('no-amount-columns', 'no column header names a year or year range (e.g. "2019", "Belopp 2019", amount_2019)', at);
  }
  const columnOf = new Map<number, number>();
  const headerOf = new Map<number, number>();
  columns.forEach((c, slot) => {
    for (const y of yearsOf(c.years!)) {
      const before = headerOf.get(y);
      if (before !== undefined) {
        throw new StatsbidragError('ambiguous-column', `two columns hold ${y}: "${t.headers[before]}" and "${c.header}"`, { ...at, field: c.header });
      }
      headerOf.set(y, c.index);
      columnOf.set(y, slot);
    }
  });
  const n = t.rowCount;
  if (n === 0) throw new StatsbidragError('no-rows', 'the table has a header but no rows', file ? { file } : {});

  // First reading of every amount cell: plain digits straight to integers, anything else through
  // the amount parser; an unreadable cell is kept for the second reading (a total row's is no error).
  let amounts = columns.map(() => new ScaledColumn(n));
  const state = columns.map(() => new Uint8Array(n));
  /** Per column: no cell empty or unreadable (its state array is then never written, and not read). */
  const clean = columns.map(() => true);
  const bad = new Map<number, CellReading & { kind: 'bad' }>();
  const tb = bytesOf(t);
  columns.forEach((c, slot) => {
    if (!readAmountColumn(t, tb, c.index, slot, columns.length, amounts[slot]!, state[slot]!, bad)) clean[slot] = false;
  });

  // Each row's recipient key's hash, made once: for the total-word rule and for telling the rows
  // apart. A printable-ASCII name in the bytes is hashed from them (core/key-bytes.ts: no string);
  // any other name is decoded and keyed.
  const hashes = new Int32Array(n);
  /** 1: the name is bytes[nameStart[r], nameEnd[r]), printable ASCII (its key is made from the bytes). */
  const plainName = new Uint8Array(n);
  const word = new Uint8Array(n);
  const nameless = new Uint8Array(n);
  const nameStart = tb?.starts[roles.recipient];
  const nameEnd = tb?.ends[roles.recipient];
  // A table whose index is deferred (options.deferKeys) and keyed by name alone: the hashes of the
  // names read from the bytes are not kept here but made again if the index is (compare matches
  // the rows of a table in the first one's order without it): 4 bytes a row never touched.
  const laterHashes = options.deferKeys === true && options.basis === undefined && roles.code === undefined && bad.size === 0 && nameStart !== undefined;
  const { words, labels, namelessRows, plainNames } = readNames(t, tb, roles.recipient, laterHashes, hashes, plainName, word, nameless);
  // Total rows (core/total-rows.ts) are set aside: not recipients, named in the result's notes.
  // The rule itself decides whenever a sum row is possible; else the total rows are the word rows.
  const read = (i: number): (Decimal | undefined)[] => columns.map((_, slot) => (state[slot]![i] === OK ? amounts[slot]!.decimal(i) : undefined));
  const held: number[] = [];
  const found: TotalRow[] =
    labels > 0 || maySumRow(n, word, words, amounts, state, clean)
      ? findTotalRows({ count: n, name: (i) => t.cell(i, roles.recipient), amounts: read, sumsHeldByRecipient: (i) => held.push(i) })
      : words === 0
        ? []
        : Array.from(word.keys()).filter((r) => word[r] === 1).map((index) => ({ index, by: 'word' as const }));
  refuseUnmatchedTotals(found, file, (i) => t.line(i), (i) => t.cell(i, roles.recipient), t.headers[roles.recipient]!);
  const notes = [...found.map((f) => totalRowNote(file, t.line(f.index), t.cell(f.index, roles.recipient), f.by)), ...held.map((i) => sumsHeldNote(file, t.line(i), t.cell(i, roles.recipient)))];
  let rows: Int32Array | undefined;
  if (found.length > 0) {
    const aside = new Set(found.map((f) => f.index));
    rows = Int32Array.from({ length: n }, (_, r) => r).filter((r) => !aside.has(r));
    const kept = rows;
    amounts = amounts.map((all) => {
      const column = new ScaledColumn(kept.length);
      kept.forEach((r, i) => column.set(i, all.get(r), all.decimals));
      return column;
    });
  }
  const count = rows ? rows.length : n;
  const row = rows ? (i: number): number => rows![i]! : (i: number): number => i;

  // Second reading, row by row: names, codes, duplicates, and the unreadable cells (repaired or an error).
  const repairs: ReadCellRepair[] = [];
  const recipient = roles.recipient;
  const codeColumn = roles.code;
  const codeAt = codeColumn === undefined ? (): string => '' : (r: number): string => t.cell(r, codeColumn).trim();
  // The index makes a row's key again from its cells when it must compare keys (a hash match), so
  // no key is held past this reading.
  const keyAt = (i: number): string => {
    const r = row(i);
    const code = codeAt(r);
    return code ? codeKey(code) : recipientKey(t.cell(r, recipient));
  };
  let byKey: KeyIndex | undefined;
  // Row i's name as bytes, and whether its key is that name's (no code): read by compare and its writers.
  // Every row's name plain and kept, and keyed by it: the table's own offsets are the names' (no copy).
  const fast = codeColumn === undefined && bad.size === 0;
  const shared = fast && rows === undefined && plainNames === n;
  const names: NameBytes | undefined =
    tb && nameStart && nameEnd
      ? shared
        ? // plainName: 1 on every row (plainNames === n), as `keyed` is.
          { bytes: tb.bytes, start: nameStart, end: nameEnd, keyed: plainName }
        : { bytes: tb.bytes, start: new Int32Array(count), end: new Int32Array(count), keyed: new Uint8Array(count) }
      : undefined;
  const sameKey = (j: number, i: number): boolean =>
    names !== undefined && names.keyed[j] === 1 && names.keyed[i] === 1
      ? samePlainKey(names.bytes, names.start[j]!, names.end[j]!, names.bytes, names.start[i]!, names.end[i]!)
      : keyAt(j) === keyAt(i);
  /** Row i's key is that of the earlier row `earlier` (by code, or by name). */
  const duplicateError = (i: number, earlier: number, byCode: boolean): StatsbidragError => {
    const r = row(i);
    const e = row(earlier);
    const name = t.cell(r, roles.recipient).trim();
    // By code: the code is what repeats ("Malmö" beside the code of "Stockholm" on an earlier line).
    // "180" and "0180" are one code (core/recipient-key.ts codeKey): the earlier one is shown as written when it differs.
    const earlierCode = byCode && codeAt(e) !== codeAt(r) ? ` as "${codeAt(e)}"` : '';
    const message = byCode ? `code "${codeAt(r)}" of "${name}" is also on line ${t.line(e)}${earlierCode} (of "${t.cell(e, roles.recipient).trim()}")` : `"${name}" is also on line ${t.line(e)}`;
    return new StatsbidragError('duplicate-recipient', message, { ...(file ? { file } : {}), line: t.line(r), field: t.headers[byCode ? roles.code! : roles.recipient]! });
  };
  let coded = 0;
  // No code column and no unreadable cell: each row is keyed by its name, and the only errors left
  // are a row without a name and a name on two rows. Then the rows go into the index all at once,
  // in the order of their slots (KeyIndex.addAllHashed: no cache miss a row); on either error the
  // rows are read again one by one below, which finds the first error in row order.
  let indexed = false;
  /** The hashes of the names read from the bytes, when not kept above (laterHashes). */
  const plainHashes = (): Int32Array => {
    for (let r = 0; r < n; r++) if (plainName[r] === 1) hashes[r] = plainKeyHash(tb!.bytes, nameStart![r]!, nameEnd![r]!);
    return hashes;
  };
  // Made later only for an index deferred over every row as read (the branch below); else now.
  const hashesLater = laterHashes && fast && shared && namelessRows === 0;
  if (laterHashes && !hashesLater) plainHashes();
  if (fast) {
    const rowHashes = rows === undefined ? hashes : new Int32Array(count);
    let named = true;
    if (shared) {
      named = namelessRows === 0;
    }
    for (let i = 0; i < count && named && !shared; i++) {
      const r = row(i);
      if (namelessRows > 0 && nameless[r]) named = false;
      rowHashes[i] = hashes[r]!;
      if (names) {
        if (plainName[r]) {
          names.start[i] = nameStart![r]!;
          names.end[i] = nameEnd![r]!;
          names.keyed[i] = 1;
        } else names.start[i] = -1;
      }
    }
    // A name on two rows: the error the row-at-a-time reading raises (no other is left to raise).
    const duplicate = (): StatsbidragError => {
      const one = new KeyIndex(count, keyAt);
      for (let i = 0; ; i++) {
        const earlier = one.addHashed(i, rowHashes[i]!, sameKey);
        if (earlier >= 0) return duplicateError(i, earlier, false);
      }
    };
    if (named && options.deferKeys === true && options.basis === undefined) {
      // Left for compare to make if it must (KeyIndex.deferred): then a name on two rows is raised.
      // (The hashes too when they were not kept: rowHashes is `hashes`, filled in by plainHashes.)
      byKey = KeyIndex.deferred(
        hashesLater ? plainHashes : rowHashes,
        keyAt,
        (index) => {
          if (!index.addAllHashed(rowHashes, sameKey)) throw duplicate();
        },
        false,
        count,
      );
      indexed = true;
    } else if (named && distinctKeys(rowHashes, sameKey)) {
      // No name on two rows (found without the index's table): the index is made only when looked
      // up (compare matches rows in order without it, core/compare.ts). Else the rows are read one
      // by one below, which raises the first name on two rows.
      byKey = KeyIndex.deferred(
        rowHashes,
        keyAt,
        (index) => {
          if (!index.addAllHashed(rowHashes, sameKey)) throw duplicate();
        },
        true,
      );
      indexed = true;
    }
  }
  if (!indexed) byKey = new KeyIndex(count, keyAt);
  for (let i = 0; i < count && !indexed; i++) {
    const r = row(i);
    const at = (field: string) => ({ ...(file ? { file } : {}), line: t.line(r), field });
    if (namelessRows > 0 && nameless[r]) throw new StatsbidragError('missing-recipient', 'a row without a recipient name', at(t.headers[roles.recipient]!));
    const code = codeAt(r);
    if (code) coded++;
    if (names) {
      if (plainName[r]) {
        names.start[i] = nameStart![r]!;
        names.end[i] = nameEnd![r]!;
        if (!code) names.keyed[i] = 1;
      } else names.start[i] = -1;
    }
    const earlier = code ? byKey!.add(codeKey(code), i) : byKey!.addHashed(i, hashes[r]!, sameKey);
    if (earlier >= 0) throw duplicateError(i, earlier, code !== '');
    if (bad.size === 0) continue;
    columns.forEach((c, slot) => {
      if (state[slot]![r] !== BAD) return;
      const reading = bad.get(r * columns.length + slot)!;
      const repair = chooseRepair(reading.candidates, undefined);
      if (!repair) throw new StatsbidragError(reading.code, reading.message, at(c.header));
      repairs.push({ label, line: t.line(r), column: c.header, raw: reading.raw, value: repair.value });
      amounts[slot]!.setDecimal(i, repair.value);
    });
  }
  // A weight column named (compare --basis): each row's weight, for the paradox checks (core/paradox.ts).
  let weights: ScaledColumn | undefined;
  if (options.basis !== undefined && roles.basis !== undefined) {
    const basis = roles.basis;
    weights = new ScaledColumn(count);
    for (let i = 0; i < count; i++) {
      const r = row(i);
      const text = t.cell(r, basis);
      // Plain digits straight to integers, as the amounts' first reading; anything else through the amount parser.
      if (PLAIN.test(text) && text.charCodeAt(0) !== 45) {
        const dot = text.indexOf('.');
        if (dot < 0) weights.set(i, BigInt(text), 0);
        else weights.set(i, BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1);
        continue;
      }
      const at = { ...(file ? { file } : {}), line: t.line(r), field: t.headers[basis]! };
      const reading = readCell(text, columnMark(t, basis));
      if (reading.kind === 'empty') throw new StatsbidragError('invalid-amount', 'an empty weight', at);
      if (reading.kind === 'bad') throw new StatsbidragError(reading.code, reading.message, at);
      if (reading.value.isNegative()) throw new StatsbidragError('negative-weight', `the weight of "${t.cell(r, recipient).trim()}" is negative`, at);
      weights.setDecimal(i, reading.value);
    }
  }
  // A column whose header states a unit ("Belopp 2019 (tkr)") is read in kronor: its amounts × 10^scale, and a note says so.
  amounts = amounts.map((column, slot) => {
    const scale = headerScale(columns[slot]!.header);
    if (scale === 0) return column;
    notes.push(unitNote(file, columns[slot]!.header)!);
    return column.timesPowerOfTen(scale);
  });
  return {
    columns: {
      label,
      count,
      ...(weights ? { weights } : {}),
      id: (i) => t.cell(row(i), recipient).trim(),
      code: codeColumn === undefined ? () => undefined : (i) => t.cell(row(i), codeColumn).trim() || undefined,
      columnOf,
      amounts,
      allCoded: count > 0 && coded === count,
      anyCoded: coded > 0,
      byKey: byKey!,
      ...(names ? { names } : {}),
      where: { file, line: (i) => t.line(row(i)), recipientHeader: t.headers[recipient]! },
    },
    repairs,
    notes,
    tableColumns: columns.map((c) => c.index),
  };
}

/** As amountColumnsOf, with the rows as objects (each amount a Decimal): for the library and small tables. */
export function amountTableOf(t: TableLike, label: string, options: { year?: YearRange | undefined } = {}): AmountTableResult {
  const { columns: c, repairs, notes, tableColumns } = amountColumnsOf(t, label, options);
  const rows = Array.from({ length: c.count }, (_, i) => {
    const code = c.code(i);
    const amounts = new Map([...c.columnOf].map(([y, slot]) => [y, c.amounts[slot]!.decimal(i)]));
    return { id: c.id(i), ...(code ? { code } : {}), amounts };
  });
  return { table: { label, rows, columnOf: new Map([...c.columnOf].map(([y, slot]) => [y, tableColumns[slot]!])) }, repairs, notes };
}
