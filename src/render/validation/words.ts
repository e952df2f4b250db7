/**
 * validate's sentences in Swedish (the default, `--locale sv`) and English (`--locale en`): the
 * findings, what the table is checked against, the text report's layout words, the summary line.
 * One table per locale, as render/labels.ts has the labels; numbers, names and columns come in
 * already formatted. Finding codes (broken-digit-grouping, …) are identifiers and stay English in
 * both. Texts from data (a rule's note in data/rules.json, {sv, en}) are shown in the locale's
 * language; the amount parser's reasons (core AmountProblem) are phrased by ../amount-words.ts.
 */
import type { NumberLocale } from '../../core/amount.js';
import type { FigureKind } from '../../core/sourced.js';
import { methodText } from '../method-text.js';

/** "a", "a and b", "a, b and c". */
const listWith = (and: string) => (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
/** "1 error" / "2 errors". */
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface ValidationWords {
  and: (items: readonly string[]) => string;
  // What the table is checked against.
  programmeRules: (id: string | null) => string;
  /** `single`: one year (not a range); `n`: how many years or ranges. */
  forYears: (years: string, single: boolean, n: number) => string;
  splitBy: (basis: string) => string;
  allocateWith: (options: string | null) => string;
  statedSums: (sums: string, rule: string) => string;
  statedRule: (basis: string | null, method: string, unit: string) => string;
  tableAlone: string;
  // Findings.
  listAllocation: string;
  listProgramme: string;
  unrecognisedColumn: (column: string) => string;
  emptyRecipient: string;
  duplicateRecipient: (recipient: string, firstLine: number) => string;
  duplicateCode: (recipient: string, code: string, firstLine: number) => string;
  unknownRecipient: (recipient: string, list: string, source: string) => string;
  missingRecipient: (recipient: string, list: string, source: string | null, line: number | null) => string;
  codeOfNameDiffers: (recipient: string, tableCode: string, list: string, source: string, listCode: string) => string;
  codeBelongsToOther: (tableCode: string, listName: string, list: string, source: string, recipient: string) => string;
  negative: (actual: string) => string;
  emptyCell: string;
  brokenGrouping: (actual: string) => string;
  brokenGroupingLikely: (actual: string, value: string, reason: string) => string;
  lostZeros: (n: number, shown: string, more: boolean) => string;
  lostZerosRow: (tableCode: string, listCode: string, recipient: string, line: number) => string;
  ruleCheckSkipped: (rows: readonly { recipient: string; line: number }[]) => string;
  rangeAssumedPerYear: (column: string, years: string) => string;
  totalRowMismatch: (said: string, sum: string, difference: string) => string;
  noPeriod: (programme: string, years: string, column: string) => string;
  noProgramme: (column: string) => string;
  ruleDeviation: (actual: string, rule: string, expected: string, off: string, limit: string, beyond: boolean) => string;
  sumNotExplained: (sum: string, explained: string, unexplained: string) => string;
  totalColumnMismatch: (said: string, columns: string, sum: string, difference: string) => string;
  sumExceedsBudget: (sum: string, budget: string) => string;
  statedSumMismatch: (sum: string, said: string, difference: string) => string;
  // The rule and the predictions inside sentences.
  basisColumn: (column: string) => string;
  basisList: (listColumn: string) => string;
  rule: (basis: string, method: string, unit: string, split: string, rangeYears: number | null) => string;
  predictsNothing: string;
  predictsColumnShare: (column: string) => string;
  predictsBasisShare: (basis: string) => string;
  predictsRule: (basis: string, percent: string, split: string, rangeYears: number | null, method: string, unit: string) => string;
  noPrediction: (candidates: readonly string[]) => string;
  nearest: (predicted: string, basisOfPrediction: string) => string;
  offBy: (off: string) => string;
  othersFurther: (others: readonly string[]) => string;
  adminNote: (split: string, what: string, note: string | null) => string;
  givenByOptions: string;
  kind: (kind: FigureKind) => string;
  kindWithSource: (kind: FigureKind, source: string) => string;
  // The text report.
  validationOf: (file: string | null) => string;
  against: string;
  programme: string;
  theTable: string;
  error: string;
  warning: string;
  at: string;
  line: (n: number) => string;
  valid: string;
  invalid: string;
  /** The counts of the text report's third line, before the verdict. */
  stats: (s: { recipients: number; expected: number | null; allocation: boolean; columns: number; cells: number; errors: number; warnings: number }) => string;
  /** The summary line's counts after the verdict. */
  summaryCounts: (s: { errors: number; warnings: number; recipients: number; columns: number; cells: number }) => string;
  findings: string;
  columnsAgainstTotals: string;
  basisRole: string;
  perYear: string;
  totalOverRange: string;
  unreadable: (n: number) => string;
  sumOnly: (sum: string) => string;
  /** A column with a --stated sum: its rows' sum against it. */
  sumAgainstStated: (sum: string, stated: string, difference: string | null) => string;
  rowsAddUpTo: string;
  statedTotal: string;
  difference: string;
  admin: string;
  rounding: string;
  missingRows: string;
  unknownRows: string;
  unexplained: string;
  countingRepaired: (n: number) => string;
  perYearEach: (years: string) => string;
  percentOfStated: (percent: string) => string;
  adminHow: string;
  roundingNote: (method: string, unit: string, split: string, what: 'none' | 'unallocated' | 'more') => string;
  missingRowsNote: string;
  unknownRowsNote: string;
  nothingLeft: string;
  notAccounted: string;
  /** A method id as shown in sentences: the id in English (as always), its Swedish name in Swedish (render/method-text.ts). */
  method: (id: string) => string;
  ruleCheckPrefix: string;
  ruleCheck: (rows: number, method: string, unit: string, split: string) => string;
  allAsRule: string;
  differ: (n: number) => string;
  repairedNotCounted: string;
  ruleCheckImpossible: (applications: boolean) => string;
  periodTotal: (years: string, sum: string, stated: string, difference: string, percent: string) => string;
  checkedAgainst: (file: string, reference: string) => string;
}

const enAnd = listWith('and');

const en: ValidationWords = {
  and: enAnd,
  programmeRules: (id) => (id ? `the programme's rules (${id})` : "the programme's rules"),
  forYears: (years, single, n) => ` for ${n === 1 && single ? 'year' : n === 1 ? 'the years' : 'years'} ${years}`,
  splitBy: (basis) => `, split by ${basis}`,
  allocateWith: (options) => (options ? `what allocate writes with: ${options}` : "what allocate writes with the programme's defaults"),
  statedSums: (sums, rule) => `the stated sums: ${sums}${rule}`,
  statedRule: (basis, method, unit) => `, each split by ${basis ?? 'the basis'} (${method}, unit ${unit})`,
  tableAlone: 'the table alone (its cells and totals; no programme, split or stated sum)',
  listAllocation: 'the recipients allocate splits among',
  listProgramme: "the programme's list",
  unrecognisedColumn: (column) => `column "${column}" names no year or year range, so it is not checked`,
  emptyRecipient: 'the recipient name is empty',
  duplicateRecipient: (recipient, firstLine) => `"${recipient}" already appears on line ${firstLine}`,
  duplicateCode: (recipient, code, firstLine) => `"${recipient}" has the code ${code} of the recipient on line ${firstLine} (leading zeros aside): one recipient on two rows`,
  unknownRecipient: (recipient, list, source) => `"${recipient}" is not in ${list}${source}`,
  missingRecipient: (recipient, list, source, line) => `"${recipient}" is in ${list}${source ? ` (${source}${line ? `, line ${line}` : ''})` : ''} but has no row in the table`,
  codeOfNameDiffers: (recipient, tableCode, list, source, listCode) => `"${recipient}" has code ${tableCode}, but its code in ${list}${source} is ${listCode}`,
  codeBelongsToOther: (tableCode, listName, list, source, recipient) => `code ${tableCode} belongs to "${listName}" in ${list}${source}, not to "${recipient}"`,
  negative: (actual) => `"${actual}" is negative`,
  emptyCell: 'the cell is empty',
  brokenGrouping: (actual) => `"${actual}" has broken digit grouping`,
  brokenGroupingLikely: (actual, value, reason) => `"${actual}" has broken digit grouping; most likely ${value}: ${reason}`,
  lostZeros: (n, shown, more) =>
    `${n} ${n === 1 ? 'code has' : 'codes have'} lost ${n === 1 ? 'its' : 'their'} leading zeros: ${shown}${more ? ', …' : ''}; a spreadsheet read the code column as numbers: keep it as text`,
  lostZerosRow: (tableCode, listCode, recipient, line) => `${tableCode} for ${listCode} ("${recipient}", line ${line})`,
  ruleCheckSkipped: (rows) =>
    `no usable basis value for ${rows.map((r) => `"${r.recipient}" (line ${r.line})`).join(', ')}, so shares cannot be computed and no column is checked against the rule`,
  rangeAssumedPerYear: (column, years) => `"${column}" covers ${years} years but its header does not say "per år" or "totalt"; its amounts are taken as per year`,
  totalRowMismatch: (said, sum, difference) => `the total row says ${said} but the rows add up to ${sum} (difference ${difference})`,
  noPeriod: (programme, years, column) => `programme "${programme}" has no period covering ${years}, so "${column}" is not checked for it`,
  noProgramme: (column) => `no programme given, so "${column}" is checked only for readable, non-negative cells`,
  ruleDeviation: (actual, rule, expected, off, limit, beyond) => `${actual} where ${rule} gives ${expected} (off by ${off}${beyond ? `, more than ${limit}` : `, within ${limit}`})`,
  sumNotExplained: (sum, explained, unexplained) => `the rows add up to ${sum}; admin costs, rounding and missing rows explain ${explained}, leaving ${unexplained} unexplained`,
  totalColumnMismatch: (said, columns, sum, difference) => `the row's total is ${said} but its amounts (${columns}) add up to ${sum} (difference ${difference})`,
  sumExceedsBudget: (sum, budget) => `the rows add up to ${sum}, more than the ${budget} to be split`,
  statedSumMismatch: (sum, said, difference) => `the column adds up to ${sum} but its stated sum is ${said} (difference ${difference})`,
  basisColumn: (column) => `"${column}"`,
  basisList: (listColumn) => `basis ("${listColumn}" in the programme's list)`,
  rule: (basis, method, unit, split, rangeYears) => `the ${basis} share under ${method} to ${unit} of ${split}${rangeYears === null ? '' : ` a year, times ${rangeYears} years`}`,
  predictsNothing: 'nothing',
  predictsColumnShare: (column) => `the row's share of "${column}" applied to the other rows' total`,
  predictsBasisShare: (basis) => `the row's ${basis} share applied to the other rows' total`,
  predictsRule: (basis, percent, split, rangeYears, method, unit) =>
    `the row's ${basis} share (${percent} %) of ${split}${rangeYears === null ? '' : ` a year times ${rangeYears} years`}, rounded by ${method} to ${unit} as the rules say,`,
  noPrediction: (candidates) => `no prediction was possible, so the usual slip is assumed: a dropped final digit (${candidates.join(' or ')})`,
  nearest: (predicted, basisOfPrediction) => `it is the reading nearest to ${predicted}, the value ${basisOfPrediction} predicts`,
  offBy: (off) => ` (off by ${off})`,
  othersFurther: (others) => `; the other reading${others.length > 1 ? 's' : ''} ${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} further away`,
  adminNote: (split, what, note) => `the amount split, ${split}, is ${what}${note ? `: ${note}` : ''}`,
  givenByOptions: 'given by the options',
  kind: (kind) => kind,
  kindWithSource: (kind, source) => `${kind} (source "${source}")`,
  validationOf: (file) => `Validation of ${file ?? 'the table'}`,
  against: 'against',
  programme: 'Programme',
  theTable: 'the table',
  error: 'error',
  warning: 'warning',
  at: 'at',
  line: (n) => `line ${n}`,
  valid: 'VALID',
  invalid: 'INVALID',
  stats: (s) =>
    `${s.recipients} recipient rows${s.expected === null ? '' : ` (${s.expected} in ${s.allocation ? 'the split allocate writes' : "the programme's list"})`}, ${count(s.columns, 'amount column', 'amount columns')}, ${s.cells} cells: ${count(s.errors, 'error', 'errors')}, ${count(s.warnings, 'warning', 'warnings')}`,
  summaryCounts: (s) =>
    `${count(s.errors, 'error', 'errors')}, ${count(s.warnings, 'warning', 'warnings')} (${count(s.recipients, 'recipient row', 'recipient rows')}, ${count(s.columns, 'amount column', 'amount columns')}, ${count(s.cells, 'cell', 'cells')})`,
  findings: 'Findings',
  columnsAgainstTotals: 'Columns against their stated totals',
  basisRole: 'basis',
  perYear: 'per year',
  totalOverRange: 'total over the range',
  unreadable: (n) => `${count(n, 'cell', 'cells')} could not be read and are left out of the sum`,
  sumOnly: (sum) => `rows add up to ${sum}; no stated total to compare with`,
  sumAgainstStated: (sum, stated, difference) => (difference === null ? `rows add up to ${sum}, the sum stated` : `rows add up to ${sum}; stated sum ${stated} (difference ${difference})`),
  rowsAddUpTo: 'rows add up to',
  statedTotal: 'stated total',
  difference: 'difference',
  admin: 'admin costs',
  rounding: 'rounding',
  missingRows: 'missing rows',
  unknownRows: 'unknown rows',
  unexplained: 'unexplained',
  countingRepaired: (n) => `counting ${count(n, 'repaired cell', 'repaired cells')} at the proposed value`,
  perYearEach: (years) => `per year, each of ${years}`,
  percentOfStated: (percent) => `${percent} of the stated total`,
  adminHow: 'stated total − amount split, as the rules give them',
  roundingNote: (method, unit, split, what) =>
    `${method} to ${unit} of ${split} ${what === 'none' ? 'leaves nothing over' : what === 'unallocated' ? 'leaves this unallocated' : 'hands out this much more than the split'}`,
  missingRowsNote: 'what the rule gives the recipients the table lacks',
  unknownRowsNote: "the rows not in the programme's list (reported above)",
  nothingLeft: 'nothing left over',
  notAccounted: 'not accounted for by the rules',
  method: (id) => id,
  ruleCheckPrefix: 'rule check: ',
  ruleCheck: (rows, method, unit, split) => `${rows} rows against ${method} to ${unit} of ${split}: `,
  allAsRule: 'all as the rule gives',
  differ: (n) => `${n} differ`,
  repairedNotCounted: ' (repaired cells are reported above, not counted here)',
  ruleCheckImpossible: (applications) => `not possible (${applications ? 'awarded on applications, not by a formula' : 'no basis weights'})`,
  periodTotal: (years, sum, stated, difference, percent) => `over ${years}: ${sum} against ${stated} stated, difference ${difference} (${percent})`,
  checkedAgainst: (file, reference) => `${file} checked against ${reference}`,
};

const svAnd = listWith('och');
const SV_KIND: Record<FigureKind, string> = { stated: 'angivet', derived: 'härlett', assumed: 'ett antagande', illustrative: 'ett räkneexempel' };

const sv: ValidationWords = {
  and: svAnd,
  programmeRules: (id) => (id ? `programmets regler (${id})` : 'programmets regler'),
  forYears: (years, single, n) => ` för ${n === 1 && single ? 'år' : 'åren'} ${years}`,
  splitBy: (basis) => `, fördelat efter ${basis}`,
  allocateWith: (options) => (options ? `det allocate skriver med: ${options}` : 'det allocate skriver med programmets standardval'),
  statedSums: (sums, rule) => `de angivna summorna: ${sums}${rule}`,
  statedRule: (basis, method, unit) => `, var och en fördelad efter ${basis ?? 'fördelningsgrunden'} (${method}, enhet ${unit})`,
  tableAlone: 'tabellen ensam (dess celler och totaler; inget program, ingen fördelning eller angiven summa)',
  listAllocation: 'mottagarna som allocate fördelar mellan',
  listProgramme: 'programmets lista',
  unrecognisedColumn: (column) => `kolumnen "${column}" anger inget år eller årsintervall och granskas därför inte`,
  emptyRecipient: 'mottagarens namn är tomt',
  duplicateRecipient: (recipient, firstLine) => `"${recipient}" finns redan på rad ${firstLine}`,
  duplicateCode: (recipient, code, firstLine) => `"${recipient}" har koden ${code} som mottagaren på rad ${firstLine} (inledande nollor oräknade): en mottagare på två rader`,
  unknownRecipient: (recipient, list, source) => `"${recipient}" finns inte i ${list}${source}`,
  missingRecipient: (recipient, list, source, line) => `"${recipient}" finns i ${list}${source ? ` (${source}${line ? `, rad ${line}` : ''})` : ''} men har ingen rad i tabellen`,
  codeOfNameDiffers: (recipient, tableCode, list, source, listCode) => `"${recipient}" har koden ${tableCode}, men dess kod i ${list}${source} är ${listCode}`,
  codeBelongsToOther: (tableCode, listName, list, source, recipient) => `koden ${tableCode} hör till "${listName}" i ${list}${source}, inte till "${recipient}"`,
  negative: (actual) => `"${actual}" är negativt`,
  emptyCell: 'cellen är tom',
  brokenGrouping: (actual) => `"${actual}" har felaktig siffergruppering`,
  brokenGroupingLikely: (actual, value, reason) => `"${actual}" har felaktig siffergruppering; troligen ${value}: ${reason}`,
  lostZeros: (n, shown, more) =>
    `${n} ${n === 1 ? 'kod har' : 'koder har'} förlorat sina inledande nollor: ${shown}${more ? ', …' : ''}; ett kalkylprogram läste kodkolumnen som tal: behåll den som text`,
  lostZerosRow: (tableCode, listCode, recipient, line) => `${tableCode} för ${listCode} ("${recipient}", rad ${line})`,
  ruleCheckSkipped: (rows) =>
    `inget användbart värde i fördelningsgrunden för ${rows.map((r) => `"${r.recipient}" (rad ${r.line})`).join(', ')}, så andelarna kan inte beräknas och ingen kolumn granskas mot regeln`,
  rangeAssumedPerYear: (column, years) => `"${column}" gäller ${years} år men rubriken säger inte "per år" eller "totalt"; beloppen tas som per år`,
  totalRowMismatch: (said, sum, difference) => `summaraden anger ${said} men raderna summerar till ${sum} (skillnad ${difference})`,
  noPeriod: (programme, years, column) => `programmet "${programme}" har ingen period som omfattar ${years}, så "${column}" granskas inte mot det`,
  noProgramme: (column) => `inget program angivet, så "${column}" granskas bara på att cellerna är läsbara och inte negativa`,
  ruleDeviation: (actual, rule, expected, off, limit, beyond) => `${actual} där ${rule} ger ${expected} (avviker med ${off}${beyond ? `, mer än ${limit}` : `, inom ${limit}`})`,
  sumNotExplained: (sum, explained, unexplained) =>
    `raderna summerar till ${sum}; administrativa kostnader, avrundning och saknade rader förklarar ${explained}, och ${unexplained} är oförklarat`,
  totalColumnMismatch: (said, columns, sum, difference) => `radens total är ${said} men dess belopp (${columns}) summerar till ${sum} (skillnad ${difference})`,
  sumExceedsBudget: (sum, budget) => `raderna summerar till ${sum}, mer än de ${budget} som ska fördelas`,
  statedSumMismatch: (sum, said, difference) => `kolumnen summerar till ${sum} men dess angivna summa är ${said} (skillnad ${difference})`,
  basisColumn: (column) => `"${column}"`,
  basisList: (listColumn) => `fördelningsgrunden ("${listColumn}" i programmets lista)`,
  rule: (basis, method, unit, split, rangeYears) => `andelen av ${basis} med ${method} till ${unit} av ${split}${rangeYears === null ? '' : ` per år, gånger ${rangeYears} år`}`,
  predictsNothing: 'ingenting',
  predictsColumnShare: (column) => `radens andel av "${column}" tillämpad på de andra radernas summa`,
  predictsBasisShare: (basis) => `radens andel av ${basis} tillämpad på de andra radernas summa`,
  predictsRule: (basis, percent, split, rangeYears, method, unit) =>
    `radens andel av ${basis} (${percent} %) av ${split}${rangeYears === null ? '' : ` per år gånger ${rangeYears} år`}, med ${method} till ${unit} enligt reglerna,`,
  noPrediction: (candidates) => `ingen förutsägelse var möjlig, så det vanliga misstaget antas: en tappad sista siffra (${candidates.join(' eller ')})`,
  nearest: (predicted, basisOfPrediction) => `det är tolkningen närmast ${predicted}, värdet som ${basisOfPrediction} ger`,
  offBy: (off) => ` (avviker med ${off})`,
  othersFurther: (others) => `; ${others.length > 1 ? 'de andra tolkningarna' : 'den andra tolkningen'} ${others.join(', ')} ligger längre bort`,
  adminNote: (split, what, note) => `beloppet att fördela, ${split}, är ${what}${note ? `: ${note}` : ''}`,
  givenByOptions: 'givet av flaggorna',
  kind: (kind) => SV_KIND[kind],
  kindWithSource: (kind, source) => `${SV_KIND[kind]} (källa "${source}")`,
  validationOf: (file) => `Granskning av ${file ?? 'tabellen'}`,
  against: 'mot',
  programme: 'Program',
  theTable: 'tabellen',
  error: 'fel',
  warning: 'varning',
  at: 'vid',
  line: (n) => `rad ${n}`,
  valid: 'GILTIG',
  invalid: 'OGILTIG',
  stats: (s) =>
    `${count(s.recipients, 'mottagarrad', 'mottagarrader')}${s.expected === null ? '' : ` (${s.expected} i ${s.allocation ? 'fördelningen allocate skriver' : 'programmets lista'})`}, ${count(s.columns, 'beloppskolumn', 'beloppskolumner')}, ${count(s.cells, 'cell', 'celler')}: ${s.errors} fel, ${count(s.warnings, 'varning', 'varningar')}`,
  summaryCounts: (s) =>
    `${s.errors} fel, ${count(s.warnings, 'varning', 'varningar')} (${count(s.recipients, 'mottagarrad', 'mottagarrader')}, ${count(s.columns, 'beloppskolumn', 'beloppskolumner')}, ${count(s.cells, 'cell', 'celler')})`,
  findings: 'Fynd',
  columnsAgainstTotals: 'Kolumnerna mot angivna totaler',
  basisRole: 'fördelningsgrund',
  perYear: 'per år',
  totalOverRange: 'totalt för perioden',
  unreadable: (n) => (n === 1 ? '1 cell kunde inte läsas och räknas inte in i summan' : `${n} celler kunde inte läsas och räknas inte in i summan`),
  sumOnly: (sum) => `raderna summerar till ${sum}; ingen angiven total att jämföra med`,
  sumAgainstStated: (sum, stated, difference) => (difference === null ? `raderna summerar till ${sum}, den angivna summan` : `raderna summerar till ${sum}; angiven summa ${stated} (skillnad ${difference})`),
  rowsAddUpTo: 'summa av raderna',
  statedTotal: 'angiven total',
  difference: 'skillnad',
  admin: 'administrativa kostnader',
  rounding: 'avrundning',
  missingRows: 'saknade rader',
  unknownRows: 'okända rader',
  unexplained: 'oförklarat',
  countingRepaired: (n) => `med ${n === 1 ? '1 rättad cell' : `${n} rättade celler`} räknade till det föreslagna värdet`,
  perYearEach: (years) => `per år, för vart och ett av åren ${years}`,
  percentOfStated: (percent) => `${percent} av angiven total`,
  adminHow: 'angiven total − belopp att fördela, enligt reglerna',
  roundingNote: (method, unit, split, what) =>
    `${method} till ${unit} av ${split} ${what === 'none' ? 'lämnar inget över' : what === 'unallocated' ? 'lämnar detta ofördelat' : 'delar ut så här mycket mer än beloppet att fördela'}`,
  missingRowsNote: 'vad regeln ger de mottagare som saknas i tabellen',
  unknownRowsNote: 'raderna som inte finns i programmets lista (se ovan)',
  nothingLeft: 'inget över',
  notAccounted: 'förklaras inte av reglerna',
  method: (id) => methodText(id, 'sv'),
  ruleCheckPrefix: 'regelkontroll: ',
  ruleCheck: (rows, method, unit, split) => `${rows} rader mot ${method} till ${unit} av ${split}: `,
  allAsRule: 'alla som regeln ger',
  differ: (n) => `${n} avviker`,
  repairedNotCounted: ' (rättade celler redovisas ovan och räknas inte här)',
  ruleCheckImpossible: (applications) => `ej möjlig (${applications ? 'beviljas efter ansökningar, inte enligt en formel' : 'inga vikter i fördelningsgrunden'})`,
  periodTotal: (years, sum, stated, difference, percent) => `för ${years}: ${sum} mot angivna ${stated}, skillnad ${difference} (${percent})`,
  checkedAgainst: (file, reference) => `${file} granskad mot ${reference}`,
};

export const VALIDATION_WORDS: Record<NumberLocale, ValidationWords> = { sv, en };

export const validationWords = (locale: NumberLocale): ValidationWords => VALIDATION_WORDS[locale];
