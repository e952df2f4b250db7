/**
 * validateTable and expectedRecipientsFromTable (src/core/validate.ts) on small synthetic tables
 * and a made-up programme, so that every finding can be pinned whole: code, severity, place,
 * expected and actual values and the message a user reads, and the per-column summary. Written
 * against the mutants Stryker found surviving (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import { StatsbidragError } from '../../src/core/errors.js';
import type { Period, Programme } from '../../src/core/programme.js';
import type { NumberLocale } from '../../src/core/amount.js';
import { expectedRecipientsFromTable, validateTable, type ValidationReport } from '../../src/core/validate.js';
import { findingMessage } from '../../src/render/validation/messages.js';
import { validationJson, type FindingJson } from '../../src/render/validation/json.js';

const D = (x: string | number): Decimal => new Decimal(x);
/** 1 000 a year stated, 900 split by largest remainder in units of 10 (so 100 of admin costs). */
const period = (from: number, to: number, over: Partial<Period> = {}): Period => ({
  years: { from, to },
  statedTotal: { value: D(1000), source: 'budget' },
  includesAdmin: true,
  amountSplit: { value: D(900), source: 'derived' },
  unit: { value: D(10), source: 'budget' },
  method: { value: 'largest-remainder', source: 'budget' },
  ...over,
});
const programme: Programme = { id: 'p', name: 'Prog', agency: 'A', legalBasis: [], periods: [period(2020, 2020), period(2021, 2023)] };
const table = (headers: string[], rows: string[][], file = 'f.csv') => rowsTable(headers, rows.map((cells, i) => ({ line: i + 2, cells })), { file });
type Row = [code: string, severity: string, row: number | null, column: string | null, recipient: string | null, expected: string | null, actual: string | null, message: string];
const row = (f: FindingJson): Row => [f.code, f.severity, f.row, f.column, f.recipient, f.expected, f.actual, f.message];
/** The findings as the JSON report writes them: money as plain strings, messages in `locale`. */
const rows = (r: ValidationReport, locale: NumberLocale = 'en'): Row[] => validationJson(r, locale).errors.map(row);
/** The summary as the JSON report writes it (money as plain strings). */
const summary = (r: ValidationReport, locale: NumberLocale = 'en') => validationJson(r, locale).summary;
const thrown = (f: () => unknown): [string, string, unknown] => {
  try {
    f();
  } catch (e) {
    if (e instanceof StatsbidragError) return [e.code, e.message, e.location];
    throw e;
  }
  throw new Error('no error');
};
const ruleMsg = (actual: string, expected: string, off: string, limit: string, big = true): string =>
  `${actual} where the "Basis" share under largest-remainder to 10 of 900 gives ${expected} (off by ${off}, ${big ? 'more than' : 'within'} ${limit})`;

