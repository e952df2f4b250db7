/** The tool's own JSON read as a table (io/json-table.ts through the one reader, io/table.ts). */
import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { tableFromText } from '../../src/io/table.js';

describe('JSON tables', () => {
  it('rows become cells under the union of their keys, each at the line its object starts', () => {
    const text = '\ufeff {\n  "note": "rows: [{ not these }]",\n  "rows": [\n    { "recipient": "A {\\"x\\"}", "amount": "1.50" },\n    {\n      "recipient": "B",\n      "amount": 2,\n      "code": "0123"\n    }\n  ],\n  "totals": { "rows": [{}] }\n}\n';
    const t = tableFromText(text, '-');
    expect(t.headers).toEqual(['recipient', 'amount', 'code']);
    expect(t.rows).toEqual([
      { line: 4, cells: ['A {"x"}', '1.50', ''] },
      { line: 5, cells: ['B', '2', '0123'] },
    ]);
    expect(t.decimalMark).toBe('.');
  });

  it('a document that is not a table is an error naming the file and the JSON path', () => {
    const err = (text: string): StatsbidragError => {
      try {
        tableFromText(text, 't.json');
      } catch (e) {
        return e as StatsbidragError;
      }
      throw new Error('no error');
    };
    expect(err('{"rows": {}}')).toMatchObject({ code: 'invalid-json-table', location: { file: 't.json', path: 'rows' } });
    expect(err('{"rows": [\n {"a": 0.1}]}')).toMatchObject({ code: 'invalid-json-table', location: { file: 't.json', path: 'rows[0].a', line: 2 } });
    expect(err('{"rows": [')).toMatchObject({ code: 'invalid-json', location: { file: 't.json' } });
  });
});
