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

  it('priority ranks and approves: one that does not fit is refused and a lower-ranked request that fits is approved', () => {
    const apps = [app('low', 'kommun', 300_000, undefined, 1), app('high', 'kommun', 300_000, undefined, 9), app('mid', 'stiftelse', 400_000, undefined, 5), app('small', 'kommun', 50_000, undefined, 0)];
    const r = award(apps, { ...base, budget: () => D(700_000), rationing: 'priority' });
    // high (300) fits, mid (400) fits exactly, low (300) does not fit in 0 ... budget 700: high 300 + mid 400 = 700
    expect(r.rows.map((x) => x.total.toFixed())).toEqual(['0', '300000', '400000', '0']);
    const r2 = award(apps, { ...base, budget: () => D(650_000), rationing: 'priority' });
    // mid (400) does not fit after high (300): refused; low (300) fits in the 350 left; small (50) fits in the 50 left
    expect(r2.rows.map((x) => x.total.toFixed())).toEqual(['300000', '300000', '0', '50000']);
    expect(r2.rows.map((x) => x.status)).toEqual(['funded', 'funded', 'not-funded', 'funded']);
    expect(r2.rows[2]!.rank).toBe(2);
    expect(r2.rows[2]!.reasons).toEqual([{ kind: 'did-not-fit', year: 2018, call: 2018, pool: 'call', left: D(350_000) }]);
    expect(r2.years[0]!.leftover.toFixed()).toBe('0');
    const partial = award(apps, { ...base, budget: () => D(650_000), rationing: 'priority', partial: true });
    expect(partial.rows.map((x) => x.total.toFixed())).toEqual(['0', '300000', '350000', '0']);
    expect(partial.rows[2]!.status).toBe('reduced');
  });

  it('a request that does not fit is told the money left, the part of the budget below one award unit included', () => {
    // 4 990 kr in units of 1 000: 5 000 does not fit in the 4 990 left; 3 000 does; 2 000 does not fit in the 1 990 left.
    const apps = [app('a', 'kommun', 5000, 5000, 9), app('b', 'kommun', 3000, 3000, 8), app('c', 'kommun', 2000, 2000, 7)];
    const r = award(apps, { ...base, budget: () => D(4990), rationing: 'priority' });
    expect(r.rows.map((x) => x.total.toFixed())).toEqual(['0', '3000', '0']);
    expect(r.rows.map((x) => x.reasons?.map((m) => (m.kind === 'did-not-fit' ? m.left.toFixed() : m.kind)))).toEqual([['4990'], undefined, ['1990']]);
    expect(r.years[0]!.leftover.toFixed()).toBe('1990');
  });

  it('priority without any scores ranks by the file order, and says so', () => {
    const apps = [app('first', 'kommun', 600_000), app('second', 'kommun', 500_000), app('third', 'kommun', 300_000)];
    const r = award(apps, { ...base, budget: () => D(900_000), rationing: 'priority' });
    expect(r.rankedBy).toBe('file-order');
    expect(r.rows.map((x) => x.total.toFixed())).toEqual(['600000', '0', '300000']);
    expect(r.rows.some((x) => x.tied)).toBe(false);
  });

  it('equal scores: the earlier line ranks first, and the tie is marked when it decided', () => {
    const apps = [app('A', 'kommun', 300_000, undefined, 5), app('B', 'kommun', 300_000, undefined, 5)];
    const r = award(apps, { ...base, budget: () => D(400_000), rationing: 'priority' });
    expect(r.rows.map((x) => [x.total.toFixed(), x.tied])).toEqual([['300000', true], ['0', true]]);
  });

  it('the cost share always applies: 100 % when the rules give none, so no award exceeds the cost', () => {
    const r = award([app('A', 'kommun', 400_000, 200_000)], { ...base, budget: () => D(1_000_000), rationing: 'priority' });
    expect(r.maxCostShare.toFixed()).toBe('100');
    expect(r.costShareDefault).toBe(true);
    expect(r.rows[0]!.total.toFixed()).toBe('200000');
    expect(r.rows[0]!.capBy).toBe('cost-share');
  });

  it('a cap smaller than the award unit is not silently 0: the reason says why', () => {
    const r = award([app('A', 'kommun', 900_000, 1_000_000)], { ...base, unit: D(1_000_000), budget: () => D(5_000_000), rationing: 'priority' });
    expect(r.rows[0]!.status).toBe('not-funded');
    expect(r.rows[0]!.reasons).toContainEqual({ kind: 'below-unit', cap: D(900_000), unit: D(1_000_000) });
    expect(reasonText(r.rows[0]!)).toMatch(/less than the award unit 1,000,000 kr/);
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

  it('multi-year decisions: one decision, the same amount each year, counted against each year; more than three years is rejected', () => {
    const apps = [app('A', 'kommun', 100_000, 200_000, undefined, [2021, 2023]), app('B', 'kommun', 100_000, 200_000, undefined, [2021, 2021]), app('C', 'kommun', 1, 2, undefined, [2021, 2024])];
    const r = award(apps, { ...base, callYears: { from: 2021, to: 2021 }, budget: () => D(150_000), rationing: 'priority' });
    expect(r.rows[0]!.perYear.map((p) => [p.year, p.amount.toFixed()])).toEqual([
      [2021, '100000'],
      [2022, '100000'],
      [2023, '100000'],
    ]);
    expect(r.rows[0]!.total.toFixed()).toBe('300000');
    expect(r.rows[1]!.status).toBe('not-funded');
    expect(reasonText(r.rows[2]!)).toMatch(/4 years \(2021–2024\); at most 3/);
    // Proportional (an explicit choice): each year's budget rationed, the decision gets the least of its shares.
    const p = award(apps, { ...base, callYears: { from: 2021, to: 2021 }, budget: () => D(150_000), rationing: 'proportional' });
    expect(p.rows[0]!.perYear.map((x) => x.amount.toFixed())).toEqual(['75000', '75000', '75000']);
    const noMoney = award([app('A', 'kommun', 1000, 2000, undefined, [2030, 2030])], { ...base, budget: (y) => (y < 2025 ? D(1) : undefined), rationing: 'proportional' });
    expect(reasonText(noMoney.rows[0]!)).toBe('no budget for 2030');
  });

  it('calls: commitments against later years, an ordinance limit, and a year with no new awards', () => {
    const calls = (y: number) =>
      y === 2021
        ? { amount: D(1_000_000), byOrdinance: [{ ordinance: 'SFS 2018:118', amount: D(400_000) }], commitments: [{ year: 2022, amount: D(150_000) }] }
        : y === 2022
          ? { amount: D(0) }
          : undefined;
    const apps = [
      app('K1', 'kommun', 300_000, 1_000_000, undefined, [2021, 2021]),
      app('K2', 'kommun', 200_000, 1_000_000, undefined, [2021, 2021]), // 300 + 200 > 400: over the 2018:118 limit
      app('F1', 'stiftelse', 100_000, 1_000_000, undefined, [2021, 2022]), // 100 in 2022 within the 150 committed
      app('F2', 'stiftelse', 100_000, 1_000_000, undefined, [2021, 2022]), // 100 more in 2022 does not fit: all or nothing
      app('F3', 'stiftelse', 50_000, 1_000_000, undefined, [2022, 2022]), // no new awards in 2022
    ];
    const r = award(apps, { ...base, calls, callYears: { from: 2021, to: 2021 }, rationing: 'priority' });
    expect(r.rows.map((x) => x.status)).toEqual(['funded', 'not-funded', 'funded', 'not-funded', 'rejected']);
    expect(r.rows[1]!.reasons).toEqual([{ kind: 'did-not-fit', year: 2021, call: 2021, pool: 'ordinance', ordinance: 'SFS 2018:118', left: D(100_000) }]);
    expect(r.rows[3]!.reasons).toEqual([{ kind: 'did-not-fit', year: 2022, call: 2021, pool: 'commitment', left: D(50_000) }]);
    expect(r.rows[3]!.perYear.map((x) => x.amount.toFixed())).toEqual(['0', '0']);
    expect(r.rows[4]!.reasons).toEqual([{ kind: 'no-new-awards', year: 2022 }]);
    expect(r.pools.map((p) => [p.kind, p.year, p.budget.toFixed(), p.awarded.toFixed()])).toEqual([
      ['call', 2021, '1000000', '400000'],
      ['ordinance', 2021, '400000', '300000'],
      ['commitment', 2022, '150000', '100000'],
    ]);
    expect(r.years.map((y) => [y.year, y.budget.toFixed(), y.awarded.toFixed()])).toEqual([
      [2021, '1000000', '400000'],
      [2022, '150000', '100000'],
    ]);
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

  it('one applicant twice for the same years is refused, its key made from the bytes or from the text alike', () => {
    const read = (rows: string): unknown => applicationsFromTable(tableFromText(`applicant,type,requested,cost,years\n${rows}`, 'a.csv'));
    // Both keyed from their bytes: Swedish letters and spaces folded as recipientKey() folds them.
    expect(() => read('Förening Å,kommun,1,1,2019\nFÖRENING  å ,kommun,1,1,2019\n')).toThrow(/lines 2 and 3: "Förening Å" and "FÖRENING {2}å" are the same applicant for 2019/);
    // "Straße" is keyed from its text (ß is not folded byte by byte), "STRASSE" from its bytes: one key.
    expect(() => read('Straße,kommun,1,1,2019\nX,kommun,1,1,2019\nSTRASSE,kommun,1,1,2019\n')).toThrow(/lines 2 and 4: "Straße" and "STRASSE" are the same applicant/);
    // A no-break space is keyed from the text (as a space), the other name from its bytes.
    expect(() => read('Ö\u00a0A,kommun,1,1,2019\nö a,kommun,1,1,2019\n')).toThrow(/lines 2 and 3: "Ö\\u00a0A" and "ö a" are the same applicant/);
    // Other years, or another name: no repeat.
    expect(read('Förening Å,kommun,1,1,2019\nFÖRENING Å,kommun,1,1,2020\nFörening Ä,kommun,1,1,2019\n')).toHaveLength(3);
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