describe('validateTable: recipients and cells', () => {
  // Weights 1, 2, 2 (A, B, X; the empty-name row, the duplicate and the unknown Z and Y take no part in the rule):
  // 900 in units of 10 by largest remainder gives A 180, B 360, X 360.
  // Changed on purpose: unknown rows are left out of the rule (before, Z and Y took shares: A 130, B 260, X 250).
  const t = table(
    ['Kommun', 'Kod', 'Basis', 'Belopp 2020'],
    [
      ['A', '01', '1', '100'],
      ['B', '02', '2', '-200'],
      [' ', '03', '6', '600'],
      ['a', '04', '1', '100'],
      ['X', '02', '2', '200'],
      ['Z', '99', '1', 'abc'],
      ['Y', '98', '1', ''],
      ['Totalt', '', '12', '999'],
    ],
  );
  const expected = [{ id: 'A', code: '01' }, { id: 'B', code: '02' }, { id: 'C', code: '03', line: 4 }, { id: 'D', code: '05' }];
  const report = () => validateTable(t, { programme, basis: 'Basis', expected, expectedSource: 'list.csv' });

  it('reports each defect once, at its row and column, ordered by row, then column, then code', () => {
    const r = report();
    const B = 'Belopp 2020';
    expect(rows(r)).toEqual([
      // Changed on purpose: the default tolerance is 0 (exact), so the limit is 0, not one unit (10).
      ['rule-deviation', 'error', 2, B, 'A', '180', '100', ruleMsg('100', '180', '-80', '0')],
      ['negative-amount', 'error', 3, B, 'B', null, '-200', '"-200" is negative'],
      ['rule-deviation', 'error', 3, B, 'B', '360', '-200', ruleMsg('-200', '360', '-560', '0')],
      ['empty-recipient', 'error', 4, 'Kommun', null, null, null, 'the recipient name is empty'],
      // Names are compared case-insensitively.
      ['duplicate-recipient', 'error', 5, 'Kommun', 'a', null, null, '"a" already appears on line 2'],
      // Changed on purpose: names are checked against codes. "a" is A by name, whose code is 01, not 04.
      ['name-code-mismatch', 'error', 5, 'Kod', 'a', '01', '04', '"a" has code 04, but its code in the programme\'s list (list.csv) is 01'],
      // X is not on the list by name but is by its code 02, which is B's: matched by code, and the mismatch reported.
      ['name-code-mismatch', 'error', 6, 'Kommun', 'X', 'B', 'X', 'code 02 belongs to "B" in the programme\'s list (list.csv), not to "X"'],
      ['rule-deviation', 'error', 6, B, 'X', '360', '200', ruleMsg('200', '360', '-160', '0')],
      ['unknown-recipient', 'error', 7, 'Kommun', 'Z', null, null, '"Z" is not in the programme\'s list (list.csv)'],
      ['invalid-amount', 'error', 7, B, 'Z', null, 'abc', '"abc" is not an amount: contains characters that are not digits'],
      ['unknown-recipient', 'error', 8, 'Kommun', 'Y', null, null, '"Y" is not in the programme\'s list (list.csv)'],
      ['missing-value', 'error', 8, B, 'Y', null, null, 'the cell is empty'],
      ['total-row-mismatch', 'error', 9, B, 'Totalt', '800', '999', 'the total row says 999 but the rows add up to 800 (difference 199)'],
      // The row with no name has code 03 but is not matched to C by it.
      ['missing-recipient', 'error', null, null, 'C', null, null, '"C" is in the programme\'s list (list.csv, line 4) but has no row in the table'],
      ['missing-recipient', 'error', null, null, 'D', null, null, '"D" is in the programme\'s list (list.csv) but has no row in the table'],
      // Changed on purpose: the duplicate's 100 is shown apart (explained.unknownRows), so 900 + 100 is explained; the
      // rows in the rule (A, B, X) and the empty-name row add up to 700, 200 short of the 900 split.
      ['sum-not-explained', 'error', null, B, null, '1000', '800', 'the rows add up to 800; admin costs, rounding and missing rows explain 1,000, leaving -200 unexplained'],
    ]);
  });
  it('counts rows, recipients, cells and findings', () => {
    const r = report();
    expect(r.valid).toBe(false);
    expect(r.stats).toEqual({ rows: 8, recipients: 7, expectedRecipients: 4, columns: 2, cells: 14, repairedCells: 0, errors: 16, warnings: 0 });
    expect(summary(r).byCode).toEqual({
      'rule-deviation': 3,
      'negative-amount': 1,
      'empty-recipient': 1,
      'duplicate-recipient': 1,
      // Changed on purpose: names are checked against codes (see above).
      'name-code-mismatch': 2,
      'unknown-recipient': 2,
      'invalid-amount': 1,
      'missing-value': 1,
      'total-row-mismatch': 1,
      'missing-recipient': 2,
      'sum-not-explained': 1,
    });
    expect(summary(r).columns.find((c) => c.column === 'Belopp 2020')).toMatchObject({ sum: '800', unreadableCells: 2, repairedCells: 0 });
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({ rowsChecked: 3, rowsDeviating: 3, ruleChecked: true });
    // Changed on purpose: an unknown or repeated row's amount is shown apart, not counted as unexplained.
    expect(summary(r).columns[1]!.checks[0]!.explained).toEqual({ admin: '-100', rounding: '0', missingRows: '0', unknownRows: '100', unexplained: '-200' });
  });
  it('a programme\'s list without a source names none in its messages', () => {
    const plain = validateTable(t, { programme, basis: 'Basis', expected });
    expect(plain.errors.filter((f) => f.code.endsWith('-recipient') && f.code !== 'empty-recipient' && f.code !== 'duplicate-recipient').map((f) => findingMessage(f, 'en'))).toEqual([
      '"Z" is not in the programme\'s list',
      '"Y" is not in the programme\'s list',
      '"C" is in the programme\'s list but has no row in the table',
      '"D" is in the programme\'s list but has no row in the table',
    ]);
  });
});

