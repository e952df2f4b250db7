/**
 * Results as an .xlsx workbook (`--format xlsx --out FILE.xlsx`): one sheet per table, plus a
 * provenance sheet saying what made it. Built in two steps: the result → a Workbook of typed
 * cells (pure; the same records the CSV writer gets), then the Workbook → bytes (write-excel-file,
 * loaded with require only when a workbook is written, so start-up never pays for it).
 *
 * Cells: text is a text cell (a shared string: "=1+2" stays the string, no formula can run);
 * a number is a numeric cell with a number format of its column's decimals (`#,##0` or
 * `#,##0.00`; Excel stores format codes in this notation and shows them in the reader's locale,
 * so a Swedish Excel shows "1 234 567,50"). Excel holds 15 significant digits: a number with more
 * would change on the way in, so it is written as text instead, and the provenance sheet says how
 * many were.
 */
import { createRequire } from 'node:module';
import { Decimal } from '../core/decimal.js';
import { EXCEL_DIGITS } from '../core/excel.js';
import type { NumberLocale } from '../core/amount.js';
import { formatYearRange } from '../core/schedule.js';
import { allocationHeaders, allocationRows, type AllocationView } from './allocation.js';
import { AWARD_TEXT_COLUMNS, awardRecords, type AwardView } from './award.js';
import { compareRecords, compareWideRecords, yearsText, type CompareLayout } from './compare.js';
import type { Comparison } from '../core/compare.js';
import { EXPLAIN_TEXT_COLUMNS, explainRecords } from './explain.js';
import { translateHeader } from './headers.js';
import { labelsFor } from './labels.js';
import { RATIONING_TEXT } from './award-text.js';
import { adminKindText } from './figures.js';
import { methodText } from './method-text.js';
import { formatAmount } from './money.js';
import type { Provenance } from './output.js';


export type SheetCell = { kind: 'text'; text: string } | { kind: 'number'; value: number; format: string } | null;

export interface Sheet {
  name: string;
  /** Header row (frozen), then the rows. */
  headers: string[];
  rows: SheetCell[][];
}

export interface Workbook {
  sheets: Sheet[];
  /** Numbers written as text because Excel could not hold them exactly. */
  numbersAsText: number;
}


const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Number format code of a column with `decimals` decimals: "#,##0" or "#,##0.00". */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * The double a spreadsheet would store for this plain decimal text, when it stores the value
 * exactly as written (at most 15 significant digits); undefined when it would not.
 */
export function exactDouble(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const d = new Decimal(text);
  if (d.isZero()) return 0;
  if (d.precision(false) > EXCEL_DIGITS) return undefined;
  const n = Number(text);
  // With 15 significant digits the shortest text of the double is the decimal itself.
  return Number.isFinite(n) && new Decimal(String(n)).eq(d) ? n : undefined;
}

const decimalsOfText = (text: string): number => {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
};

/** Records (plain strings, as for CSV) → a sheet: text columns as text, the rest as numbers with their column's format. */
export function recordsSheet(name: string, headers: string[], rows: Iterable<string[]>, isText: (header: string) => boolean, language: NumberLocale, counter: { numbersAsText: number }): Sheet {
  const all = [...rows];
  const text = headers.map(isText);
  const formats = headers.map((_, c) => (text[c] ? '' : numberFormat(Math.max(0, ...all.map((r) => (PLAIN_NUMBER.test(r[c] ?? '') ? decimalsOfText(r[c]!) : 0))))));
  const body = all.map((r) =>
    r.map((cell, c): SheetCell => {
      if (cell === '') return null;
      if (text[c]) return { kind: 'text', text: cell };
      const value = exactDouble(cell);
      if (value === undefined) {
        if (PLAIN_NUMBER.test(cell)) counter.numbersAsText++;
        return { kind: 'text', text: cell };
      }
      return { kind: 'number', value, format: formats[c]! };
    }),
  );
  return { name, headers: headers.map((h) => translateHeader(h, language)), rows: body };
}


