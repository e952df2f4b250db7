import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { compare, noDifferences } from '../../src/core/compare.js';
import { Decimal } from '../../src/core/decimal.js';
import type { Programme } from '../../src/core/programme.js';
import { applyScenario, baselineScenario, type Scenario } from '../../src/core/scenario.js';
import type { Recipient } from '../../src/core/split.js';
import { loadRecipients, loadRules } from '../../src/io/load.js';
import { scenarioFromJson } from '../../src/io/scenario-schema.js';
import { resolve } from 'node:path';

const D = (s: string | number) => new Decimal(s);
const sourced = <T>(value: T) => ({ value, source: 'test' });

/** One period, split exactly (largest remainder, unit 1), so proportions are easy to check. */
const programme: Programme = {
  id: 'p',
  name: 'Test',
  agency: 'Test',
  legalBasis: [],
  periods: [
    { years: { from: 2020, to: 2020 }, statedTotal: sourced(D(1_000_000)), includesAdmin: false, amountSplit: sourced(D(1_000_000)), unit: sourced(D(1)), method: sourced('largest-remainder') },
    { years: { from: 2021, to: 2023 }, statedTotal: sourced(D(3_000_000)), includesAdmin: false, amountSplit: sourced(D(3_000_000)), unit: sourced(D(1)), method: sourced('largest-remainder') },
  ],
};
const recipients: Recipient[] = [
  { id: 'A', code: '01', weight: D(500) },
  { id: 'B', code: '02', weight: D(300) },
  { id: 'C', code: '03', weight: D(150) },
  { id: 'D', code: '04', weight: D(50) },
];

const scenario = (changes: Partial<Scenario>): Scenario => ({ ...baselineScenario('p'), name: 's', ...changes });
const run = (s: Scenario) => {
  const applied = applyScenario(programme, recipients, s);
  return allocate(applied.recipients, applied.options);
};
const amounts = (a: ReturnType<typeof run>, period = 0) => Object.fromEntries(a.periods[period]!.split.rows.map((r) => [r.recipient.id, r.amount]));

