/** `award` as a use case: applications admitted by organisation type, capped, and rationed within the budget. */
import { award, RATIONINGS, type AwardResult, type Rationing } from '../core/award.js';
import type { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import type { Programme, Rules } from '../core/programme.js';
import { formatYearRange, type YearRange } from '../core/schedule.js';
import { hasPriorities, loadApplications } from '../io/applications.js';
import { loadRules } from '../io/load.js';
import type { Source } from '../render/output.js';
import { sourceOf } from './source.js';

export interface AwardRequest {
  applications: string;
  programme?: string | undefined;
  rules?: string | undefined;
  years?: YearRange | undefined;
  budget?: Decimal | undefined;
  /** Default: priority when the file has scores, else proportional. */
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
  const applications = await loadApplications(request.applications);
  const ownYears = applications.find((a) => a.years !== undefined);
  if (request.years && ownYears) {
    throw new StatsbidragError(
      'invalid-option',
      `--year: the file gives applications their own years ("${ownYears.applicant}" has ${formatYearRange(ownYears.years!)}); --year is for files without a years column`,
      { file: request.applications },
      'usage',
    );
  }
  const rationing = request.ration ?? (hasPriorities(applications) ? 'priority' : 'proportional');
  if (!RATIONINGS.includes(rationing)) throw new StatsbidragError('invalid-option', `--ration: "${rationing}" is not one of ${RATIONINGS.join(', ')}`, {}, 'usage');

  const periodOf = (year: number) => programme.periods.find((p) => p.years.from <= year && year <= p.years.to);
  const first = programme.periods[0]!.years.from;
  const callYears = request.years ?? { from: first, to: first };
  const unit = request.unit ?? periodOf(callYears.from)?.unit.value;
  if (unit === undefined) {
    throw new StatsbidragError('unknown-year', `programme "${programme.id}" has no period for ${formatYearRange(callYears)}; name the unit with --unit and the money with --budget`, { field: '--year' }, 'usage');
  }
  const result = award(applications, {
    rules: programme.awards!,
    budget: (year) => request.budget ?? periodOf(year)?.amountSplit.value,
    callYears,
    unit,
    rationing,
    ...(request.ceiling ? { ceiling: request.ceiling } : {}),
    ...(request.costShare ? { maxCostShare: request.costShare } : {}),
    ...(request.partial ? { partial: true } : {}),
  });
  return { result, programme: { id: programme.id, name: programme.name, agency: programme.agency }, rationing, source: sourceOf(loaded, programme.id) };
}
