import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT, run, tempDir } from '../helpers/cli.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'validate');
const PUBLISHED = join(DATA, 'tillvaxtverket-2018.csv');

describe('statsbidrag validate (built CLI)', () => {
  it('the published table fails (exit 1) with the two broken 2019 cells and their proposed values', () => {
    const r = run(['validate', PUBLISHED, '--locale', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('INVALID');
    expect(r.stdout.match(/error {3}broken-digit-grouping/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/line 5, Belopp 2019, Stockholm\n.*most likely 164,000,000/);
    expect(r.stdout).toMatch(/line 24, Belopp 2019, Göteborg\n.*most likely 106,000,000/);
    // Every column's difference is explained.
    expect(r.stdout.match(/unexplained +0 +nothing left over/g)).toHaveLength(3);
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour into a pipe
    // The same in Swedish, the default.
    const sv = run(['validate', PUBLISHED]);
    expect(sv.status).toBe(1);
    expect(sv.stdout).toMatch(/: OGILTIG, 2 fel, 0 varningar \(32 mottagarrader, 3 beloppskolumner, 96 celler\)\n$/);
    expect(sv.stdout.match(/fel {5}broken-digit-grouping/g)).toHaveLength(2);
    expect(sv.stdout).toMatch(/vid rad 5, Belopp 2019, Stockholm\n.*troligen 164 000 000/);
    expect(sv.stdout.match(/oförklarat +0 +inget över/g)).toHaveLength(3);
  });

  it('--report json follows the documented shape, with money as strings', () => {
    const r = run(['validate', PUBLISHED, '--report', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      schema: string;
      valid: boolean;
      stats: { errors: number };
      errors: Record<string, unknown>[];
      summary: { columns: { column: string; checks: { difference: string }[] }[] };
    };
    expect(report.schema).toBe('statsbidrag/validation');
    expect(report.valid).toBe(false);
    expect(report.stats.errors).toBe(2);
    expect(Object.keys(report.errors[0]!)).toEqual(['code', 'severity', 'row', 'column', 'recipient', 'expected', 'actual', 'message']);
    expect(report.errors.map((e) => [e.row, e.expected])).toEqual([
      [5, '164000000'],
      [24, '106000000'],
    ]);
    expect(report.summary.columns.map((c) => c.checks[0]!.difference)).toEqual(['-14604000', '-26000000', '-25000000']);
  });

  it('a clean table passes with exit 0', () => {
    const r = run(['validate', join(FIX, 'clean.csv'), '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('VALID');
    expect(run(['validate', join(FIX, 'clean.csv')]).stdout).toMatch(/: GILTIG, 0 fel/);
    expect(run(['validate', join(FIX, 'semicolon-plain.csv'), '--report', 'json']).status).toBe(0);
  });

  it.each([
    ['negative.csv', 'negative-amount', 2],
    ['missing-row.csv', 'missing-recipient', null],
    ['total-row.csv', 'total-row-mismatch', 34],
  ])('%s: exit 1 with %s at row %s', (file, code, row) => {
    const r = run(['validate', join(FIX, file), '--report', 'json']);
    expect(r.status).toBe(1);
    const errors = (JSON.parse(r.stdout) as { errors: { code: string; row: number | null }[] }).errors;
    expect(errors).toContainEqual(expect.objectContaining({ code, row }));
  });

  it('reads stdin with -', () => {
    const r = run(['validate', '-', '--report', 'json'], { input: `Kommun,Belopp 2018\nJärfälla,9 979 000\n` });
    expect(r.status).toBe(1); // 31 municipalities missing
    expect(JSON.parse(r.stdout).stats.errors).toBe(31);
  });

  it('unreadable input is exit 2 with one line naming the file (and line)', () => {
    const missing = run(['validate', 'no-such-file.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no-such-file.csv');

    const dir = tempDir();
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'Kommun,Belopp 2018\nJärfälla,9 979 000,extra\n');
    const r = run(['validate', ragged]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ragged\.csv:2/);
    expect(r.stderr).not.toMatch(/at .*\.js/);

    const noYears = join(dir, 'no-years.csv');
    writeFileSync(noYears, 'Kommun,Belopp\nJärfälla,9 979 000\n');
    const n = run(['validate', noYears]);
    expect(n.status).toBe(2);
    // A bare "Belopp"/"amount" column is one year's amounts (the tool's own single-year output): it needs --year.
    expect(n.stderr).toContain('field "Belopp": column "Belopp" holds one year\'s amounts; say which year with --year');
    const named = run(['validate', noYears, '--year', '2018', '--programme', 'tillvaxtverket']);
    expect(named.status).toBe(1);
    expect(named.stdout).toMatch(/Belopp \(2018\)/);

    const noAmounts = join(dir, 'no-amounts.csv');
    writeFileSync(noAmounts, 'Kommun,Kommentar\nJärfälla,ok\n');
    const m = run(['validate', noAmounts]);
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('no column names a year');
  });

  it('usage errors are exit 2', () => {
    expect(run(['validate', PUBLISHED, '--report', 'xml']).status).toBe(2);
    expect(run(['validate', PUBLISHED, '--tolerance', 'lots']).status).toBe(2);
    expect(run(['validate', PUBLISHED, '--programme', 'nope']).status).toBe(2);
  });

  it('exact by default: a one-unit deviation is an error; --tolerance of one unit makes it a warning', () => {
    const dir = tempDir();
    const file = join(dir, 'off-by-one.csv');
    const clean = readFileSync(join(FIX, 'clean.csv'), 'utf8');
    writeFileSync(file, clean.replace('2181,Sandviken,8 244 000,27 000 000', '2181,Sandviken,8 244 000,28 000 000'));
    expect(run(['validate', file]).status).toBe(1);
    expect(run(['validate', file, '--tolerance', '0']).status).toBe(1);
    // The column's sum is then 1 000 000 over what the rule explains: still within the tolerance.
    expect(run(['validate', file, '--tolerance', '1000000']).status).toBe(0);
  });

  it('colours the text report only when forced, never the JSON', () => {
    const coloured = run(['validate', PUBLISHED], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\x1b\[/);
    expect(run(['validate', PUBLISHED, '--report', 'json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(run(['validate', PUBLISHED], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});
