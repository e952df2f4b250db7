/**
 * compare through the built CLI shows the paradoxes it finds: two scenarios on the bundled
 * programme that differ only in the 2019 total (105 and 106 MSEK, split in whole millions by
 * largest remainder on the 2018 amounts) give Karlskrona 3 and then 2 millions: the Alabama
 * paradox, named in the table, the JSON and the CSV, in Swedish and English.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaFileName } from '../../src/io/json-schemas.js';
import { ROOT, run, tempDir } from '../helpers/cli.js';

let dir = '';
const scenario = (name: string, total: string, extra: Record<string, unknown> = {}): string => {
  const file = join(dir, `${name}.json`);
  const doc = {
    version: 1,
    name,
    programme: 'tillvaxtverket',
    years: '2019',
    periods: [{ years: '2019', total, unit: '1000000', method: 'largest-remainder', source: 'x' }],
    sources: { x: 'a test figure' },
    ...extra,
  };
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

beforeAll(() => {
  dir = tempDir();
});

describe('compare flags the Alabama paradox of two scenarios that differ only in the total', () => {
  it('table (Swedish, the default) and English', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('total-106', '106 miljoner');
    const sv = run(['compare', a, b]);
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Alabamaparadoxen 2019: B delar ut fler enheter (A 105, B 106) med samma mottagare och vikter, men beloppet minskar för Karlskrona (3 000 000 → 2 000 000).');
    const en = run(['compare', a, b, '--locale', 'en', '--format', 'md']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Alabama paradox 2019: B hands out more units (A 105, B 106) with the same recipients and weights, but the amount falls for Karlskrona (3,000,000 → 2,000,000).');
    expect(en.stdout).not.toMatch(/Alabamaparadoxen/);
  });

  it('JSON: a paradoxes field naming the recipient, valid against the shipped schema shape', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('total-106', '106 miljoner');
    const r = run(['compare', a, b, '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { paradoxes: unknown };
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', schemaFileName('comparison')), 'utf8')) as object);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // A field the schema does not know fails it (the schema is strict): the check can fail.
    expect(validate({ ...doc, paradoxes: [{ ...(doc.paradoxes as object[])[0], extra: 1 }] })).toBe(false);
    expect(doc.paradoxes).toEqual([
      {
        years: '2019',
        unitsA: '105',
        unitsB: '106',
        checked: ['alabama'],
        notChecked: [],
        flags: [{ paradox: 'alabama', recipient: 'Karlskrona', code: '1080', partner: null, a: '3000000', b: '2000000' }],
        newcomers: [],
      },
    ]);
  });

  it('CSV: a paradox column, set on the flagged recipient’s records only', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('total-106', '106 miljoner');
    const r = run(['compare', a, b, '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('recipient,code,status,year,a,b,difference,percent,paradox');
    const flagged = lines.slice(1).filter((l) => l.endsWith(',alabama'));
    expect(flagged).toEqual(['Karlskrona,1080,both,2019,3000000,2000000,-1000000,-33.3333,alabama', 'Karlskrona,1080,both,total,3000000,2000000,-1000000,-33.3333,alabama']);
    expect(lines.slice(1).every((l) => l.endsWith(',alabama') || l.endsWith(','))).toBe(true);
  });

  it('xlsx: the paradox column on the records sheet and the note on the provenance sheet (read by openpyxl)', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('total-106', '106 miljoner');
    const out = join(dir, 'c.xlsx');
    expect(run(['compare', a, b, '--out', out]).status).toBe(0);
    const script = `import sys, json, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()), read_only=True, data_only=True)
json.dump([[[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets], sys.stdout, ensure_ascii=False)`;
    const r = spawnSync('/usr/bin/python3', ['-c', script], { input: readFileSync(out), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [records, provenance] = JSON.parse(r.stdout) as (string | number | null)[][][];
    const head = records![0]!;
    const col = head.indexOf('paradox');
    expect(col).toBe(head.length - 1);
    expect(records!.filter((row) => row[col] === 'alabama').map((row) => row[0])).toEqual(['Karlskrona', 'Karlskrona']);
    expect(provenance!.some((row) => String(row[1]).startsWith('Alabamaparadoxen 2019: ') && String(row[1]).includes('Karlskrona'))).toBe(true);
  });

  it('the HTML report of the comparison lists the paradox under its heading', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('total-106', '106 miljoner');
    const out = join(dir, 'c.html');
    expect(run(['report', '--compare', a, b, '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h3>Paradoxer</h3><ul><li>Alabamaparadoxen 2019: B delar ut fler enheter (A 105, B 106) med samma mottagare och vikter, men beloppet minskar för Karlskrona (3 000 000 → 2 000 000).</li></ul>');
  });

  it('no paradox between 104 and 105 MSEK: the check is reported as made, nothing flagged, no paradox column', () => {
    const a = scenario('total-104', '104 miljoner');
    const b = scenario('total-105', '105 miljoner');
    const table = run(['compare', a, b]);
    expect(table.stdout).toContain('Prövat 2019: Alabamaparadoxen – ingen mottagare flaggad.');
    const csv = run(['compare', a, b, '--format', 'csv']);
    expect(csv.stdout.split(/\r?\n/)[0]).toBe('recipient,code,status,year,a,b,difference,percent');
  });

  it('a weight and the total both changed: no flag, and the checks that could not be made are named', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('malmo-and-total', '106 miljoner', { recipients: { remove: [], add: [], change: [{ id: 'Malmö', basis: '40 000 000' }] } });
    const r = run(['compare', a, b, '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Alabama paradox 2019 could not be checked: the sides also differ in the weights (no flag).');
    expect(r.stdout).toContain('Population paradox 2019 could not be checked: the sides also differ in the total (no flag).');
    expect(r.stdout).not.toMatch(/Alabama paradox 2019:/);
  });
});

describe('compare flags the new-state paradox of two scenarios that differ in the recipients', () => {
  it('Sundsvall (basis 8 000 000) joins as 74 → 75 millions are split: it gets 1, and Linköping loses a million to Sandviken (the Oklahoma case)', () => {
    const a = scenario('total-74', '74 miljoner');
    const b = scenario('sundsvall-75', '75 miljoner', { recipients: { remove: [], change: [], add: [{ id: 'Sundsvall', code: '2281', basis: '8 000 000' }] } });
    const r = run(['compare', a, b, '--locale', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "New-state paradox 2019: with Sundsvall on one side only and the same weights for the others, the others' amounts do not move the way their sum does: Linköping (3,000,000 → 2,000,000); Sandviken (1,000,000 → 2,000,000).",
    );
    const json = JSON.parse(run(['compare', a, b, '--format', 'json']).stdout) as { paradoxes: { checked: string[]; flags: { recipient: string }[]; newcomers: string[] }[] };
    expect(json.paradoxes[0]!.checked).toEqual(['new-state']);
    expect(json.paradoxes[0]!.newcomers).toEqual(['Sundsvall']);
    expect(json.paradoxes[0]!.flags.map((f) => f.recipient).sort()).toEqual(['Linköping', 'Sandviken']);
  });
});

describe('two tables with their weight column (compare --basis)', () => {
  const table = (total: string, name: string): string => {
    const out = join(dir, name);
    const r = run(['allocate', '--data', 'tillvaxtverket-2018', '--basis', 'Belopp 2018', '--total', total, '--unit', '1000000', '--method', 'largest-remainder', '--year', '2019', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    return out;
  };

  it('allocate’s CSV at 105 and 106 MSEK: Karlskrona flagged, with the note that one method and unit are assumed; without --basis no check', () => {
    const a = table('105 miljoner', 't105.csv');
    const b = table('106 miljoner', 't106.csv');
    const r = run(['compare', a, b, '--basis', 'weight', '--year', '2019', '--locale', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('The paradoxes are checked on two tables: they do not say which method and unit split them');
    expect(r.stdout).toContain('Alabama paradox 2019: B hands out more units (A 105,000,000, B 106,000,000) with the same recipients and weights, but the amount falls for Karlskrona (3,000,000 → 2,000,000).');
    const json = JSON.parse(run(['compare', a, b, '--basis', 'weight', '--year', '2019', '--format', 'json']).stdout) as { paradoxes: { assumed?: boolean; flags: { recipient: string }[] }[] };
    expect(json.paradoxes[0]!.assumed).toBe(true);
    expect(json.paradoxes[0]!.flags.map((f) => f.recipient)).toEqual(['Karlskrona']);
    const plain = run(['compare', a, b, '--year', '2019']);
    expect(plain.stdout).not.toMatch(/paradox/i);
  });

  it('--basis with two scenarios is a usage error (exit 2, one line)', () => {
    const a = scenario('total-105', '105 miljoner');
    const b = scenario('total-106', '106 miljoner');
    const r = run(['compare', a, b, '--basis', 'weight']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^statsbidrag: .*--basis/);
  });
});
