/**
 * Column names in Swedish for `--headers sv`, from the one vocabulary (labels.ts). Whole names
 * first, then word by word, so "amount_2019" becomes "belopp_2019"; a name not listed stays as it is.
 */
import { HEADER_WHOLE_SV, HEADER_WORDS_SV } from './labels.js';

export type HeaderLanguage = 'en' | 'sv';

export function translateHeader(name: string, language: HeaderLanguage): string {
  if (language === 'en') return name;
  if (Object.hasOwn(HEADER_WHOLE_SV, name)) return HEADER_WHOLE_SV[name]!;
  return name.split('_').map((w) => (Object.hasOwn(HEADER_WORDS_SV, w) ? HEADER_WORDS_SV[w]! : w)).join('_');
}
