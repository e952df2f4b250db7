/**
 * A comparison as records (CSV: one row per recipient and year, plus a `total` row each), as the
 * documented JSON, and as two display grids: totals per year, and recipients with their totals.
 */
import { type NumberLocale } from '../core/amount.js';
import { formatAmount, formatFixed, plain, plainScaled as scaledText } from './money.js';
import { comparisonNumbers, type ComparisonNumbers, type CompareCell, type CompareStatus, type Comparison, type ScaledCell, type ScaledRow } from '../core/compare.js';
import type { Decimal } from '../core/decimal.js';
import type { NotCheckedReason, ParadoxCheck, ParadoxKind } from '../core/paradox.js';
import { fixedQuotient, fromScaled } from '../core/scaled.js';
import { byteDialect, CHUNK_BYTES, cellBytes, chunkFor, PERCENT_MAX, csvCellText, csvSafeBytes, csvSafeText, writeAscii, writePercent, writeSignedAmount, writeUtf8 } from './csv-bytes.js';
import { csvChunks, renderCsv, type CsvOptions } from './csv.js';
import { statedTotalNote } from './figures.js';
import { cellRows, type Grid } from './grid.js';
import { labelsFor, recipientHeader } from './labels.js';
import { gridSections, provenanceOf, type Provenance, type Rendered, type RenderOptions, type Source } from './output.js';

/** The decimals every amount of a comparison is written with: the most any compared amount needs. */
const decimals = (c: Comparison): number => c.decimals;

/**
 * difference / a × 100 with four decimals, as Decimal's toFixed(4) writes it (half away from
 * zero; "-0.0000" for a negative per cent that rounds to zero): exact, from the integers.
 */
function percentText(difference: bigint, a: bigint): string {
  let num = difference * 1_000_000n;
  let den = a;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const m = neg ? -num : num;
  let q = m / den;
  if ((m % den) * 2n >= den) q += 1n;
  const s = q.toString().padStart(5, '0');
  return `${neg ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4)}`;
}

/** A scaled cell's texts as the records and the JSON write them ('' / null where not defined). */
function scaledTexts(x: ScaledCell, dp: number): { a: string | null; b: string | null; difference: string | null; percent: string | null } {
  return {
    a: x.a === null ? null : scaledText(x.a, dp),
    b: x.b === null ? null : scaledText(x.b, dp),
    difference: x.difference === null ? null : scaledText(x.difference, dp),
    percent: x.difference === null || x.a === null || x.a === 0n ? null : percentText(x.difference, x.a),
  };
}

/** The rows as exact integers, in order, each made as it is reached. */
function* scaledRows(c: Comparison): Generator<ScaledRow> {
  for (let i = 0; i < c.rowCount; i++) yield c.scaledRow(i);
}

/** The rows' codes (for the recipient column's header). */
const rowCodes = (c: Comparison): (string | undefined)[] => Array.from({ length: c.rowCount }, (_, i) => c.recipient(i).code);

const span = (years: readonly number[]): string =>
  years.length === 0 ? 'no years' : years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;

/** "2019–2021" when contiguous, else "2018, 2020–2021". */
export function yearsText(years: readonly number[]): string {
  const runs: number[][] = [];
  for (const y of years) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === y - 1) last.push(y);
    else runs.push([y]);
  }
  return runs.map(span).join(', ') || 'no years';
}

const STATUS_TEXT = { both: '', 'only-a': 'A', 'only-b': 'B' } as const;

const RECORD_HEADERS = ['recipient', 'code', 'status', 'year', 'a', 'b', 'difference', 'percent'];

/** The records' `paradox` column, there only when some recipient is flagged. */
const PARADOX_HEADER = 'paradox';

/**
 * The paradoxes flagged per row position: for each flagged row, the kinds flagged in a year (or
 * over any year: `year` undefined), as the records' `paradox` cell writes them ("alabama",
 * "population", "new-state", several joined by a space). Undefined when nothing is flagged.
 */
function paradoxCells(c: Comparison): ((row: number, year?: number) => string) | undefined {
  const byRow = new Map<number, { from: number; to: number; kind: ParadoxKind }[]>();
  for (const check of c.paradoxes) {
    for (const f of check.flags) {
      let list = byRow.get(f.row);
      if (!list) byRow.set(f.row, (list = []));
      list.push({ from: check.from, to: check.to, kind: f.kind });
    }
  }
  if (byRow.size === 0) return undefined;
  return (row, year) => {
    const list = byRow.get(row);
    if (!list) return '';
    const kinds = new Set(list.filter((x) => year === undefined || (year >= x.from && year <= x.to)).map((x) => x.kind));
    return [...kinds].join(' ');
  };
}

