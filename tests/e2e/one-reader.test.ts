/**
 * One table reader for every command (src/io/table.ts): each fixture table, read by allocate,
 * validate, audit and award as a user runs them, gives the same numbers everywhere — and every
 * CSV the tool writes, in every dialect, reads back through the same reader to the same amounts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import { readTable, type Table } from '../../src/io/table.js';
import { translateHeader } from '../../src/render/headers.js';
import { ROOT, run, tempDir } from '../helpers/cli.js';
import { CSV_VALUES_SV } from '../../src/render/labels.js';
import { CAP_BY_TEXT, STATUS_TEXT } from '../../src/render/award-text.js';

const DIR = join(ROOT, 'tests', 'fixtures', 'dialects');
const sum = (xs: readonly string[]): string => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed();

/** Fixture → the basis column (2018) and the 2019 column as a person reads them. */
const TABLES: [string, { basis: string[]; column: string[] }][] = [
  ['semicolon-decimal-comma.csv', { basis: ['1.35', '2.65', '1000.5'], column: ['10', '20', '30.25'] }],
  ['comma-quoted-decimal-comma.csv', { basis: ['1.35', '2.5', '1000.5'], column: ['10', '20', '30.25'] }],
  ['tab-decimal-dot.csv', { basis: ['1.35', '0.5', '1000.5'], column: ['10', '20', '30.25'] }],
  ['bom-crlf-nbsp.csv', { basis: ['1.35', '2.65', '1000.5'], column: ['10', '20', '30.25'] }],
  ['windows-1252.csv', { basis: ['1.35', '2.65', '1000.5'], column: ['10', '20', '30.25'] }],
];

describe('every command reads a table the same way', () => {
  it.each(TABLES)('%s: allocate, validate and audit see the same weights and amounts', (name, expected) => {
    const file = join(DIR, name);
    const allocated = run(['allocate', '--data', file, '--basis', '2018', '--total', '1000', '--unit', '0.01', '--format', 'json']);
    expect(allocated.stderr).toBe('');
    const weights = JSON.parse(allocated.stdout).rows.map((r: { weight: string }) => r.weight);
    expect(weights.map((w: string) => new Decimal(w).toFixed())).toEqual(expected.basis);

    const validated = run(['validate', file, '--basis', '2018', '--report', 'json']);
    expect(validated.stderr).toBe('');
    const columns = JSON.parse(validated.stdout).summary.columns as { column: string; sum: string }[];
    expect(new Decimal(columns.find((c) => c.column === 'Belopp 2018')!.sum).toFixed()).toBe(sum(expected.basis));
    expect(new Decimal(columns.find((c) => c.column === 'Belopp 2019')!.sum).toFixed()).toBe(sum(expected.column));

    const audited = run(['audit', file, '--basis', '2018', '--column', '2019', '--stated', '100', '--format', 'json']);
    expect(audited.stderr).toBe('');
    expect(new Decimal(JSON.parse(audited.stdout).sum).toFixed()).toBe(sum(expected.column));
    const reversed = run(['audit', file, '--basis', '2019', '--column', '2018', '--stated', '100', '--format', 'json']);
    expect(new Decimal(JSON.parse(reversed.stdout).sum).toFixed()).toBe(sum(expected.basis));
  });

  it('the ";" file\'s 1,350 is 1.35 in allocate, validate, audit and award alike', () => {
    const file = join(DIR, 'semicolon-decimal-comma.csv');
    expect(JSON.parse(run(['allocate', '--data', file, '--basis', '2018', '--total', '1000', '--unit', '0.01', '--format', 'json']).stdout).rows[0].weight).toBe('1.35');
    const findings = JSON.parse(run(['validate', file, '--basis', '2018', '--report', 'json']).stdout).errors as { code: string }[];
    expect(findings.map((f) => f.code)).not.toContain('ambiguous-amount');
    expect(run(['audit', file, '--basis', '2018', '--column', '2019', '--stated', '100']).status).not.toBe(2);
    const award = run(['award', join(DIR, 'applications-semicolon.csv'), '--budget', '10000', '--unit', '0.01', '--format', 'json']);
    expect(award.stderr).toBe('');
    expect(JSON.parse(award.stdout).applications.map((r: { requested: string }) => new Decimal(r.requested).toFixed())).toEqual(['1.35', '2.65', '1000.5']);
  });
});

