/** compare A B with two tables: rows matched by code (or by name without codes), amounts per year, long and wide layouts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, run, tempDir } from '../helpers/cli.js';

const BUNDLED = join(DATA, 'tillvaxtverket-2018.csv');
const lines = (): string[] => readFileSync(BUNDLED, 'utf8').trimEnd().split('\n');

/** The bundled table with the rows named (by their recipient) changed, optionally without its code column. */
function copy(name: string, edits: Record<string, (line: string) => string>, dropCode = false): string {
  const out = lines().map((l) => {
    const edit = edits[l.split(',')[1]!];
    const changed = edit ? edit(l) : l;
    return dropCode ? changed.split(',').slice(1).join(',') : changed;
  });
  const file = join(tempDir(), name);
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

/** The notes CSV and JSON output gets on stderr for the bundled table's two repaired cells, per side (as `label` names it). */
const repairNotes = (...labels: string[]): string =>
  labels
    .flatMap((f) => [
      `note: ${f}: line 5, column "Belopp 2019": "164 000 00" read as 164000000 (broken digit grouping)\n`,
      `note: ${f}: line 24, column "Belopp 2019": "106 000 00" read as 106000000 (broken digit grouping)\n`,
    ])
    .join('');

interface Row {
  recipient: string;
  code: string | null;
  status: string;
  years: Record<string, { a: string | null; b: string | null; difference: string | null }>;
}

describe('statsbidrag compare TABLE TABLE (built CLI)', () => {
  it('matches rows by code when both tables have codes (a renamed row stays one row) and by name without codes', () => {
    // Huddinge renamed and its 2019 amount raised: matched by its code 0126.
    const byCode = copy('by-code.csv', { Huddinge: (l) => l.replace('Huddinge,11 545 000,37 000 000', 'Huddinge kommun,11 545 000,38 000 000') });
    const r = run(['compare', 'tillvaxtverket-2018', byCode, '--format', 'json']);
    expect(r.stderr).toBe(repairNotes('tillvaxtverket-2018', byCode));
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: Row[]; unchanged: number };
    expect(doc.rows).toHaveLength(32);
    expect(doc.unchanged).toBe(31);
    const changed = doc.rows.filter((x) => Object.values(x.years).some((c) => c.difference !== '0'));
    expect(changed.map((x) => [x.recipient, x.code, x.status, x.years['2019']])).toEqual([
      ['Huddinge', '0126', 'both', { a: '37000000', b: '38000000', difference: '1000000', percent: '2.7027' }],
    ]);
    expect(changed[0]!.years['2018']!.difference).toBe('0');

    // Without codes on one side: matched by name, case and spaces aside; Uppsala's 2018 amount lowered.
    const byName = copy('by-name.csv', { Uppsala: (l) => l.replace('Uppsala,16 673 000,', ' UPPSALA ,16 000 000,') }, true);
    expect(readFileSync(byName, 'utf8')).toMatch(/^ UPPSALA ,16 000 000,/m);
    const n = run(['compare', BUNDLED, byName, '--format', 'json']);
    expect(n.stderr).toBe(repairNotes(BUNDLED, byName));
    const named = JSON.parse(n.stdout) as { rows: Row[]; unchanged: number };
    expect(named.rows).toHaveLength(32);
    expect(named.rows.every((x) => x.status === 'both')).toBe(true);
    expect(named.unchanged).toBe(31);
    expect(named.rows[0]!.recipient).toBe('Uppsala');
    expect(named.rows[0]!.years['2018']).toMatchObject({ a: '16673000', b: '16000000', difference: '-673000' });
  });

  it('the table output notes the cells read by repair, and says how many recipients differ', () => {
    const b = copy('b.csv', { Huddinge: (l) => l.replace('37 000 000', '38 000 000') });
    const r = run(['compare', BUNDLED, b, '--locale', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/line 5, column "Belopp 2019": "164 000 00" read as 164,000,000 \(broken digit grouping\)/);
    expect(r.stdout).toMatch(/1 of 32 recipients differ/);
    expect(r.stderr).toBe('');
    // CSV and JSON have no notes of their own: the repaired cell is said on stderr, once a side.
    for (const format of ['csv', 'json']) {
      const other = run(['compare', BUNDLED, b, '--format', format]);
      expect(other.status).toBe(0);
      expect(other.stderr).toBe(repairNotes(BUNDLED, b));
    }
  });

  it('--layout wide --format csv: recipient, code, then A, B and the difference for each year', () => {
    const b = copy('b.csv', { Huddinge: (l) => l.replace('37 000 000', '38 000 000') });
    const r = run(['compare', 'tillvaxtverket-2018', b, '--layout', 'wide', '--format', 'csv', '--year', '2018-2020']);
    expect(r.stderr).toBe(repairNotes('tillvaxtverket-2018', b));
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toBe('recipient,code,A_2018,B_2018,difference_2018,A_2019,B_2019,difference_2019,A_2020,B_2020,difference_2020');
    expect(rows).toHaveLength(32);
    expect(rows[0]).toBe('Huddinge,0126,11545000,11545000,0,37000000,38000000,1000000,61000000,61000000,0');
    const stockholm = rows.find((l) => l.startsWith('Stockholm,'))!.split(',');
    expect(stockholm.slice(2)).toEqual(['50725000', '50725000', '0', '164000000', '164000000', '0', '269000000', '269000000', '0']);
  });

  it('a name on two rows is refused when rows are matched by name: each row would not be counted (exit 2, both lines named)', () => {
    const dir = tempDir();
    const write = (name: string, text: string): string => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    // Two rows of one name with their own codes; the other table leaves one code empty, or has no code column.
    const a = write('a.csv', 'namn,kod,2019\nHyresgästföreningen,802001,300000\nHyresgästföreningen,802002,290000\nRapatac,802003,100000\n');
    const b = write('b.csv', 'namn,kod,2019\nHyresgästföreningen,802001,300000\nHyresgästföreningen,802002,290000\nRapatac,,100000\n');
    const c = write('c.csv', 'namn,2019\nHyresgästföreningen,590000\nRapatac,100000\n');
    for (const [x, y, file] of [[a, b, 'a.csv'], [b, a, 'b.csv'], [a, c, 'a.csv'], [c, a, 'a.csv']] as const) {
      for (const format of ['table', 'csv', 'json']) {
        const r = run(['compare', x, y, '--format', format]);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`statsbidrag: ${join(dir, file)}:3: field "namn": "Hyresgästföreningen" is on two rows (lines 2 and 3): the rows are matched by name, since not every row of both tables has a code, and one of them would not be counted; give every row a code in both tables, or tell the names apart\n`);
      }
    }
    // Codes on every row of both: matched by code, every row counted (690 000 on each side).
    const ok = run(['compare', a, a, '--format', 'csv']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Hyresgästföreningen,802002,both,2019,290000,290000,0');
    // A code on two rows names the code, and the other row's name.
    const same = write('same.csv', 'kommun,kod,2019\nStockholm,0180,100\nMalmö,0180,200\n');
    const dup = run(['compare', same, same]);
    expect(dup.status).toBe(2);
    expect(dup.stderr).toBe(`statsbidrag: ${same}:3: field "kod": code "0180" of "Malmö" is also on line 2 (of "Stockholm")\n`);
  });

  it('two tables with no year in common: exit 2 naming each side\'s years (was exit 0 with every recipient "different")', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'recipient,2019\nA,100\nB,200\n');
    writeFileSync(join(dir, 'b.csv'), 'recipient,2020\nA,100\n');
    const r = run(['compare', join(dir, 'a.csv'), join(dir, 'b.csv')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no year in common \(A: .*a\.csv 2019; B: .*b\.csv 2020\)/);
    // One year in common is a comparison, as before.
    writeFileSync(join(dir, 'c.csv'), 'recipient,2019,2020\nA,100,100\n');
    expect(run(['compare', join(dir, 'a.csv'), join(dir, 'c.csv')]).status).toBe(0);
  });

  it('an unreadable amount is named once, as every command names it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'Kommun,2019\nA,12x\nB,200\n');
    writeFileSync(join(dir, 'b.csv'), 'Kommun,2019\nA,100\nB,200\n');
    const r = run(['compare', join(dir, 'a.csv'), join(dir, 'b.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${join(dir, 'a.csv')}:2: field "2019": "12x" is not an amount: contains characters that are not digits\n`);
  });

  it('a table and a scenario: a usage error on one line, exit 2', () => {
    const r = run(['compare', 'tillvaxtverket-2018', 'actual']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/two tables or two scenarios.*"tillvaxtverket-2018" is a table and "actual" is not/);
  });

  it('a bare amount column needs --year, and is read as that year with it', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'recipient,amount\nX,100\nY,200\n');
    writeFileSync(b, 'recipient,amount\nX,100\nY,250\n');
    const bad = run(['compare', a, b]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/a\.csv.*field "amount".*--year/);
    const ok = run(['compare', a, b, '--year', '2019', '--format', 'csv', '--layout', 'wide']);
    expect(ok.stdout.trimEnd().split('\n')).toEqual(['recipient,code,A_2019,B_2019,difference_2019', 'Y,,200,250,50', 'X,,100,100,0']);
  });
});
