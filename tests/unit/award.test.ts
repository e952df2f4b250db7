import { describe, expect, it } from 'vitest';
import { award, canonicalType, ration, type Application, type AwardRules } from '../../src/core/award.js';
import { Decimal } from '../../src/core/decimal.js';
import { applicationsFromTable } from '../../src/io/applications.js';
import { tableFromText } from '../../src/io/table.js';
import { loadApplications } from '../../src/io/applications.js';
import { loadRules } from '../../src/io/load.js';
import { reasonText } from '../../src/render/award.js';
import { resolve } from 'node:path';

const D = (s: string | number) => new Decimal(s);
const rules: AwardRules = {
  ordinances: [
    { ref: 'SFS 2018:118', admits: ['kommun', 'region', 'kommunalförbund'], source: 't' },
    { ref: 'SFS 2018:119', admits: ['ideell förening', 'stiftelse'], source: 't' },
  ],
  maxDecisionYears: { value: 3, source: 't' },
};
const app = (applicant: string, type: string, requested: number, cost = requested * 2, priority?: number, years?: [number, number]): Application => ({
  applicant,
  type,
  requested: D(requested),
  cost: D(cost),
  ...(priority !== undefined ? { priority: D(priority) } : {}),
  ...(years ? { years: { from: years[0], to: years[1] } } : {}),
});
const base = { rules, callYears: { from: 2018, to: 2018 }, unit: D(1000) };

describe('award', () => {
  it('rejects organisation types the ordinances do not admit, with the reason', () => {
    const r = award([app('Kommun X', 'Kommun', 100_000), app('Bolaget AB', 'aktiebolag', 100_000), app('Landstinget', 'landsting', 50_000)], {
      ...base,
      budget: () => D(1_000_000),
      rationing: 'proportional',
    });
    expect(r.rows.map((x) => x.status)).toEqual(['funded', 'rejected', 'funded']);
    expect(reasonText(r.rows[1]!)).toMatch(/"aktiebolag" is not admitted \(SFS 2018:118 admits kommun, region, kommunalförbund; SFS 2018:119 admits ideell förening, stiftelse\)/);
    expect(r.rows[2]!.ordinance).toBe('SFS 2018:118');
    expect(r.totals.rejected).toBe(1);
  });

  it('caps requests at the ceiling and at the cost share, rounded down to the unit', () => {
    const r = award([app('A', 'kommun', 500_000, 1_000_000), app('B', 'kommun', 200_000, 210_000), app('C', 'kommun', 123_456, 1_000_000)], {
      ...base,
      budget: () => D(10_000_000),
      rationing: 'proportional',
      ceiling: D(300_000),
      maxCostShare: D(90),
    });
    expect(r.rows.map((x) => [x.cap!.toFixed(), x.capBy])).toEqual([
      ['300000', 'ceiling'],
      ['189000', 'cost-share'],
      ['123000', 'request'],
    ]);
    expect(r.years[0]!.leftover.toFixed()).toBe(String(10_000_000 - 300_000 - 189_000 - 123_000));
  });

  it('priority funds the highest scores in full and stops at the first that does not fit; the rest is reported', () => {
    const apps = [app('low', 'kommun', 300_000, undefined, 1), app('high', 'kommun', 300_000, undefined, 9), app('mid', 'stiftelse', 300_000, undefined, 5), app('small', 'kommun', 50_000, undefined, 0)];
    const r = award(apps, { ...base, budget: () => D(700_000), rationing: 'priority' });
    expect(r.rows.map((x) => x.total.toFixed())).toEqual(['0', '300000', '300000', '0']);
    // "small" would fit in what is left, but a lower score is never funded after a higher one goes without
    expect(r.years[0]!.leftover.toFixed()).toBe('100000');
    const partial = award(apps, { ...base, budget: () => D(700_000), rationing: 'priority', partial: true });
    expect(partial.rows.map((x) => x.total.toFixed())).toEqual(['100000', '300000', '300000', '0']);
    expect(partial.rows[0]!.status).toBe('reduced');
  });

  it('priority needs a score for every admitted application', () => {
    expect(() => award([app('A', 'kommun', 1000, 2000, 1), app('B', 'kommun', 1000)], { ...base, budget: () => D(1000), rationing: 'priority' })).toThrow(/no priority score/);
  });

  it('proportional and equal-awards spend a rationed budget exactly', () => {
    const apps = [app('A', 'kommun', 298_000), app('B', 'kommun', 300_000), app('C', 'kommun', 100_000)];
    const p = award(apps, { ...base, budget: () => D(500_000), rationing: 'proportional' });
    expect(p.rows.map((x) => x.total.toFixed())).toEqual(['213000', '215000', '72000']);
    const e = award(apps, { ...base, budget: () => D(500_000), rationing: 'equal-awards' });
    expect(e.rows.map((x) => x.total.toFixed())).toEqual(['200000', '200000', '100000']);
    expect(e.years[0]!.level!.toFixed()).toBe('200000');
    for (const r of [p, e]) expect(r.totals.awarded.toFixed()).toBe('500000');
  });

  it('equal-awards hands the last units to the larger requests', () => {
    expect(ration({ caps: [10n, 10n, 3n], budget: 18n, rationing: 'equal-awards' }).awards).toEqual([8n, 7n, 3n]);
    expect(ration({ caps: [5n, 10n, 3n], budget: 12n, rationing: 'equal-awards' }).awards).toEqual([4n, 5n, 3n]);
  });

  it('multi-year decisions: one amount per year, each year rationed on its own; more than three years is rejected', () => {
    const apps = [app('A', 'kommun', 100_000, 200_000, undefined, [2021, 2023]), app('B', 'kommun', 100_000, 200_000, undefined, [2021, 2021]), app('C', 'kommun', 1, 2, undefined, [2021, 2024])];
    const r = award(apps, { ...base, callYears: { from: 2021, to: 2021 }, budget: () => D(150_000), rationing: 'proportional' });
    expect(r.rows[0]!.perYear.map((p) => [p.year, p.amount.toFixed()])).toEqual([
      [2021, '75000'],
      [2022, '100000'],
      [2023, '100000'],
    ]);
    expect(r.rows[0]!.total.toFixed()).toBe('275000');
    expect(reasonText(r.rows[2]!)).toMatch(/4 years \(2021–2024\); at most 3/);
    const noMoney = award([app('A', 'kommun', 1000, 2000, undefined, [2030, 2030])], { ...base, budget: (y) => (y < 2025 ? D(1) : undefined), rationing: 'proportional' });
    expect(reasonText(noMoney.rows[0]!)).toBe('no budget for 2030');
  });

  it('organisation types are recognised in Swedish and English', () => {
    expect(['Landsting', 'Förening', 'Insamlingsstiftelse', 'municipality', ' Kommunalförbund '].map(canonicalType)).toEqual([
      'region',
      'ideell förening',
      'stiftelse',
      'kommun',
      'kommunalförbund',
    ]);
  });
});

