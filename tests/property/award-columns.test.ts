/**
 * award on columns (issue 20) against the row-object award it replaced (award-oracle/, frozen; not
 * the product). For random applications and every option award takes — budgets (a year's call, an
 * ordinance's limit within it, commitments against later years, a year with 0 kr, a year without
 * money), ceilings, cost shares, units that do and do not divide the amounts, decision years and
 * their most, priorities with ties, decimals, negatives and none, every rationing, --partial, zero
 * and huge amounts — the result is the same: every row (status, cap, what capped it, rank, tie,
 * award per year, reasons), every budget, year and total, or the same error; and the CSV records
 * written from the columns are the records the old writer wrote from the oracle's rows. And for
 * random applications files (English and Swedish headers, amounts in every form, empty, bad and
 * negative cells, duplicate applicants, total rows by word and by sum, years and bad years) the
 * columnar reader gives the same applications, notes and errors as the row reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { award, type Application, type AwardOptions, type CallBudget, type Rationing } from '../../src/core/award.js';
import { Decimal } from '../../src/core/decimal.js';
import { applicationsFromTable } from '../../src/io/applications.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromText } from '../../src/io/table.js';
import { awardRecords } from '../../src/render/award.js';
import { award as oracleAward } from './award-oracle/award.js';
import { applicationsFromTable as oracleApplicationsFromTable } from './award-oracle/applications.js';
import { awardRecords as oracleRecords } from './award-oracle/records.js';

/** Plain data: Decimals as "D:" and their exact text, undefined keys dropped, class instances as their fields. */
function plain(x: unknown): unknown {
  if (Decimal.isDecimal(x)) return `D:${(x as Decimal).toFixed()}${(x as Decimal).isNegative() && (x as Decimal).isZero() ? '-' : ''}`;
  if (Array.isArray(x)) return x.map(plain);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined && typeof v !== 'function') out[k] = plain(v);
    return out;
  }
  return x;
}

function outcome<T>(run: () => T): { ok: T } | { error: string } {
  try {
    return { ok: run() };
  } catch (e) {
    const err = e as { code?: string; message: string; location?: unknown };
    return { error: `${err.code ?? 'Error'}: ${err.message} ${JSON.stringify(err.location ?? null)}` };
  }
}

/** The result as data the two implementations share. */
function resultData(r: ReturnType<typeof award> | ReturnType<typeof oracleAward>): unknown {
  return plain({
    rationing: r.rationing,
    rankedBy: r.rankedBy,
    unit: r.unit,
    partial: r.partial,
    ceiling: r.ceiling,
    maxCostShare: r.maxCostShare,
    costShareDefault: r.costShareDefault,
    rows: r.rows,
    pools: r.pools,
    years: r.years,
    totals: r.totals,
  });
}

const dec = (s: string): Decimal => new Decimal(s);

/** Amounts: small whole, decimals, multiples of 1000, zero, huge (beyond 2^53 and 2^64), and (library only) negative. */
const amountArb = (negative: boolean): fc.Arbitrary<Decimal> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }).map((n) => dec(String(n * 1000))) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 500_000 }).map((n) => dec(String(n))) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 3 })).map(([a, b, d]) => dec(`${a}.${String(b).padStart(3, '0').slice(0, d)}`)) },
    { weight: 1, arbitrary: fc.constantFrom('0', '0.5', '999', '1000', '1001', '150000', '300000').map(dec) },
    { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 15n, max: 10n ** 26n }).map((n) => dec(n.toString())) },
    ...(negative ? [{ weight: 1, arbitrary: fc.integer({ min: -5000, max: -1 }).map((n) => dec(String(n))) }] : []),
  );

const TYPES = ['kommun', 'Kommun', 'landsting', 'Region', 'förening', 'ideell förening', 'stiftelse', 'kommunalförbund', 'aktiebolag', 'Municipality'];

const scoreArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 4 }).map((n) => dec(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom('2.5', '2.50', '-1', '0.1', '123456789012345678901', '3.0001', '900000000000000', '8000000000000000').map(dec) },
);

const applicationArb = fc.record({
  name: fc.integer({ min: 0, max: 40 }),
  type: fc.constantFrom(...TYPES),
  requested: amountArb(true),
  cost: fc.oneof({ weight: 3, arbitrary: amountArb(true) }, { weight: 1, arbitrary: fc.constant(undefined) }),
  priority: scoreArb,
  region: fc.constantFrom(undefined, 'Gävleborg', 'Skåne'),
  years: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 2019, max: 2024 }), fc.constantFrom(0, 0, 1, 2, 3)) }),
});

/** Priorities for every row, none, or some (an error under priority rationing). */
const applicationsArb = fc.tuple(fc.array(applicationArb, { maxLength: 30 }), fc.constantFrom('all', 'none', 'some')).map(([rows, scores]) =>
  rows.map(
    (a, i): Application => ({
      applicant: `Sökande ${a.name}`,
      type: a.type,
      requested: a.requested,
      // No cost of its own: the request's, so a cost share of 100 % is exactly the request.
      cost: a.cost ?? a.requested,
      ...(scores === 'all' || (scores === 'some' && i % 3 !== 1) ? { priority: a.priority } : {}),
      ...(a.region ? { region: a.region } : {}),
      ...(a.years ? { years: { from: a.years[0], to: a.years[0] + a.years[1] } } : {}),
      line: i + 2,
    }),
  ),
);

const budgetArb = fc.oneof(
  fc.integer({ min: 0, max: 1_200 }).map((n) => dec(String(n * 1000))),
  fc.integer({ min: 0, max: 2_000_000 }).map((n) => dec(String(n))),
  fc.constantFrom('0', '1500000.50', '100000000000000000000').map(dec),
);

/** A year's call, or none; with an ordinance's limit and commitments sometimes. */
const callArb: fc.Arbitrary<CallBudget | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 10,
    arbitrary: fc
      .record({
        amount: fc.oneof({ weight: 8, arbitrary: budgetArb }, { weight: 1, arbitrary: fc.constant(dec('0')) }),
        byOrdinance: fc.oneof({ weight: 1, arbitrary: fc.array(fc.record({ ordinance: fc.constantFrom('SFS 2018:118', 'SFS 2018:119'), amount: budgetArb }), { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant(undefined) }),
        commitments: fc.oneof({ weight: 1, arbitrary: fc.array(fc.record({ year: fc.integer({ min: 2019, max: 2027 }), amount: budgetArb }), { maxLength: 3 }) }, { weight: 3, arbitrary: fc.constant(undefined) }),
        grantPeriod: fc.constantFrom(undefined, { from: '05-01', to: '04-30' }, { to: '12-31' }),
      })
      .map((c): CallBudget => ({ amount: c.amount, ...(c.byOrdinance ? { byOrdinance: c.byOrdinance } : {}), ...(c.commitments ? { commitments: c.commitments } : {}), ...(c.grantPeriod ? { grantPeriod: c.grantPeriod } : {}) })),
  },
);

const optionsArb = fc.record({
  calls: fc.array(callArb, { minLength: 9, maxLength: 9 }),
  simple: fc.boolean(),
  callFrom: fc.integer({ min: 2019, max: 2023 }),
  callLength: fc.constantFrom(0, 0, 0, 1, 2),
  unit: fc.constantFrom('1', '1', '1000', '0.01', '0.03', '250', '7'),
  rationing: fc.constantFrom<Rationing>('priority', 'priority', 'proportional', 'equal-awards'),
  partial: fc.boolean(),
  ruleCeiling: fc.option(fc.constantFrom('300000', '250000.5', '1000'), { nil: undefined }),
  ruleShare: fc.option(fc.constantFrom('90', '75.5', '100', '33.3333'), { nil: undefined }),
  ruleYears: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
  ceiling: fc.option(fc.constantFrom('200000', '123456.78', '0.5'), { nil: undefined }),
  share: fc.option(fc.constantFrom('90', '12.5', '100', '0.01'), { nil: undefined }),
});