/** Row i's long records (one per year, then its `total` record), from its exact integers r. */
function rowRecords(c: Comparison, i: number, r: ScaledRow, paradox: ReturnType<typeof paradoxCells>): string[][] {
  const dp = decimals(c);
  const line = (year: string, x: ScaledCell): string[] => {
    const t = scaledTexts(x, dp);
    return [r.id, r.code ?? '', r.status, year, t.a ?? '', t.b ?? '', t.difference ?? '', t.percent ?? ''];
  };
  const out: string[][] = [];
  for (let y = 0; y < c.years.length; y++) {
    const l = line(String(c.years[y]!), r.years[y]!);
    if (paradox) l.push(paradox(i, c.years[y]!));
    out.push(l);
  }
  const t = line('total', r.total);
  if (paradox) t.push(paradox(i));
  out.push(t);
  return out;
}

/** The long records, made as they are read (re-iterable: each iteration makes them afresh). */
function recordRows(c: Comparison, paradox = paradoxCells(c)): Iterable<string[]> {
  return {
    *[Symbol.iterator]() {
      let i = 0;
      for (const r of scaledRows(c)) yield* rowRecords(c, i++, r, paradox);
    },
  };
}

/** The long records' headers: a `paradox` column when some recipient is flagged. */
const recordHeaders = (paradox: unknown): string[] => [...RECORD_HEADERS, ...(paradox ? [PARADOX_HEADER] : [])];

/** One record per recipient and year, plus a `total` record each (every row made at once: for the library and small comparisons). */
export function compareRecords(c: Comparison): { headers: string[]; rows: string[][] } {
  const paradox = paradoxCells(c);
  return { headers: recordHeaders(paradox), rows: [...recordRows(c, paradox)] };
}

/** Layouts of a comparison's records and grids: `long` (one record per recipient and year) or `wide` (A, B and the difference for each year side by side). */
export const COMPARE_LAYOUTS = ['long', 'wide'] as const;
export type CompareLayout = (typeof COMPARE_LAYOUTS)[number];

/** One record per recipient: recipient, code, then A_YEAR, B_YEAR, difference_YEAR for each year; made as they are read (re-iterable). */
function wideRecordRows(c: Comparison): { headers: string[]; rows: Iterable<string[]> } {
  const dp = decimals(c);
  const money = (d: bigint | null): string => (d === null ? '' : scaledText(d, dp));
  const paradox = paradoxCells(c);
  const headers = ['recipient', 'code', ...c.years.flatMap((y) => [`A_${y}`, `B_${y}`, `difference_${y}`]), ...(paradox ? [PARADOX_HEADER] : [])];
  const rows = {
    *[Symbol.iterator]() {
      let i = 0;
      for (const r of scaledRows(c)) {
        yield [r.id, r.code ?? '', ...r.years.flatMap((x) => [money(x.a), money(x.b), money(x.difference)]), ...(paradox ? [paradox(i)] : [])];
        i++;
      }
    },
  };
  return { headers, rows };
}

/** The records of a layout, made as they are read: for the CSV and xlsx writers. */
export function comparisonRecordSource(c: Comparison, layout: CompareLayout = 'long'): { headers: string[]; rows: Iterable<string[]> } {
  if (layout === 'wide') return wideRecordRows(c);
  const paradox = paradoxCells(c);
  return { headers: recordHeaders(paradox), rows: recordRows(c, paradox) };
}

/** The wide layout as a display grid: per recipient, A, B and the difference for each year; totals per year underneath. */
function compareWideGrid(c: Comparison, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const { money, signed } = formatters(c, locale);
  const scaled = scaledFormatters(c, locale);
  const codeList = rowCodes(c);
  const codes = codeList.some((code) => code !== undefined);
  const cells = (xs: readonly CompareCell[]): string[] => xs.flatMap((x) => [money(x.a), money(x.b), signed(x.difference)]);
  const scaledCells = (xs: readonly ScaledCell[]): string[] => xs.flatMap((x) => [scaled.money(x.a), scaled.money(x.b), scaled.signed(x.difference)]);
  return {
    columns: [
      { header: recipientHeader(L, codeList), align: 'left' },
      ...(codes ? [{ header: L.code, align: 'left' as const }] : []),
      ...c.years.flatMap((y) => [`A ${y}`, `B ${y}`, `${L.differenceShort} ${y}`].map((header) => ({ header, align: 'right' as const }))),
    ],
    body: [],
    streamed: cellRows(function* () {
      for (const r of scaledRows(c)) yield [r.id, ...(codes ? [r.code ?? ''] : []), ...scaledCells(r.years)];
    }),
    footer: [[L.allRecipients, ...(codes ? [''] : []), ...cells(c.totalsPerYear)]],
  };
}

