/**
 * audit's sentences in Swedish (the default, `--locale sv`) and English (`--locale en`), one table
 * per locale as render/labels.ts has the labels; numbers and names come in already formatted. In
 * English the rules keep their ids (largest-remainder, round-nearest, …), in Swedish they have
 * their names (render/method-text.ts: största rest, avrundning, …).
 */
import type { NumberLocale } from '../../core/amount.js';
import { methodText } from '../method-text.js';
import type { StatedSource } from './model.js';

type End = 'closed' | 'open' | 'none';
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface AuditWords {
  /** "largest-remainder to 1 000" / "största rest till 1 000". */
  ruleTo: (rule: string, unit: string) => string;
  noBudget: (name: string) => string;
  point: (name: string, b: string, largestRemainder: boolean) => string;
  anyBIn: (name: string, interval: string) => string;
  exactly: (lower: string, upper: string, lowerEnd: End, upperEnd: End) => string;
  wholeKronor: (from: string, to: string) => string;
  wholeUnits: (unit: string, from: string, to: string | null) => string;
  noWholeUnits: (unit: string) => string;
  setAsidePoint: (gap: string, percent: string) => string;
  setAsideRange: (from: string, to: string, fromPercent: string, toPercent: string) => string;
  noWholeKronaBudget: string;
  bIs: (b: string) => string;
  anyBFrom: (from: string, to: string) => string;
  leavingAside: (from: string, to: string | null, stated: string) => string;
  reproducedBy: (column: string, rows: number, fits: readonly string[], finer: number) => string;
  fitWith: (ruleTo: string, range: string, gap: string) => string;
  reproducesNone: (column: string) => string;
  closest: (column: string, ruleTo: string, range: string, reproduced: number, rows: number, missed: number) => string;
  title: (column: string, basis: string, file: string | null, rows: number) => string;
  question: (basis: string, column: string) => string;
  repairedHeading: (n: number) => string;
  repairedCell: (line: number, id: string, column: string, raw: string, value: string) => string;
  inShort: string;
  rowsAddUpTo: (sum: string) => string;
  statedTotal: (total: string, source: string) => string;
  /** Where the stated total comes from: "--stated" or "programme tillvaxtverket, 2019, including administrative costs". */
  statedSource: (source: StatedSource) => string;
  reproduceAll: (rows: number) => string;
  finerHeading: (unit: string) => string;
  finerB: (from: string, to: string | null) => string;
  noWholeKronaB: string;
  nextBest: string;
  atBest: (ruleTo: string, reproduced: number, rows: number) => string;
  noneReproducesAll: (rows: number) => string;
  best: (ruleTo: string, reproduced: number, rows: number) => string;
  rowsMissed: (atB: string | null) => string;
  missedRow: (line: number, id: string, published: string, ruleGives: string, difference: string) => string;
  rulesTried: (units: string) => string;
}

