/**
 * Column names in Swedish for `--headers sv`. Whole names first, then word by word, so
 * "amount_2019" becomes "belopp_2019"; a name not listed stays as it is.
 */
const WHOLE: Record<string, string> = {
  cap_by: 'tak_enligt',
  quota_units_fraction: 'kvot_enheter_bråk',
};

const WORDS: Record<string, string> = {
  recipient: 'mottagare',
  code: 'kod',
  weight: 'vikt',
  amount: 'belopp',
  total: 'totalt',
  applicant: 'sökande',
  type: 'typ',
  ordinance: 'förordning',
  priority: 'prioritet',
  years: 'år',
  year: 'år',
  requested: 'sökt',
  cost: 'kostnad',
  cap: 'tak',
  award: 'beviljat',
  reason: 'skäl',
  difference: 'skillnad',
  percent: 'procent',
  method: 'metod',
  share: 'andel',
  quota: 'kvot',
  units: 'enheter',
  remainder: 'rest',
  tied: 'lika',
  bound: 'gräns',
  floor: 'golv',
  ceiling: 'tak',
  unconstrained: 'utan_gränser',
  last: 'sista',
  next: 'nästa',
  status: 'status',
  period: 'period',
};

export type HeaderLanguage = 'en' | 'sv';

export function translateHeader(name: string, language: HeaderLanguage): string {
  if (language === 'en') return name;
  if (Object.hasOwn(WHOLE, name)) return WHOLE[name]!;
  return name.split('_').map((w) => (Object.hasOwn(WORDS, w) ? WORDS[w]! : w)).join('_');
}
