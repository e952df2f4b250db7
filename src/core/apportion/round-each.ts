/**
 * Rounding each row on its own to a whole number of units. The amounts need not add up to
 * the units being split; the caller reports the residual (target − sum), never hides it.
 *
 * Nearest rounds halves up (away from zero), the common commercial rule; `tiedRows` lists
 * rows whose quota was exactly half-way.
 */
import { StatsbidragError } from '../errors.js';
import { remainderDecision } from './decisions.js';
import { sumOf, type ApportionMethod, type ApportionProblem, type ApportionResult, type RowDecision } from './types.js';
import { roundEachF64 } from './fast.js';
import { defineMethod } from './method.js';

type Direction = 'nearest' | 'down' | 'up';

function roundEach(direction: Direction): ApportionMethod {
  return ({ weights, units, explain }: ApportionProblem): ApportionResult => {
    const total = sumOf(weights);
    if (total <= 0n) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
    const tiedRows: number[] = [];
    const decisions: RowDecision[] = [];
    const out = weights.map((w, i) => {
      const p = w * units;
      const q = p / total;
      const r = p - q * total;
      if (explain) decisions.push(remainderDecision(w, units, total));
      if (r === 0n) return q;
      if (direction === 'down') return q;
      if (direction === 'up') return q + 1n;
      if (2n * r === total) tiedRows.push(i);
      return 2n * r >= total ? q + 1n : q;
    });
    return explain ? { units: out, tiedRows, decisions } : { units: out, tiedRows };
  };
}

export const roundNearest = roundEach('nearest');
export const roundDown = roundEach('down');
export const roundUp = roundEach('up');

const roundEachMethod = <const Name extends string>(name: Name, direction: Direction, exact: ApportionMethod, description: string) =>
  defineMethod({ name, exactSum: false, kind: 'round-each', description, exact: () => exact, fast: () => (weights, units, total) => roundEachF64(direction, weights, units, total) });

export const roundNearestMethod = roundEachMethod('round-nearest', 'nearest', roundNearest, 'each row rounded on its own to the nearest unit (halves up); residual reported');
export const roundDownMethod = roundEachMethod('round-down', 'down', roundDown, 'each row rounded down; residual reported');
export const roundUpMethod = roundEachMethod('round-up', 'up', roundUp, 'each row rounded up; residual reported');
