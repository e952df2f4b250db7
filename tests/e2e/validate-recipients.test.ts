/** validate against the programme's list (issue #12): names against codes, and no cascade from one unknown row. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

interface JsonFinding { code: string; severity: string; row: number | null; column: string | null; recipient: string | null }

function validateJson(text: string): { status: number | null; errors: JsonFinding[] } {
  const file = join(tempDir(), 'table.csv');
  writeFileSync(file, text);
  const r = run(['validate', file, '--report', 'json']);
  return { status: r.status, errors: (JSON.parse(r.stdout) as { errors: JsonFinding[] }).errors };
}

const csv = run(['allocate', '--format', 'csv']).stdout;

describe('names against codes', () => {
  it('a known name with another recipient\'s code is an error at that row', () => {
    const r = validateJson(csv.replace('Malmö,1280,', 'Malmö,1480,'));
    expect(r.status).toBe(1);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'name-code-mismatch', row: 19, column: 'code', recipient: 'Malmö' })]);
  });

  it('a code with another name is an error at that row, and nothing cascades', () => {
    const r = validateJson(csv.replace('Malmö,1280,', 'Malmoe,1280,'));
    expect(r.status).toBe(1);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'name-code-mismatch', row: 19, recipient: 'Malmoe' })]);
  });
});

describe('one unknown recipient is one finding', () => {
  it('an extra row with a name not in the list: one error, every other row still checked and passing', () => {
    const lines = csv.trimEnd().split('\n');
    const extra = lines[18]!.replace(/^Malmö,1280,/, 'Atlantis,9999,');
    const r = validateJson([...lines, extra, ''].join('\n'));
    expect(r.status).toBe(1);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'unknown-recipient', row: 34, recipient: 'Atlantis' })]);
  });

  it('a missing row is one finding', () => {
    const r = validateJson(csv.split('\n').filter((l) => !l.startsWith('Uppsala,')).join('\n'));
    expect(r.errors).toEqual([expect.objectContaining({ code: 'missing-recipient', recipient: 'Uppsala' })]);
  });
});
