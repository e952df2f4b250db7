/**
 * The applications CSV for `award`. Columns are found by header in English or Swedish; amounts accept
 * every form parseAmount does ("298 tkr", "300 000", "300000").
 *
 * The table (io/table.ts, the one reader) is read into columns (core/award.ts ApplicationColumns):
 * each amount cell once into whole numbers and their decimals (core/checks/values.ts), no object per
 * application; an Application is made only when one is asked for. Every row is checked in the file's
 * order, each field in the order the row-object reader checked them, so the first problem named is
 * the same: file, line and field.
 */
import { NO_YEARS, type Application, type ApplicationColumns } from '../core/award.js';
import { columnMark } from '../core/cells.js';
import { AmountValues, readAmountCell, readPlainAmountBytes } from '../core/checks/values.js';
import { StatsbidragError } from '../core/errors.js';
import { finishHash, KeyIndex } from '../core/key-index.js';
import { FNV_START, fnvText, plainNameState } from '../core/key-bytes.js';
import { parseYearRange, type YearRange } from '../core/schedule.js';
import { findTotalRows, maybeTotalLabelCell, maybeTotalWordHash, refuseUnmatchedTotals, sumsHeldNote, totalRowNote } from '../core/total-rows.js';
import type { Table } from './table.js';
import { recipientKey, visibleName } from '../core/recipient-key.js';
import { cellAmount, loadTable } from './load.js';
import { note } from './notes.js';

/** Headers we recognise for each field, lower-case. */
const COLUMNS = {
  applicant: ['applicant', 'sökande', 'organisation', 'organization', 'name', 'namn'],
  type: ['type', 'organisation type', 'organization type', 'organisationstyp', 'typ', 'orgtyp'],
  requested: ['requested', 'requested amount', 'sökt belopp', 'sökt', 'ansökt belopp'],
  cost: ['cost', 'total cost', 'measure cost', 'kostnad', 'total kostnad', 'insatsens kostnad', 'projektkostnad'],
  priority: ['priority', 'priority score', 'score', 'prioritet', 'poäng'],
  region: ['region', 'län'],
  years: ['years', 'year', 'år', 'period'],
} as const;

type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ['applicant', 'type', 'requested', 'cost'];

function findColumn(headers: readonly string[], field: Field): number | undefined {
  const names: readonly string[] = COLUMNS[field];
  const i = headers.findIndex((h) => names.includes(h.normalize('NFC').trim().toLowerCase()));
  return i >= 0 ? i : undefined;
}

/** Every cell of column `col` read into values (undefined col: none has a value). */
function readAmounts(table: Table, col: number | undefined): AmountValues {
  const values = new AmountValues(table.rowCount);
  if (col === undefined) return values;
  const mark = columnMark(table, col);
  // A plain amount straight from the table's bytes (no string made), anything else from its text.
  const { bytes } = table;
  const starts = table.starts[col];
  const ends = table.ends[col];
  for (let r = 0; r < table.rowCount; r++) {
    if (starts && ends && starts[r]! >= 0 && readPlainAmountBytes(values, r, bytes, starts[r]!, ends[r]!, mark)) continue;
    readAmountCell(values, r, table.cell(r, col), mark);
  }
  return values;
}

