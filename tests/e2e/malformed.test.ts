/**
 * The malformed-input corpus (tests/fixtures/malformed/). For each input: exit code 2, exactly
 * one line on stderr naming the file and where (line and field, or JSON path), no stack trace,
 * nothing on stdout, and an existing --out file left exactly as it was.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers/cli.js';

const DIR = join('tests', 'fixtures', 'malformed');
const f = (name: string): string => join(DIR, name);

interface Case {
  args: string[];
  /** What stderr must say, beyond the file name. */
  says: RegExp;
  /** The file the message must name (default: the fixture). */
  names?: string;
}

const data = (name: string, says: RegExp, basis = 'weight'): [string, Case] => [
  name,
  { args: ['allocate', '--data', f(name), '--basis', basis, '--total', '1000'], says },
];
const rules = (name: string, says: RegExp, names?: string): [string, Case] => [
  name,
  { args: ['allocate', '--rules', f(name)], says, ...(names ? { names } : {}) },
];

const CASES: [string, Case][] = [
  data('empty.csv', /the file is empty/),
  data('whitespace-only.csv', /the file is empty/),
  data('header-only.csv', /:2: has a header but no rows/),
  data('missing-basis-column.csv', /no basis column "weight" \(columns: "name", "vikt"\)/),
  data('duplicate-recipient.csv', /duplicate-recipient\.csv: lines 2 and 4: "A" appears twice \(names match regardless of case/),
  data('negative-weight.csv', /:3: field "weight": "-2" is negative/),
  data('unicode-minus-weight.csv', /:3: field "weight": ".2" is negative/),
  data('non-numeric-weight.csv', /:3: field "weight": "abc" is not an amount/),
  data('nan-weight.csv', /:2: field "weight": "NaN" is not an amount: not a finite number/),
  data('infinity-weight.csv', /:3: field "weight": "Infinity" is not an amount: not a finite number/),
  data('exponent-1e400.csv', /:3: field "weight": "1e400" is not an amount: exponent notation/),
  data('exponent-1e5.csv', /:2: field "weight": "1e5" is not an amount: exponent notation/),
  data('huge-number.csv', /:3: field "weight": .* more than 30 digits/),
  data('huge-grouped-number.csv', /:3: field "weight": .* more than 30 digits/),
  data('unbalanced-quote.csv', /:4: CSV syntax: a quoted field opened on this line or before is never closed/),
  data('quote-inside-field.csv', /:3: CSV syntax/),
  data('extra-field.csv', /:3: this line has 3 fields where the header has 2/),
  data('missing-field.csv', /:3: this line has 1 field where the header has 2/),
  data('wrong-delimiter.csv', /:2: this line has 1 field where the header has 2 \(delimiter ";"\)/),
  data('empty-weight-cell.csv', /:3: field "weight": no value for "B"/),
  data('blank-weight-cell.csv', /:3: field "weight": no value for "B"/),
  data('empty-recipient.csv', /:3: field "name": empty recipient name/),
  data('broken-grouping.csv', /:2: field "weight": "164 000 00" is not an amount: digit groups .*most likely 164 000 000/),
  data('ambiguous-separator.csv', /:2: field "weight": "1,350" is not an amount: could mean 1350 or 1.350/),
  data('two-decimal-marks.csv', /:2: field "weight": "1,2,3" is not an amount/),
  data('mixed-separators.csv', /:2: field "weight": "1.234,5.6" is not an amount/),
  data('percent-weight.csv', /:2: field "weight": "5 %" is not an amount: a percentage/),
  data('text-and-number.csv', /:2: field "weight": "12 kr 5" is not an amount/),
  data('formula-weight.csv', /:2: field "weight": "=1\+1" is not an amount/),
  data('duplicate-header.csv', /:1: field "weight": column "weight" appears twice/),
  data('empty-header.csv', /:2: column 2 has no header, but holds "x" on this line \(the header is on line 1\)/),
  data('all-zero-weights.csv', /field "weight": no recipient has a positive weight/),
  data('bom-header-wrong-column.csv', /no basis column "weight" \(columns: "name", "vikt"\)/),
  data('multiline-then-bad.csv', /:4: field "weight": "zz" is not an amount/),
  data('crlf-bad-line.csv', /:4: field "weight": "x" is not an amount/),
  data('binary.csv', /contains NUL bytes: not a text file/),
  data('bom-invalid-utf8.csv', /byte order mark but is not valid UTF-8/),
  data('windows-1252-bad-value.csv', /:4: field "vikt": "tre" is not an amount/, 'vikt'),
  data('utf16-bad-value.csv', /:3: field "weight": "x" is not an amount/),
  data('a-directory.csv', /is a directory, not a file/),
  data('no-such-file.csv', /no such file/),
  rules('rules-not-json.json', /:2: not valid JSON/),
  rules('rules-empty.json', /not valid JSON/),
  rules('rules-array.json', /: \(root\): /),
  rules('rules-version-string.json', /: version: /),
  rules('rules-unsafe-json-number.json', /: programmes\[0\]\.periods\[0\]\.statedTotal\.value: .*not exact as a JSON number/),
  rules('rules-negative-unit.json', /: programmes\[0\]\.periods\[1\]\.unit\.value: must be greater than zero/),
  rules('rules-unknown-source.json', /: programmes\[0\]\.periods\[1\]\.statedTotal\.source: unknown source "seed-999"/),
  rules('rules-no-periods.json', /: programmes\[0\]\.periods: /),
  rules('rules-backwards-years.json', /: programmes\[0\]\.periods\[2\]\.years: .*ends before it starts/),
  rules('rules-split-above-total.json', /: programmes\[0\]\.periods\[1\]\.amountSplit: larger than the stated total/),
  rules('rules-unknown-field.json', /: programmes\[0\]: .*budget/),
  rules('rules-programmes-object.json', /: programmes: /),
  rules('rules-misspelt-amount.json', /: programmes\[0\]\.periods\[1\]\.statedTotal\.value: "1,35 miljardr" is not an amount/),
  rules('rules-unknown-method.json', /: programmes\[0\]\.periods\[0\]\.method\.value: unknown method "coin-toss"/),
  rules('rules-missing-data-file.json', /nowhere\.csv: no such file/, 'nowhere.csv'),
  rules('rules-duplicate-programme.json', /: programmes\[2\]\.id: duplicate programme id "tillvaxtverket"/),
  rules('rules-overlapping-periods.json', /: programmes\[0\]\.periods\[2\]\.years: overlaps an earlier period/),
  rules('rules-nan-total.json', /: programmes\[0\]\.periods\[0\]\.statedTotal\.value: "NaN" is not an amount/),
  rules('rules-wrong-basis-column.json', /no basis column "Belopp 2017"/, 'tillvaxtverket-2018.csv'),
];

function expectCleanFailure(args: string[], says: RegExp, names: string): void {
  const dir = tempDir();
  const out = join(dir, 'existing.csv');
  writeFileSync(out, 'precious,old\n1,2\n');
  const r = run([...args, '--out', out]);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^statsbidrag: /);
  expect(lines[0]).toContain(names);
  expect(lines[0]).toMatch(says);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(readFileSync(out, 'utf8')).toBe('precious,old\n1,2\n');
}

