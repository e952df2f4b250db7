/**
 * What decided one row's amount (`--explain`), row by row: the methods build their `decisions`
 * from these, and the bulk lane (core/explain-rows.ts) makes them one row at a time.
 */
import type { DivisorFunction, Priority, RowDecision } from './types.js';

/** Largest remainder and row-by-row rounding: the quota w × units / W and its remainder, exactly. */
export function remainderDecision(w: bigint, units: bigint, total: bigint): RowDecision {
  const p = w * units;
  return { quota: { num: p, den: total }, remainder: { num: p % total, den: total } };
}

/** A divisor method: the quota, and the priorities w / d(s) of the row's last unit won (count − 1) and its next (count). */
export function divisorDecision(w: bigint, count: bigint, units: bigint, total: bigint, d: DivisorFunction): RowDecision {
  const quota = { num: w * units, den: total };
  if (w === 0n) return { quota };
  const wp = d.power === 2 ? w * w : w;
  const priority = (s: bigint): Priority => ({ num: wp * d.den, den: d.num(s), power: d.power });
  return { quota, ...(count > 0n ? { lastPriority: priority(count - 1n) } : {}), nextPriority: priority(count) };
}
