/** Spreadsheet and pipeline interop, through the built CLI. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const csvLines = (text: string, eol = '\n'): string[] => text.replace(/^\ufeff/, '').split(eol).filter((l) => l !== '');

describe('CSV for spreadsheets', () => {
  it('--excel: BOM, ";" delimiter, "," decimal mark, CRLF, å/ä/ö intact', () => {
    const dir = tempDir();
    const out = join(dir, 'excel.csv');
    const r = run(['allocate', '--year', '2019', '--unit', '0.01', '--method', 'largest-remainder', '--excel', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const lines = csvLines(text, '\r\n');
    expect(text.split('\r\n').length).toBe(34); // header + 32 rows + final empty
    expect(lines[0]).toBe('\ufeffrecipient;code;weight;amount'.replace('\ufeff', ''));
    const astorp = lines.find((l) => l.startsWith('Åstorp;'))!;
    expect(astorp).toMatch(/^Åstorp;1277;7151000;\d+,\d{2}$/);
  });

  it('--delimiter tab, --decimal-mark, --bom and --headers sv one by one', () => {
    const tab = run(['allocate', '--year', '2019', '--format', 'csv', '--delimiter', 'tab', '--headers', 'sv']);
    expect(tab.stdout.split('\n')[0]).toBe('mottagare\tkod\tvikt\tbelopp');
    const bom = run(['allocate', '--year', '2019', '--format', 'csv', '--bom']);
    expect(bom.stdout.startsWith('\ufeffrecipient,')).toBe(true);
    const dec = run(['allocate', '--year', '2019', '--unit', '0.5', '--method', 'largest-remainder', '--format', 'csv', '--delimiter', ';', '--decimal-mark', ',']);
    expect(dec.stdout).toMatch(/\nJärfälla;0123;9979000;\d+,\d\n/);
    const clash = run(['allocate', '--format', 'csv', '--decimal-mark', ',']);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/--decimal-mark/);
  });

  it('neutralises formulas in text cells but leaves numbers alone', () => {
    const r = run(['allocate', '--data', '-', '--basis', 'w', '--total', '100', '--format', 'csv'], {
      input: 'name,w\n"=HYPERLINK(""x"")",1\n+46 kommun,1\n-minus,1\n@at,1\nplain,1\n',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(csvLines(r.stdout)).toEqual([
      'recipient,weight,amount',
      `"'=HYPERLINK(""x"")",1,20`,
      `"'+46 kommun",1,20`,
      `"'-minus",1,20`,
      `"'@at",1,20`,
      'plain,1,20',
    ]);
  });

  it('round trip: the CSV it writes (plain and --excel) reads back to the same amounts', () => {
    for (const style of [[], ['--excel']]) {
      const dir = tempDir();
      const out = join(dir, 'out.csv');
      expect(run(['allocate', '--year', '2018', '--unit', '0.01', '--method', 'largest-remainder', '--format', 'csv', ...style, '--out', out]).status).toBe(0);
      const first = readFileSync(out, 'utf8');
      // Re-split the written amounts by themselves: pro rata of x over sum(x) is x again.
      const back = run(['allocate', '--data', out, '--basis', 'amount', '--total', '410 396 000', '--unit', '0.01', '--format', 'csv', ...style]);
      expect(back.status, back.stderr).toBe(0);
      const amounts = (text: string, sep: string, eol: string): string[] => csvLines(text, eol).slice(1).map((l) => l.split(sep).at(-1)!);
      const sep = style.length ? ';' : ',';
      const eol = style.length ? '\r\n' : '\n';
      expect(amounts(back.stdout, sep, eol)).toEqual(amounts(first, sep, eol));
    }
  });
});

describe('CSV input', () => {
  it('reads Windows-1252 (as Excel saves it), semicolons and Swedish decimals', () => {
    const dir = tempDir();
    const file = join(dir, 'kommuner.csv');
    writeFileSync(file, iconv.encode('Kommun;Vikt\r\nÅstorp;1,5\r\nGöteborg;2,5\r\nMalmö;1\r\n', 'windows-1252'));
    const r = run(['allocate', '--data', file, '--basis', 'Vikt', '--total', '500', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(csvLines(r.stdout)).toEqual(['recipient,weight,amount', 'Åstorp,1.5,150', 'Göteborg,2.5,250', 'Malmö,1,100']);
  });

  it('reads a UTF-8 file with BOM and CRLF, and stdin with -', () => {
    const dir = tempDir();
    const file = join(dir, 'bom.csv');
    writeFileSync(file, '\ufeffname,weight\r\nA,1\r\nB,3\r\n');
    expect(run(['allocate', '--data', file, '--basis', 'weight', '--total', '4', '--format', 'csv']).stdout).toBe('recipient,weight,amount\nA,1,1\nB,3,3\n');
    expect(run(['allocate', '--data', '-', '--basis', 'weight', '--total', '4', '--format', 'csv'], { input: 'name\tweight\nA\t1\nB\t3\n' }).stdout).toBe(
      'recipient,weight,amount\nA,1,1\nB,3,3\n',
    );
  });

  it('validate --locale en writes the numbers inside findings the English way too', () => {
    const r = run(['validate', 'data/tillvaxtverket-2018.csv', '--locale', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('most likely 164,000,000');
    expect(r.stdout).not.toContain('164 000 000:');
  });

  it('md output for memos', () => {
    const r = run(['compare', 'baseline', 'actual', '--year', '2019', '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\| /m);
  });
});