const COMPARISON_JSON_VERSION = 1;

/** A and B and their difference: fixed-decimal strings, per cent with four decimals, null where not defined. */
export interface CompareCellJson {
  a: string | null;
  b: string | null;
  difference: string | null;
  percent: string | null;
}

/** The documented JSON shape of a comparison (README, "compare"). */
export interface ComparisonJson {
  schema: 'statsbidrag/comparison';
  version: typeof COMPARISON_JSON_VERSION;
  provenance?: Provenance;
  a: { label: string; years: string };
  b: { label: string; years: string };
  years: string;
  commonYears: string;
  unchanged: number;
  rows: {
    recipient: string;
    code: string | null;
    status: CompareStatus;
    /** By year: "2019" → cell. */
    years: Record<string, CompareCellJson>;
    total: CompareCellJson;
    common: CompareCellJson;
  }[];
  totals: { years: Record<string, CompareCellJson>; total: CompareCellJson; common: CompareCellJson };
  /** The apportionment paradoxes checked (docs/compare.md), per run of years; absent when no check applies. */
  paradoxes?: ParadoxJson[];
}

/** One run of years' paradox checks in the JSON. */
export interface ParadoxJson {
  years: string;
  /** The whole units each side split. */
  unitsA: string;
  unitsB: string;
  checked: ParadoxKind[];
  notChecked: { paradox: ParadoxKind; because: NotCheckedReason[] }[];
  flags: { paradox: ParadoxKind; recipient: string; code: string | null; partner: string | null; a: string; b: string }[];
  /** New-state: the recipients on one side only. */
  newcomers: string[];
  /** Two tables: taken to be split by one method and unit (they do not say); unitsA/unitsB are then the amounts' sums in their smallest step. */
  assumed?: true;
}

const runYears = (x: { from: number; to: number }): string => (x.from === x.to ? String(x.from) : `${x.from}–${x.to}`);

function paradoxJson(c: Comparison): ParadoxJson[] {
  const dp = decimals(c);
  return c.paradoxes.map((p) => ({
    years: runYears(p),
    unitsA: p.houseA.toString(),
    unitsB: p.houseB.toString(),
    checked: [...p.checked],
    notChecked: p.notChecked.map((n) => ({ paradox: n.kind, because: [...n.because] })),
    flags: p.flags.map((f) => {
      const r = c.recipient(f.row);
      return { paradox: f.kind, recipient: r.id, code: r.code ?? null, partner: f.partner === undefined ? null : c.recipient(f.partner).id, a: scaledText(f.a, dp), b: scaledText(f.b, dp) };
    }),
    newcomers: p.newcomers.map((i) => c.recipient(i).id),
    ...(p.assumed ? { assumed: true as const } : {}),
  }));
}

/** A row of the JSON document, from the exact integers. */
function rowJson(c: Comparison, r: ScaledRow): ComparisonJson['rows'][number] {
  const dp = decimals(c);
  return {
    recipient: r.id,
    code: r.code ?? null,
    status: r.status,
    years: Object.fromEntries(c.years.map((y, i) => [String(y), scaledTexts(r.years[i]!, dp)])),
    total: scaledTexts(r.total, dp),
    common: scaledTexts(r.common, dp),
  };
}

