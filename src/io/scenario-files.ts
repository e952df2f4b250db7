/**
 * Scenario files found and read: a scenario is named on the command line by a file path, by the
 * name of a bundled scenario (data/scenarios/NAME.json), or as `baseline`: the programme as the
 * rules have it. A file whose bytes are exactly those of a bundled scenario checked at build time
 * is that check's result (rules-stamp.ts); any other is parsed and checked by the zod schema
 * (scenario-schema.ts), imported only then.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { StatsbidragError } from '../core/errors.js';
import { baselineScenario, type Scenario } from '../core/scenario.js';
import { decodeBytes } from './decode.js';
import { DATA_DIR, parseJson } from './load.js';
import { readBytes } from './read.js';
import { stampedScenario } from './rules-stamp.js';

const SCENARIO_DIR = resolve(DATA_DIR, 'scenarios');

export async function loadScenario(file: string): Promise<Scenario> {
  const bytes = await readBytes(file);
  const stamped = stampedScenario(bytes);
  if (stamped) return stamped;
  const { scenarioFromJson } = await import('./scenario-schema.js');
  return scenarioFromJson(parseJson((await decodeBytes(bytes, file)).text, file, { uniqueKeys: true }), file);
}

/** Names of the bundled scenarios. */
export function bundledScenarios(): string[] {
  try {
    return readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

export interface ResolvedScenario {
  scenario: Scenario;
  /** The file it came from; undefined for the baseline. */
  file?: string;
}

/** `baseline`, a file path, or the name of a bundled scenario. */
export async function resolveScenario(spec: string, programme?: string): Promise<ResolvedScenario> {
  if (spec === 'baseline') return { scenario: baselineScenario(programme) };
  if (spec === '-' || existsSync(spec)) return { scenario: await loadScenario(spec), file: spec };
  const bundled = resolve(SCENARIO_DIR, `${spec}.json`);
  if (/^[\w-]+$/.test(spec) && existsSync(bundled)) return { scenario: await loadScenario(bundled), file: bundled };
  throw new StatsbidragError(
    'unknown-scenario',
    `no scenario file or bundled scenario "${spec}" (bundled: baseline, ${bundledScenarios().join(', ')})`,
    { file: spec },
    'usage',
  );
}