describe('validateTable: columns and periods', () => {
  const t = table(
    ['Kommun', 'Basis', 'Anteckning', 'Belopp 2019', 'Belopp 2020', 'Belopp per år 2021–2023', 'Belopp 2021–2023 totalt', 'Belopp 2021-2023'],
    [
      ['A', '1', 'x', '5', '100', '100', '300', '100'],
      ['B', '2', 'y', '5', '200', '200', '600', '200'],
      ['C', '6', 'z', '5', '600', '600', '1800', '600'],
    ],
  );
  // Computed inside each test, not here: Stryker activates a mutant only while a test runs.
  const report = () => validateTable(t, { programme, basis: 'Basis' });
  const check = (yearCount: number) => ({
    years: yearCount === 1 ? '2020' : '2021–2023',
    yearCount,
    statedTotal: '1000',
    amountSplit: '900',
    method: 'largest-remainder',
    unit: '10',
    sum: '900',
    difference: '-100',
    differencePercent: '-10.0000',
    // unknownRows: new in the JSON report (version 2), the amounts of rows not in the list; none here.
    explained: { admin: '-100', rounding: '0', missingRows: '0', unknownRows: '0', unexplained: '0' },
    adminNote: 'the amount split, 900, is derived',
    ruleChecked: true,
    rowsChecked: 3,
    rowsDeviating: 0,
  });
  const range = { years: '2021–2023', sum: '2700', statedTotal: '3000', difference: '-300', differencePercent: '-10.0000' };

  it('warns about a column without a year, a year no period covers, and a range column that does not say per year or total', () => {
    const r = report();
    expect(rows(r)).toEqual([
      ['unrecognised-column', 'warning', null, 'Anteckning', null, null, null, 'column "Anteckning" names no year or year range, so it is not checked'],
      ['no-rule-for-year', 'warning', null, 'Belopp 2019', null, null, null, 'programme "p" has no period covering 2019, so "Belopp 2019" is not checked for it'],
      [
        'range-column-assumed-per-year',
        'warning',
        null,
        'Belopp 2021-2023',
        null,
        null,
        null,
        '"Belopp 2021-2023" covers 3 years but its header does not say "per år" or "totalt"; its amounts are taken as per year',
      ],
    ]);
    expect([r.valid, r.file, r.programme]).toEqual([true, 'f.csv', { id: 'p', name: 'Prog' }]);
    expect(r.stats).toEqual({ rows: 3, recipients: 3, expectedRecipients: null, columns: 6, cells: 18, repairedCells: 0, errors: 0, warnings: 3 });
  });
  it('summarises every column: the basis without checks, a single year, a range per year and a range in total', () => {
    const r = report();
    const base = { repairedCells: 0, unreadableCells: 0 };
    expect(summary(r)).toEqual({
      columns: [
        { column: 'Basis', years: null, role: 'basis', perYear: true, sum: '9', ...base, checks: [], periodTotal: null },
        { column: 'Belopp 2019', years: '2019', role: 'amounts', perYear: true, sum: '15', ...base, checks: [], periodTotal: null },
        { column: 'Belopp 2020', years: '2020', role: 'amounts', perYear: true, sum: '900', ...base, checks: [check(1)], periodTotal: null },
        { column: 'Belopp per år 2021–2023', years: '2021–2023', role: 'amounts', perYear: true, sum: '900', ...base, checks: [check(3)], periodTotal: range },
        // A total over the range: the cells are divided by the 3 years for the per-year check.
        { column: 'Belopp 2021–2023 totalt', years: '2021–2023', role: 'amounts', perYear: false, sum: '2700', ...base, checks: [check(3)], periodTotal: range },
        { column: 'Belopp 2021-2023', years: '2021–2023', role: 'amounts', perYear: true, sum: '900', ...base, checks: [check(3)], periodTotal: range },
      ],
      byCode: { 'unrecognised-column': 1, 'no-rule-for-year': 1, 'range-column-assumed-per-year': 1 },
      decimals: 0,
    });
  });
  it('a range total column is checked row by row against the rule times the years, with the tolerance times the years', () => {
    const off = table(['Kommun', 'Basis', 'Belopp 2021–2023 totalt'], [['A', '1', '300'], ['B', '2', '640'], ['C', '6', '1770']]);
    const text = (actual: string, expected: string, off: string, limit: string): string =>
      `${actual} where the "Basis" share under largest-remainder to 10 of 900 a year, times 3 years gives ${expected} (off by ${off}, ${limit})`;
    // Changed on purpose: the default tolerance is now 0, so one unit (10) is given explicitly, as the default was.
    expect(rows(validateTable(off, { programme, basis: 'Basis', tolerance: D(10) }))).toEqual([
      ['rule-deviation', 'error', 3, 'Belopp 2021–2023 totalt', 'B', '600', '640', text('640', '600', '40', 'more than 30')],
      ['rule-deviation-within-tolerance', 'warning', 4, 'Belopp 2021–2023 totalt', 'C', '1800', '1770', text('1,770', '1,800', '-30', 'within 30')],
    ]);
  });
  it('a range total column whose sum does not divide by its years leaves exactly what the rule does not explain', () => {
    // 300 + 640 + 1770 = 2710 over 3 years; the rule explains 2700: exactly 10 is left, not 9.999… (the sum is not divided first).
    const off = table(['Kommun', 'Basis', 'Belopp 2021–2023 totalt'], [['A', '1', '300'], ['B', '2', '640'], ['C', '6', '1770']]);
    const sumNotExplained = rows(validateTable(off, { programme, basis: 'Basis' })).filter((r) => r[0] === 'sum-not-explained');
    expect(sumNotExplained).toHaveLength(1);
    expect(sumNotExplained[0]!.slice(5, 7)).toEqual(['2700', '2710']);
    expect(sumNotExplained[0]![7]).toMatch(/leaving 10 unexplained/);
  });
});

