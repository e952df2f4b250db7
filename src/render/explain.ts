/**
 * `--explain`: for every row of every period, what decided its amount — weight, share, exact
 * quota, the rounded amount, the remainder or divisor priority behind the last unit, whether a
 * tie decided it, and what floors and ceilings did. Only lays out what the core computed.
 */
import type { Allocation, PeriodAllocation } from '../core/allocate.js';
import { type NumberLocale } from '../core/amount.js';
import { formatAmount, plain } from './money.js';
import type { Decimal } from '../core/decimal.js';
import type { SplitRow } from '../core/split.js';
import { cellRows, type Grid, type StreamedBody } from './grid.js';
import { EXPLAIN_TEXT } from './method-text.js';
import { labelsFor, type RecipientColumns } from './labels.js';

/** Display precision: quotas and priorities are exact in the core; these are only how many digits to show. */
const FRACTION_DP = 6;
const PRIORITY_DP = 4;
const SHARE_DP = 6;

const fixedOrInf = (d: Decimal | undefined, dp: number): string => (d === undefined ? '' : d.isFinite() ? plain(d, dp) : 'Infinity');


function moneyDp(p: PeriodAllocation): number {
  return p.split.decimals;
}

/** How the row's last unit was decided, in words, for the table. */
function decidedBy(p: PeriodAllocation, row: SplitRow, locale: NumberLocale): string {
  const e = row.explain;
  if (!e) return '';
  const T = EXPLAIN_TEXT[locale];
  if (row.bound) return row.bound === 'floor' ? T.atFloor : T.atCeiling;
  const num = (d: Decimal, dp: number): string => (d.isFinite() ? formatAmount(d, { locale, decimals: dp }) : '∞');
  switch (p.split.methodKind) {
    case 'divisor':
      if (row.recipient.weight.isZero()) return T.zeroWeight;
      return `${e.lastPriority ? T.wonLast(num(e.lastPriority, PRIORITY_DP)) : T.wonNone}; ${T.next(num(e.nextPriority!, PRIORITY_DP))}`;
    case 'remainder': {
      const gotExtra = e.remainder !== undefined && !e.remainder.isZero() && row.amount.div(p.split.unit).gt(e.quotaUnits.floor());
      return e.remainder ? `${T.remainder(num(e.remainder, FRACTION_DP))}${gotExtra ? ' → +1' : ''}` : '';
    }
    default:
      return e.remainder ? T.remainder(num(e.remainder, FRACTION_DP)) : '';
  }
}

/** One grid per period. */
export function explainGrid(p: PeriodAllocation, locale: NumberLocale, who: RecipientColumns, range: boolean): Grid {
  const codes = who.codes;
  const bounded = p.split.bounded === true;
  const L = labelsFor(locale);
  const columns = [
    { header: who.municipal ? L.municipality : L.recipient, align: 'left' as const },
    ...(codes ? [{ header: L.code, align: 'left' as const }] : []),
    { header: L.weight, align: 'right' as const },
    { header: L.share, align: 'right' as const },
    { header: L.quota, align: 'right' as const },
    { header: L.quotaUnits, align: 'right' as const },
    { header: L.amount, align: 'right' as const },
    { header: L.decidedBy, align: 'left' as const },
    { header: L.tie, align: 'left' as const },
    ...(bounded
      ? [
          { header: L.floorHeader, align: 'right' as const },
          { header: L.ceilingHeader, align: 'right' as const },
          { header: L.unconstrained, align: 'right' as const },
        ]
      : []),
    ...(range
      ? [
          { header: L.rangeDown, align: 'right' as const },
          { header: L.rangeUp, align: 'right' as const },
        ]
      : []),
  ];
  return { columns, body: [], footer: [] };
}

/** One row of a period's explanation grid (explainGrid's columns). */
function explainCells(p: PeriodAllocation, row: SplitRow, codes: boolean, locale: NumberLocale): string[] {
  const dp = moneyDp(p);
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: dp });
  const e = row.explain;
  return [
    row.recipient.id,
    ...(codes ? [row.recipient.code ?? ''] : []),
    formatAmount(row.recipient.weight, { locale }),
    formatAmount(row.share.times(100), { locale, decimals: 4 }),
    formatAmount(row.quota, { locale, decimals: dp + 2 }),
    e ? formatAmount(e.quotaUnits, { locale, decimals: 4 }) : '',
    money(row.amount),
    decidedBy(p, row, locale),
    row.tied ? 'tie' : '',
    ...(p.split.bounded === true
      ? [
          e?.floor ? money(e.floor) + (e.floorIgnored ? ' (ignored: zero weight)' : '') : '',
          e?.ceiling ? money(e.ceiling) : '',
          e?.unconstrained ? money(e.unconstrained) : '',
        ]
      : []),
    ...(e?.range ? [money(e.range.down), e.range.up === null ? labelsFor(locale).noLimit : money(e.range.up)] : []),
  ];
}


