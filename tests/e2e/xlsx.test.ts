/** .xlsx through the built CLI: written by allocate, compare and award; read by validate, audit and allocate --data. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DATA, run, tempDir } from '../helpers/cli.js';
import { spawnSync } from 'node:child_process';

type Sheets = { sheet: string; data: (string | number | null)[][] }[];
/** Every sheet's cells as openpyxl (Debian's python3-openpyxl) reads them: an independent reader, typed values. */
async function readAll(bytes: Buffer): Promise<Sheets> {
  const script = `import sys, json, io, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()), read_only=True, data_only=True)
json.dump([{"sheet": ws.title, "data": [[(None if c is None else c) for c in row] for row in ws.iter_rows(values_only=True)]} for ws in wb.worksheets], sys.stdout, ensure_ascii=False)`;
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: bytes, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl could not read the workbook: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as Sheets;
}

/** The CSV the same command writes, as rows of cells (no quoting in these outputs). */
const csvRows = (text: string): string[][] => text.trim().split('\n').map((l) => l.split(','));

describe('--format xlsx', () => {
  it('refuses to write a workbook to the terminal or stdout without --out: one line, exit 2', () => {
    const r = run(['allocate', '--format', 'xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('statsbidrag: --format xlsx writes a binary workbook: name the file with --out FILE.xlsx\n');
  });

  it('allocate: numbers as numeric cells equal to the CSV cell for cell, Swedish headers and sheet names, then validate reads it and passes', async () => {
    const dir = tempDir();
    const out = join(dir, 'a.xlsx');
    const w = run(['allocate', '--format', 'xlsx', '--out', out]);
    expect(w.status, w.stderr).toBe(0);
    expect(w.stdout).toBe('');
    const sheets = await readAll(readFileSync(out));
    expect(sheets.map((s) => s.sheet)).toEqual(['Fördelning', 'Källa']);
    const csv = csvRows(run(['allocate', '--format', 'csv', '--headers', 'sv']).stdout);
    const [head, ...body] = sheets[0]!.data;
    expect(head).toEqual(csv[0]);
    body.forEach((row, i) => {
      expect(row.slice(0, 2)).toEqual(csv[i + 1]!.slice(0, 2)); // recipient and code ("0123") stay text
      row.slice(2).forEach((cell, c) => {
        expect(typeof cell).toBe('number');
        expect(String(cell)).toBe(String(Number(csv[i + 1]![c + 2])));
      });
    });
    const provenance = Object.fromEntries(sheets[1]!.data.slice(1).map((r) => [r[0], r[1]]));
    // The provenance sheet speaks the sheet's language: Swedish keys under Swedish headers.
    expect(provenance['kommando']).toBe(`statsbidrag allocate --format xlsx --out ${out}`);
    expect(provenance['verktyg']).toMatch(/^statsbidrag \d+\.\d+\.\d+/);
    expect(provenance['program']).toMatch(/Tillväxtverket/);
    expect(provenance['period 2019']).toMatch(/^avrundning till 1 000 000 kr; .*administrativa kostnader 25 000 000 \(antagande; 24 149 939–26 141 935 kr ger samma kolumn\)/);

    const v = run(['validate', out]);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    const byNumber = run(['validate', out, '--sheet', '1', '--report', 'json']);
    expect(byNumber.status).toBe(0);
    expect(JSON.parse(byNumber.stdout).valid).toBe(true);
  });

  it('audit and allocate --data read the workbook as they read the CSV', () => {
    const dir = tempDir();
    const out = join(dir, 'a.xlsx');
    expect(run(['allocate', '--out', out]).status).toBe(0); // the .xlsx name picks the format
    const fromXlsx = run(['audit', out, '--basis', 'vikt', '--column', 'belopp_2019', '--format', 'json', '--sheet', 'Fördelning']);
    const csvFile = join(dir, 'a.csv');
    expect(run(['allocate', '--format', 'csv', '--headers', 'sv', '--out', csvFile]).status).toBe(0);
    const fromCsv = run(['audit', csvFile, '--basis', 'vikt', '--column', 'belopp_2019', '--format', 'json']);
    expect(fromXlsx.status).toBe(0);
    // The same audit but for the file named and the command line in the provenance.
    const same = (doc: { provenance: { command: string } }) => ({ ...doc, file: '', provenance: { ...doc.provenance, command: '' } });
    expect(same(JSON.parse(fromXlsx.stdout))).toEqual(same(JSON.parse(fromCsv.stdout)));
    const split = (file: string) => run(['allocate', '--data', file, '--basis', 'vikt', '--total', '1 000 000', '--format', 'csv']);
    const a = split(out);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(split(csvFile).stdout);
  });

  it('a workbook on stdin (--data -, validate -) is recognised by its bytes and read as the file is', () => {
    const dir = tempDir();
    const out = join(dir, 'a.xlsx');
    expect(run(['allocate', '--out', out]).status).toBe(0);
    const bytes = readFileSync(out);
    const args = ['--basis', 'vikt', '--total', '1 000 000', '--format', 'csv'];
    const fromFile = run(['allocate', '--data', out, ...args]);
    const fromStdin = run(['allocate', '--data', '-', ...args], { input: bytes });
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    // The workbook has two sheets: a note names the one read, on stderr only.
    expect(fromStdin.stderr).toBe('statsbidrag: note: -: read sheet 1 "Fördelning", the first visible worksheet (sheets: 1 "Fördelning", 2 "Källa"); name another with --sheet\n');
    const v = run(['validate', '-', '--format', 'json'], { input: bytes });
    expect(v.status, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout).valid).toBe(true);
  });

  it('--sheet: an unknown sheet or a CSV input is a usage error naming the file', () => {
    const dir = tempDir();
    const out = join(dir, 'a.xlsx');
    expect(run(['allocate', '--format', 'xlsx', '--out', out, '--locale', 'en']).status).toBe(0);
    const unknown = run(['validate', out, '--sheet', 'Fördelning']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(`statsbidrag: ${out}: field "--sheet": no sheet "Fördelning" (sheets: 1 "Allocation", 2 "Provenance")\n`);
    const csv = run(['validate', join(DATA, 'tillvaxtverket-2018.csv'), '--sheet', '1']);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/tillvaxtverket-2018\.csv: field "--sheet": --sheet applies to an \.xlsx workbook/);
  });

  it('a recipient named like a formula stays text, and a file that is not a workbook is one line, exit 2', async () => {
    const dir = tempDir();
    const out = join(dir, 'f.xlsx');
    const w = run(['allocate', '--data', '-', '--basis', 'w', '--total', '100', '--format', 'xlsx', '--out', out], { input: 'name,w\n=1+2,1\n@SUM(A1),1\n' });
    expect(w.status, w.stderr).toBe(0);
    const [sheet] = await readAll(readFileSync(out));
    expect(sheet!.data.slice(1).map((r) => r[0])).toEqual(['=1+2', '@SUM(A1)']);
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.from('PK\x03\x04 not really'));
    const r = run(['validate', broken]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/broken\.xlsx: not a readable \.xlsx workbook/);
  });

  it('compare and award write their tables; award reads its applications from a workbook too', async () => {
    const dir = tempDir();
    const cmp = join(dir, 'c.xlsx');
    expect(run(['compare', 'baseline', 'actual', '--format', 'xlsx', '--out', cmp]).status).toBe(0);
    const [comparison] = await readAll(readFileSync(cmp));
    expect(comparison!.sheet).toBe('Jämförelse');
    const csv = csvRows(run(['compare', 'baseline', 'actual', '--format', 'csv', '--headers', 'sv']).stdout);
    expect(comparison!.data.length).toBe(csv.length);
    expect(comparison!.data[0]).toEqual(csv[0]);

    const apps = join(DATA, 'examples', 'gavleborg-applications.csv');
    const awards = join(dir, 'awards.xlsx');
    const args = ['--ceiling', '300000', '--budget', '1 788 tkr'];
    expect(run(['award', apps, ...args, '--format', 'xlsx', '--out', awards, '--locale', 'en']).status).toBe(0);
    const [sheet] = await readAll(readFileSync(awards));
    expect(sheet!.sheet).toBe('Awards');
    // The applications as a workbook (written from their CSV), awarded again: the same awards.
    const appsXlsx = join(dir, 'apps.xlsx');
    const csvText = readFileSync(apps, 'utf8');
    const { recordsSheet } = await import('../../src/render/xlsx.js');
    const { xlsxBytes } = await import('../../src/render/xlsx-zip.js');
    const [h, ...rows] = csvRows(csvText);
    const counter = { numbersAsText: 0 };
    writeFileSync(appsXlsx, await xlsxBytes({ sheets: [recordsSheet('Ansökningar', h!, rows, (x) => !['requested', 'cost', 'priority'].includes(x), 'en', counter)], numbersAsText: 0 }));
    const again = run(['award', appsXlsx, ...args, '--format', 'csv']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(run(['award', apps, ...args, '--format', 'csv']).stdout);
  });

  it('a write that fails leaves nothing behind', () => {
    const dir = tempDir();
    const out = join(dir, 'missing-folder', 'a.xlsx');
    const r = run(['allocate', '--format', 'xlsx', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the folder does not exist; nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('the xlsx libraries are loaded only when a workbook is read or written', () => {
    const dir = tempDir();
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      `const M = require('node:module'); const seen = new Set(); const load = M._load;
       M._load = function (request, ...rest) { if (/^(yazl|yauzl|saxes)$/.test(request)) seen.add(request); return load.call(this, request, ...rest); };
       process.on('exit', () => require('node:fs').writeSync(2, 'LOADED:' + [...seen].join(',') + '\\n'));`,
    );
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', hook, BIN, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return /LOADED:(.*)/.exec(r.stderr)![1];
    };
    expect(loaded(['allocate', '--format', 'csv'])).toBe('');
    const out = join(dir, 'a.xlsx');
    expect(loaded(['allocate', '--out', out])).toBe('yazl');
    expect(loaded(['validate', out])).toBe('yauzl,saxes');
  });
});
