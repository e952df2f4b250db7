/**
 * JSON Schema (Draft 2020-12) of every JSON file the tool reads (rules, scenario) and writes
 * (allocation, explain, comparison, awards, audit, validation), generated from the zod schemas
 * with zod's toJSONSchema. Input files are described as they may be written (`io: "input"`: an
 * amount may be "1,35 miljarder" or a safe integer); checks zod does in code (sources that must
 * exist, overlapping periods, amounts the parser rejects) are beyond JSON Schema and stay with the
 * loader. The generated files are shipped in schemas/ (written by scripts/write-schemas.mjs and
 * checked to be current by tests/e2e/schemas.test.ts); `statsbidrag schema NAME` prints them.
 */
import { localText } from './local-text.js';
import { textRecord } from './text-record.js';
import { rulesSchema } from './schemas.js';
import { scenarioSchema } from './scenario-schema.js';
import {
  allocationOutputSchema,
  auditOutputSchema,
  awardsOutputSchema,
  comparisonOutputSchema,
  explainOutputSchema,
  validationOutputSchema,
} from './output-schemas.js';
import type { SchemaName } from './schema-files.js';
import * as z from './zod.js';

export { SCHEMA_NAMES, schemaFileName, type SchemaName } from './schema-files.js';

const SCHEMAS: Record<SchemaName, { schema: z.ZodMiniType; io: 'input' | 'output'; title: string; description: string }> = {
  rules: { schema: rulesSchema, io: 'input', title: 'statsbidrag rules file', description: 'Grant programmes: periods with stated totals, administrative costs, rounding unit and method, each figure with its source (data/rules.json, --rules).' },
  scenario: { schema: scenarioSchema, io: 'input', title: 'statsbidrag scenario file', description: 'Changes to a programme: recipients removed, added or changed, and per-period totals, admin, unit and method (data/scenarios/*.json, --scenario).' },
  allocation: { schema: allocationOutputSchema, io: 'output', title: 'statsbidrag allocation (allocate --format json)', description: 'An allocation: per period the split and its totals, per recipient the amounts by year, and totals over every year.' },
  explain: { schema: explainOutputSchema, io: 'output', title: 'statsbidrag explanation row (allocate --explain --format json: periods[].explain[])', description: 'Why one recipient got its amount in one period: share, exact quota, remainder or priority, ties, floors and ceilings.' },
  comparison: { schema: comparisonOutputSchema, io: 'output', title: 'statsbidrag comparison (compare --format json)', description: 'Two scenarios side by side: per recipient and year the amounts under A and B and their difference.' },
  awards: { schema: awardsOutputSchema, io: 'output', title: 'statsbidrag awards (award --format json)', description: 'Grants awarded on applications: per year the budget and demand, per application its cap, awards and status.' },
  audit: { schema: auditOutputSchema, io: 'output', title: 'statsbidrag audit (audit --format json)', description: 'The budgets and rounding rules that reproduce a published column from a basis column.' },
  validation: { schema: validationOutputSchema, io: 'output', title: 'statsbidrag validation report (validate --report json)', description: 'Findings in a published allocation table: cells, recipients, totals and the rule.' },
};

/**
 * scenario-schema.ts reads an amount as `unknown → transform` so that it can word its own message;
 * the transform takes a string or a number and nothing else, which is what the file may hold.
 * (`sources`, read by textRecord, is the one object read that way.)
 */
function parsedValue(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (ctx.zodSchema === textRecord) {
    // text-record.ts reads an object of texts the same way, into a map with no prototype.
    Object.assign(ctx.jsonSchema, { type: 'object', additionalProperties: { type: 'string' } });
    return;
  }
  if (ctx.zodSchema === localText) {
    // local-text.ts reads a note or description: a text, or the same text in both languages.
    Object.assign(ctx.jsonSchema, {
      anyOf: [
        { type: 'string' },
        { type: 'object', properties: { sv: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } }, required: ['sv', 'en'], additionalProperties: false },
      ],
    });
    return;
  }
  const def = (ctx.zodSchema as { _zod?: { def?: { type?: string; in?: { _zod?: { def?: { type?: string } } } } } })._zod?.def;
  if (def?.type === 'pipe' && def.in?._zod?.def?.type === 'unknown' && Object.keys(ctx.jsonSchema).length === 0) {
    ctx.jsonSchema['type'] = ['string', 'number'];
  }
}

/** The JSON Schema document of one name. */
function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { schema, io, title, description } = SCHEMAS[name];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', override: parsedValue }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...rest };
}

/** The text of a schema as shipped in schemas/ (two-space indent, final newline). */
export const schemaText = (name: SchemaName): string => `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