type Opts = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;

function awardOptions(o: Opts): AwardOptions {
  const src = { source: 't', kind: 'rule' } as const;
  const callOf = (year: number): CallBudget | undefined => o.calls[year - 2019];
  return {
    rules: {
      ordinances: [
        { ref: 'SFS 2018:118', admits: ['kommun', 'region', 'kommunalförbund'], source: 't' },
        { ref: 'SFS 2018:119', admits: ['ideell förening', 'stiftelse'], source: 't' },
      ],
      ...(o.ruleCeiling ? { ceiling: { value: dec(o.ruleCeiling), ...src } } : {}),
      ...(o.ruleShare ? { maxCostShare: { value: dec(o.ruleShare), ...src } } : {}),
      ...(o.ruleYears ? { maxDecisionYears: { value: o.ruleYears, ...src } } : {}),
    } as AwardOptions['rules'],
    ...(o.simple ? { budget: (year: number) => callOf(year)?.amount } : { calls: callOf }),
    callYears: { from: o.callFrom, to: o.callFrom + o.callLength },
    unit: dec(o.unit),
    rationing: o.rationing,
    ...(o.partial ? { partial: true } : {}),
    ...(o.ceiling ? { ceiling: dec(o.ceiling) } : {}),
    ...(o.share ? { maxCostShare: dec(o.share) } : {}),
  };
}

describe('award on columns holds to the row-object award (award-oracle/)', () => {
  it('the same rows, budgets, years and totals, or the same error, and the same CSV records', () => {
    fc.assert(
      fc.property(applicationsArb, optionsArb, (applications, o) => {
        const options = awardOptions(o);
        const ours = outcome(() => award(applications, options));
        const theirs = outcome(() => oracleAward(applications, options));
        if ('error' in theirs) {
          expect(ours).toEqual(theirs);
          return;
        }
        expect('ok' in ours).toBe(true);
        if (!('ok' in ours)) return;
        expect(resultData(ours.ok)).toEqual(resultData(theirs.ok));
        for (const language of ['en', 'sv'] as const) expect(awardRecords(ours.ok, language)).toEqual(oracleRecords(theirs.ok, language));
      }),
      { numRuns: 1500 },
    );
  });

  it('a large oversubscribed call with many equal scores decides as the oracle does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 })), { minLength: 200, maxLength: 600 }), fc.integer({ min: 0, max: 4000 }), fc.boolean(), fc.constantFrom('', '900000000000000', '8000000000000000', '0.5'), (rows, budget, partial, odd) => {
        // One odd score: none, one whose spread times the rows passes 2^53 (compared a pair at a time), one past the doubles (as Decimals), or decimals.
        const applications = rows.map(([req, score], i): Application => ({ applicant: `a${i}`, type: 'kommun', requested: dec(String(req * 1000)), cost: dec(String(req * 2000)), priority: dec(i === 7 && odd ? odd : String(score)), line: i + 2 }));
        const options: AwardOptions = { rules: { ordinances: [{ ref: 'A', admits: ['kommun'], source: 't' }] }, budget: () => dec(String(budget * 1000)), callYears: { from: 2021, to: 2021 }, unit: dec('1000'), rationing: 'priority', partial };
        const ours = award(applications, options);
        const theirs = oracleAward(applications, options);
        expect(resultData(ours)).toEqual(resultData(theirs));
        expect(awardRecords(ours)).toEqual(oracleRecords(theirs));
      }),
      { numRuns: 30 },
    );
  });
});

