/**
 * Grant rules as the core sees them: programmes with periods (a year or a range of years with
 * the same per-year figures). Every figure carries where it comes from.
 */
import type { AwardRules } from './award.js';
import type { Decimal } from './decimal.js';
import { StatsbidragError, type Location } from './errors.js';
import type { YearRange } from './schedule.js';
import type { Sourced } from './sourced.js';

export type { Sourced } from './sourced.js';

export interface Period {
  years: YearRange;
  /** Stated total per year, as announced. */
  statedTotal: Sourced<Decimal>;
  /** Whether the stated total includes administrative costs. */
  includesAdmin: boolean;
  /** The amount per year actually split among recipients. */
  amountSplit: Sourced<Decimal>;
  unit: Sourced<Decimal>;
  /** Apportionment method name, or "applications" for grants awarded on applications. */
  method: Sourced<string>;
  /** Header of the column in the recipients file that publishes this period's amounts. */
  publishedColumn?: string;
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
