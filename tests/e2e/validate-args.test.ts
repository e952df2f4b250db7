/**
 * validate with allocate's own options (issue #12), through the built CLI: what `allocate ARGS`
 * writes, `validate TABLE ARGS` accepts (exit 0); one changed cell fails (exit 1) naming it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

interface FindingJson {
  code: string;
  severity: string;
  row: number | null;
  column: string | null;
}

function save(text: string, name = 'table.csv'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** The CSV with one cell (data line `line`, 1 = header, column by header) replaced by f(old). */
function changeCell(csv: string, line: number, header: string, f: (old: string) => string): string {
  const lines = csv.split('\n');
  const col = lines[0]!.split(',').indexOf(header);
  expect(col).toBeGreaterThanOrEqual(0);
  const cells = lines[line - 1]!.split(',');
  cells[col] = f(cells[col]!);
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

const plus = (n: bigint) => (old: string) => (BigInt(old) + n).toString();
const errorsOf = (stdout: string): FindingJson[] => (JSON.parse(stdout) as { errors: FindingJson[] }).errors.filter((e) => e.severity === 'error');

const LIST = 'name,w\nAlfa,7\nBeta,3\nGamma,11\nDelta,5\n';

describe('validate TABLE ARGS (built CLI)', () => {
  const list = save(LIST, 'list.csv');

  it('a free split (--total --unit): accepted as written; one cell one unit off fails at that cell', () => {
    const args = ['--data', list, '--basis', 'w', '--total', '1000', '--unit', '10'];
    const csv = run(['allocate', ...args, '--format', 'csv']).stdout;
    const ok = run(['validate', save(csv), ...args, '--locale', 'en']);
    expect(ok.stdout).toMatch(/: VALID, 0 errors/);
    expect(ok.status).toBe(0);
    const bad = run(['validate', save(changeCell(csv, 3, 'amount', plus(10n))), ...args, '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(errorsOf(bad.stdout)).toContainEqual(expect.objectContaining({ code: 'rule-deviation', row: 3, column: 'amount' }));
  });

  it('a scenario output (--scenario actual): accepted; a name/code pair swapped fails at that row', () => {
    const csv = run(['allocate', '--scenario', 'actual', '--format', 'csv']).stdout;
    expect(run(['validate', save(csv), '--scenario', 'actual']).status).toBe(0);
    const swapped = changeCell(csv, 2, 'code', () => '0126');
    const bad = run(['validate', save(swapped), '--scenario', 'actual', '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(errorsOf(bad.stdout)).toContainEqual(expect.objectContaining({ code: 'name-code-mismatch', row: 2 }));
  });

  it('--year 2019 single-year: accepted; --unit alone does not change the reference; --against split with --unit 1000 (a different split) fails cell by cell', () => {
    const csv = run(['allocate', '--year', '2019', '--format', 'csv']).stdout;
    const file = save(csv);
    expect(run(['validate', file, '--year', '2019']).status).toBe(0);
    // docs/validate.md's CI line: the programme's rules, whatever --unit says; a note names the unused option.
    const ci = run(['validate', file, '--year', '2019', '--unit', '1000', '--format', 'github', '--locale', 'en']);
    expect(ci.status).toBe(0);
    expect(ci.stdout.split('\n')[0]).toBe(`::notice title=statsbidrag validate::${file} checked against the programme's rules (tillvaxtverket) for year 2019, split by weight`);
    expect(ci.stderr).toMatch(/^statsbidrag: note: --unit not used: .*--against split/);
    expect(run(['validate', file, '--year', '2019', '--unit', '1000000', '--against', 'split']).status).toBe(0);
    const other = run(['validate', file, '--year', '2019', '--unit', '1000', '--against', 'split', '--format', 'json', '--locale', 'en']);
    expect(other.status).toBe(1);
    expect(JSON.parse(other.stdout).against).toEqual({ reference: 'split', description: 'what allocate writes with: --year 2019 --unit 1000' });
    expect(errorsOf(other.stdout).filter((e) => e.code === 'rule-deviation').length).toBeGreaterThan(0);
  });

  it('the first line of every format names the reference, and --against chooses it explicitly', () => {
    const args = ['--data', list, '--basis', 'w', '--total', '1000', '--unit', '10'];
    const file = save(run(['allocate', ...args, '--format', 'csv']).stdout);
    const split = `what allocate writes with: --data ${list} --basis w --total 1000 --unit 10`;
    expect(run(['validate', file, ...args, '--locale', 'en']).stdout.split('\n')[0]).toBe(`Validation of ${file} against ${split}`);
    expect(run(['validate', file, ...args, '--against', 'split', '--format', 'github', '--locale', 'en']).stdout.split('\n')[0]).toBe(`::notice title=statsbidrag validate::${file} checked against ${split}`);
    const stated = run(['validate', file, '--stated', 'amount=1000', '--format', 'json', '--locale', 'en']);
    expect(JSON.parse(stated.stdout).against).toEqual({ reference: 'stated', description: 'the stated sums: amount = 1,000' });
    const published = run(['validate', 'tillvaxtverket-2018', '--locale', 'en']).stdout.split('\n')[0];
    expect(published).toBe("Validation of tillvaxtverket-2018 against the programme's rules (tillvaxtverket) for years 2019 and 2020–2027, split by Belopp 2018");
    // In Swedish, the default.
    const svSplit = `det allocate skriver med: --data ${list} --basis w --total 1000 --unit 10`;
    expect(run(['validate', file, ...args]).stdout.split('\n')[0]).toBe(`Granskning av ${file} mot ${svSplit}`);
    expect(run(['validate', file, ...args, '--against', 'split', '--format', 'github']).stdout.split('\n')[0]).toBe(`::notice title=statsbidrag validate::${file} granskad mot ${svSplit}`);
    expect(JSON.parse(run(['validate', file, '--stated', 'amount=1000', '--format', 'json']).stdout).against).toEqual({ reference: 'stated', description: 'de angivna summorna: amount = 1 000' });
    expect(run(['validate', 'tillvaxtverket-2018']).stdout.split('\n')[0]).toBe('Granskning av tillvaxtverket-2018 mot programmets regler (tillvaxtverket) för åren 2019 och 2020–2027, fördelat efter Belopp 2018');
    // Options that do not go with the reference asked for: one line, exit 2.
    for (const [extra, message] of [
      [['--against', 'rules', '--total', '1000'], /--against rules .*--total is allocate's/],
      [['--against', 'rules', '--unit', '10'], /--against rules .*--unit is allocate's/],
      [['--against', 'stated'], /--against stated needs at least one --stated/],
      [['--against', 'stated', '--stated', 'amount=1000', '--data', list], /--data is allocate's/],
      [['--against', 'table'], /--against/],
    ] as const) {
      const r = run(['validate', file, ...extra]);
      expect(r.status, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('--stated COLUMN=AMOUNT: a table of no programme, its sum checked exactly, and with --basis --unit the rule', () => {
    const file = save('name,w,amount\nAlfa,1,140\nBeta,2,290\nGamma,4,570\n');
    const ok = run(['validate', file, '--stated', 'amount=1000', '--basis', 'w', '--unit', '10']);
    expect(ok.stdout).not.toMatch(/programme/i);
    expect(ok.status).toBe(0);
    const sum = run(['validate', file, '--stated', 'amount=1001', '--format', 'json']);
    expect(sum.status).toBe(1);
    expect(errorsOf(sum.stdout)).toEqual([expect.objectContaining({ code: 'stated-sum-mismatch', row: null, column: 'amount' })]);
    const rule = run(['validate', file, '--stated', 'amount=1000', '--basis', 'w', '--unit', '1', '--format', 'json']);
    expect(rule.status).toBe(1);
    expect(errorsOf(rule.stdout)).toContainEqual(expect.objectContaining({ code: 'rule-deviation', row: 2, column: 'amount' }));
  });

  it('--format github: one annotation per finding at its file, line and column', () => {
    const args = ['--data', list, '--basis', 'w', '--total', '1000', '--unit', '10'];
    const csv = run(['allocate', ...args, '--format', 'csv']).stdout;
    const file = save(changeCell(csv, 4, 'amount', plus(-10n)), 'a,b:c.csv');
    const r = run(['validate', file, ...args, '--format', 'github', '--locale', 'en']);
    expect(r.status).toBe(1);
    const escaped = file.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(r.stdout).toContain(`::error file=${escaped},line=4,col=3,title=rule-deviation::`);
    // The ::notice naming the reference, then one annotation per finding.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::')).length).toBe(1 + JSON.parse(run(['validate', file, ...args, '--format', 'json']).stdout).errors.length);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/: INVALID, 2 errors/);
  });

  it('--quiet prints only the summary line; --report still works as the old name of --format', () => {
    const csv = run(['allocate', '--format', 'csv']).stdout;
    const file = save(csv);
    const q = run(['validate', file, '--quiet', '--locale', 'en']);
    expect(q.status).toBe(0);
    expect(q.stdout).toBe(`${file}: VALID, 0 errors, 0 warnings (32 recipient rows, 11 amount columns, 352 cells)\n`);
    expect(run(['validate', file, '--quiet']).stdout).toBe(`${file}: GILTIG, 0 fel, 0 varningar (32 mottagarrader, 11 beloppskolumner, 352 celler)\n`);
    expect(JSON.parse(run(['validate', file, '--report', 'json']).stdout).valid).toBe(true);
    expect(run(['validate', '--help']).stdout).not.toContain('--report');
  });

  it('JSON input: the JSON allocate writes validates; a changed amount fails at the JSON line of its row', () => {
    const args = ['--data', list, '--basis', 'w', '--total', '1000', '--unit', '10'];
    const json = run(['allocate', ...args, '--format', 'json']).stdout;
    expect(run(['validate', save(json, 'a.json'), ...args]).status).toBe(0);
    expect(run(['validate', '-', ...args], { input: json }).status).toBe(0);
    const doc = JSON.parse(json) as { rows: Record<string, string>[] };
    doc.rows[1]!['amount'] = String(Number(doc.rows[1]!['amount']) + 10);
    const text = JSON.stringify(doc, null, 2);
    const line = text.split('\n').findIndex((l, i, all) => l.trim() === '{' && all[i + 1]!.includes('"Beta"')) + 1;
    const bad = run(['validate', save(text, 'b.json'), ...args, '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(errorsOf(bad.stdout)).toContainEqual(expect.objectContaining({ code: 'rule-deviation', row: line, column: 'amount' }));
  });

  it('bad input: one line naming the file and field, exit 2, no stack trace', () => {
    const bad = run(['validate', save('{"rows": [1]}', 'x.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^statsbidrag: .*x\.json.*\n$/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const stated = run(['validate', save(LIST), '--stated', 'nope']);
    expect(stated.status).toBe(2);
    expect(stated.stderr).toMatch(/--stated/);
  });
});