/** The document with `rows` as given. */
function jsonShell<R>(c: Comparison, rows: R, provenance?: Provenance): Omit<ComparisonJson, 'rows'> & { rows: R } {
  const dp = decimals(c);
  const out = (x: CompareCell): CompareCellJson => ({
    a: x.a === null ? null : plain(x.a, dp),
    b: x.b === null ? null : plain(x.b, dp),
    difference: x.difference === null ? null : plain(x.difference, dp),
    percent: x.percent === null ? null : x.percent.toFixed(4),
  });
  const byYear = (cells: CompareCell[]) => Object.fromEntries(c.years.map((y, i) => [String(y), out(cells[i]!)]));
  return {
    schema: 'statsbidrag/comparison',
    version: COMPARISON_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    a: { label: c.a.label, years: yearsText(c.a.years) },
    b: { label: c.b.label, years: yearsText(c.b.years) },
    years: yearsText(c.years),
    commonYears: yearsText(c.commonYears),
    unchanged: c.unchanged,
    rows,
    totals: { years: byYear(c.totalsPerYear), total: out(c.total), common: out(c.common) },
    ...(c.paradoxes.length ? { paradoxes: paradoxJson(c) } : {}),
  };
}

/** The documented JSON of a comparison, every row in it (for the library; the JSON writer streams the same text). */
export function compareJson(c: Comparison, provenance?: Provenance): ComparisonJson {
  return jsonShell(c, Array.from(scaledRows(c), (r) => rowJson(c, r)), provenance);
}

/** Rows of the JSON text a chunk. */
const JSON_ROWS_A_CHUNK = 2048;

/**
 * compareJson's document as text, exactly as JSON.stringify(doc, null, 2) writes it, with the
 * rows written one at a time as they are made (none held).
 */
function* compareJsonText(c: Comparison, provenance?: Provenance): Generator<string> {
  const mark = '\u0000rows\u0000';
  const shell = JSON.stringify(jsonShell(c, mark, provenance), null, 2);
  const at = shell.indexOf(JSON.stringify(mark));
  yield shell.slice(0, at);
  if (c.rowCount === 0) yield '[]';
  else {
    // An element of the document's "rows" array sits at depth 2: four spaces before each of its lines.
    let parts: string[] = ['[\n'];
    let i = 0;
    for (const r of scaledRows(c)) {
      parts.push(`${i > 0 ? ',\n' : ''}    ${JSON.stringify(rowJson(c, r), null, 2).replace(/\n/g, '\n    ')}`);
      if (++i % JSON_ROWS_A_CHUNK === 0) {
        yield parts.join('');
        parts = [];
      }
    }
    parts.push('\n  ]');
    yield parts.join('');
  }
  yield `${shell.slice(at + JSON.stringify(mark).length)}\n`;
}

function formatters(c: Comparison, locale: NumberLocale) {
  const dp = decimals(c);
  const money = (d: Decimal | null): string => (d === null ? '–' : formatAmount(d, { locale, decimals: dp }));
  const signed = (d: Decimal | null): string => (d === null ? '–' : d.gt(0) ? `+${money(d)}` : money(d));
  const pct = (d: Decimal | null): string => (d === null ? '–' : `${d.gt(0) ? '+' : ''}${formatAmount(d, { locale, decimals: 2 })} %`);
  return { money, signed, pct };
}

/**
 * formatters() of a row's exact integers (scaledRow), the same texts without a Decimal per amount:
 * the tables' rows write one cell of each row's several (the per cent the Decimal's: 60 digits,
 * then two decimals, core/scaled.ts fixedQuotient).
 */
function scaledFormatters(c: Comparison, locale: NumberLocale) {
  const dp = decimals(c);
  const money = (v: bigint | null): string => (v === null ? '–' : formatFixed(scaledText(v, dp), { locale }));
  const signed = (v: bigint | null): string => (v !== null && v > 0n ? `+${money(v)}` : money(v));
  const pct = (x: ScaledCell): string => {
    if (x.difference === null || x.a === null || x.a === 0n) return '–';
    const above = x.difference !== 0n && x.difference > 0n === x.a > 0n;
    return `${above ? '+' : ''}${formatFixed(fixedQuotient(x.difference, x.a, 2, 2), { locale })} %`;
  };
  return { money, signed, pct };
}

/** Totals per year (one row per run of years with the same amounts) and over the period. */
function compareTotalsGrid(c: Comparison, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const { money, signed, pct } = formatters(c, locale);
  const row = (label: string, x: CompareCell): string[] => [label, money(x.a), money(x.b), signed(x.difference), pct(x.percent)];
  const body = c.segments.map((s) => row(s.from === s.to ? String(s.from) : L.perYearSuffix(`${s.from}–${s.to}`), c.totalsPerYear[s.index]!));
  const sameYears = c.commonYears.length === c.years.length;
  const footer = [row(`${L.sumColumn} ${span(c.years)}`, c.total)];
  if (!sameYears && c.commonYears.length) footer.push(row(`${L.yearsInBoth} (${yearsText(c.commonYears)})`, c.common));
  return {
    columns: [
      { header: L.yearsColumn, align: 'left' },
      { header: `A: ${c.a.label}`, align: 'right' },
      { header: `B: ${c.b.label}`, align: 'right' },
      { header: L.differenceShort, align: 'right' },
      { header: '%', align: 'right' },
    ],
    body,
    footer,
  };
}

