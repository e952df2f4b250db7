import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import type { Programme } from '../../src/core/programme.js';
import { expectedRecipientsFromTable, FINDING_CODES, validateTable, type ExpectedRecipient } from '../../src/core/validate.js';
import { validationJson, type FindingJson as Finding, type ValidationJson as ValidationReport } from '../../src/render/validation/json.js';
import { parseTable } from '../../src/io/csv.js';
import { DATA_DIR, loadRules } from '../../src/io/load.js';

const PUBLISHED = readFileSync(join(DATA_DIR, 'tillvaxtverket-2018.csv'), 'utf8');
const CLEAN = PUBLISHED.replace('164 000 00,', '164 000 000,').replace('106 000 00,', '106 000 000,');
const R2019 = 'Belopp 2019';
const R2027 = 'Belopp per år 2020–2027';

let programme: Programme;
let expected: ExpectedRecipient[];

beforeAll(async () => {
  const { rules } = await loadRules();
  programme = rules.programmes.find((p) => p.id === 'tillvaxtverket')!;
  expected = expectedRecipientsFromTable(parseTable(PUBLISHED, 'list.csv'), 'Kommun', 'Kommunkod', 'Belopp 2018');
});

function check(text: string, options: { tolerance?: string; withList?: boolean; programme?: Programme } = {}): ValidationReport {
  // The report as JSON shows it: money as fixed-decimal strings, messages written (en).
  return validationJson(
    validateTable(parseTable(text, 'table.csv'), {
      programme: options.programme ?? programme,
      ...(options.withList === false ? {} : { expected, expectedSource: 'list.csv' }),
      ...(options.tolerance ? { tolerance: new Decimal(options.tolerance) } : {}),
    }),
    'en',
  );
}

/** Replace one cell, found by recipient and the exact old text. */
function edit(text: string, recipient: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(`,${recipient},`));
  expect(lines[i]).toContain(from);
  lines[i] = lines[i]!.replace(from, to);
  return lines.join('\n');
}

const errorsOf = (r: ValidationReport): Finding[] => r.errors.filter((f) => f.severity === 'error');
const brief = (f: Finding): string => `${f.code}@${f.row ?? '-'}:${f.column ?? '-'}`;

describe('validate on the published Tillväxtverket table', () => {
  it('finds exactly the two broken 2019 cells and proposes 164 000 000 and 106 000 000', () => {
    const r = check(PUBLISHED);
    expect(r.valid).toBe(false);
    expect(r.errors.map((f) => [f.code, f.row, f.column, f.recipient, f.expected, f.actual])).toEqual([
      ['broken-digit-grouping', 5, R2019, 'Stockholm', '164000000', '164 000 00'],
      ['broken-digit-grouping', 24, R2019, 'Göteborg', '106000000', '106 000 00'],
    ]);
    expect(r.errors[0]!.message).toMatch(/nearest to 164,000,000.*share/);
    expect(r.errors[0]!.message).toContain('16,400,000');
  });

  it('explains every column\'s difference to its stated total: admin + rounding + missing rows + unexplained', () => {
    const r = check(PUBLISHED);
    const cols = r.summary.columns;
    expect(cols.map((c) => c.column)).toEqual(['Belopp 2018', R2019, R2027]);
    for (const c of cols) {
      for (const k of c.checks) {
        const parts = [k.explained.admin, k.explained.rounding ?? '0', k.explained.missingRows ?? '0', k.explained.unexplained].map((x) => new Decimal(x));
        expect(parts.reduce((a, b) => a.plus(b)).toFixed()).toBe(k.difference);
        expect(k.explained.unexplained).toBe('0');
      }
    }
    const y2019 = cols[1]!.checks[0]!;
    expect([y2019.sum, y2019.statedTotal, y2019.difference, y2019.explained.admin, y2019.explained.rounding]).toEqual([
      '1324000000',
      '1350000000',
      '-26000000',
      '-25000000',
      '-1000000',
    ]);
    expect(cols[1]!.repairedCells).toBe(2);
    expect(cols[0]!.checks[0]!.difference).toBe('-14604000');
  });

  it('checks the 2020–2027 column per year and as the period total', () => {
    const c = check(PUBLISHED).summary.columns[2]!;
    expect(c.perYear).toBe(true);
    expect(c.checks[0]!.yearCount).toBe(8);
    expect(c.periodTotal).toEqual({ years: '2020–2027', sum: '17400000000', statedTotal: '17600000000', difference: '-200000000', differencePercent: '-1.1364' });
  });

  it('a clean table passes with no findings', () => {
    const r = check(CLEAN);
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ rows: 32, recipients: 32, expectedRecipients: 32, columns: 3, cells: 96, errors: 0 });
  });
});

