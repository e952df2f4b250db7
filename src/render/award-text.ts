/**
 * The words of `award` in Swedish (the default) and English: statuses, the rule that decided,
 * why an application got less than it asked for, grant periods and the notes under the table.
 * Kept apart from labels.ts (the grids' headers) because these are sentences with figures in them.
 */
import type { NumberLocale } from '../core/amount.js';
import { formatAmount } from './money.js';
import type { AwardReason, AwardStatus, GrantPeriod, PoolKind, Rationing } from '../core/award.js';
import type { Decimal } from '../core/decimal.js';
import { formatYearRange, yearCount } from '../core/schedule.js';

const MONTHS: Record<NumberLocale, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "05-01" in 2021 → "1 maj 2021" / "1 May 2021". */
function day(monthDay: string, year: number, locale: NumberLocale): string {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  return `${d} ${MONTHS[locale][m - 1]} ${year}`;
}

/** The grant period of a call year: "1 maj 2021 – 30 april 2022"; "– 15 april 2021" with no start. */
export function grantPeriodText(period: GrantPeriod, year: number, locale: NumberLocale): string {
  const endYear = period.from === undefined ? (period.to < '06-01' ? year + 1 : year) : period.to < period.from ? year + 1 : year;
  const end = day(period.to, endYear, locale);
  return period.from === undefined ? (locale === 'sv' ? `till och med ${end}` : `until ${end}`) : `${day(period.from, year, locale)} – ${end}`;
}

export const STATUS_TEXT: Record<NumberLocale, Record<AwardStatus, string>> = {
  sv: { funded: 'beviljad', reduced: 'delvis beviljad', 'not-funded': 'ej beviljad', rejected: 'AVSLAG' },
  en: { funded: 'funded', reduced: 'reduced', 'not-funded': 'not funded', rejected: 'REJECTED' },
};

/** What capped a request (awardRecords' cap_by in Swedish; English keeps the codes). */
export const CAP_BY_TEXT: Record<NumberLocale, Record<'request' | 'ceiling' | 'cost-share', string>> = {
  sv: { request: 'ansökan', ceiling: 'tak', 'cost-share': 'kostnadsandel' },
  en: { request: 'request', ceiling: 'ceiling', 'cost-share': 'cost share' },
};

export const RATIONING_TEXT: Record<NumberLocale, Record<Rationing, string>> = {
  sv: { priority: 'rangordning', proportional: 'proportionell nedskärning', 'equal-awards': 'lika belopp' },
  en: { priority: 'ranking', proportional: 'proportional cut', 'equal-awards': 'equal awards' },
};

const POOL_TEXT: Record<NumberLocale, Record<PoolKind, string>> = {
  sv: { call: 'årets budget', ordinance: 'ramen för', commitment: 'åtagandena' },
  en: { call: "the year's budget", ordinance: 'the limit for', commitment: 'the commitments' },
};

/** A pool named in words: "årets budget 2021", "ramen för SFS 2018:118 2020", "åtagandena 2022 (utlysning 2021)". */
export function poolText(p: { kind: PoolKind; year: number; call: number; ordinance?: string | undefined }, locale: NumberLocale): string {
  const w = POOL_TEXT[locale];
  if (p.kind === 'ordinance') return `${w.ordinance} ${p.ordinance} ${p.year}`;
  if (p.kind === 'commitment') return locale === 'sv' ? `${w.commitment} för ${p.year} (utlysningen ${p.call})` : `${w.commitment} for ${p.year} (the ${p.call} call)`;
  return `${w.call} ${p.year}`;
}

export type Money = (d: Decimal) => string;

