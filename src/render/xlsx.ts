/**
 * Results as an .xlsx workbook (`--format xlsx --out FILE.xlsx`): one sheet per table, plus a
 * provenance sheet saying what made it. Built in steps: the result → a Workbook of sheets whose
 * rows are made when read (pure; the same records the CSV writer gets), the Workbook → its zip
 * entries' XML (workbookParts, pure: also run in the report page for its xlsx download), then the
 * entries → zip bytes (render/xlsx-zip.ts: yazl, streamed; the page zips with fflate). A sheet's
 * records are read twice, never held: once when the sheet is made (number formats, column widths,
 * and Excel's limits, refused before a byte is written), once as the zip is written.
 *
 * Cells: text is an inline string ("=1+2" stays the string, no formula can run; what XML cannot
 * hold is written as Excel's _xHHHH_ escape, never dropped); a number is a numeric cell with a
 * number format of its column's decimals (`#,##0` or `#,##0.00`; Excel stores format codes in this
 * notation and shows them in the reader's locale, so a Swedish Excel shows "1 234 567,50"). Excel
 * holds 15 significant digits: a number with more would change on the way in, so it is written as
 * text instead, and the provenance sheet says how many were.
 */
import { StatsbidragError } from '../core/errors.js';
import { EXCEL_DIGITS, EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../core/excel.js';
import type { NumberLocale } from '../core/amount.js';
import type { Decimal } from '../core/decimal.js';
import { formatYearRange } from '../core/schedule.js';
import { codesOf, columnsOf, explainedOf, type AllocationView } from './allocation.js';
import { columnRecords } from './allocation-columns.js';
import { AWARD_TEXT_COLUMNS, awardRecordSource, type AwardView } from './award.js';
import { comparisonRecordSource, paradoxNotes, yearsText, type CompareLayout } from './compare.js';
import type { Comparison } from '../core/compare.js';
import { EXPLAIN_TEXT_COLUMNS, explainRecords } from './explain.js';
import { translateHeader } from './headers.js';
import { CSV_VALUES_SV, labelsFor } from './labels.js';
import { RATIONING_TEXT } from './award-text.js';
import { adminKindText } from './figures.js';
import { methodText } from './method-text.js';
import { formatAmount } from './money.js';
import type { Provenance } from './output.js';


export type SheetCell = { kind: 'text'; text: string } | { kind: 'number'; value: number; format: string } | null;

/** A source of rows that can be read more than once (a generator function's result is not): rows are made as they are written. */
export type Rows<T> = Iterable<T>;

export interface Sheet {
  name: string;
  /** Header row (frozen), then the rows. */
  headers: string[];
  /** The rows, made afresh on each iteration, so a million of them need not be held. */
  rows: Rows<SheetCell[]>;
  /** Number of rows (without the header). */
  rowCount: number;
  /** Column widths in characters. */
  widths: number[];
  /** The number formats its numeric cells use. */
  formats: string[];
}

export interface Workbook {
  sheets: Sheet[];
  /** Numbers written as text because Excel could not hold them exactly. */
  numbersAsText: number;
}

/** A re-iterable view of a function that makes an iterator. */
export function rowsOf<T>(make: () => Iterable<T>): Rows<T> {
  return { [Symbol.iterator]: () => make()[Symbol.iterator]() };
}


const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Number format code of a column with `decimals` decimals: "#,##0" or "#,##0.00". */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Significant digits of plain decimal text ("-0012.3400" → 4: "1234"), or more than 15 as soon as that is clear. */
function significantDigits(text: string): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    count++;
    if (c !== 48) {
      if (first < 0) first = count;
      last = count;
    }
  }
  return first < 0 ? 0 : last - first + 1;
}

/**
 * The double a spreadsheet would store for this plain decimal text, when it stores the value
 * exactly as written (at most 15 significant digits); undefined when it would not.
 */