/** The applications of a table as columns, every row checked (the first problem is an error with its file, line and field). */
function applicationColumnsFromTable(table: Table): ApplicationColumns {
  const { file, headers } = table;
  const cols = Object.fromEntries((Object.keys(COLUMNS) as Field[]).map((f) => [f, findColumn(headers, f)])) as Record<Field, number | undefined>;
  for (const f of REQUIRED) {
    if (cols[f] === undefined) {
      throw new StatsbidragError(
        'missing-column',
        `no "${f}" column (accepted headers: ${COLUMNS[f].join(', ')}; the file has ${headers.map((h) => `"${h}"`).join(', ')})`,
        { file, line: table.headerLine },
      );
    }
  }
  if (table.rowCount === 0) throw new StatsbidragError('no-rows', 'has a header but no applications', { file, line: table.headerLine + 1 });
  // Each amount cell read once, over every record; a cell that is not an amount has no value here
  // and is read again below, by the parser that names what is wrong with it.
  let requested = readAmounts(table, cols.requested);
  let cost = readAmounts(table, cols.cost);
  let priority = readAmounts(table, cols.priority);
  // Each applicant's recipient key as keyHash's state, once (from the bytes, without a string, for
  // nearly every name): the total-word test below and the key of a repeated application.
  const nameStates = new Int32Array(table.rowCount);
  {
    const c = cols.applicant!;
    const { bytes } = table;
    const starts = table.starts[c];
    const ends = table.ends[c];
    for (let r = 0; r < table.rowCount; r++) {
      const h = starts && ends && starts[r]! >= 0 ? plainNameState(bytes, starts[r]!, ends[r]!) : NaN;
      nameStates[r] = Number.isNaN(h) ? fnvText(FNV_START, recipientKey(table.cell(r, c))) : h;
    }
  }
  // Total rows (core/total-rows.ts) are set aside with a note: not applications.
  const totals = findTotalRows({
    count: table.rowCount,
    name: (i) => table.cell(i, cols.applicant!),
    // A name from the bytes: no total word by its hash, no total label by its words (core/total-rows.ts).
    maybeTotalWord: (i) => maybeTotalWordHash(finishHash(nameStates[i]!)) || maybeTotalLabelCell(table, cols.applicant!, i),
    amounts: (i) => [requested.get(i), cost.get(i)],
    sums: (positions, count) => [requested.sumAt(positions, count), cost.sumAt(positions, count)],
    sumsHeldByRecipient: (i) => note(sumsHeldNote(file, table.line(i), table.cell(i, cols.applicant!))),
  });
  refuseUnmatchedTotals(totals, file, (i) => table.line(i), (i) => table.cell(i, cols.applicant!), table.headers[cols.applicant!]!);
  for (const t of totals) note(totalRowNote(file, table.line(t.index), table.cell(t.index, cols.applicant!), t.by));
  let keep: Int32Array | undefined;
  if (totals.length) {
    const aside = new Set(totals.map((t) => t.index));
    keep = new Int32Array(table.rowCount - aside.size);
    for (let r = 0, k = 0; r < table.rowCount; r++) if (!aside.has(r)) keep[k++] = r;
    requested = requested.select(keep);
    cost = cost.select(keep);
    priority = priority.select(keep);
  }
  const at = keep;
  const rowOf = at ? (k: number): number => at[k]! : (k: number): number => k;
  const n = at ? at.length : table.rowCount;
  const cell = (k: number, f: Field): string => (cols[f] === undefined ? '' : table.cell(rowOf(k), cols[f]));
  const header = (f: Field): string => headers[cols[f]!]!;

  const yearFrom = new Int32Array(n).fill(NO_YEARS);
  const yearTo = new Int32Array(n);
  const yearRanges = new Map<string, YearRange | StatsbidragError>();
  // One applicant by the one recipient key (core/recipient-key.ts): "Förening" and "förening " are one.
  // A row goes in by its key's hash (nameStates, then a NUL and the years' text); the keys are made
  // only when two rows' hashes meet.
  const keyOf = (k: number): string => `${recipientKey(cell(k, 'applicant'))}\u0000${cell(k, 'years')}`;
  const sameKey = (earlier: number, k: number): boolean => keyOf(earlier) === keyOf(k);
  const seen = new KeyIndex(n, keyOf);
  const applicantStarts = table.starts[cols.applicant!];
  const applicantEnds = table.ends[cols.applicant!]!;
  /** Whether row k's applicant cell is empty (from its bytes when it is a slice of them). */
  const noApplicant = (k: number): boolean => {
    const s = applicantStarts?.[rowOf(k)] ?? -1;
    return s >= 0 ? applicantEnds[rowOf(k)] === s : cell(k, 'applicant') === '';
  };
  const typeOf = new Int32Array(n);
  const types: string[] = [];
  const typeCodes = new Map<string, number>();
  // The first few types' table rows whose cell is a slice of the bytes: a later row with the same
  // bytes has that type, found without making its text.
  const typeRows: number[] = [];
  /** Whether row k's cell of field f is the same bytes as row k − 1's, and not empty (then it is the same text, checked there). */
  const sameAsBefore = (f: Field, k: number): boolean => sameCell(f, rowOf(k), rowOf(k - 1));
  /** Whether table row r's cell of field f is the same bytes as table row p's, and not empty (then it is the same text). */
  const sameCell = (f: Field, r: number, p: number): boolean => {
    const c = cols[f];
    const starts = c === undefined ? undefined : table.starts[c];
    if (!starts) return false;
    const ends = table.ends[c!]!;
    const s = starts[r]!;
    const q = starts[p]!;
    if (s < 0 || q < 0) return false;
    const length = ends[r]! - s;
    if (length === 0 || length !== ends[p]! - q) return false;
    const b = table.bytes;
    for (let j = 0; j < length; j++) if (b[s + j] !== b[q + j]) return false;
    return true;
  };
  // Row k's checks, made once rather than as closures of every row.
  const need = (k: number, line: number, f: Field): string => {
    const v = cell(k, f);
    if (v === '') throw new StatsbidragError('missing-value', `no ${f}`, { file, line, field: header(f) });
    return v;
  };
  const money = (k: number, line: number, f: 'requested' | 'cost', values: AmountValues): void => {
    // A cell read as an amount above is not empty; any other is read again by the parser, which says why it is not one.
    if (!values.has(k)) values.set(k, cellAmount(need(k, line, f), file, line, header(f), columnMark(table, cols[f]!)));
    if (values.isNegative(k)) throw new StatsbidragError('negative-amount', `"${cell(k, f)}" is negative`, { file, line, field: header(f) });
  };
  let lastYearsText = '';
  for (let k = 0; k < n; k++) {
    const line = table.line(rowOf(k));
    if (noApplicant(k)) need(k, line, 'applicant');
    // Organisation types are few: each text kept once, a number per row (the row before's when its bytes are the same).
    if (k > 0 && sameAsBefore('type', k)) typeOf[k] = typeOf[k - 1]!;
    else {
      const r = rowOf(k);
      let code = -1;
      for (let t = 0; t < typeRows.length; t += 2) {
        if (sameCell('type', r, typeRows[t]!)) {
          code = typeRows[t + 1]!;
          break;
        }
      }
      if (code < 0) {
        const type = need(k, line, 'type');
        let known = typeCodes.get(type);
        if (known === undefined) typeCodes.set(type, (known = types.push(type) - 1));
        code = known;
        if (typeRows.length < 32 && (table.starts[cols.type!]?.[r] ?? -1) >= 0) typeRows.push(r, code);
      }
      typeOf[k] = code;
    }
    const yearsSame = k > 0 && sameAsBefore('years', k);
    const yearsText = yearsSame ? lastYearsText : cell(k, 'years');
    lastYearsText = yearsText;
    const first = seen.addHashed(k, finishHash(fnvText(Math.imul(nameStates[rowOf(k)]!, 16777619), yearsText)), sameKey);
    if (first >= 0) {
      const applicant = cell(k, 'applicant');
      const other = cell(first, 'applicant');
      const names = other === applicant ? `"${applicant}" applies twice` : `"${visibleName(other)}" and "${visibleName(applicant)}" are the same applicant`;
      throw new StatsbidragError('duplicate-application', `lines ${table.line(rowOf(first))} and ${line}: ${names}${yearsText ? ` for ${yearsText}` : ''}, and would be paid twice`, { file });
    }
    money(k, line, 'requested', requested);
    money(k, line, 'cost', cost);
    if (!priority.has(k)) {
      const priorityText = cell(k, 'priority');
      if (priorityText !== '') priority.set(k, cellAmount(priorityText, file, line, header('priority'), columnMark(table, cols.priority!)));
    }
    if (yearsSame) {
      // The row before's years, read and checked there.
      yearFrom[k] = yearFrom[k - 1]!;
      yearTo[k] = yearTo[k - 1]!;
    } else if (yearsText !== '') {
      let years = yearRanges.get(yearsText);
      if (years === undefined) {
        try {
          years = parseYearRange(yearsText);
        } catch (e) {
          if (!(e instanceof StatsbidragError)) throw e;
          years = e;
        }
        yearRanges.set(yearsText, years);
      }
      if (years instanceof StatsbidragError) throw new StatsbidragError(years.code, years.message, { file, line, field: header('years') });
      yearFrom[k] = years.from;
      yearTo[k] = years.to;
    }
  }
  // A years column with a cell left empty while others are filled: that application's years are
  // not the call's to guess (without --year they would be the programme's first year, silently).
  const given = yearFrom.findIndex((y) => y !== NO_YEARS);
  const empty = given >= 0 ? yearFrom.indexOf(NO_YEARS) : -1;
  if (empty >= 0) {
    throw new StatsbidragError(
      'missing-value',
      `"${cell(empty, 'applicant')}" gives no years, while other applications give theirs ("${cell(given, 'applicant')}": ${cell(given, 'years')}): give every application its years`,
      { file, line: table.line(rowOf(empty)), field: header('years') },
    );
  }
  const region = (k: number): string | undefined => cell(k, 'region') || undefined;
  return {
    count: n,
    requested,
    cost,
    priority,
    yearFrom,
    yearTo,
    applicant: (k) => cell(k, 'applicant'),
    bytesOf(field, k, span) {
      const col = cols[field];
      const starts = col === undefined ? undefined : table.starts[col];
      const s = starts?.[rowOf(k)] ?? -1;
      if (s < 0) return undefined;
      span[0] = s;
      span[1] = table.ends[col!]![rowOf(k)]!;
      return table.bytes;
    },
    type: (k) => types[typeOf[k]!]!,
    region,
    line: (k) => table.line(rowOf(k)),
    application(k: number): Application {
      const p = priority.get(k);
      const r = region(k);
      return {
        applicant: cell(k, 'applicant'),
        type: types[typeOf[k]!]!,
        requested: requested.get(k)!,
        cost: cost.get(k)!,
        ...(p !== undefined ? { priority: p } : {}),
        ...(r ? { region: r } : {}),
        ...(yearFrom[k] !== NO_YEARS ? { years: { from: yearFrom[k]!, to: yearTo[k]! } } : {}),
        line: table.line(rowOf(k)),
      };
    },
  };
}

/** The applications of a table as objects (the library, small files): each made from the columns. */
export function applicationsFromTable(table: Table): Application[] {
  const columns = applicationColumnsFromTable(table);
  return Array.from({ length: columns.count }, (_, k) => columns.application(k));
}

export async function loadApplicationColumns(file: string): Promise<ApplicationColumns> {
  return applicationColumnsFromTable(await loadTable(file));
}

export async function loadApplications(file: string): Promise<Application[]> {
  return applicationsFromTable(await loadTable(file));
}
