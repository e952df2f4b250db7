/**
 * Behaviour of the audit (src/core/audit.ts) that its examples and properties left unpinned:
 * the order of the fits, what a missed row is said to get, the example budget and whole-unit
 * ends, largest remainder's tie allowance, the errors and their locations, and reading a table
 * with broken cells. Written against the mutants Stryker found surviving (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { audit, auditRowsFromTable, gapInterval, rowInterval, type AuditRow } from '../../src/core/audit.js';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import { StatsbidragError } from '../../src/core/errors.js';
import { formatFraction, isEmpty, rat, type Interval } from '../../src/core/rational.js';
import { auditRepairReason } from '../../src/render/audit/model.js';

const D = (s: string | number): Decimal => new Decimal(s);
const rows = (pairs: [number | string, number | string][]): AuditRow[] => pairs.map(([w, a], i) => ({ line: i + 2, id: `r${i}`, weight: D(w), amount: D(a) }));
const ends = (i: Interval | undefined): string =>
  i ? `${i.lower?.closed ? '[' : '('}${i.lower ? formatFraction(i.lower.value) : '-inf'}, ${i.upper ? formatFraction(i.upper.value) : 'inf'}${i.upper?.closed ? ']' : ')'}` : 'none';
const codeOf = (f: () => unknown): { code: string; line: number | undefined; field: string | undefined; file: string | undefined } => {
  try {
    f();
  } catch (e) {
    if (e instanceof StatsbidragError) return { code: e.code, line: e.location.line, field: e.location.field, file: e.location.file };
    throw e;
  }
  throw new Error('no error');
};

describe('rowInterval', () => {
  const share = rat(1n, 4n);
  it('a negative amount reproduces for no budget', () => {
    expect(isEmpty(rowInterval('round-down', share, rat(-30n), rat(10n)))).toBe(true);
  });
  it('a row with weight 0 is reproduced by every budget when published as 0, by none otherwise', () => {
    expect(ends(rowInterval('round-nearest', rat(0n), rat(0n), rat(10n)))).toBe('(0, inf)');
    expect(isEmpty(rowInterval('round-nearest', rat(0n), rat(10n), rat(10n)))).toBe(true);
  });
  it('round-down and round-up of a published 0 start above 0', () => {
    expect(ends(rowInterval('round-down', share, rat(0n), rat(10n)))).toBe('(0, 40)');
    expect(ends(rowInterval('round-up', share, rat(0n), rat(10n)))).toBe('(0, 0]');
    expect(isEmpty(rowInterval('round-up', share, rat(0n), rat(10n)))).toBe(true);
  });
  it('a fractional unit scales the ends', () => {
    // share 1/2, unit 0.5, published 1.5 (3 units): B/2 / 0.5 = B in [2.5, 3.5) for round-nearest.
    expect(ends(rowInterval('round-nearest', rat(1n, 2n), rat(3n, 2n), rat(1n, 2n)))).toBe('[5/2, 7/2)');
  });
});

describe('audit: the fits and their order', () => {
  it('sums the column and the weights', () => {
    const res = audit(rows([['1.5', 30], ['2.5', 80]]), { units: [D(10)], rules: ['round-down'] });
    expect(res.rows).toBe(2);
    expect(res.sum.toFixed()).toBe('110');
    expect(res.weightTotal.toFixed()).toBe('4');
  });
  it('most rows first; then the coarser unit; then the order round-nearest, round-down, round-up, largest-remainder', () => {
    // 1 : 1 published 10, 10: every rule reproduces it at units 1, 5 and 10.
    const res = audit(rows([[1, 10], [1, 10]]), { units: [D(1), D(10), D(5)] });
    expect(res.fits.map((f) => `${f.rule}/${f.unit.toFixed()}/${f.reproduced}`)).toEqual([
      'round-nearest/10/2',
      'round-down/10/2',
      'round-up/10/2',
      'largest-remainder/10/2',
      'round-nearest/5/2',
      'round-down/5/2',
      'round-up/5/2',
      'largest-remainder/5/2',
      'round-nearest/1/2',
      'round-down/1/2',
      'round-up/1/2',
      'largest-remainder/1/2',
    ]);
    expect(res.complete).toHaveLength(12);
    // A fit reproducing fewer rows sorts after one reproducing more, whatever its unit.
    const partial = audit(rows([[1, 10], [1, 10], [1, 40]]), { units: [D(10), D(1)], rules: ['round-nearest', 'largest-remainder'] });
    expect(partial.fits.map((f) => [f.rule, f.unit.toFixed(), f.reproduced])).toEqual([
      ['round-nearest', '10', 2],
      ['round-nearest', '1', 2],
      ['largest-remainder', '10', 0],
      ['largest-remainder', '1', 0],
    ]);
    expect(partial.complete).toEqual([]);
  });
  it('a missed row is shown with what the rule gives it at the example budget', () => {
    // Shares ¼ each; three rows published 10 (round-nearest to 10: B in [20, 60)), one published 50.
    const res = audit(rows([[1, 10], [1, 10], [1, 10], [1, 50]]), { units: [D(10)], rules: ['round-nearest'] });
    const fit = res.fits[0]!;
    expect(fit.complete).toBe(false);
    expect(ends(fit.interval)).toBe('[20, 60)');
    // The whole-unit budgets 20 … 50; the example is the one nearest the middle (40), where ¼ × 40 = 10.
    expect(fit.wholeUnits!.map((d) => d.toFixed())).toEqual(['20', '50']);
    expect(fit.example).toEqual(rat(40n));
    expect(fit.missed.map((m) => [m.line, m.id, m.published.toFixed(), m.ruleGives.toFixed()])).toEqual([[5, 'r3', '50', '10']]);
  });
  it('each rule says what it gives a missed row: down, up or nearest', () => {
    // Shares 1/3, 1/3, 1/3 with one row off: 10, 10, 30 at unit 10.
    const give = (rule: 'round-nearest' | 'round-down' | 'round-up') => {
      const fit = audit(rows([[1, 10], [1, 10], [1, 30]]), { units: [D(10)], rules: [rule] }).fits[0]!;
      return [formatFraction(fit.example!), fit.missed.map((m) => m.ruleGives.toFixed())];
    };
    // round-nearest: B in [15, 45) for the 10s; example 30 → each quota 1 unit → 10.
    expect(give('round-nearest')).toEqual(['30', ['10']]);
    // round-down: B in [30, 60); whole units 30 … 50, example 40 → quota 1.33 → 10.
    expect(give('round-down')).toEqual(['40', ['10']]);
    // round-up: B in (0, 30]; whole units 10 … 30, example 10 (floor of the middle 15 in units is 1) → quota 1/3 → up to 10.
    expect(give('round-up')).toEqual(['10', ['10']]);
  });
  it('round-up gives a whole quota as it is, not one unit more', () => {
    // Shares ½ and ½; rows published 10 and 30 at unit 10: round-up fits row 0 for B in (0, 20], example 10.
    const fit = audit(rows([[1, 10], [1, 30]]), { units: [D(10)], rules: ['round-up'] }).fits[0]!;
    expect(fit.reproduced).toBe(1);
    expect(fit.missed.map((m) => [m.id, m.ruleGives.toFixed()])).toEqual([['r1', '10']]);
  });
  it('when no row can be reproduced, every row is missed and the rule is said to give 0', () => {
    // 15 is not a whole number of 10s, 25 neither.
    const fit = audit(rows([[1, 15], [1, 25]]), { units: [D(10)], rules: ['round-nearest'] }).fits[0]!;
    expect(fit.reproduced).toBe(0);
    expect(fit.complete).toBe(false);
    expect(fit.interval).toBeUndefined();
    expect(fit.missed.map((m) => [m.line, m.id, m.published.toFixed(), m.ruleGives.toFixed()])).toEqual([
      [2, 'r0', '15', '0'],
      [3, 'r1', '25', '0'],
    ]);
  });
  it('the example budget is a whole number of units inside the interval; the whole-unit ends are its first and last', () => {
    // Shares 1/7 and 6/7, round-down to 10, published 0 and 10: row 0 needs B in (0, 70), row 1 B·6/70 in [1, 2),
    // so B in [35/3, 70/3): 20 is the only multiple of 10.
    const fit = audit(rows([[1, 0], [6, 10]]), { units: [D(10)], rules: ['round-down'] }).fits[0]!;
    expect(ends(fit.interval)).toBe('[35/3, 70/3)');
    expect(fit.wholeUnits!.map((d) => d.toFixed())).toEqual(['20', '20']);
    expect(fit.example).toEqual(rat(20n));
    // At unit 100 the published 10 is no whole number of units: only row 0 is reproduced, for B in (0, 700).
    const coarse = audit(rows([[1, 0], [6, 10]]), { units: [D(100)], rules: ['round-down'] }).fits[0]!;
    expect(coarse.reproduced).toBe(1);
    expect(ends(coarse.interval)).toBe('(0, 700)');
    expect(coarse.wholeUnits!.map((d) => d.toFixed())).toEqual(['100', '600']);
    // The middle is 350: the example is the whole-unit budget at or below it.
    expect(coarse.example).toEqual(rat(300n));
  });
  it('an interval holding no whole number of units has no whole-unit ends, and its middle is the example', () => {
    // Row 1 (share 1) published 0 at unit 10: B in (0, 5); row 0 (weight 0, published 0) fits every B.
    const fit = audit(rows([[0, 0], [1, 0]]), { units: [D(10)], rules: ['round-nearest'] }).fits[0]!;
    expect(ends(fit.interval)).toBe('(0, 5)');
    expect(fit.wholeUnits).toBeUndefined();
    expect(fit.example).toEqual(rat(5n, 2n));
  });
  it('an interval without an upper end (only a zero-weight row fits) has no whole-unit ends', () => {
    // Row 1 published 15 is no whole number of 10s; row 0 (weight 0, published 0) fits every B > 0.
    const fit = audit(rows([[0, 0], [1, 15]]), { units: [D(10)], rules: ['round-nearest'] }).fits[0]!;
    expect(fit.reproduced).toBe(1);
    expect(ends(fit.interval)).toBe('(0, inf)');
    expect(fit.wholeUnits).toBeUndefined();
    expect(fit.example).toBeDefined();
    expect(fit.missed.map((m) => m.id)).toEqual(['r1']);
  });
});

describe('audit: largest remainder', () => {
  it('a tied row may be published one unit up or down; an untied row may not', () => {
    // Weights 1, 1, 2 and 3 units: quotas 0.75, 0.75, 1.5 → the two .75s take both leftovers, no tie: 1, 1, 1.
    expect(audit(rows([[1, 1], [1, 1], [2, 1]]), { units: [D(1)], rules: ['largest-remainder'] }).complete).toHaveLength(1);
    // Weights 1, 1 and 1 unit: quotas ½, ½ — a tie: 1, 0 and 0, 1 both reproduce.
    expect(audit(rows([[1, 0], [1, 1]]), { units: [D(1)], rules: ['largest-remainder'] }).complete).toHaveLength(1);
    expect(audit(rows([[1, 1], [1, 0]]), { units: [D(1)], rules: ['largest-remainder'] }).complete).toHaveLength(1);
    // Weights 1, 3 and 4 units: quotas 1 and 3, no remainder and no tie: 2, 2 misses both rows.
    const fit = audit(rows([[1, 2], [3, 2]]), { units: [D(1)], rules: ['largest-remainder'] }).fits[0]!;
    expect(fit.missed.map((m) => [m.id, m.ruleGives.toFixed()])).toEqual([
      ['r0', '1'],
      ['r1', '3'],
    ]);
    expect(fit.reproduced).toBe(0);
  });
  it('a tied row published two units off is missed', () => {
    // 3 equal weights, 4 units: quotas 4/3 → 2, 1, 1 by position, rows tied; 0, 2, 2 has row 0 two below its 2.
    const fit = audit(rows([[1, 0], [1, 2], [1, 2]]), { units: [D(1)], rules: ['largest-remainder'] }).fits[0]!;
    expect(fit.missed.map((m) => m.id)).toEqual(['r0']);
    // 3, 1, 0: row 0 is its floor 1 plus 2.
    const up = audit(rows([[1, 3], [1, 1], [1, 0]]), { units: [D(1)], rules: ['largest-remainder'] }).fits[0]!;
    expect(up.missed.map((m) => m.id)).toEqual(['r0', 'r2']);
  });
  it('a column that is not a whole number of units is tried at the whole units below its sum', () => {
    // 25 at unit 10: 2 units → B = 20; row of 25 is not a whole number of units → missed.
    const fit = audit(rows([[1, 10], [1, 15]]), { units: [D(10)], rules: ['largest-remainder'] }).fits[0]!;
    expect(ends(fit.interval)).toBe('[20, 20]');
    expect(fit.example).toEqual(rat(20n));
    expect(fit.wholeUnits!.map((d) => d.toFixed())).toEqual(['20', '20']);
    expect(fit.missed.map((m) => [m.id, m.ruleGives.toFixed()])).toEqual([['r1', '10']]);
  });
  it('an all-zero column is never a complete fit (nothing was split)', () => {
    const fit = audit(rows([[1, 0], [1, 0]]), { units: [D(10)], rules: ['largest-remainder'] }).fits[0]!;
    expect(fit.reproduced).toBe(2);
    expect(fit.complete).toBe(false);
  });
});

describe('audit: refusals', () => {
  it('no rows', () => {
    expect(codeOf(() => audit([])).code).toBe('no-rows');
  });
  it('a negative weight, at its line', () => {
    const e = codeOf(() => audit(rows([[1, 10], [-1, 10]])));
    expect([e.code, e.line]).toEqual(['negative-weight', 3]);
    expect(() => audit(rows([[1, 10], [-1, 10]]))).toThrow('the basis value of "r1" is negative');
  });
  it('all weights zero', () => {
    expect(() => audit(rows([[0, 10], [0, 10]]))).toThrow('no row has a positive basis value');
  });
  it('a unit that is zero, negative or not finite', () => {
    for (const u of [D(0), D(-10), D(Infinity), D(NaN)]) {
      expect(codeOf(() => audit(rows([[1, 10]]), { units: [u] })).code).toBe('invalid-unit');
    }
    expect(() => audit(rows([[1, 10]]), { units: [D(-10)] })).toThrow('the unit must be a positive amount, not -10');
  });
});

describe('gapInterval', () => {
  it('swaps the ends and their closedness', () => {
    const i: Interval = { lower: { value: rat(100n), closed: true }, upper: { value: rat(140n), closed: false } };
    expect(ends(gapInterval(D(150), i))).toBe('(10, 50]');
  });
  it('keeps a missing end missing', () => {
    expect(ends(gapInterval(D(150), { lower: { value: rat(100n), closed: false } }))).toBe('(-inf, 50)');
    expect(ends(gapInterval(D(150), { upper: { value: rat(100n), closed: true } }))).toBe('[50, inf)');
  });
});

describe('auditRowsFromTable', () => {
  const table = (rowsText: string[][], file?: string) => rowsTable(['Kommun', 'Basis', 'Belopp'], rowsText.map((cells, i) => ({ line: i + 2, cells })), file ? { file } : {});
  it('reads id, weight and amount per row with its line', () => {
    const t = auditRowsFromTable(table([['A', '1', '10'], ['B', '3', '30']]), 1, 2);
    expect(t.rows.map((r) => [r.line, r.id, r.weight.toFixed(), r.amount.toFixed()])).toEqual([
      [2, 'A', '1', '10'],
      [3, 'B', '3', '30'],
    ]);
    expect([t.basisHeader, t.columnHeader, t.repairs]).toEqual(['Basis', 'Belopp', []]);
  });
  it('the recipient column defaults to a well-known header, else may be given', () => {
    const t = rowsTable(['Basis', 'Kommun', 'Belopp'], [{ line: 2, cells: ['1', 'A', '10'] }]);
    expect(auditRowsFromTable(t, 0, 2).rows[0]!.id).toBe('A');
    expect(auditRowsFromTable(t, 0, 2, 2).rows[0]!.id).toBe('10');
  });
  it('repairs a broken amount from the other rows\' amount per weight, and says so', () => {
    // Others: 10 of amount per unit of weight, so the row's weight 70 predicts 700: "7 00" is read 700, not the
    // parser's first reading 7 000.
    const t = auditRowsFromTable(table([['A', '1', '10'], ['B', '2', '20'], ['C', '70', '7 00']]), 1, 2);
    expect(t.rows.map((r) => r.amount.toFixed())).toEqual(['10', '20', '700']);
    expect(t.repairs).toHaveLength(1);
    const r = t.repairs[0]!;
    expect([r.line, r.id, r.column, r.raw, r.value.toFixed(), r.predicted?.toFixed()]).toEqual([4, 'C', 'Belopp', '7 00', '700', '700']);
    // The repair names the column it was predicted from; the renderer writes the sentence.
    expect(r.reference).toBe('Basis');
    expect(auditRepairReason(r, 'en')).toContain('the row\'s share of "Basis" applied to the other rows\' total');
  });
  it('repairs a broken weight from the amounts, picking the reading they predict rather than the parser\'s first', () => {
    const t = auditRowsFromTable(table([['A', '1', '10'], ['B', '2', '20'], ['C', '1 23', '1230']]), 1, 2);
    // "1 23" reads 1 230, 1 023 or 123; amounts predict 1 230 / 10 = 123.
    expect(t.rows[2]!.weight.toFixed()).toBe('123');
    expect(t.repairs.map((r) => [r.column, r.value.toFixed()])).toEqual([['Basis', '123']]);
    expect(t.repairs[0]!.reference).toBe('Belopp');
    expect(auditRepairReason(t.repairs[0]!, 'en')).toContain('share of "Belopp"');
  });
  it('refuses a table without rows, an empty cell, an unreadable cell and a negative one, saying where', () => {
    expect(codeOf(() => auditRowsFromTable(table([], 'f.csv'), 1, 2))).toEqual({ code: 'no-rows', line: 2, field: undefined, file: 'f.csv' });
    expect(codeOf(() => auditRowsFromTable(table([['A', '1', '10'], ['B', '', '10']], 'f.csv'), 1, 2))).toEqual({
      code: 'missing-value',
      line: 3,
      field: 'Basis',
      file: 'f.csv',
    });
    expect(codeOf(() => auditRowsFromTable(table([['A', '1', 'x']]), 1, 2))).toEqual({ code: 'invalid-amount', line: 2, field: 'Belopp', file: undefined });
    expect(codeOf(() => auditRowsFromTable(table([['A', '1', '-5']]), 1, 2))).toEqual({ code: 'negative-amount', line: 2, field: 'Belopp', file: undefined });
    expect(() => auditRowsFromTable(table([['A', '1', '-5']]), 1, 2)).toThrow('"-5" is negative');
  });
});

describe('audit: what each rule gives a missed row, exactly', () => {
  // Row 0 is published far off, so it is the row missed; the example budget is the whole-unit budget at or below
  // the middle of the other rows' interval, and the rule is applied to row 0's quota there.
  const missedGives = (rule: 'round-nearest' | 'round-down' | 'round-up', pairs: [number, number][]) => {
    const fit = audit(rows(pairs), { units: [D(1)], rules: [rule] }).fits[0]!;
    return { example: formatFraction(fit.example!), gives: fit.missed.map((m) => m.ruleGives.toFixed()) };
  };
  it('round-down rounds a quota of 1.5 down', () => {
    // Shares ½, ½; row 1 published 1: B in [2, 4), example 3 → row 0's quota 1.5 → 1.
    expect(missedGives('round-down', [[1, 100], [1, 1]])).toEqual({ example: '3', gives: ['1'] });
  });
  it('round-up gives a whole quota unchanged and a fraction one unit up', () => {
    // Shares ½, ¼, ¼; rows 1 and 2 published 1: B in (0, 4], example 2 → row 0's quota 1 → 1.
    expect(missedGives('round-up', [[2, 100], [1, 1], [1, 1]])).toEqual({ example: '2', gives: ['1'] });
    // Shares 2/5, 3/5; row 1 published 2: B in (5/3, 10/3], example 2 → row 0's quota 0.8 → 1.
    expect(missedGives('round-up', [[2, 100], [3, 2]])).toEqual({ example: '2', gives: ['1'] });
  });
  it('round-nearest rounds below a half down and a half up', () => {
    // Shares 1/5, 4/5; row 1 published 2: B in [15/8, 25/8), example 2 → row 0's quota 0.4 → 0.
    expect(missedGives('round-nearest', [[1, 100], [4, 2]])).toEqual({ example: '2', gives: ['0'] });
    // Shares 1/4, 3/4; row 1 published 2: B in [2, 10/3), example 2 → row 0's quota 0.5 → 1.
    expect(missedGives('round-nearest', [[1, 100], [3, 2]])).toEqual({ example: '2', gives: ['1'] });
  });
  it('with a fractional unit the quota is counted in units of it', () => {
    // Unit 0.25, shares ½, ½; row 1 published 0.5 (2 units): B/2 / 0.25 in [1.5, 2.5) → B in [0.75, 1.25); example 1
    // → row 0's quota 2 units → 0.5.
    const fit = audit(rows([[1, 100], [1, '0.5']]), { units: [D('0.25')], rules: ['round-nearest'] }).fits[0]!;
    expect(ends(fit.interval)).toBe('[3/4, 5/4)');
    expect(fit.wholeUnits!.map((d) => d.toFixed())).toEqual(['0.75', '1']);
    expect(formatFraction(fit.example!)).toBe('1');
    expect(fit.missed.map((m) => m.ruleGives.toFixed())).toEqual(['0.5']);
  });
});

describe('audit: order of rules regardless of the order asked for', () => {
  it('equally good fits at the same unit follow AUDIT_RULES', () => {
    const res = audit(rows([[1, 10], [1, 10]]), { units: [D(10)], rules: ['largest-remainder', 'round-up', 'round-down', 'round-nearest'] });
    expect(res.fits.map((f) => f.rule)).toEqual(['round-nearest', 'round-down', 'round-up', 'largest-remainder']);
  });
  it('largest remainder does not take a published amount that is not a whole number of units for a unit it holds', () => {
    // 5 + 15 at unit 10: 2 units → 1, 1; 5 is half a unit, not 1 unit.
    const fit = audit(rows([[1, 5], [1, 15]]), { units: [D(10)], rules: ['largest-remainder'] }).fits[0]!;
    expect(fit.missed.map((m) => m.id)).toEqual(['r0', 'r1']);
  });
  it('the refusals carry their codes and, for a bad unit, the usage kind', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as StatsbidragError;
      }
      throw new Error('no error');
    };
    expect(err(() => audit(rows([[0, 1]]))).code).toBe('no-positive-weight');
    expect(err(() => audit([])).message).toBe('there are no rows to audit');
    expect(err(() => audit(rows([[1, 1]]), { units: [D(0)] })).kind).toBe('usage');
    expect(err(() => auditRowsFromTable(rowsTable(['Kommun', 'B', 'C'], []), 1, 2)).message).toBe('has a header but no rows');
    expect(err(() => auditRowsFromTable(rowsTable(['Kommun', 'B', 'C'], [{ line: 2, cells: ['A', '1', ''] }]), 1, 2)).message).toBe('the cell is empty');
  });
});
