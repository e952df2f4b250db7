/**
 * Every amount in every JSON file (rules, their award rules, scenarios) is read by the one
 * amountSchema: a JSON number or text, with the same rules and the same message for the same bad
 * value, at the field's JSON path.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { amountSchema, nonNegativeAmountSchema, positiveAmountSchema } from '../../src/io/amount-schema.js';
import { scenarioSchema } from '../../src/io/scenario-schema.js';
import { formatJsonPath, rulesSchema } from '../../src/io/schemas.js';

type Json = Record<string, unknown>;
/** Where to put the value under test, in a document that is otherwise valid. */
type Slot = { name: string; positive: boolean; doc: (v: unknown) => Json };

const sourced = (value: unknown) => ({ value, source: 's' });

function rules(period: Json = {}, awards?: Json): Json {
  return {
    version: 1,
    sources: { s: 'a source' },
    programmes: [
      {
        id: 'p',
        name: 'P',
        agency: 'A',
        periods: [
          {
            years: '2020',
            statedTotal: sourced('1 000 000'),
            includesAdmin: false,
            amountSplit: sourced('1 000 000'),
            unit: sourced(1000),
            method: sourced('largest-remainder'),
            ...period,
          },
        ],
        ...(awards ? { awards: { ordinances: [{ ref: 'r', admits: ['kommun'], source: 's' }], ...awards } } : {}),
      },
    ],
  };
}

const scenario = (fields: Json): Json => ({ version: 1, name: 'test', ...fields });

const RULES: Slot[] = [
  // amountSplit stays at or below the stated total for the values tried (≤ 1 000 000).
  { name: 'statedTotal', positive: true, doc: (v) => rules({ statedTotal: sourced(v), amountSplit: sourced(0) }) },
  { name: 'amountSplit', positive: false, doc: (v) => rules({ amountSplit: sourced(v) }) },
  { name: 'unit', positive: true, doc: (v) => rules({ unit: sourced(v) }) },
  { name: 'awards.ceiling', positive: true, doc: (v) => rules({}, { ceiling: sourced(v) }) },
];

const SCENARIO: Slot[] = [
  { name: 'recipients.add[].basis', positive: false, doc: (v) => scenario({ recipients: { add: [{ id: 'x', basis: v }] } }) },
  { name: 'recipients.add[].floor', positive: false, doc: (v) => scenario({ recipients: { add: [{ id: 'x', basis: 1, floor: v }] } }) },
  { name: 'recipients.add[].ceiling', positive: false, doc: (v) => scenario({ recipients: { add: [{ id: 'x', basis: 1, ceiling: v }] } }) },
  { name: 'recipients.change[].basis', positive: false, doc: (v) => scenario({ recipients: { change: [{ id: 'x', basis: v }] } }) },
  { name: 'recipients.change[].floor', positive: false, doc: (v) => scenario({ recipients: { change: [{ id: 'x', floor: v }] } }) },
  { name: 'recipients.change[].ceiling', positive: false, doc: (v) => scenario({ recipients: { change: [{ id: 'x', ceiling: v }] } }) },
  { name: 'periods[].total', positive: true, doc: (v) => scenario({ periods: [{ years: '2020', total: v }] }) },
  { name: 'periods[].unit', positive: true, doc: (v) => scenario({ periods: [{ years: '2020', unit: v }] }) },
  { name: 'unit', positive: true, doc: (v) => scenario({ unit: v }) },
  { name: 'floor', positive: false, doc: (v) => scenario({ floor: v }) },
  { name: 'ceiling', positive: false, doc: (v) => scenario({ ceiling: v }) },
];

const SLOTS: [string, Slot, typeof rulesSchema | typeof scenarioSchema][] = [
  ...RULES.map((s): [string, Slot, typeof rulesSchema] => [`rules ${s.name}`, s, rulesSchema]),
  ...SCENARIO.map((s): [string, Slot, typeof scenarioSchema] => [`scenario ${s.name}`, s, scenarioSchema]),
];