const en: AuditWords = {
  ruleTo: (rule, unit) => `${rule} to ${unit}`,
  noBudget: (name) => `${name}: no budget reproduces any row`,
  point: (name, b, largestRemainder) => `${name}: B = ${b} kr${largestRemainder ? ' (largest remainder hands out exactly B, so B is the sum of the rows)' : ''}`,
  anyBIn: (name, interval) => `${name}: any B in ${interval} kr`,
  exactly: (lower, upper, lowerEnd, upperEnd) => {
    const l = lowerEnd === 'none' ? 'any amount' : lowerEnd === 'closed' ? 'from (and including)' : 'above';
    const u = upperEnd === 'none' ? 'without upper limit' : upperEnd === 'closed' ? 'up to and including' : 'up to but not including';
    return `exactly ${lower} to ${upper}: ${l} the lower end, ${u} the upper end`;
  },
  wholeKronor: (from, to) => `whole kronor: ${from} to ${to}`,
  wholeUnits: (unit, from, to) => `whole units of ${unit}: ${to === null ? `only ${from}` : `${from} to ${to}`}`,
  noWholeUnits: (unit) => `no whole number of units of ${unit} lies in this interval`,
  setAsidePoint: (gap, percent) => `set aside (stated total − B): ${gap} kr (${percent})`,
  setAsideRange: (from, to, fromPercent, toPercent) => `set aside (stated total − B): ${from} to ${to} kr (${fromPercent} to ${toPercent} of the stated total)`,
  noWholeKronaBudget: 'no whole-krona budget',
  bIs: (b) => `B = ${b} kr`,
  anyBFrom: (from, to) => `any B from ${from} to ${to} kr`,
  leavingAside: (from, to, stated) => `, leaving ${to === null ? from : `${from} to ${to}`} kr of the stated ${stated} kr aside`,
  reproducedBy: (column, rows, fits, finer) =>
    `${column} is reproduced, all ${rows} rows, by ${fits.join('; and by ')}${finer ? ` (also by ${finer} rule${finer > 1 ? 's' : ''} with finer units, listed below)` : ''}.`,
  fitWith: (ruleTo, range, gap) => `${ruleTo} kr with ${range}${gap}`,
  reproducesNone: (column) => `no rule tried reproduces any row of ${column}.`,
  closest: (column, ruleTo, range, reproduced, rows, missed) =>
    `no rule tried reproduces every row of ${column}; the closest, ${ruleTo} kr with ${range}, reproduces ${reproduced} of ${rows} rows and misses ${missed}.`,
  title: (column, basis, file, rows) => `Audit of "${column}" against the basis "${basis}"${file ? ` (${file}, ${rows} rows)` : ` (${rows} rows)`}`,
  question: (basis, column) => `Question: for which budgets B does "row's share of ${basis} × B, rounded" give every row of ${column}?`,
  repairedHeading: (n) =>
    `Repaired before auditing: ${count(n, 'cell', 'cells')} with broken digit grouping, each read as the value nearest to what its basis share predicts (as validate proposes)`,
  repairedCell: (line, id, column, raw, value) => `line ${line}, ${id}, ${column}: "${raw}" read as ${value}`,
  inShort: 'In short: ',
  rowsAddUpTo: (sum) => `The rows add up to ${sum} kr.`,
  statedTotal: (total, source) => `Stated total: ${total} kr (${source}).`,
  statedSource: (s) =>
    s.from === 'option' ? '--stated' : `programme ${s.programme}, ${s.years}${s.perYear ? ' per year' : ''}, ${s.includesAdmin ? 'including administrative costs' : 'as stated'}`,
  reproduceAll: (rows) => `Rules that reproduce all ${rows} rows:`,
  finerHeading: (unit) => `Also reproduced with finer units (a column of whole ${unit} is a whole number of any unit dividing it):`,
  finerB: (from, to) => (to === null ? `B = ${from}` : `B from ${from} to ${to}`),
  noWholeKronaB: 'no whole-krona B',
  nextBest: 'Next best (not exact):',
  atBest: (ruleTo, reproduced, rows) => `${ruleTo}: ${reproduced} of ${rows} rows at best`,
  noneReproducesAll: (rows) => `No rule tried reproduces all ${rows} rows.`,
  best: (ruleTo, reproduced, rows) => `Best: ${ruleTo}, ${reproduced} of ${rows} rows:`,
  rowsMissed: (atB) => `rows it misses${atB ? ` (at B = ${atB} kr)` : ''}:`,
  missedRow: (line, id, published, ruleGives, difference) => `line ${line}, ${id}: published ${published}, the rule gives ${ruleGives} (${difference})`,
  rulesTried: (units) => `Rules tried: round-nearest (halves up), round-down, round-up, largest-remainder; units ${units} kr. Bounds are exact; "…" marks a cut decimal.`,
};

