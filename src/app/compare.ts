/** `compare` as a use case: two scenarios (files, bundled names or baseline) run and compared per recipient and year. */
import { compare, type Comparison } from '../core/compare.js';
import { StatsbidragError } from '../core/errors.js';
import { formatYearRange, type YearRange } from '../core/schedule.js';
import { resolveScenario } from '../io/scenario-schema.js';
import type { Source } from '../render/output.js';
import { runScenario, type ScenarioRun } from './scenario.js';
import { sourceOf } from './source.js';

export interface CompareRequest {
  a: string;
  b: string;
  rules?: string | undefined;
  years?: YearRange | undefined;
  order?: 'change' | 'input' | undefined;
}

export async function compareUseCase(request: CompareRequest): Promise<{ comparison: Comparison; source: Source; runs: [ScenarioRun, ScenarioRun] }> {
  // The baseline takes the other side's programme.
  const a0 = await resolveScenario(request.a);
  const b = await resolveScenario(request.b, a0.scenario.programme);
  const a = request.a === 'baseline' && b.scenario.programme ? await resolveScenario(request.a, b.scenario.programme) : a0;
  const runA = await runScenario(a.scenario, a.file, request.rules);
  const runB = await runScenario(b.scenario, b.file, request.rules);
  const comparison = compare(
    { label: a.scenario.name, allocation: runA.allocation },
    { label: b.scenario.name, allocation: runB.allocation },
    { order: request.order ?? 'change', ...(request.years ? { years: request.years } : {}) },
  );
  if (comparison.years.length === 0) {
    throw new StatsbidragError('no-common-years', `neither side covers ${request.years ? formatYearRange(request.years) : 'any year'}`, { field: '--year' }, 'usage');
  }
  return { comparison, runs: [runA, runB], source: sourceOf(runB.loaded, runA.programme.id === runB.programme.id ? runA.programme.id : `${runA.programme.id}, ${runB.programme.id}`) };
}
