/** The bulk lane through the built CLI: same bytes as the general path, and a clean fallback. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from '../helpers/cli.js';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

describe('allocate on a large plain list', () => {
  it('writes the same CSV as the general reader (forced by a quoted header)', () => {
    const dir = tempDir();
    let seed = 7;
    const rows = Array.from({ length: 5000 }, (_, i) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return `r${i},${seed % 100000}${i % 7 === 0 ? '.25' : ''}`;
    });
    const plain = join(dir, 'plain.csv');
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(plain, ['name,weight', ...rows].join('\n') + '\n');
    writeFileSync(quoted, ['"name",weight', ...rows].join('\n') + '\n');
    for (const method of ['largest-remainder', 'sainte-lague']) {
      const args = ['allocate', '--basis', 'weight', '--total', '123 456 789', '--unit', '1', '--method', method, '--format', 'csv'];
      const a = run([...args, '--data', plain]);
      const b = run([...args, '--data', quoted]);
      expect(a.status, a.stderr).toBe(0);
      expect(a.stdout.split('\n')).toHaveLength(5002);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('writes the same JSON as the general reader, provenance included (forced by a quoted header in the same file)', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 3000 }, (_, i) => `${i % 500 === 0 ? `r\\${i}\u0001😀` : `r${i}`},${(i * 7919) % 100000}${i % 7 === 0 ? '.25' : ''}`);
    const file = join(dir, 'list.csv');
    for (const [method, extra] of [['largest-remainder', []], ['round-down', ['--year', '2024']], ['dhondt', ['--first-divisor', '0.5']]] as const) {
      const args = ['allocate', '--data', file, '--basis', 'weight', '--total', '123 456 789.5', '--unit', '0.5', '--method', method, '--format', 'json', ...extra];
      writeFileSync(file, ['name,weight', ...rows].join('\n') + '\n');
      const a = run(args);
      writeFileSync(file, ['"name",weight', ...rows].join('\n') + '\n');
      const b = run(args);
      expect(a.status, a.stderr).toBe(0);
      expect(JSON.parse(a.stdout).rows).toHaveLength(3000);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('falls back to the general reader for stdin it declines, reading the input only once', () => {
    const r = run(['allocate', '--data', '-', '--basis', 'vikt', '--total', '100', '--format', 'csv'], { input: 'namn;vikt\nA;1.000,5\nB;3,5\n' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,weight,amount\nA,1000.5,100\nB,3.5,0\n');
    const dup = run(['allocate', '--data', '-', '--basis', 'w', '--total', '100', '--format', 'csv'], { input: 'name,w\nA,1\nA,2\n' });
    expect(dup.status).toBe(2);
    expect(dup.stderr.trim()).toBe('statsbidrag: -: lines 2 and 3: "A" appears twice (names match regardless of case, Unicode form, surrounding and zero-width spaces, and a footnote mark at the end), and would be paid twice');
  });
});

describe('allocate --programme on a large plain list', () => {
  // 100 000 recipients with codes (every seventh empty), weights as the bench makes them (one in ten with two decimals).
  const dir = tempDir();
  const file = join(dir, 'list.csv');
  let seed = 20180424;
  const rows = Array.from({ length: 100_000 }, (_, i) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return `${i % 7 ? String(i).padStart(6, '0') : ''},r${i},${(seed % 1_000_000) + 1}${i % 10 === 0 ? `.${String(seed % 100).padStart(2, '0')}` : ''}`;
  });
  // One name with a letter outside ASCII: the list in UTF-8 is read by the lane's own reader; the
  // same list in Windows-1252 by the general reader (decoded once), into the same model, and split
  // on the lane from that table (tests/property/bulk-table.test.ts holds both to the general path).
  rows[1] = rows[1]!.replace(',r1,', ',Västerås,');
  const plain = Buffer.from(['Kommunkod,recipient,weight', ...rows].join('\n') + '\n', 'utf8');
  const general1252 = Buffer.from(['Kommunkod,recipient,weight', ...rows].join('\n') + '\n', 'latin1');
  // The lane splits this list in a 40 MB heap.
  const capped = { nodeArgs: ['--max-old-space-size=40'] };

  it.each([
    ['every year, admin costs from the rules, Swedish CSV', ['--year', 'all', '--format', 'csv', '--excel', '--headers', 'sv']],
    ['one range with --admin, JSON', ['--year', '2020-2027', '--admin', '2%', '--method', 'sainte-lague', '--format', 'json']],
  ])('%s: takes the lane (in a 40 MB heap) and writes the general path\'s bytes', (_, extra) => {
    const out = join(dir, 'out.txt');
    const args = ['allocate', '--data', file, '--programme', 'tillvaxtverket', '--basis', 'weight', ...extra, '--out', out];
    writeFileSync(file, plain);
    const lane = run(args, capped);
    expect(lane.status, lane.stderr).toBe(0);
    const laneBytes = readFileSync(out);
    writeFileSync(file, general1252);
    const general = run(args);
    expect(general.status, general.stderr).toBe(0);
    const generalBytes = readFileSync(out);
    expect(laneBytes.toString('utf8')).toContain('r99999');
    expect(laneBytes.equals(generalBytes)).toBe(true);
  }, 120_000);
  it('takes the lane for a scenario on a list (the rules naming it and its code column), and for one that removes a recipient', () => {
    const rules = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as { programmes: { id: string; recipients?: unknown }[] };
    rules.programmes.find((p) => p.id === 'tillvaxtverket')!.recipients = { file: 'list.csv', id: 'recipient', code: 'Kommunkod', basis: 'weight' };
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const scenario = { version: 1, name: 'test', years: '2019-2022', periods: [{ years: '2020', total: '2 500 000 000', admin: '2%' }], method: 'sainte-lague' };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const out = join(dir, 'scenario-out.txt');
    const args = (name: string) => ['allocate', '--rules', join(dir, 'rules.json'), '--scenario', join(dir, name), '--format', 'csv', '--out', out];
    // The rules name list.csv beside them: the list the tests above use.
    writeFileSync(file, plain);
    const lane = run(args('scenario.json'), capped);
    expect(lane.status, lane.stderr).toBe(0);
    const laneBytes = readFileSync(out);
    const [head, first, second] = laneBytes.toString('utf8').split('\n');
    expect(head).toBe('recipient,code,weight,amount_2019,amount_2020,amount_2021,amount_2022,total');
    expect([first!.split(',')[1], second!.split(',')[1]]).toEqual(['', '000001']);
    writeFileSync(file, general1252);
    const general = run(args('scenario.json'));
    expect(general.status, general.stderr).toBe(0);
    expect(laneBytes.equals(readFileSync(out))).toBe(true);
    // Removing a recipient is made on the lane's columns (app/bulk-scenario.ts): within the capped heap, the general path's bytes.
    writeFileSync(join(dir, 'remove.json'), JSON.stringify({ ...scenario, recipients: { remove: ['r7'] } }));
    writeFileSync(file, plain);
    const removedLane = run(args('remove.json'), capped);
    expect(removedLane.status, removedLane.stderr).toBe(0);
    const removedBytes = readFileSync(out);
    expect(removedBytes.toString('utf8')).not.toMatch(/^r7,/m);
    writeFileSync(file, general1252);
    const removed = run(args('remove.json'));
    expect(removed.status, removed.stderr).toBe(0);
    expect(removedBytes.equals(readFileSync(out))).toBe(true);
  }, 120_000);
});
