import { describe, expect, it } from 'vitest';
import { audit, auditRowsFromTable, gapInterval, rowInterval, type AuditRow } from '../../src/core/audit.js';
import { Decimal } from '../../src/core/decimal.js';
import { bestOverlap, formatFraction, formatInterval, integerRange, rat, type Interval } from '../../src/core/rational.js';
import { loadTable } from '../../src/io/load.js';
import { join } from 'node:path';
import { DATA_DIR } from '../../src/io/load.js';

const D = (s: string | number): Decimal => new Decimal(s);
const rows = (pairs: [number | string, number | string][]): AuditRow[] => pairs.map(([w, a], i) => ({ line: i + 2, id: `r${i}`, weight: D(w), amount: D(a) }));
const ends = (i: Interval | undefined): string => (i ? `${i.lower?.closed ? '[' : '('}${i.lower ? formatFraction(i.lower.value) : '-inf'}, ${i.upper ? formatFraction(i.upper.value) : 'inf'}${i.upper?.closed ? ']' : ')'}` : 'none');

describe('the budgets that reproduce one row form an interval with exact ends', () => {
  // share 1/4, unit 10, published 30 (3 units): quota sB/u = B/40.
  const share = rat(1n, 4n);
  it('round-nearest (halves up): [2.5·40, 3.5·40)', () => {
    expect(ends(rowInterval('round-nearest', share, rat(30n), rat(10n)))).toBe('[100, 140)');
  });
  it('round-down: [3·40, 4·40)', () => {
    expect(ends(rowInterval('round-down', share, rat(30n), rat(10n)))).toBe('[120, 160)');
  });
  it('round-up: (2·40, 3·40]', () => {
    expect(ends(rowInterval('round-up', share, rat(30n), rat(10n)))).toBe('(80, 120]');
  });
  it('an amount that is not a whole number of units reproduces for no budget', () => {
    expect(integerRange(rowInterval('round-nearest', share, rat(35n), rat(10n)))).toBeUndefined();
  });
  it('a published 0 with round-nearest is any B below half a unit\'s worth', () => {
    expect(ends(rowInterval('round-nearest', share, rat(0n), rat(10n)))).toBe('(0, 20)');
  });
});

describe('audit intersects the rows and reports the exact interval', () => {
  it('two rows, round-nearest to 10: the intersection of both intervals', () => {
    // shares 1/4 and 3/4; 30 → B in [100, 140); 80 → 8 units: B·3/40 in [7.5, 8.5) → [100, 113.33…)
    const res = audit(rows([[1, 30], [3, 80]]), { units: [D(10)], rules: ['round-nearest'] });
    expect(res.complete).toHaveLength(1);
    expect(ends(res.complete[0]!.interval)).toBe('[100, 340/3)');
    expect(formatInterval(res.complete[0]!.interval!)).toBe('[100, 113.333333…)');
  });

  it('largest remainder is tried at B = the sum of the column, ties either way', () => {
    // 3 equal weights, 100 units: LR gives 34/33/33 with the tie decided by position; 33/34/33 is as valid.
    const res = audit(rows([[1, 33], [1, 34], [1, 33]]), { units: [D(1)], rules: ['largest-remainder'] });
    expect(res.complete[0]?.rule).toBe('largest-remainder');
    expect(ends(res.complete[0]!.interval)).toBe('[100, 100]');
    const bad = audit(rows([[1, 35], [1, 32], [1, 33]]), { units: [D(1)], rules: ['largest-remainder'] });
    expect(bad.complete).toHaveLength(0);
    expect(bad.fits[0]!.missed.map((m) => m.id)).toEqual(['r0', 'r1']);
  });

  it('when no rule fits, the best rule and the rows it misses are reported', () => {
    const res = audit(rows([[1, 10], [1, 10], [1, 10], [1, 50]]), { units: [D(10)] });
    expect(res.complete).toHaveLength(0);
    const best = res.fits[0]!;
    expect(best.reproduced).toBe(3);
    expect(best.missed.map((m) => [m.line, m.published.toFixed()])).toEqual([[5, '50']]);
  });

  it('a fractional unit and decimal weights stay exact', () => {
    const res = audit(rows([['0.5', '0.25'], ['1.5', '0.75']]), { units: [D('0.25')], rules: ['round-down'] });
    expect(ends(res.complete[0]!.interval)).toBe('[1, 4/3)');
  });
});

describe('the bundled table', () => {
  it('2019 (after repairing the two broken cells) is round-nearest to 1 000 000 for B in [41039600000/31, 1069961000000/807)', async () => {
    const table = await loadTable(join(DATA_DIR, 'tillvaxtverket-2018.csv'));
    const prepared = auditRowsFromTable(table, 2, 3);
    expect(prepared.repairs.map((r) => [r.line, r.id, r.value.toFixed()])).toEqual([
      [5, 'Stockholm', '164000000'],
      [24, 'Göteborg', '106000000'],
    ]);
    const res = audit(prepared.rows);
    const nearest = res.complete.find((f) => f.rule === 'round-nearest')!;
    expect(nearest.unit.toFixed()).toBe('1000000');
    expect(ends(nearest.interval)).toBe('[41039600000/31, 1069961000000/807)');
    expect(formatInterval(nearest.interval!)).toBe('[1323858064.516129…, 1325850061.957868…)');
    expect(nearest.wholeUnits!.map((d) => d.toFixed())).toEqual(['1324000000', '1325000000']);
    // What was set aside of the stated 1,35 billion.
    expect(integerRange(gapInterval(D('1350000000'), nearest.interval!))).toEqual([24149939n, 26141935n]);
    expect(res.complete.map((f) => `${f.rule}/${f.unit.toFixed()}`).sort()).toEqual(['largest-remainder/1000000', 'round-nearest/1000000']);
  });

  it('2020–2027 is round-nearest to 1 000 000 for B in [2 174 971 766.25…, 2 175 309 795.71…)', async () => {
    const table = await loadTable(join(DATA_DIR, 'tillvaxtverket-2018.csv'));
    const res = audit(auditRowsFromTable(table, 2, 4).rows, { units: [D(1000000)], rules: ['round-nearest'] });
    expect(formatInterval(res.complete[0]!.interval!, 2)).toBe('[2174971766.25…, 2175309795.71…)');
    expect(res.complete[0]!.wholeUnits!.map((d) => d.toFixed())).toEqual(['2175000000', '2175000000']);
  });
});

describe('bestOverlap', () => {
  it('counts closed and open ends at the same point correctly', () => {
    const a: Interval = { lower: { value: rat(0n), closed: true }, upper: { value: rat(1n), closed: false } };
    const b: Interval = { lower: { value: rat(1n), closed: true }, upper: { value: rat(2n), closed: true } };
    const c: Interval = { lower: { value: rat(1n), closed: false }, upper: { value: rat(3n), closed: false } };
    expect(bestOverlap([a, b, c])!.count).toBe(2);
    const d: Interval = { lower: { value: rat(0n), closed: true }, upper: { value: rat(1n), closed: true } };
    const best = bestOverlap([d, b]);
    expect(best).toEqual({ count: 2, point: rat(1n) });
  });
});
