/**
 * The what-if report's pure parts: settings → allocate() options as the CLI reads them, the
 * command line and recipient list the page offers, the charts' ranking and distribution (exact),
 * and chart layout over a million values (no argument-list spread).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { Decimal } from '../../src/core/decimal.js';
import { distribution, rank } from '../../src/render/html/allocation.js';
import { largest, layoutBars, smallest } from '../../src/render/html/charts.js';
import { jsonInScript } from '../../src/render/html/allocation-page.js';
import { allocateOptions, commandArgs, EMPTY_SETTINGS, recipientsCsv, SettingError, whatIfAllocation, recipientsOf, type WhatIfData } from '../../src/render/html/whatif.js';
import { parse } from 'csv-parse/sync';

const parseCsvRecords = (text: string): string[][] => parse(text) as string[][];

const data = (over: Partial<WhatIfData> = {}): WhatIfData => ({
  locale: 'sv',
  ids: ['A', 'B, "the second"', 'C'],
  codes: null,
  weights: ['5', '3.5', '1'],
  floors: null,
  ceilings: null,
  programme: { id: 'p', name: 'P', agency: 'Agency', periods: [{ from: 2020, to: 2021, statedTotal: '1000000', amountSplit: '990000', unit: '1000', method: 'largest-remainder' }] },
  scenarioDefaults: {},
  settings: { ...EMPTY_SETTINGS },
  rest: 'error',
  args: [],
  scenario: false,
  scenarioName: null,
  source: { version: '0.0.0', programme: 'p', rules: null },
  explain: false,
  ...over,
});

describe('settings → allocate options, as the CLI reads its options', () => {
  it('reads amounts in the CLI\'s forms and leaves empty controls to the programme', () => {
    const o = allocateOptions(data(), { ...EMPTY_SETTINGS, total: '1,35 miljarder', admin: '2%', unit: '1 000', year: '2021' });
    expect(o.total!.toFixed()).toBe('1350000000');
    expect(o.admin).toEqual({ kind: 'percent', value: new Decimal(2) });
    expect(o.unit!.toFixed()).toBe('1000');
    expect(o.years).toEqual({ from: 2021, to: 2021 });
    expect(o.method).toBeUndefined();
    expect(allocateOptions(data(), { ...EMPTY_SETTINGS, year: 'all' }).years).toBeUndefined();
  });

  it.each([
    ['total', '0', /--total: must be greater than zero/],
    ['total', 'abc', /--total:/],
    ['unit', '-5', /--unit: must be greater than zero/],
    ['admin', '101%', /--admin: "101%" is more than 100 %/],
    ['admin', '-3', /--admin:/],
    ['floor', '-1', /--floor: must be zero or more/],
    ['year', '2027-2020', /--year:/],
  ] as const)('refuses %s = %j, naming the control', (control, value, message) => {
    const err = (() => {
      try {
        allocateOptions(data(), { ...EMPTY_SETTINGS, [control]: value });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(SettingError);
    expect((err as SettingError).control).toBe(control);
    expect((err as SettingError).message).toMatch(message);
  });

  it('a free split needs a total; a scenario\'s own options stand where a control is empty', () => {
    expect(() => allocateOptions(data({ programme: null }), EMPTY_SETTINGS)).toThrow(SettingError);
    const o = allocateOptions(data({ scenarioDefaults: { floor: '100000', year: '2020' } }), { ...EMPTY_SETTINGS, year: '2021' });
    expect(o.floor!.toFixed()).toBe('100000');
    expect(o.years).toEqual({ from: 2021, to: 2021 });
  });

  it('splits as core allocate() does, without the recipients left out', () => {
    const d = data();
    const recipients = recipientsOf(d);
    const a = whatIfAllocation(d, recipients, { ...EMPTY_SETTINGS, method: 'dhondt' }, new Set([1]));
    const direct = allocate([recipients[0]!, recipients[2]!], allocateOptions(d, { ...EMPTY_SETTINGS, method: 'dhondt' }));
    expect(a.periods[0]!.split.rows.map((r) => r.amount.toFixed())).toEqual(direct.periods[0]!.split.rows.map((r) => r.amount.toFixed()));
    expect(() => whatIfAllocation(d, recipients, EMPTY_SETTINGS, new Set([0, 1, 2]))).toThrow(SettingError);
  });
});

describe('the page\'s split on weights scaled once is split()\'s', () => {
  it('for any weights, method and recipients left out: the same amounts, ties and totals as core allocate()', () => {
    const methods = ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 3 })), { minLength: 2, maxLength: 30 }),
        fc.constantFrom(...methods),
        fc.integer({ min: 1, max: 500 }),
        fc.uniqueArray(fc.nat({ max: 29 }), { maxLength: 5 }),
        (weights, method, units, outList) => {
          const ws = weights.map(([w, dp]) => new Decimal(w).div(10 ** dp).toFixed());
          const d = data({ ids: ws.map((_, i) => `r${i}`), weights: ws, programme: null });
          const recipients = recipientsOf(d);
          const out = new Set(outList.filter((i) => i < ws.length));
          const settings = { ...EMPTY_SETTINGS, total: String(units * 1000), unit: '1000', method };
          const kept = recipients.filter((_, i) => !out.has(i));
          let expected: ReturnType<typeof allocate> | Error;
          try {
            expected = allocate(kept, allocateOptions(d, settings));
          } catch (e) {
            expected = e as Error;
          }
          if (expected instanceof Error) {
            expect(() => whatIfAllocation(d, recipients, settings, out)).toThrow(expected.message);
            return;
          }
          const got = whatIfAllocation(d, recipients, settings, out);
          const rows = (a: ReturnType<typeof allocate>) => a.periods[0]!.split.rows.map((r) => [r.recipient.id, r.amount.toFixed(), r.tied, r.share.toFixed(20)]);
          expect(rows(got)).toEqual(rows(expected));
          expect(got.totals.allocated.toFixed()).toBe(expected.totals.allocated.toFixed());
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the command line and the list the page offers', () => {
  it('writes the given controls after the data options, and names the programme with --total', () => {
    const d = data({ args: ['--data', 'x.csv', '--basis', 'w', '--rules', 'r.json'] });
    expect(commandArgs(d, { ...EMPTY_SETTINGS, method: 'sainte-lague', 'first-divisor': '1.2' }, false)).toEqual(['--data', 'x.csv', '--basis', 'w', '--rules', 'r.json', '--method', 'sainte-lague', '--first-divisor', '1.2']);
    expect(commandArgs(d, { ...EMPTY_SETTINGS, total: '5000' }, false)).toEqual(['--data', 'x.csv', '--basis', 'w', '--rules', 'r.json', '--programme', 'p', '--total', '5000']);
    // recipients left out: the page's own list replaces the data options, the rules stay
    expect(commandArgs(d, EMPTY_SETTINGS, true)).toEqual(['--rules', 'r.json', '--data', 'mottagare.csv', '--basis', 'weight', '--id', 'recipient']);
    // a scenario keeps its own recipients (it cannot take --data) and names its programme
    const scenario = data({ args: ['--scenario', 'what-if'], scenario: true });
    expect(commandArgs(scenario, { ...EMPTY_SETTINGS, total: '5000' }, true)).toEqual(['--scenario', 'what-if', '--total', '5000']);
  });

  it('the recipient list reads back as the kept names and weights, whatever the names hold', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }).filter((s) => s.trim() === s && !/[\r\n]/.test(s)), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 5 }), (ids, drop) => {
        const d = data({ ids, weights: ids.map((_, i) => String(i + 1)) });
        const out = new Set([drop % ids.length]);
        const records = parseCsvRecords(recipientsCsv(d, out));
        expect(records[0]).toEqual(['recipient', 'weight']);
        expect(records.slice(1)).toEqual(ids.flatMap((id, i) => (out.has(i) ? [] : [[id, String(i + 1)]])));
      }),
    );
  });

  it('keeps data JSON inside its script element: no "<" survives, and it parses back', () => {
    const value = { ids: ['</script><script>alert(1)</script>', '<!--', '\u2028'] };
    const text = jsonInScript(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('the charts of a long list', () => {
  it('ranks by amount, largest first, input order among equals, exactly where doubles cannot tell amounts apart', () => {
    const amounts = ['9007199254740993', '9007199254740992', '5', '9007199254740993', '0.01'].map((s) => new Decimal(s));
    const { order } = rank((k) => amounts[k]!, amounts.length, 2);
    expect([...order]).toEqual([0, 3, 1, 2, 4]);
  });

  it('counts every amount once in the distribution, each inside its exact band', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 15 }), (units, bins) => {
        const amounts = units.map((u) => new Decimal(u.toString()).times('1000'));
        const ranked = rank((k) => amounts[k]!, amounts.length, 0);
        const bands = distribution((k) => amounts[k]!, ranked, bins);
        expect(bands.reduce((s, b) => s + b.count, 0)).toBe(amounts.length);
        for (const [i, b] of bands.entries()) {
          const inside = amounts.filter((d) => d.gte(b.from) && (i === bands.length - 1 ? d.lte(b.to) : d.lt(b.to))).length;
          expect(b.count).toBe(inside);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lays out a million values without spreading them into one call', () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => (i % 1000) - 10);
    expect(largest(values)).toBe(989);
    expect(smallest(values)).toBe(-10);
    expect(largest([], 7)).toBe(7);
    const layout = layoutBars(Array.from(values.subarray(0, 1000)), { labelWidth: 100, valueWidth: 60 });
    expect(layout.bars).toHaveLength(1000);
    expect(layout.bars[10]!.width).toBe(0);
  });
});
