/**
 * Figures that say what they are: administrative costs from the rules carry their kind (derived,
 * assumed) and, for an assumption audit can bound, the range that gives the same published column;
 * a scenario's totals carry their status; compare does not put a per cent on totals over different years.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, run, tempDir } from '../helpers/cli.js';

describe('figures that say what they are (built CLI)', () => {
  it('allocate: admin costs are derived (2018) or assumed (2019, 2020–2027), with the range audit gives, in JSON and the notes', () => {
    const doc = JSON.parse(run(['allocate', '--format', 'json']).stdout);
    expect(doc.periods.map((p: { adminKind: string }) => p.adminKind)).toEqual(['derived', 'assumed', 'assumed']);
    expect(doc.periods[1].adminRange).toEqual({ from: '24149939', to: '26141935' });
    expect(doc.periods[0].adminRange).toBeUndefined();
    expect(doc.totals.adminKind).toBe('assumed');
    const sv = run(['allocate']).stdout;
    expect(sv).toMatch(/^2019, administrativa kostnader: antagande; 24 149 939–26 141 935 kr ger samma kolumn$/m);
    expect(sv).toMatch(/Administrativa kostnader totalt 239 604 000 kr: antaganden \(2019, 2020–2027\)/);
    expect(run(["allocate", "--locale", "en"]).stdout).toMatch(/^2019, administrative costs: assumption; 24,149,939–26,141,935 kr give the same column$/m);
    // --admin is the user's figure, not the rules': no kind from the rules.
    const own = JSON.parse(run(['allocate', '--year', '2019', '--admin', '2%', '--format', 'json']).stdout);
    expect(own.periods[0].adminKind).toBeNull();
  });

  it('the range holds for the rules\' own data only: a scenario that changes the recipients drops it', () => {
    const doc = JSON.parse(run(['allocate', '--scenario', 'what-if', '--format', 'json']).stdout);
    expect(doc.periods.every((p: { adminRange?: unknown }) => p.adminRange === undefined)).toBe(true);
  });

  it('validate says the 2019 amount split is assumed', () => {
    expect(run(['validate', 'tillvaxtverket-2018', '--year', '2019', '--locale', 'en']).stdout).toMatch(/the amount split, 1,325,000,000, is assumed/);
    expect(run(['validate', 'tillvaxtverket-2018', '--year', '2019']).stdout).toMatch(/beloppet att fördela, 1 325 000 000, är ett antagande/);
  });

  it('the actual scenario: each total with its status and the values other sources give', () => {
    const doc = JSON.parse(run(['allocate', '--scenario', 'actual', '--format', 'json']).stdout);
    expect(doc.periods.map((p: { stated?: { status: string[] } }) => p.stated?.status)).toEqual([
      ['proposal', 'approximate', 'contradicted'],
      ['contradicted', 'includes-admin'],
      ['preset-per-recipient'],
    ]);
    expect(doc.periods[0].stated.alternatives).toEqual([{ value: '425000000', source: 'delmos-32-kommuner' }]);
    const text = run(['allocate', '--scenario', 'actual']).stdout;
    expect(text).toMatch(/2019: totalen 410 000 000 kr \(tillvaxtverket-2019\): förslag, inte beslut/);
    expect(text).toMatch(/2021: .*raderna här är räkneexempel, inte utbetalningar/);
  });

  it('a scenario file can give status and alternatives; an alternative with an unknown source is refused', () => {
    const dir = tempDir();
    const ok = join(dir, 's.json');
    const scenario = (alt: string) => ({
      version: 1,
      name: 's',
      sources: { a: 'A page', b: 'B page' },
      periods: [{ years: '2019', total: '400 miljoner', source: 'a', status: ['approximate'], alternatives: [{ value: '420 miljoner', source: alt }] }],
    });
    writeFileSync(ok, JSON.stringify(scenario('b')));
    expect(run(['allocate', '--scenario', ok, '--locale', 'en']).stdout).toMatch(/2019: the total 400,000,000 kr \(a\): approximate \("cirka"\); other sources: 420,000,000 kr \(b\)\./);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(scenario('nowhere')));
    const r = run(['allocate', '--scenario', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/periods\[0\]\.alternatives\[0\]\.source.*unknown source "nowhere"/);
  });

  it('compare: no difference or per cent on totals over years only one side covers; the years both cover are compared', () => {
    const t = run(['compare', 'baseline', 'actual']).stdout;
    expect(t).toMatch(/^Summa 2018–2027\s+19 134 396 000\s+995 000 000\s+–\s+–$/m);
    expect(t).not.toMatch(/-94,80 %/);
    expect(t).toMatch(/^År i båda \(2019–2021\)\s+5 674 000 000\s+995 000 000\s+-4 679 000 000\s+-82,46 %$/m);
    const doc = JSON.parse(run(['compare', 'baseline', 'actual', '--format', 'json']).stdout);
    expect(doc.totals.total).toMatchObject({ a: '19134396000', b: '995000000', difference: null, percent: null });
    expect(doc.totals.common.difference).toBe('-4679000000');
    // Same years on both sides: the total is compared as before.
    const same = JSON.parse(run(['compare', 'baseline', join(DATA, 'scenarios', 'what-if.json'), '--year', '2018-2022', '--format', 'json']).stdout);
    expect(same.totals.total.difference).not.toBeNull();
  });
});
