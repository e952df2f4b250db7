/**
 * Awards as records (CSV: one row per application, an award column per year), as the documented
 * JSON, and as display grids: the applications with their awards, and the budgets per year.
 * Words and sentences come from award-text.ts in the locale. JSON keeps machine values (status and
 * cap_by codes) and gives each reason in the locale, as validate's and audit's JSON give their
 * messages; CSV with English headers keeps English reasons and codes, stable for scripts; CSV with
 * Swedish headers and the Swedish workbook say them in Swedish.
 */
import { type NumberLocale } from '../core/amount.js';
import { formatAmount, plain, plainScaled } from './money.js';
import { AWARD_STATUSES, CAP_BY, NO_YEARS, type AwardReason, type AwardResult, type AwardRow, type AwardStatus, type GrantPeriod, type PoolKind, type Rationing } from '../core/award.js';
import type { AmountValues } from '../core/checks/values.js';
import { decimalsOf, type Decimal } from '../core/decimal.js';
import { scaleOf } from '../core/scaled.js';
import { formatYearRange } from '../core/schedule.js';
import { CAP_BY_TEXT, grantPeriodText, poolText, RATIONING_TEXT, rationingRule, reasonSentence, STATUS_TEXT } from './award-text.js';
import { arrayFrame, framedElements } from './allocation-json.js';
import { csvChunks, csvDialect, type CsvOptions } from './csv.js';
import { byteDialect, cellBytes, chunkFor, CHUNK_BYTES, csvCellText, csvSafeBytes, csvSafeText, utf8, writeScaledAmount, writeUtf8 } from './csv-bytes.js';
import { cellRows, type Grid } from './grid.js';
import { CSV_VALUES_SV, labelsFor } from './labels.js';
import { gridSections, jsonDocument, provenanceOf, type Provenance, type Rendered, type RenderOptions, type Source } from './output.js';

const decimals = (r: AwardResult): number => decimalsOf(r.unit);

/** Why a row got less than it asked for, as text (English by default: CSV and JSON); undefined when nothing limited it. */
export function reasonText(row: Pick<AwardRow, 'reasons'>, locale: NumberLocale = 'en', decimals = 0): string | undefined {
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: Math.max(decimals, decimalsOf(d)) });
  return row.reasons?.map((r) => reasonSentence(r, locale, money)).join('; ');
}
const years = (r: AwardResult): number[] => r.years.map((y) => y.year);
const amountIn = (row: AwardRow, year: number): Decimal | undefined => row.perYear.find((p) => p.year === year)?.amount;

/** A money column's value i with at least `dp` decimals (plain(value, max(dp, its decimals))), from its whole number and decimals. */
function amountText(values: AmountValues, i: number, dp: number): string {
  const d = values.decimalsAt(i);
  if (d < 0) {
    const v = values.get(i)!;
    return plain(v, Math.max(dp, decimalsOf(v)));
  }
  const m = values.mant[i]!;
  if (d === dp) return d === 0 ? String(m) : plainScaled(BigInt(m), d);
  const at = Math.max(dp, d);
  return plainScaled(BigInt(m) * scaleOf(at - d), at);
}

/** A score as Decimal's toFixed() writes it. */
function scoreText(values: AmountValues, i: number): string {
  const d = values.decimalsAt(i);
  return d < 0 ? values.get(i)!.toFixed() : d === 0 ? String(values.mant[i]!) : plainScaled(BigInt(values.mant[i]!), d);
}

/**
 * The records of awardRecords, made one at a time from the result's columns (no AwardRow, no
 * Decimal per application): `record(i)` is row i's; `sentence` says a reason once for the rows
 * that share it. The byte writer (awardCsvBytes) takes its constant cells from the same texts.
 */
