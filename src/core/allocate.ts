/**
 * Programme + recipients + years → allocation. Works out, for each period in the selection,
 * how much money is split (stated total minus administrative costs), then splits it with the
 * period's (or the user's) unit and method. A year range is one split repeated every year.
 */
import { Decimal } from './decimal.js';
import { kindOf, weakest, type FigureKind, type FigureStatus } from './sourced.js';
import { StatsbidragError } from './errors.js';
import type { Programme } from './programme.js';
import { formatYearRange, intersect, yearCount, type YearRange } from './schedule.js';
import { split, type Recipient, type RestPolicy, type Split, type SplitRequest } from './split.js';

export type AdminSpec = { kind: 'amount'; value: Decimal } | { kind: 'percent'; value: Decimal };

export interface AllocateOptions {
  /** Without a programme, `total` is required and one split is made. */
  programme?: Programme;
  /** Years to allocate; default all the programme's periods. */
  years?: YearRange;
  /** Total per year before administrative costs; replaces the programme's stated total. */
  total?: Decimal;
  /** Administrative costs per year, an amount or a percentage of the total. */
  admin?: AdminSpec;
  unit?: Decimal;
  method?: string;
  rest?: RestPolicy;
  /** Modified divisor methods: the first divisor (1.2 for Sweden's Sainte-Laguë). */
  firstDivisor?: Decimal;
  /** Per-year minimum and maximum for every recipient (a recipient's own floor/ceiling wins). */
  floor?: Decimal;
  ceiling?: Decimal;
  /** Say, row by row, what decided each amount. */
  explain?: boolean;
  /** With explain: how far the total may move before each row's amount changes (RowExplanation.range). */
  explainRange?: boolean;
}

export interface PeriodAllocation {
  /** The years of this period that were selected. */
  years: YearRange | undefined;
  label: string;
  /** Total per year as stated (or given with --total). */
  statedTotal: Decimal;
  /** Administrative costs per year: statedTotal − amount split. */
  admin: Decimal;
  /** Where the admin figure comes from, for the report. */
  adminSource: 'rules' | 'option' | 'none';
  /** With admin from the rules: what the figure is (the weaker of the stated total's and the amount split's kinds). */
  adminKind?: FigureKind;
  /** With admin from the rules: the administrative costs that give the same published column (from the amount split's range). */
  adminRange?: { from: Decimal; to: Decimal };
  /** What the stated total is, when it is more than a plain stated figure: its kind, status and the values other sources give. */
  stated?: { kind: FigureKind; source: string; status: FigureStatus[]; alternatives: { value: Decimal; source: string }[] };
  split: Split;
}

export interface Allocation {
  programme?: { id: string; name: string; agency: string };
  recipients: readonly Recipient[];
  periods: PeriodAllocation[];
  /** Per recipient (input order): the amount over every selected year. */
  periodTotals: Decimal[];
  /** Sums over every selected year. */
  totals: { statedTotal: Decimal; admin: Decimal; amountSplit: Decimal; allocated: Decimal; residual: Decimal };
  /** First and last selected year, when years are known. */
  span?: YearRange;
}

function adminOf(total: Decimal, spec: AdminSpec): Decimal {
  const admin = spec.kind === 'amount' ? spec.value : total.times(spec.value).div(100);
  if (admin.isNegative()) throw new StatsbidragError('invalid-admin', 'administrative costs cannot be negative', { field: '--admin' }, 'usage');
  if (admin.gt(total)) {
    throw new StatsbidragError(
      'admin-exceeds-total',
      `administrative costs (${admin.toFixed()}) exceed the total (${total.toFixed()})`,
      { field: '--admin' },
      'usage',
    );
  }
  return admin;
}

interface PeriodPlan {
  years: YearRange | undefined;
  statedTotal: Decimal;
  admin: Decimal;
  adminSource: PeriodAllocation['adminSource'];
  adminKind?: FigureKind;
  adminRange?: { from: Decimal; to: Decimal };
  stated?: PeriodAllocation['stated'];
  unit: Decimal;
  method: string;
}

function planPeriods(options: AllocateOptions): PeriodPlan[] {
  const { programme } = options;
  if (!programme) {
    if (!options.total) {
      throw new StatsbidragError('missing-total', 'give the amount to split with --total (or name a programme)', { field: '--total' }, 'usage');
    }
    const admin = options.admin ? adminOf(options.total, options.admin) : new Decimal(0);
    return [
      {
        years: options.years,
        statedTotal: options.total,
        admin,
        adminSource: options.admin ? 'option' : 'none',
        unit: options.unit ?? new Decimal(1),
        method: options.method ?? 'largest-remainder',
      },
    ];
  }
  const selected = programme.periods.flatMap((p) => {
    const years = options.years ? intersect(p.years, options.years) : p.years;
    return years ? [{ period: p, years }] : [];
  });
  if (selected.length === 0) {
    throw new StatsbidragError(
      'unknown-year',
      `programme "${programme.id}" has no money for ${options.years ? formatYearRange(options.years) : 'any year'} (its periods: ${programme.periods
        .map((p) => formatYearRange(p.years))
        .join(', ')})`,
      { field: '--year' },
      'usage',
    );
  }
  return selected.map(({ period, years }) => {
    const statedTotal = options.total ?? period.statedTotal.value;
    let admin: Decimal;
    let adminSource: PeriodAllocation['adminSource'];
    if (options.admin) {
      admin = adminOf(statedTotal, options.admin);
      adminSource = 'option';
    } else if (options.total) {
      admin = new Decimal(0);
      adminSource = 'none';
    } else {
      admin = period.statedTotal.value.minus(period.amountSplit.value);
      adminSource = admin.isZero() ? 'none' : 'rules';
    }
    const fromRules = adminSource === 'rules';
    const st = period.statedTotal;
    const statedNote =
      kindOf(st) !== 'stated' || period.status?.length || st.alternatives?.length
        ? { kind: kindOf(st), source: st.source, status: period.status ?? [], alternatives: (st.alternatives ?? []).map((a) => ({ value: a.value, source: a.source })) }
        : undefined;
    const range = period.amountSplit.range;
    const method = options.method ?? period.method.value;
    if (method === 'applications') {
      throw new StatsbidragError(
        'not-a-formula-grant',
        `programme "${programme.id}" awards ${formatYearRange(years)} on applications, not by a formula; name a method with --method and a weight column with --basis`,
        { field: '--method' },
        'usage',
      );
    }
    return {
      years,
      statedTotal,
      admin,
      adminSource,
      ...(fromRules ? { adminKind: weakest([kindOf(period.statedTotal), kindOf(period.amountSplit)]) } : {}),
      ...(fromRules && range ? { adminRange: { from: statedTotal.minus(range.to), to: statedTotal.minus(range.from) } } : {}),
      ...(statedNote && !options.total ? { stated: statedNote } : {}),
      unit: options.unit ?? period.unit.value,
      method,
    };
  });
}