describe('validateTable: the basis and the rule', () => {
  it('without a basis column the programme\'s list weights are used, and a listed row missing from the table is explained', () => {
    const t = table(['Kommun', 'Belopp 2020'], [['A', '100'], ['B', '200']]);
    const r = validateTable(t, { programme, expected: [{ id: 'A', weight: D(1) }, { id: 'B', weight: D(2) }, { id: 'C', weight: D(6) }] });
    expect(rows(r)).toEqual([['missing-recipient', 'error', null, null, 'C', null, null, '"C" is in the programme\'s list but has no row in the table']]);
    // The column is checked as amounts, not taken as the basis, and C's 600 explains the gap.
    expect(summary(r).columns.map((c) => c.role)).toEqual(['amounts']);
    expect(summary(r).columns[0]!.checks[0]).toMatchObject({
      sum: '300',
      difference: '-700',
      differencePercent: '-70.0000',
      explained: { admin: '-100', rounding: '0', missingRows: '-600', unexplained: '0' },
      rowsChecked: 2,
      rowsDeviating: 0,
    });
  });
  it('a row without a usable basis value stops the rule check, and the sum is then only held against the amount split', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '500'], ['B', '', '500']]);
    const r = validateTable(t, { programme, basis: 'Basis' });
    expect(rows(r)).toEqual([
      ['missing-value', 'error', 3, 'Basis', 'B', null, null, 'the cell is empty'],
      [
        'rule-check-skipped',
        'warning',
        null,
        'Basis',
        null,
        null,
        null,
        'no usable basis value for "B" (line 3), so shares cannot be computed and no column is checked against the rule',
      ],
      ['sum-exceeds-budget', 'error', null, 'Belopp 2020', null, '900', '1000', 'the rows add up to 1,000, more than the 900 to be split'],
    ]);
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({
      difference: '0',
      differencePercent: '0.0000',
      explained: { admin: '-100', rounding: null, missingRows: null, unexplained: '100' },
      ruleChecked: false,
      rowsChecked: 0,
    });
    // At or under the amount split there is nothing to say.
    const under = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '400'], ['B', '', '500']]);
    expect(validateTable(under, { programme, basis: 'Basis' }).errors.map((f) => f.code)).toEqual(['missing-value', 'rule-check-skipped']);
  });
  it('a negative basis value is no weight: the list\'s weight stands in for it', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '300'], ['B', '-2', '600']]);
    const r = validateTable(t, { programme, basis: 'Basis', expected: [{ id: 'A' }, { id: 'B', weight: D(2) }] });
    expect(r.errors.map((f) => f.code)).toEqual(['negative-amount']);
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({ ruleChecked: true, rowsChecked: 2, rowsDeviating: 0 });
  });
  it('without a basis or a full list, the earliest year column is the basis; a programme basis the table lacks is passed over', () => {
    const t = table(['Kommun', 'Belopp 2021', 'Belopp 2020'], [['A', '1,5', '100'], ['B', '2', '200']]);
    const r = validateTable(t, {});
    expect(summary(r).columns.map((c) => [c.column, c.role, c.sum])).toEqual([
      ['Belopp 2021', 'amounts', '3.5'],
      ['Belopp 2020', 'basis', '300.0'],
    ]);
    expect(summary(r).decimals).toBe(1);
    expect(r.programme).toBeNull();
    expect(rows(r)).toEqual([
      ['no-rule-for-year', 'warning', null, 'Belopp 2021', null, null, null, 'no programme given, so "Belopp 2021" is checked only for readable, non-negative cells'],
      ['no-rule-for-year', 'warning', null, 'Belopp 2020', null, null, null, 'no programme given, so "Belopp 2020" is checked only for readable, non-negative cells'],
    ]);
    const named = { ...programme, recipients: { file: 'x.csv', id: 'Kommun', basis: 'Vikt' } };
    const one = validateTable(table(['Kommun', 'Belopp 2020'], [['A', '1']]), { programme: named });
    expect(rows(one)).toEqual([
      // Changed on purpose: the default tolerance is 0 (exact), so the limit is 0.
      ['rule-deviation', 'error', 2, 'Belopp 2020', 'A', '900', '1', '1 where the "Belopp 2020" share under largest-remainder to 10 of 900 gives 900 (off by -899, more than 0)'],
      ['sum-not-explained', 'error', null, 'Belopp 2020', null, '900', '1', 'the rows add up to 1; admin costs, rounding and missing rows explain 900, leaving -899 unexplained'],
    ]);
  });
  it('a deviation within the tolerance is a warning, beyond it an error; the tolerance\'s decimals show in the amounts', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '110'], ['B', '2', '190'], ['C', '6', '600']]);
    const at = (limit: string, big: boolean) => [ruleMsg('110', '100', '10', limit, big), ruleMsg('190', '200', '-10', limit, big)];
    // Changed on purpose: the default tolerance is 0 (exact): any deviation is an error.
    expect(rows(validateTable(t, { programme, basis: 'Basis' }))).toEqual([
      ['rule-deviation', 'error', 2, 'Belopp 2020', 'A', '100', '110', at('0', true)[0]],
      ['rule-deviation', 'error', 3, 'Belopp 2020', 'B', '200', '190', at('0', true)[1]],
    ]);
    // A deviation equal to the tolerance is within it (what the old default of one unit, 10, pinned).
    expect(rows(validateTable(t, { programme, basis: 'Basis', tolerance: D(10) }))).toEqual([
      ['rule-deviation-within-tolerance', 'warning', 2, 'Belopp 2020', 'A', '100', '110', at('10', false)[0]],
      ['rule-deviation-within-tolerance', 'warning', 3, 'Belopp 2020', 'B', '200', '190', at('10', false)[1]],
    ]);
    expect(rows(validateTable(t, { programme, basis: 'Basis', tolerance: D('0.5') }))).toEqual([
      ['rule-deviation', 'error', 2, 'Belopp 2020', 'A', '100.0', '110.0', at('0.5', true)[0]],
      ['rule-deviation', 'error', 3, 'Belopp 2020', 'B', '200.0', '190.0', at('0.5', true)[1]],
    ]);
    expect(validateTable(t, { programme, basis: 'Basis', tolerance: D(20) }).errors.map((f) => findingMessage(f, 'en'))).toEqual(at('20', false));
  });
});

