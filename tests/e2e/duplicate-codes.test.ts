/**
 * One code on two rows is one recipient, whatever the names say (docs/real-tables.md: "0114" and
 * "114" are one code; a spreadsheet drops the zero). allocate paid both rows, validate passed them
 * and audit counted them (a hostile review, hostile5); compare refused them already. Through the
 * built CLI, and the general reader and the bulk lane against each other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from '../../src/core/decimal.js';
import { describe, expect, it } from 'vitest';
import { bulkAllocate } from '../../src/app/bulk.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { tableFromText } from '../../src/io/table.js';
import { run, tempDir } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const sameCode = file('same-code.csv', 'Kommunkod;Kommun;Vikt\n0114;Upplands Väsby;100\n0114;Väsby;200\n0115;Vallentuna;300\n');
const zeros = file('zeros.csv', 'Kommunkod;Kommun;Vikt\n0114;Upplands Väsby;100\n0115;Vallentuna;300\n114;Upplands Väsby kommun;200\n');

describe('two rows with one code', () => {
  it('allocate refuses them (exit 2, one line naming both rows, names and codes)', () => {
    const r = run(['allocate', '--data', sameCode, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `statsbidrag: ${sameCode}: lines 2 and 3: "Upplands Väsby" and "Väsby" have the code 0114: one recipient, which would be paid twice\n`]);
    const z = run(['allocate', '--data', zeros, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect([z.status, z.stdout, z.stderr]).toEqual([2, '', `statsbidrag: ${zeros}: lines 2 and 4: "Upplands Väsby" and "Upplands Väsby kommun" have the codes 0114 and 114, one code without its leading zeros: one recipient, which would be paid twice\n`]);
  });

  it('the general reader and the bulk lane refuse them alike', () => {
    for (const path of [sameCode, zeros]) {
      const text = readFileSync(path, 'utf8');
      let general: unknown;
      try {
        recipientsFromTable(tableFromText(text, path), { basis: 'Vikt' });
      } catch (e) {
        general = e;
      }
      let lane: unknown;
      try {
        bulkAllocate(Buffer.from(text), { basis: 'Vikt', allocation: { total: new Decimal(600), unit: new Decimal(1), method: 'largest-remainder' }, format: 'csv', file: path });
      } catch (e) {
        lane = e;
      }
      expect((general as Error).message).toMatch(/have the codes? 0114/);
      expect((lane as Error).message).toBe((general as Error).message);
      // Without a file to settle with, the lane leaves the list to the general path.
      expect(bulkAllocate(Buffer.from(text), { basis: 'Vikt', allocation: { total: new Decimal(600), unit: new Decimal(1), method: 'largest-remainder' }, format: 'csv' })).toBeUndefined();
    }
  });

  it('a large list: the two rows found among 20 000', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${String(i + 1).padStart(4, '0')};R${i + 1};1`);
    rows.push('5;Other;1');
    const big = file('big.csv', `Kod;Kommun;Vikt\n${rows.join('\n')}\n`);
    const r = run(['allocate', '--data', big, '--basis', 'Vikt', '--total', '20001', '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([2, `statsbidrag: ${big}: lines 6 and 20002: "R5" and "Other" have the codes 0005 and 5, one code without its leading zeros: one recipient, which would be paid twice\n`]);
  });

  it('validate finds them (exit 1), audit refuses them (exit 2)', () => {
    const table = file('table.csv', 'Kommunkod;Kommun;Belopp 2019\n0114;Upplands Väsby;100\n114;Väsby;200\n0115;Vallentuna;300\n');
    const v = run(['validate', table, '--stated', 'Belopp 2019=600', '--locale', 'en', '--format', 'json']);
    expect(v.status).toBe(1);
    const findings = (JSON.parse(v.stdout) as { errors: { code: string; row: number; message: string }[] }).errors;
    expect(findings.map((f) => [f.code, f.row])).toEqual([['duplicate-recipient', 3]]);
    expect(findings[0]!.message).toBe('"Väsby" has the code 114 of the recipient on line 2 (leading zeros aside): one recipient on two rows');
    const a = run(['audit', table, '--column', 'Belopp 2019', '--basis', 'Belopp 2019']);
    expect([a.status, a.stdout, a.stderr]).toEqual([2, '', `statsbidrag: ${table}: field "Kommunkod": lines 2 and 3: "Upplands Väsby" and "Väsby" have the codes 0114 and 114, one code without its leading zeros: one recipient, which would be counted twice by the audit\n`]);
  });

  it('distinct codes, and rows without a code, are read as before', () => {
    const ok = file('ok.csv', 'Kommunkod;Kommun;Vikt\n0114;Upplands Väsby;100\n;Utan kod;200\n;Också utan;300\n0115;Vallentuna;400\n');
    const r = run(['allocate', '--data', ok, '--basis', 'Vikt', '--total', '1000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,code,weight,amount\nUpplands Väsby,0114,100,100\nUtan kod,,200,200\nOckså utan,,300,300\nVallentuna,0115,400,400\n', '']);
  });
});
