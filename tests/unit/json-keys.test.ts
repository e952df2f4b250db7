import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { parseJson, repeatedKey } from '../../src/io/json.js';

describe('duplicate JSON keys in rules and scenario files', () => {
  it('finds the first key repeated in one object, with its path and line', () => {
    expect(repeatedKey('{"a":1,"a":2}')).toEqual({ key: 'a', path: ['a'], line: 1 });
    expect(repeatedKey('{\n "programmes": [\n  {"id": "x"},\n  {"id": "y",\n   "periods": [{"unit": 1, "unit": 2}]}\n ]\n}')).toEqual({ key: 'unit', path: ['programmes', 1, 'periods', 0, 'unit'], line: 5 });
    // The same key in two objects, in nested ones, in strings and escapes: no repeat.
    expect(repeatedKey('{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"\\"a\\":1,\\"a\\""}')).toBeUndefined();
    expect(repeatedKey('{"\\u0061":1,"a":2}')).toEqual({ key: 'a', path: ['a'], line: 1 });
  });

  it('parseJson refuses one when asked, naming the key path', () => {
    expect(() => parseJson('{"a":1,"a":2}', 'r.json', { uniqueKeys: true })).toThrow(StatsbidragError);
    try {
      parseJson('{"x":{"total":1,\n"total":2}}', 'r.json', { uniqueKeys: true });
    } catch (e) {
      expect((e as StatsbidragError).code).toBe('duplicate-json-key');
      expect((e as StatsbidragError).location).toEqual({ file: 'r.json', line: 2, path: 'x.total' });
    }
    expect(parseJson('{"a":1,"a":2}', 't.json')).toEqual({ a: 2 });
  });
});
