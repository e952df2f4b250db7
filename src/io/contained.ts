/**
 * Paths named inside a file (the `recipients.file` of a programme in a rules file) are resolved
 * against that file's folder and must stay inside it or its subfolders, also after symbolic links
 * are followed. Anything else is refused without reading it, so a rules file cannot make the tool
 * read, and echo in an error, a file elsewhere; a list kept elsewhere is given with --data.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { StatsbidragError, type Location } from '../core/errors.js';
import type { Programme } from '../core/programme.js';
import type { LoadedRules } from './load.js';

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel.split(/[\\/]/)[0] !== '..' && !isAbsolute(rel);
}

/**
 * `rel` resolved against `dir`, refused (`path-outside-folder`, at `location`) when it leads
 * outside `dir`. A path that does not exist is returned as it is: reading it says "no such file".
 */
function resolveInside(dir: string, rel: string, location: Location): string {
  const target = resolve(dir, rel);
  const refuse = (how: string): StatsbidragError =>
    new StatsbidragError('path-outside-folder', `"${rel}" is outside the folder of this file${how}; pass such a list with --data`, location);
  if (!isInside(resolve(dir), target)) throw refuse('');
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return target;
  }
  if (!isInside(realpathSync(dir), real)) throw refuse(' (a symbolic link leads out)');
  return target;
}

/** The programme's recipient list file, resolved inside the rules file's folder. */
export function recipientListFile(loaded: LoadedRules, programme: Programme): string {
  const index = loaded.rules.programmes.findIndex((p) => p.id === programme.id);
  const list = programme.recipients;
  if (!list) throw new StatsbidragError('no-recipient-list', `programme "${programme.id}" has no recipient list`, { file: loaded.file });
  return resolveInside(loaded.dir, list.file, { file: loaded.file, path: `programmes[${index < 0 ? programme.id : index}].recipients.file` });
}
