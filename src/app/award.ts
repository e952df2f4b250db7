/** `award` as a use case: applications admitted by organisation type, capped, and rationed within the budget. */
import { awardColumns, NO_YEARS, RATIONINGS, type AwardResult, type CallBudget, type Rationing } from '../core/award.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import type { Programme, Rules } from '../core/programme.js';
import { formatYearRange, type YearRange } from '../core/schedule.js';
import { loadApplicationColumns } from '../io/applications.js';
import { loadRules } from '../io/load.js';
import type { Source } from '../render/output.js';
import { sourceOf } from './source.js';

export interface AwardRequest {
  applications: string;
  programme?: string | undefined;
  rules?: string | undefined;
  years?: YearRange | undefined;
  /** Money for each year, replacing the rules' (and their ordinance limits and commitments). */
  budget?: Decimal | undefined;
  /** At most so much for one ordinance's applicants in each year's call ("SFS 2018:118" → amount). */
  ordinanceBudgets?: { ordinance: string; amount: Decimal }[] | undefined;
  /** Default: priority (rank and approve; the file's order ranks when it has no scores). */
  ration?: Rationing | undefined;
  partial?: boolean | undefined;
  ceiling?: Decimal | undefined;
  /** Per cent, more than 0 and at most 100. */
  costShare?: Decimal | undefined;
  unit?: Decimal | undefined;
}

export interface AwardOutcome {
  result: AwardResult;
  programme: { id: string; name: string; agency: string };
  rationing: Rationing;
  source: Source;
}

/** "2018:118" or "SFS 2018:118" → the programme's ordinance ref, or an error naming those there are. */
function ordinanceRef(programme: Programme, text: string): string {
  const want = text.replace(/^sfs\s*/i, '').trim();
  const found = programme.awards!.ordinances.find((o) => o.ref.replace(/^sfs\s*/i, '').trim() === want);
  if (!found) {
    throw new StatsbidragError('invalid-option', `--budget: no ordinance "${text}" in programme "${programme.id}" (${programme.awards!.ordinances.map((o) => o.ref).join(', ')})`, { field: '--budget' }, 'usage');
  }
  return found.ref;
}

/** The programme named, or the first that awards on applications and has award rules. */
function awardProgramme(rules: Rules, id: string | undefined, file: string): Programme {
  const found = id === undefined
    ? (rules.programmes.find((p) => p.awards && p.periods.some((q) => q.method.value === 'applications')) ?? rules.programmes.find((p) => p.awards))
    : rules.programmes.find((p) => p.id === id);
  if (!found) {
    throw new StatsbidragError(
      'unknown-programme',
      id === undefined ? 'no programme in the rules has award rules ("awards")' : `no programme "${id}" (programmes: ${rules.programmes.map((p) => p.id).join(', ')})`,
      { file, field: '--programme' },
      'usage',
    );
  }
  if (!found.awards) {
    throw new StatsbidragError('no-award-rules', `programme "${found.id}" has no award rules ("awards": which organisation types are admitted)`, { file, field: '--programme' }, 'usage');
  }
  return found;
}

export async function awardUseCase(request: AwardRequest): Promise<AwardOutcome> {
  const loaded = await loadRules(request.rules);
  const programme = awardProgramme(loaded.rules, request.programme, loaded.file);
  const applications = await loadApplicationColumns(request.applications);
  const ownYears = applications.yearFrom.findIndex((y) => y !== NO_YEARS);
  if (request.years && ownYears >= 0) {
    const years = { from: applications.yearFrom[ownYears]!, to: applications.yearTo[ownYears]! };
    throw new StatsbidragError(
      'invalid-option',
      `--year: the file gives applications their own years ("${applications.applicant(ownYears)}" has ${formatYearRange(years)}); --year is for files without a years column`,
      { file: request.applications },
      'usage',
    );
  }
  const rationing = request.ration ?? 'priority';
  if (!RATIONINGS.includes(rationing)) throw new StatsbidragError('invalid-option', `--ration: "${rationing}" is not one of ${RATIONINGS.join(', ')}`, {}, 'usage');

  const periodOf = (year: number) => programme.periods.find((p) => p.years.from <= year && year <= p.years.to);
  const first = programme.periods[0]!.years.from;
  const callYears = request.years ?? { from: first, to: first };
  // Awards are rounded to the award unit: the rules' award unit, else the period's unit where the
  // period awards on applications, else whole kronor (never a formula programme's calculation unit).
  const period = periodOf(callYears.from);
  const unit = request.unit ?? programme.awards!.unit?.value ?? (period?.method.value === 'applications' ? period.unit.value : new Decimal(1));
  const extra = (request.ordinanceBudgets ?? []).map((b) => ({ ordinance: ordinanceRef(programme, b.ordinance), amount: b.amount }));
  const calls = (year: number): CallBudget | undefined => {
    if (request.budget) return { amount: request.budget, ...(extra.length ? { byOrdinance: extra } : {}) };
    const p = periodOf(year);
    if (!p) return undefined;
    const byOrdinance = [...(p.budgets ?? []).filter((b) => !extra.some((e) => e.ordinance === b.ordinance)).map((b) => ({ ordinance: b.ordinance, amount: b.value })), ...extra];
    return {
      amount: p.amountSplit.value,
      ...(byOrdinance.length ? { byOrdinance } : {}),
      ...(p.commitments ? { commitments: p.commitments.map((c) => ({ year: c.year, amount: c.value })) } : {}),
      ...(p.grantPeriod ? { grantPeriod: { ...(p.grantPeriod.from ? { from: p.grantPeriod.from } : {}), to: p.grantPeriod.to } } : {}),
    };
  };
  let result: ReturnType<typeof awardColumns>;
  try {
    result = awardColumns(applications, {
      rules: programme.awards!,
      calls,
      callYears,
      unit,
      rationing,
      ...(request.ceiling ? { ceiling: request.ceiling } : {}),
      ...(request.costShare ? { maxCostShare: request.costShare } : {}),
      ...(request.partial ? { partial: true } : {}),
    });
  } catch (e) {
    // An application's error (a missing score) names its line: the file is the applications'.
    throw e instanceof StatsbidragError && e.location.line !== undefined ? e.at({ file: request.applications }) : e;
  }
  return { result, programme: { id: programme.id, name: programme.name, agency: programme.agency }, rationing, source: sourceOf(loaded, programme.id) };
}