function recordMaker(r: AwardResult, language: NumberLocale) {
  const c = r.columns;
  const apps = c.applications;
  const dp = c.unitDecimals;
  const ys = years(r);
  const sv = language === 'sv';
  const statusText = AWARD_STATUSES.map((s) => (sv ? STATUS_TEXT.sv[s] : s));
  const capByText = CAP_BY.map((b) => (b === undefined ? '' : sv ? CAP_BY_TEXT.sv[b] : b));
  const money = (d: Decimal): string => formatAmount(d, { locale: language, decimals: Math.max(dp, decimalsOf(d)) });
  const sentences = new Map<AwardReason, string>();
  const sentence = (reason: AwardReason): string => {
    let s = sentences.get(reason);
    if (s === undefined) sentences.set(reason, (s = reasonSentence(reason, language, money)));
    return s;
  };
  const reasonsText = (reasons: readonly AwardReason[] | undefined): string => (reasons ? (reasons.length === 1 ? sentence(reasons[0]!) : reasons.map(sentence).join('; ')) : '');
  const yearTexts = new Map<number, string>();
  /** The decision's years as the years column writes them ('' for none). */
  const yearsText = (from: number, to: number): string => {
    if (from === NO_YEARS) return '';
    const key = from * 65536 + (to - from);
    let text = yearTexts.get(key);
    if (text === undefined) yearTexts.set(key, (text = formatYearRange({ from, to }).replace('–', '-')));
    return text;
  };
  const zero = plainScaled(0n, dp);
  // Awards in whole kronor (the unit 1): a unit count is the amount.
  const whole = c.unitScaled === 1n && dp === 0;
  const record = (i: number): string[] => {
    const from = c.yearFrom[i]!;
    const to = c.yearTo[i]!;
    const rejected = from === NO_YEARS;
    const cap = c.cap.at(i);
    const units = c.award.at(i)!;
    const award = whole ? units : units * c.unitScaled;
    const each = rejected ? '' : whole ? award.toString() : plainScaled(award, dp);
    const row = [
      apps.applicant(i),
      apps.type(i),
      apps.region(i) ?? '',
      c.ordinance[i]! >= 0 ? c.ordinances[c.ordinance[i]!]! : '',
      apps.priority.has(i) ? scoreText(apps.priority, i) : '',
      c.rank[i] ? String(c.rank[i]) : '',
      yearsText(from, to),
      amountText(apps.requested, i, dp),
      amountText(apps.cost, i, dp),
      cap === undefined ? '' : whole ? cap.toString() : plainScaled(cap * c.unitScaled, dp),
      capByText[c.capBy[i]!]!,
    ];
    for (const y of ys) row.push(!rejected && from <= y && y <= to ? each : '');
    row.push(rejected ? zero : from === to ? each : plainScaled(award * BigInt(to - from + 1), dp), statusText[c.status[i]!]!, reasonsText(c.reasons(i)));
    return row;
  };
  return { record, statusText, capByText, reasonsText, yearsText };
}

/** The records of awardRecords, one at a time. */
function* recordRows(r: AwardResult, language: NumberLocale): Generator<string[]> {
  const { record } = recordMaker(r, language);
  for (let i = 0; i < r.rowCount; i++) yield record(i);
}

/** Writes `bytes` into `out` at `at`; returns the offset after them. Cells of a few bytes are copied a byte at a time (set() costs more than it copies). */
function putBytes(out: Uint8Array, at: number, bytes: Uint8Array): number {
  const n = bytes.length;
  if (n > 24) {
    out.set(bytes, at);
    return at + n;
  }
  for (let k = 0; k < n; k++) out[at++] = bytes[k]!;
  return at;
}

/** awardCsvBytes' writeRow: the record goes through csvDialect; no room (NO_ROOM − the bytes it needs). */
const GENERAL = -1;
const NO_ROOM = -2;

/**
 * awardsCsv's records as bytes (a byte dialect: render/csv-bytes.ts byteDialect): a record whose
 * every cell csvChunks writes as it is (csvSafeBytes, csvSafeText, csvCellText) is written here
 * from the columns: the applicant copied from the input's bytes, the amounts from their whole
 * numbers, the cells many rows share (type, region, ordinance, years, cap_by, status, reason) as
 * bytes made once. Any other record is csvDialect's record() of recordMaker's cells: the same text
 * as csvChunks writes.
 */