/** The provenance sheet's keys in the sheet's language (its headers are labelsFor(language).factHeaders). */
const FACT_KEYS: Record<NumberLocale, Record<string, string>> = {
  sv: { tool: 'verktyg', command: 'kommando', rules: 'regler', 'rules sha256': 'reglernas sha256', note: 'anmärkning', programme: 'program', scenario: 'scenario', period: 'period', a: 'A', b: 'B', rationing: 'beslutsregel', amount: 'belopp' },
  en: { tool: 'tool', command: 'command', rules: 'rules', 'rules sha256': 'rules sha256', note: 'note', programme: 'programme', scenario: 'scenario', period: 'period', a: 'A', b: 'B', rationing: 'decision rule', amount: 'amount' },
};
const factKey = (language: NumberLocale, key: string): string => FACT_KEYS[language][key] ?? key;

/** A period of an allocation as one line of the provenance sheet, with what its admin costs are. */
function periodFact(p: AllocationView['allocation']['periods'][number], language: NumberLocale): string {
  const m = (d: Decimal): string => formatAmount(d, { locale: language });
  const kind = adminKindText(p, language);
  const admin = `${m(p.admin)}${kind ? ` (${kind})` : ''}`;
  return language === 'sv'
    ? `${methodText(p.split.method, language, p.split.firstDivisor)} till ${m(p.split.unit)} kr; angiven total ${m(p.statedTotal)}, administrativa kostnader ${admin}, att fördela ${m(p.split.amount)}, fördelat ${m(p.split.allocated)}`
    : `${methodText(p.split.method, language, p.split.firstDivisor)} to ${m(p.split.unit)} kr; stated total ${m(p.statedTotal)}, administrative costs ${admin}, split ${m(p.split.amount)}, allocated ${m(p.split.allocated)}`;
}

function provenanceSheet(language: NumberLocale, provenance: Provenance, facts: [string, string][], numbersAsText: number): Sheet {
  const all: [string, string][] = [
    ['tool', `${provenance.tool} ${provenance.version}`],
    ['command', provenance.command ?? ''],
    ...(provenance.rules ? ([['rules', provenance.rules.file], ['rules sha256', provenance.rules.sha256]] as [string, string][]) : []),
    ...facts,
  ];
  if (numbersAsText > 0) {
    all.push([
      'note',
      language === 'sv'
        ? `${numbersAsText} tal skrivna som text: fler än ${EXCEL_DIGITS} signifikanta siffror, som ett kalkylark inte kan hålla exakt`
        : `${numbersAsText} number(s) written as text: more than ${EXCEL_DIGITS} significant digits, which a spreadsheet cannot hold exactly`,
    ]);
  }
  return {
    name: labelsFor(language).sheetProvenance,
    headers: [...labelsFor(language).factHeaders],
    rows: all.map(([k, v]) => [{ kind: 'text', text: k.replace(/^\S+( sha256)?/, (w) => factKey(language, w)) }, { kind: 'text', text: v }]),
  };
}

/** An allocation: the records sheet (and the explanation when asked for), then provenance. */
export function allocationWorkbook(view: AllocationView, language: NumberLocale, provenance: Provenance): Workbook {
  const a = view.allocation;
  const counter = { numbersAsText: 0 };
  const sheets = [recordsSheet(labelsFor(language).sheetAllocation, allocationHeaders(a), allocationRows(a), (h) => h === 'recipient' || h === 'code', language, counter)];
  if (a.periods.some((p) => p.split.rows.some((r) => r.explain))) {
    const { headers, rows } = explainRecords(a);
    sheets.push(recordsSheet(labelsFor(language).sheetExplain, headers, rows, (h) => EXPLAIN_TEXT_COLUMNS.has(h), language, counter));
  }
  const facts: [string, string][] = [];
  if (view.programme) facts.push(['programme', `${view.programme.name} (${view.programme.agency})`]);
  if (view.scenario !== undefined) facts.push(['scenario', view.scenario.name]);
  for (const p of a.periods) {
    const label = p.years ? formatYearRange(p.years) : factKey(language, 'amount');
    facts.push([`period ${label}`, periodFact(p, language)]);
  }
  return { sheets: [...sheets, provenanceSheet(language, provenance, facts, counter.numbersAsText)], numbersAsText: counter.numbersAsText };
}

