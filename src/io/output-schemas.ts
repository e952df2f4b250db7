/**
 * zod schemas of the JSON documents the tool writes (render/*.ts: allocationJson, explainJson,
 * compareJson, awardJson, auditJson, validationJson), kept beside the schemas of the files it reads
 * so that both publish as JSON Schema (json-schemas.ts → schemas/*.schema.json). Objects are strict:
 * a field the renderer adds without adding it here fails tests/e2e/schemas.test.ts.
 *
 * Money and other exact numbers are strings of plain decimal text ("1350000000", "-12.50"), never
 * JSON numbers; counts are integers.
 */
import * as z from './zod.js';

/** Plain decimal text: "-12.50", "1350000000". */
const decimal = z.string().check(z.regex(/^-?\d+(\.\d+)?$/));
const count = z.number().check(z.int(), z.gte(0));
/** "2019" or "2020–2027". */
const yearsText = z.string().check(z.regex(/^\d{4}(–\d{4})?$/));
const nullableDecimal = z.nullable(decimal);

/** Where a result comes from (render/output.ts Provenance): every JSON output carries it when made by the CLI or a use case. */
const provenance = z.optional(
  z.strictObject({
    tool: z.literal('statsbidrag'),
    version: z.string(),
    programme: z.nullable(z.string()),
    rules: z.nullable(z.strictObject({ file: z.string(), sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) })),
    command: z.nullable(z.string()),
  }),
);
/** A priority in the explanation: plain decimal text, or "Infinity" for a row no unit could reach. */
const priority = z.nullable(z.union([decimal, z.literal('Infinity')]));

export const explainOutputSchema = z.strictObject({
  recipient: z.string(),
  weight: decimal,
  share: decimal,
  quota: decimal,
  quotaUnits: nullableDecimal,
  quotaUnitsFraction: z.nullable(z.string().check(z.regex(/^-?\d+\/\d+$/))),
  amount: decimal,
  remainder: nullableDecimal,
  lastPriority: priority,
  nextPriority: priority,
  tied: z.boolean(),
  floor: nullableDecimal,
  ceiling: nullableDecimal,
  unconstrained: nullableDecimal,
  bound: z.nullable(z.enum(['floor', 'ceiling'])),
  floorIgnored: z.optional(z.literal(true)),
  totalRange: z.optional(z.strictObject({ down: decimal, up: nullableDecimal })),
});

/** The money of a period or of the totals (render/allocation.ts AllocationMoneyJson). */
const allocationMoney = {
  statedTotal: decimal,
  admin: decimal,
  amountSplit: decimal,
  allocated: decimal,
  residual: decimal,
  differenceToStated: decimal,
  differencePercent: nullableDecimal,
  adminKind: z.nullable(z.enum(['stated', 'derived', 'assumed', 'illustrative'])),
};

const allocationPeriod = z.strictObject({
  years: z.nullable(yearsText),
  yearCount: count,
  method: z.string(),
  unit: decimal,
  ...allocationMoney,
  adminRange: z.optional(z.strictObject({ from: decimal, to: decimal })),
  stated: z.optional(
    z.strictObject({
      kind: z.enum(['stated', 'derived', 'assumed', 'illustrative']),
      source: z.string(),
      status: z.array(z.enum(['proposal', 'approximate', 'contradicted', 'includes-admin', 'preset-per-recipient'])),
      alternatives: z.array(z.strictObject({ value: decimal, source: z.string() })),
    }),
  ),
  tiedRecipients: z.array(z.string()),
  firstDivisor: z.optional(decimal),
  heldAtFloor: z.optional(z.array(z.string())),
  heldAtCeiling: z.optional(z.array(z.string())),
  explain: z.optional(z.array(explainOutputSchema)),
});

/** A row: recipient, code (when the data has codes), weight, then amount or amount_YEAR… and total. */
const allocationRow = z.catchall(
  z.strictObject({ recipient: z.string(), code: z.optional(z.string()), weight: decimal }),
  decimal,
);

