// Writes schemas/NAME.schema.json from the zod schemas (src/io/json-schemas.ts, built to dist/).
// Run after `npm run build`; tests/e2e/schemas.test.ts fails while a shipped file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_NAMES, schemaFileName, schemaText } from '../dist/io/json-schemas.js';

const dir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const name of SCHEMA_NAMES) writeFileSync(join(dir, schemaFileName(name)), schemaText(name));
console.log(`wrote ${SCHEMA_NAMES.length} schemas to schemas/`);
