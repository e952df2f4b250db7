/** `statsbidrag report` from the command line: modes, refused combinations, stdout, determinism. (The page itself: tests/browser.) */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, run, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const { xlsx, sheetData } = require('../helpers/xlsx-corpus.mjs') as {
  xlsx: (sheets: { name: string; data: string }[]) => Buffer;
  sheetData: (rows: (string | number)[][]) => string;
};

describe('report command', () => {
  it('writes the page to stdout without --out, the same bytes every run', () => {
    const a = run(['report', '--year', '2018']);
    expect(a.status).toBe(0);
    expect(a.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(a.stdout).toContain('<h1><bdi>Fördelning: Statsbidrag till kommuner med socioekonomiskt eftersatta områden</bdi></h1>');
    expect(run(['report', '--year', '2018']).stdout).toBe(a.stdout);
  });

  it('names its data and rules, and the command that reproduces it, in the provenance block', () => {
    const out = join(tempDir(), 'r.html');
    expect(run(['report', '--scenario', 'actual', '--out', out]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<code>data/tillvaxtverket-2018.csv</code>');
    expect(html).toContain('<code>data/scenarios/actual.json</code>');
    expect(html).toContain('<code>data/rules.json</code>');
    expect(html).toContain(`<code class="command">statsbidrag report --scenario actual --out ${out}</code>`);
    // A stated total that is more than a stated figure says what it is, with the other sources' values beside it.
    expect(html).toContain('2019: totalen 410 000 000 kr (tillvaxtverket-2019): förslag, inte beslut; ungefärlig (&quot;cirka&quot;); motsägs av en annan källa; andra källor: 425 000 000 kr (delmos-32-kommuner).');
    expect(html).toContain('2021: totalen 160 000 000 kr (delmos-2021): betalades som ett förbestämt belopp per mottagare');
  });

  it('compares two recipient tables, each split with the same options', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const out = join(dir, 't.html');
    writeFileSync(a, 'name,weight\nX,1\nY,1\n');
    writeFileSync(b, 'name,weight\nX,3\nY,1\nZ,0\n');
    const noYear = run(['report', '--compare', a, b, '--basis', 'weight', '--total', '1000']);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('name one with --year');
    const r = run(['report', '--compare', a, b, '--basis', 'weight', '--total', '1000', '--year', '2024', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/data-label="X" data-value="250"/);
    expect(html).toMatch(/data-label="Y" data-value="-250"/);
  });

  it('exits 1 with --validate on a table that fails, having written the page', () => {
    const out = join(tempDir(), 'v.html');
    const r = run(['report', '--validate', join(DATA, 'tillvaxtverket-2018.csv'), '--out', out]);
    expect(r.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('164 000 00');
  });

  it("--validate takes validate's --year, --sheet and --header-row", () => {
    const dir = tempDir();
    // A bare amount column: validate needs the year it is for; a title line above the header.
    const table = join(dir, 't.csv');
    writeFileSync(table, 'Utbetalt 2024\nKommun,Belopp\nStockholm,100\nNowhere,5\n');
    const noYear = run(['report', '--validate', table, '--header-row', '2']);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('say which year with --year');
    expect(noYear.stderr.trim().split('\n')).toHaveLength(1);
    const out = join(dir, 'v.html');
    const r = run(['report', '--validate', table, '--year', '2024', '--header-row', '2', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Nowhere');
    expect(html).toContain('unknown-recipient');
    // The workbook's second sheet, by number and by name; the first holds other names.
    const book = join(dir, 'b.xlsx');
    writeFileSync(book, xlsx([{ name: 'Om', data: sheetData([['Kommun', 'Belopp 2019'], ['Elsewhere', 1]]) }, { name: 'Tabell', data: sheetData([['Kommun', 'Belopp 2019'], ['Stockholm', 100], ['Nowhere', 5]]) }]));
    for (const sheet of ['2', 'Tabell']) {
      const page = join(dir, `s${sheet}.html`);
      expect(run(['report', '--validate', book, '--sheet', sheet, '--out', page]).status).toBe(1);
      const text = readFileSync(page, 'utf8');
      expect(text).toContain('Nowhere');
      expect(text).not.toContain('Elsewhere');
    }
  });

  it.each([
    [['--compare', 'baseline'], '--compare: give two scenarios or two tables, not 1'],
    [['--compare', 'baseline', 'actual', '--validate', 'x.csv'], '--validate and --compare: give one of them'],
    [['--compare', 'baseline', 'actual', '--admin', '2%'], '--admin: a scenario names its own recipients and figures'],
    [['--compare', 'baseline', join(DATA, 'tillvaxtverket-2018.csv')], 'not one of each'],
    [['--validate', join(DATA, 'tillvaxtverket-2018.csv'), '--total', '100'], '--total: does not apply to --validate'],
    [['--locale', 'de'], "argument 'de' is invalid"],
  ])('refuses %j with exit 2 and one line', (args, message) => {
    const r = run(['report', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