/** Every cell of `a` and `b`: the same amount (each read with its own file's decimal mark), or the same text. */
/** The Swedish words of the codes a CSV with Swedish headers writes, by (English) column name. */
const SV_WORDS: Record<string, Record<string, string>> = {
  ...CSV_VALUES_SV,
  status: { ...CSV_VALUES_SV['status'], ...STATUS_TEXT.sv },
  cap_by: CAP_BY_TEXT.sv,
};

function sameCells(a: Table, b: Table, language: 'en' | 'sv'): void {
  expect(b.headers).toEqual(a.headers.map((h) => translateHeader(h, language)));
  expect(b.rows.length).toBe(a.rows.length);
  a.rows.forEach((row, i) => {
    row.cells.forEach((cell, j) => {
      const x = readCell(cell, a.decimalMark);
      const y = readCell(b.rows[i]!.cells[j], b.decimalMark);
      if (x.kind === 'ok' && y.kind === 'ok') expect(`${b.rows[i]!.line}:${y.value.toFixed()}`).toBe(`${b.rows[i]!.line}:${x.value.toFixed()}`);
      else if (language === 'sv' && a.headers[j] === 'reason') expect(b.rows[i]!.cells[j] === '').toBe(cell === ''); // a sentence, in Swedish
      // With Swedish headers a code is its Swedish word (labels.ts CSV_VALUES_SV, award's words); any other text as it is.
      else expect(b.rows[i]!.cells[j]).toBe(language === 'sv' ? (SV_WORDS[a.headers[j]!]?.[cell] ?? cell) : cell);
    });
  });
}

const COMMANDS: [string, string[]][] = [
  ['allocate (programme, every year)', ['allocate']],
  ['allocate --explain', ['allocate', '--year', '2019', '--explain']],
  ['allocate (free split, decimals)', ['allocate', '--data', join(DIR, 'semicolon-decimal-comma.csv'), '--basis', '2018', '--total', '1000,5', '--unit', '0.01']],
  ['compare', ['compare', 'baseline', 'actual']],
  ['award', ['award', 'data/examples/gavleborg-applications.csv', '--ceiling', '300000', '--budget', '1 788 tkr']],
];
const DIALECTS: [string, string[], 'en' | 'sv'][] = [
  ['--excel', ['--excel'], 'en'],
  ['--delimiter tab', ['--delimiter', 'tab'], 'en'],
  ['--delimiter ; --decimal-mark ,', ['--delimiter', ';', '--decimal-mark', ','], 'en'],
  ['--delimiter tab --decimal-mark , --bom', ['--delimiter', 'tab', '--decimal-mark', ',', '--bom'], 'en'],
  ['--headers sv', ['--headers', 'sv'], 'sv'],
];