/** One reason as a sentence in the locale. */
export function reasonSentence(reason: AwardReason, locale: NumberLocale, money: Money): string {
  const sv = locale === 'sv';
  const pct = (d: Decimal): string => `${formatAmount(d, { locale })} %`;
  switch (reason.kind) {
    case 'type-not-admitted': {
      const list = reason.admitted.map((o) => `${o.ordinance} ${sv ? 'omfattar' : 'admits'} ${o.types.join(', ')}`).join('; ');
      return sv ? `organisationstypen "${reason.type}" omfattas inte (${list})` : `organisation type "${reason.type}" is not admitted (${list})`;
    }
    case 'too-many-years':
      return sv
        ? `beslutet skulle omfatta ${yearCount(reason.years)} år (${formatYearRange(reason.years)}); högst ${reason.most}`
        : `the decision would cover ${yearCount(reason.years)} years (${formatYearRange(reason.years)}); at most ${reason.most}`;
    case 'no-budget':
      return sv ? `inga medel för ${reason.years.join(', ')}` : `no budget for ${reason.years.join(', ')}`;
    case 'no-new-awards':
      return sv ? `inga nya bidrag ${reason.year} (reglerna: 0 kr att besluta om)` : `no new awards in ${reason.year} (the rules: 0 kr to decide on)`;
    case 'requests-nothing':
      return sv ? 'söker inget belopp' : 'requests nothing';
    case 'capped-at-ceiling':
      return sv ? `begränsad till taket ${money(reason.ceiling)} kr` : `capped at the ceiling ${money(reason.ceiling)} kr`;
    case 'capped-at-cost-share':
      return sv ? `begränsad till ${pct(reason.percent)} av insatsens kostnad` : `capped at ${pct(reason.percent)} of the measure's cost`;
    case 'rounded-down-to-unit':
      return sv ? `avrundad nedåt till hela ${money(reason.unit)} kr` : `rounded down to whole ${money(reason.unit)} kr`;
    case 'below-unit':
      return sv
        ? `taket ${money(reason.cap)} kr är mindre än beslutsenheten ${money(reason.unit)} kr och blir 0 (välj en mindre enhet med --unit)`
        : `the cap ${money(reason.cap)} kr is less than the award unit ${money(reason.unit)} kr and becomes 0 (choose a smaller unit with --unit)`;
    case 'rationed':
      return sv ? `nedskuren (${RATIONING_TEXT.sv[reason.rationing]})` : `cut (${RATIONING_TEXT.en[reason.rationing]})`;
    case 'did-not-fit':
      return sv
        ? `rymdes inte i ${poolText({ kind: reason.pool, year: reason.year, call: reason.call, ordinance: reason.ordinance }, locale)} när den stod i tur (${money(reason.left)} kr kvar då)`
        : `did not fit in ${poolText({ kind: reason.pool, year: reason.year, call: reason.call, ordinance: reason.ordinance }, locale)} when its turn came (${money(reason.left)} kr left then)`;
    case 'given-what-was-left':
      return sv ? 'fick det som var kvar (--partial)' : 'given what was left (--partial)';
  }
}

/** The rule that decided, as the notes say it. */
export function rationingRule(rationing: Rationing, rankedBy: 'score' | 'file-order' | undefined, partial: boolean, locale: NumberLocale): string {
  const sv = locale === 'sv';
  if (rationing === 'priority') {
    const by =
      rankedBy === 'file-order'
        ? sv
          ? 'efter filens ordning, första raden först, eftersom filen saknar prioritetskolumn'
          : "by the file's order, first line first, as the file has no priority column"
        : sv
          ? 'efter poäng, högst först, lika poäng i filens ordning'
          : 'by score, highest first, equal scores in file order';
    const rest = partial
      ? sv
        ? 'en ansökan som inte ryms helt får det som är kvar'
        : 'one that does not fit in full gets what is left'
      : sv
        ? 'en ansökan som inte ryms får avslag och nästa prövas'
        : 'one that does not fit is refused and the next is considered';
    return sv ? `rangordning ${by}; varje ansökan beviljas helt om den ryms, ${rest}` : `ranking ${by}; each application is approved in full if it fits, ${rest}`;
  }
  if (rationing === 'proportional') {
    return sv
      ? 'proportionell nedskärning (uttryckligt val): varje ansökan skärs ned i samma kvot, sista enheterna efter största rest'
      : 'proportional cut (an explicit choice): every capped request cut by the same ratio, last units by largest remainder';
  }
  return sv
    ? 'lika belopp (uttryckligt val): en gemensam nivå, inget bidrag över sitt tak, sista enheterna till de större ansökningarna'
    : 'equal awards (an explicit choice): a common level, no award above its cap, last units to the larger requests';
}