/** Lines under an explained period: what the columns mean for this method. */
export function explainNotes(p: PeriodAllocation, locale: NumberLocale, range: boolean): string[] {
  const T = EXPLAIN_TEXT[locale];
  const notes: string[] = [p.split.methodKind === 'divisor' ? T.divisorNote : p.split.methodKind === 'remainder' ? T.remainderNote : T.eachNote];
  if (p.split.bounded) notes.push(T.boundsNote);
  if (range) notes.push(labelsFor(locale).rangeNote);
  if (p.split.rangeDeclined) notes.push(labelsFor(locale).rangeNotBounded);
  return notes;
}

/** Period k's explained rows, from the start each time it is called: the allocation's own, or (a large list) made one at a time as they are written (core/explain-rows.ts). */
export type ExplainedRows = (k: number) => () => Iterable<SplitRow>;

/** The allocation's own explained rows, when it has any. */
export function ownExplainedRows(a: Allocation): ExplainedRows | undefined {
  return a.periods.some((p) => p.split.rows.some((r) => r.explain)) ? (k) => () => a.periods[k]!.split.rows : undefined;
}

/** Whether period k's rows carry the range of the total (its first row tells: every row or none). */
export function rangedRows(rows: ExplainedRows, k: number): boolean {
  for (const row of rows(k)()) return row.explain?.range !== undefined;
  return false;
}

/**
 * Long records: one per period and recipient, period after period, made as they are read (the
 * CSV writer's and the xlsx sheet's); `a`'s periods (its rows are not read: `rows` are) and
 * whether the records have a code column.
 */
export function explainRecords(a: Allocation, rows: ExplainedRows, codes: boolean): { headers: string[]; rows: Iterable<string[]>; text: ReadonlySet<number> } {
  const range = a.periods.some((_, k) => rangedRows(rows, k));
  const headers = explainHeaders(codes, range);
  function* records(): Generator<string[]> {
    for (const [k, p] of a.periods.entries()) for (const row of rows(k)()) yield explainRecord(p, row, codes, range);
  }
  return { headers, rows: { [Symbol.iterator]: records }, text: new Set(headers.flatMap((h, i) => (EXPLAIN_TEXT_COLUMNS.has(h) ? [i] : []))) };
}

/** Header of the long CSV; with `range` (--explain-range) the total's range, `total_down` and `total_up`, last. */
function explainHeaders(codes: boolean, range = false): string[] {
  return [
    'period',
    'method',
    'recipient',
    ...(codes ? ['code'] : []),
    'weight',
    'share',
    'quota',
    'quota_units',
    'quota_units_fraction',
    'amount',
    'remainder',
    'last_priority',
    'next_priority',
    'tied',
    'floor',
    'ceiling',
    'unconstrained',
    'bound',
    ...(range ? ['total_down', 'total_up'] : []),
  ];
}

/** One record of the long CSV. */
function explainRecord(p: PeriodAllocation, row: SplitRow, codes: boolean, range = false): string[] {
  const dp = moneyDp(p);
  const e = row.explain;
  return [
    p.years ? p.label : '',
    p.split.method,
    row.recipient.id,
    ...(codes ? [row.recipient.code ?? ''] : []),
    row.recipient.weight.toFixed(),
    plain(row.share, SHARE_DP + 4),
    plain(row.quota, dp + FRACTION_DP),
    e ? plain(e.quotaUnits, FRACTION_DP) : '',
    e ? `${e.quotaFraction.num}/${e.quotaFraction.den}` : '',
    plain(row.amount, dp),
    fixedOrInf(e?.remainder, FRACTION_DP),
    fixedOrInf(e?.lastPriority, PRIORITY_DP),
    fixedOrInf(e?.nextPriority, PRIORITY_DP),
    row.tied ? 'true' : 'false',
    e?.floor ? plain(e.floor, dp) : '',
    e?.ceiling ? plain(e.ceiling, dp) : '',
    e?.unconstrained ? plain(e.unconstrained, dp) : '',
    row.bound ?? (e?.floorIgnored ? 'floor-ignored' : ''),
    // total_up "" when there is no limit (a zero weight), as when the period has no range (floors or ceilings).
    ...(range ? [e?.range ? plain(e.range.down, dp) : '', e?.range?.up ? plain(e.range.up, dp) : ''] : []),
  ];
}