describe('validateTable: broken digit grouping', () => {
  it('a broken basis cell is read as the other column predicts, not as the parser\'s first reading', () => {
    // The others hold 1 of amount per unit of basis; the row's 600 predicts 600: "6 00" is 600, not 6 000.
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '100', '100'], ['B', '200', '200'], ['C', '6 00', '600']]);
    const r = validateTable(t, { programme, basis: 'Basis' });
    expect(rows(r)).toEqual([
      [
        'broken-digit-grouping',
        'error',
        4,
        'Basis',
        'C',
        '600',
        '6 00',
        '"6 00" has broken digit grouping; most likely 600: it is the reading nearest to 600, the value the row\'s share of "Belopp 2020" applied to the other rows\' total predicts; the other reading 6,000 (off by 5,400) is further away',
      ],
    ]);
    expect(r.stats.repairedCells).toBe(1);
    expect(summary(r).columns.map((c) => [c.column, c.repairedCells, c.sum])).toEqual([
      ['Basis', 1, '900'],
      ['Belopp 2020', 0, '900'],
    ]);
  });
  it('a broken amount is read as the rule predicts; a repaired cell is not checked against the rule again', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '100'], ['B', '2', '200'], ['C', '6', '60 0']]);
    const r = validateTable(t, { programme, basis: 'Basis' });
    expect(rows(r)).toEqual([
      [
        'broken-digit-grouping',
        'error',
        4,
        'Belopp 2020',
        'C',
        '600',
        '60 0',
        '"60 0" has broken digit grouping; most likely 600: it is the reading nearest to 600, the value the row\'s "Basis" share (66.6667 %) of 900, rounded by largest-remainder to 10 as the rules say, predicts; the other reading 60,000 (off by 59,400) is further away',
      ],
    ]);
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({ rowsChecked: 2, rowsDeviating: 0 });
  });
  it('without a rule to predict from, a broken amount is read by the other rows\' amount per unit of basis', () => {
    const apps: Programme = { ...programme, periods: [period(2020, 2020, { method: { value: 'applications', source: 'b' } })] };
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '100'], ['B', '2', '200'], ['C', '6', '60 0']]);
    const r = validateTable(t, { programme: apps, basis: 'Basis' });
    expect(rows(r)[0]).toEqual([
      'broken-digit-grouping',
      'error',
      4,
      'Belopp 2020',
      'C',
      '600',
      '60 0',
      '"60 0" has broken digit grouping; most likely 600: it is the reading nearest to 600, the value the row\'s "Basis" share applied to the other rows\' total predicts; the other reading 60,000 (off by 59,400) is further away',
    ]);
  });
});