function* awardCsvBytes(r: AwardResult, language: NumberLocale, headers: readonly string[], textColumns: ReadonlySet<number>, options: CsvOptions, reuse: boolean): Generator<Uint8Array> {
  const dialect = csvDialect(headers, textColumns, options);
  const { record, statusText, capByText, reasonsText, yearsText } = recordMaker(r, language);
  yield utf8(dialect.header);
  const c = r.columns;
  const apps = c.applications;
  const dp = c.unitDecimals;
  const ys = years(r);
  const D = (options.delimiter ?? ',').charCodeAt(0);
  const MARK = options.decimalMark === ',' ? 44 : 46;
  const EOL = utf8(options.eol ?? '\n');
  const MAX = Number.MAX_SAFE_INTEGER;
  /** A text cell's bytes as csvChunks writes it in column `header`, or undefined (quoted or changed: the record goes through csvDialect). */
  const textCell = (header: string, value: string): Uint8Array | undefined => {
    const text = csvSafeText(value, D) && !Object.hasOwn(CSV_VALUES_SV, header) ? value : csvCellText(header, value, options, true);
    return text === undefined ? undefined : utf8(text);
  };
  /** Cells shared by many rows, made once each (a Map from the text or the reasons array). */
  function shared<K>(header: string, text: (key: K) => string): (key: K) => Uint8Array | undefined {
    const made = new Map<K, Uint8Array | null>();
    return (key) => {
      const known = made.get(key);
      if (known !== undefined) return known ?? undefined;
      const bytes = textCell(header, text(key));
      if (made.size < 65536) made.set(key, bytes ?? null);
      return bytes;
    };
  }
  /** Whether a[as, ae) and b[bs, be) are the same bytes. */
  const sameBytes = (a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean => {
    if (ae - as !== be - bs) return false;
    for (let k = 0; k < ae - as; k++) if (a[as + k] !== b[bs + k]) return false;
    return true;
  };
  const STATUS = statusText.map((t) => textCell('status', t));
  const CAP_BY_CELL = capByText.map((t) => textCell('cap_by', t));
  const typeCell = shared<string>('type', (t) => t);
  const regionCell = shared<string>('region', (t) => t);
  const ordinanceCell = c.ordinances.map((o) => textCell('ordinance', o));
  const yearsCell = shared<number>('years', (key) => yearsText(Math.floor(key / 65536), Math.floor(key / 65536) + (key % 65536)));
  const NONE = new Uint8Array(0);
  // A reason's cell by the reason (rows share them), several joined by their text.
  const oneReason = shared<AwardReason>('reason', (reason) => reasonsText([reason]));
  const severalReasons = shared<string>('reason', (text) => text);
  const reasonCell = (reasons: readonly AwardReason[] | undefined): Uint8Array | undefined =>
    reasons === undefined ? NONE : reasons.length === 1 ? oneReason(reasons[0]!) : severalReasons(reasonsText(reasons));
  const span = new Int32Array(2);
  const digits = new Uint8Array(32);
  const amountRoom = cellBytes(Math.max(dp, 20)) + 2;
  let out: Uint8Array = new Uint8Array(CHUNK_BYTES);
  let at = 0;
  const room = (bytes: number): Uint8Array | undefined => {
    if (at + bytes <= out.length) return undefined;
    const done = out.subarray(0, at);
    // Handed over before anything more is written: with `reuse` the next chunk is written into the same buffer.
    out = chunkFor(out, bytes, reuse);
    at = 0;
    return done;
  };
  // The region of the row before, as read, and its cell: the next row's is mostly the same.
  let regionFrom: Uint8Array | undefined;
  let regionStart = 0;
  let regionEnd = 0;
  let regionBytes: Uint8Array | undefined;
  /** Value i of `values` with at least `least` decimals (amountText, scoreText) as a whole number into `scaled[slot]` and its decimals into scaled[slot + 1]; false when it is not held as one below 2^53. */
  const scaled = new Float64Array(6);
  const amountAt = (values: AmountValues, i: number, least: number, slot: number): boolean => {
    const d = values.decimalsAt(i);
    if (d < 0) return false;
    const to = Math.max(least, d);
    const v = values.mant[i]! * 10 ** (to - d);
    if (!(v <= MAX) || (to > d && v / 10 ** (to - d) !== values.mant[i])) return false;
    scaled[slot] = v;
    scaled[slot + 1] = to;
    return true;
  };
  const unitScaled = c.unitScaled;
  const unitNumber = Number(unitScaled);
  /**
   * Writes row i's record into `buf` from `start`: the offset after it; GENERAL when the record goes
   * through csvDialect; NO_ROOM − need when it needs `need` bytes and fewer are left. A function of
   * its own, apart from the generator: small enough to be optimised soon after the first rows.
   */
  const writeRow = (i: number, buf: Uint8Array, start: number): number => {
    const from = c.yearFrom[i]!;
    const to = c.yearTo[i]!;
    const rejected = from === NO_YEARS;
    const appBytes = apps.bytesOf?.('applicant', i, span);
    let name: Uint8Array | undefined;
    let ns = 0;
    let ne = 0;
    if (appBytes && csvSafeBytes(appBytes, span[0]!, span[1]!, D, true)) {
      name = appBytes;
      ns = span[0]!;
      ne = span[1]!;
    } else {
      const text = apps.applicant(i);
      name = csvSafeText(text, D) && !Object.hasOwn(CSV_VALUES_SV, 'applicant') ? utf8(text) : undefined;
      ne = name?.length ?? 0;
    }
    const type = typeCell(apps.type(i));
    let region: Uint8Array | undefined;
    const read = apps.bytesOf?.('region', i, span);
    if (read && regionFrom && sameBytes(read, span[0]!, span[1]!, regionFrom, regionStart, regionEnd)) region = regionBytes;
    else {
      region = regionCell(apps.region(i) ?? '');
      regionFrom = read;
      regionStart = span[0]!;
      regionEnd = span[1]!;
      regionBytes = region;
    }
    const ordinance = c.ordinance[i]! >= 0 ? ordinanceCell[c.ordinance[i]!] : NONE;
    const yearCell = rejected ? NONE : yearsCell(from * 65536 + (to - from));
    const capBy = CAP_BY_CELL[c.capBy[i]!];
    const status = STATUS[c.status[i]!];
    const reason = reasonCell(c.reasons(i));
    const award = c.award.number(i) * unitNumber;
    const capUnits = c.cap.number(i);
    const hasCap = capUnits === capUnits;
    const capValue = hasCap ? capUnits * unitNumber : 0;
    const years = rejected ? 0 : to - from + 1;
    if (
      name === undefined || type === undefined || region === undefined || ordinance === undefined || yearCell === undefined || capBy === undefined || status === undefined || reason === undefined ||
      !(award * years <= MAX) || !(capValue <= MAX) || award < 0 || capValue < 0 ||
      // Each amount read once, into its slot of `scaled` (priority 0, requested 2, cost 4), written below.
      (apps.priority.has(i) && !amountAt(apps.priority, i, 0, 0)) || !amountAt(apps.requested, i, dp, 2) || !amountAt(apps.cost, i, dp, 4)
    ) {
      return GENERAL;
    }
    const need = ne - ns + type.length + region.length + ordinance.length + yearCell.length + capBy.length + status.length + reason.length + (ys.length + 8) * amountRoom + 16;
    if (start + need > buf.length) return NO_ROOM - need;
    let at = start;
    for (let k = ns; k < ne; k++) buf[at++] = name[k]!;
    buf[at++] = D;
    at = putBytes(buf, at, type);
    buf[at++] = D;
    at = putBytes(buf, at, region);
    buf[at++] = D;
    at = putBytes(buf, at, ordinance);
    buf[at++] = D;
    if (apps.priority.has(i)) {
      at = writeScaledAmount(buf, at, scaled[0]!, scaled[1]!, MARK, digits);
    }
    buf[at++] = D;
    if (c.rank[i]) at = writeScaledAmount(buf, at, c.rank[i]!, 0, MARK, digits);
    buf[at++] = D;
    at = putBytes(buf, at, yearCell);
    buf[at++] = D;
    at = writeScaledAmount(buf, at, scaled[2]!, scaled[3]!, MARK, digits);
    buf[at++] = D;
    at = writeScaledAmount(buf, at, scaled[4]!, scaled[5]!, MARK, digits);
    buf[at++] = D;
    if (hasCap) at = writeScaledAmount(buf, at, capValue, dp, MARK, digits);
    buf[at++] = D;
    at = putBytes(buf, at, capBy);
    for (let k = 0; k < ys.length; k++) {
      buf[at++] = D;
      const y = ys[k]!;
      if (!rejected && from <= y && y <= to) at = writeScaledAmount(buf, at, award, dp, MARK, digits);
    }
    buf[at++] = D;
    at = writeScaledAmount(buf, at, award * years, dp, MARK, digits);
    buf[at++] = D;
    at = putBytes(buf, at, status);
    buf[at++] = D;
    at = putBytes(buf, at, reason);
    return putBytes(buf, at, EOL);
  };
  for (let i = 0; i < r.rowCount; i++) {
    let end = writeRow(i, out, at);
    if (end < GENERAL) {
      const done = room(NO_ROOM - end);
      if (done) yield done;
      end = writeRow(i, out, at);
    }
    if (end === GENERAL) {
      const text = dialect.record(record(i));
      const done = room(text.length * 3);
      if (done) yield done;
      at = writeUtf8(out, at, text);
      continue;
    }
    at = end;
  }
  if (at > 0) yield out.subarray(0, at);
}

/** The headers of awardRecords. */
const recordHeaders = (r: AwardResult): string[] => ['applicant', 'type', 'region', 'ordinance', 'priority', 'rank', 'years', 'requested', 'cost', 'cap', 'cap_by', ...years(r).map((y) => `award_${y}`), 'award_total', 'status', 'reason'];

/**
 * One record per application. `language` 'en' (CSV's default headers, JSON readers' scripts) keeps the
 * machine values — status codes, cap_by codes, English reasons with plain figures; 'sv' (CSV with
 * Swedish headers, the Swedish workbook) says status, cap_by and reason in Swedish words.
 */
export function awardRecords(r: AwardResult, language: NumberLocale = 'en'): { headers: string[]; rows: string[][] } {
  const { headers, rows } = awardRecordSource(r, language);
  return { headers, rows: [...rows] };
}

/** awardRecords' headers and its records made afresh on each iteration, none held (the workbook's sheet reads them twice). */
export function awardRecordSource(r: AwardResult, language: NumberLocale = 'en'): { headers: string[]; rows: Iterable<string[]> } {
  return { headers: recordHeaders(r), rows: { [Symbol.iterator]: () => recordRows(r, language) } };
}

/** Columns of awardRecords that hold text (formula-neutralised in CSV). */
export const AWARD_TEXT_COLUMNS = new Set(['applicant', 'type', 'region', 'ordinance', 'years', 'cap_by', 'status', 'reason']);

const AWARD_JSON_VERSION = 1;

/** One application of `awardJson`. Money is a fixed-decimal string. */
export interface AwardApplicationJson {
  applicant: string;
  type: string;
  region: string | null;
  /** The line of the applications file. */
  line: number | null;
  ordinance: string | null;
  priority: string | null;
  /** Place in the order of decision when money ran short (priority). */
  rank: number | null;
  years: string | null;
  requested: string;
  cost: string;
  cap: string | null;
  capBy: AwardRow['capBy'] | null;
  /** By year: "2021" → amount (one decision: the same amount each year). */
  perYear: Record<string, string>;
  total: string;
  status: AwardStatus;
  reason: string | null;
  tied: boolean;
}

interface GrantPeriodJson {
  from: string | null;
  to: string;
}
const grantPeriodJson = (g: GrantPeriod | undefined): GrantPeriodJson | null => (g ? { from: g.from ?? null, to: g.to } : null);

/** The documented JSON shape of awards (README, "award"). */
export interface AwardsJson {
  schema: 'statsbidrag/awards';
  version: typeof AWARD_JSON_VERSION;
  provenance?: Provenance;
  programme: { id: string; name: string; agency: string } | null;
  rationing: Rationing;
  /** priority: "score" or "file-order" (the file has no scores); null for the other rules. */
  rankedBy: 'score' | 'file-order' | null;
  partial: boolean;
  unit: string;
  ceiling: string | null;
  maxCostSharePercent: string;
  /** true when no cost share was given and 100 % applies (an award never exceeds the measure's cost). */
  costShareDefault: boolean;
  budgets: {
    kind: PoolKind;
    year: number;
    call: number;
    ordinance: string | null;
    budget: string;
    demand: string;
    awarded: string;
    leftover: string;
    rationed: boolean;
    applications: number;
    grantPeriod: GrantPeriodJson | null;
  }[];
  years: {
    year: number;
    budget: string;
    demand: string;
    awarded: string;
    leftover: string;
    rationed: boolean;
    applications: number;
    level: string | null;
    ratio: string | null;
    grantPeriod: GrantPeriodJson | null;
  }[];
  applications: AwardApplicationJson[];
  totals: { budget: string; requested: string; demand: string; awarded: string; leftover: string; rejected: number };
}

/** One application of awardJson, made from its row. */
function applicationJsonOf(r: AwardResult, locale: NumberLocale): (row: AwardRow) => AwardApplicationJson {
  const dp = decimals(r);
  // At least the unit's decimals, and every decimal the value has (a budget of 1 000,50 kr at a unit of 1 kr is not 1 001).
  const money = (d: Decimal): string => plain(d, Math.max(dp, decimalsOf(d)));
  return (row) => ({
    applicant: row.application.applicant,
    type: row.application.type,
    region: row.application.region ?? null,
    line: row.application.line ?? null,
    ordinance: row.ordinance ?? null,
    priority: row.application.priority?.toFixed() ?? null,
    rank: row.rank ?? null,
    years: row.years ? formatYearRange(row.years) : null,
    requested: row.application.requested.toFixed(),
    cost: row.application.cost.toFixed(),
    cap: row.cap ? money(row.cap) : null,
    capBy: row.capBy ?? null,
    perYear: Object.fromEntries(row.perYear.map((p) => [String(p.year), money(p.amount)])),
    total: money(row.total),
    status: row.status,
    reason: reasonText(row, locale, dp) ?? null,
    tied: row.tied,
  });
}

/** Awards as the documented JSON; `locale` is the language of each application's `reason` (keys and status codes are English in both). */
export function awardJson(r: AwardResult, programme?: { id: string; name: string; agency: string }, provenance?: Provenance, locale: NumberLocale = 'en'): AwardsJson {
  return awardJsonDoc(r, programme, provenance, locale, true);
}

/** awardJson's document, with its applications or (`rows` false) an empty array for them. */
function awardJsonDoc(r: AwardResult, programme: { id: string; name: string; agency: string } | undefined, provenance: Provenance | undefined, locale: NumberLocale, rows: boolean): AwardsJson {
  const dp = decimals(r);
  // At least the unit's decimals, and every decimal the value has (a budget of 1 000,50 kr at a unit of 1 kr is not 1 001).
  const money = (d: Decimal): string => plain(d, Math.max(dp, decimalsOf(d)));
  return {
    schema: 'statsbidrag/awards',
    version: AWARD_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    programme: programme ?? null,
    rationing: r.rationing,
    rankedBy: r.rankedBy ?? null,
    partial: r.partial,
    unit: r.unit.toFixed(),
    ceiling: r.ceiling ? money(r.ceiling) : null,
    maxCostSharePercent: r.maxCostShare.toFixed(),
    costShareDefault: r.costShareDefault,
    budgets: r.pools.map((p) => ({
      kind: p.kind,
      year: p.year,
      call: p.call,
      ordinance: p.ordinance ?? null,
      budget: money(p.budget),
      demand: money(p.demand),
      awarded: money(p.awarded),
      leftover: money(p.leftover),
      rationed: p.rationed,
      applications: p.applications,
      grantPeriod: grantPeriodJson(p.grantPeriod),
    })),
    years: r.years.map((y) => ({
      year: y.year,
      budget: money(y.budget),
      demand: money(y.demand),
      awarded: money(y.awarded),
      leftover: money(y.leftover),
      rationed: y.rationed,
      applications: y.applications,
      level: y.level ? money(y.level) : null,
      ratio: y.ratio ? y.ratio.toSignificantDigits(12).toFixed() : null,
      grantPeriod: grantPeriodJson(y.grantPeriod),
    })),
    applications: rows ? Array.from(r.eachRow(), applicationJsonOf(r, locale)) : [],
    totals: {
      budget: money(r.totals.budget),
      requested: r.totals.requested.toFixed(),
      demand: money(r.totals.demand),
      awarded: money(r.totals.awarded),
      leftover: money(r.totals.leftover),
      rejected: r.totals.rejected,
    },
  };
}

function awardGrid(r: AwardResult, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const dp = decimals(r);
  const money = (d: Decimal | undefined): string => (d === undefined ? '' : formatAmount(d, { locale, decimals: Math.max(dp, decimalsOf(d)) }));
  const ys = years(r);
  const perYear = ys.length > 1;
  const priorities = r.columns.applications.priority.count() > 0;
  const cells = (row: AwardRow): string[] => [
    row.application.applicant + (row.tied ? '*' : ''),
    row.application.type,
    row.ordinance ?? '',
    ...(priorities ? [row.application.priority ? formatAmount(row.application.priority, { locale }) : ''] : []),
    money(row.application.requested),
    money(row.cap),
    ...(perYear ? ys.map((y) => money(amountIn(row, y))) : []),
    row.status === 'rejected' ? '' : money(row.total),
    STATUS_TEXT[locale][row.status],
  ];
  const lead = (text: string): string[] => [text, '', '', ...(priorities ? [''] : []), '', ''];
  const footer = [
    [...lead(L.awardBudget), ...(perYear ? r.years.map((y) => money(y.budget)) : []), money(r.totals.budget), ''],
    [...lead(L.awardCapped), ...(perYear ? r.years.map((y) => money(y.demand)) : []), money(r.totals.demand), ''],
    [...lead(L.awardAwarded), ...(perYear ? r.years.map((y) => money(y.awarded)) : []), money(r.totals.awarded), ''],
    [...lead(L.awardLeftOver), ...(perYear ? r.years.map((y) => money(y.leftover)) : []), money(r.totals.leftover), ''],
  ];
  return {
    columns: [
      { header: L.awardApplicant, align: 'left' },
      { header: L.awardType, align: 'left' },
      { header: L.awardOrdinance, align: 'left' },
      ...(priorities ? [{ header: L.awardPriority, align: 'right' as const }] : []),
      { header: L.awardRequested, align: 'right' },
      { header: L.awardCap, align: 'right' },
      ...(perYear ? ys.map((y) => ({ header: String(y), align: 'right' as const })) : []),
      { header: perYear ? L.sumColumn : L.awardAmount(String(ys[0] ?? '')), align: 'right' },
      { header: L.awardStatus, align: 'left' },
    ],
    body: [],
    // Rows made as they are written (the terminal table makes them twice: widths, then lines).
    streamed: cellRows(function* () {
      for (let i = 0; i < r.rowCount; i++) yield cells(r.row(i));
    }),
    footer,
  };
}

/** The notes under the awards: the rules, each budget, then each application that got less than it asked for (made as they are written). */
function* awardNotes(r: AwardResult, locale: NumberLocale = 'sv'): Generator<string> {
  const sv = locale === 'sv';
  const dp = decimals(r);
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: Math.max(dp, decimalsOf(d)) });
  const pct = (d: Decimal): string => `${formatAmount(d, { locale })} %`;
  const notes: string[] = [];
  const share = r.costShareDefault
    ? sv
      ? `högst ${pct(r.maxCostShare)} av insatsens kostnad (reglerna anger ingen andel; ett bidrag överstiger aldrig kostnaden)`
      : `at most ${pct(r.maxCostShare)} of the measure's cost (the rules give no share; an award never exceeds the cost)`
    : sv
      ? `högst ${pct(r.maxCostShare)} av insatsens kostnad`
      : `at most ${pct(r.maxCostShare)} of the measure's cost`;
  const ceiling = r.ceiling ? (sv ? `${money(r.ceiling)} kr per sökande och år, ` : `${money(r.ceiling)} kr per applicant and year, `) : '';
  notes.push(sv ? `Tak: ${ceiling}${share}; bidrag i hela ${money(r.unit)} kr.` : `Caps: ${ceiling}${share}; awards in whole units of ${money(r.unit)} kr.`);
  notes.push(`${sv ? 'Beslutsregel' : 'Decision rule'}: ${rationingRule(r.rationing, r.rankedBy, r.partial, locale)}.`);
  for (const p of r.pools) {
    const name = poolText(p, locale);
    const cap = name.charAt(0).toUpperCase() + name.slice(1);
    const period = p.grantPeriod ? (sv ? `; bidragsperiod ${grantPeriodText(p.grantPeriod, p.year, locale)}` : `; grant period ${grantPeriodText(p.grantPeriod, p.year, locale)}`) : '';
    // An ordinance's limit above its year's budget (--budget "2018:118=50 miljoner" in a call of 1.8 million) binds nothing: said, beside a leftover that could never be spent.
    const call = p.kind === 'ordinance' ? r.pools.find((q) => q.kind === 'call' && q.year === p.year) : undefined;
    const above = call && p.budget.gt(call.budget) ? (sv ? ` (mer än årets budget, ${money(call.budget)} kr: ramen begränsar inget)` : ` (more than the year's budget, ${money(call.budget)} kr: the limit binds nothing)`) : '';
    if (!p.rationed) {
      notes.push(
        sv
          ? `${cap}: ${money(p.budget)} kr${above}, inte översökt (${money(p.demand)} kr sökt efter tak); ${money(p.leftover)} kr kvar${period}.`
          : `${cap}: ${money(p.budget)} kr${above}, not oversubscribed (${money(p.demand)} kr asked after caps); ${money(p.leftover)} kr left over${period}.`,
      );
    } else {
      const extra = p.kind !== 'ordinance' && r.years.find((y) => y.year === p.year && y.level) ? `, ${sv ? 'gemensam nivå' : 'common level'} ${money(r.years.find((y) => y.year === p.year)!.level!)} kr` : '';
      notes.push(
        sv
          ? `${cap}: ${money(p.budget)} kr${above}, översökt (${money(p.demand)} kr sökt efter tak${extra}); ${money(p.awarded)} kr beviljat, ${money(p.leftover)} kr kvar${period}.`
          : `${cap}: ${money(p.budget)} kr${above}, oversubscribed (${money(p.demand)} kr asked after caps${extra}); ${money(p.awarded)} kr awarded, ${money(p.leftover)} kr left over${period}.`,
      );
    }
  }
  const c = r.columns;
  if (c.yearFrom.some((from, i) => from !== NO_YEARS && from !== c.yearTo[i])) {
    notes.push(
      sv
        ? 'En flerårig ansökan är ett beslut: samma belopp varje år, räknat mot varje års budget.'
        : 'A multi-year application is one decision: the same amount each year, counted against each year\'s budget.',
    );
  }
  yield* notes;
  for (let i = 0; i < r.rowCount; i++) {
    if (!c.reasons(i)) continue;
    const row = r.row(i);
    const where = row.application.line ? (sv ? ` (rad ${row.application.line})` : ` (line ${row.application.line})`) : '';
    const rank = row.rank !== undefined ? (sv ? ` [plats ${row.rank}]` : ` [rank ${row.rank}]`) : '';
    yield `${row.application.applicant}${where}${rank}: ${reasonText(row, locale, dp)}.`;
  }
  if (c.tied.includes(1)) yield sv ? '* filens ordning avgjorde mellan lika poäng.' : '* file order decided between equal scores.';
}