const sv: AuditWords = {
  ruleTo: (rule, unit) => `${methodText(rule, 'sv')} till ${unit}`,
  noBudget: (name) => `${name}: ingen budget återger någon rad`,
  point: (name, b, largestRemainder) => `${name}: B = ${b} kr${largestRemainder ? ' (största rest delar ut exakt B, så B är radernas summa)' : ''}`,
  anyBIn: (name, interval) => `${name}: varje B i ${interval} kr`,
  exactly: (lower, upper, lowerEnd, upperEnd) => {
    const l = lowerEnd === 'none' ? 'utan nedre gräns' : lowerEnd === 'closed' ? 'från och med den nedre gränsen' : 'över den nedre gränsen';
    const u = upperEnd === 'none' ? 'utan övre gräns' : upperEnd === 'closed' ? 'till och med den övre gränsen' : 'under den övre gränsen';
    return `exakt ${lower} till ${upper}: ${l}, ${u}`;
  },
  wholeKronor: (from, to) => `hela kronor: ${from} till ${to}`,
  wholeUnits: (unit, from, to) => `hela enheter om ${unit}: ${to === null ? `bara ${from}` : `${from} till ${to}`}`,
  noWholeUnits: (unit) => `inget helt antal enheter om ${unit} ligger i intervallet`,
  setAsidePoint: (gap, percent) => `avsatt (angiven total − B): ${gap} kr (${percent})`,
  setAsideRange: (from, to, fromPercent, toPercent) => `avsatt (angiven total − B): ${from} till ${to} kr (${fromPercent} till ${toPercent} av angiven total)`,
  noWholeKronaBudget: 'ingen budget i hela kronor',
  bIs: (b) => `B = ${b} kr`,
  anyBFrom: (from, to) => `varje B från ${from} till ${to} kr`,
  leavingAside: (from, to, stated) => `, vilket lämnar ${to === null ? from : `${from} till ${to}`} kr av angivna ${stated} kr åt sidan`,
  reproducedBy: (column, rows, fits, finer) =>
    `${column} återges, alla ${rows} rader, av ${fits.join('; och av ')}${finer ? ` (även av ${count(finer, 'regel', 'regler')} med finare enheter, se nedan)` : ''}.`,
  fitWith: (ruleTo, range, gap) => `${ruleTo} kr med ${range}${gap}`,
  reproducesNone: (column) => `ingen prövad regel återger någon rad i ${column}.`,
  closest: (column, ruleTo, range, reproduced, rows, missed) =>
    `ingen prövad regel återger varje rad i ${column}; närmast kommer ${ruleTo} kr med ${range}, som återger ${reproduced} av ${rows} rader och missar ${missed}.`,
  title: (column, basis, file, rows) => `Revision av "${column}" mot fördelningsgrunden "${basis}"${file ? ` (${file}, ${count(rows, 'rad', 'rader')})` : ` (${count(rows, 'rad', 'rader')})`}`,
  question: (basis, column) => `Fråga: för vilka budgetar B ger "radens andel av ${basis} × B, avrundat" varje rad i ${column}?`,
  repairedHeading: (n) =>
    `Rättat före revisionen: ${count(n, 'cell', 'celler')} med felaktig siffergruppering, var och en tolkad som värdet närmast det som radens andel av fördelningsgrunden ger (som validate föreslår)`,
  repairedCell: (line, id, column, raw, value) => `rad ${line}, ${id}, ${column}: "${raw}" tolkat som ${value}`,
  inShort: 'Kort sagt: ',
  rowsAddUpTo: (sum) => `Raderna summerar till ${sum} kr.`,
  statedTotal: (total, source) => `Angiven total: ${total} kr (${source}).`,
  statedSource: (s) =>
    s.from === 'option' ? '--stated' : `programmet ${s.programme}, ${s.years}${s.perYear ? ' per år' : ''}, ${s.includesAdmin ? 'administrativa kostnader inräknade' : 'som angiven'}`,
  reproduceAll: (rows) => `Regler som återger alla ${rows} rader:`,
  finerHeading: (unit) => `Återges också med finare enheter (en kolumn av hela ${unit} är ett helt antal av varje enhet som går jämnt upp i ${unit}):`,
  finerB: (from, to) => (to === null ? `B = ${from}` : `B från ${from} till ${to}`),
  noWholeKronaB: 'inget B i hela kronor',
  nextBest: 'Näst bäst (inte exakt):',
  atBest: (ruleTo, reproduced, rows) => `${ruleTo}: som bäst ${reproduced} av ${rows} rader`,
  noneReproducesAll: (rows) => `Ingen prövad regel återger alla ${rows} rader.`,
  best: (ruleTo, reproduced, rows) => `Bäst: ${ruleTo}, ${reproduced} av ${rows} rader:`,
  rowsMissed: (atB) => `rader som regeln missar${atB ? ` (vid B = ${atB} kr)` : ''}:`,
  missedRow: (line, id, published, ruleGives, difference) => `rad ${line}, ${id}: publicerat ${published}, regeln ger ${ruleGives} (${difference})`,
  rulesTried: (units) =>
    `Prövade regler: avrundning till närmaste (halvor uppåt), avrundning nedåt, avrundning uppåt, största rest; enheter ${units} kr. Gränserna är exakta; "…" markerar en avkortad decimal.`,
};

export const AUDIT_WORDS: Record<NumberLocale, AuditWords> = { sv, en };

export const auditWords = (locale: NumberLocale): AuditWords => AUDIT_WORDS[locale];