/** Recipients with their totals over the period (or over the years both cover, when the sides differ). */
function compareRecipientsGrid(c: Comparison, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const { money, signed, pct } = formatters(c, locale);
  const scaled = scaledFormatters(c, locale);
  const sameYears = c.commonYears.length === c.years.length;
  const useCommon = !sameYears && c.commonYears.length > 0;
  const pick = <T>(r: { total: T; common: T }): T => (useCommon ? r.common : r.total);
  const codeList = rowCodes(c);
  const codes = codeList.some((code) => code !== undefined);
  const oneSided = c.onlyA + c.onlyB > 0;
  const total = pick(c);
  return {
    columns: [
      { header: recipientHeader(L, codeList), align: 'left' },
      ...(codes ? [{ header: L.code, align: 'left' as const }] : []),
      { header: `A ${yearsText(useCommon ? c.commonYears : c.years)}`, align: 'right' },
      { header: `B ${yearsText(useCommon ? c.commonYears : c.years)}`, align: 'right' },
      { header: L.differenceShort, align: 'right' },
      { header: '%', align: 'right' },
      ...(oneSided ? [{ header: L.onlyIn, align: 'left' as const }] : []),
    ],
    body: [],
    streamed: cellRows(function* () {
      for (const r of scaledRows(c)) {
        const x = pick(r);
        yield [r.id, ...(codes ? [r.code ?? ''] : []), scaled.money(x.a), scaled.money(x.b), scaled.signed(x.difference), scaled.pct(x), ...(oneSided ? [STATUS_TEXT[r.status]] : [])];
      }
    }),
    footer: [[L.allRecipients, ...(codes ? [''] : []), money(total.a), money(total.b), signed(total.difference), pct(total.percent), ...(oneSided ? [''] : [])]],
  };
}

function compareNotes(c: Comparison, locale: NumberLocale = 'sv'): string[] {
  const L = labelsFor(locale);
  const notes = [L.compareSides(`${c.a.label} (${yearsText(c.a.years)})`, `${c.b.label} (${yearsText(c.b.years)})`)];
  // A stated total that is an assumption, approximate, contradicted … with the other sources' values, side by side.
  for (const [name, side] of [['A', c.a], ['B', c.b]] as const) {
    for (const f of side.figures ?? []) notes.push(`${name} (${side.label}), ${statedTotalNote(f, locale)}`);
  }
  if (c.commonYears.length !== c.years.length) notes.push(L.compareYearsDiffer(yearsText(c.commonYears)));
  const { onlyA, onlyB } = c;
  if (onlyA || onlyB) notes.push(L.compareOneSided(onlyA, onlyB));
  for (const r of c.repairs ?? []) notes.push(L.compareRepair(r.label, r.line, r.column, r.raw, formatAmount(r.value, { locale })));
  notes.push(c.unchanged === c.rowCount ? L.compareNoneDiffer : L.compareSomeDiffer(c.rowCount - c.unchanged, c.rowCount));
  notes.push(...paradoxNotes(c, locale));
  return notes;
}

/** At most this many recipients named in a paradox note; the rest counted. */
const NAMED = 10;

