/**
 * The format table (render/formats.ts): one writer for every (kind, format) render/format-names.ts
 * lists, and a kind and format that do not go together are one usage error.
 */
import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { FORMATS_OF, type ResultKind } from '../../src/render/format-names.js';
import { formatsOf, renderAllocation, writerFor } from '../../src/render/formats.js';
import { DEFAULT_RENDER } from '../../src/render/output.js';

const KINDS = Object.keys(FORMATS_OF) as ResultKind[];

describe('the format table', () => {
  it('has a writer for every format of every kind', () => {
    for (const kind of KINDS) {
      expect(formatsOf(kind).length).toBeGreaterThan(0);
      for (const format of formatsOf(kind)) expect(typeof writerFor(kind, format)).toBe('function');
    }
  });

  it.each([
    ['audit', 'github'],
    ['audit', 'csv'],
    ['validation', 'table'],
    ['allocation', 'text'],
    ['comparison', 'toString'],
  ] as const)('refuses %s in %s, naming the formats it has', (kind, format) => {
    let error: unknown;
    try {
      writerFor(kind, format);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatsbidragError);
    expect((error as StatsbidragError).code).toBe('invalid-option');
    expect((error as StatsbidragError).message).toContain(`"${format}"`);
    expect((error as StatsbidragError).message).toContain(FORMATS_OF[kind].join(', '));
  });

  it('the text renderers refuse xlsx, which is bytes', () => {
    expect(() => renderAllocation({ allocation: { periods: [] } as never, programme: undefined, scenario: undefined, recipientCount: 0 }, { ...DEFAULT_RENDER, format: 'xlsx' })).toThrow(/xlsx is binary/);
  });
});
