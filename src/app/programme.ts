/**
 * Rules and a programme's recipients, loaded in one place for every use case: the rules file
 * (bundled by default), the programme in it, and the programme's bundled recipient list as a
 * Table (read by the one table reader) with the columns the rules name.
 */
import { StatsbidragError } from '../core/errors.js';
import { programmeOf, type Programme, type RecipientSource } from '../core/programme.js';
import type { Recipient } from '../core/split.js';
import { recipientListFile } from '../io/contained.js';
import { loadRules, type LoadedRules } from '../io/load.js';
import { recipientsWithinBudget } from './heap-budget.js';
import { readTable, type Table } from '../io/table.js';

export interface ProgrammeContext {
  loaded: LoadedRules;
  programme: Programme;
}

/** The rules file and the programme named (or the default one); an unknown name is a usage error naming --programme. */
export async function loadProgramme(rulesFile: string | undefined, id: string | undefined): Promise<ProgrammeContext> {
  const loaded = await loadRules(rulesFile);
  return { loaded, programme: programmeOf(loaded.rules, id, { file: loaded.file, field: '--programme' }) };
}

export interface RecipientList {
  source: RecipientSource;
  /** Path of the list, resolved against the rules file's folder. */
  file: string;
  table: Table;
}

/** The programme's recipient list as a table, or undefined when it has none. */
export async function programmeList(context: ProgrammeContext): Promise<RecipientList | undefined> {
  const source = context.programme.recipients;
  if (!source) return undefined;
  const file = recipientListFile(context.loaded, context.programme);
  return { source, file, table: await readTable(file) };
}

/** The programme's recipients with their weights (strict: every row must be a recipient with a weight). */
export async function programmeRecipients(context: ProgrammeContext, why: string): Promise<{ list: RecipientList; recipients: Recipient[] }> {
  const list = await programmeList(context);
  if (!list) throw new StatsbidragError('no-recipient-list', `programme "${context.programme.id}" has no ${why}`, { field: '--data' }, 'usage');
  const { id, basis, code } = list.source;
  // A scenario's list is made into recipients here: within the general path's heap budget (one estimate over the programme's periods).
  return { list, recipients: recipientsWithinBudget(list.table, { id, basis, ...(code ? { code } : {}) }, context.programme.periods.length, false) };
}