describe('validate finds planted defects at the right place', () => {
  it('a dropped digit (well grouped, so it parses) is a rule deviation with expected and actual', () => {
    const r = check(edit(CLEAN, 'Malmö', '116 000 000', '11 600 000'));
    const f = errorsOf(r).find((x) => x.code === 'rule-deviation')!;
    expect([f.row, f.column, f.recipient, f.expected, f.actual]).toEqual([19, R2027, 'Malmö', '116000000', '11600000']);
    expect(errorsOf(r).map(brief)).toContain(`sum-not-explained@-:${R2027}`);
    expect(r.summary.columns[2]!.checks[0]!.explained.unexplained).toBe('-104400000');
  });

  it('a dropped digit in the grouping is a broken-digit-grouping cell with the right proposal', () => {
    const r = check(edit(CLEAN, 'Malmö', '71 000 000', '71 000 00'));
    expect(errorsOf(r).map((f) => [brief(f), f.expected])).toEqual([[`broken-digit-grouping@19:${R2019}`, '71000000']]);
  });

  it('a transposed pair of digits is found at its row', () => {
    const r = check(edit(CLEAN, 'Huddinge', '37 000 000', '73 000 000'));
    const f = errorsOf(r).find((x) => x.code === 'rule-deviation')!;
    expect([f.row, f.column, f.expected, f.actual]).toEqual([3, R2019, '37000000', '73000000']);
  });

  it('a missing row is a missing recipient, and the others are still checked against their published shares', () => {
    const r = check(CLEAN.split('\n').filter((l) => !l.includes(',Uppsala,')).join('\n'));
    expect(errorsOf(r).map((f) => [f.code, f.row, f.recipient])).toEqual([['missing-recipient', null, 'Uppsala']]);
    expect(r.summary.columns[1]!.checks[0]!.explained.missingRows).toBe('-54000000');
    expect(r.summary.columns[1]!.checks[0]!.explained.unexplained).toBe('0');
  });

  it('a wrong total row is found at its line with the sum it should have', () => {
    const r = check(`${CLEAN},Totalt,410 396 000,1 342 000 000,2 175 000 000\n`);
    expect(errorsOf(r).map((f) => [f.code, f.row, f.column, f.expected, f.actual])).toEqual([['total-row-mismatch', 34, R2019, '1324000000', '1342000000']]);
    expect(r.stats.recipients).toBe(32);
  });

  it('a column that does not add up to its stated total less the rules\' admin costs fails', () => {
    const text = CLEAN.split('\n')
      .map((l, i) => (i > 0 && l ? l.replace(/,([\d  ]+)$/, (_, v: string) => `,${(BigInt(v.replace(/\D/g, '')) + 2000000n).toString()}`) : l))
      .join('\n');
    const r = check(text, { tolerance: '2000000' });
    expect(errorsOf(r).map(brief)).toEqual([`sum-not-explained@-:${R2027}`]);
    expect(r.summary.columns[2]!.checks[0]!.explained.unexplained).toBe('64000000');
  });

  it('a negative cell is found at its row and column', () => {
    const r = check(edit(CLEAN, 'Järfälla', '9 979 000', '-9 979 000'));
    const f = errorsOf(r).find((x) => x.code === 'negative-amount')!;
    expect([f.row, f.column, f.recipient, f.actual]).toEqual([2, 'Belopp 2018', 'Järfälla', '-9 979 000']);
  });

  it('duplicate and unknown recipients, empty and unreadable cells each get their code', () => {
    const lines = CLEAN.trimEnd().split('\n');
    const text = [...lines, lines[3]!, '9999,Atlantis,1 000,1 000 000,abc', '0999,Ingenstans,2 000,,1 000 000'].join('\n');
    const r = check(text);
    const codes = errorsOf(r).map((f) => `${f.code}@${f.row}`);
    expect(codes).toEqual(expect.arrayContaining(['duplicate-recipient@34', 'unknown-recipient@35', 'invalid-amount@35', 'unknown-recipient@36', 'missing-value@36']));
  });

  it('exact by default: a deviation of one unit is an error; with a tolerance of one unit it is a warning', () => {
    const text = edit(CLEAN, 'Sandviken', '27 000 000', '28 000 000');
    const loose = check(text, { tolerance: '1000000' });
    expect(loose.errors.find((f) => f.row === 33)!.code).toBe('rule-deviation-within-tolerance');
    expect(loose.valid).toBe(true);
    const strict = check(text);
    expect(errorsOf(strict).map(brief)).toContain(`rule-deviation@33:${R2019}`);
  });
});

