/**
 * `compare` as a use case: two scenarios (files, bundled names or baseline) run and compared per
 * recipient and year, or two tables (CSV, xlsx, the tool's JSON) compared as they are.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { amountColumnsOf, amountColumnsRead } from '../core/amount-table.js';
import { compare, compareAmountColumns, type Comparison } from '../core/compare.js';
import { StatsbidragError, located } from '../core/errors.js';
import type { Allocation } from '../core/allocate.js';
import { formatYearRange, yearCount, type YearRange } from '../core/schedule.js';
import { note } from '../io/notes.js';
import { resolveInput } from '../io/paths.js';
import { resolveScenario } from '../io/scenario-files.js';
import { readTable } from '../io/table.js';
import type { Source } from '../render/output.js';
import { runScenario, type ScenarioReuse, type ScenarioRun } from './scenario.js';
import { sourceOf } from './source.js';

export interface CompareRequest {
  a: string;
  b: string;
  rules?: string | undefined;
  /** Two tables: the weight column both have (the paradox checks need it). */
  basis?: string | undefined;
  years?: YearRange | undefined;
  order?: 'change' | 'input' | undefined;
}

const TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx']);

/**
 * Whether a compare argument is a table rather than a scenario: an existing file (or a bundled one
 * by name) ending .csv/.tsv/.txt/.xlsx, or a .json file with a "rows" array (what allocate
 * --format json writes; a scenario has none). Anything else is a scenario name or file.
 */
function isTableArgument(spec: string): boolean {
  if (spec === '-' || spec === 'baseline') return false;
  const file = resolveInput(spec);
  try {
    if (!statSync(file).isFile()) return false;
  } catch {
    return false;
  }
  const ext = extname(file).toLowerCase();
  if (TABLE_EXTENSIONS.has(ext)) return true;
  if (ext !== '.json') return false;
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof doc === 'object' && doc !== null && Array.isArray((doc as { rows?: unknown }).rows);
  } catch {
    return false;
  }
}

function noCommonYears(comparison: Comparison, years: YearRange | undefined): void {
  if (comparison.years.length === 0) {
    throw new StatsbidragError('no-common-years', `neither side covers ${years ? formatYearRange(years) : 'any year'}`, { field: '--year' }, 'usage');
  }
  // Amounts of different years side by side are no comparison (every recipient "differs"): as report --compare, refused.
  if (comparison.commonYears.length === 0) {
    const side = (s: { label: string; years: number[] }): string => `${s.label} ${s.years.length ? s.years.join(', ') : 'none'}`;
    throw new StatsbidragError('no-common-years', `the two sides have no year in common (A: ${side(comparison.a)}; B: ${side(comparison.b)})`, years ? { field: '--year' } : {}, 'usage');
  }
}

export async function compareUseCase(request: CompareRequest): Promise<{ comparison: Comparison; source: Source; runs: [ScenarioRun, ScenarioRun] }> {
  // The baseline takes the other side's programme.
  const a0 = await resolveScenario(request.a);
  const b = await resolveScenario(request.b, a0.scenario.programme);
  const a = request.a === 'baseline' && b.scenario.programme ? await resolveScenario(request.a, b.scenario.programme) : a0;
  // Both sides on the one rules file: loaded once, and a programme's recipients read once.
  const reuse: ScenarioReuse = {};
  const runA = await runScenario(a.scenario, a.file, request.rules, reuse);
  const runB = await runScenario(b.scenario, b.file, request.rules, reuse);
  const comparison = compare(
    { label: a.scenario.name, allocation: runA.allocation },
    { label: b.scenario.name, allocation: runB.allocation },
    { order: request.order ?? 'change', ...(request.years ? { years: request.years } : {}) },
  );
  noCommonYears(comparison, request.years);
  noteOverspends([
    [a.scenario.name, runA.allocation],
    [b.scenario.name, runB.allocation],
  ], comparison.years);
  return { comparison, runs: [runA, runB], source: sourceOf(runB.loaded, runA.programme.id === runB.programme.id ? runA.programme.id : `${runA.programme.id}, ${runB.programme.id}`) };
}

