/**
 * What one apportionment method is, as the registry (index.ts) holds it: its name and facts, its
 * exact variant on bigints (what `split()` and `--explain` use) and its fast variant on typed arrays
 * of doubles (what the bulk lane uses on large lists: fast.ts, fast-divisor.ts). Both give the
 * same units and the same tied rows; tests/property/apportion-registry.test.ts holds every
 * registered method to that.
 *
 * A new method is one file that exports `defineMethod({...})` (a divisor method:
 * `defineDivisorMethod`, with only its divisor function), and one line in index.ts's METHODS.
 */
import { divisorMethod } from './divisor.js';
import type { FastResult } from './fast.js';
import { divisorF64 } from './fast-divisor.js';
import type { ApportionMethod, DivisorFunction, Fraction } from './types.js';

export type MethodKind = 'remainder' | 'divisor' | 'round-each';

/** A split on doubles: integer weights (each exact in a double) with their sum `total`, and whole `units`. */
export type FastApportion = (weights: Float64Array, units: number, total: number) => FastResult;

export interface MethodDefinition<Name extends string = string> {
  /** As the command line and the rules file spell it. */
  readonly name: Name;
  /** True when the amounts always add up to the units split; false for row-by-row rounding. */
  readonly exactSum: boolean;
  /** What decides a row's last unit: a remainder, a divisor priority, or its own rounding. */
  readonly kind: MethodKind;
  readonly description: string;
  /** Takes a first divisor (--first-divisor). */
  readonly modifiable?: boolean;
  /** The method on bigints, with the first divisor when it is modifiable. */
  readonly exact: (first?: Fraction) => ApportionMethod;
  /** The same split on doubles (the caller checks `fitsDoubles` first). */
  readonly fast: (first?: Fraction) => FastApportion;
  /** A divisor method's divisor function (for explaining a row's priorities). */
  readonly divisor?: (first?: Fraction) => DivisorFunction;
}

/** A method's definition, with its name's literal type kept (the registry's names are the `Method` type). */
export const defineMethod = <const Name extends string>(definition: MethodDefinition<Name>): MethodDefinition<Name> => definition;

/** The exact method run on doubles: for numbers the fast engines decline. */
function onDoubles(method: ApportionMethod): FastApportion {
  return (weights, units) => {
    const big = new Array<bigint>(weights.length);
    for (let i = 0; i < weights.length; i++) big[i] = BigInt(weights[i]!);
    const result = method({ weights: big, units: BigInt(units) });
    return { units: Float64Array.from(result.units, Number), tiedRows: result.tiedRows };
  };
}

/**
 * A divisor method from its divisor function (`divisor(first)`, which checks a first divisor):
 * the exact engine (divisor.ts), and on doubles the fast engine (fast-divisor.ts) where it keeps
 * every comparison exact, else the exact engine.
 */
export function defineDivisorMethod<const Name extends string>(
  facts: Pick<MethodDefinition<Name>, 'name' | 'description' | 'modifiable'>,
  divisor: (first?: Fraction) => DivisorFunction,
): MethodDefinition<Name> {
  return {
    ...facts,
    exactSum: true,
    kind: 'divisor',
    divisor,
    exact: (first) => divisorMethod(divisor(first)),
    fast: (first) => {
      const d = divisor(first);
      const exact = onDoubles(divisorMethod(d));
      return (weights, units, total) => divisorF64(d, weights, units, total) ?? exact(weights, units, total);
    },
  };
}