describe('validateTable: a range over two periods, a total row and English numbers', () => {
  const p2: Programme = {
    ...programme,
    periods: [
      period(2020, 2021, {
        statedTotal: { value: D(0), source: 's' },
        amountSplit: { value: D(900000), source: 'budget', note: 'after admin' },
        unit: { value: D(1000), source: 's' },
      }),
    ],
  };
  const t = table(['Namn', 'Kod', 'Belopp 2020', 'Belopp 2019–2020 per år'], [['A', '1', '100 000', '100 000'], ['B', '2', '200 000', '200 000'], ['Summa', '', 'abc', '300 000']]);
  const report = () => validateTable(t, { programme: p2, locale: 'en' });
  it('checks the covered years under a label, warns about the rest, and reads a bad total cell', () => {
    const r = report();
    // Changed on purpose: the default tolerance is 0 (exact), so the limit is 0, not one unit (1,000).
    const rule = (a: string, e: string, off: string) => `${a} where the "Belopp 2019–2020 per år" share under largest-remainder to 1,000 of 900,000 gives ${e} (off by ${off}, more than 0)`;
    const R = 'Belopp 2019–2020 per år';
    expect(rows(r, 'en')).toEqual([
      ['rule-deviation', 'error', 2, 'Belopp 2020', 'A', '300000', '100000', rule('100,000', '300,000', '-200,000')],
      ['rule-deviation', 'error', 2, `${R} (2020)`, 'A', '300000', '100000', rule('100,000', '300,000', '-200,000')],
      ['rule-deviation', 'error', 3, 'Belopp 2020', 'B', '600000', '200000', rule('200,000', '600,000', '-400,000')],
      ['rule-deviation', 'error', 3, `${R} (2020)`, 'B', '600000', '200000', rule('200,000', '600,000', '-400,000')],
      ['invalid-amount', 'error', 4, 'Belopp 2020', 'Summa', null, 'abc', '"abc" is not an amount: contains characters that are not digits'],
      ['sum-not-explained', 'error', null, 'Belopp 2020', null, '900000', '300000', 'the rows add up to 300,000; admin costs, rounding and missing rows explain 900,000, leaving -600,000 unexplained'],
      ['no-rule-for-year', 'warning', null, R, null, null, null, `programme "p" has no period covering 2019, so "${R}" is not checked for it`],
      ['sum-not-explained', 'error', null, `${R} (2020)`, null, '900000', '300000', 'the rows add up to 300,000; admin costs, rounding and missing rows explain 900,000, leaving -600,000 unexplained'],
    ]);
  });
  it('a stated total of 0 has no percentage; the admin note names the source and its note; a partly covered range has no period total', () => {
    const r = report();
    const [amounts, basis] = summary(r, 'en').columns;
    expect(basis).toMatchObject({ column: 'Belopp 2019–2020 per år', role: 'basis', years: '2019–2020', periodTotal: null });
    expect(amounts!.checks[0]).toMatchObject({
      statedTotal: '0',
      difference: '300000',
      differencePercent: null,
      explained: { admin: '900000', rounding: '0', missingRows: '0', unexplained: '-600000' },
      adminNote: 'the amount split, 900,000, is stated (source "budget"): after admin',
    });
    expect(basis!.checks.map((k) => [k.years, k.yearCount])).toEqual([['2020', 1]]);
  });
});

