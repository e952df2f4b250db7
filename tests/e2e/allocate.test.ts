import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

describe('statsbidrag allocate (built CLI)', () => {
  it('default run prints the 32 municipalities with a totals block, no colour when piped', () => {
    const r = run(['allocate']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Stockholm\s+0180\s+50 725 000\s+164 000 000\s+269 000 000\s+2 366 725 000/);
    // --locale sv (the default): Swedish labels; municipality codes make the recipient column "Kommun".
    expect(r.stdout).toMatch(/^Kommun\s+Kod\s+Belopp 2018\s+Belopp 2019\s+Belopp per år 2020–2027\s+Summa 2018–2027$/m);
    expect(r.stdout).toMatch(/Angiven total\s+425 000 000\s+1 350 000 000\s+2 200 000 000/);
    expect(r.stdout).toMatch(/Skillnad %\s+-3,44 %\s+-1,93 %\s+-1,14 %/);
    expect(r.stdout).toMatch(/varav administrativa kostnader\s+-14 604 000\s+-25 000 000\s+-25 000 000/);
    expect(r.stdout).toMatch(/Belopp att fördela\s+410 396 000\s+1 325 000 000\s+2 175 000 000\s+19 135 396 000/);
    expect(r.stdout).not.toMatch(/Stated total|Amount split/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--locale en: the same table with English labels', () => {
    const r = run(['allocate', '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Municipality\s+Code\s+2018\s+2019\s+2020–2027 per year\s+Total 2018–2027$/m);
    expect(r.stdout).toMatch(/Stated total\s+425,000,000\s+1,350,000,000\s+2,200,000,000/);
    expect(r.stdout).toMatch(/Difference %\s+-3.44 %\s+-1.93 %\s+-1.14 %/);
    expect(r.stdout).toMatch(/Amount split\s+410,396,000\s+1,325,000,000\s+2,175,000,000\s+19,135,396,000/);
    expect(r.stdout).not.toMatch(/Angiven total|Belopp att fördela/);
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('colours the table only when asked (FORCE_COLOR) and honours NO_COLOR', () => {
    expect(run(['allocate'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(run(['allocate'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(run(['allocate', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('csv: recipient first, amount_YEAR columns and a total, plain numbers', () => {
    const r = run(['allocate', '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'recipient,code,weight,amount_2018,amount_2019,amount_2020,amount_2021,amount_2022,amount_2023,amount_2024,amount_2025,amount_2026,amount_2027,total',
    );
    expect(lines).toHaveLength(33);
    expect(lines[4]).toBe('Stockholm,0180,50725000,50725000,164000000,269000000,269000000,269000000,269000000,269000000,269000000,269000000,269000000,2366725000');
  });

  it('csv for a single year names the column "amount"', () => {
    const r = run(['allocate', '--year', '2019', '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe('recipient,code,weight,amount');
  });

  it('json: versioned shape with periods, rows and totals; money as strings', () => {
    const r = run(['allocate', '--year', '2020–2027', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('statsbidrag/allocation');
    expect(doc.version).toBe(1);
    expect(doc.periods).toHaveLength(1);
    expect(doc.periods[0]).toMatchObject({ years: '2020–2027', yearCount: 8, statedTotal: '2200000000', amountSplit: '2175000000', allocated: '2175000000' });
    expect(Object.keys(doc.rows[0])[0]).toBe('recipient');
    expect(doc.rows[0].amount_2020).toBe('53000000');
    expect(doc.totals.statedTotal).toBe('17600000000');
  });

  it('markdown for memos', () => {
    const r = run(['allocate', '--year', '2018', '--format', 'md']);
    expect(r.stdout).toMatch(/^### /);
    expect(r.stdout).toMatch(/\| Järfälla \| 0123 \| 9 979 000 \|/);
  });

  it('splits any list with --data and --total, with an admin percentage', () => {
    const dir = tempDir();
    const file = join(dir, 'list.csv');
    writeFileSync(file, 'name;weight\nA;1\nB;2\nC;3\n');
    const r = run(['allocate', '--data', file, '--basis', 'weight', '--total', '1 000 kr', '--admin', '10 %', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('recipient,weight,amount\nA,1,150\nB,2,300\nC,3,450\n');
  });

  it('reads the recipients from stdin with --data -', () => {
    const r = run(['allocate', '--data', '-', '--basis', 'w', '--total', '10', '--format', 'csv'], { input: 'name,w\nA,1\nB,2\nC,3\n' });
    expect(r.stdout).toBe('recipient,weight,amount\nA,1,2\nB,2,3\nC,3,5\n');
  });

  it('--out writes the file and nothing to stdout', () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = run(['allocate', '--format', 'csv', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^recipient,code/);
  });

  it('a bad option: exit 2, one line naming it, no stack trace', () => {
    const r = run(['allocate', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const unknown = run(['allocate', '--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
    const year = run(['allocate', '--year', '2030']);
    expect(year.status).toBe(2);
    expect(year.stderr.trim().split('\n')).toHaveLength(1);
    expect(year.stderr).toMatch(/no money for 2030/);
  });

  it('a missing data file: exit 2, names the file, and an existing --out file is untouched', () => {
    const dir = tempDir();
    const out = join(dir, 'keep.csv');
    writeFileSync(out, 'old content\n');
    const r = run(['allocate', '--data', join(dir, 'nope.csv'), '--basis', 'x', '--total', '100', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`statsbidrag: ${join(dir, 'nope.csv')}: no such file`);
    expect(readFileSync(out, 'utf8')).toBe('old content\n');
    expect(existsSync(join(dir, 'nope.csv'))).toBe(false);
  });

  it('a bad cell: exit 2 with file, line and field', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'name,weight\nA,1\nB,12x\n');
    const r = run(['allocate', '--data', file, '--basis', 'weight', '--total', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`statsbidrag: ${file}:3: field "weight": "12x" is not an amount: contains characters that are not digits`);
  });

  it('--help explains every option with examples', () => {
    const r = run(['allocate', '--help']);
    expect(r.status).toBe(0);
    for (const opt of ['--data', '--basis', '--programme', '--year', '--total', '--admin', '--unit', '--method', '--format', '--out']) {
      expect(r.stdout).toContain(opt);
    }
    expect(r.stdout).toContain('Examples:');
    expect(run(['--help']).stdout).toContain('allocate');
  });
});
