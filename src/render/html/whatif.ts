/**
 * The allocation report as a what-if tool: what the page carries (the recipients, the programme's
 * periods, the options the report was made with) and how a set of control values becomes the
 * options of core allocate() — the same parsing and the same core as `statsbidrag allocate`, so the
 * page shows the amounts the command prints. Pure: used by the CLI when it writes the page and by
 * the page's own script (client.ts, bundled with this module into the page).
 */
import { allocate, allocateBy, type AdminSpec, type AllocateOptions, type Allocation } from '../../core/allocate.js';
import { sumOf } from '../../core/apportion/types.js';
import { maxDecimals } from '../../core/decimal.js';
import { fromBigInt, toScaledAll } from '../../core/scaled.js';
import { splitRow, splitWithoutRows, type RowTotals, type Split, type SplitRequest } from '../../core/split.js';
import { AmountParseError, parseAmount, parseAmountOrPercent, type NumberLocale } from '../../core/amount.js';
import { Decimal } from '../../core/decimal.js';
import { StatsbidragError } from '../../core/errors.js';
import type { Programme } from '../../core/programme.js';
import { parseYearRange, type YearRange } from '../../core/schedule.js';
import type { Recipient, RestPolicy } from '../../core/split.js';
import type { Source } from '../output.js';

/** The controls, by their `name` in the page; each the text as the user (or the command line) gave it, '' for not given. */
export interface Settings {
  total: string;
  admin: string;
  unit: string;
  method: string;
  'first-divisor': string;
  /** '' or "all": every year there is. */
  year: string;
  floor: string;
  ceiling: string;
}

export const SETTING_NAMES = ['total', 'admin', 'unit', 'method', 'first-divisor', 'year', 'floor', 'ceiling'] as const satisfies readonly (keyof Settings)[];

export const EMPTY_SETTINGS: Settings = { total: '', admin: '', unit: '', method: '', 'first-divisor': '', year: '', floor: '', ceiling: '' };

/** A period of the programme as the page needs it (figures as plain decimals). */
interface PeriodData {
  from: number;
  to: number;
  statedTotal: string;
  amountSplit: string;
  unit: string;
  method: string;
}

/** Everything the page's script needs to split again: JSON in the page. */
export interface WhatIfData {
  locale: NumberLocale;
  /** Recipients in input order: id, code, weight, and own floor and ceiling (plain decimals; null for none). */
  ids: string[];
  codes: (string | null)[] | null;
  weights: string[];
  floors: (string | null)[] | null;
  ceilings: (string | null)[] | null;
  /** The programme whose periods decide the figures (a scenario's, changed); null for a free split. */
  programme: { id: string; name: string; agency: string; periods: PeriodData[] } | null;
  /** A scenario's own options (they stand where a control is empty), as the text of the options. */
  scenarioDefaults: Partial<Settings>;
  /** The options the report was made with. */
  settings: Settings;
  rest: RestPolicy;
  /**
   * The arguments of `allocate` that say where the recipients and the rules come from (--data,
   * --basis, --id, --programme, --rules, --scenario, --sheet, --floor-column, --ceiling-column,
   * --rest), as given; the controls' options are added to these.
   */
  args: string[];
  /** Whether the run was a scenario (then leaving recipients out cannot be written as one command line). */
  scenario: boolean;
  /** The scenario's name (null for none): the xlsx download's provenance names it, as allocate's does. */
  scenarioName: string | null;
  /** Tool version, programme and rules file with its SHA-256: the xlsx download's provenance, as allocate's. */
  source: Source;
  /** Whether the rows were explained (small lists): the page then explains them again after a change. */
  explain: boolean;
}

/** A control's value that the CLI would refuse: the message, and the control's name. */
export class SettingError extends Error {
  constructor(
    readonly control: keyof Settings | 'recipient',
    message: string,
  ) {
    super(message);
  }
}