describe('validateTable: refusals and options', () => {
  it('a table without a year column is refused at its header line, listing the columns', () => {
    expect(thrown(() => validateTable(table(['Kommun', 'Anteckning'], [['A', 'x']]), {}))).toEqual([
      'no-amount-columns',
      'no column names a year or a year range (columns: "Kommun", "Anteckning")',
      { file: 'f.csv', line: 1 },
    ]);
  });
  it('a basis column the user names but the table lacks is refused with the file and the header line', () => {
    expect(thrown(() => validateTable(table(['Kommun', 'Belopp 2020'], [['A', '1']]), { basis: 'Vikt' }))).toEqual([
      'unknown-column',
      'no basis column "Vikt" (columns: "Kommun", "Belopp 2020")',
      { file: 'f.csv', line: 1, field: 'Vikt' },
    ]);
  });
  it('the recipient column may be named; the well-known one is then an unchecked column', () => {
    const r = validateTable(table(['Nr', 'Kommun', 'Belopp 2020'], [['1', 'A', '1'], ['2', 'A', '2']]), { idColumn: 'Nr' });
    expect(r.errors.map((f) => [f.code, f.column])).toEqual([
      ['unrecognised-column', 'Kommun'],
      ['no-rule-for-year', 'Belopp 2020'],
    ]);
  });
});

describe('expectedRecipientsFromTable', () => {
  const list = rowsTable(
    ['Kommun', 'Kod', 'Vikt'],
    [['A', '01', '5'], ['', '02', '3'], ['Totalt', '', '8'], ['B', '', '-1'], [' C ', '03', 'x']].map((cells, i) => ({ line: i + 2, cells })),
    { file: 'list.csv' },
  );
  it('skips empty and total rows; keeps a code when there is one and a weight when it reads as a non-negative amount', () => {
    const got = expectedRecipientsFromTable(list, 'Kommun', 'Kod', 'Vikt');
    expect(got.map((e) => ({ ...e, ...(e.weight ? { weight: e.weight.toFixed() } : {}) }))).toEqual([
      { id: 'A', code: '01', weight: '5', line: 2 },
      { id: 'B', line: 5 },
      { id: 'C', code: '03', line: 6 },
    ]);
    expect(expectedRecipientsFromTable(list, 'Kommun')).toEqual([
      { id: 'A', line: 2 },
      { id: 'B', line: 5 },
      { id: 'C', line: 6 },
    ]);
  });
  it('a column it cannot find is refused with the file', () => {
    expect(thrown(() => expectedRecipientsFromTable(list, 'Kommun', 'Code'))).toEqual([
      'unknown-column',
      'no code column "Code" (columns: "Kommun", "Kod", "Vikt")',
      { file: 'list.csv', field: 'Code' },
    ]);
    expect(thrown(() => expectedRecipientsFromTable(list, 'Namn'))[1]).toMatch(/^no recipient column "Namn"/);
    expect(thrown(() => expectedRecipientsFromTable(list, 'Kommun', undefined, 'W'))[1]).toMatch(/^no basis column "W"/);
  });
});

