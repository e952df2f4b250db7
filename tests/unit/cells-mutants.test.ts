/**
 * Reading a published cell and repairing broken digit grouping (src/core/cells.ts): which
 * reading is chosen, what the sentence saying why contains, and how a row's value is predicted
 * from the other rows. Written against the mutants Stryker found surviving (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { chooseRepair, ratioPrediction, readCell } from '../../src/core/cells.js';
import { repairReason } from '../../src/render/validation/messages.js';
import { Decimal } from '../../src/core/decimal.js';

const D = (x: string | number): Decimal => new Decimal(x);
const strings = (xs: readonly Decimal[]): string[] => xs.map((x) => x.toFixed());

describe('readCell', () => {
  it('a missing, empty or whitespace-only cell is empty, keeping the raw text', () => {
    expect(readCell(undefined)).toEqual({ kind: 'empty', raw: '' });
    expect(readCell('')).toEqual({ kind: 'empty', raw: '' });
    expect(readCell('  ')).toEqual({ kind: 'empty', raw: '  ' });
    expect(readCell('\t')).toEqual({ kind: 'empty', raw: '\t' });
  });
  it('a readable cell is ok with its value', () => {
    const c = readCell('1 500');
    expect(c.kind).toBe('ok');
    expect(c.kind === 'ok' && c.value.toFixed()).toBe('1500');
    expect(c.raw).toBe('1 500');
  });
  it('an unreadable cell carries the parser\'s code and message, and no candidates unless the grouping is broken', () => {
    const bad = readCell('abc');
    expect(bad.kind).toBe('bad');
    if (bad.kind !== 'bad') return;
    expect(bad.code).toBe('invalid-amount');
    expect(bad.message).toMatch(/^"abc" is not an amount/);
    expect(bad.candidates).toEqual([]);
    const broken = readCell('7 00');
    expect(broken.kind === 'bad' && [broken.code, strings(broken.candidates)]).toEqual(['broken-digit-grouping', ['7000', '700']]);
  });
});

describe('chooseRepair', () => {
  const candidates = [D(7000), D(700)];
  it('no candidates, no repair', () => {
    expect(chooseRepair([], D(1))).toBeUndefined();
    expect(chooseRepair([], undefined)).toBeUndefined();
  });
  it('without a prediction takes the parser\'s first reading and lists every reading in the reason', () => {
    const r = chooseRepair(candidates, undefined)!;
    expect(r.value.toFixed()).toBe('7000');
    expect(strings(r.candidates)).toEqual(['7000', '700']);
    expect(r.predicted).toBeUndefined();
    // The choice is the core's; the sentence is the renderer's (render/validation/messages.ts).
    expect(repairReason(r, 'x', 'en')).toBe('no prediction was possible, so the usual slip is assumed: a dropped final digit (7,000 or 700)');
  });
  it('with a prediction takes the nearest reading, even when it is not the parser\'s first', () => {
    const r = chooseRepair(candidates, D(650))!;
    expect(r.value.toFixed()).toBe('700');
    expect(strings(r.candidates)).toEqual(['7000', '700']);
    expect(r.predicted?.toFixed()).toBe('650');
    expect(repairReason(r, 'the share', 'en')).toBe('it is the reading nearest to 650, the value the share predicts (off by 50); the other reading 7,000 (off by 6,350) is further away');
  });
  it('a prediction that hits a reading exactly says no "off by" for it; several others are "readings … are"', () => {
    const r = chooseRepair([D(1230), D(1023), D(123)], D(1023))!;
    expect(r.value.toFixed()).toBe('1023');
    expect(repairReason(r, 'the share', 'en')).toBe(
      'it is the reading nearest to 1,023, the value the share predicts; the other readings 1,230 (off by 207), 123 (off by 900) are further away',
    );
  });
  it('a prediction half-way between two readings keeps the parser\'s order', () => {
    // 1 230 and 1 023 are both 103.5 from 1 126.5: the first listed wins.
    expect(chooseRepair([D(1230), D(1023), D(123)], D('1126.5'))!.value.toFixed()).toBe('1230');
    expect(chooseRepair([D(1023), D(1230), D(123)], D('1126.5'))!.value.toFixed()).toBe('1023');
  });
  it('writes numbers in the locale asked for', () => {
    expect(repairReason(chooseRepair(candidates, undefined)!, 'x', 'en')).toContain('(7,000 or 700)');
    expect(repairReason(chooseRepair(candidates, D(6500))!, 'x', 'en')).toContain('nearest to 6,500');
  });
});

describe('ratioPrediction', () => {
  it('scales the row\'s reference by the other rows\' value per reference, leaving out the row itself', () => {
    // Others: 100 / 10 and 300 / 30 → 10 per unit of reference; the row's own 999 plays no part.
    expect(ratioPrediction([D(10), D(20), D(30)], [D(100), D(999), D(300)], 1)?.toFixed()).toBe('200');
    expect(ratioPrediction([D(10), D(20), D(30)], [D(100), undefined, D(300)], 1)?.toFixed()).toBe('200');
  });
  it('skips rows whose reference or value is unknown', () => {
    // Row 2 has no reference and row 3 no value: only row 0 (value 100 for reference 10) counts.
    expect(ratioPrediction([D(10), D(20), undefined, D(40)], [D(100), undefined, D(5000), undefined], 1)?.toFixed()).toBe('200');
  });
  it('gives nothing without a reference for the row, or when the other rows\' references add up to 0', () => {
    expect(ratioPrediction([D(10), undefined, D(30)], [D(100), D(200), D(300)], 1)).toBeUndefined();
    expect(ratioPrediction([D(0), D(20), D(0)], [D(100), undefined, D(300)], 1)).toBeUndefined();
    expect(ratioPrediction([D(10), D(20)], [undefined, undefined], 1)).toBeUndefined();
  });
});
