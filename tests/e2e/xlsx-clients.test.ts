/**
 * Checked against real clients (issue 21): what the tool writes opens in LibreOffice (`soffice
 * --headless --convert-to csv`) and in openpyxl with the same values as the tool's CSV, numbers as
 * numeric cells and codes as text with their leading zeros; and what LibreOffice and openpyxl write,
 * the tool reads with the same values. Both clients are required: a missing one fails these tests
 * (.ci/run installs libreoffice-calc-nogui and python3-openpyxl). LibreOffice runs twice in all
 * (once per direction, every file in one call), with a profile of its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { AWARD_TEXT_COLUMNS } from '../../src/render/award.js';
import { translateHeader } from '../../src/render/headers.js';
import { run, tempDir } from '../helpers/cli.js';

const PYTHON = '/usr/bin/python3';
const dir = tempDir();
const csvRows = (text: string): string[][] => parse(text, { relax_column_count: true, bom: true }) as string[][];

/** The same value: text exactly; a number (or numeric text) as the same decimal. */
function sameValue(client: unknown, tool: string): boolean {
  if (client === null || client === undefined || client === '') return tool === '';
  // The CSV writer neutralises a formula-like text ("'=1+2"); a workbook's text cell needs no such guard.
  if (typeof client === 'string' && /^'[=+\-@]/.test(tool) && client === tool.slice(1)) return true;
  if (typeof client === 'number') return tool !== '' && new Decimal(String(client)).eq(new Decimal(tool));
  const text = String(client);
  if (text === tool) return true;
  return /^-?\d+(\.\d+)?$/.test(text) && /^-?\d+(\.\d+)?$/.test(tool) && new Decimal(text).eq(new Decimal(tool));
}

function expectSameTable(client: unknown[][], tool: string[][], what: string, shown: (text: string) => string = (t) => t): void {
  const trimmed = client.filter((r) => r.some((c) => c !== null && c !== ''));
  expect(trimmed.length, `${what}: rows`).toBe(tool.length);
  tool.forEach((row, i) => row.forEach((cell, c) => expect(sameValue(trimmed[i]![c], shown(cell)), `${what}: row ${i + 1}, column ${c + 1}: ${JSON.stringify(trimmed[i]![c])} against ${JSON.stringify(cell)}`).toBe(true)));
}

function soffice(args: string[]): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')}: ${r.status} ${r.stderr} ${r.error ?? ''}`);
}

