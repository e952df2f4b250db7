/** `allocate --method …`, `--first-divisor`, floors/ceilings and `--explain` through the built CLI. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers/cli.js';

const VOTES = join(ROOT, 'tests', 'fixtures', 'apportion', 'riksdag-2018.csv');
const seats = ['--data', VOTES, '--basis', 'votes', '--id', 'party', '--total', '349', '--unit', '1'];

function amounts(stdout: string): Record<string, string> {
  const json = JSON.parse(stdout) as { rows: { recipient: string; amount: string }[] };
  return Object.fromEntries(json.rows.map((r) => [r.recipient, r.amount]));
}

describe('allocate with divisor methods', () => {
  it('splits the 349 Riksdag seats of 2018 by modified Sainte-Laguë (first divisor 1.2)', () => {
    const r = run(['allocate', ...seats, '--method', 'sainte-lague', '--first-divisor', '1.2', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(amounts(r.stdout)).toEqual({ S: '100', M: '70', SD: '62', C: '31', V: '28', KD: '22', L: '20', MP: '16' });
    expect(JSON.parse(r.stdout).periods[0].firstDivisor).toBe('1.2');
  });
  it('accepts the Swedish decimal comma in --first-divisor and names it in the table notes', () => {
    const r = run(['allocate', ...seats, '--method', 'sainte-lague', '--first-divisor', '1,2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('jämkade uddatalsmetoden (första divisor 1,2)');
  });
  it.each([
    ['dhondt', { S: '101', MP: '15' }],
    ['huntington-hill', { S: '100' }],
  ])('--method %s works end to end', (m, expected) => {
    const r = run(['allocate', ...seats, '--method', m, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(amounts(r.stdout)).toMatchObject(expected);
  });
  it('a first divisor for a method without one is a usage error: one line, exit 2', () => {
    const r = run(['allocate', ...seats, '--method', 'adams', '--first-divisor', '1.2']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/first divisor applies to dhondt and sainte-lague, not to adams/);
  });
  it('an unknown method is refused with exit 2', () => {
    expect(run(['allocate', ...seats, '--method', 'hare-niemeyer']).status).toBe(2);
  });
});

describe('floors and ceilings', () => {
  it('--ceiling cuts a row and shares the rest; the table marks it', () => {
    const r = run(['allocate', ...seats, '--method', 'sainte-lague', '--first-divisor', '1.2', '--ceiling', '90', '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.periods[0].heldAtCeiling).toEqual(['S']);
    const a = amounts(r.stdout);
    expect(a['S']).toBe('90');
    expect(Object.values(a).reduce((s, x) => s + Number(x), 0)).toBe(349);
    expect(run(['allocate', ...seats, '--method', 'dhondt', '--ceiling', '90']).stdout).toMatch(/S\s+90 C/);
  });
  it('--floor-column and --ceiling-column read per-recipient bounds; empty cells mean none', () => {
    const dir = tempDir();
    const file = join(dir, 'bounds.csv');
    writeFileSync(file, 'name,weight,min,max\nA,60,,50\nB,30,,\nC,10,15,\n');
    const r = run(['allocate', '--data', file, '--basis', 'weight', '--total', '100', '--method', 'largest-remainder', '--floor-column', 'min', '--ceiling-column', 'max', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(amounts(r.stdout)).toEqual({ A: '50', B: '35', C: '15' });
  });
  it('floors above the total are one clear line saying by how much, exit 2', () => {
    const r = run(['allocate', ...seats, '--method', 'dhondt', '--floor', '50']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('statsbidrag: field "--floor": the floors add up to 400, 51 more than the 349 to split\n');
    const ceilings = run(['allocate', ...seats, '--method', 'dhondt', '--ceiling', '10']);
    expect(ceilings.status).toBe(2);
    expect(ceilings.stderr).toBe('statsbidrag: field "--ceiling": the ceilings add up to 80, 269 less than the 349 to split\n');
  });
  it('bounds from columns that cannot hold are named by file, line and column (a floor above its ceiling; floors above the total)', () => {
    const dir = tempDir();
    const file = join(dir, 'bounds.csv');
    writeFileSync(file, 'name,weight,lo,hi\nA,1,500,400\nB,2,,\n');
    const crossed = run(['allocate', '--data', file, '--basis', 'weight', '--total', '1000', '--floor-column', 'lo', '--ceiling-column', 'hi']);
    expect(crossed.status).toBe(2);
    expect(crossed.stderr).toBe(`statsbidrag: ${file}:2: field "lo, hi": the floor of "A" (500) is above its ceiling (400)\n`);
    writeFileSync(file, 'name,weight,lo\nA,1,700\nB,2,400\n');
    const over = run(['allocate', '--data', file, '--basis', 'weight', '--total', '1000', '--floor-column', 'lo']);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe(`statsbidrag: ${file}: field "lo": the floors add up to 1100, 100 more than the 1000 to split\n`);
  });
  it('a negative cell in a floor column is an input error at its line and field', () => {
    const dir = tempDir();
    const file = join(dir, 'neg.csv');
    writeFileSync(file, 'name,weight,min\nA,1,\nB,1,-5\n');
    const r = run(['allocate', '--data', file, '--basis', 'weight', '--total', '10', '--floor-column', 'min']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:3: field "min"`);
  });
});

describe('--explain', () => {
  it('table: one explained table per period, with priorities for a divisor method', () => {
    const r = run(['allocate', ...seats, '--method', 'sainte-lague', '--first-divisor', '1.2', '--explain', '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Explained, amount');
    // S won its 100th seat at 1 830 386 / (199 / 2) = 18 395.8392.
    expect(r.stdout).toMatch(/S\s+1,830,386\s+28\.7003\s+100\.16\s+100\.1640\s+100\s+won last at 18,395\.8392; next 18,212\.7960/);
  });
  it('CSV: one record per period and recipient with the exact quota as a fraction', () => {
    const r = run(['allocate', ...seats, '--method', 'largest-remainder', '--explain', '--format', 'csv']);
    expect(r.status).toBe(0);
    const [header, first] = r.stdout.split('\n');
    expect(header).toBe('period,method,recipient,weight,share,quota,quota_units,quota_units_fraction,amount,remainder,last_priority,next_priority,tied,floor,ceiling,unconstrained,bound');
    expect(first).toBe(',largest-remainder,S,1830386,0.2870028606,100.163998,100.163998,319402357/3188794,100,0.163998,,,false,,,,');
  });
  it('JSON: an explain array per period; the bundled three-period allocation explains every period', () => {
    const r = run(['allocate', '--explain', '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.periods).toHaveLength(3);
    for (const p of json.periods) expect(p.explain).toHaveLength(32);
    expect(json.periods[1].explain[3]).toMatchObject({ recipient: 'Stockholm', amount: '164000000', tied: false });
  });
  it('md: explained tables follow the main one', () => {
    const r = run(['allocate', ...seats, '--method', 'adams', '--explain', '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('#### Förklaring, belopp');
  });
  it('without --explain the default output is unchanged (no explain fields)', () => {
    const r = run(['allocate', '--format', 'json']);
    expect(JSON.parse(r.stdout).periods[0]).not.toHaveProperty('explain');
  });
});