/** The paradox checks as sentences: each flag with its recipients named, checks that found none, and checks that could not be made. */
export function paradoxNotes(c: Comparison, locale: NumberLocale = 'sv'): string[] {
  const L = labelsFor(locale);
  const dp = decimals(c);
  const money = (v: bigint): string => formatAmount(fromScaled(v, dp), { locale, decimals: dp });
  const count = (v: bigint): string => formatAmount(fromScaled(v, 0), { locale });
  const list = (items: string[]): string => (items.length > NAMED ? [...items.slice(0, NAMED), L.paradoxMore(items.length - NAMED)] : items).join('; ');
  const named = (row: number): string => c.recipient(row).id;
  const notes: string[] = [];
  if (c.paradoxes.some((p) => p.assumed)) notes.push(L.paradoxAssumed);
  for (const p of c.paradoxes as readonly ParadoxCheck[]) {
    const years = runYears(p);
    const flagged = (kind: ParadoxKind) => p.flags.filter((f) => f.kind === kind);
    const amounts = (f: { row: number; a: bigint; b: bigint }): string => `${named(f.row)} (${money(f.a)} → ${money(f.b)})`;
    const none: string[] = [];
    for (const kind of p.checked) {
      const flags = flagged(kind);
      if (flags.length === 0) {
        none.push(L.paradoxName[kind]);
        continue;
      }
      if (kind === 'alabama') {
        const bMore = p.houseB > p.houseA;
        notes.push(L.paradoxAlabama(years, bMore ? 'B' : 'A', `A ${count(p.houseA)}, B ${count(p.houseB)}`, list(flags.map(amounts))));
      } else if (kind === 'population') {
        // Each flag's pair (loser, gainer) once; a partner is always flagged itself, so its amounts are at hand.
        const byRow = new Map(flags.map((f) => [f.row, f]));
        const pairs = new Map<string, string>();
        for (const f of flags) {
          const [loser, gainer] = f.b < f.a ? [f, byRow.get(f.partner!)!] : [byRow.get(f.partner!)!, f];
          pairs.set(`${loser.row}:${gainer.row}`, L.paradoxPair(amounts(loser), amounts(gainer)));
        }
        notes.push(L.paradoxPopulation(years, list([...pairs.values()])));
      } else {
        notes.push(L.paradoxNewState(years, list(p.newcomers.map(named)), list(flags.map(amounts))));
      }
    }
    if (none.length) notes.push(L.paradoxNone(years, none.join(', ')));
    for (const n of p.notChecked) {
      const name = L.paradoxName[n.kind];
      notes.push(L.paradoxNotChecked(years, name.charAt(0).toUpperCase() + name.slice(1), n.because.map((b) => L.paradoxBecause[b]).join(', ')));
    }
  }
  return notes;
}

/** What the compare use case hands the writers. */
export interface ComparisonView {
  comparison: Comparison;
  source?: Source | undefined;
  layout?: CompareLayout | undefined;
  /** The consumer is done with each chunk of bytes before it asks for the next: the CSV writer may fill one buffer again (the CLI's --out, as allocate's AllocationView.reuseChunks). */
  reuseChunks?: boolean | undefined;
}

/** A comparison as JSON. */
export function comparisonJsonDocument(view: ComparisonView, options: RenderOptions): Rendered {
  return compareJsonText(view.comparison, view.source && provenanceOf(view.source, options));
}

/** What writeLongRecords reads: the comparison, its writer's constants and scratch arrays, and where the chunk is. */
interface LongRecords {
  readonly c: Comparison;
  readonly numbers: ComparisonNumbers;
  /** Paradox marks per row and year (undefined: none checked). */
  readonly paradox: ((i: number, year?: number) => string) | undefined;
  /** A record as csvChunks writes it. */
  readonly slow: (i: number) => string;
  readonly dp: number;
  readonly D: number;
  readonly MARK: number;
  readonly eol0: number;
  readonly eol1: number;
  readonly years: number;
  readonly STATUS: Record<CompareStatus, Uint8Array | undefined>;
  readonly YEAR: (Uint8Array | undefined)[];
  readonly yearsSafe: boolean;
  readonly perRecord: number;
  readonly values: Float64Array;
  readonly span: Int32Array;
  readonly digits: Uint8Array;
  /** The chunk's bytes written so far (in and out of writeLongRecords). */
  at: number;
  /** The bytes the record that did not fit needs (set when writeLongRecords stops short). */
  need: number;
}

/**
 * The long records as bytes (comparisonCsvBytes): the header and any record with a cell to quote
 * or neutralise through csvChunks (the same text as it writes the rest), every other record
 * written here from the amounts as integers (ComparisonNumbers) and the names as read. The
 * records are written a chunk at a time by writeLongRecords, a plain function (a generator's
 * loop is compiled again each time it is resumed into code that has not seen a path yet).
 */
