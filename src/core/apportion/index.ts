/** Method name → apportionment function. Names are those users know from the command line. */
import { StatsbidragError } from '../errors.js';
import { divisorMethod } from './divisor.js';
import { adamsDivisor, dhondtDivisor, huntingtonHillDivisor, sainteLagueDivisor } from './divisors.js';
import { largestRemainder } from './largest-remainder.js';
import { roundDown, roundNearest, roundUp } from './round-each.js';
import type { ApportionMethod, Fraction } from './types.js';

export type MethodKind = 'remainder' | 'divisor' | 'round-each';

const NAMES = ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up'] as const;

/** A method's name, as the command line and the rules file spell it. */
export type Method = (typeof NAMES)[number];

/**
 * Every method's name, in the order the help lists them. Typed so that
 * `METHOD_NAMES.includes(name)` takes any string (a plain `as const` tuple's would take only a
 * `Method`) and narrows it to a `Method`.
 */
export const METHOD_NAMES = NAMES as unknown as readonly Method[] & { includes(name: string): name is Method };

export function isMethod(name: string): name is Method {
  return METHOD_NAMES.includes(name);
}

export interface MethodInfo {
  readonly name: Method;
  readonly apportion: ApportionMethod;
  /** True when the amounts always add up to the units split; false for row-by-row rounding. */
  readonly exactSum: boolean;
  /** What decides a row's last unit: a remainder, a divisor priority, or its own rounding. */
  readonly kind: MethodKind;
  readonly description: string;
  /** The first divisor in use, for modified divisor methods. */
  readonly firstDivisor?: Fraction;
}

export interface MethodOptions {
  /** Replaces the first divisor of sainte-lague (on the 1, 3, 5 scale) or dhondt (on 1, 2, 3). */
  readonly firstDivisor?: Fraction;
}

interface MethodEntry {
  readonly name: Method;
  readonly exactSum: boolean;
  readonly kind: MethodKind;
  readonly description: string;
  readonly make: (first?: Fraction) => ApportionMethod;
  /** Takes a first divisor (--first-divisor). */
  readonly modifiable?: boolean;
}

const fixed = (m: ApportionMethod) => (): ApportionMethod => m;

const METHODS: readonly MethodEntry[] = [
  {
    name: 'largest-remainder',
    make: fixed(largestRemainder),
    exactSum: true,
    kind: 'remainder',
    description: 'Hamilton/Hare: whole quotas, leftover units to the largest remainders',
  },
  {
    name: 'dhondt',
    make: (first) => divisorMethod(dhondtDivisor(first)),
    modifiable: true,
    exactSum: true,
    kind: 'divisor',
    description: "D'Hondt/Jefferson: divisors 1, 2, 3, …",
  },
  {
    name: 'sainte-lague',
    make: (first) => divisorMethod(sainteLagueDivisor(first)),
    modifiable: true,
    exactSum: true,
    kind: 'divisor',
    description: 'Sainte-Laguë/Webster: divisors 1, 3, 5, … (modified with --first-divisor, e.g. 1.2)',
  },
  {
    name: 'huntington-hill',
    make: fixed(divisorMethod(huntingtonHillDivisor)),
    exactSum: true,
    kind: 'divisor',
    description: 'Huntington-Hill/equal proportions: divisors √(s(s+1)); every positive row gets a unit first',
  },
  {
    name: 'adams',
    make: fixed(divisorMethod(adamsDivisor)),
    exactSum: true,
    kind: 'divisor',
    description: 'Adams/smallest divisors: divisors 0, 1, 2, …; every positive row gets a unit first',
  },
  {
    name: 'round-nearest',
    make: fixed(roundNearest),
    exactSum: false,
    kind: 'round-each',
    description: 'each row rounded on its own to the nearest unit (halves up); residual reported',
  },
  { name: 'round-down', make: fixed(roundDown), exactSum: false, kind: 'round-each', description: 'each row rounded down; residual reported' },
  { name: 'round-up', make: fixed(roundUp), exactSum: false, kind: 'round-each', description: 'each row rounded up; residual reported' },
];

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
    apportion: found.make(firstDivisor),
    exactSum: found.exactSum,
    kind: found.kind,
    description: found.description,
    ...(firstDivisor ? { firstDivisor } : {}),
  };
}

export { largestRemainder } from './largest-remainder.js';
export { roundDown, roundNearest, roundUp } from './round-each.js';
export { divisorMethod, type DivisorFunction } from './divisor.js';
export { adamsDivisor, dhondtDivisor, huntingtonHillDivisor, sainteLagueDivisor } from './divisors.js';
export { apportionWithin, checkFeasible, type BoundedResult, type BoundHit, type UnitBounds } from './constraints.js';
export type { ApportionMethod, ApportionProblem, ApportionResult, Fraction, Priority, RowDecision } from './types.js';