function amountOf(control: keyof Settings, option: string, text: string, check: 'positive' | 'non-negative'): Decimal {
  let d: Decimal;
  try {
    d = parseAmount(text);
  } catch (e) {
    if (e instanceof AmountParseError || e instanceof StatsbidragError) throw new SettingError(control, `${option}: ${e.message}`);
    throw e;
  }
  if (check === 'positive' && d.lte(0)) throw new SettingError(control, `${option}: must be greater than zero, not "${text}"`);
  if (check === 'non-negative' && d.isNegative()) throw new SettingError(control, `${option}: must be zero or more, not "${text}"`);
  return d;
}

function adminOf(text: string): AdminSpec {
  try {
    const { value, percent } = parseAmountOrPercent(text);
    if (value.isNegative()) throw new SettingError('admin', `--admin: "${text}" is negative`);
    if (percent && value.gt(100)) throw new SettingError('admin', `--admin: "${text}" is more than 100 %`);
    return percent ? { kind: 'percent', value } : { kind: 'amount', value };
  } catch (e) {
    if (e instanceof SettingError) throw e;
    if (e instanceof AmountParseError || e instanceof StatsbidragError) throw new SettingError('admin', `--admin: ${e.message}`);
    throw e;
  }
}

function yearOf(text: string): YearRange | undefined {
  if (text.trim() === '' || text.trim().toLowerCase() === 'all') return undefined;
  try {
    return parseYearRange(text);
  } catch (e) {
    if (e instanceof StatsbidragError) throw new SettingError('year', `--year: ${e.message}`);
    throw e;
  }
}

/** The settings that apply: each control's value, else the scenario's (an empty control is an option not given). */
function effectiveSettings(data: WhatIfData, settings: Settings): Settings {
  const out = { ...settings };
  for (const k of SETTING_NAMES) if (out[k].trim() === '' && data.scenarioDefaults[k] !== undefined) out[k] = data.scenarioDefaults[k]!;
  return out;
}

/** The options allocate() is given for these settings, as app/allocation-setup.ts allocateOptionsOf gives them. */
export function allocateOptions(data: WhatIfData, given: Settings): AllocateOptions {
  const s = effectiveSettings(data, given);
  const t = (k: keyof Settings): string => s[k].trim();
  const total = t('total') ? amountOf('total', '--total', t('total'), 'positive') : undefined;
  if (!data.programme && !total) throw new SettingError('total', '--total: give the amount to split');
  const years = yearOf(s.year);
  return {
    ...(data.programme ? { programme: programmeOf(data.programme) } : {}),
    ...(years ? { years } : {}),
    ...(total ? { total } : {}),
    ...(t('admin') ? { admin: adminOf(t('admin')) } : {}),
    ...(t('unit') ? { unit: amountOf('unit', '--unit', t('unit'), 'positive') } : {}),
    ...(t('method') ? { method: t('method') } : {}),
    rest: data.rest,
    ...(t('first-divisor') ? { firstDivisor: amountOf('first-divisor', '--first-divisor', t('first-divisor'), 'positive') } : {}),
    ...(t('floor') ? { floor: amountOf('floor', '--floor', t('floor'), 'non-negative') } : {}),
    ...(t('ceiling') ? { ceiling: amountOf('ceiling', '--ceiling', t('ceiling'), 'non-negative') } : {}),
    ...(data.explain ? { explain: true } : {}),
  };
}

/** The programme allocate() needs from the page's periods (sources are not carried: the page shows none). */
function programmeOf(p: NonNullable<WhatIfData['programme']>): Programme {
  const sourced = <T>(value: T) => ({ value, source: '' });
  return {
    id: p.id,
    name: p.name,
    agency: p.agency,
    legalBasis: [],
    periods: p.periods.map((q) => ({
      years: { from: q.from, to: q.to },
      statedTotal: sourced(new Decimal(q.statedTotal)),
      includesAdmin: true,
      amountSplit: sourced(new Decimal(q.amountSplit)),
      unit: sourced(new Decimal(q.unit)),
      method: sourced(q.method),
    })),
  };
}

