/**
 * What a figure is, in words: stated, derived, assumed or illustrative (core/sourced.ts), and the
 * administrative costs of an allocation with their kind and, for an assumption that `audit` can
 * bound, the range that gives the same published column. Shared by the text notes and the report.
 */
import type { NumberLocale } from '../core/amount.js';
import { formatAmount } from './money.js';
import type { Allocation, PeriodAllocation } from '../core/allocate.js';
import { Decimal } from '../core/decimal.js';
import { weakest, type FigureKind, type FigureStatus } from '../core/sourced.js';
import { labelsFor } from './labels.js';

const KIND_WORD: Record<NumberLocale, Record<FigureKind, string>> = {
  sv: { stated: 'angiven', derived: 'härledd', assumed: 'antagande', illustrative: 'räkneexempel' },
  en: { stated: 'stated', derived: 'derived', assumed: 'assumption', illustrative: 'illustrative' },
};

/** "24 149 939–26 141 935 kr ger samma kolumn" / "… give the same column". */
function rangeText(range: { from: Decimal; to: Decimal }, locale: NumberLocale): string {
  const m = (d: Decimal): string => formatAmount(d, { locale });
  return locale === 'sv' ? `${m(range.from)}–${m(range.to)} kr ger samma kolumn` : `${m(range.from)}–${m(range.to)} kr give the same column`;
}

/** What a period's administrative costs from the rules are: "antagande; 24 149 939–26 141 935 kr ger samma kolumn"; undefined when not from the rules. */
export function adminKindText(p: Pick<PeriodAllocation, 'adminSource' | 'adminKind' | 'adminRange'>, locale: NumberLocale): string | undefined {
  if (p.adminSource !== 'rules') return undefined;
  const kind = p.adminKind ?? 'stated';
  const detail = kind === 'derived' ? (locale === 'sv' ? 'härledda; källan specificerar dem inte' : 'derived; the source does not itemise them') : KIND_WORD[locale][kind];
  return `${detail}${p.adminRange ? `; ${rangeText(p.adminRange, locale)}` : ''}`;
}

/** A note line of its own: "2019, administrativa kostnader: antagande; …". */
export function adminKindNote(p: Pick<PeriodAllocation, 'adminSource' | 'adminKind' | 'adminRange' | 'label'>, locale: NumberLocale): string | undefined {
  const text = adminKindText(p, locale);
  return text && `${p.label}, ${locale === 'sv' ? 'administrativa kostnader' : 'administrative costs'}: ${text}`;
}

/** Where a period's administrative costs come from, with their kind (the report's rule lines). */
export function adminRuleText(p: Pick<PeriodAllocation, 'adminSource' | 'adminKind' | 'adminRange'>, locale: NumberLocale): string {
  const L = labelsFor(locale);
  if (p.adminSource === 'option') return L.adminFromOption;
  if (p.adminSource !== 'rules') return '';
  return `${L.adminFromRules}: ${adminKindText(p, locale)}`;
}

/** The kind of the administrative costs summed over the periods (undefined when none come from the rules). */
export function totalAdminKind(a: Pick<Allocation, 'periods'>): FigureKind | undefined {
  const kinds = a.periods.flatMap((p) => (p.adminSource === 'rules' ? [p.adminKind ?? 'stated'] : []));
  return kinds.length ? weakest(kinds) : undefined;
}

/** A line saying the summed administrative costs rest on assumptions, when they do. */
export function totalAdminNote(a: Pick<Allocation, 'periods' | 'totals'>, locale: NumberLocale): string | undefined {
  if (totalAdminKind(a) !== 'assumed' || a.periods.length < 2) return undefined;
  const years = a.periods.filter((p) => p.adminKind === 'assumed').map((p) => p.label);
  const m = formatAmount(a.totals.admin, { locale });
  return locale === 'sv'
    ? `Administrativa kostnader totalt ${m} kr: antaganden (${years.join(', ')}), ej i källan.`
    : `Administrative costs in all ${m} kr: assumptions (${years.join(', ')}), not in the source.`;
}

const STATUS_WORD: Record<NumberLocale, Record<FigureStatus, string>> = {
  sv: {
    proposal: 'förslag, inte beslut',
    approximate: 'ungefärlig ("cirka")',
    contradicted: 'motsägs av en annan källa',
    'includes-admin': 'inkluderar administrativa kostnader, så raderna blir för höga',
    'preset-per-recipient': 'betalades som ett förbestämt belopp per mottagare; raderna här är räkneexempel, inte utbetalningar',
  },
  en: {
    proposal: 'a proposal, not a decision',
    approximate: 'approximate ("cirka")',
    contradicted: 'contradicted by another source',
    'includes-admin': 'includes administrative costs, so the rows come out too high',
    'preset-per-recipient': 'was paid as a preset amount per recipient; the rows here are illustrations, not payments',
  },
};

/** What a period's stated total is, when it is more than a plain stated figure; undefined otherwise. */
export function statedTotalNote(p: Pick<PeriodAllocation, 'stated' | 'statedTotal' | 'label'>, locale: NumberLocale): string | undefined {
  if (!p.stated) return undefined;
  const sv = locale === 'sv';
  const m = (d: Decimal): string => `${formatAmount(d, { locale })} kr`;
  const parts = [...(p.stated.kind !== 'stated' ? [KIND_WORD[locale][p.stated.kind]] : []), ...p.stated.status.map((s) => STATUS_WORD[locale][s])];
  const others = p.stated.alternatives.map((a) => `${m(a.value)} (${a.source})`).join(', ');
  // The special source keys "derived" and "illustrative" are the kind's own word, said after the colon.
  const cite = p.stated.source === 'derived' || p.stated.source === 'illustrative' ? '' : ` (${p.stated.source})`;
  const what = sv ? `${p.label}: totalen ${m(p.statedTotal)}${cite}` : `${p.label}: the total ${m(p.statedTotal)}${cite}`;
  const is = parts.length ? `: ${parts.join('; ')}` : '';
  const alt = others ? (sv ? `; andra källor: ${others}` : `; other sources: ${others}`) : '';
  return `${what}${is}${alt}.`;
}
