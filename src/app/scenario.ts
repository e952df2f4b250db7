/**
 * Running a scenario (shared by `allocate --scenario` and `compare`): the rules, the programme's
 * recipients, the scenario's changes applied, then the allocation. Errors name the scenario file.
 */
import { allocate, type Allocation } from '../core/allocate.js';
import { located, StatsbidragError } from '../core/errors.js';
import { programmeOf, type Programme } from '../core/programme.js';
import { applyScenario, type AppliedScenario, type Scenario } from '../core/scenario.js';
import { loadRules, type LoadedRules } from '../io/load.js';
import { programmeRecipients } from './programme.js';

export interface ScenarioRun {
  scenario: Scenario;
  file?: string;
  programme: Programme;
  allocation: Allocation;
  loaded: LoadedRules;
}

/** A scenario applied: its recipients and options, and where they came from (rules, the programme's list). */
export type PreparedScenario = AppliedScenario & { scenario: Scenario; file?: string; loaded: LoadedRules; data: string };

/**
 * What two scenarios run on the same rules file share (compare): the rules, loaded once, and each
 * programme's recipients, read once (applyScenario copies them before it changes any). Filled by
 * the first run that loads them.
 */
export interface ScenarioReuse {
  loaded?: LoadedRules;
  recipients?: Map<string, Awaited<ReturnType<typeof programmeRecipients>>>;
}

/** Load the rules and the programme's recipients and apply the scenario. */
export async function prepareScenario(scenario: Scenario, file: string | undefined, rulesFile: string | undefined, reuse?: ScenarioReuse): Promise<PreparedScenario> {
  const inFile = (e: unknown): never => {
    throw file === undefined ? e : located(e, { file });
  };
  const loaded = reuse?.loaded ?? (await loadRules(rulesFile));
  if (reuse) reuse.loaded = loaded;
  let programme: Programme;
  try {
    programme = programmeOf(loaded.rules, scenario.programme, { path: 'programme' });
  } catch (e) {
    return inFile(e);
  }
  if (!programme.recipients) {
    return inFile(new StatsbidragError('no-recipient-list', `programme "${programme.id}" has no recipient list to start a scenario from`, { path: 'programme' }));
  }
  let read = reuse?.recipients?.get(programme.id);
  if (read === undefined) {
    read = await programmeRecipients({ loaded, programme }, 'recipient list to start a scenario from');
    if (reuse) (reuse.recipients ??= new Map()).set(programme.id, read);
  }
  const { recipients, list } = read;
  try {
    return { ...applyScenario(programme, recipients, scenario), scenario, loaded, data: list.file, ...(file !== undefined ? { file } : {}) };
  } catch (e) {
    return inFile(e);
  }
}

/** prepareScenario, then allocate. */
export async function runScenario(scenario: Scenario, file: string | undefined, rulesFile: string | undefined, reuse?: ScenarioReuse): Promise<ScenarioRun> {
  const applied = await prepareScenario(scenario, file, rulesFile, reuse);
  try {
    return { scenario, ...(file !== undefined ? { file } : {}), programme: applied.programme, loaded: applied.loaded, allocation: allocate(applied.recipients, applied.options) };
  } catch (e) {
    throw file === undefined ? e : located(e, { file });
  }
}