/** How allocateBy() splits one period: split() itself, or a caller's own way to the same Split (the bulk lane's). */
export type PeriodSplitter = (request: SplitRequest) => Split;

export function allocate(recipients: readonly Recipient[], options: AllocateOptions): Allocation {
  return allocateBy(recipients, options, split);
}

/**
 * allocate() with each period's split made by `splitPeriod`, given the request split() would be
 * given. The bulk lane (app/bulk.ts) passes no recipients and a splitter that splits its own
 * columns, and so gets every figure of the allocation (periods, labels, admin, totals) but the rows.
 */
/**
 * A period's split, its "not a whole number of units" error saying which period and, when
 * administrative costs were taken first, what the amount is (the split knows only the amount).
 */
function splitOf(plan: PeriodPlan, split: () => Split): Split {
  try {
    return split();
  } catch (e) {
    if (!(e instanceof StatsbidragError) || e.code !== 'total-not-multiple-of-unit') throw e;
    const amount = plan.statedTotal.minus(plan.admin);
    const what = plan.admin.isZero() ? '' : ` (the total ${plan.statedTotal.toFixed()} less ${plan.admin.toFixed()} of administrative costs)`;
    const where = plan.years ? `${formatYearRange(plan.years)}: ` : '';
    throw new StatsbidragError(e.code, `${where}the amount to split, ${amount.toFixed()}${what}, ${e.message.replace(`${amount.toFixed()} `, '')}`, e.location, e.kind);
  }
}

export function allocateBy(recipients: readonly Recipient[], options: AllocateOptions, splitPeriod: PeriodSplitter): Allocation {
  const periods = planPeriods(options).map((plan): PeriodAllocation => ({
    years: plan.years,
    label: plan.years ? formatYearRange(plan.years) : 'amount',
    statedTotal: plan.statedTotal,
    admin: plan.admin,
    adminSource: plan.adminSource,
    ...(plan.adminKind ? { adminKind: plan.adminKind } : {}),
    ...(plan.adminRange ? { adminRange: plan.adminRange } : {}),
    ...(plan.stated ? { stated: plan.stated } : {}),
    split: splitOf(plan, () => splitPeriod({
      recipients,
      amount: plan.statedTotal.minus(plan.admin),
      unit: plan.unit,
      method: plan.method,
      ...(options.rest ? { rest: options.rest } : {}),
      ...(options.firstDivisor ? { firstDivisor: options.firstDivisor } : {}),
      ...(options.floor ? { floor: options.floor } : {}),
      ...(options.ceiling ? { ceiling: options.ceiling } : {}),
      ...(options.explain ? { explain: true } : {}),
      ...(options.explain && options.explainRange ? { explainRange: true } : {}),
    })),
  }));

  const times = (p: PeriodAllocation): number => (p.years ? yearCount(p.years) : 1);
  // Built on first use: a single-year split never needs it, and it is a Decimal per row.
  let periodTotals: Decimal[] | undefined;
  const totalsPerRecipient = (): Decimal[] =>
    (periodTotals ??= recipients.map((_, i) =>
      periods.reduce((sum, p) => sum.plus(p.split.rows[i]!.amount.times(times(p))), new Decimal(0)),
    ));
  const sumBy = (f: (p: PeriodAllocation) => Decimal): Decimal =>
    periods.reduce((sum, p) => sum.plus(f(p).times(times(p))), new Decimal(0));
  const known = periods.flatMap((p) => (p.years ? [p.years] : []));
  const span = known.length ? { from: Math.min(...known.map((y) => y.from)), to: Math.max(...known.map((y) => y.to)) } : undefined;
  return {
    ...(options.programme ? { programme: { id: options.programme.id, name: options.programme.name, agency: options.programme.agency } } : {}),
    recipients,
    periods,
    get periodTotals() {
      return totalsPerRecipient();
    },
    totals: {
      statedTotal: sumBy((p) => p.statedTotal),
      admin: sumBy((p) => p.admin),
      amountSplit: sumBy((p) => p.split.amount),
      allocated: sumBy((p) => p.split.allocated),
      residual: sumBy((p) => p.split.residual),
    },
    ...(span ? { span } : {}),
  };
}
