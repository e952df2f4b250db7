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