/** A cell of an amount column: every form the parser takes, and what it refuses. */
const amountCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 900 }).map((n) => String(n * 1000)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 900 }).map((n) => `${n} tkr`) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 999_999 }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ')) },
  { weight: 1, arbitrary: fc.constantFrom('12.5', '12.50', '1,5', '1.250', '1,250', '0', '-5', '-0', 'lots', '', '3 %', '1e3', '99999999999999999', '12 34') },
);
const yearsCell = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 3, arbitrary: fc.constantFrom('2021', '2021-2023', '2022-2022') }, { weight: 1, arbitrary: fc.constantFrom('2023-2021', 'soon') });
const nameCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => `Sökande ${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('SÖKANDE 1', 'sökande  2', '', 'Summa', 'Totalt:', '=cmd') },
);

const fileArb = fc.record({
  swedish: fc.boolean(),
  semicolon: fc.boolean(),
  withPriority: fc.boolean(),
  withYears: fc.boolean(),
  withRegion: fc.boolean(),
  rows: fc.array(fc.record({ name: nameCell, type: fc.constantFrom('kommun', 'Kommun', 'förening', 'Förening', 'aktiebolag', 'kommunalförbund', 'Region ', ''), requested: amountCell, cost: amountCell, priority: fc.oneof(amountCell, fc.constant('')), years: yearsCell }), { maxLength: 14 }),
  total: fc.constantFrom('none', 'word', 'sum'),
});

function fileText(f: typeof fileArb extends fc.Arbitrary<infer T> ? T : never): string {
  const sep = f.semicolon ? ';' : ',';
  const quote = (s: string): string => (s.includes(sep) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const headers = f.swedish ? ['Sökande', 'Typ', 'Sökt belopp', 'Kostnad'] : ['applicant', 'type', 'requested', 'cost'];
  if (f.withPriority) headers.push(f.swedish ? 'Prioritet' : 'priority');
  if (f.withYears) headers.push(f.swedish ? 'År' : 'years');
  if (f.withRegion) headers.push(f.swedish ? 'Län' : 'region');
  const lines = [headers.join(sep)];
  const cells = (r: (typeof f.rows)[number]): string[] => [r.name, r.type, r.requested, r.cost, ...(f.withPriority ? [r.priority] : []), ...(f.withYears ? [r.years] : []), ...(f.withRegion ? ['Gävleborg'] : [])];
  for (const r of f.rows) lines.push(cells(r).map(quote).join(sep));
  if (f.total !== 'none' && f.rows.length >= 3) {
    // The sums of the whole-number cells above (a total row by its sums), or a total word.
    const sum = (k: 'requested' | 'cost'): string => String(f.rows.reduce((a, r) => a + (/^\d+$/.test(r[k]) ? Number(r[k]) : 0), 0));
    lines.push([f.total === 'word' ? 'Summa' : 'Alla', '', sum('requested'), sum('cost'), ...(f.withPriority ? [''] : []), ...(f.withYears ? [''] : []), ...(f.withRegion ? [''] : [])].join(sep));
  }
  return `${lines.join('\n')}\n`;
}

describe('the columnar applications reader holds to the row reader (award-oracle/applications.ts)', () => {
  it('the same applications and notes, or the same error with its file, line and field', () => {
    fc.assert(
      fc.property(fileArb, (f) => {
        const text = fileText(f);
        // The frozen oracle reads every column with the file's decimal mark: it predates the reading of
        // a column whose commas are all thousands-shaped ("1,250" as ambiguous money, core/cells.ts
        // columnMark; tests/unit/comma-columns.test.ts), so such files are not compared with it.
        fc.pre(tableFromText(text, 'a.csv').commaColumns === undefined);
        const read = <T>(run: () => T): { result: ReturnType<typeof outcome<T>>; notes: string[] } => {
          const notes: string[] = [];
          const before = setNoteSink((n) => notes.push(n));
          try {
            return { result: outcome(run), notes };
          } finally {
            setNoteSink(before);
          }
        };
        const ours = read(() => plain(applicationsFromTable(tableFromText(text, 'a.csv'))));
        const theirs = read(() => plain(oracleApplicationsFromTable(tableFromText(text, 'a.csv'))));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 1500 },
    );
  });
});