function* longCsvBytes(c: Comparison, numbers: ComparisonNumbers, headers: string[], textColumns: ReadonlySet<number>, options: CsvOptions, reuse = false): Generator<Uint8Array> {
  const paradox = paradoxCells(c);
  const head = renderCsv(headers, [], textColumns, options);
  yield Buffer.from(head);
  const dp = decimals(c);
  const [eol0, eol1] = options.eol === '\r\n' ? [13, 10] : [10, -1];
  const years = c.years.length;
  // The cells every record shares a few of, as csvChunks writes them (undefined: quoted, so the record goes through it).
  const cellBytes_ = (header: string, value: string): Uint8Array | undefined => {
    const text = csvCellText(header, value, options);
    return text === undefined ? undefined : Buffer.from(text);
  };
  const STATUS: Record<CompareStatus, Uint8Array | undefined> = { both: cellBytes_('status', 'both'), 'only-a': cellBytes_('status', 'only-a'), 'only-b': cellBytes_('status', 'only-b') };
  const YEAR = [...c.years.map((y) => cellBytes_('year', String(y))), cellBytes_('year', 'total')];
  const constBytes = Math.max(...Object.values(STATUS).map((x) => x?.length ?? 0)) + Math.max(...YEAR.map((x) => x?.length ?? 0));
  const w: LongRecords = {
    c,
    numbers,
    paradox,
    slow: (i) => renderCsv(headers, rowRecords(c, i, c.scaledRow(i), paradox), textColumns, options).slice(head.length),
    dp,
    D: (options.delimiter ?? ',').charCodeAt(0),
    MARK: options.decimalMark === ',' ? 44 : 46,
    eol0: eol0!,
    eol1: eol1!,
    years,
    STATUS,
    YEAR,
    yearsSafe: YEAR.every((x) => x !== undefined),
    perRecord: constBytes + 4 * cellBytes(Math.max(dp, 4)) + 16,
    values: new Float64Array(2 * years + 2),
    span: new Int32Array(2),
    digits: new Uint8Array(32),
    at: 0,
    need: 0,
  };
  let out: Uint8Array = new Uint8Array(CHUNK_BYTES);
  for (let i = 0; i < c.rowCount; ) {
    i = writeLongRecords(w, out, i);
    if (i < c.rowCount) {
      // The chunk so far, and room for the record that did not fit after it (csv-bytes.ts chunkFor: the same buffer again with `reuse`).
      const done = out.subarray(0, w.at);
      out = chunkFor(out, w.need, reuse);
      w.at = 0;
      yield done;
    }
  }
  if (w.at > 0) yield out.subarray(0, w.at);
}

/** Whether row i's differences and per cents (values as fill() left them) are exact in doubles here. */
function exactDifferences(values: Float64Array, years: number, sameSpan: boolean): boolean {
  for (let y = 0; y <= years; y++) {
    const a = values[2 * y]!;
    const b = values[2 * y + 1]!;
    if ((y === years && !sameSpan) || a !== a || b !== b) continue;
    const d = b - a;
    if (!(Math.abs(d) <= PERCENT_MAX && Math.abs(d * 1_000_000) <= PERCENT_MAX && Math.abs(a) <= PERCENT_MAX)) return false;
  }
  return true;
}

/**
 * Rows i, i + 1, … written into out from w.at on, each while it fits (its room counted before it
 * is written); returns the first row not written (rowCount: all), with w.at after the last written
 * and, when it stops short, w.need the bytes that row needs.
 */