export function exactDouble(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const digits = significantDigits(text);
  if (digits === 0) return 0;
  if (digits > EXCEL_DIGITS) return undefined;
  // Any decimal of at most 15 significant digits is the shortest text of its nearest double.
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const decimalsOfText = (text: string): number => {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
};

/** Refused before a byte is written: what Excel cannot open. */
function excelLimit(message: string): StatsbidragError {
  return new StatsbidragError('xlsx-output-limit', message, {}, 'usage');
}

function checkCell(sheet: string, text: string, row: number, col: number): void {
  if (text.length > EXCEL_MAX_CELL_CHARS) {
    throw excelLimit(`sheet "${sheet}", cell ${columnName(col)}${row}: ${text.length} characters, more than the 32 767 an Excel cell holds; nothing was written (write CSV instead)`);
  }
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Records (plain strings, as for CSV) → a sheet: text columns as text, the rest as numbers with
 * their column's format. `rows` is read twice: once now (formats, widths, Excel's limits, numbers
 * that must be text), once as the workbook is written; nothing per row is kept between.
 */
export function recordsSheet(name: string, headers: string[], rows: Rows<string[]>, isText: (header: string) => boolean, language: NumberLocale, counter: { numbersAsText: number }): Sheet {
  if (headers.length > EXCEL_MAX_COLUMNS) {
    throw excelLimit(`sheet "${name}": ${headers.length} columns, more than the 16 384 (A to XFD) an Excel sheet holds; nothing was written (write CSV, or the long layout)`);
  }
  const text = headers.map(isText);
  const decimals = headers.map(() => 0);
  const widths = headers.map((h) => h.length);
  const names = headers.map((h) => translateHeader(h, language));
  names.forEach((h, c) => checkCell(name, h, 1, c));
  // A Swedish sheet says the codes of its text columns in words, as CSV with Swedish headers does (labels.ts CSV_VALUES_SV).
  const words = headers.map((h, c) => (language === 'sv' && text[c] && Object.hasOwn(CSV_VALUES_SV, h) ? CSV_VALUES_SV[h] : undefined));
  const shown = (c: number, cell: string): string => {
    const w = words[c];
    return w !== undefined && Object.hasOwn(w, cell) ? w[cell]! : cell;
  };
  let count = 0;
  for (const r of rows) {
    count++;
    if (count + 1 > EXCEL_MAX_ROWS) {
      throw excelLimit(`sheet "${name}": more than ${EXCEL_MAX_ROWS - 1} rows under its header, more than the 1 048 576 an Excel sheet holds; nothing was written (write CSV instead)`);
    }
    for (let c = 0; c < r.length; c++) {
      const cell = shown(c, r[c]!);
      if (cell === '') continue;
      checkCell(name, cell, count + 1, c);
      let width = cell.length;
      if (!text[c]) {
        if (exactDouble(cell) === undefined) {
          if (PLAIN_NUMBER.test(cell)) counter.numbersAsText++;
        } else {
          const d = decimalsOfText(cell);
          if (d > decimals[c]!) decimals[c] = d;
          // The whole part's digits, as the number format shows them (grouped).
          const dot = cell.indexOf('.');
          width = ((dot < 0 ? cell.length : dot) - (cell.charCodeAt(0) === 45 ? 1 : 0)) * 1.4 + 4;
        }
      }
      if (width > widths[c]!) widths[c] = width;
    }
  }
  const formats = headers.map((_, c) => (text[c] ? '' : numberFormat(decimals[c]!)));
  const body = rowsOf(function* () {
    for (const r of rows) {
      yield r.map((cell, c): SheetCell => {
        if (cell === '') return null;
        if (text[c]) return { kind: 'text', text: shown(c, cell) };
        const value = exactDouble(cell);
        return value === undefined ? { kind: 'text', text: cell } : { kind: 'number', value, format: formats[c]! };
      });
    }
  });
  return { name, headers: names, rows: body, rowCount: count, widths: widths.map((w) => Math.min(60, Math.max(8, Math.ceil(w) + 2))), formats: [...new Set(formats.filter((f) => f !== ''))] };
}

/** A small sheet of cells held in memory (provenance). */
function cellsSheet(name: string, headers: string[], rows: SheetCell[][]): Sheet {
  const widths = headers.map((h, c) => Math.min(60, Math.max(8, Math.max(h.length, ...rows.map((r) => (r[c]?.kind === 'text' ? r[c].text.length : 8))) + 2)));
  rows.forEach((r, i) => r.forEach((cell, c) => cell?.kind === 'text' && checkCell(name, cell.text, i + 2, c)));
  const formats = [...new Set(rows.flatMap((r) => r.flatMap((cell) => (cell?.kind === 'number' ? [cell.format] : []))))];
  return { name, headers, rows, rowCount: rows.length, widths, formats };
}

/** The provenance sheet's keys in the sheet's language (its headers are labelsFor(language).factHeaders). */
const FACT_KEYS: Record<NumberLocale, Record<string, string>> = {
  sv: { tool: 'verktyg', command: 'kommando', rules: 'regler', 'rules sha256': 'reglernas sha256', note: 'anmärkning', programme: 'program', scenario: 'scenario', period: 'period', a: 'A', b: 'B', rationing: 'beslutsregel', amount: 'belopp', paradox: 'paradox' },
  en: { tool: 'tool', command: 'command', rules: 'rules', 'rules sha256': 'rules sha256', note: 'note', programme: 'programme', scenario: 'scenario', period: 'period', a: 'A', b: 'B', rationing: 'decision rule', amount: 'amount', paradox: 'paradox' },
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
  return cellsSheet(
    labelsFor(language).sheetProvenance,
    [...labelsFor(language).factHeaders],
    all.map(([k, v]) => [{ kind: 'text', text: k.replace(/^\S+( sha256)?/, (w) => factKey(language, w)) }, { kind: 'text', text: v }]),
  );
}

/** An allocation: the records sheet (and the explanation when asked for), then provenance. */
export function allocationWorkbook(view: AllocationView, language: NumberLocale, provenance: Provenance): Workbook {
  const a = view.allocation;
  const counter = { numbersAsText: 0 };
  // The records the CSV writer writes, made from the columnar model one row at a time.
  const records = columnRecords(columnsOf(view));
  const sheets = [recordsSheet(labelsFor(language).sheetAllocation, records.headers, rowsOf(() => records.rows), (h) => h === 'recipient' || h === 'code', language, counter)];
  const explained = explainedOf(view);
  if (explained) {
    const { headers, rows } = explainRecords(a, explained, codesOf(view));
    sheets.push(recordsSheet(labelsFor(language).sheetExplain, headers, rowsOf(() => rows), (h) => EXPLAIN_TEXT_COLUMNS.has(h), language, counter));
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
  const { headers, rows } = comparisonRecordSource(c, layout);
  const text = new Set(['recipient', 'code', 'status', 'year', 'paradox']);
  const sheet = recordsSheet(labelsFor(language).sheetComparison, headers, rows, (h) => text.has(h), language, counter);
  const facts: [string, string][] = [
    ['a', `${c.a.label} (${yearsText(c.a.years)})`],
    ['b', `${c.b.label} (${yearsText(c.b.years)})`],
    ...paradoxNotes(c, language).map((n): [string, string] => ['paradox', n]),
  ];
  return { sheets: [sheet, provenanceSheet(language, provenance, facts, counter.numbersAsText)], numbersAsText: counter.numbersAsText };
}

/** Awards: one row per application, then provenance. */
export function awardsWorkbook(view: AwardView, language: NumberLocale, provenance: Provenance): Workbook {
  const counter = { numbersAsText: 0 };
  const { headers, rows } = awardRecordSource(view.result, language);
  const sheet = recordsSheet(labelsFor(language).sheetAwards, headers, rows, (h) => AWARD_TEXT_COLUMNS.has(h), language, counter);
  const facts: [string, string][] = [
    ['programme', `${view.programme.name} (${view.programme.agency})`],
    ['rationing', RATIONING_TEXT[language][view.result.rationing]],
  ];
  return { sheets: [sheet, provenanceSheet(language, provenance, facts, counter.numbersAsText)], numbersAsText: counter.numbersAsText };
}

/** XML text: &, < and > escaped; what XML 1.0 cannot hold, or would change (a carriage return, a lone surrogate), as Excel's _xHHHH_ escape, as is a literal "_xHHHH_" (its underscore as _x005F_): every character reaches the cell, none is dropped. */
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0B-\x1F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/;
export function cellXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38) out += '&amp;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += text[i]! + text[i + 1]!; // a surrogate pair: one character, written as it is
      i++;
    } else if ((c < 0x20 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    } else if (c === 95 && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i, i + 7))) out += '_x005F_';
    else out += text[i];
  }
  return out;
}

