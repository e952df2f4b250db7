/**
 * A last row named like a recipient whose amounts happen to be the sums of the rows above it is a
 * recipient, in every command (core/total-rows.ts): it was set aside as a total row, and its money
 * paid to the others, with exit 0 (hostile review, 2026-12-07).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const NOTE = /line 4 "[^"]+" holds the sums of the rows above it, but is named like a recipient: read as a recipient/;

describe('a last row that holds the sums above by chance is a recipient (built CLI)', () => {
  it('award: the top-scored application is decided, not dropped (scores 1, 2, 3; requests 100, 200, 300 tkr)', () => {
    const dir = tempDir();
    const file = join(dir, 'apps.csv');
    writeFileSync(file, 'applicant,type,requested,cost,priority\nAlfa kommun,kommun,100000,150000,1\nBeta förening,ideell förening,200000,250000,2\nGamma kommun,kommun,300000,400000,3\n');
    const r = run(['award', file, '--year', '2019', '--budget', '400 tkr', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { applications: { applicant: string; total: string; status: string }[]; totals: { demand: string; leftover: string } };
    expect(doc.applications.map((a) => [a.applicant, a.total, a.status])).toEqual([
      ['Alfa kommun', '100000', 'funded'],
      ['Beta förening', '0', 'not-funded'],
      ['Gamma kommun', '300000', 'funded'],
    ]);
    expect(doc.totals.demand).toBe('600000');
    expect(doc.totals.leftover).toBe('0');
    expect(r.stderr).toMatch(NOTE);
  });

  it('compare: the row is compared, not "only in B"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'Kommun,2019,2020\nA,100,300\nB,200,500\nC,300,800\n');
    writeFileSync(join(dir, 'b.csv'), 'Kommun,2019,2020\nA,100,300\nB,200,500\nC,350,800\n');
    const r = run(['compare', join(dir, 'a.csv'), join(dir, 'b.csv'), '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('C,,both,2019,300,350,50,16.6667\n');
    expect(r.stdout).not.toMatch(/only-/);
  });

  it('validate accepts the table allocate writes for weights 1, 2 and 3 (E = A + B in both columns)', () => {
    const dir = tempDir();
    const list = join(dir, 'list.csv');
    writeFileSync(list, 'recipient,weight\nA,1\nB,2\nE,3\n');
    const split = run(['allocate', '--data', list, '--basis', 'weight', '--total', '1000000', '--unit', '1000', '--format', 'csv']);
    expect(split.status).toBe(0);
    expect(split.stdout).toBe('recipient,weight,amount\nA,1,167000\nB,2,333000\nE,3,500000\n');
    const table = join(dir, 'split.csv');
    writeFileSync(table, split.stdout);
    const against = run(['validate', table, '--data', list, '--basis', 'weight', '--total', '1000000', '--unit', '1000']);
    expect(against.stderr).not.toMatch(/missing-recipient/);
    expect(against.status).toBe(0);
    // Its column really sums to 1 000 000: a stated 500 000 is wrong, and said to be.
    expect(run(['validate', table, '--stated', 'amount=500000']).status).toBe(1);
    expect(run(['validate', table, '--stated', 'amount=1000000']).status).toBe(0);
  });

  it('allocate pays it', () => {
    const dir = tempDir();
    const file = join(dir, 'two.csv');
    writeFileSync(file, 'Kommun,Vikt,Invånare\nNorr,1,3\nSöder,2,5\nMitt,3,8\n');
    const r = run(['allocate', '--data', file, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Mitt,3,300$/m);
  });
});