describe('every CSV the tool writes reads back to the same amounts', () => {
  const dir = tempDir();
  it.each(COMMANDS)('%s: each dialect flag reads back cell for cell as the plain CSV', async (_, args) => {
    const plainFile = join(dir, 'plain.csv');
    const plain = run([...args, '--format', 'csv', '--out', plainFile]);
    expect(plain.stderr).toBe('');
    const reference = await readTable(plainFile);
    for (const [label, flags, language] of DIALECTS) {
      const file = join(dir, `${label.replace(/\W+/g, '_')}.csv`);
      const r = run([...args, '--format', 'csv', ...flags, '--out', file]);
      expect(r.stderr, label).toBe('');
      sameCells(reference, await readTable(file), language);
    }
  }, 120_000); // a run for every dialect flag: under load, more than the default 30 s

  it('the plain CSV holds the JSON output\'s amounts (allocate)', async () => {
    const file = join(dir, 'alloc.csv');
    run(['allocate', '--format', 'csv', '--out', file]);
    const table = await readTable(file);
    const rows = JSON.parse(run(['allocate', '--format', 'json']).stdout).rows as Record<string, string>[];
    table.rows.forEach((row, i) => table.headers.forEach((h, j) => expect(row.cells[j]).toBe(rows[i]![h])));
  });

  it('a table written by allocate validates against its programme (csv, --excel, tab, Swedish headers)', () => {
    for (const flags of [[], ['--excel'], ['--delimiter', 'tab'], ['--headers', 'sv']]) {
      const file = join(dir, `own-${flags.join('')}.csv`);
      writeFileSync(file, run(['allocate', '--format', 'csv', ...flags]).stdout);
      const v = run(['validate', file]);
      expect(v.stderr, flags.join(' ')).toBe('');
      expect(v.status, `${flags.join(' ')}\n${v.stdout}`).toBe(0);
    }
    const single = join(dir, 'single.csv');
    writeFileSync(single, run(['allocate', '--year', '2019', '--format', 'csv']).stdout);
    expect(run(['validate', single, '--year', '2019']).status).toBe(0);
    expect(readFileSync(single, 'utf8').split('\n')[0]).toBe('recipient,code,weight,amount');
  });
});

describe('provenance', () => {
  it('JSON output names the tool version, programme, rules file with its SHA-256 and the command line', async () => {
    const { createHash } = await import('node:crypto');
    const rulesHash = createHash('sha256').update(readFileSync(join(ROOT, 'data', 'rules.json'))).digest('hex');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const allocation = JSON.parse(run(['allocate', '--year', '2019', '--format', 'json']).stdout);
    expect(allocation.provenance).toEqual({
      tool: 'statsbidrag',
      version,
      programme: 'tillvaxtverket',
      rules: { file: 'bundled:rules.json', sha256: rulesHash },
      command: 'statsbidrag allocate --year 2019 --format json',
    });
    const free = JSON.parse(run(['allocate', '--data', 'data/tillvaxtverket-2018.csv', '--basis', '2018', '--total', '1 000', '--format', 'json']).stdout);
    expect(free.provenance).toMatchObject({ programme: null, rules: null, command: "statsbidrag allocate --data data/tillvaxtverket-2018.csv --basis 2018 --total '1 000' --format json" });
    expect(JSON.parse(run(['compare', 'baseline', 'actual', '--format', 'json']).stdout).provenance).toMatchObject({ programme: 'tillvaxtverket', rules: { sha256: rulesHash } });
    const award = JSON.parse(run(['award', 'data/examples/gavleborg-applications.csv', '--ceiling', '300000', '--budget', '1 788 tkr', '--format', 'json']).stdout);
    expect(award.provenance).toMatchObject({ programme: 'delmos', rules: { sha256: rulesHash } });
    const validation = JSON.parse(run(['validate', 'data/tillvaxtverket-2018.csv', '--format', 'json']).stdout);
    expect(validation.provenance).toMatchObject({ programme: 'tillvaxtverket', rules: { sha256: rulesHash }, command: 'statsbidrag validate data/tillvaxtverket-2018.csv --format json' });
    const audit = JSON.parse(run(['audit', 'data/tillvaxtverket-2018.csv', '--basis', '2018', '--column', '2019', '--format', 'json']).stdout);
    expect(audit.provenance).toMatchObject({ programme: 'tillvaxtverket', rules: { sha256: rulesHash } });
    expect(JSON.parse(run(['audit', 'data/tillvaxtverket-2018.csv', '--basis', '2018', '--column', '2019', '--stated', '1', '--format', 'json']).stdout).provenance).toMatchObject({ programme: null, rules: null });
  });
});
