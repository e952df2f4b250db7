/**
 * Errors as data: the code lists, their generated documentation, and StatsbidragError.at().
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmountParseError, parseAmount } from '../../src/core/amount.js';
import { csvErrorCode, ERROR_CODES, isErrorCode, located, StatsbidragError } from '../../src/core/errors.js';
import { FINDING_CODES } from '../../src/core/findings.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { DOC_PATH, errorCodesMarkdown } from '../../scripts/error-codes.mjs';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string = SRC): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('ERROR_CODES and FINDING_CODES', () => {
  it('docs/error-codes.md is what `npm run docs:errors` generates (run it after changing a code)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(errorCodesMarkdown(ERROR_CODES, FINDING_CODES));
  });

  it('codes are kebab-case, each with a one-line description', () => {
    for (const [code, text] of [...Object.entries(ERROR_CODES), ...Object.entries(FINDING_CODES)]) {
      expect(code).toMatch(kebab);
      expect(text.length, code).toBeGreaterThan(10);
      expect(text, code).not.toMatch(/\n/);
    }
  });

  it('every error code is raised somewhere in src (no stale entries)', () => {
    const text = sources()
      .filter((s) => !s.file.endsWith(join('core', 'errors.ts')) && !s.file.endsWith(join('core', 'findings.ts')))
      .map((s) => s.text)
      .join('\n');
    const viaTable = new Set(['csv-quote-not-closed', 'csv-invalid-closing-quote', 'csv-invalid-opening-quote', 'csv-non-trimable-char-after-closing-quote', 'csv-syntax']);
    const viaTemplate = new Set(['negative-floor', 'negative-ceiling']); // `negative-${what}`
    const unused = Object.keys(ERROR_CODES).filter((code) => !viaTable.has(code) && !viaTemplate.has(code) && !text.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('every finding code validate writes is listed (literals next to `code:` in files that make findings)', () => {
    const used = new Set<string>();
    for (const { text } of sources(join(SRC, 'core'))) {
      if (!text.includes('severity:')) continue;
      for (const m of text.matchAll(/\bcode: ([^,;\n]+)/g)) for (const lit of m[1]!.matchAll(/'([a-z0-9-]+)'/g)) used.add(lit[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((c) => !(c in FINDING_CODES))).toEqual([]);
  });

  it('isErrorCode knows the list', () => {
    expect(isErrorCode('file-not-found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('no-such-code')).toBe(false);
  });

  it('csv-parse codes map to listed codes, unknown ones to csv-syntax', () => {
    expect(csvErrorCode('quote-not-closed')).toBe('csv-quote-not-closed');
    expect(csvErrorCode('invalid-opening-quote')).toBe('csv-invalid-opening-quote');
    expect(csvErrorCode('max-record-size')).toBe('csv-syntax');
  });
});

describe('StatsbidragError.at()', () => {
  it('keeps the subclass and its own fields, adding location facts the error lacks', () => {
    let e: unknown;
    try {
      parseAmount('164 000 00');
    } catch (caught) {
      e = caught;
    }
    expect(e).toBeInstanceOf(AmountParseError);
    const original = e as AmountParseError;
    const moved = original.at({ file: 'a.csv', line: 3, field: 'weight' });
    expect(moved).toBeInstanceOf(AmountParseError);
    expect(moved).toBeInstanceOf(StatsbidragError);
    expect(moved).not.toBe(original);
    expect(moved.code).toBe('broken-digit-grouping');
    expect(moved.message).toBe(original.message);
    expect(moved.text).toBe('164 000 00');
    expect(moved.grouping).toBe(original.grouping);
    expect(moved.grouping?.candidates.length).toBeGreaterThan(0);
    expect(moved.kind).toBe('input');
    expect(moved.location).toEqual({ file: 'a.csv', line: 3, field: 'weight' });
    expect(original.location).toEqual({});
    expect(moved.name).toBe('StatsbidragError');
    expect(moved.stack).toBe(original.stack);
  });

  it("the error's own location facts win; kind is kept", () => {
    const e = new StatsbidragError('unknown-column', 'no column "x"', { field: 'x', line: undefined }, 'usage');
    const moved = located(e, { file: 'f.csv', field: '--basis', line: 1 }) as StatsbidragError;
    expect(moved.location).toEqual({ file: 'f.csv', field: 'x', line: 1 });
    expect(moved.kind).toBe('usage');
    expect(moved.code).toBe('unknown-column');
  });

  it('passes anything else through', () => {
    const plain = new Error('x');
    expect(located(plain, { file: 'f' })).toBe(plain);
  });
});
