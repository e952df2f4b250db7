/**
 * --out checked before anything is read or written: a file that is one of the command's inputs
 * would be replaced by the output computed from it, and a symbolic link that leads nowhere would
 * be replaced by a file (the link lost). Both are refused, naming the file.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { StatsbidragError } from '../core/errors.js';
import { resolveInput } from './paths.js';

/** The path a name leads to, links followed where they exist (a file not yet there: its folder's real path). */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return undefined;
    }
  }
}

/**
 * Refuse `out` when it is a dangling symbolic link, or the same file as one of `inputs` (the
 * option values and arguments a command was given; those that name no existing file are skipped).
 */
export function checkOutTarget(out: string | undefined, inputs: readonly { name: string; value: string }[] = []): void {
  if (out === undefined || out === '' || out === '-') return;
  let link = false;
  try {
    link = lstatSync(out).isSymbolicLink();
  } catch {
    // Not there: nothing to replace.
  }
  if (link) {
    try {
      statSync(out);
    } catch {
      throw new StatsbidragError('cannot-write-output', 'is a symbolic link that leads to no file; refusing to replace the link (name the file it should write, or remove the link)', { file: out, field: '--out' }, 'usage');
    }
  }
  const target = realPath(out);
  if (target === undefined) return;
  for (const { name, value } of inputs) {
    if (value === '-' || value === out && name === '--out') continue;
    let file: string;
    try {
      file = resolveInput(value);
      if (!statSync(file).isFile()) continue;
    } catch {
      continue;
    }
    if (realPath(file) === target) {
      throw new StatsbidragError('out-is-input', `names the same file as ${name} "${value}": writing would replace the input; choose another file`, { file: out, field: '--out' }, 'usage');
    }
  }
}