export const allocationOutputSchema = z.strictObject({
  schema: z.literal('statsbidrag/allocation'),
  version: z.literal(1),
  provenance,
  programme: z.nullable(z.strictObject({ id: z.string(), name: z.string(), agency: z.string() })),
  periods: z.array(allocationPeriod),
  rows: z.array(allocationRow),
  totals: z.strictObject({ years: z.nullable(yearsText), ...allocationMoney }),
});

const paradoxKind = z.enum(['alabama', 'population', 'new-state']);
const compareCell = z.strictObject({ a: nullableDecimal, b: nullableDecimal, difference: nullableDecimal, percent: nullableDecimal });
const side = z.strictObject({ label: z.string(), years: z.string() });

export const comparisonOutputSchema = z.strictObject({
  schema: z.literal('statsbidrag/comparison'),
  version: z.literal(1),
  provenance,
  a: side,
  b: side,
  years: z.string(),
  commonYears: z.string(),
  unchanged: count,
  rows: z.array(
    z.strictObject({
      recipient: z.string(),
      code: z.nullable(z.string()),
      status: z.enum(['both', 'only-a', 'only-b']),
      years: z.record(z.string().check(z.regex(/^\d{4}$/)), compareCell),
      total: compareCell,
      common: compareCell,
    }),
  ),
  totals: z.strictObject({ years: z.record(z.string().check(z.regex(/^\d{4}$/)), compareCell), total: compareCell, common: compareCell }),
  /** The apportionment paradoxes checked, per run of years (docs/compare.md); absent when no check applies. */
  paradoxes: z.optional(
    z.array(
      z.strictObject({
        years: z.string(),
        unitsA: z.string().check(z.regex(/^\d+$/)),
        unitsB: z.string().check(z.regex(/^\d+$/)),
        checked: z.array(paradoxKind),
        notChecked: z.array(z.strictObject({ paradox: paradoxKind, because: z.array(z.enum(['weights', 'total'])) })),
        flags: z.array(
          z.strictObject({ paradox: paradoxKind, recipient: z.string(), code: z.nullable(z.string()), partner: z.nullable(z.string()), a: decimal, b: decimal }),
        ),
        newcomers: z.array(z.string()),
        assumed: z.optional(z.literal(true)),
      }),
    ),
  ),
});

const grantPeriod = z.nullable(z.strictObject({ from: z.nullable(z.string().check(z.regex(/^\d\d-\d\d$/))), to: z.string().check(z.regex(/^\d\d-\d\d$/)) }));

export const awardsOutputSchema = z.strictObject({
  schema: z.literal('statsbidrag/awards'),
  version: z.literal(1),
  provenance,
  programme: z.nullable(z.strictObject({ id: z.string(), name: z.string(), agency: z.string() })),
  rationing: z.enum(['priority', 'proportional', 'equal-awards']),
  rankedBy: z.nullable(z.enum(['score', 'file-order'])),
  partial: z.boolean(),
  unit: decimal,
  ceiling: nullableDecimal,
  maxCostSharePercent: decimal,
  costShareDefault: z.boolean(),
  budgets: z.array(
    z.strictObject({
      kind: z.enum(['call', 'ordinance', 'commitment']),
      year: z.number().check(z.int()),
      call: z.number().check(z.int()),
      ordinance: z.nullable(z.string()),
      budget: decimal,
      demand: decimal,
      awarded: decimal,
      leftover: decimal,
      rationed: z.boolean(),
      applications: count,
      grantPeriod: grantPeriod,
    }),
  ),
  years: z.array(
    z.strictObject({
      year: z.number().check(z.int()),
      budget: decimal,
      demand: decimal,
      awarded: decimal,
      leftover: decimal,
      rationed: z.boolean(),
      applications: count,
      level: nullableDecimal,
      ratio: nullableDecimal,
      grantPeriod: grantPeriod,
    }),
  ),
  applications: z.array(
    z.strictObject({
      applicant: z.string(),
      type: z.string(),
      region: z.nullable(z.string()),
      line: z.nullable(count),
      ordinance: z.nullable(z.string()),
      priority: nullableDecimal,
      rank: z.nullable(count),
      years: z.nullable(yearsText),
      requested: decimal,
      cost: decimal,
      cap: nullableDecimal,
      capBy: z.nullable(z.string()),
      perYear: z.record(z.string().check(z.regex(/^\d{4}$/)), decimal),
      total: decimal,
      status: z.enum(['funded', 'reduced', 'not-funded', 'rejected']),
      reason: z.nullable(z.string()),
      tied: z.boolean(),
    }),
  ),
  totals: z.strictObject({ budget: decimal, requested: decimal, demand: decimal, awarded: decimal, leftover: decimal, rejected: count }),
});