describe('malformed inputs: exit 2, one located line, nothing written', () => {
  it('has a corpus of at least 50 inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)('%s', (name, c) => {
    expectCleanFailure(c.args, c.says, c.names ?? name);
  });

  it('a file that cannot be read (permissions)', () => {
    if (process.getuid?.() === 0) return; // root reads anything; covered by the path-through-a-file case
    const dir = tempDir();
    const file = join(dir, 'secret.csv');
    writeFileSync(file, 'name,weight\nA,1\n');
    chmodSync(file, 0o000);
    expectCleanFailure(['allocate', '--data', file, '--basis', 'weight', '--total', '1'], /permission denied/, 'secret.csv');
  });

  it('a path that runs through a file', () => {
    expectCleanFailure(['allocate', '--data', join(ROOT, 'package.json', 'x.csv'), '--basis', 'w', '--total', '1'], /cannot be read \(ENOTDIR\)/, 'x.csv');
  });
});

describe('bad options: exit 2, one line naming the option, nothing written', () => {
  it.each([
    [['allocate', '--programme', 'nope'], /no programme "nope"/],
    [['allocate', '--year', '2031'], /no money for 2031/],
    [['allocate', '--year', '20x9'], /--year: "20x9" is not a year/],
    [['allocate', '--total', 'abc', '--data', 'data/tillvaxtverket-2018.csv', '--basis', '2018'], /--total: "abc" is not an amount/],
    [['allocate', '--unit', '0'], /--unit: must be greater than zero/],
    [['allocate', '--admin', '150%'], /--admin: "150%" is more than 100 %/],
    [['allocate', '--basis', 'Belopp 2030'], /no basis column "Belopp 2030"/],
    [['allocate', '--year', '2019', '--unit', '7'], /^statsbidrag: 2019: the amount to split, 1325000000 \(the total 1350000000 less 25000000 of administrative costs\), is not a whole number of units of 7 /],
    // Administrative costs taken first: the amount named, and where it comes from.
    [['allocate', '--year', '2019', '--admin', '0.5%'], /^statsbidrag: 2019: the amount to split, 1343250000 \(the total 1350000000 less 6750000 of administrative costs\), is not a whole number of units of 1000000 \(1343000000 would be, leaving 250000\)/],
  ] as [string[], RegExp][])('%j', (args, says) => {
    expectCleanFailure(args, says, 'statsbidrag');
  });

  it('--out into a folder that does not exist fails cleanly and creates nothing', () => {
    const dir = tempDir();
    const out = join(dir, 'missing', 'out.csv');
    const r = run(['allocate', '--format', 'csv', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`statsbidrag: ${out}: the folder does not exist; nothing was written`);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('--out onto a directory fails cleanly', () => {
    const dir = tempDir();
    const r = run(['allocate', '--format', 'csv', '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(dir);
  });
});
