/** The library API, imported through the package entry point as a user's script would. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function runScript(source: string): { status: number | null; stdout: string; stderr: string } {
  // A module inside the package may import the package by its own name (package.json "exports").
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("import { ... } from 'statsbidrag'", () => {
  it('splits exactly with split() and parseAmount()', () => {
    const r = runScript(`
      import { split, parseAmount, Decimal } from 'statsbidrag';
      const s = split({
        recipients: [{ id: 'A', weight: new Decimal(1) }, { id: 'B', weight: new Decimal(2) }],
        amount: parseAmount('1 000 kr'),
        unit: new Decimal(1),
        method: 'largest-remainder',
      });
      console.log(JSON.stringify(s.rows.map((r) => [r.recipient.id, r.amount.toFixed()])));
    `);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([['A', '333'], ['B', '667']]);
  });

  it('splits a column of weights with splitColumns() into typed units, as split() does', () => {
    const r = runScript(`
      import { splitColumns, columnAmount, split, Decimal } from 'statsbidrag';
      const weights = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1009);
      const request = { amount: new Decimal('1000000'), unit: new Decimal(1), method: 'sainte-lague' };
      const s = splitColumns({ ...request, weights });
      const g = split({ ...request, recipients: Array.from(weights, (w, i) => ({ id: 'r' + i, weight: new Decimal(w) })) });
      console.log(JSON.stringify({
        typed: s.units instanceof BigInt64Array,
        same: Array.from(s.units, (_, i) => columnAmount(s, i).toFixed()).join() === g.rows.map((r) => r.amount.toFixed()).join(),
        allocated: s.split.allocated.toFixed(),
      }));
    `);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ typed: true, same: true, allocated: '1000000' });
  });

  it('loads the bundled rules and data and allocates a programme', () => {
    const r = runScript(`
      import { loadRules, loadRecipients, allocate, DATA_DIR } from 'statsbidrag';
      import { join } from 'node:path';
      const { rules } = await loadRules();
      const programme = rules.programmes.find((p) => p.id === 'tillvaxtverket');
      const recipients = await loadRecipients(join(DATA_DIR, programme.recipients.file), { id: programme.recipients.id, basis: programme.recipients.basis });
      const a = allocate(recipients, { programme, years: { from: 2019, to: 2019 } });
      console.log(a.periods[0].split.allocated.toFixed(), a.periods[0].split.residual.toFixed());
    `);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('1324000000 1000000');
  });

  it('ships type declarations for the entry point, for import and for require', () => {
    const r = spawnSync(process.execPath, ['-e', "const p=require('./package.json');const fs=require('fs');const e=p.exports['.'];console.log([e.import.types,e.require.types].map((f)=>fs.existsSync(f)).join())"], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('true,true');
  });
});

describe('determinism', () => {
  it('the same input gives byte-identical output, in every format', () => {
    for (const format of ['table', 'csv', 'json', 'md']) {
      const a = spawnSync(process.execPath, ['bin/statsbidrag.cjs', 'allocate', '--format', format], { cwd: ROOT, encoding: 'utf8' });
      const b = spawnSync(process.execPath, ['bin/statsbidrag.cjs', 'allocate', '--format', format], { cwd: ROOT, encoding: 'utf8' });
      expect(a.status).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(100);
      expect(b.stdout).toBe(a.stdout);
    }
  });
});
