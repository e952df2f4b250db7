/** The general path's heap budget (app/heap-budget.ts): refused before any row object is made, with one line naming the file, the rows and what to do. */
import { describe, expect, it } from 'vitest';
import { fitsHeap, generalPathBytes, heapBudgetError } from '../../src/app/heap-budget.js';
import { StatsbidragError } from '../../src/core/errors.js';

const MB = 2 ** 20;
/** heapBudgetError as a throw, for the assertions below. */
const checkHeapBudget = (...args: Parameters<typeof heapBudgetError>): void => {
  const e = heapBudgetError(...args);
  if (e) throw e;
};
const heap = (limitMB: number, usedMB: number) => ({ heap_size_limit: limitMB * MB, used_heap_size: usedMB * MB }) as ReturnType<typeof import('node:v8').getHeapStatistics>;

describe('checkHeapBudget', () => {
  it('lets a list through while its estimate fits in the heap left, with the margin', () => {
    // 100 000 rows, one period: 1.5 KB × 100 000 ≈ 146 MB.
    const need = generalPathBytes(100_000, 1, false) / MB;
    expect(need).toBeGreaterThan(100);
    expect(need).toBeLessThan(200);
    expect(() => checkHeapBudget('l.csv', 100_000, 1, false, heap(4096, 50))).not.toThrow();
    expect(() => checkHeapBudget('l.csv', 100_000, 1, false, heap(Math.ceil(need / 0.85) + 50 + 1, 50))).not.toThrow();
    expect(() => checkHeapBudget('l.csv', 100_000, 1, false, heap(Math.floor(need / 0.85) + 50 - 1, 50))).toThrow(StatsbidragError);
  });

  it('says whether some bytes more fit, with the margin', () => {
    expect(fitsHeap(80 * MB, heap(200, 100))).toBe(true);
    expect(fitsHeap(90 * MB, heap(200, 100))).toBe(false);
  });

  it('counts periods and explanations', () => {
    expect(generalPathBytes(1000, 10, false)).toBeGreaterThan(generalPathBytes(1000, 1, false));
    expect(generalPathBytes(1000, 1, true)).toBeGreaterThan(4 * generalPathBytes(1000, 1, false));
    expect(generalPathBytes(1000, 10, true)).toBeGreaterThan(generalPathBytes(1000, 1, true) * 2);
  });

  it('refuses with the code, the file, the rows, the heap and a limit that would do', () => {
    let error: StatsbidragError | undefined;
    try {
      checkHeapBudget('big.csv', 2_000_000, 10, true, heap(2048, 30));
    } catch (e) {
      error = e as StatsbidragError;
    }
    expect(error?.code).toBe('over-heap-budget');
    expect(error?.location.file).toBe('big.csv');
    expect(error?.message).toMatch(/^2000000 rows need about \d+ MB on the general path \(with --explain\), more than the 2048 MB heap Node allows here; .*--max-old-space-size=(\d+)$/);
    const suggested = Number(/=(\d+)$/.exec(error!.message)![1]);
    // The limit suggested lets the same list through.
    expect(() => checkHeapBudget('big.csv', 2_000_000, 10, true, heap(suggested, 30))).not.toThrow();
  });
});