/** The recipients of the page, in input order, made once. */
export function recipientsOf(data: WhatIfData): Recipient[] {
  return data.ids.map((id, i) => {
    const code = data.codes?.[i];
    const floor = data.floors?.[i];
    const ceiling = data.ceilings?.[i];
    return {
      id,
      ...(code !== null && code !== undefined ? { code } : {}),
      weight: new Decimal(data.weights[i]!),
      ...(floor !== null && floor !== undefined ? { floor: new Decimal(floor) } : {}),
      ...(ceiling !== null && ceiling !== undefined ? { ceiling: new Decimal(ceiling) } : {}),
    };
  });
}

/** The page's weights scaled to integers once (split() scales them again at every split). */
const scaledWeights = new WeakMap<readonly Recipient[], bigint[]>();

/**
 * The split for these settings, with the recipients whose index is in `out` left out. Throws
 * SettingError or StatsbidragError as the CLI would. Without floors, ceilings or explanations each
 * period is split as split() splits it — the same checks (splitWithoutRows), the same method on the
 * same weights, the same rows (splitRow) — but on weights scaled once for the page, not at every
 * change (a third of a split's time at 10 000 recipients). Every method depends only on the
 * weights' ratios, so the common scale does not change an amount; anything else goes to split().
 */
export function whatIfAllocation(data: WhatIfData, recipients: readonly Recipient[], settings: Settings, out: ReadonlySet<number>): Allocation {
  const options = allocateOptions(data, settings);
  const kept = out.size ? recipients.filter((_, i) => !out.has(i)) : recipients;
  if (kept.length === 0) throw new SettingError('recipient', 'there are no recipients to split among');
  const bounded = options.floor !== undefined || options.ceiling !== undefined || data.floors !== null || data.ceilings !== null;
  if (bounded || options.explain) return allocate(kept, options);
  let all = scaledWeights.get(recipients);
  if (!all) {
    const weights = recipients.map((r) => r.weight);
    all = toScaledAll(weights, maxDecimals(weights));
    scaledWeights.set(recipients, all);
  }
  const allWeights = all;
  const weights = out.size ? allWeights.filter((_, i) => !out.has(i)) : allWeights;
  const totalWeight = sumOf(weights);
  // No positive weight (or a negative one): split() says so, as the CLI does.
  if (totalWeight === 0n || weights.some((w) => w < 0n)) return allocate(kept, options);
  return allocateBy(kept, options, (request: SplitRequest): Split => {
    let units: readonly bigint[] = [];
    let tied: ReadonlySet<number> = new Set();
    const figures = splitWithoutRows(request, (method, total) => {
      const result = method.apportion({ weights, units: total });
      units = result.units;
      tied = new Set(result.tiedRows);
      return sumOf(result.units);
    });
    const totals: RowTotals = { weight: fromBigInt(totalWeight), amount: request.amount, unit: request.unit };
    return { ...figures, rows: kept.map((r, i) => splitRow(r, units[i]!, tied.has(i), weights[i]!, totals)) };
  });
}

/** One argument as a POSIX shell word (as cli/options.ts shellWord). */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The file name the page offers the kept recipients under, when some are left out. */
export const RECIPIENTS_FILE = 'mottagare.csv';

/** Arguments of `--data FILE`-style options that name where the recipients come from: dropped when the page's own list replaces them. */
const DATA_OPTIONS = new Set(['--data', '--basis', '--id', '--sheet', '--floor-column', '--ceiling-column']);

/**
 * The `statsbidrag allocate` arguments that reproduce the page: where the data and rules come
 * from, then every control that has a value. With recipients left out, the data is the page's
 * own list of the others (RECIPIENTS_FILE, offered for download: recipientsCsv).
 */