/** The first issue of a failed parse, with its JSON path as the CLI prints it. */
function firstIssue(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, doc: Json) {
  const r = schema.safeParse(doc);
  if (r.success) return undefined;
  const issue = r.error!.issues[0]!;
  return { path: formatJsonPath(issue.path), message: issue.message };
}

describe('one amount schema for every JSON file', () => {
  it.each(SLOTS)('%s accepts a JSON number and the same amount as text', (_, slot, schema) => {
    for (const v of [1000, '1000', '1 000', '1 000,00', 1000.5, '1 000,5', '0,001 miljoner']) {
      const r = schema.safeParse(slot.doc(v));
      expect(r.success, `${JSON.stringify(v)}: ${JSON.stringify(r.error?.issues[0])}`).toBe(true);
    }
  });

  const BAD: [unknown, RegExp][] = [
    ['12 kr 5', /^"12 kr 5" is not an amount/],
    ['1,350', /^"1,350" is not an amount: could mean 1350 or 1\.350/],
    ['5 %', /^"5 %" is not an amount: a percentage where an amount is expected$/],
    [2 ** 53, /^9007199254740992 is not exact as a JSON number; write the amount as a string$/],
    [1e21, /^1e\+21 is not exact as a JSON number/],
    [1e-7, /^1e-7 is not exact as a JSON number/],
    [true, /^expected a number or an amount as text \(e\.g\. "8 000 000"\), not boolean$/],
    [null, /^expected a number or an amount as text .*, not null$/],
    [[1], /^expected a number or an amount as text .*, not a list$/],
  ];

  it.each(BAD)('the bad value %j gets the same message, at the field, in every file', (value, says) => {
    const messages = new Set<string>();
    for (const [name, slot, schema] of SLOTS) {
      const issue = firstIssue(schema, slot.doc(value));
      expect(issue, name).toBeDefined();
      expect(issue!.message, name).toMatch(says);
      const leaf = slot.name.replace(/^awards\./, '').split('.').pop()!;
      expect(issue!.path, name).toMatch(new RegExp(`${leaf.replace(/[[\]]/g, '')}(\\.value)?$`));
      messages.add(issue!.message);
    }
    expect([...messages]).toHaveLength(1);
  });

  it.each(SLOTS)('%s: zero and negative amounts as the field requires', (_, slot, schema) => {
    const zero = firstIssue(schema, slot.doc(0));
    const negative = firstIssue(schema, slot.doc('-5'));
    if (slot.positive) {
      expect(zero?.message).toBe('must be greater than zero');
      expect(negative?.message).toBe('must be greater than zero');
    } else {
      expect(zero).toBeUndefined();
      expect(negative?.message).toBe('must not be negative');
    }
  });
});

describe('amountSchema', () => {
  it('reads a JSON number exactly from its decimal text', () => {
    expect(amountSchema.parse(0.1).toFixed()).toBe('0.1');
    expect(amountSchema.parse(1350000000).toFixed()).toBe('1350000000');
    expect(amountSchema.parse(-12.5).toFixed()).toBe('-12.5');
    expect(amountSchema.parse(Number.MAX_SAFE_INTEGER).toFixed()).toBe('9007199254740991');
  });

  it('reads "-0" and -0 as 0', () => {
    expect(nonNegativeAmountSchema.parse('-0').isNegative()).toBe(false);
    expect(nonNegativeAmountSchema.parse(-0).isNegative()).toBe(false);
  });

  it('the variants differ only in their bounds', () => {
    expect(positiveAmountSchema.parse('1,35 miljarder').eq(new Decimal('1350000000'))).toBe(true);
    expect(nonNegativeAmountSchema.parse(0).isZero()).toBe(true);
    expect(amountSchema.parse('-3').toFixed()).toBe('-3');
  });
});
