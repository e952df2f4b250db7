/**
 * --out is refused when it names one of the command's inputs (io/out-target.ts, cli/main.ts). An
 * option's default is no input: `--out sv` in a folder is the page, not --locale's default "sv".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

describe('--out against the options', () => {
  it("an option's default is not taken for an input; the same value given is", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sv'), 'old');
    const r = run(['report', '--out', 'sv'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'sv'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    writeFileSync(join(dir, 'sv'), 'old');
    const given = run(['report', '--locale', 'sv', '--out', 'sv'], { cwd: dir });
    expect(given.status).toBe(2);
    expect(given.stderr).toMatch(/names the same file as --locale "sv"/);
    expect(readFileSync(join(dir, 'sv'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'sv'))).toBe(true);
  });
});
