/**
 * award's writers stream from the columns (issue 20): the CSV as bytes (render/award.ts
 * awardCsvBytes: names copied from the input's bytes, amounts from whole numbers, any record with a
 * cell to quote or neutralise through csvDialect), the JSON and the Markdown and terminal tables
 * with each row made as it is written. For random applications files — names that need quoting,
 * escaping or neutralising in CSV, JSON and Markdown (delimiters, quotes, line breaks, formula
 * starts, non-ASCII, Markdown's specials), decimals and huge amounts, priorities or none, years —
 * and every rationing, the bytes are those of the row-building writers they replaced: the frozen
 * oracle (award-oracle/: its award, its records through csvChunks, its JSON and grids) in English
 * and Swedish, in every CSV dialect (and one that is not a byte dialect).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { awardColumns, type AwardOptions } from '../../src/core/award.js';
import { Decimal } from '../../src/core/decimal.js';
import { loadApplicationColumns } from '../../src/io/applications.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromText } from '../../src/io/table.js';
import { AWARD_TEXT_COLUMNS } from '../../src/render/award.js';
import { renderCsv, type CsvOptions } from '../../src/render/csv.js';
import { writerFor } from '../../src/render/formats.js';
import { NO_PAINT } from '../../src/render/grid.js';
import type { RenderOptions } from '../../src/render/output.js';
import { award as oracleAward } from './award-oracle/award.js';
import { applicationsFromTable as oracleApplicationsFromTable } from './award-oracle/applications.js';
import { awardJson as oracleJson, awardsGrids as oracleGrids } from './award-oracle/documents.js';
import { awardRecords as oracleRecords } from './award-oracle/records.js';

const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-award-streamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces of names a writer must quote, escape or neutralise somewhere, and plain ones. */
const piece = fc.constantFrom(
  'Sökande', 'Kommun', 'a', 'Ödeshög', 'Förening "Norr"', 'A, B', 'x;y', 'tab\there', 'pipe|bar', 'line\nbreak', 'cr\r\nlf',
  '=SUM(A1)', '+46', '-5', '@home', "'quoted", '＝full', '＋w', 'back\\slash', '<b>', '`code`', '[link]', 'a & b', '😀', 'ｗ', ' ',
);
const nameArb = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const amountText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 900 }).map((n) => String(n * 1000)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 1, max: 999 })).map(([a, b]) => `${a}.${b}`) },
  { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 15n, max: 10n ** 24n }).map(String) },
);
const scoreText = fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), fc.constantFrom('2.5', '-1', '0.25', '123456789012345678901'));
const TYPES = ['kommun', 'Region', 'ideell förening', 'stiftelse', 'aktiebolag', 'kommunalförbund'];

const fileArb = fc.record({
  rows: fc.array(
    fc.record({
      name: nameArb,
      at: fc.boolean(),
      type: fc.constantFrom(...TYPES),
      region: fc.constantFrom('', 'Gävleborg', 'Skåne, södra', 'Norr "län"'),
      requested: amountText,
      cost: amountText,
      score: scoreText,
      years: fc.constantFrom('2019', '2019-2020', '2020', '2019-2021'),
    }),
    { minLength: 1, maxLength: 25 },
  ),
  scores: fc.boolean(),
  years: fc.boolean(),
});

const optionsArb = fc.record({
  budget: fc.oneof(fc.integer({ min: 0, max: 3000 }).map((n) => new Decimal(n * 1000)), fc.constant(new Decimal('100000000000000000000'))),
  rationing: fc.constantFrom('priority' as const, 'priority' as const, 'proportional' as const, 'equal-awards' as const),
  unit: fc.constantFrom('1', '1000', '0.01', '7'),
  partial: fc.boolean(),
  ceiling: fc.option(fc.constantFrom('200000', '123456.78'), { nil: undefined }),
  share: fc.option(fc.constantFrom('90', '33.3333'), { nil: undefined }),
});

const DIALECTS: CsvOptions[] = [
  {},
  { headers: 'sv' },
  { delimiter: ';', decimalMark: ',', bom: true },
  { delimiter: '\t', eol: '\r\n' },
  { delimiter: '|', headers: 'sv' },
  // Not a byte dialect: through csvChunks.
  { delimiter: ',', decimalMark: ',' },
];

