/**
 * The values shell completion offers beside the program's own choices: the programme ids of the
 * bundled rules, the bundled scenarios (and baseline), and the schema names.
 */
import { loadRules } from '../io/load.js';
import { SCHEMA_NAMES } from '../io/schema-files.js';
import { bundledScenarios } from '../io/scenario-schema.js';

export interface CompletionValues {
  programmes: string[];
  scenarios: string[];
  schemas: string[];
}

export async function completionValuesUseCase(rules?: string): Promise<CompletionValues> {
  const loaded = await loadRules(rules);
  return { programmes: loaded.rules.programmes.map((p) => p.id), scenarios: ['baseline', ...bundledScenarios()], schemas: [...SCHEMA_NAMES] };
}
