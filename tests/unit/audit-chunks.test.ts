/**
 * audit's reports are written in chunks (render/audit/*.ts): the best fit's missed rows — every
 * row of a table no rule comes near — are made as they are written, and the other fits list their
 * first MISSED_LISTED with a count (JSON version 2). Held here, across the chunk boundaries:
 * - the JSON chunks, joined, are JSON.stringify of the whole document auditJson() makes;
 * - each fit's missedCount is the number of rows core's `missed` lists (rows − reproduced), its
 *   listed rows the first of them, and best's list all of them, in table order;
 * - the text lists best's missed rows one a line, none lost, doubled or run together.
 */
import { describe, expect, it } from 'vitest';
import { joined } from '../helpers/chunks.js';
import { audit, type AuditRow } from '../../src/core/audit.js';
import { Decimal } from '../../src/core/decimal.js';
import { auditJson, auditJsonChunks, MISSED_LISTED } from '../../src/render/audit/json.js';
import type { AuditReportInput } from '../../src/render/audit/model.js';
import { auditTextChunks } from '../../src/render/audit/text.js';

/** n rows whose amounts follow no rule: a published amount far from each row's share, for a few rows in ten. */
function input(n: number, stated?: number): AuditReportInput {
  const rows: AuditRow[] = Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    id: `Kommun "${i}"`,
    weight: new Decimal(1 + (i % 13)),
    amount: new Decimal(i % 10 < 3 ? 1000 * (1 + (i % 13)) + 7 * i : 1000 * (1 + (i % 13))),
  }));
  const result = audit(rows);
  return { file: 't.csv', result, basis: 'Vikt', column: 'Belopp', repairs: [], ...(stated ? { stated: { value: new Decimal(stated), source: { from: 'option' } } } : {}) };
}

describe('audit reports in chunks', () => {
  // Around 2 048 (JSON) and 4 096 (text) missed rows a chunk: three rows in ten are missed by the best fit.
  for (const n of [4, 30, 6826, 6827, 13654, 14000]) {
    it(`${n} rows: best's missed rows all, each fit's first ${MISSED_LISTED} and their count`, () => {
      const a = input(n, n * 7000);
      const best = a.result.fits[0]!;
      expect(best.complete).toBe(false);
      const missed = best.rows - best.reproduced;
      expect(best.missed.length).toBe(missed);

      const chunks = joined(auditJsonChunks(a, undefined, 'en'));
      expect(chunks.text).toBe(`${JSON.stringify(auditJson(a, undefined, 'en'), null, 2)}\n`);
      if (missed > 2048) expect(chunks.count).toBeGreaterThan(1);
      const doc = JSON.parse(chunks.text) as ReturnType<typeof auditJson>;
      expect(doc.version).toBe(2);
      const rowsOf = (list: { line: number; id: string }[]) => list.map((m) => [m.line, m.id]);
      expect(doc.best!.missedCount).toBe(missed);
      expect(doc.best!.missed.map((m) => [m.row, m.recipient])).toEqual(rowsOf(best.missed));
      a.result.fits.forEach((f, i) => {
        const json = doc.fits[i]!;
        expect([json.rule, json.unit]).toEqual([f.rule, f.unit.toFixed()]);
        expect(json.missedCount).toBe(f.missed.length);
        expect(json.missedCount).toBe(f.rows - f.reproduced);
        expect(json.missed.map((m) => [m.row, m.recipient])).toEqual(rowsOf(f.missed.slice(0, MISSED_LISTED)));
      });

      const text = joined(auditTextChunks(a, undefined, 'en'));
      const lines = text.text.split('\n');
      expect(lines.at(-1)).toBe('');
      const listed = lines.filter((l) => l.startsWith('    line '));
      expect(listed.map((l) => /^ {4}line (\d+), (.*?): published /.exec(l)!.slice(1, 3))).toEqual(best.missed.map((m) => [String(m.line), m.id]));
      expect(lines.filter((l) => l.includes('line ') && !l.startsWith('    line ')).length).toBe(0);
      if (missed > 4096) expect(text.count).toBeGreaterThan(1);
    });
  }

  it('a column some rule reproduces: nothing missed in best, the JSON whole in one chunk', () => {
    const rows: AuditRow[] = [1, 2, 3].map((w, i) => ({ line: i + 2, id: `r${i}`, weight: new Decimal(w), amount: new Decimal(w * 1000) }));
    const a: AuditReportInput = { file: 't.csv', result: audit(rows), basis: 'Vikt', column: 'Belopp', repairs: [] };
    const chunks = joined(auditJsonChunks(a, undefined, 'en'));
    expect(chunks.count).toBe(1);
    expect(chunks.text).toBe(`${JSON.stringify(auditJson(a, undefined, 'en'), null, 2)}\n`);
    expect(JSON.parse(chunks.text).best.missed).toEqual([]);
  });
});
