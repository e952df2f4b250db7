/**
 * validate as a CI gate (issue #12), as a property: for random recipients, weights, totals,
 * units, methods and years, what allocate writes (csv, tab, --excel, --headers sv, json)
 * validate accepts with the same options; one amount cell changed by one rounding unit, one total
 * cell, or one code swapped, and it fails with an error at that row and column. In-process,
 * through the use cases and renderers the CLI calls.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateUseCase, type AllocateRequest, type AllocationResult } from '../../src/app/allocate.js';
import { validateUseCase } from '../../src/app/validate.js';
import { csvOptionsFrom } from '../../src/cli/options.js';
import { METHOD_NAMES } from '../../src/core/apportion/index.js';
import { Decimal } from '../../src/core/decimal.js';
import { parseYearRange } from '../../src/core/schedule.js';
import { allocationJson, allocationRecords } from '../../src/render/allocation.js';
import { renderAllocation } from '../../src/render/formats.js';
import { renderCsv, type CsvOptions } from '../../src/render/csv.js';
import { NO_PAINT } from '../../src/render/grid.js';
import { translateHeader } from '../../src/render/headers.js';

const DIR = mkdtempSync(join(tmpdir(), 'statsbidrag-gate-'));
let files = 0;
const save = (text: string, ext: string): string => {
  const file = join(DIR, `t${files++}.${ext}`);
  writeFileSync(file, text);
  return file;
};

type Format = 'csv' | 'tab' | 'excel' | 'sv' | 'json';
const CSV: Record<Exclude<Format, 'json'>, CsvOptions> = {
  csv: csvOptionsFrom({}),
  tab: csvOptionsFrom({ delimiter: 'tab' }),
  excel: csvOptionsFrom({ excel: true }),
  sv: csvOptionsFrom({ headers: 'sv' }),
};

/** The table allocate writes in `format`, through its renderer. */
function written(result: AllocationResult, format: Format): string {
  const options = { command: 'statsbidrag allocate', format: format === 'json' ? ('json' as const) : ('csv' as const), locale: 'sv' as const, csv: format === 'json' ? {} : CSV[format], paint: NO_PAINT };
  return [...renderAllocation(result, options)].join('');
}

/** The same table with one record cell replaced (the writer's own record → text step). */
function withCell(result: AllocationResult, format: Format, row: number, header: string, value: string): string {
  const { headers, rows } = allocationRecords(result.allocation);
  rows[row]![headers.indexOf(header)] = value;
  if (format === 'json') {
    const doc = allocationJson(result.allocation) as { rows: Record<string, string>[] };
    doc.rows[row]![header] = value;
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  const text = new Set(headers.flatMap((h, i) => (h === 'recipient' || h === 'code' ? [i] : [])));
  return renderCsv(headers, rows, text, CSV[format]);
}

/** The line a record starts on: CSV header line 1; JSON the line of the row's "{". */
function lineOf(text: string, format: Format, row: number): number {
  if (format !== 'json') return row + 2;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === '  "rows": [');
  return lines.findIndex((l, i) => i > start && l === '    {' && lines.slice(start, i).filter((x) => x === '    {').length === row) + 1;
}

const NAMES = ['Ale', 'Åstorp', 'Öckerö', 'Nora', 'Bjuv', 'Mora', 'Eda', 'Tranås'];
const UNITS = ['1', '10', '1000', '0.01', '0.5'];

const freeSplit = fc.record({
  kind: fc.constant('free' as const),
  weights: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
  unit: fc.constantFrom(...UNITS),
  units: fc.integer({ min: 0, max: 200000 }),
  method: fc.constantFrom(...METHOD_NAMES),
  year: fc.constantFrom(undefined, '2019', '2020-2022'),
});
const programmeSplit = fc.record({
  kind: fc.constant('programme' as const),
  unit: fc.constantFrom('1', '1000', '100000'),
  units: fc.integer({ min: 1000, max: 5000 }),
  method: fc.constantFrom(...METHOD_NAMES),
  year: fc.constantFrom('2018', '2019', '2020-2021'),
});

type Case = fc.Arbitrary<{ request: AllocateRequest; format: Format }>;
const cases: Case = fc.tuple(fc.oneof(freeSplit, programmeSplit), fc.constantFrom<Format>('csv', 'tab', 'excel', 'sv', 'json')).map(([c, format]) => {
  const unit = new Decimal(c.unit);
  const common = { total: unit.times(c.units), unit, method: c.method, ...(c.year ? { years: parseYearRange(c.year) } : {}) };
  if (c.kind === 'programme') return { request: { programme: 'tillvaxtverket', ...common }, format };
  const data = save(`name,w\n${c.weights.map((w, i) => `${NAMES[i]},${w}`).join('\n')}\n`, 'csv');
  return { request: { data, basis: 'w', ...common }, format };
});

const validate = async (table: string, request: AllocateRequest) => {
  const { years, explain: _e, bulk: _b, ...rest } = request;
  return validateUseCase({ table, ...rest, year: years });
};

describe('validate TABLE ARGS accepts what allocate ARGS writes, and names one changed cell', () => {
  it('property: written → valid; one cell changed → invalid at that cell', async () => {
    await fc.assert(
      fc.asyncProperty(cases, fc.nat(), fc.nat(), fc.constantFrom('amount', 'total', 'code'), fc.boolean(), async ({ request, format }, r, c, what, up) => {
        const result = (await allocateUseCase(request)) as AllocationResult;
        const ext = format === 'json' ? 'json' : 'csv';
        const ok = await validate(save(written(result, format), ext), request);
        expect(ok.report.errors.filter((f) => f.severity === 'error')).toEqual([]);
        expect(ok.verdict).toBe('pass');

        const { headers, rows } = allocationRecords(result.allocation);
        const row = r % rows.length;
        const amounts = headers.filter((h) => h.startsWith('amount'));
        let header: string;
        let value: string;
        if (what === 'code' && headers.includes('code')) {
          header = 'code';
          const other = rows.findIndex((x) => x[1] !== rows[row]![1]);
          value = rows[other]![1]!;
        } else {
          header = what === 'total' && headers.includes('total') ? 'total' : amounts[c % amounts.length]!;
          const cell = rows[row]![headers.indexOf(header)]!;
          const step = result.allocation.periods[0]!.split.unit;
          value = new Decimal(cell).plus(up ? step : step.neg()).toFixed(Math.max(0, cell.split('.')[1]?.length ?? 0));
        }
        const changed = withCell(result, format, row, header, value);
        const bad = await validate(save(changed, ext), request);
        expect(bad.verdict).toBe('fail');
        const shown = format === 'sv' ? translateHeader(header, 'sv') : header;
        expect(bad.report.errors).toContainEqual(expect.objectContaining({ severity: 'error', row: lineOf(changed, format, row), column: shown }));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
