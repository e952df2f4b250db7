/**
 * Distinctive words of each language that the product's own texts use (render/labels.ts,
 * render/validation/words.ts, render/audit/words.ts, render/award-text.ts, render/method-text.ts,
 * render/figures.ts, render/html/whatif-labels.ts, the notes in data/): a Swedish output must hold
 * none of ENGLISH_WORDS and an English one none of SWEDISH_WORDS. Kept beside those labels in
 * spirit: a new label in one language only shows up here as a failure of tests/e2e/language-all.test.ts.
 *
 * Words both languages spell alike or share (budget, total, per, status, period, scenario, rest,
 * kronor — English text says "whole kronor" —, kommun names, Excel)
 * are left out, and so are the words of the bundled data's own names (the programme names and
 * ordinance titles say "till", "med", "för", "att", "och", "om"), which an English output quotes.
 * Matching is by whole word, with Unicode letters (å, ä, ö) as word characters.
 */

const wordsRegex = (words: readonly string[], flags = 'u'): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, flags);

export const ENGLISH_WORDS = wordsRegex([
  'the', 'and', 'of', 'with', 'is', 'are', 'not', 'from', 'which', 'each', 'every', 'only', 'when', 'than', 'this', 'that',
  'recipients?', 'amounts?', 'allocated', 'stated', 'difference', 'administrative', 'costs?', 'rounding', 'remainder', 'largest',
  'won', 'none', 'funded', 'reduced', 'rejected', 'REJECTED', 'capped', 'ceiling', 'floor', 'weight', 'share', 'quota', 'decided',
  'rows?', 'columns?', 'cells?', 'findings?', 'errors?', 'warnings?', 'VALID', 'INVALID', 'line', 'Question', 'years?', 'approved',
  'refused', 'applications?', 'applicants?', 'requested', 'programme', 'municipalit(?:y|ies)', 'download', 'click', 'summary',
  'assumed', 'assumption', 'derived', 'illustrative', 'source', 'note', 'method', 'unit', 'split', 'rule', 'rules', 'left', 'over',
  'round(?:ed|s)?', 'nearest', 'down', 'up', 'priority', 'ranking', 'proportional', 'equal', 'awards?', 'given', 'reads?', 'read',
  'true', 'false', 'both', 'yes', 'no', 'Reproduced', 'reproduces', 'next', 'best', 'tried', 'sum', 'including', 'included',
  'Compare', 'Comparison', 'Allocation', 'Provenance', 'Explanation', 'Share', 'Weight', 'Recipient', 'Amount',
]);

export const SWEDISH_WORDS = wordsRegex([
  'är', 'inte', 'eller', 'också', 'enligt', 'varje', 'inget', 'ingen', 'inga', 'alla', 'utan', 'bara', 'efter', 'mot', 'vid', 'av',
  'summerar', 'beloppet', 'belopp', 'fördelat', 'fördela', 'fördelas', 'skillnad', 'avrundning', 'avrundat', 'mottagare', 'rader', 'rad',
  'celler', 'kolumner', 'kolumnen', 'angiven', 'Angiven', 'Fördelat', 'varav', 'GILTIG', 'OGILTIG', 'beviljad', 'beviljat', 'Beviljat',
  'AVSLAG', 'Sökande', 'sökt', 'Sökt', 'Beslutsregel', 'Jämför', 'Jämförelse', 'Totalt', 'totalt', 'Förklaring', 'Vikt', 'vikt', 'Andel',
  'andel', 'kvot', 'Granskning', 'Revision', 'Fynd', 'fel', 'varningar?', 'antagande', 'antaganden', 'härledda?', 'räkneexempel',
  'källan', 'reglerna', 'regeln', 'ansökan', 'ansökningar', 'tak', 'Tak', 'taket', 'golv', 'golvet', 'största',
  'nedåt', 'uppåt', 'närmaste', 'uddatalsmetoden', 'jämkade', 'metod', 'Metod', 'enheten', 'enheter', 'sista', 'nästa', 'lika',
  'ja', 'nej', 'båda', 'år', 'År', 'per år', 'kvar', 'begränsad', 'nedskuren', 'rangordning', 'prioritet', 'Prioritet', 'ladda',
  'Ladda', 'Klicka', 'sortera', 'tabell', 'Tabellen', 'Sammanfattning', 'Ursprung', 'Kommando', 'scenariot', 'programmet',
]);

/** Words both lists would flag in text they must not judge: nothing here; the callers strip codes, ids, paths and quotes first. */
export function firstWord(text: string, words: RegExp): string | undefined {
  return words.exec(text)?.[0];
}