/** Text columns of the long CSV (neutralised against formulas). */
export const EXPLAIN_TEXT_COLUMNS = new Set(['period', 'method', 'recipient', 'code', 'quota_units_fraction', 'tied', 'bound']);

/** One row of a period's `explain` array in JSON output: exact figures as fixed-decimal strings. */
export interface ExplainRowJson {
  recipient: string;
  weight: string;
  share: string;
  quota: string;
  quotaUnits: string | null;
  /** The quota in units as an exact fraction, "num/den". */
  quotaUnitsFraction: string | null;
  amount: string;
  remainder: string | null;
  /** Divisor methods: the priority that won the row its last unit ("Infinity" when d = 0). */
  lastPriority: string | null;
  nextPriority: string | null;
  tied: boolean;
  floor: string | null;
  ceiling: string | null;
  unconstrained: string | null;
  bound: 'floor' | 'ceiling' | null;
  /** Present (true) only when the floor could not be given. */
  floorIgnored?: true;
  /** --explain-range: how far the amount split may fall and rise (whole units, kronor) with this amount unchanged; up null: no limit. */
  totalRange?: { down: string; up: string | null };
}

/** The `explain` array of one period in JSON output. */
export function explainJson(p: PeriodAllocation): ExplainRowJson[] {
  return p.split.rows.map((row) => explainRowJson(p, row));
}

/** One element of a period's `explain` array. */
function explainRowJson(p: PeriodAllocation, row: SplitRow): ExplainRowJson {
  const dp = moneyDp(p);
  const e = row.explain;
  return {
    recipient: row.recipient.id,
    weight: row.recipient.weight.toFixed(),
    share: plain(row.share, SHARE_DP + 4),
    quota: plain(row.quota, dp + FRACTION_DP),
    quotaUnits: e ? plain(e.quotaUnits, FRACTION_DP) : null,
    quotaUnitsFraction: e ? `${e.quotaFraction.num}/${e.quotaFraction.den}` : null,
    amount: plain(row.amount, dp),
    remainder: e?.remainder ? plain(e.remainder, FRACTION_DP) : null,
    lastPriority: e?.lastPriority ? fixedOrInf(e.lastPriority, PRIORITY_DP) : null,
    nextPriority: e?.nextPriority ? fixedOrInf(e.nextPriority, PRIORITY_DP) : null,
    tied: row.tied,
    floor: e?.floor ? plain(e.floor, dp) : null,
    ceiling: e?.ceiling ? plain(e.ceiling, dp) : null,
    unconstrained: e?.unconstrained ? plain(e.unconstrained, dp) : null,
    bound: row.bound ?? null,
    ...(e?.floorIgnored ? { floorIgnored: true as const } : {}),
    ...(e?.range ? { totalRange: { down: plain(e.range.down, dp), up: e.range.up === null ? null : plain(e.range.up, dp) } } : {}),
  };
}

/** Elements a chunk of explainJsonElements(). */
const ELEMENTS_A_CHUNK = 1024;

/**
 * The inside of period p's "explain" array as `JSON.stringify(doc, null, 2)` writes it, from
 * `rows` made as they are written: each element on lines 8 spaces in (a period's keys are 6 in),
 * separated by commas; the JSON writer (render/allocation-json.ts) writes the brackets.
 */
export function* explainJsonElements(p: PeriodAllocation, rows: () => Iterable<SplitRow>): Generator<string> {
  const indent = '\n        ';
  let parts: string[] = [];
  let first = true;
  for (const row of rows()) {
    // JSON.stringify escapes every line break inside a string, so each newline is a line of the layout.
    parts.push(`${first ? '' : ','}${indent}${JSON.stringify(explainRowJson(p, row), null, 2).replace(/\n/g, indent)}`);
    first = false;
    if (parts.length === ELEMENTS_A_CHUNK) {
      yield parts.join('');
      parts = [];
    }
  }
  if (parts.length) yield parts.join('');
}

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** The explanation grid's body for period `p`, from `rows` made as they are written (read twice by a terminal table). */
export function explainBody(p: PeriodAllocation, rows: () => Iterable<SplitRow>, codes: boolean, locale: NumberLocale): StreamedBody {
  return cellRows(() => mapped(rows(), (row) => explainCells(p, row, codes, locale)));
}