describe('validateTable: smaller rules', () => {
  it('rows that take no part in the rule (duplicates, empty names) need no basis value', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '300'], ['B', '2', '600'], ['A', '', '5'], ['', '', '5']]);
    const r = validateTable(t, { programme, basis: 'Basis' });
    // Changed on purpose: the default tolerance is 0 (exact), so the empty-name row's 5 is unexplained (an error; one
    // unit, 10, used to absorb it), while the duplicate's 5 is shown apart as unknownRows. No rule-check-skipped.
    expect(r.errors.map((f) => f.code)).toEqual(['duplicate-recipient', 'missing-value', 'empty-recipient', 'missing-value', 'sum-not-explained']);
    expect(rows(r).at(-1)).toEqual(['sum-not-explained', 'error', null, 'Belopp 2020', null, '905', '910', 'the rows add up to 910; admin costs, rounding and missing rows explain 905, leaving 5 unexplained']);
    expect(summary(r).columns[0]).toMatchObject({ column: 'Basis', unreadableCells: 2, sum: '3' });
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({ ruleChecked: true, rowsChecked: 2, rowsDeviating: 0, explained: { unknownRows: '5', unexplained: '5' } });
  });
  it('with only zero weights no share can be computed: the column is held against the amount split only', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '0', '300'], ['B', '0', '600']]);
    const r = validateTable(t, { programme, basis: 'Basis' });
    expect(r.errors).toEqual([]);
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({ ruleChecked: false, explained: { admin: '-100', rounding: null, missingRows: null, unexplained: '0' } });
  });
  it('with the list\'s weights as the basis, messages name the programme\'s basis column', () => {
    const named: Programme = { ...programme, recipients: { file: 'x.csv', id: 'Kommun', basis: 'Invånare' } };
    const list = [
      { id: 'A', weight: D(1) },
      { id: 'B', weight: D(2) },
    ];
    const t = table(['Kommun', 'Belopp 2020'], [['A', '310'], ['B', '590']]);
    // The old default tolerance (one unit, 10) given explicitly: the default is now 0 (exact).
    expect(validateTable(t, { programme: named, expected: list, tolerance: D(10) }).errors.map((f) => findingMessage(f, 'en'))).toEqual([
      '310 where the basis ("Invånare" in the programme\'s list) share under largest-remainder to 10 of 900 gives 300 (off by 10, within 10)',
      '590 where the basis ("Invånare" in the programme\'s list) share under largest-remainder to 10 of 900 gives 600 (off by -10, within 10)',
    ]);
    expect(validateTable(t, { programme, expected: list }).errors.map((f) => findingMessage(f, 'en'))[0]).toContain('the basis ("basis" in the programme\'s list) share');
  });
  it('money is written with as many decimals as the values, tolerance and units need, at most 6', () => {
    const t = table(['Kommun', 'Belopp 2020'], [['A', '0,12345678'], ['B', '1']]);
    expect(summary(validateTable(t, {}))).toMatchObject({ decimals: 6, columns: [{ sum: '1.123457' }] });
    const halves: Programme = { ...programme, periods: [period(2020, 2020, { unit: { value: D('0.5'), source: 's' } })] };
    const r = validateTable(table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '300'], ['B', '2', '600']]), { programme: halves, basis: 'Basis' });
    expect(summary(r).decimals).toBe(1);
    expect(summary(r).columns[1]!.checks[0]).toMatchObject({ unit: '0.5', sum: '900.0', statedTotal: '1000.0' });
  });
  it('a total row that agrees, or has no value, says nothing', () => {
    const t = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '300'], ['B', '2', '600'], ['Summa', '3', '']]);
    expect(validateTable(t, { programme, basis: 'Basis' }).errors).toEqual([]);
    const agrees = table(['Kommun', 'Basis', 'Belopp 2020'], [['A', '1', '300'], ['B', '2', '600'], ['Totalt', '3', '900']]);
    const r = validateTable(agrees, { programme, basis: 'Basis' });
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ rows: 3, recipients: 2, cells: 4 });
  });
});
