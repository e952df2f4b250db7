/** What made an output file: the tool and its version, and the command line as typed (for the xlsx provenance sheet). */
import { packageVersion } from '../io/paths.js';
import type { Provenance } from '../render/xlsx.js';

/** A word as a POSIX shell would need it to read it back. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function provenance(argv: readonly string[] = process.argv): Provenance {
  return { tool: `statsbidrag ${packageVersion()}`, command: ['statsbidrag', ...argv.slice(2)].map(shellWord).join(' ') };
}
