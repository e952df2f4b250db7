/**
 * Real tables (issue 22), run as a user would: a total row is never paid or counted, and one
 * recipient spelled two ways (case, NFC/NFD, no-break or zero-width spaces) is an error wherever
 * money would be paid, with both lines named.
 */
import { closeSync, lstatSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, run, tempDir } from '../helpers/cli.js';

function file(name: string, text: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const SAME = '(names match regardless of case, Unicode form, surrounding and zero-width spaces, and a footnote mark at the end), and would be paid twice';

describe('total rows are set aside, with a note (built CLI)', () => {
  it('allocate does not pay "Totalt": Alfa 375 000, Beta 625 000, and a note naming the row', () => {
    const data = file('t.csv', 'name,weight\nAlfa,3\nBeta,5\nTotalt,8\n');
    for (const format of ['csv', 'json', 'md']) {
      const r = run(['allocate', '--data', data, '--basis', 'weight', '--total', '1000000', '--format', format]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe(`note: ${data}: line 4 "Totalt" is a total row, not a recipient; set aside\n`);
      expect(r.stdout).not.toMatch(/Totalt/);
      if (format === 'csv') expect(r.stdout).toBe('recipient,weight,amount\nAlfa,3,375000\nBeta,5,625000\n');
    }
  });

  it('allocate sets aside a last row that holds the sum, without a total word, and from stdin', () => {
    const r = run(['allocate', '--data', '-', '--basis', 'weight', '--total', '1000000', '--format', 'csv'], { input: 'name,weight\nAlfa,3\nBeta,5\nAlla kommuner 2019,8\n' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,weight,amount\nAlfa,3,375000\nBeta,5,625000\n');
    expect(r.stderr).toBe('note: -: line 4 "Alla kommuner 2019" holds the sums of the rows above: a total row, not a recipient; set aside\n');
  });

  it('pays a real name that merely contains a total word; refuses a name that begins as a total does and holds no sums', () => {
    const r = run(['allocate', '--data', file('n.csv', 'name,weight\nTotal Oil,3\nTotalförsvaret,5\nSumatra,2\n'), '--basis', 'weight', '--total', '1000', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('recipient,weight,amount\nTotal Oil,3,300\nTotalförsvaret,5,500\nSumatra,2,200\n');
    // "Summa …" is how subtotals are named ("Summa Stockholms län"): without its group's sums, neither paid nor set aside.
    const f = file('s.csv', 'name,weight\nAlfa,3\nSumma Konsult AB,5\n');
    const s = run(['allocate', '--data', f, '--basis', 'weight', '--total', '800', '--format', 'csv']);
    expect([s.status, s.stdout, s.stderr]).toEqual([
      2,
      '',
      `statsbidrag: ${f}:3: field "name": "Summa Konsult AB" is named as a total or subtotal row, but its amounts are not the sums of its group or of the rows above it: neither a recipient nor a total to set aside; correct or remove the row\n`,
    ]);
  });

  it('sets aside subtotals that hold their group\'s sums (Excel\'s Subtotal tool, a county\'s sum), in every command', () => {
    const t = file(
      'sub.csv',
      'Kommun;Belopp 2019;Belopp 2020\nAlfa;100;110\nBeta;200;220\nSumma Norra län;300;330\nGamma;50;55\nDelta kommun;25;30\nSödra län Summa;75;85\nvarav Gamma;50;55\nTotalt*;375;415\n\n* Inklusive avrundning\n',
    );
    const notes =
      `note: ${t}: line 11 below the table is a note ("* Inklusive avrundning"), not a row; not read\n` +
      `note: ${t}: line 4 "Summa Norra län" holds the sums of the rows above: a total row, not a recipient; set aside\n` +
      `note: ${t}: line 7 "Södra län Summa" holds the sums of the rows above it: a subtotal, not a recipient; set aside\n` +
      `note: ${t}: line 8 "varav Gamma" is a part of a total ("varav"), not a recipient; set aside\n` +
      `note: ${t}: line 9 "Totalt*" is a total row, not a recipient; set aside\n`;
    const a = run(['allocate', '--data', t, '--basis', 'Belopp 2019', '--total', '375', '--format', 'csv']);
    expect([a.status, a.stdout, a.stderr]).toEqual([0, 'recipient,weight,amount\nAlfa,100,100\nBeta,200,200\nGamma,50,50\nDelta kommun,25,25\n', notes]);
    const c = run(['compare', t, t, '--format', 'csv']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout.split('\n').filter((l) => l.includes(',total,')).map((l) => l.split(',')[0])).toEqual(['Alfa', 'Beta', 'Gamma', 'Delta kommun']);
    // validate checks each against its group or the rows above it: all hold.
    const v = run(['validate', t, '--stated', 'Belopp 2019=375', '--stated', 'Belopp 2020=415', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${t}: VALID, 0 errors, 0 warnings (4 recipient rows, 2 amount columns, 8 cells)\n`]);
  });

  it('compare no longer counts a total row', () => {
    const a = file('a.csv', 'name,2019\nAlfa,300\nBeta,500\nSumma,800\n');
    const b = file('b.csv', 'name,2019\nAlfa,310\nBeta,500\n');
    const r = run(['compare', a, b, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(`note: ${a}: line 4 "Summa" is a total row, not a recipient; set aside\n`);
    const doc = JSON.parse(r.stdout) as { rows: { recipient: string }[]; totals: { years: Record<string, { a: string; b: string }> } };
    expect(doc.rows.map((x) => x.recipient).sort()).toEqual(['Alfa', 'Beta']);
    expect([doc.totals.years['2019']!.a, doc.totals.years['2019']!.b]).toEqual(['800', '810']);
  });

  it('audit reads the rows without the total row', () => {
    const r = run(['audit', file('au.csv', 'name,weight,amount\nAlfa,3,375000\nBeta,5,625000\nTotalt,8,1000000\n'), '--basis', 'weight', '--column', 'amount', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: .*au\.csv: line 4 "Totalt" is a total row, not a recipient; set aside\n$/);
    expect((JSON.parse(r.stdout) as { rows: number }).rows).toBe(2);
  });

  it('award does not take a total row for an application', () => {
    const apps = file('apps.csv', 'applicant,type,requested,cost\nFörening A,förening,100000,200000\nFörening B,förening,50000,100000\nSumma,,150000,300000\n');
    const r = run(['award', apps, '--budget', '150000', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(`note: ${apps}: line 4 "Summa" is a total row, not a recipient; set aside\n`);
    expect(r.stdout).not.toMatch(/Summa/);
  });

  it('validate checks the total row, and the tool\'s own output with a total row appended validates', () => {
    const out = run(['allocate', '--data', file('v.csv', 'name,weight\nAlfa,3\nBeta,5\n'), '--basis', 'weight', '--total', '1000000', '--format', 'csv']).stdout;
    const good = file('good.csv', `${out}Totalt,8,1000000\n`);
    expect(run(['validate', good, '--stated', 'amount=1000000', '--year', '2019']).status).toBe(0);
    const bad = run(['validate', file('bad.csv', `${out}Totalt,8,1000001\n`), '--stated', 'amount=1000000', '--year', '2019', '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/total-row-mismatch/);
  });
});

describe('one recipient, one key (built CLI)', () => {
  it.each([
    ['case', 'Göteborg', 'göteborg'],
    ['NFC and NFD', 'Göteborg', 'Go\u0308teborg'],
    ['a zero-width space', 'Göteborg', 'Göte\u200bborg'],
    ['a no-break space inside', 'Upplands Väsby', 'Upplands\u00a0Väsby'],
  ])('allocate refuses two spellings differing by %s: exit 2, both lines named', (_, first, second) => {
    const data = file('d.csv', `name,weight\n${first},3\nBeta,5\n${second},2\n`);
    for (const format of ['csv', 'table']) {
      const r = run(['allocate', '--data', data, '--basis', 'weight', '--total', '1000000', '--format', format]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const shown = second.replace(/[\u200b\u00a0]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(r.stderr).toBe(`statsbidrag: ${data}: lines 2 and 4: "${first}" and "${shown}" are the same recipient ${SAME}\n`);
    }
  });

  it('award refuses one applicant spelled two ways for the same years', () => {
    const apps = file('apps.csv', 'applicant,type,requested,cost\nFörening A,förening,100000,200000\nFÖRENING A ,förening,50000,100000\n');
    const r = run(['award', apps, '--budget', '150000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${apps}: lines 2 and 3: "Förening A" and "FÖRENING A" are the same applicant, and would be paid twice\n`);
  });

  it('refuses a name with no-break spaces around it twice: the reader trims them', () => {
    const data = file('d.csv', 'name,weight\nGöteborg,3\n\u00a0Göteborg\u00a0,2\n');
    const r = run(['allocate', '--data', data, '--basis', 'weight', '--total', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${data}: lines 2 and 3: "Göteborg" appears twice ${SAME}\n`);
  });

  it('compare matches the same spellings allocate refuses as one', () => {
    const out = run(['allocate', '--data', file('v.csv', 'name,weight\nGöteborg,3\nÅre,5\n'), '--basis', 'weight', '--total', '800', '--format', 'csv']).stdout;
    const nfd = file('nfd.csv', out.normalize('NFD').replace('Göteborg', 'GÖTEBORG'.normalize('NFD')));
    const r = run(['compare', nfd, file('nfc.csv', out), '--year', '2019', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { unchanged: number; rows: unknown[] }).rows).toHaveLength(2);
  });
});

describe('JSON files (built CLI)', () => {
  it('a key twice in a scenario or rules file is an error naming the key path', () => {
    const scenario = file('s.json', '{\n  "version": 1,\n  "name": "x",\n  "version": 1\n}\n');
    const r = run(['allocate', '--scenario', scenario]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${scenario}:4: version: the key "version" appears twice in one object (JSON would keep the last silently); keep one\n`);
    const rules = file('r.json', '{"programmes": [{"id": "a", "id": "b"}]}');
    const q = run(['allocate', '--rules', rules]);
    expect(q.status).toBe(2);
    expect(q.stderr).toBe(`statsbidrag: ${rules}:1: programmes[0].id: the key "id" appears twice in one object (JSON would keep the last silently); keep one\n`);
  });
});

describe('bytes and annotations (built CLI)', () => {
  it('a file with valid UTF-8 and one bad byte is refused, naming line and byte; a plain Windows-1252 file is read as such', () => {
    const mixed = file('mixed.csv', Buffer.concat([Buffer.from('name,weight\nGöteborg,1\n'), Buffer.from([0x41, 0x72, 0xe5, 0x73, 0x2c, 0x33, 0x0a])]));
    const r = run(['allocate', '--data', mixed, '--basis', 'weight', '--total', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${mixed}:3: byte 3 of this line (0xE5) is not valid UTF-8, and the file holds valid UTF-8 elsewhere: not read as Windows-1252; save it as UTF-8\n`);
    const cp1252 = file('cp1252.csv', Buffer.from('name,weight\nG\xf6teborg,1\n\xc5re,3\n', 'latin1'));
    const ok = run(['allocate', '--data', cp1252, '--basis', 'weight', '--total', '100', '--format', 'csv']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('recipient,weight,amount\nGöteborg,1,25\nÅre,3,75\n');
  });

  it('--format github turns an input error (exit 2) into an ::error annotation too', () => {
    const data = file('d.csv', 'name,2019\nA,1\nB,abc\n');
    const r = run(['validate', data, '--format', 'github', '--data', data, '--basis', 'nope', '--total', '100']);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=.*d\.csv,title=unknown-column::/);
    const dup = file('dup.csv', 'name,weight\nA,1\na,2\n');
    const v = run(['validate', dup, '--format=github', '--data', dup, '--basis', 'weight', '--total', '100']);
    expect(v.status).toBe(2);
    expect(v.stdout).toBe(`::error file=${dup.replace(/:/g, '%3A').replace(/,/g, '%2C')},title=duplicate-recipient::lines 2 and 3: "A" and "a" are the same recipient ${SAME}\n`);
  });

  it('codes that lost their leading zeros in a spreadsheet are named as such, in one finding', () => {
    const text = readFileSync(join(DATA, 'tillvaxtverket-2018.csv'), 'utf8').replace(/^0+(\d+),/gm, '$1,');
    const r = run(['validate', file('nz.csv', text), '--format', 'json', '--locale', 'en']);
    expect(r.status).toBe(1);
    const findings = (JSON.parse(r.stdout) as { errors: { code: string; message: string }[] }).errors;
    expect(findings.filter((f) => f.code === 'name-code-mismatch')).toEqual([]);
    const lost = findings.filter((f) => f.code === 'codes-lost-leading-zeros');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.message).toMatch(/^14 codes have lost their leading zeros: 123 for 0123 \("Järfälla", line 2\), /);
    const sv = (JSON.parse(run(['validate', file('nz.csv', text), '--format', 'json']).stdout) as { errors: { code: string; message: string }[] }).errors;
    expect(sv.find((f) => f.code === 'codes-lost-leading-zeros')!.message).toMatch(/^14 koder har förlorat sina inledande nollor: 123 för 0123 \("Järfälla", rad 2\), .*ett kalkylprogram läste kodkolumnen som tal: behåll den som text$/);
  });
});

describe('the header row is found, not assumed (built CLI)', () => {
  const AGENCY = 'Fördelning av statsbidrag 2019;;\nKälla: Tillväxtverket;;\n;;\nKommun;Kod;Vikt\nAlfa;0123;3\nBeta;0124;5\n';

  it('allocate reads an agency sheet exported with a title, a source line and a blank row above the header, with a note', () => {
    const data = file('agency.csv', AGENCY);
    const r = run(['allocate', '--data', data, '--basis', 'Vikt', '--total', '800', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,code,weight,amount\nAlfa,0123,3,300\nBeta,0124,5,500\n');
    expect(r.stderr).toBe(`note: ${data}: line 4 taken as the header (the 3 lines above it are a title or blank)\n`);
  });

  it('--header-row says which line it is (no note), and a wrong one names the line and what it lacks', () => {
    const data = file('titled.csv', 'Fördelning 2019\n\nKommun,Vikt\nAlfa,3\nBeta,5\n');
    const ok = run(['allocate', '--data', data, '--basis', 'Vikt', '--total', '800', '--header-row', '3', '--format', 'csv']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('recipient,weight,amount\nAlfa,3,300\nBeta,5,500\n');
    const wrong = run(['allocate', '--data', data, '--basis', 'Vikt', '--total', '800', '--header-row', '1']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe(`statsbidrag: ${data}: field "--header-row": line 1, taken as the header, has no column "Vikt" (its cells: "Fördelning 2019")\n`);
    const bad = run(['allocate', '--data', data, '--basis', 'Vikt', '--total', '800', '--header-row', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('statsbidrag: field "--header-row": --header-row: a line number (1 or more), not "x"\n');
  });

  it('no row holding the columns: the row taken and the column missing are named', () => {
    const data = file('titled.csv', 'Fördelning 2019\n\nKommun,Vikt\nAlfa,3\nBeta,5\n');
    const r = run(['allocate', '--data', data, '--basis', 'weight', '--total', '800']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${data}: line 3, taken as the header, has no column "weight" (its cells: "Kommun", "Vikt")\n`);
  });

  it('an agency CSV with a title, the total row and footnotes below: the recipients paid, the notes named and not read', () => {
    const data = file('notes.csv', 'Fördelning av statsbidrag 2019\n\nKommun;Kod;Vikt\nAlfa;0114;3\nBeta;0115;5\nSumma;;8\nKälla: SCB\n* avrundat\n');
    const r = run(['allocate', '--data', data, '--basis', 'Vikt', '--total', '1000', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,code,weight,amount\nAlfa,0114,3,375\nBeta,0115,5,625\n');
    expect(r.stderr).toBe(
      `note: ${data}: line 3 taken as the header (the 2 lines above it are a title or blank)\n` +
        `note: ${data}: lines 7–8 below the table are notes ("Källa: SCB", …), not rows; not read\n` +
        `note: ${data}: line 6 "Summa" is a total row, not a recipient; set aside\n`,
    );
    // A last row with a name and no weight, and no break above it, is still the error it was.
    const gap = file('gap.csv', 'Kommun;Vikt\nAlfa;3\nGamma;\n');
    const g = run(['allocate', '--data', gap, '--basis', 'Vikt', '--total', '1000']);
    expect(g.status).toBe(2);
    expect(g.stderr).toBe(`statsbidrag: ${gap}:3: field "Vikt": no value for "Gamma"\n`);
  });

  it('validate and audit find it too', () => {
    const data = file('titled.csv', 'Tabell 1. Belopp per kommun\n\nKommun,Vikt,Belopp 2019\nAlfa,3,300\nBeta,5,500\n');
    const v = run(['validate', data, '--stated', '2019=800']);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stderr).toBe(`note: ${data}: line 3 taken as the header (the 2 lines above it are a title or blank)\n`);
    const a = run(['audit', data, '--basis', 'Vikt', '--column', '2019', '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    expect((JSON.parse(a.stdout) as { rows: number }).rows).toBe(2);
  });
});

describe('round trip, bytes and outputs (built CLI)', () => {
  const NAMES = 'name,weight\n=SUM(A1),3\n+46 AB,5\n-minus,2\n@at,1\nPlain,4\n';

  it.each([[['--format', 'csv']], [['--excel']], [['--format', 'csv', '--delimiter', 'tab', '--decimal-mark', ',', '--bom']]])('allocate output with formula-guarded names validates 0 against the same split (%s)', (format) => {
    const data = file('f.csv', NAMES);
    const out = join(tempDir(), 'out.csv');
    const w = run(['allocate', '--data', data, '--basis', 'weight', '--total', '1500', ...format, '--out', out]);
    expect(w.status, w.stderr).toBe(0);
    const v = run(['validate', out, '--data', data, '--basis', 'weight', '--total', '1500', '--quiet']);
    expect(v.stderr).toBe('');
    expect(v.status, v.stdout).toBe(0);
    const c = run(['compare', out, out, '--year', '2019', '--format', 'json']);
    expect((JSON.parse(c.stdout) as { rows: { recipient: string }[] }).rows.map((x) => x.recipient).sort()).toEqual(['+46 AB', '-minus', '=SUM(A1)', '@at', 'Plain']);
  });

  it('reads a CR-only file as lines, and trims quoted names as unquoted ones', () => {
    const cr = run(['allocate', '--data', file('cr.csv', 'name,weight\rA,1\rB,3\r'), '--basis', 'weight', '--total', '100', '--format', 'csv']);
    expect(cr.stdout).toBe('recipient,weight,amount\nA,1,25\nB,3,75\n');
    const q = run(['allocate', '--data', file('q.csv', 'name,weight\n"  Alfa ",1\nBeta,3\n'), '--basis', 'weight', '--total', '100', '--format', 'csv']);
    expect(q.stdout).toBe('recipient,weight,amount\nAlfa,1,25\nBeta,3,75\n');
  });

  it('--basis matching two headers that differ by case is an error naming both; an exact match is taken', () => {
    const data = file('w.csv', 'name,weight,Weight\nA,1,2\nB,3,4\n');
    const r = run(['allocate', '--data', data, '--basis', 'WEIGHT', '--total', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${data}: field "WEIGHT": basis column "WEIGHT" matches several columns that differ only in case or spacing: "weight", "Weight"; name one exactly\n`);
    expect(run(['allocate', '--data', data, '--basis', 'Weight', '--total', '100', '--format', 'csv']).stdout).toBe('recipient,weight,amount\nA,2,33\nB,4,67\n');
  });

  it('refuses "5 kr kr"', () => {
    const r = run(['allocate', '--data', file('l.csv', 'name,weight\nA,1\nB,3\n'), '--basis', 'weight', '--total', '5 kr kr']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('statsbidrag: --total: "5 kr kr" is not an amount: contains characters that are not digits\n');
  });

  it('standard input is read once, and a directory on stdin is named as such', () => {
    const twice = run(['allocate', '--data', '-', '--rules', '-', '--basis', 'weight'], { input: 'name,weight\nA,1\n' });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('statsbidrag: -: standard input can be read once: give "-" for one input only, and files for the others\n');
    const fd = openSync(tempDir(), 'r');
    try {
      const dir = run(['allocate', '--data', '-', '--basis', 'weight', '--total', '100'], { stdinFd: fd });
      expect(dir.status).toBe(2);
      expect(dir.stderr).toBe('statsbidrag: -: standard input is a directory, not a file\n');
    } finally {
      closeSync(fd);
    }
  });

  it('--out naming an input, or a dangling symbolic link, is refused before anything is read or written', () => {
    const dir = tempDir();
    const data = join(dir, 'in.csv');
    writeFileSync(data, 'name,weight\nA,1\nB,3\n');
    const r = run(['allocate', '--data', data, '--basis', 'weight', '--total', '100', '--out', join(dir, '.', 'in.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`statsbidrag: ${join(dir, 'in.csv')}: field "--out": names the same file as --data "${data}": writing would replace the input; choose another file\n`);
    expect(readFileSync(data, 'utf8')).toBe('name,weight\nA,1\nB,3\n');
    const v = run(['validate', data, '--stated', 'weight=4', '--out', data]);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(/names the same file as the argument/);
    const link = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'nowhere', 'x.csv'), link);
    const d = run(['allocate', '--data', data, '--basis', 'weight', '--total', '100', '--out', link]);
    expect(d.status).toBe(2);
    expect(d.stderr).toBe(`statsbidrag: ${link}: field "--out": is a symbolic link that leads to no file; refusing to replace the link (name the file it should write, or remove the link)\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('a title that names the basis column (built CLI)', () => {
  it('"Fördelning 2019" above "Kommun;2019;2020" is a title: the header below it is read, with a note', () => {
    const dir = tempDir();
    const file = join(dir, 'titled.csv');
    writeFileSync(file, 'Fördelning 2019;;\nKommun;2019;2020\nBotkyrka;100;1\nHaninge;300;2\n');
    const r = run(['allocate', '--data', file, '--basis', '2019', '--total', '400', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('recipient,weight,amount\nBotkyrka,100,100\nHaninge,300,300\n');
    expect(r.stderr).toBe(`note: ${file}: line 2 taken as the header (the line above it is a title or blank)\n`);
  });
});