const text = (written: unknown): Buffer => {
  if (typeof written === 'string') return Buffer.from(written);
  return Buffer.concat(Array.from(written as Iterable<string | Uint8Array>, (c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.from(c))));
};

let files = 0;

describe('award written from the columns holds to the row-building writers (award-oracle/)', () => {
  it('the same CSV bytes in every dialect, and the same JSON, Markdown and table in both languages', async () => {
    setNoteSink(() => {});
    await fc.assert(
      fc.asyncProperty(fileArb, optionsArb, async (f, o) => {
        const header = ['applicant', 'type', 'region', 'requested', 'cost', ...(f.scores ? ['priority'] : []), ...(f.years ? ['years'] : [])];
        const records = f.rows.map((r, i) => [r.at ? `${i}${r.name}` : `${r.name}${i}`, r.type, r.region, r.requested, r.cost, ...(f.scores ? [r.score] : []), ...(f.years ? [r.years] : [])]);
        const csv = stringify([header, ...records]);
        const file = join(dir, `applications-${files++}.csv`);
        writeFileSync(file, csv);
        let apps;
        try {
          apps = await loadApplicationColumns(file);
        } catch {
          return; // a file the reader refuses (a name read as a total row, say): not this property's
        }
        const options: AwardOptions = {
          rules: {
            ordinances: [
              { ref: 'SFS 2018:118', admits: ['kommun', 'region', 'kommunalförbund'], source: 't' },
              { ref: 'SFS 2018:119', admits: ['ideell förening', 'stiftelse'], source: 't' },
            ],
            maxDecisionYears: { value: 2, source: 't', kind: 'stated' },
          } as AwardOptions['rules'],
          budget: (year) => (year <= 2020 ? o.budget : undefined),
          callYears: { from: 2019, to: 2019 },
          unit: new Decimal(o.unit),
          rationing: o.rationing,
          ...(o.partial ? { partial: true } : {}),
          ...(o.ceiling ? { ceiling: new Decimal(o.ceiling) } : {}),
          ...(o.share ? { maxCostShare: new Decimal(o.share) } : {}),
        };
        let result;
        try {
          result = awardColumns(apps, options);
        } catch {
          expect(() => oracleAward(oracleApplicationsFromTable(tableFromText(csv, file)), options)).toThrow();
          return;
        }
        const oracle = oracleAward(oracleApplicationsFromTable(tableFromText(csv, file)), options);
        const programme = { id: 'p', name: 'Program "A" | <b>', agency: 'Myndighet' };
        const view = { result, programme, rationing: o.rationing };
        const render = (format: RenderOptions['format'], locale: 'sv' | 'en', csvOptions: CsvOptions = {}): Buffer =>
          text(writerFor('awards', format)(view, { format, locale, csv: csvOptions, paint: NO_PAINT }));
        for (const dialect of DIALECTS) {
          const { headers, rows } = oracleRecords(oracle, dialect.headers === 'sv' ? 'sv' : 'en');
          const expected = renderCsv(headers, rows, new Set(headers.flatMap((h, i) => (AWARD_TEXT_COLUMNS.has(h) ? [i] : []))), dialect);
          const ours = render('csv', 'sv', dialect);
          expect(ours.toString()).toBe(expected);
          expect(ours.equals(Buffer.from(expected))).toBe(true);
        }
        for (const locale of ['sv', 'en'] as const) {
          const json = render('json', locale);
          const expectedJson = `${JSON.stringify(oracleJson(oracle, programme, locale), null, 2)}\n`;
          expect(json.toString()).toBe(expectedJson);
          expect(json.equals(Buffer.from(expectedJson))).toBe(true);
          for (const format of ['md', 'table'] as const) {
            const grid = render(format, locale);
            const expectedGrid = oracleGrids(oracle, programme, format, locale);
            expect(grid.toString()).toBe(expectedGrid);
            expect(grid.equals(Buffer.from(expectedGrid))).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
