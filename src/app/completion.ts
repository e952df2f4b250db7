/**
 * The values shell completion offers beside the program's own choices: the programme ids of the
 * bundled rules, the bundled scenarios (and baseline), the schema names, and the bundled files a
 * file argument takes by name (tables such as tillvaxtverket-2018, the rules file `rules`).
 */
import { loadRules } from '../io/load.js';
import { bundledNames } from '../io/paths.js';
import { SCHEMA_NAMES } from '../io/schema-files.js';
import { bundledScenarios } from '../io/scenario-files.js';

export interface CompletionValues {
  programmes: string[];
  scenarios: string[];
  schemas: string[];
  /** Bundled tables, by name. */
  tables: string[];
  /** Bundled rules files, by name. */
  rules: string[];
}

export async function completionValuesUseCase(rules?: string): Promise<CompletionValues> {
  const loaded = await loadRules(rules);
  return { programmes: loaded.rules.programmes.map((p) => p.id), scenarios: ['baseline', ...bundledScenarios()], schemas: [...SCHEMA_NAMES], ...bundledNames() };
}
