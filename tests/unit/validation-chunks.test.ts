/**
 * validate's reports are written in chunks, each finding made as it is written
 * (render/validation/*.ts): the chunks, joined, are the report — across the chunk boundaries (a
 * few thousand findings to a chunk), in every format. The JSON is held to JSON.stringify of the
 * whole document validationJson() makes; the text and the annotations to their lines, one per
 * finding or two, none lost, doubled or run together at a boundary.
 */
import { describe, expect, it } from 'vitest';
import { joined } from '../helpers/chunks.js';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import type { Programme } from '../../src/core/programme.js';
import { validateTable } from '../../src/core/validate.js';
import { validationGithubChunks } from '../../src/render/validation/github.js';
import { validationJson, validationJsonChunks } from '../../src/render/validation/json.js';
import { findingMessage } from '../../src/render/validation/messages.js';
import { validationTextChunks } from '../../src/render/validation/text.js';

const D = (x: number): Decimal => new Decimal(x);
const programme: Programme = {
  id: 'p',
  name: 'Prog',
  agency: 'A',
  legalBasis: [],
  periods: [
    {
      years: { from: 2020, to: 2020 },
      statedTotal: { value: D(10_000_000), source: 'budget' },
      includesAdmin: false,
      amountSplit: { value: D(10_000_000), source: 'derived' },
      unit: { value: D(1), source: 'budget' },
      method: { value: 'largest-remainder', source: 'budget' },
    },
  ],
};

/** A table of `n` recipients none of which is on the programme's list of one: n unknown-recipient findings and one missing. */
function report(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ line: i + 2, cells: [`Kommun "${i}"`, '1', String(i % 7)] }));
  const table = rowsTable(['Kommun', 'Basis', 'Belopp 2020'], rows, { file: 't.csv' });
  return validateTable(table, { programme, basis: 'Basis', expected: [{ id: 'Ingen', line: 2 }], expectedSource: 'lista.csv' });
}

describe('validate reports in chunks', () => {
  // Below, at and beyond the boundaries of 2 048 (JSON) and 4 096 (text, annotations) findings a chunk.
  for (const n of [0, 3, 2047, 2048, 4095, 4096, 4097, 8192, 9000]) {
    it(`${n} recipients: every finding once, in order, in every format`, () => {
      const r = report(n);
      const unknown = r.errors.filter((f) => f.code === 'unknown-recipient');
      expect(unknown.length).toBe(n);

      const json = joined(validationJsonChunks(r, 'en'));
      expect(json.text).toBe(`${JSON.stringify(validationJson(r, 'en'), null, 2)}\n`);
      if (r.errors.length > 2048) expect(json.count).toBeGreaterThan(1);

      const text = joined(validationTextChunks(r, undefined, 'en'));
      const lines = text.text.split('\n');
      expect(lines.at(-1)).toBe('');
      // Two lines a finding, the second its message, in the report's order.
      const messages = lines.filter((l) => l.startsWith('      ') && !l.startsWith('       ')).map((l) => l.slice(6));
      expect(messages.slice(0, r.errors.length)).toEqual(r.errors.map((f) => findingMessage(f, 'en')));
      const tags = lines.filter((l) => /^ {2}(error|warning) /.test(l));
      expect(tags.length).toBe(r.errors.length);
      if (r.errors.length > 4096) expect(text.count).toBeGreaterThan(1);

      const github = joined(validationGithubChunks(r, ['Kommun', 'Basis', 'Belopp 2020'], 'en'));
      const annotations = github.text.split('\n');
      expect(annotations.at(-1)).toBe('');
      expect(annotations[0]).toMatch(/^::notice /);
      for (const l of annotations.slice(1, -2)) expect(l).toMatch(/^::(error|warning) file=t\.csv,/);
      expect(annotations.slice(1, -2).map((l) => l.replace(/^::(error|warning) [^:]*::/, '').replace(/^.*?: /, ''))).toEqual(
        r.errors.map((f) => findingMessage(f, 'en')),
      );
      expect(annotations.at(-2)).toMatch(/^t\.csv: INVALID/);
    });
  }
});