/**
 * A scenario's period whose rows pay more than the money it splits (a method that rounds each row
 * up: round-up, or round-nearest with many halves): the comparison shows what the rows pay, and
 * says here by how much that overspends the period, as allocate's figures show its rounding. (A
 * rounding that leaves money unpaid, as the 2019 table's whole millions do, is no overspend.)
 */
function noteOverspends(sides: readonly (readonly [string, Allocation])[], years: readonly number[]): void {
  for (const [label, allocation] of sides) {
    for (const period of allocation.periods) {
      const { residual, allocated, amount, unit, method } = period.split;
      const shown = period.years ? years.filter((y) => period.years!.from <= y && y <= period.years!.to) : years;
      if (!residual.isNegative() || shown.length === 0) continue;
      const perYear = period.years && yearCount(period.years) > 1 ? ' a year' : '';
      note(
        `${label} ${period.label}: its rows pay ${allocated.toFixed()} kr${perYear}, ${residual.neg().toFixed()} kr more than the ${amount.toFixed()} kr it splits (${method}, in whole units of ${unit.toFixed()} kr); the comparison shows what the rows pay`,
      );
    }
  }
}

/**
 * Two tables compared as they are: rows matched by code when both tables have codes, else by name;
 * amounts per year from the amount columns (`--year` gives a bare "amount" column its year, and
 * limits the years compared).
 */
export async function compareTablesUseCase(request: CompareRequest): Promise<{ comparison: Comparison; source: Source }> {
  const side = async (spec: string, deferKeys: boolean) => {
    const reading = { year: request.years, basis: request.basis, deferKeys };
    // Only the columns compare reads are kept (a weight column is read only with --basis).
    const table = await readTable(resolveInput(spec), { columns: (headers) => amountColumnsRead(headers, reading) });
    try {
      return amountColumnsOf(table, spec, reading);
    } catch (e) {
      throw located(e, { file: spec });
    }
  };
  const a = await side(request.a, false);
  // B's key index is made only if its rows are not all matched in order to A's (amountColumnsOf
  // deferKeys): a name on two of its rows is then raised by the comparison, before any note.
  const b = await side(request.b, true);
  let comparison: Comparison;
  try {
    comparison = compareAmountColumns(a.columns, b.columns, { order: request.order ?? 'change', ...(request.years ? { years: request.years } : {}) });
  } catch (e) {
    throw located(e, { file: request.b });
  }
  for (const text of [...a.notes, ...b.notes]) note(text);
  noCommonYears(comparison, request.years);
  const repairs = [...a.repairs, ...b.repairs];
  if (repairs.length) comparison.repairs = repairs;
  return { comparison, source: sourceOf(undefined, undefined) };
}

/** `compare A B`: two tables, or two scenarios; one of each is a usage error. */
export async function compareInputsUseCase(request: CompareRequest): Promise<{ comparison: Comparison; source: Source }> {
  const tableA = isTableArgument(request.a);
  const tableB = isTableArgument(request.b);
  if (tableA !== tableB) {
    const [table, scenario] = tableA ? [request.a, request.b] : [request.b, request.a];
    // A table's name that names no file (a typo) is that, not a scenario.
    if (TABLE_EXTENSIONS.has(extname(scenario).toLowerCase()) && !existsSync(resolveInput(scenario))) throw new StatsbidragError('file-not-found', 'no such file', { file: scenario });
    throw new StatsbidragError('invalid-option', `compare takes two tables or two scenarios: "${table}" is a table and "${scenario}" is not`, { file: scenario }, 'usage');
  }
  if (tableA) return compareTablesUseCase(request);
  if (request.basis !== undefined) {
    throw new StatsbidragError('invalid-option', '--basis names the weight column of two tables; scenarios bring their weights', { field: '--basis' }, 'usage');
  }
  const { comparison, source } = await compareUseCase(request);
  return { comparison, source };
}
