/**
 * Grant rules as the core sees them: programmes with periods (a year or a range of years with
 * the same per-year figures). Every figure carries where it comes from.
 */
import type { AwardRules } from './award.js';
import type { Decimal } from './decimal.js';
import { StatsbidragError, type Location } from './errors.js';
import type { YearRange } from './schedule.js';
import type { FigureKind, FigureStatus, LocalText, Sourced } from './sourced.js';

export type { Sourced } from './sourced.js';

/** Another value a source gives for the same figure, kept beside the one the rules use. */
interface Alternative<T> {
  value: T;
  source: string;
  kind?: FigureKind;
  note?: LocalText;
}

/** The amounts that give the same published column (from `statsbidrag audit`), for an assumed figure. */
interface FigureRange {
  from: Decimal;
  to: Decimal;
  note?: LocalText;
}

export interface Period {
  years: YearRange;
  /** Stated total per year, as announced. */
  statedTotal: Sourced<Decimal> & { alternatives?: Alternative<Decimal>[] };
  /** Whether the stated total includes administrative costs. */
  includesAdmin: boolean;
  /** The amount per year actually split among recipients. */
  amountSplit: Sourced<Decimal> & { range?: FigureRange };
  unit: Sourced<Decimal>;
  /** Apportionment method name, or "applications" for grants awarded on applications. */
  method: Sourced<string>;
  /** Header of the column in the recipients file that publishes this period's amounts. */
  publishedColumn?: string;
  /** What the stated total is besides its kind (scenarios: a proposal, approximate, contradicted, …). */
  status?: FigureStatus[];
  /** Grants on applications: at most so much of the year's money for one ordinance's applicants. */
  budgets?: (Sourced<Decimal> & { ordinance: string })[];
  /** Grants on applications: what this year's multi-year decisions may commit against later years. */
  commitments?: (Sourced<Decimal> & { year: number })[];
  /** Grants on applications: the grant period of a year's call (month-day; `to` in the next year when before `from`). */
  grantPeriod?: { from?: string; to: string; source: string; kind?: FigureKind; note?: LocalText };
}

export interface RecipientSource {
  /** Path relative to the rules file. */
  file: string;
  id: string;
  code?: string;
  basis: string;
}

export interface Programme {
  id: string;
  name: string;
  agency: string;
  legalBasis: { ref: string; title: string; source: string }[];
  recipients?: RecipientSource;
  periods: Period[];
  /** Grants on applications: which organisation types are admitted, caps (`statsbidrag award`). */
  awards?: AwardRules;
}

export interface Rules {
  version: number;
  sources: Record<string, string>;
  programmes: Programme[];
}

/**
 * The programme named `id`; without a name, the first with a recipient list (else the first).
 * An unknown name is an error at `where` that lists the programmes there are.
 */
export function programmeOf(rules: Rules, id: string | undefined, where: Location = {}): Programme {
  if (id === undefined) return rules.programmes.find((p) => p.recipients) ?? rules.programmes[0]!;
  const found = rules.programmes.find((p) => p.id === id);
  if (!found) {
    throw new StatsbidragError('unknown-programme', `no programme "${id}" (programmes: ${rules.programmes.map((p) => p.id).join(', ')})`, where, 'usage');
  }
  return found;
}
