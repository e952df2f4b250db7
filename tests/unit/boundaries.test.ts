/**
 * The import boundaries (docs/architecture.md) are checked by dependency-cruiser in `npm test`.
 * These tests show the check can fail: a tree with one import of each forbidden kind is refused,
 * rule by rule, and the project's own src/ passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022' } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('import boundaries (dependency-cruiser)', () => {
  it('refuses an upward import, a sideways one between commands, an impure core and a cycle', () => {
    const dir = tree({
      'src/core/split.ts': "import { emit } from '../cli/output.js';\nexport const split = emit;\n",
      'src/core/clock.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'src/core/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/core/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/cli/output.ts': 'export const emit = 1;\n',
      'src/render/csv.ts': "import { read } from '../io/read.js';\nexport const csv = read;\n",
      'src/io/read.ts': "import { csv } from '../render/x.js';\nexport const read = csv;\n",
      'src/render/x.ts': 'export const csv = 1;\n',
      'src/cli/commands/allocate.ts': "import { c } from './compare.js';\nexport const a = c;\n",
      'src/cli/commands/compare.ts': 'export const c = 1;\n',
      'src/app/validate.ts': "import { emit } from '../cli/output.js';\nexport const v = emit;\n",
    });
    const { status, out } = cruise(dir);
    expect(status).not.toBe(0);
    for (const rule of ['core-imports-core-only', 'core-is-pure', 'no-circular', 'render-not-up', 'io-not-up', 'commands-not-sideways', 'app-not-up']) {
      expect(out).toContain(rule);
    }
  });

  it('accepts imports that flow down: cli → app → io/render → core', () => {
    const dir = tree({
      'src/core/split.ts': 'export const split = 1;\n',
      'src/io/read.ts': "import { split } from '../core/split.js';\nexport const read = split;\n",
      'src/render/csv.ts': "import { split } from '../core/split.js';\nexport const csv = split;\n",
      'src/app/allocate.ts': "import { read } from '../io/read.js';\nimport { csv } from '../render/csv.js';\nexport const run = read + csv;\n",
      'src/cli/commands/allocate.ts': "import { run } from '../../app/allocate.js';\nexport const go = run;\n",
    });
    expect(cruise(dir)).toMatchObject({ status: 0 });
  });

  it("the project's own src/ keeps them", () => {
    const r = cruise(ROOT);
    expect(r.out).toMatch(/no dependency violations/);
    expect(r.status).toBe(0);
  });
});