export function commandArgs(data: WhatIfData, settings: Settings, anyOut: boolean): string[] {
  const args: string[] = [];
  // A scenario brings its own recipients (--data cannot go with it): recipients left out are the scenario's recipients.remove, which the page says.
  if (anyOut && !data.scenario) {
    for (let i = 0; i < data.args.length; i++) {
      const a = data.args[i]!;
      if (DATA_OPTIONS.has(a)) {
        i++;
        continue;
      }
      args.push(a);
    }
    args.push('--data', RECIPIENTS_FILE, '--basis', 'weight', '--id', 'recipient');
    if (data.floors) args.push('--floor-column', 'floor');
    if (data.ceilings) args.push('--ceiling-column', 'ceiling');
  } else {
    args.push(...data.args);
  }
  // --total without a programme is a free split of the data: name the page's programme (a scenario names its own).
  if (settings.total.trim() !== '' && data.programme && !data.scenario && !args.includes('--programme')) args.push('--programme', data.programme.id);
  for (const k of SETTING_NAMES) {
    const v = settings[k].trim();
    if (v !== '') args.push(`--${k}`, v);
  }
  return args;
}

export function commandLine(data: WhatIfData, settings: Settings, anyOut: boolean): string {
  return ['statsbidrag', 'allocate', ...commandArgs(data, settings, anyOut)].map(shellWord).join(' ');
}

/** A CSV cell as csv-stringify writes one (quoted when it holds the delimiter, a quote or a line break). */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || /^'/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The kept recipients as the CSV the offered command line reads: recipient, weight, and floor and ceiling when the page has them. */
export function recipientsCsv(data: WhatIfData, out: ReadonlySet<number>): string {
  const headers = ['recipient', 'weight', ...(data.floors ? ['floor'] : []), ...(data.ceilings ? ['ceiling'] : [])];
  const lines = [headers.join(',')];
  data.ids.forEach((id, i) => {
    if (out.has(i)) return;
    lines.push([csvCell(id), data.weights[i]!, ...(data.floors ? [data.floors[i] ?? ''] : []), ...(data.ceilings ? [data.ceilings[i] ?? ''] : [])].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** What the page carries, from the report's allocation and the options of the command that made it. */
export function whatIfData(input: {
  locale: NumberLocale;
  allocation: Allocation;
  programme: Programme | undefined;
  scenarioOptions: AllocateOptions | undefined;
  settings: Settings;
  rest: RestPolicy;
  args: string[];
  scenario: string | undefined;
  source: Source;
  explain: boolean;
}): WhatIfData {
  const rs = input.allocation.recipients;
  const has = (f: (r: Recipient) => unknown): boolean => rs.some((r) => f(r) !== undefined);
  const o = input.scenarioOptions;
  const defaults: Partial<Settings> = {
    ...(o?.years ? { year: o.years.from === o.years.to ? String(o.years.from) : `${o.years.from}-${o.years.to}` } : {}),
    ...(o?.floor ? { floor: o.floor.toFixed() } : {}),
    ...(o?.ceiling ? { ceiling: o.ceiling.toFixed() } : {}),
  };
  return {
    locale: input.locale,
    ids: rs.map((r) => r.id),
    codes: has((r) => r.code) ? rs.map((r) => r.code ?? null) : null,
    weights: rs.map((r) => r.weight.toFixed()),
    floors: has((r) => r.floor) ? rs.map((r) => r.floor?.toFixed() ?? null) : null,
    ceilings: has((r) => r.ceiling) ? rs.map((r) => r.ceiling?.toFixed() ?? null) : null,
    programme: input.programme
      ? {
          id: input.programme.id,
          name: input.programme.name,
          agency: input.programme.agency,
          periods: input.programme.periods.map((p) => ({
            from: p.years.from,
            to: p.years.to,
            statedTotal: p.statedTotal.value.toFixed(),
            amountSplit: p.amountSplit.value.toFixed(),
            unit: p.unit.value.toFixed(),
            method: p.method.value,
          })),
        }
      : null,
    scenarioDefaults: defaults,
    settings: input.settings,
    rest: input.rest,
    args: input.args,
    scenario: input.scenario !== undefined,
    scenarioName: input.scenario ?? null,
    source: input.source,
    explain: input.explain,
  };
}