/** What the award use case hands the renderer. */
export interface AwardView {
  result: AwardResult;
  programme: { id: string; name: string; agency: string };
  rationing: string;
  source?: Source | undefined;
  /** The consumer is done with each chunk of bytes before it asks for the next (the CLI writing to --out): the CSV writer fills one buffer again (render/csv-bytes.ts chunkFor). */
  reuseChunks?: boolean | undefined;
}

/** Applications at most this many to a chunk of awardsJsonDocument. */
const APPLICATIONS_A_CHUNK = 2048;

/**
 * Awards as JSON: the bytes of `JSON.stringify(awardJson(…), null, 2)` and a newline, written with
 * each application made from its row as it is written (the rest of the document is awardJson's
 * without applications, render/allocation-json.ts arrayFrame).
 */
export function* awardsJsonDocument(view: AwardView, options: RenderOptions): Rendered {
  const r = view.result;
  const doc = awardJsonDoc(r, view.programme, view.source && provenanceOf(view.source, options), options.locale, false);
  if (r.rowCount === 0) {
    yield* jsonDocument(doc);
    return;
  }
  const json = applicationJsonOf(r, options.locale);
  yield* framedElements(
    arrayFrame(doc, 'applications'),
    (function* () {
      for (let i = 0; i < r.rowCount; i++) yield json(r.row(i));
    })(),
    APPLICATIONS_A_CHUNK,
  );
}

