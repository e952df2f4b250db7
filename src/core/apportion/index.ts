/** Method name → apportionment function. Names are those users know from the command line. */
import { StatsbidragError } from '../errors.js';
import { largestRemainder } from './largest-remainder.js';
import { roundDown, roundNearest, roundUp } from './round-each.js';
import type { ApportionMethod } from './types.js';

export interface MethodInfo {
  readonly name: string;
  readonly apportion: ApportionMethod;
  /** True when the amounts always add up to the units split; false for row-by-row rounding. */
  readonly exactSum: boolean;
  readonly description: string;
}

const METHODS: readonly MethodInfo[] = [
  {
    name: 'largest-remainder',
    apportion: largestRemainder,
    exactSum: true,
    description: 'Hamilton/Hare: whole quotas, leftover units to the largest remainders',
  },
  {
    name: 'round-nearest',
    apportion: roundNearest,
    exactSum: false,
    description: 'each row rounded on its own to the nearest unit (halves up); residual reported',
  },
  { name: 'round-down', apportion: roundDown, exactSum: false, description: 'each row rounded down; residual reported' },
  { name: 'round-up', apportion: roundUp, exactSum: false, description: 'each row rounded up; residual reported' },
];

export const METHOD_NAMES: readonly string[] = METHODS.map((m) => m.name);

export function methodByName(name: string): MethodInfo {
  const found = METHODS.find((m) => m.name === name);
  if (!found) {
    throw new StatsbidragError('unknown-method', `unknown method "${name}" (one of: ${METHOD_NAMES.join(', ')})`, {}, 'usage');
  }
  return found;
}

export { largestRemainder } from './largest-remainder.js';
export { roundDown, roundNearest, roundUp } from './round-each.js';
export type { ApportionMethod, ApportionProblem, ApportionResult } from './types.js';
