/**
 * The divisor functions of the named divisor methods, handed to the engine in divisor.ts.
 * d(s) is the divisor for a row's (s+1)-th unit (s = units it already holds):
 *
 *   D'Hondt / Jefferson        d(s) = s + 1            1, 2, 3, …
 *   Sainte-Laguë / Webster     d(s) = s + 1/2          same order as 1, 3, 5, …
 *   Huntington-Hill            d(s) = √(s(s + 1))      0, √2, √6, …
 *   Adams                      d(s) = s                0, 1, 2, …
 *
 * A first divisor (the modified Sainte-Laguë Sweden uses, 1.2 since 2018) replaces the first
 * divisor and is written on the scale people quote: 1.2 against 1, 3, 5 for Sainte-Laguë,
 * against 1, 2, 3 for D'Hondt. It is kept as an exact fraction (1.2 = 6/5).
 */
import { StatsbidragError } from '../errors.js';
import type { DivisorFunction } from './divisor.js';
import type { Fraction } from './types.js';
import { defineDivisorMethod } from './method.js';

function checkFirst(first: Fraction, next: bigint, method: string): void {
  // Above the second divisor the sequence would no longer grow, and priorities would not fall.
  if (first.num <= 0n || first.den <= 0n || first.num > next * first.den) {
    throw new StatsbidragError(
      'invalid-first-divisor',
      `the first divisor for ${method} must be above 0 and at most ${next} (the second divisor)`,
      { field: '--first-divisor' },
      'usage',
    );
  }
}

/** D'Hondt: 1, 2, 3, … (first divisor a/b replaces the 1). */
export function dhondtDivisor(first: Fraction = { num: 1n, den: 1n }): DivisorFunction {
  checkFirst(first, 2n, 'dhondt');
  const { num: a, den: b } = first;
  return { power: 1, den: b, num: (s) => (s === 0n ? a : b * (s + 1n)) };
}

/** Sainte-Laguë: 1, 3, 5, … read as s + 1/2 (first divisor a/b on the 1, 3, 5 scale replaces the 1). */
export function sainteLagueDivisor(first: Fraction = { num: 1n, den: 1n }): DivisorFunction {
  checkFirst(first, 3n, 'sainte-lague');
  const { num: a, den: b } = first;
  return { power: 1, den: 2n * b, num: (s) => (s === 0n ? a : b * (2n * s + 1n)) };
}

/** Huntington-Hill (equal proportions): d(s)² = s(s + 1). */
export const huntingtonHillDivisor: DivisorFunction = { power: 2, den: 1n, num: (s) => s * (s + 1n) };

/** Adams (smallest divisors): d(s) = s. */
export const adamsDivisor: DivisorFunction = { power: 1, den: 1n, num: (s) => s };

export const dhondtMethod = defineDivisorMethod({ name: 'dhondt', modifiable: true, description: "D'Hondt/Jefferson: divisors 1, 2, 3, …" }, dhondtDivisor);
export const sainteLagueMethod = defineDivisorMethod(
  { name: 'sainte-lague', modifiable: true, description: 'Sainte-Laguë/Webster: divisors 1, 3, 5, … (modified with --first-divisor, e.g. 1.2)' },
  sainteLagueDivisor,
);
export const huntingtonHillMethod = defineDivisorMethod(
  { name: 'huntington-hill', description: 'Huntington-Hill/equal proportions: divisors √(s(s+1)); every positive row gets a unit first' },
  () => huntingtonHillDivisor,
);
export const adamsMethod = defineDivisorMethod({ name: 'adams', description: 'Adams/smallest divisors: divisors 0, 1, 2, …; every positive row gets a unit first' }, () => adamsDivisor);
