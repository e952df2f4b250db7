/**
 * The registry of apportionment methods: name → one definition carrying the exact variant (bigints)
 * and the fast one (doubles, for the bulk lane). Names are those users know from the command line.
 * A new method: one file exporting `defineMethod(...)` (method.ts), and one line in METHODS.
 */
import { StatsbidragError } from '../errors.js';
import { adamsMethod, dhondtMethod, huntingtonHillMethod, sainteLagueMethod } from './divisors.js';
import { largestRemainderMethod } from './largest-remainder.js';
import type { FastApportion, MethodKind } from './method.js';
import { roundDownMethod, roundNearestMethod, roundUpMethod } from './round-each.js';
import type { ApportionMethod, DivisorFunction, Fraction } from './types.js';

/** Every method, in the order the help lists them: one line each. */
const METHODS = [
  largestRemainderMethod,
  dhondtMethod,
  sainteLagueMethod,
  huntingtonHillMethod,
  adamsMethod,
  roundNearestMethod,
  roundDownMethod,
  roundUpMethod,
] as const;

export type { MethodKind } from './method.js';

/** A method's name, as the command line and the rules file spell it. */
export type Method = (typeof METHODS)[number]['name'];

/**
 * Every method's name, in the order the help lists them. Typed so that
 * `METHOD_NAMES.includes(name)` takes any string (a plain `as const` tuple's would take only a
 * `Method`) and narrows it to a `Method`.
 */
export const METHOD_NAMES = METHODS.map((m) => m.name) as unknown as readonly Method[] & { includes(name: string): name is Method };

export function isMethod(name: string): name is Method {
  return METHOD_NAMES.includes(name);
}

export interface MethodInfo {
  readonly name: Method;
  readonly apportion: ApportionMethod;
  /** The same split on typed arrays of doubles, for large lists (method.ts). */
  readonly fast: FastApportion;
  /** True when the amounts always add up to the units split; false for row-by-row rounding. */
  readonly exactSum: boolean;
  /** What decides a row's last unit: a remainder, a divisor priority, or its own rounding. */
  readonly kind: MethodKind;
  readonly description: string;
  /** The first divisor in use, for modified divisor methods. */
  readonly firstDivisor?: Fraction;
  /** A divisor method's divisor function (with the first divisor in use). */
  readonly divisor?: DivisorFunction;
}

export interface MethodOptions {
  /** Replaces the first divisor of sainte-lague (on the 1, 3, 5 scale) or dhondt (on 1, 2, 3). */
  readonly firstDivisor?: Fraction;
}

/** Methods that accept a first divisor. */
export const MODIFIABLE_METHODS: readonly Method[] = METHODS.filter((m) => m.modifiable).map((m) => m.name);

export function methodByName(name: string, options: MethodOptions = {}): MethodInfo {
  const found = METHODS.find((m) => m.name === name);
  if (!found) {
    throw new StatsbidragError('unknown-method', `unknown method "${name}" (one of: ${METHOD_NAMES.join(', ')})`, {}, 'usage');
  }
  const { firstDivisor } = options;
  if (firstDivisor !== undefined && !found.modifiable) {
    throw new StatsbidragError(
      'first-divisor-not-applicable',
      `a first divisor applies to ${MODIFIABLE_METHODS.join(' and ')}, not to ${name}`,
      { field: '--first-divisor' },
      'usage',
    );
  }
  return {
    name: found.name,
    apportion: found.exact(firstDivisor),
    fast: found.fast(firstDivisor),
    exactSum: found.exactSum,
    kind: found.kind,
    description: found.description,
    ...(firstDivisor ? { firstDivisor } : {}),
    ...(found.divisor ? { divisor: found.divisor(firstDivisor) } : {}),
  };
}

export { largestRemainder } from './largest-remainder.js';
export { roundDown, roundNearest, roundUp } from './round-each.js';
export { divisorMethod, type DivisorFunction } from './divisor.js';
export { adamsDivisor, dhondtDivisor, huntingtonHillDivisor, sainteLagueDivisor } from './divisors.js';
export { apportionWithin, checkFeasible, type BoundedResult, type BoundHit, type UnitBounds } from './constraints.js';
export type { ApportionMethod, ApportionProblem, ApportionResult, Fraction, Priority, RowDecision } from './types.js';
