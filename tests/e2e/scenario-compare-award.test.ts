import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, run, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(DATA, 'examples', 'gavleborg-applications.csv');

describe('years asked for that the programme has no money for (built CLI)', () => {
  it('are named in a note, once, by allocate (bundled list and the lane), report and a scenario; a range fully covered says nothing', () => {
    const some = run(['allocate', '--year', '2015-2019', '--format', 'csv']);
    expect(some.status).toBe(0);
    expect(some.stdout.split('\n')[0]).toBe('recipient,code,weight,amount_2018,amount_2019,total');
    expect(some.stderr).toBe('note: programme "tillvaxtverket" has no money for 2015–2017: those years are left out of the split of 2015–2019\n');
    expect(run(['allocate', '--year', '2018-2019', '--format', 'csv']).stderr).toBe('');
    const dir = tempDir();
    const scenario = join(dir, 'long.json');
    writeFileSync(scenario, JSON.stringify({ version: 1, name: 'long', years: '2018-2040' }));
    expect(run(['allocate', '--scenario', scenario, '--format', 'csv']).stderr).toBe('note: programme "tillvaxtverket" has no money for 2028–2040: those years are left out of the split of 2018–2040\n');
    const report = run(['report', '--year', '2027-2028', '--out', join(dir, 'r.html')]);
    expect(report.status).toBe(0);
    expect(report.stderr).toMatch(/^note: programme "tillvaxtverket" has no money for 2028: that year is left out of the split of 2027–2028\n/);
  });
});

