/** `statsbidrag schema [NAME]`, declared: its options and help examples (cli/declare.ts). */
import { SCHEMA_NAMES } from '../../io/schema-files.js';
import { declareCommand, type FlagsOf } from '../declare.js';

export const schema = declareCommand({
  name: 'schema',
  description: 'print the JSON Schema (Draft 2020-12) of a file the tool reads or writes',
  arguments: [{ name: '[name]', description: `one of ${SCHEMA_NAMES.join(', ')}` }],
  options: [{ flags: '--out <file>', description: 'write to a file (atomically) instead of stdout' }],
  writes: [],
  examples: '\nExamples:\n  $ statsbidrag schema rules\n  $ statsbidrag schema allocation\n\nThe same files are in the package: schemas/NAME.schema.json (docs/json-schemas.md).\n',
});

export type SchemaFlags = FlagsOf<typeof schema>;