describe('applications file', () => {
  it('reads Swedish headers and amounts, and names the line and column of a bad cell', () => {
    const ok = applicationsFromTable(tableFromText('Sökande;Typ;Sökt belopp;Kostnad;Prioritet\nGävle kommun;kommun;300 tkr;"400 000";3\n', 'a.csv'));
    expect(ok[0]).toMatchObject({ applicant: 'Gävle kommun', type: 'kommun', line: 2 });
    expect(ok[0]!.requested.toFixed()).toBe('300000');
    expect(() => applicationsFromTable(tableFromText('applicant,type,requested,cost\nA,kommun,lots,1\n', 'a.csv'))).toThrow(/"lots" is not an amount/);
    try {
      applicationsFromTable(tableFromText('applicant,type,requested\nA,kommun,1\n', 'a.csv'));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/no "cost" column/);
    }
  });

  it('the Gävleborg example with a 300 000 kr ceiling and a 1 788 tkr budget reproduces the seed-002 awards', async () => {
    const { rules: all } = await loadRules();
    const delmos = all.programmes.find((p) => p.id === 'delmos')!;
    const apps = await loadApplications(resolve(import.meta.dirname, '..', '..', 'data', 'examples', 'gavleborg-applications.csv'));
    const r = award(apps, { rules: delmos.awards!, budget: () => D('1788000'), callYears: { from: 2018, to: 2018 }, unit: D(1000), rationing: 'priority', ceiling: D(300_000) });
    expect(r.rows.map((x) => [x.application.applicant, x.total.div(1000).toFixed()])).toEqual([
      ['Hälsinglands utbildningsförbund', '298'],
      ['Bollnäs kommun', '300'],
      ['Gumpels Förening', '300'],
      ['Gävle kommun', '300'],
      ['Hyresgästföreningen Aros Gävle', '300'],
      ['Insamlingsstiftelsen Rapatac', '290'],
    ]);
    expect(r.rows.map((x) => x.ordinance)).toEqual(['SFS 2018:118', 'SFS 2018:118', 'SFS 2018:119', 'SFS 2018:118', 'SFS 2018:119', 'SFS 2018:119']);
  });
});
