/** The commit gate (io/durable.ts setCommitGate): a finished write replaces its file only while the gate says yes. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setCommitGate, writeFileDurably } from '../../src/io/durable.js';

describe('the commit gate', () => {
  afterEach(() => setCommitGate(() => true));

  it('leaves the file as it was, and no temporary file, when the gate is closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-gate-'));
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'earlier\n');
    setCommitGate(() => false);
    await expect(writeFileDurably(out, ['later\n'])).rejects.toThrow(/the command that started this run has ended; the file was left as it was/);
    expect(readFileSync(out, 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    setCommitGate(() => true);
    await writeFileDurably(out, ['later\n']);
    expect(readFileSync(out, 'utf8')).toBe('later\n');
  });
});