function python(script: string, input?: string): string {
  const r = spawnSync(PYTHON, ['-c', script], { cwd: dir, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3: ${r.stderr}`);
  return r.stdout;
}

/** Each workbook the tool writes, with the CSV the same command writes (Swedish headers, as the workbook's). */
const WORKBOOKS: { name: string; args: string[]; input?: string }[] = [
  { name: 'allocation', args: ['allocate'] },
  { name: 'comparison', args: ['compare', 'baseline', 'actual'] },
  { name: 'awards', args: ['award', 'gavleborg-applications', '--ceiling', '300000', '--budget', '1 788 tkr'] },
  // Names that stress text cells: a formula-like name, Excel's escape written literally, leading and inner spaces, non-ASCII; codes with leading zeros.
  { name: 'names', args: ['allocate', '--data', '-', '--basis', 'w', '--total', '1000.50', '--unit', '0.01'], input: 'name,kod,w\n=1+2,0042,1\n_x0041_ literal,0001,2.5\nÅmål  och  Säffle,2000,3\n"Ale, ""kommun""",0099,0.25\n' },
];

const toolCsv = new Map<string, string[][]>();

beforeAll(() => {
  // Required clients: their absence is a failure here, never a skip.
  expect(spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status, 'LibreOffice (soffice) must be installed: apt-get install libreoffice-calc-nogui').toBe(0);
  expect(spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status, 'openpyxl must be installed: apt-get install python3-openpyxl').toBe(0);
  for (const w of WORKBOOKS) {
    const x = run([...w.args, '--out', join(dir, `${w.name}.xlsx`)], w.input === undefined ? {} : { input: w.input });
    expect(x.status, x.stderr).toBe(0);
    const c = run([...w.args, '--format', 'csv', '--headers', 'sv'], w.input === undefined ? {} : { input: w.input });
    expect(c.status, c.stderr).toBe(0);
    toolCsv.set(w.name, csvRows(c.stdout));
    writeFileSync(join(dir, `${w.name}.csv`), c.stdout);
  }
  // LibreOffice, one call each way: every sheet of the tool's workbooks to CSV (UTF-8, values not as shown) …
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1', '--outdir', join(dir, 'lo-csv'), ...WORKBOOKS.map((w) => `${w.name}.xlsx`)]);
  // openpyxl writes: the allocation (normal and write-only mode) and a formula it cannot calculate.
  python(
    `import csv, openpyxl
rows = list(csv.reader(open('allocation.csv', encoding='utf-8')))
def typed(r):
    return [v if i < 2 else (int(v) if v.lstrip('-').isdigit() else float(v)) for i, v in enumerate(r)]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Data'
for i, r in enumerate(rows): ws.append(r if i == 0 else typed(r))
wb.save('openpyxl.xlsx')
wb = openpyxl.Workbook(write_only=True); ws = wb.create_sheet('Data')
for i, r in enumerate(rows): ws.append(r if i == 0 else typed(r))
wb.save('openpyxl-write-only.xlsx')
wb = openpyxl.Workbook(); ws = wb.active
ws.append(['name', 'w']); ws.append(['a', 1]); ws.append(['b', 2]); ws.append(['sum', '=SUM(B2:B3)'])
wb.save('formula.xlsx')`,
  );
  // … and LibreOffice writes workbooks of its own: from the tool's allocation CSV (the code column
  // imported as text), and openpyxl's formula workbook, recalculated and saved with its value.
  soffice(['--infilter=CSV:44,34,76,1,1/2/2/2/3/1', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'lo-xlsx'), 'allocation.csv', 'formula.xlsx']);
}, 300_000);

describe('LibreOffice and openpyxl read what the tool writes', () => {
  it.each(WORKBOOKS.map((w) => [w.name]))('%s: LibreOffice shows the values of the tool\'s CSV', (name) => {
    const sheet = name === 'allocation' || name === 'names' ? 'Fördelning' : name === 'comparison' ? 'Jämförelse' : 'Beslut';
    const file = join(dir, 'lo-csv', `${name}-${sheet}.csv`);
    expect(existsSync(file), `LibreOffice wrote no ${file}`).toBe(true);
    expectSameTable(csvRows(readFileSync(file, 'utf8')), toolCsv.get(name)!, `LibreOffice ${name}`);
  });

  it('openpyxl: the same values, numbers as numeric cells, codes as text with their zeros, every sheet readable', () => {
    const out = python(
      `import json, openpyxl
res = {}
for name in ${JSON.stringify(WORKBOOKS.map((w) => w.name))}:
    wb = openpyxl.load_workbook(name + '.xlsx', data_only=True)
    ws = wb.worksheets[0]
    res[name] = {"sheets": wb.sheetnames, "rows": [[c for c in r] for r in ws.iter_rows(values_only=True)]}
print(json.dumps(res, ensure_ascii=False))`,
    );
    const TEXT_HEADERS = new Set(['recipient', 'code', 'status', 'year', ...AWARD_TEXT_COLUMNS].map((h) => translateHeader(h, 'sv')));
    const read = JSON.parse(out) as Record<string, { sheets: string[]; rows: (string | number | null)[][] }>;
    for (const w of WORKBOOKS) {
      const { rows, sheets } = read[w.name]!;
      expect(sheets.length).toBeGreaterThanOrEqual(2); // the table and its provenance
      // openpyxl (3.0) shows a cell's text as stored: it does not undo Excel's _xHHHH_ escape, which
      // Excel and LibreOffice do, so a literal "_x0041_" is shown as the tool wrote it, "_x005F_x0041_".
      expectSameTable(rows, toolCsv.get(w.name)!, `openpyxl ${w.name}`, (t) => t.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
      const header = toolCsv.get(w.name)![0]!;
      // Every numeric cell of the CSV outside the text columns is a numeric cell in the workbook.
      rows.slice(1).forEach((r, i) => {
        r.forEach((cell, c) => {
          const csv = toolCsv.get(w.name)![i + 1]![c] ?? '';
          if (TEXT_HEADERS.has(header[c]!) || !/^-?(0|[1-9]\d*)(\.\d+)?$/.test(csv)) return;
          expect(typeof cell, `${w.name} ${header[c]}: ${JSON.stringify(cell)}`).toBe('number');
        });
        for (const c of header.flatMap((h, k) => (TEXT_HEADERS.has(h) ? [k] : []))) if (r[c] !== null) expect(typeof r[c], `${w.name} ${header[c]}`).toBe('string');
      });
    }
    const codes = read['names']!.rows.slice(1).map((r) => r[1]);
    expect(codes).toEqual(['0042', '0001', '2000', '0099']);
    expect(read['names']!.rows.slice(1).map((r) => r[0])).toEqual(['=1+2', '_x005F_x0041_ literal', 'Åmål  och  Säffle', 'Ale, "kommun"']);
  });
});

describe('the tool reads what LibreOffice and openpyxl write', () => {
  const splitArgs = ['--basis', 'vikt', '--total', '1000000', '--format', 'csv'];

  it('LibreOffice\'s workbook: the same table as the CSV it came from (validate passes, allocate --data splits alike)', () => {
    const lo = join(dir, 'lo-xlsx', 'allocation.xlsx');
    expect(existsSync(lo)).toBe(true);
    const v = run(['validate', lo, '--quiet']);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    const a = run(['allocate', '--data', lo, ...splitArgs]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(run(['allocate', '--data', join(dir, 'allocation.csv'), ...splitArgs]).stdout);
  });

  it('openpyxl\'s workbooks (normal and write-only, shared and inline strings): the same table', () => {
    const expected = run(['allocate', '--data', join(dir, 'allocation.csv'), ...splitArgs]).stdout;
    for (const file of ['openpyxl.xlsx', 'openpyxl-write-only.xlsx']) {
      const v = run(['validate', join(dir, file), '--quiet']);
      expect(v.status, `${file}: ${v.stdout}${v.stderr}`).toBe(0);
      const a = run(['allocate', '--data', join(dir, file), ...splitArgs]);
      expect(a.status, a.stderr).toBe(0);
      expect(a.stdout, file).toBe(expected);
    }
  });

  it('a formula openpyxl saved without a value is an error naming the cell; LibreOffice\'s recalculated copy reads', () => {
    const r = run(['allocate', '--data', join(dir, 'formula.xlsx'), '--basis', 'w', '--total', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/formula\.xlsx:4: .*cell B4 holds the formula =SUM\(B2:B3\) with no computed value/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const again = run(['allocate', '--data', join(dir, 'lo-xlsx', 'formula.xlsx'), '--basis', 'w', '--total', '100', '--format', 'csv']);
    expect(again.status, again.stderr).toBe(0);
    // The recalculated value is read (3): the row is then the table's total row, and set aside as such.
    expect(again.stdout).toBe('recipient,weight,amount\na,1,33\nb,2,67\n');
    expect(again.stderr).toMatch(/line 4 "sum" is a total row/);
  });
});