describe('statsbidrag allocate --scenario (built CLI)', () => {
  it('runs the bundled actual scenario: 410, 425 and 160 MSEK split exactly among the 32', () => {
    const r = run(['allocate', '--scenario', 'actual', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.periods.map((p: { years: string; allocated: string }) => [p.years, p.allocated])).toEqual([
      ['2019', '410000000'],
      ['2020', '425000000'],
      ['2021', '160000000'],
    ]);
    expect(doc.rows).toHaveLength(32);
  });

  it('a scenario that changes one municipality twice (two spellings) is refused, on the bundled list and on a plain list', () => {
    const dir = tempDir();
    const file = join(dir, 'twice.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'twice', recipients: { change: [{ id: 'Malmö', basis: '40000000' }, { id: 'MALMÖ ', basis: '1' }] } }));
    const bundled = run(['allocate', '--scenario', file, '--year', '2019', '--format', 'csv']);
    expect(bundled.status).toBe(2);
    expect(bundled.stdout).toBe('');
    expect(bundled.stderr).toMatch(/twice\.json.*recipients\.change\[1\]\.id.*"MALMÖ" is changed twice/);
    // A programme whose list is a plain CSV takes the fast lane, which leaves the refusal to the general path.
    writeFileSync(join(dir, 'list.csv'), 'recipient,weight\nMalmö,3\nLund,1\n');
    const rules = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as { programmes: { id: string; recipients: unknown }[] };
    rules.programmes.find((p) => p.id === 'tillvaxtverket')!.recipients = { file: 'list.csv', id: 'recipient', basis: 'weight' };
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const once = join(dir, 'once.json');
    writeFileSync(once, JSON.stringify({ version: 1, name: 'once', programme: 'tillvaxtverket', years: '2019', recipients: { change: [{ id: 'Malmö', basis: '1' }] }, periods: [{ years: '2019', total: '1000', unit: '1' }] }));
    const ok = run(['allocate', '--rules', join(dir, 'rules.json'), '--scenario', once, '--format', 'csv']);
    expect(ok.status).toBe(0);
    writeFileSync(file, JSON.stringify({ version: 1, name: 'twice', programme: 'tillvaxtverket', years: '2019', recipients: { change: [{ id: 'Malmö', basis: '1' }, { id: 'malmö', basis: '5' }] }, periods: [{ years: '2019', total: '1000', unit: '1' }] }));
    const plain = run(['allocate', '--rules', join(dir, 'rules.json'), '--scenario', file, '--format', 'csv']);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/"malmö" is changed twice/);
  });

  it('a scenario file that removes a municipality: the rest share the same total', () => {
    const dir = tempDir();
    const file = join(dir, 'no-perstorp.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'no-perstorp', years: '2020-2027', recipients: { remove: ['Perstorp'] }, method: 'largest-remainder' }));
    const r = run(['allocate', '--scenario', file, '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(32);
    expect(r.stdout).not.toMatch(/Perstorp/);
    const sum = lines.slice(1).reduce((a, l) => a + BigInt(l.split(',')[3]!), 0n);
    expect(sum).toBe(2_175_000_000n);
  });

  it('errors in a scenario name the file and the path inside it; exit 2', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'bad', recipients: { add: [{ id: 'A', basis: '1' }, { id: 'B', basis: '2' }, { id: 'C', basis: 'x' }] } }));
    const r = run(['allocate', '--scenario', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: recipients\.add\[2\]\.basis: "x" is not an amount/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(file, JSON.stringify({ version: 1, name: 'bad', recipients: { remove: ['Atlantis'] } }));
    const r2 = run(['allocate', '--scenario', file]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/bad\.json: recipients\.remove\[0\]: no recipient "Atlantis" to remove/);
    expect(run(['allocate', '--scenario', 'no-such-scenario']).stderr).toMatch(/bundled: baseline, actual/);
  });
});

describe('statsbidrag compare (built CLI)', () => {
  it('baseline against actual: announced and paid per year, with the years only one side covers marked', () => {
    const r = run(['compare', 'baseline', 'actual']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2019\s+1 324 000 000\s+410 000 000\s+-914 000 000\s+-69,03 %/);
    expect(r.stdout).toMatch(/2020\s+2 175 000 000\s+425 000 000\s+-1 750 000 000\s+-80,46 %/);
    expect(r.stdout).toMatch(/2021\s+2 175 000 000\s+160 000 000\s+-2 015 000 000\s+-92,64 %/);
    expect(r.stdout).toMatch(/2018\s+410 396 000\s+–/);
    expect(r.stdout).toMatch(/År i båda \(2019–2021\)\s+5 674 000 000\s+995 000 000/);
    expect(r.stdout).toMatch(/^Kommun\s+Kod\s+A 2019–2021\s+B 2019–2021\s+Skillnad\s+%$/m);
    expect(run(['compare', 'baseline', 'actual', '--locale', 'en']).stdout).toMatch(/Years in both \(2019–2021\)\s+5,674,000,000\s+995,000,000/);
    // sorted by largest change: Stockholm first
    const firstRow = r.stdout.split('\n').find((l) => /^\S.*0180|^\S.*1480/.test(l));
    expect(firstRow).toMatch(/^Stockholm/);
  });

  it("shows a side's stated totals that are more than a plain stated figure, with the values other sources give, for the compared years only", () => {
    const r = run(['compare', 'baseline', 'actual']);
    expect(r.stdout).toContain('B (actual), 2019: totalen 410 000 000 kr (tillvaxtverket-2019): förslag, inte beslut; ungefärlig ("cirka"); motsägs av en annan källa; andra källor: 425 000 000 kr (delmos-32-kommuner).');
    expect(r.stdout).toMatch(/^B \(actual\), 2021: totalen 160 000 000 kr \(delmos-2021\): betalades som ett förbestämt belopp per mottagare/m);
    // The plain side (baseline: the programme's stated figures) has none.
    expect(r.stdout).not.toMatch(/^A \(baseline\), /m);
    const en = run(['compare', 'actual', 'baseline', '--year', '2021', '--locale', 'en', '--format', 'md']).stdout;
    expect(en).toContain('- A (actual), 2021: the total 160,000,000 kr (delmos-2021): was paid as a preset amount per recipient');
    expect(en).not.toMatch(/, 2019: the total/);
  });

  it('a scenario compared with itself shows no differences', () => {
    const r = run(['compare', 'what-if', join(DATA, 'scenarios', 'what-if.json'), '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('statsbidrag/comparison');
    expect(doc.unchanged).toBe(doc.rows.length);
    expect(doc.rows.every((row: { total: { difference: string } }) => row.total.difference === '0')).toBe(true);
    expect(run(['compare', 'baseline', 'baseline']).stdout).toMatch(/Ingen mottagares belopp skiljer sig/);
    expect(run(['compare', 'baseline', 'baseline', '--locale', 'en']).stdout).toMatch(/No recipient's amount differs/);
  });

  it('csv: one row per recipient and year plus a total; recipients on one side only are marked; --order input keeps the table order', () => {
    const r = run(['compare', 'baseline', 'what-if', '--format', 'csv', '--order', 'input', '--year', '2018-2019']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('recipient,code,status,year,a,b,difference,percent');
    expect(lines[1]).toMatch(/^Järfälla,0123,both,2018,9979000,/);
    expect(lines).toContain('Perstorp,1275,only-a,total,28755000,0,-28755000,-100.0000');
    expect(lines.some((l) => l.startsWith('Sundsvall,2281,only-b,2018,0,'))).toBe(true);
    expect(run(['compare', 'baseline', 'what-if', '--format', 'md']).stdout).toMatch(/^### Jämför A: baseline med B: what-if/);
  });
});

describe('statsbidrag award (built CLI)', () => {
  it('a years cell left empty while other applications give theirs is an input error at its line, not the programme\'s first year', () => {
    const dir = tempDir();
    const file = join(dir, 'years.csv');
    writeFileSync(file, 'applicant,type,requested,cost,priority,år\nA kommun,kommun,3000000,4000000,9,\nB kommun,kommun,3000000,4000000,9,2021\n');
    const r = run(['award', file, '--budget', '1000 tkr']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`statsbidrag: ${file}:2: field "år": "A kommun" gives no years, while other applications give theirs ("B kommun": 2021): give every application its years\n`);
    // A years column left empty throughout: every application takes the call's year, as without the column.
    writeFileSync(file, 'applicant,type,requested,cost,priority,år\nA kommun,kommun,3000000,4000000,9,\nB kommun,kommun,3000000,4000000,9,\n');
    expect(run(['award', file, '--budget', '1000 tkr', '--year', '2019']).status).toBe(0);
  });

  it('a budget finer than the unit is shown as given, never rounded to the unit (1 000,50 kr at a unit of 1 kr is not 1 001)', () => {
    const dir = tempDir();
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'applicant,type,requested,cost,priority\nAlfa kommun,kommun,1001,2000,5\n');
    const json = run(['award', file, '--year', '2018', '--budget', '1000,50', '--unit', '1', '--format', 'json']);
    expect(json.status).toBe(0);
    const totals = JSON.parse(json.stdout).totals;
    expect([totals.budget, totals.demand, totals.awarded, totals.leftover]).toEqual(['1000.5', '1001', '0', '1000.5']);
    const table = run(['award', file, '--year', '2018', '--budget', '1000,50', '--unit', '1']);
    expect(table.stdout).toMatch(/^Budget +1 000,5$/m);
    expect(table.stdout).toMatch(/^Kvar +1 000,5$/m);
  });

  it('the Gävleborg example with a 300 000 kr ceiling and a 1 788 tkr budget reproduces the awards of seed 002', () => {
    const r = run(['award', EXAMPLE, '--ceiling', '300000', '--budget', '1 788 tkr', '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((c) => [c[0], c[12]])).toEqual([
      ['Hälsinglands utbildningsförbund', '298000'],
      ['Bollnäs kommun', '300000'],
      ['Gumpels Förening', '300000'],
      ['Gävle kommun', '300000'],
      ['Hyresgästföreningen Aros Gävle', '300000'],
      ['Insamlingsstiftelsen Rapatac', '290000'],
    ]);
  });

  it('rations a smaller budget three ways: priority reports what is left, proportional and equal-awards spend it exactly', () => {
    const doc = (ration: string) => JSON.parse(run(['award', EXAMPLE, '--ceiling', '300000', '--budget', '1 500 tkr', '--ration', ration, '--format', 'json']).stdout);
    const p = doc('priority');
    expect(p.totals).toMatchObject({ budget: '1500000', awarded: '1498000', leftover: '2000' });
    expect(p.applications.find((a: { applicant: string }) => a.applicant === 'Insamlingsstiftelsen Rapatac').status).toBe('not-funded');
    expect(doc('proportional').totals.awarded).toBe('1500000');
    const e = doc('equal-awards');
    expect(e.totals.awarded).toBe('1500000');
    expect(e.years[0].level).toBe('250000');
  });

  it('rejects organisation types the rules do not admit, and shows multi-year decisions per year', () => {
    const dir = tempDir();
    const file = join(dir, 'apps.csv');
    writeFileSync(file, 'sökande;typ;sökt belopp;kostnad\nGävle kommun;kommun;"100 000";"200 000"\nExempel AB;aktiebolag;"100 000";"200 000"\n');
    const r = run(['award', file, '--year', '2021-2023', '--budget', '150 000', '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\| Gävle kommun \| kommun \| SFS 2018:118 \| 100 000 \| 100 000 \| 100 000 \| 100 000 \| 100 000 \| 300 000 \| beviljad \|/);
    expect(r.stdout).toMatch(/Exempel AB \(rad 3\): organisationstypen "aktiebolag" omfattas inte/);
    expect(run(['award', file, '--year', '2021-2023', '--budget', '150 000', '--locale', 'en']).stdout).toMatch(/Exempel AB \(line 3\): organisation type "aktiebolag" is not admitted/);
    expect(r.stdout).toMatch(/^\| Sökande \| Typ \| Förordning \| Sökt\/år \| Tak\/år \| 2021 \| 2022 \| 2023 \| Summa \| Status \|$/m);
    expect(r.stdout).toMatch(/^\| \*\*Beviljat\*\* \|.*\| 100 000 \| 100 000 \| 100 000 \| 300 000 \|  \|$/m);
    const table = run(['award', file, '--year', '2021-2024']);
    expect(table.stdout).toMatch(/omfatta 4 år \(2021–2024\); högst 3/);
  });

  it('the bundled Delmos budgets: 85 MSEK in 2021 with commitments for 2022 and 2023, no new awards in 2022, May–April grant periods', () => {
    const dir = tempDir();
    const file = join(dir, 'apps.csv');
    writeFileSync(
      file,
      'applicant,type,requested,cost,years\nA kommun,kommun,80000000,90000000,2021\nB förening,ideell förening,6000000,7000000,2021-2022\nC stiftelse,stiftelse,4000000,5000000,2021-2023\nD kommun,kommun,100000,200000,2022\n',
    );
    const doc = JSON.parse(run(['award', file, '--format', 'json']).stdout);
    expect(doc.rationing).toBe('priority');
    expect(doc.rankedBy).toBe('file-order');
    expect(doc.budgets.map((b: { kind: string; year: number; budget: string }) => [b.kind, b.year, b.budget])).toEqual([
      ['call', 2021, '85000000'],
      ['commitment', 2022, '10200000'],
      ['commitment', 2023, '4500000'],
    ]);
    expect(doc.budgets[0].grantPeriod).toEqual({ from: '05-01', to: '04-30' });
    // A takes 80 of 85 MSEK; B (6 MSEK) no longer fits and is refused whole; C (4 MSEK a year) fits every year.
    expect(doc.applications.map((a: { status: string; total: string }) => [a.status, a.total])).toEqual([
      ['funded', '80000000'],
      ['not-funded', '0'],
      ['funded', '12000000'],
      ['rejected', '0'],
    ]);
    // The reason is a sentence in the locale (keys and status codes are English in both).
    expect(doc.applications[3].reason).toBe('inga nya bidrag 2022 (reglerna: 0 kr att besluta om)');
    expect(JSON.parse(run(['award', file, '--format', 'json', '--locale', 'en']).stdout).applications[3].reason).toBe('no new awards in 2022 (the rules: 0 kr to decide on)');
    const table = run(['award', file]).stdout;
    expect(table).toMatch(/bidragsperiod 1 maj 2021 – 30 april 2022/);
    expect(table).toMatch(/filens ordning/);
  });

  it('bad input is one located line and exit 2; --out writes the file', () => {
    const dir = tempDir();
    const file = join(dir, 'apps.csv');
    writeFileSync(file, 'applicant,type,requested,cost\nA,kommun,many,1\n');
    const r = run(['award', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/apps\.csv:2: field "requested": "many" is not an amount/);
    const out = join(dir, 'awards.csv');
    expect(run(['award', EXAMPLE, '--format', 'csv', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^applicant,type,region,ordinance,priority,rank,years,requested,cost,cap,cap_by,award_2018,award_total,status,reason/);
  });
});

describe('award: an ordinance limit larger than its year\'s budget', () => {
  const args = ['award', 'gavleborg-applications', '--budget', '1 788 tkr', '--ceiling', '300000'];
  it('says it binds nothing, beside its leftover (the table in both languages, and Markdown)', () => {
    const sv = run([...args, '--budget', '2018:118=50 miljoner']);
    expect([sv.status, sv.stderr]).toEqual([0, '']);
    expect(sv.stdout).toContain('Ramen för SFS 2018:118 2018: 50 000 000 kr (mer än årets budget, 1 788 000 kr: ramen begränsar inget), inte översökt (898 000 kr sökt efter tak); 49 102 000 kr kvar.');
    const en = run([...args, '--budget', '2018:118=50 miljoner', '--locale', 'en', '--format', 'md']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain("The limit for SFS 2018:118 2018: 50,000,000 kr (more than the year's budget, 1,788,000 kr: the limit binds nothing), not oversubscribed");
  });
  it('a limit within the budget, and one equal to it, is stated as before', () => {
    for (const [limit, shown] of [['1 miljon', '1 000 000'], ['1 788 tkr', '1 788 000']]) {
      const r = run([...args, '--budget', `2018:118=${limit}`]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Ramen för SFS 2018:118 2018: ${shown} kr, inte översökt (898 000 kr sökt efter tak)`);
    }
  });
});

describe('compare: a scenario period whose rows pay more than its money', () => {
  const dir = tempDir();
  const scenario = (name: string, periods: object[], years: string): string => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ version: 1, name, programme: 'tillvaxtverket', years, periods }));
    return file;
  };
  it('is noted on stderr with the overspend, one line a period, whichever side it is on', () => {
    const up = scenario('up', [{ years: '2019', total: '410 miljoner', unit: '1000000', method: 'round-up' }], '2019');
    const line = 'note: up 2019: its rows pay 424000000 kr, 14000000 kr more than the 410000000 kr it splits (round-up, in whole units of 1000000 kr); the comparison shows what the rows pay\n';
    for (const args of [['baseline', up], [up, 'baseline']]) {
      const r = run(['compare', ...args, '--year', '2019', '--format', 'csv']);
      expect([r.status, r.stderr]).toEqual([0, line]);
    }
    const many = scenario('many', [{ years: '2020-2021', total: '410 miljoner', unit: '1000000', method: 'round-up' }], '2020-2021');
    const r = run(['compare', 'baseline', many, '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([0, 'note: many 2020–2021: its rows pay 424000000 kr a year, 14000000 kr more than the 410000000 kr it splits (round-up, in whole units of 1000000 kr); the comparison shows what the rows pay\n']);
  });
  it('a rounding that leaves money unpaid (the 2019 table in whole millions) is no overspend: no note', () => {
    const down = scenario('down', [{ years: '2019', total: '410 miljoner', unit: '1000000', method: 'round-down' }], '2019');
    const r = run(['compare', 'baseline', down, '--year', '2019', '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});