/** A <t> element; with xml:space="preserve" only when the text starts or ends with white space, which readers would otherwise trim. */
function textElement(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const space = first <= 32 || last <= 32 || first === 160 || last === 160;
  return space ? `<t xml:space="preserve">${cellXml(text)}</t>` : `<t>${cellXml(text)}</t>`;
}

const attr = (text: string): string => cellXml(text).replace(/"/g, '&quot;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** styles.xml: style 0 plain, 1 the bold header, then one per number format (ids from 164, Excel's first custom id). */
function stylesXml(formats: string[]): string {
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${attr(f)}"/>`).join('');
  const xfs = formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${2 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** A sheet's XML, a chunk of about 64 KB at a time: the frozen bold header, then each row as it is made. */
function* sheetXml(sheet: Sheet, styleOf: Map<string, number>): Generator<string> {
  const cols = sheet.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
  const letters = sheet.headers.map((_, c) => columnName(c));
  let out =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${letters[letters.length - 1] ?? 'A'}${sheet.rowCount + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData><row r="1">${sheet.headers.map((h, c) => `<c r="${letters[c]}1" s="1" t="inlineStr"><is>${textElement(h)}</is></c>`).join('')}</row>`;
  let r = 1;
  for (const row of sheet.rows) {
    r++;
    out += `<row r="${r}">`;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.kind === 'number') out += `<c r="${letters[c]}${r}" s="${styleOf.get(cell.format)}"><v>${cell.value}</v></c>`;
      else out += `<c r="${letters[c]}${r}" t="inlineStr"><is>${textElement(cell.text)}</is></c>`;
    }
    out += '</row>';
    if (out.length > 65536) {
      yield out;
      out = '';
    }
  }
  yield `${out}</sheetData></worksheet>`;
}

function workbookXml(sheets: Sheet[]): string {
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
}

function contentTypesXml(sheets: Sheet[]): string {
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>'
  );
}

const rootRelsXml = (): string => `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookRelsXml(sheets: Sheet[]): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

/** One entry of the .xlsx zip: its name and its XML in chunks, made when read (a sheet's rows as they are written). */
export interface WorkbookPart {
  name: string;
  /** A worksheet: large, made as it is zipped; the other parts are a few hundred bytes each. */
  sheet: boolean;
  chunks: () => Iterable<string>;
}

/** The workbook's zip entries, in the order they are written. */
export function workbookParts(workbook: Workbook): WorkbookPart[] {
  const formats: string[] = [];
  const styleOf = new Map<string, number>();
  for (const sheet of workbook.sheets) {
    for (const f of sheet.formats) if (!styleOf.has(f)) styleOf.set(f, 2 + formats.push(f) - 1);
  }
  const small = (name: string, xml: () => string): WorkbookPart => ({ name, sheet: false, chunks: () => [xml()] });
  return [
    small('[Content_Types].xml', () => contentTypesXml(workbook.sheets)),
    small('_rels/.rels', rootRelsXml),
    small('xl/workbook.xml', () => workbookXml(workbook.sheets)),
    small('xl/_rels/workbook.xml.rels', () => workbookRelsXml(workbook.sheets)),
    small('xl/styles.xml', () => stylesXml(formats)),
    ...workbook.sheets.map((sheet, i): WorkbookPart => ({ name: `xl/worksheets/sheet${i + 1}.xml`, sheet: true, chunks: () => sheetXml(sheet, styleOf) })),
  ];
}

/** Entries' time: fixed, so the same workbook is the same bytes (in one time zone: zip times are local). */
export const ZIP_MTIME = new Date(2000, 0, 1);

/**
 * Deflate level 1: the sheet is most of the work of writing a large workbook, and level 1 makes it
 * in about half the time of the default 6 for a file about a fifth larger.
 */
export const ZIP_LEVEL = 1;
