/**
 * Published real-world apportionments, reproduced exactly. Sources: tests/fixtures/apportion/SOURCES.md.
 *
 * - Riksdag 2018: https://en.wikipedia.org/wiki/2018_Swedish_general_election (infobox: national votes
 *   and seats), seats confirmed at val.se, "Tidigare valresultat"; modified Sainte-Laguë, first divisor 1.2.
 * - US House 2020: apportionment populations from github.com/dominicrutk/apportionment-calculator
 *   data/us2020.tsv at commit 19db95b1a837ed1566475303dc49c01d797bef1b; seats from U.S. Census Bureau,
 *   2020 Census Apportionment Results, Table 01; Huntington-Hill.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodByName } from '../../src/core/apportion/index.js';
import { Decimal } from '../../src/core/decimal.js';
import { split } from '../../src/core/split.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'apportion');

function table(file: string, delimiter: string): { name: string; weight: bigint; seats: number }[] {
  const [, ...lines] = readFileSync(join(FIXTURES, file), 'utf8').trim().split('\n');
  return lines.map((l) => {
    const [name, weight, seats] = l.split(delimiter);
    return { name: name!, weight: BigInt(weight!), seats: Number(seats) };
  });
}

describe('the 2018 Swedish Riksdag: 349 seats by modified Sainte-Laguë (first divisor 1.2)', () => {
  const parties = table('riksdag-2018.csv', ',');
  it('gives S 100, M 70, SD 62, C 31, V 28, KD 22, L 20, MP 16', () => {
    const r = methodByName('sainte-lague', { firstDivisor: { num: 6n, den: 5n } }).apportion({ weights: parties.map((p) => p.weight), units: 349n });
    expect(Object.fromEntries(parties.map((p, i) => [p.name, Number(r.units[i])]))).toEqual(Object.fromEntries(parties.map((p) => [p.name, p.seats])));
    expect(r.tiedRows).toEqual([]);
  });
  it('through split, with the first divisor given as the decimal 1.2', () => {
    const s = split({
      recipients: parties.map((p) => ({ id: p.name, weight: new Decimal(p.weight.toString()) })),
      amount: new Decimal(349),
      unit: new Decimal(1),
      method: 'sainte-lague',
      firstDivisor: new Decimal('1.2'),
    });
    expect(s.rows.map((r) => Number(r.amount.toFixed()))).toEqual(parties.map((p) => p.seats));
  });
  it("differs from D'Hondt on the same votes (which would give S 101 … MP 15)", () => {
    const r = methodByName('dhondt').apportion({ weights: parties.map((p) => p.weight), units: 349n });
    expect(r.units.map(Number)).toEqual([101, 71, 63, 30, 28, 22, 19, 15]);
  });
});

describe('the 2020 US House: 435 seats by Huntington-Hill', () => {
  const states = table('us-2020.tsv', '\t');
  it('reproduces Census Table 01 for all 50 states (CA 52, TX 38, FL 28, NY 26, … MT 2, WY 1)', () => {
    expect(states).toHaveLength(50);
    const r = methodByName('huntington-hill').apportion({ weights: states.map((s) => s.weight), units: 435n });
    expect(Object.fromEntries(states.map((s, i) => [s.name, Number(r.units[i])]))).toEqual(Object.fromEntries(states.map((s) => [s.name, s.seats])));
  });
});
