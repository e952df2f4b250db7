/**
 * Amounts read at the scale they are written in (hostile review 5): a unit header spelt in digits
 * ("(1000 kr)", "(1000-tals kronor)") or "(kkr)"; a cell that states its own unit under a unit
 * header; allocate's bound columns under a unit header. Each was read at the wrong scale with exit 0.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const KR = 'Kommun;Belopp 2019\nA;1000\nB;2000\n';
const SAME = 'recipient,code,status,year,a,b,difference,percent\nA,,both,2019,1000,1000,0,0.0000\nA,,both,total,1000,1000,0,0.0000\nB,,both,2019,2000,2000,0,0.0000\nB,,both,total,2000,2000,0,0.0000\n';

describe('a unit header spelt in digits, or kkr, is read in kronor by compare', () => {
  it.each(['1000-tals kronor', '1000-tals kr', '1000-tal kr', '1000 kr', '1 000 kr', 'kkr'])('"Belopp 2019 (%s)": thousands, not a 99.9 percent cut', (unit) => {
    const dir = tempDir();
    const kr = join(dir, 'kr.csv');
    const sc = join(dir, 'sc.csv');
    writeFileSync(kr, KR);
    writeFileSync(sc, `Kommun;Belopp 2019 (${unit})\nA;1\nB;2\n`);
    const r = run(['compare', kr, sc, '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, SAME, `note: ${sc}: column "Belopp 2019 (${unit})" states its amounts in thousands of kronor: read as kronor (× 1 000)\n`]);
  });
});

describe('allocate reads a floor or ceiling column whose header states its unit in kronor, as the other commands read one', () => {
  const note = (file: string, header: string): string => `note: ${file}: column "${header}" states its amounts in thousands of kronor: read as kronor (× 1 000)\n`;
  const write = (name: string, text: string): string => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };

  it('"Tak (tkr)" 50 caps at 50 000 kr, as "Tak" 50000 does: on the bulk lane and on the general path (--explain), with the note', () => {
    const tkr = write('ce.csv', 'Kommun;Vikt;Tak (tkr)\nA;1;\nB;1;\nC;8;50\n');
    const kr = write('ce_kr.csv', 'Kommun;Vikt;Tak\nA;1;\nB;1;\nC;8;50000\n');
    const want = 'recipient,weight,amount\nA,1,25000\nB,1,25000\nC,8,50000\n';
    expect(run(['allocate', '--data', kr, '--basis', 'Vikt', '--ceiling-column', 'Tak', '--total', '100000', '--format', 'csv']).stdout).toBe(want);
    const r = run(['allocate', '--data', tkr, '--basis', 'Vikt', '--ceiling-column', 'Tak (tkr)', '--total', '100000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, want, note(tkr, 'Tak (tkr)')]);
    const explained = run(['allocate', '--data', tkr, '--basis', 'Vikt', '--ceiling-column', 'Tak (tkr)', '--total', '100000', '--format', 'json', '--explain']);
    expect([explained.status, explained.stderr]).toEqual([0, note(tkr, 'Tak (tkr)')]);
    const period = (JSON.parse(explained.stdout) as { periods: { heldAtCeiling: string[]; explain: { recipient: string; amount: string }[] }[] }).periods[0]!;
    expect(period.heldAtCeiling).toEqual(['C']);
    expect(period.explain.map((x) => [x.recipient, x.amount])).toEqual([['A', '25000'], ['B', '25000'], ['C', '50000']]);
  });

  it('"Golv (tkr)" 50 is a floor of 50 000 kr, as "Golv" 50000 is', () => {
    const tkr = write('fl.csv', 'Kommun;Vikt;Golv (tkr)\nA;1;50\nB;1;\nC;8;\n');
    const kr = write('fl_kr.csv', 'Kommun;Vikt;Golv\nA;1;50000\nB;1;\nC;8;\n');
    const want = 'recipient,weight,amount\nA,1,50000\nB,1,5556\nC,8,44444\n';
    expect(run(['allocate', '--data', kr, '--basis', 'Vikt', '--floor-column', 'Golv', '--total', '100000', '--format', 'csv']).stdout).toBe(want);
    const r = run(['allocate', '--data', tkr, '--basis', 'Vikt', '--floor-column', 'Golv (tkr)', '--total', '100000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, want, note(tkr, 'Golv (tkr)')]);
  });

  it('a bound cell that states its own unit ("50 tkr", "50000 kr") is read in it, beside plain cells in the header\'s unit', () => {
    const mixed = write('mixed.csv', 'Kommun;Vikt;Tak (tkr)\nA;1;30\nB;1;30000 kr\nC;8;50 tkr\n');
    const r = run(['allocate', '--data', mixed, '--basis', 'Vikt', '--ceiling-column', 'Tak (tkr)', '--total', '100000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,weight,amount\nA,1,25000\nB,1,25000\nC,8,50000\n', note(mixed, 'Tak (tkr)')]);
  });
});

describe('a cell that states its own unit is read in it under a unit header, in every command', () => {
  const write = (name: string, text: string): string => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };
  const unit = (file: string): string => `note: ${file}: column "Belopp 2019 (tkr)" states its amounts in thousands of kronor: read as kronor (× 1 000)\n`;

  it.each([
    ['1 tkr', '2 tkr'],
    ['1000 kr', '2000 kr'],
    ['1 tkr', '2'],
  ])('compare: "%s", "%s" under "Belopp 2019 (tkr)" are the kronor table, not +99 900 percent', (a, b) => {
    const kr = write('kr.csv', KR);
    const tkr = write('dbl.csv', `Kommun;Belopp 2019 (tkr)\nA;${a}\nB;${b}\n`);
    const r = run(['compare', kr, tkr, '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, SAME, unit(tkr)]);
  });

  it('validate: rows and a Summa row that state their units, checked in kronor', () => {
    const file = write('mix.csv', 'Kommun;Belopp 2019 (tkr)\nA;1 tkr\nB;2000 kr\nC;3\nSumma;6 tkr\n');
    const ok = run(['validate', file, '--stated', 'Belopp 2019 (tkr)=6 tkr', '--quiet', '--locale', 'en']);
    expect([ok.status, ok.stdout]).toEqual([0, `${file}: VALID, 0 errors, 0 warnings (3 recipient rows, 1 amount column, 3 cells)\n`]);
    const off = run(['validate', write('off.csv', 'Kommun;Belopp 2019 (tkr)\nA;1 tkr\nB;2000 kr\nC;3\nSumma;7 tkr\n'), '--stated', 'Belopp 2019 (tkr)=6 tkr', '--locale', 'en']);
    expect(off.status).toBe(1);
    expect(off.stdout).toContain('the total row says 7,000 but the rows add up to 6,000 (difference 1,000)');
  });

  it('audit: a column of mixed cells audited in kronor', () => {
    const file = write('au.csv', 'Kommun;Vikt;Belopp 2019 (tkr)\nA;1;1 000 kr\nB;2;2\nC;3;3 tkr\n');
    const r = run(['audit', file, '--basis', 'Vikt', '--column', 'Belopp 2019 (tkr)', '--locale', 'en']);
    expect([r.status, r.stderr]).toEqual([0, unit(file)]);
    expect(r.stdout).toContain('The rows add up to 6,000 kr.');
    expect(r.stdout).toContain('by largest-remainder to 1,000 kr with B = 6,000 kr');
  });
});