describe('scenarios', () => {
  it('removing one municipality hands its share to the rest pro rata, and the totals still match', () => {
    const base = run(scenario({}));
    const without = run(scenario({ recipients: { remove: ['D'], add: [], change: [] } }));
    for (const p of [0, 1]) {
      expect(without.periods[p]!.split.allocated.eq(base.periods[p]!.split.allocated)).toBe(true);
      const before = amounts(base, p);
      const after = amounts(without, p);
      expect(after['D']).toBeUndefined();
      // each remaining amount grows by the factor W / (W − w_D) = 1000 / 950, to within one unit
      for (const id of ['A', 'B', 'C']) {
        const expected = before[id]!.times(1000).div(950);
        expect(after[id]!.minus(expected).abs().lte(1)).toBe(true);
      }
    }
    expect(amounts(without)['A']!.toFixed()).toBe('526316');
  });

  it('removing by municipality code works too', () => {
    const a = run(scenario({ recipients: { remove: ['04'], add: [], change: [] } }));
    expect(a.recipients.map((r) => r.id)).toEqual(['A', 'B', 'C']);
  });

  it('adding one lowers everyone else in proportion, and the totals still match', () => {
    const base = run(scenario({}));
    const more = run(scenario({ recipients: { remove: [], add: [{ id: 'E', basis: D(250) }], change: [] } }));
    const before = amounts(base);
    const after = amounts(more);
    expect(more.periods[0]!.split.allocated.eq(base.periods[0]!.split.allocated)).toBe(true);
    for (const id of ['A', 'B', 'C', 'D']) {
      expect(after[id]!.lt(before[id]!)).toBe(true);
      const expected = before[id]!.times(1000).div(1250);
      expect(after[id]!.minus(expected).abs().lte(1)).toBe(true);
    }
    expect(after['E']!.toFixed()).toBe('200000');
  });

  it('changing a basis, a total for one year of a range, admin and unit', () => {
    const a = run(
      scenario({
        recipients: { remove: [], add: [], change: [{ id: 'A', basis: D(0) }] },
        periods: [{ years: { from: 2022, to: 2022 }, total: D(900_000), admin: { kind: 'percent', value: D(10) }, unit: D(1000) }],
      }),
    );
    expect(a.periods.map((p) => p.label)).toEqual(['2020', '2021', '2022', '2023']);
    expect(amounts(a, 0)['A']!.isZero()).toBe(true);
    const y2022 = a.periods[2]!;
    expect(y2022.statedTotal.toFixed()).toBe('900000');
    expect(y2022.admin.toFixed()).toBe('90000');
    expect(y2022.split.allocated.toFixed()).toBe('810000');
    expect(y2022.split.unit.toFixed()).toBe('1000');
    // the years around keep the rules' figures
    expect(a.periods[1]!.split.allocated.toFixed()).toBe('3000000');
    expect(a.periods[3]!.split.allocated.toFixed()).toBe('3000000');
  });

  it('years outside every period need a total, and then become new periods', () => {
    expect(() => run(scenario({ periods: [{ years: { from: 2024, to: 2025 } }] }))).toThrow(/no money for 2024–2025/);
    const a = run(scenario({ periods: [{ years: { from: 2024, to: 2025 }, total: D(100) }] }));
    expect(a.periods.at(-1)!.label).toBe('2024–2025');
    expect(a.totals.allocated.toFixed()).toBe(String(1_000_000 + 3 * 3_000_000 + 2 * 100));
  });

  it('errors name the JSON path of the entry at fault', () => {
    try {
      run(scenario({ recipients: { remove: ['A', 'Nowhere'], add: [], change: [] } }));
      expect.unreachable();
    } catch (e) {
      expect((e as { location: { path: string } }).location.path).toBe('recipients.remove[1]');
    }
    expect(() => run(scenario({ recipients: { remove: [], add: [{ id: 'B', basis: D(1) }], change: [] } }))).toThrow(/already a recipient/);
  });

  it('a recipient changed twice, under any spelling, is refused: the second change would silently replace the first', () => {
    const twice = (second: string) => () => run(scenario({ recipients: { remove: [], add: [], change: [{ id: 'A', basis: D(4) }, { id: second, basis: D(2) }] } }));
    for (const spelling of ['A', ' a ']) {
      expect(twice(spelling)).toThrow(/"[^"]*" is changed twice \(recipients\.change\[0\] changes "A"/);
      try {
        twice(spelling)();
      } catch (e) {
        expect((e as { code: string; location: { path: string } }).code).toBe('duplicate-change');
        expect((e as { location: { path: string } }).location.path).toBe('recipients.change[1].id');
      }
    }
    // Two different recipients, one change each: as before.
    expect(() => run(scenario({ recipients: { remove: [], add: [], change: [{ id: 'A', basis: D(4) }, { id: 'B', basis: D(2) }] } }))).not.toThrow();
  });

  it('the schema names the path inside the file: recipients.add[2].basis', () => {
    const json = {
      version: 1,
      name: 'x',
      recipients: { add: [{ id: 'E', basis: '1' }, { id: 'F', basis: '2' }, { id: 'G', basis: 'many' }] },
    };
    expect(() => scenarioFromJson(json, 'x.json')).toThrow(/is not an amount/);
    try {
      scenarioFromJson(json, 'x.json');
    } catch (e) {
      expect((e as { location: { path: string; file: string } }).location).toMatchObject({ file: 'x.json', path: 'recipients.add[2].basis' });
    }
    expect(() => scenarioFromJson({ version: 1, name: 'x', periods: [{ years: '2020-2022' }, { years: '2022' }] }, 'x.json')).toThrow(/overlaps periods\[0\]/);
    expect(() => scenarioFromJson({ version: 1, name: 'x', method: 'coin-toss' }, 'x.json')).toThrow(/unknown method/);
    expect(() => scenarioFromJson({ version: 1, name: 'x', typo: 1 }, 'x.json')).toThrow();
  });

  it('compare of a scenario with itself shows no differences', () => {
    const s = scenario({ recipients: { remove: ['C'], add: [{ id: 'E', basis: D(77) }], change: [] } });
    const c = compare({ label: 'x', allocation: run(s) }, { label: 'x', allocation: run(s) });
    expect(noDifferences(c)).toBe(true);
    for (const r of c.rows) {
      expect(r.status).toBe('both');
      for (const cell of [...r.years, r.total]) expect(cell.difference!.isZero()).toBe(true);
    }
    expect(c.total.difference!.isZero()).toBe(true);
  });
});

describe('bundled scenarios', () => {
  it('actual: 410, 425 and 160 MSEK for 2019–2021, each split exactly among the 32', async () => {
    const { rules, dir } = await loadRules();
    const tvv = rules.programmes.find((p) => p.id === 'tillvaxtverket')!;
    const list = await loadRecipients(resolve(dir, tvv.recipients!.file), { id: 'Kommun', basis: 'Belopp 2018', code: 'Kommunkod' });
    const { readFileSync } = await import('node:fs');
    const file = resolve(dir, 'scenarios', 'actual.json');
    const actual = scenarioFromJson(JSON.parse(readFileSync(file, 'utf8')), file);
    const applied = applyScenario(tvv, list, actual);
    const a = allocate(applied.recipients, applied.options);
    expect(a.periods.map((p) => [p.label, p.split.allocated.toFixed(), p.admin.toFixed()])).toEqual([
      ['2019', '410000000', '0'],
      ['2020', '425000000', '0'],
      ['2021', '160000000', '0'],
    ]);
    expect(a.recipients).toHaveLength(32);
  });
});
