/**
 * allocate --explain-range through the built CLI: the range it gives for a row is checked by
 * running allocate again at the range's ends and one unit beyond them — the row's amount is the
 * same at the ends and differs beyond (the oracle is the tool's own split at other totals).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const MILLION = 1_000_000n;
const base = (method: string, total: bigint) => ['allocate', '--data', 'tillvaxtverket-2018', '--basis', 'Belopp 2018', '--total', total.toString(), '--unit', '1000000', '--method', method];

interface Row {
  recipient: string;
  amount: string;
  totalRange?: { down: string; up: string | null };
}
function explained(method: string, total: bigint, range = true): Row[] {
  const r = run([...base(method, total), ...(range ? ['--explain-range'] : ['--explain']), '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { periods: { explain: Row[] }[] }).periods[0]!.explain;
}

describe('allocate --explain-range', () => {
  for (const method of ['largest-remainder', 'sainte-lague']) {
    it(`${method}: at each end of a row's range its amount is unchanged; one unit beyond, it differs`, () => {
      const total = 105n * MILLION;
      const rows = explained(method, total);
      for (const pick of [0, 14]) {
        const row = rows[pick]!;
        const down = BigInt(row.totalRange!.down);
        const up = BigInt(row.totalRange!.up!);
        const at = (t: bigint): string => explained(method, t, false)[pick]!.amount;
        expect(at(total - down)).toBe(row.amount);
        expect(at(total + up)).toBe(row.amount);
        if (total - down > 0n) expect(at(total - down - MILLION)).not.toBe(row.amount);
        expect(at(total + up + MILLION)).not.toBe(row.amount);
      }
    });
  }

  it('the table shows the two columns and the note, in Swedish and English; CSV has total_down and total_up', () => {
    const sv = run([...base('largest-remainder', 105n * MILLION), '--explain-range']);
    expect(sv.stdout).toMatch(/Totalen kan sjunka\s+Totalen kan stiga/);
    expect(sv.stdout).toContain('Totalen kan sjunka/stiga: hur många kronor');
    const en = run([...base('largest-remainder', 105n * MILLION), '--explain-range', '--locale', 'en', '--format', 'md']);
    expect(en.stdout).toContain('| Total may fall by | Total may rise by |');
    const csv = run([...base('largest-remainder', 105n * MILLION), '--explain-range', '--format', 'csv']);
    expect(csv.stdout.split(/\r?\n/)[0]).toMatch(/,bound,total_down,total_up$/);
    // Karlskrona: 3 of 105 millions, 2 of 106 (the Alabama paradox): its amount holds for no rise at all.
    const karlskrona = csv.stdout.split(/\r?\n/).find((l) => l.includes(',Karlskrona,'))!;
    expect(karlskrona.endsWith(',0')).toBe(true);
  });

  it('largest remainder with a weight that is a billionth of the total, in units of 1 kr: a located usage error (range-too-far), exit 2, not an endless walk', () => {
    const list = join(tempDir(), 'tiny.csv');
    writeFileSync(list, 'recipient,weight\nA,1\nB,999999999\n');
    const r = run(['allocate', '--data', list, '--basis', 'weight', '--total', '1000000000', '--unit', '1', '--method', 'largest-remainder', '--explain-range'], { timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^statsbidrag: .*"A" takes more splits to find than the tool makes/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // The same list under a divisor method: found at once.
    const d = run(['allocate', '--data', list, '--basis', 'weight', '--total', '1000000000', '--unit', '1', '--method', 'dhondt', '--explain-range', '--format', 'json']);
    expect(d.status, d.stderr).toBe(0);
  }, 120_000);
});