describe('validate reads other shapes of table', () => {
  it('semicolons, plain numbers, a BOM and CRLF give the same clean result', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'validate', 'semicolon-plain.csv'), 'utf8');
    expect(check(text).valid).toBe(true);
  });

  it('without the programme\'s list it checks cells, totals and the rule but not recipients', () => {
    const r = check(CLEAN.split('\n').filter((l) => !l.includes(',Uppsala,')).join('\n'), { withList: false });
    expect(r.stats.expectedRecipients).toBeNull();
    expect(r.errors.some((f) => f.code === 'missing-recipient')).toBe(false);
  });

  it('a range column whose years fall in two periods is checked against each', () => {
    const split2020: Programme = {
      ...programme,
      periods: [
        ...programme.periods.filter((p) => p.years.to < 2020),
        { ...programme.periods[2]!, years: { from: 2020, to: 2020 } },
        { ...programme.periods[2]!, years: { from: 2021, to: 2027 }, statedTotal: { value: new Decimal('2300000000'), source: 'derived' }, amountSplit: { value: new Decimal('2275000000'), source: 'derived' } },
      ],
    };
    const r = check(CLEAN, { programme: split2020 });
    const c = r.summary.columns[2]!;
    expect(c.checks.map((k) => [k.years, k.yearCount])).toEqual([
      ['2020', 1],
      ['2021–2027', 7],
    ]);
    expect(c.periodTotal!.statedTotal).toBe('18300000000');
    expect(r.errors.some((f) => f.column === `${R2027} (2021–2027)` && f.code === 'rule-deviation')).toBe(true);
  });

  it('a programme awarded on applications gets a sum check but no rule check', async () => {
    const { rules } = await loadRules();
    const delmos = rules.programmes.find((p) => p.id === 'delmos')!;
    const r = validationJson(validateTable(parseTable('Sökande,Belopp 2018\nA,30 000 000\nB,30 000 000\n', 't.csv'), { programme: delmos }));
    expect(errorsOf(r).map((f) => f.code)).toEqual(['sum-exceeds-budget']);
    expect(r.summary.columns[0]!.checks[0]!.ruleChecked).toBe(false);
  });
});

describe('the core computes, the renderer formats', () => {
  it('findings and column sums leave the core as exact values; the renderer writes them in sv or en', () => {
    const report = validateTable(parseTable(PUBLISHED, 'table.csv'), { programme, expected, expectedSource: 'list.csv' });
    const first = report.errors[0]!;
    expect(first.expected).toBeInstanceOf(Decimal);
    expect((first.expected as Decimal).eq(164000000)).toBe(true);
    expect(report.summary.columns[1]!.sum).toBeInstanceOf(Decimal);
    expect(validationJson(report, 'sv').errors[0]!.message).toContain('troligen 164 000 000');
    expect(validationJson(report, 'en').errors[0]!.message).toContain('most likely 164,000,000');
    expect(validationJson(report, 'en').errors[0]!.expected).toBe('164000000');
  });

  it('every finding code a check reports is in the one list, FINDING_CODES, with a description', () => {
    const lines = CLEAN.trimEnd().split('\n');
    const text = [...lines, lines[3]!, '9999,Atlantis,1 000,1 000 000,abc', '0999,Ingenstans,2 000,,-1', ',,1,2,3', 'Totalt,,1,2 000 00,x'].join('\n');
    const codes = new Set([...check(text).errors, ...check(PUBLISHED).errors, ...check(edit(CLEAN, 'Sandviken', '27 000 000', '28 000 000')).errors].map((f) => f.code));
    expect(codes.size).toBeGreaterThan(8);
    for (const code of codes) expect(FINDING_CODES[code as keyof typeof FINDING_CODES], code).toMatch(/\w/);
  });
});
