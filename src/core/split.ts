/**
 * Splitting an amount among recipients in proportion to their weights, in whole units of a
 * rounding unit, with the method the caller names. Amounts stay exact: weights, the amount
 * and the unit are scaled to integers and the method works on bigints.
 */
import { methodByName } from './apportion/index.js';
import { sumOf } from './apportion/types.js';
import { Decimal, decimalsOf, fromBigInt, toBigInt } from './decimal.js';
import { StatsbidragError } from './errors.js';

export interface Recipient {
  id: string;
  code?: string;
  weight: Decimal;
  /** Line in the input file, for error messages. */
  line?: number;
}

/** What to do with money that is not a whole number of units. */
export type RestPolicy = 'error' | 'leave';

export interface SplitRequest {
  recipients: readonly Recipient[];
  /** Money being split. */
  amount: Decimal;
  /** Rounding unit: 0.01, 1, 1000, 1000000 or any positive amount. */
  unit: Decimal;
  method: string;
  /** Default "error": a total that is not a whole number of units is refused. */
  rest?: RestPolicy;
}

export interface SplitRow {
  recipient: Recipient;
  /** weight / total weight. */
  share: Decimal;
  /** share × amount, unrounded (to 60 significant digits). */
  quota: Decimal;
  amount: Decimal;
  /** The tie-break rule decided this row's last unit. */
  tied: boolean;
}

export interface Split {
  rows: SplitRow[];
  method: string;
  unit: Decimal;
  /** Decimals needed to write every amount (those of the unit). */
  decimals: number;
  /** Money being split. */
  amount: Decimal;
  /** Sum of the rounded amounts. */
  allocated: Decimal;
  /** amount − allocated: what rounding each row on its own (or an unsplittable rest) leaves. */
  residual: Decimal;
}

/** Scale decimals by 10^k so all become integers; returns the bigints. */
function toIntegers(values: readonly Decimal[], decimals: number): bigint[] {
  const scale = new Decimal(10).pow(decimals);
  return values.map((v) => toBigInt(v.times(scale)));
}

export function split(request: SplitRequest): Split {
  const { recipients, amount, unit } = request;
  const method = methodByName(request.method);
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
  if (amount.isNegative()) throw new StatsbidragError('negative-total', `the amount to split is negative (${amount.toFixed()})`, {}, 'usage');
  if (recipients.length === 0) throw new StatsbidragError('no-recipients', 'there are no recipients to split among');
  for (const r of recipients) {
    if (r.weight.isNegative()) {
      throw new StatsbidragError('negative-weight', `the weight of "${r.id}" is negative`, r.line === undefined ? {} : { line: r.line });
    }
  }

  const unitsExact = amount.div(unit);
  let wholeUnits = unitsExact.floor();
  if (!unitsExact.isInteger() && (request.rest ?? 'error') === 'error') {
    throw new StatsbidragError(
      'total-not-multiple-of-unit',
      `${amount.toFixed()} is not a whole number of units of ${unit.toFixed()} (${wholeUnits.times(unit).toFixed()} would be, leaving ${amount.minus(
        wholeUnits.times(unit),
      ).toFixed()}); change the unit or the total, or let the rest stay unsplit`,
      {},
      'usage',
    );
  }
  if (wholeUnits.isNegative()) wholeUnits = new Decimal(0);

  const weightDecimals = Math.max(0, ...recipients.map((r) => decimalsOf(r.weight)));
  const weights = toIntegers(
    recipients.map((r) => r.weight),
    weightDecimals,
  );
  const totalWeight = sumOf(weights);
  if (totalWeight === 0n) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const result = method.apportion({ weights, units: toBigInt(wholeUnits) });

  const tied = new Set(result.tiedRows);
  const totalWeightD = fromBigInt(totalWeight);
  let allocatedUnits = 0n;
  const rows = recipients.map((recipient, i) => {
    const u = result.units[i]!;
    allocatedUnits += u;
    const share = fromBigInt(weights[i]!).div(totalWeightD);
    return {
      recipient,
      share,
      quota: fromBigInt(weights[i]!).times(amount).div(totalWeightD),
      amount: fromBigInt(u).times(unit),
      tied: tied.has(i),
    };
  });
  const allocated = fromBigInt(allocatedUnits).times(unit);
  return {
    rows,
    method: method.name,
    unit,
    decimals: decimalsOf(unit),
    amount,
    allocated,
    residual: amount.minus(allocated),
  };
}