/** Awards as CSV: one record per application (as bytes in a byte dialect, else csvChunks' text). */
export function awardsCsv(view: AwardView, options: RenderOptions): Iterable<string | Uint8Array> {
  const headers = recordHeaders(view.result);
  const language = options.csv?.headers === 'sv' ? 'sv' : 'en';
  const textColumns = new Set(headers.flatMap((h, i) => (AWARD_TEXT_COLUMNS.has(h) ? [i] : [])));
  if (byteDialect(options.csv)) return awardCsvBytes(view.result, language, headers, textColumns, options.csv ?? {}, view.reuseChunks === true);
  return csvChunks(headers, recordRows(view.result, language), textColumns, options.csv);
}

/** Awards as grids: the terminal table or Markdown (options.format). */
export function awardsGrids(view: AwardView, options: RenderOptions): Rendered {
  const { result, programme } = view;
  const span = result.years.length ? `, ${formatYearRange({ from: result.years[0]!.year, to: result.years[result.years.length - 1]!.year })}` : '';
  const title = `${labelsFor(options.locale).awardsTitle}: ${programme.name} (${programme.agency})${span}, ${RATIONING_TEXT[options.locale][result.rationing]}`;
  return gridSections([{ title, grids: [awardGrid(result, options.locale)], notes: awardNotes(result, options.locale) }], options);
}
