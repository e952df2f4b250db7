/** resolveInput: how a file argument names a file (io/paths.ts), the same for every command. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot, resolveInput } from '../../src/io/paths.js';

const data = (...parts: string[]): string => join(packageRoot(), 'data', ...parts);

describe('resolveInput', () => {
  let dir = '';
  let cwd = '';
  beforeEach(() => {
    cwd = process.cwd();
    dir = mkdtempSync(join(tmpdir(), 'statsbidrag-paths-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a bare name that is no file here names the bundled file, with or without its ending, one folder down too', () => {
    expect(resolveInput('tillvaxtverket-2018')).toBe(data('tillvaxtverket-2018.csv'));
    expect(resolveInput('tillvaxtverket-2018.csv')).toBe(data('tillvaxtverket-2018.csv'));
    expect(resolveInput('rules')).toBe(data('rules.json'));
    expect(resolveInput('gavleborg-applications')).toBe(data('examples', 'gavleborg-applications.csv'));
  });

  it('an existing file wins over a bundled one, unless the name says bundled:', () => {
    writeFileSync(join(dir, 'tillvaxtverket-2018'), 'mine');
    expect(resolveInput('tillvaxtverket-2018')).toBe('tillvaxtverket-2018');
    expect(resolveInput('bundled:tillvaxtverket-2018')).toBe(data('tillvaxtverket-2018.csv'));
  });

  it('stdin, paths and names found nowhere stay as given, so reading them fails as before', () => {
    expect(resolveInput('-')).toBe('-');
    expect(resolveInput('nowhere')).toBe('nowhere');
    expect(resolveInput('bundled:nowhere')).toBe('bundled:nowhere');
    expect(resolveInput('sub/tillvaxtverket-2018')).toBe('sub/tillvaxtverket-2018');
    expect(resolveInput('../data/rules')).toBe('../data/rules');
  });
});
