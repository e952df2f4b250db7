/**
 * The JSON Schemas shipped in the package (schemas/NAME.schema.json, generated from the zod
 * schemas by json-schemas.ts). The CLI's `schema` command reads them from here, so printing one
 * loads no zod; tests/e2e/schemas.test.ts checks they are what the zod schemas generate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StatsbidragError } from '../core/errors.js';
import { packageRoot } from './paths.js';

export const SCHEMA_NAMES = ['rules', 'scenario', 'allocation', 'explain', 'comparison', 'awards', 'audit', 'validation'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export const isSchemaName = (name: string): name is SchemaName => (SCHEMA_NAMES as readonly string[]).includes(name);

const SCHEMA_DIR = join(packageRoot(), 'schemas');
export const schemaFileName = (name: SchemaName): string => `${name}.schema.json`;

/** The shipped schema's text. */
export function shippedSchemaText(name: SchemaName): string {
  const file = join(SCHEMA_DIR, schemaFileName(name));
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new StatsbidragError('file-not-readable', `the package's schema file is missing (${(e as NodeJS.ErrnoException).code ?? String(e)}); reinstall statsbidrag`, { file }, 'io');
  }
}