function writeLongRecords(w: LongRecords, out: Uint8Array, i: number): number {
  const { c, numbers, paradox, dp, D, MARK, eol0, eol1, years, STATUS, YEAR, yearsSafe, perRecord, values, span, digits } = w;
  const n = c.rowCount;
  let at = w.at;
  for (; i < n; i++) {
    let name = numbers.name(i, span);
    let ns = span[0]!;
    let ne = span[1]!;
    let safeName: boolean;
    if (name === undefined) {
      // A name not held as bytes (a scenario's recipient): its text.
      const id = c.recipient(i).id;
      safeName = csvSafeText(id, D);
      name = Buffer.from(id);
      ns = 0;
      ne = name.length;
    } else safeName = csvSafeBytes(name, ns, ne, D);
    const code = numbers.code(i) ?? '';
    const st = STATUS[numbers.status(i)];
    const marks = paradox ? Array.from({ length: years + 1 }, (_, y) => (y < years ? paradox(i, c.years[y]!) : paradox(i))) : undefined;
    const fast = safeName && st !== undefined && yearsSafe && csvSafeText(code, D) && (marks === undefined || marks.every((m) => csvSafeText(m, D))) && numbers.fill(i, values) && exactDifferences(values, years, numbers.sameSpan);
    // A record through csvChunks: its text (3 bytes a code unit at most).
    const text = fast ? '' : w.slow(i);
    const need = fast ? (years + 1) * (ne - ns + code.length * 3 + (marks ? Math.max(...marks.map((m) => m.length)) : 0) + perRecord) : text.length * 3;
    // (w.need and w.at are written for every record, not only on the way out: a loop compiled while
    // it runs then has seen both writes, and is not given up where it hands a full chunk over.)
    w.need = need;
    if (at + need > out.length) break;
    if (!fast) {
      at = writeUtf8(out, at, text);
      w.at = at;
      continue;
    }
    // The record's amounts, difference and per cent as the previous record wrote them (out[from, to)): the
    // same numbers are the same bytes (one year's record and the total of one year, nearly always).
    let from = -1;
    let to = -1;
    let lastA = NaN;
    let lastB = NaN;
    let lastShown = false;
    for (let y = 0; y <= years; y++) {
      const a = values[2 * y]!;
      const b = values[2 * y + 1]!;
      for (let k = ns; k < ne; k++) out[at++] = name[k]!;
      out[at++] = D;
      if (code) at = writeAscii(out, at, code);
      out[at++] = D;
      for (let k = 0; k < st.length; k++) out[at++] = st[k]!;
      out[at++] = D;
      const yt = YEAR[y]!;
      for (let k = 0; k < yt.length; k++) out[at++] = yt[k]!;
      out[at++] = D;
      // The difference (a row's total's only when both sides cover the same years) and the per cent of A.
      const shown = (y < years || numbers.sameSpan) && a === a && b === b;
      if (from >= 0 && shown === lastShown && Object.is(a, lastA) && Object.is(b, lastB)) {
        const start = at;
        for (let k = from; k < to; k++) out[at++] = out[k]!;
        from = start;
        to = at;
      } else {
        from = at;
        if (a === a) at = writeSignedAmount(out, at, a, dp, MARK, digits);
        out[at++] = D;
        if (b === b) at = writeSignedAmount(out, at, b, dp, MARK, digits);
        out[at++] = D;
        if (shown) {
          const d = b - a;
          at = writeSignedAmount(out, at, d, dp, MARK, digits);
          out[at++] = D;
          if (a !== 0) at = writePercent(out, at, d, a, MARK, digits);
        } else out[at++] = D;
        to = at;
        lastA = a;
        lastB = b;
        lastShown = shown;
      }
      if (marks) {
        out[at++] = D;
        at = writeAscii(out, at, marks[y]!);
      }
      out[at++] = eol0;
      if (eol1 >= 0) out[at++] = eol1;
    }
    w.at = at;
  }
  return i;
}

/** A comparison as CSV, as text: comparisonCsvBytes decoded (for the library's renderComparison). */
export function* comparisonCsv(view: ComparisonView, options: RenderOptions): Generator<string> {
  const decoder = new TextDecoder();
  for (const chunk of comparisonCsvBytes(view, options)) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * A comparison as CSV: long records (recipient, year, a, b, difference, percent) or wide ones, as
 * csvChunks (render/csv.ts) writes them. The long records of a comparison of tables are written as
 * bytes from the integers (compareCsvBytes); anything else as csvChunks' text.
 */
export function comparisonCsvBytes(view: ComparisonView, options: RenderOptions): Iterable<Uint8Array | string> {
  const wide = view.layout === 'wide';
  const { headers, rows } = comparisonRecordSource(view.comparison, view.layout);
  const textColumns = new Set(wide ? [0, 1] : [0, 1, 2, 3]);
  const numbers = wide ? undefined : comparisonNumbers(view.comparison);
  if (numbers && byteDialect(options.csv)) return longCsvBytes(view.comparison, numbers, headers, textColumns, options.csv ?? {}, view.reuseChunks === true);
  return csvChunks(headers, rows, textColumns, options.csv);
}

/** A comparison as grids: the terminal table or Markdown (options.format). */
export function comparisonGrids(view: ComparisonView, options: RenderOptions): Rendered {
  const c = view.comparison;
  const title = labelsFor(options.locale).compareTitle(c.a.label, c.b.label);
  const grids = view.layout === 'wide' ? [compareWideGrid(c, options.locale)] : [compareTotalsGrid(c, options.locale), compareRecipientsGrid(c, options.locale)];
  return gridSections([{ title, grids, notes: compareNotes(c, options.locale) }], options);
}
