/**
 * `report` as a use case: what one HTML page shows. It composes the other use cases (the one
 * use case that may): an allocation with every row explained, a comparison of two scenarios or
 * of two recipient tables split with the same options, or a validation.
 */
import { basename } from 'node:path';
import type { AllocateOptions, Allocation } from '../core/allocate.js';
import type { Comparison } from '../core/compare.js';
import type { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import type { Programme } from '../core/programme.js';
import type { LocalText } from '../core/sourced.js';
import type { ValidationReport } from '../core/validate.js';
import type { Table } from '../io/table.js';
import { allocateUseCase, type AllocateRequest, type AllocationResult } from './allocate.js';
import { allocationSetup, runAllocation } from './allocation-setup.js';
import { sourceOf } from './source.js';
import type { Source } from '../render/output.js';

/** Recipients up to this many are explained row by row in the report (beyond it, the page would be mostly explanation). */
const REPORT_EXPLAIN_LIMIT = 500;

export interface ReportRequest extends AllocateRequest {
  /** Two scenarios (files, bundled names, baseline) or two recipient tables. */
  compare?: string[] | undefined;
  /** A published table to validate. */
  validate?: string | undefined;
  tolerance?: Decimal | undefined;
}

export interface ScenarioInfo {
  name: string;
  file?: string;
  description?: LocalText;
}

export type ReportContent =
  | {
      kind: 'allocation';
      allocation: Allocation;
      programme: Programme | undefined;
      scenario: ScenarioInfo | undefined;
      data: string;
      rules: string | undefined;
      /** A scenario's own options (the options given replace them), for the page's what-if controls. */
      scenarioOptions: AllocateOptions | undefined;
      /** Whether the rows are explained (at most REPORT_EXPLAIN_LIMIT recipients). */
      explained: boolean;
      /** Tool version, programme and rules file: the page's xlsx download carries it as allocate's xlsx does. */
      source: Source;
    }
  | { kind: 'comparison'; comparison: Comparison; sides: [Allocation, Allocation]; programme: Programme | undefined; data?: [string, string]; scenarios?: [ScenarioInfo, ScenarioInfo]; rules: string | undefined }
  | { kind: 'validation'; report: ValidationReport; table: Table; programme: Programme; rules: string | undefined; verdict: 'pass' | 'fail' };

const optionName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function refuse(request: ReportRequest, keys: readonly (keyof ReportRequest)[], why: string): void {
  const clash = keys.find((k) => request[k] !== undefined && request[k] !== false);
  if (clash) throw new StatsbidragError('invalid-option', `${optionName(clash)}: ${why}`, {}, 'usage');
}

/** Options that only shape an allocation; refused where they would be ignored. */
const ALLOCATION_KEYS = ['data', 'scenario', 'basis', 'id', 'total', 'admin', 'unit', 'method', 'firstDivisor', 'floor', 'ceiling', 'floorColumn', 'ceilingColumn'] as const;

const isTable = (spec: string, exists: (f: string) => boolean): boolean => /\.(csv|tsv|txt)$/i.test(spec) && exists(spec);

const asAllocation = (r: AllocationResult | { kind: 'bulk' }): AllocationResult => {
  if (r.kind !== 'allocation') throw new Error('unreachable: the bulk lane is only taken for CSV output');
  return r;
};

export async function reportUseCase(request: ReportRequest, exists: (file: string) => boolean): Promise<ReportContent> {
  if (request.validate !== undefined && request.compare !== undefined) {
    throw new StatsbidragError('invalid-option', '--validate and --compare: give one of them', {}, 'usage');
  }
  if (request.validate !== undefined) {
    refuse(request, ALLOCATION_KEYS.filter((k) => k !== 'basis' && k !== 'id'), 'does not apply to --validate');
    // The other use cases (and what they load) are imported for the page that needs them, not at start-up.
    const { validateUseCase } = await import('./validate.js');
    const { report, table, programme, verdict } = await validateUseCase({
      table: request.validate,
      rules: request.rules,
      programme: request.programme,
      basis: request.basis,
      id: request.id,
      // As validate's: the year of a bare amount column, the sheet of a workbook, the header line.
      year: request.years,
      sheet: request.sheet,
      headerRow: request.headerRow,
      tolerance: request.tolerance,
    });
    // No split or stated options reach validate from here: the programme's rules always apply.
    return { kind: 'validation', report, table, programme: programme!, rules: request.rules, verdict };
  }
  if (request.compare !== undefined) {
    if (request.compare.length !== 2) throw new StatsbidragError('invalid-option', `--compare: give two scenarios or two tables, not ${request.compare.length}`, {}, 'usage');
    const [specA, specB] = request.compare as [string, string];
    if (isTable(specA, exists) !== isTable(specB, exists)) throw new StatsbidragError('invalid-option', '--compare: give two scenarios or two tables, not one of each', {}, 'usage');
    if (isTable(specA, exists)) {
      // Two recipient tables, each split with the same options, as `allocate --data FILE` would.
      refuse(request, ['data', 'scenario'], '--compare names the two tables');
      const a = asAllocation(await allocateUseCase({ ...request, data: specA, explain: false, bulk: undefined }));
      const b = asAllocation(await allocateUseCase({ ...request, data: specB, explain: false, bulk: undefined }));
      const { compare } = await import('../core/compare.js');
      const comparison = compare({ label: basename(specA), allocation: a.allocation }, { label: basename(specB), allocation: b.allocation }, { order: 'change', ...(request.years ? { years: request.years } : {}) });
      if (comparison.years.length === 0) {
        // A free split (--total, no programme) has no years to line up unless --year names one.
        throw new StatsbidragError('no-common-years', `the two tables have no year in common${request.years ? '' : '; name one with --year (e.g. --year 2024)'}`, { field: '--year' }, 'usage');
      }
      return { kind: 'comparison', comparison, sides: [a.allocation, b.allocation], programme: a.programme, data: [specA, specB], rules: a.useProgramme ? request.rules : undefined };
    }
    refuse(request, ALLOCATION_KEYS, 'a scenario names its own recipients and figures; --compare with scenarios takes --year and --rules');
    const { compareUseCase } = await import('./compare.js');
    const { comparison, runs } = await compareUseCase({ a: specA, b: specB, rules: request.rules, years: request.years, order: 'change' });
    const [runA, runB] = runs;
    const info = (run: typeof runA): ScenarioInfo => ({ name: run.scenario.name, ...(run.file ? { file: run.file } : {}), ...(run.scenario.description ? { description: run.scenario.description } : {}) });
    return { kind: 'comparison', comparison, sides: [runA.allocation, runB.allocation], programme: runA.programme, scenarios: [info(runA), info(runB)], rules: request.rules };
  }
  // An allocation, with its explanation when the list is short enough to read it row by row.
  // One split: explained in it when the list is short enough (not split twice to find that out).
  const setup = await allocationSetup({ ...request, explain: false });
  const run = await runAllocation(setup, undefined, REPORT_EXPLAIN_LIMIT);
  const explained = run.recipientCount <= REPORT_EXPLAIN_LIMIT;
  const { allocation } = run;
  const { scenarioRun } = setup;
  return {
    kind: 'allocation',
    allocation,
    programme: run.programme,
    scenario: scenarioRun && { name: scenarioRun.scenario.name, ...(scenarioRun.file ? { file: scenarioRun.file } : {}), ...(scenarioRun.scenario.description ? { description: scenarioRun.scenario.description } : {}) },
    data: scenarioRun ? scenarioRun.data : setup.dataFile!,
    rules: setup.useProgramme ? request.rules : undefined,
    scenarioOptions: scenarioRun?.options,
    source: sourceOf(scenarioRun?.loaded ?? setup.loaded, run.programme?.id),
    explained,
  };
}