const bound = z.nullable(z.strictObject({ value: decimal, exact: z.boolean(), fraction: z.string(), closed: z.boolean() }));
const interval = z.nullable(z.strictObject({ lower: bound, upper: bound, wholeKronor: z.nullable(z.tuple([decimal, decimal])) }));
const fit = z.strictObject({
  rule: z.enum(['round-nearest', 'round-down', 'round-up', 'largest-remainder']),
  unit: decimal,
  complete: z.boolean(),
  reproduced: count,
  rows: count,
  interval,
  wholeUnits: z.nullable(z.tuple([decimal, decimal])),
  gap: interval,
  missedCount: count,
  missed: z.array(z.strictObject({ row: count, recipient: z.string(), published: decimal, ruleGives: decimal })),
});

export const auditOutputSchema = z.strictObject({
  schema: z.literal('statsbidrag/audit'),
  version: z.literal(2),
  provenance,
  file: z.string(),
  basis: z.string(),
  column: z.string(),
  rows: count,
  sum: decimal,
  statedTotal: z.nullable(z.strictObject({ value: decimal, source: z.string() })),
  repairs: z.array(z.strictObject({ row: count, recipient: z.string(), column: z.string(), raw: z.string(), value: decimal, reason: z.string() })),
  reproduced: z.boolean(),
  complete: z.array(fit),
  best: z.nullable(fit),
  fits: z.array(fit),
});

const totalCheck = z.strictObject({
  years: z.string(),
  yearCount: count,
  statedTotal: decimal,
  amountSplit: decimal,
  method: z.string(),
  unit: decimal,
  sum: decimal,
  difference: decimal,
  differencePercent: nullableDecimal,
  explained: z.strictObject({ admin: decimal, rounding: nullableDecimal, missingRows: nullableDecimal, unknownRows: z.optional(nullableDecimal), unexplained: decimal }),
  adminNote: z.string(),
  ruleChecked: z.boolean(),
  rowsChecked: count,
  rowsDeviating: count,
});

export const validationOutputSchema = z.strictObject({
  schema: z.literal('statsbidrag/validation'),
  version: z.literal(2),
  /** What the table was checked against; `description` is the sentence the text report's first line ends with. */
  against: z.strictObject({ reference: z.enum(['rules', 'split', 'stated', 'table']), description: z.string() }),
  provenance,
  valid: z.boolean(),
  file: z.nullable(z.string()),
  programme: z.nullable(z.strictObject({ id: z.string(), name: z.string() })),
  stats: z.strictObject({
    rows: count,
    recipients: count,
    expectedRecipients: z.nullable(count),
    columns: count,
    cells: count,
    repairedCells: count,
    errors: count,
    warnings: count,
  }),
  errors: z.array(
    z.strictObject({
      code: z.string(),
      severity: z.enum(['error', 'warning']),
      row: z.nullable(count),
      column: z.nullable(z.string()),
      recipient: z.nullable(z.string()),
      expected: z.nullable(z.string()),
      actual: z.nullable(z.string()),
      message: z.string(),
    }),
  ),
  summary: z.strictObject({
    columns: z.array(
      z.strictObject({
        column: z.string(),
        years: z.nullable(z.string()),
        role: z.enum(['basis', 'amounts']),
        perYear: z.boolean(),
        sum: decimal,
        repairedCells: count,
        unreadableCells: count,
        checks: z.array(totalCheck),
        periodTotal: z.nullable(z.strictObject({ years: z.string(), sum: decimal, statedTotal: decimal, difference: decimal, differencePercent: nullableDecimal })),
      }),
    ),
    byCode: z.record(z.string(), count),
    decimals: count,
  }),
});
