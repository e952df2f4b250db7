import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT, run, tempDir } from '../helpers/cli.js';

const PUBLISHED = join(DATA, 'tillvaxtverket-2018.csv');
const FIX = join(ROOT, 'tests', 'fixtures', 'validate');

describe('statsbidrag audit (built CLI)', () => {
  it('2019: says it repaired the two cells, and that round-nearest to 1 000 000 reproduces all 32 rows for the exact B interval', () => {
    const r = run(['audit', PUBLISHED, '--basis', '2018', '--column', '2019', '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Repaired before auditing: 2 cells');
    expect(r.stdout).toContain('"164 000 00" read as 164,000,000');
    expect(r.stdout).toContain('"106 000 00" read as 106,000,000');
    expect(r.stdout).toContain('round-nearest to 1,000,000: any B in [1,323,858,064.516129…, 1,325,850,061.957868…) kr');
    expect(r.stdout).toContain('exactly 41039600000/31 to 1069961000000/807');
    expect(r.stdout).toMatch(/set aside \(stated total − B\): 24,149,938.042131… to 26,141,935.483870… kr/);
    expect(r.stdout).toContain('Stated total: 1,350,000,000 kr');
    // The same in Swedish, the default: Swedish words, method names and numbers.
    const sv = run(['audit', PUBLISHED, '--basis', '2018', '--column', '2019']);
    expect(sv.stdout).toContain('Rättat före revisionen: 2 celler');
    expect(sv.stdout).toContain('"164 000 00" tolkat som 164 000 000');
    expect(sv.stdout).toContain('avrundning till 1 000 000: varje B i [1 323 858 064,516129…; 1 325 850 061,957868…) kr');
    expect(sv.stdout).toContain('exakt 41039600000/31 till 1069961000000/807: från och med den nedre gränsen, under den övre gränsen');
    expect(sv.stdout).toMatch(/avsatt \(angiven total − B\): 24 149 938,042131… till 26 141 935,483870… kr/);
    expect(sv.stdout).toContain('största rest till 1 000 000: B = 1 324 000 000 kr (största rest delar ut exakt B, så B är radernas summa)');
    expect(sv.stdout).toContain('Angiven total: 1 350 000 000 kr');
  });

  it('2020–2027 by range, json: the exact interval, closed below and open above', () => {
    const r = run(['audit', PUBLISHED, '--basis', '2018', '--column', '2020-2027', '--unit', '1000000', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      schema: string;
      reproduced: boolean;
      column: string;
      complete: { rule: string; interval: { lower: { value: string; fraction: string; closed: boolean }; upper: { value: string; closed: boolean }; wholeKronor: string[] } }[];
    };
    expect(out.schema).toBe('statsbidrag/audit');
    expect(out.column).toBe('Belopp per år 2020–2027');
    const nearest = out.complete.find((f) => f.rule === 'round-nearest')!;
    expect(nearest.interval.lower).toMatchObject({ value: '2174971766.250820', fraction: '3312482000000/1523', closed: true });
    expect(nearest.interval.upper).toMatchObject({ value: '2175309795.714090', closed: false });
    expect(nearest.interval.wholeKronor).toEqual(['2174971767', '2175309795']);
  });

  it('a column no rule reproduces: exit 1, the best rule and the rows it misses', () => {
    const r = run(['audit', join(FIX, 'unreproducible.csv'), '--basis', 'Basis', '--column', 'Amount 2019', '--locale', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('No rule tried reproduces all 32 rows.');
    expect(r.stdout).toContain('Best: round-nearest to 1,000,000, 30 of 32 rows');
    expect(r.stdout).toContain('line 2, Järfälla: published 9,000,000, the rule gives 32,000,000');
    const sv = run(['audit', join(FIX, 'unreproducible.csv'), '--basis', 'Basis', '--column', 'Amount 2019']);
    expect(sv.stdout).toContain('Ingen prövad regel återger alla 32 rader.');
    expect(sv.stdout).toContain('Bäst: avrundning till 1 000 000, 30 av 32 rader');
    expect(sv.stdout).toContain('rad 2, Järfälla: publicerat 9 000 000, regeln ger 32 000 000');
  });

  it('--stated measures the gap against a given total', () => {
    const r = run(['audit', PUBLISHED, '--basis', 'Belopp 2018', '--column', 'Belopp 2019', '--unit', '1000000', '--stated', '1,4 miljarder']);
    expect(r.stdout).toContain('Angiven total: 1 400 000 000 kr (--stated)');
  });

  it('another table with a "Belopp 2019" column is not measured against the Tillväxtverket total unless asked', () => {
    const dir = tempDir();
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'Kommun,Belopp 2018,Belopp 2019\nA,1000,2000000\nB,3000,6000000\n');
    const r = run(['audit', other, '--basis', '2018', '--column', '2019', '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('Stated total');
    expect(r.stdout).toContain('also by 16 rules with finer units');
    expect(run(['audit', other, '--basis', '2018', '--column', '2019', '--programme', 'tillvaxtverket', '--locale', 'en']).stdout).toContain('Stated total: 1,350,000,000 kr');
    expect(run(['audit', other, '--basis', '2018', '--column', '2019']).stdout).toContain('även av 16 regler med finare enheter');
  });

  it('input and usage errors are exit 2 with one line', () => {
    const unknown = run(['audit', PUBLISHED, '--basis', '2018', '--column', '2031']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('no column "2031"');
    expect(run(['audit', PUBLISHED, '--column', '2019']).status).toBe(2); // --basis is required
    expect(run(['audit', PUBLISHED, '--basis', '2018', '--column', '2019', '--unit', '0']).status).toBe(2);

    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Kommun,Belopp 2018,Belopp 2019\nA,1 000,x\nB,2 000,2 000\n');
    const r = run(['audit', bad, '--basis', '2018', '--column', '2019']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:2: field "Belopp 2019"/);
  });

  it('a row repeated (a page break in a pasted PDF) or without a name is refused, as allocate, compare and validate refuse it', () => {
    const dir = tempDir();
    const twice = join(dir, 'twice.csv');
    writeFileSync(twice, 'Kommun,Belopp 2018,Belopp 2019\nAlfa,1 000,3 000\nBeta,2 000,6 000\nBETA ,2 000,6 000\nGamma,3 000,9 000\n');
    const r = run(['audit', twice, '--basis', '2018', '--column', '2019']);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `statsbidrag: ${twice}: field "Kommun": lines 3 and 4: "Beta" and "BETA" are the same recipient (names match regardless of case, Unicode form, surrounding and zero-width spaces, and a footnote mark at the end), and the audit would count it twice\n`,
    ]);
    const nameless = join(dir, 'nameless.csv');
    writeFileSync(nameless, 'Kommun,Län,Belopp 2018,Belopp 2019\nAlfa,AB,1 000,3 000\nBeta,AB,2 000,6 000\n,AB Summa,3 000,9 000\nGamma,C,4 000,12 000\n');
    const e = run(['audit', nameless, '--basis', '2018', '--column', '2019']);
    expect([e.status, e.stdout, e.stderr]).toEqual([2, '', `statsbidrag: ${nameless}:4: field "Kommun": a row without a recipient name\n`]);
  });
});
