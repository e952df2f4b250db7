/** validate as a CI gate (issue #12): any table allocate writes validates; one changed cell fails, named. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

/** The CSV text with one cell (row by recipient, column by header) replaced by f(old). */
function changeCell(csv: string, recipient: string, header: string, f: (old: string) => string, delimiter = ','): string {
  const lines = csv.split(/\r?\n/);
  const col = lines[0]!.split(delimiter).indexOf(header);
  expect(col).toBeGreaterThan(0);
  const i = lines.findIndex((l) => l.split(delimiter)[0] === recipient);
  expect(i).toBeGreaterThan(0);
  const cells = lines[i]!.split(delimiter);
  cells[col] = f(cells[col]!);
  lines[i] = cells.join(delimiter);
  return lines.join('\n');
}

const plus = (n: bigint) => (old: string) => (BigInt(old) + n).toString();

function save(text: string, name = 'table.csv'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

describe('validate is exact by default and checks the total column', () => {
  const csv = run(['allocate', '--format', 'csv']).stdout;

  it('the table allocate writes validates with exit 0', () => {
    const r = run(['validate', save(csv), '--locale', 'en']);
    expect(r.stdout).toMatch(/VALID/);
    expect(r.status).toBe(0);
  });

  it('a 2019 cell raised by 1 000 000 fails (exit 1) at that cell', () => {
    const r = run(['validate', save(changeCell(csv, 'Malmö', 'amount_2019', plus(1000000n))), '--report', 'json']);
    expect(r.status).toBe(1);
    const errors = JSON.parse(r.stdout).errors as { code: string; row: number | null; column: string | null; severity: string }[];
    expect(errors.filter((e) => e.severity === 'error')).toContainEqual(expect.objectContaining({ code: 'rule-deviation', row: 19, column: 'amount_2019' }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'sum-not-explained', column: 'amount_2019' }));
  });

  it('a total cell that no longer matches its row fails at that cell', () => {
    const r = run(['validate', save(changeCell(csv, 'Malmö', 'total', plus(1n))), '--report', 'json']);
    expect(r.status).toBe(1);
    const errors = JSON.parse(r.stdout).errors as { code: string; row: number | null; column: string | null; expected: string; actual: string }[];
    expect(errors).toEqual([expect.objectContaining({ code: 'total-column-mismatch', row: 19, column: 'total', expected: '1020979000', actual: '1020979001' })]);
  });

  it('--tolerance loosens the rule check again', () => {
    // Malmö +1 000 000 and Göteborg −1 000 000 in 2019 (their totals with them): the sum still holds.
    let text = changeCell(csv, 'Malmö', 'amount_2019', plus(1000000n));
    text = changeCell(text, 'Malmö', 'total', plus(1000000n));
    text = changeCell(text, 'Göteborg', 'amount_2019', plus(-1000000n));
    const file = save(changeCell(text, 'Göteborg', 'total', plus(-1000000n)));
    expect(run(['validate', file]).status).toBe(1);
    expect(run(['validate', file, '--tolerance', '1000000']).status).toBe(0);
  });
});
