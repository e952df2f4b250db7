/** `statsbidrag schema NAME`: print the JSON Schema of a file the tool reads or writes. */
import { StatsbidragError } from '../../core/errors.js';
import { isSchemaName, SCHEMA_NAMES, shippedSchemaText } from '../../io/schema-files.js';
import { emit } from '../output.js';
import type { SchemaFlags } from '../declarations/schema.js';

export async function runSchema(name: string | undefined, flags: SchemaFlags): Promise<void> {
  if (name === undefined || !isSchemaName(name)) {
    const what = name === undefined ? 'name a schema' : `no schema "${name}"`;
    throw new StatsbidragError('unknown-schema', `${what}: one of ${SCHEMA_NAMES.join(', ')}`, {}, 'usage');
  }
  await emit(shippedSchemaText(name), flags.out);
}