/** A comparison: its long records (recipient, year, a, b, difference, percent) or wide ones (A, B, difference per year), then provenance. */
export function comparisonWorkbook(c: Comparison, language: NumberLocale, provenance: Provenance, layout: CompareLayout = 'long'): Workbook {
  const counter = { numbersAsText: 0 };
  const { headers, rows } = layout === 'wide' ? compareWideRecords(c) : compareRecords(c);
  const text = new Set(['recipient', 'code', 'status', 'year']);
  const sheet = recordsSheet(labelsFor(language).sheetComparison, headers, rows, (h) => text.has(h), language, counter);
  const facts: [string, string][] = [
    ['a', `${c.a.label} (${yearsText(c.a.years)})`],
    ['b', `${c.b.label} (${yearsText(c.b.years)})`],
  ];
  return { sheets: [sheet, provenanceSheet(language, provenance, facts, counter.numbersAsText)], numbersAsText: counter.numbersAsText };
}

/** Awards: one row per application, then provenance. */
export function awardsWorkbook(view: AwardView, language: NumberLocale, provenance: Provenance): Workbook {
  const counter = { numbersAsText: 0 };
  const { headers, rows } = awardRecords(view.result);
  const sheet = recordsSheet(labelsFor(language).sheetAwards, headers, rows, (h) => AWARD_TEXT_COLUMNS.has(h), language, counter);
  const facts: [string, string][] = [
    ['programme', `${view.programme.name} (${view.programme.agency})`],
    ['rationing', RATIONING_TEXT[language][view.result.rationing]],
  ];
  return { sheets: [sheet, provenanceSheet(language, provenance, facts, counter.numbersAsText)], numbersAsText: counter.numbersAsText };
}

interface LibCell {
  type?: StringConstructor | NumberConstructor;
  value: string | number;
  format?: string;
  fontWeight?: 'bold';
}
type WriteXlsx = (sheets: { data: (LibCell | null)[][]; sheet: string; stickyRowsCount: number; columns?: { width: number }[] }[]) => { toBuffer(): Promise<Buffer> };

/** Column widths that fit the longest text, within reason. */
function widths(sheet: Sheet): { width: number }[] {
  return sheet.headers.map((h, c) => {
    let w = h.length;
    for (const r of sheet.rows) {
      const cell = r[c];
      const len = !cell ? 0 : cell.kind === 'text' ? cell.text.length : String(Math.trunc(cell.value)).length * 1.4 + 4;
      if (len > w) w = len;
    }
    return { width: Math.min(60, Math.max(8, Math.ceil(w) + 2)) };
  });
}

/** The workbook as .xlsx bytes. */
export async function xlsxBytes(workbook: Workbook): Promise<Uint8Array> {
  const write = (createRequire(import.meta.url)('write-excel-file/node') as { default: WriteXlsx }).default;
  const sheets = workbook.sheets.map((sheet) => ({
    sheet: sheet.name,
    stickyRowsCount: 1,
    columns: widths(sheet),
    data: [
      sheet.headers.map((h): LibCell => ({ type: String, value: h, fontWeight: 'bold' })),
      ...sheet.rows.map((r) => r.map((cell): LibCell | null => (cell === null ? null : cell.kind === 'text' ? { type: String, value: cell.text } : { type: Number, value: cell.value, format: cell.format }))),
    ],
  }));
  const buffer = await write(sheets).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
