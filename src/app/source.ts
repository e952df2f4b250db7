/** The provenance a use case knows: tool version, programme, and the rules file with its hash. */
import { relative } from 'node:path';
import { DATA_DIR, type LoadedRules } from '../io/load.js';
import { packageVersion } from '../io/paths.js';
import type { Source } from '../render/output.js';

/** A bundled file by its place in the package ("bundled:rules.json"), so output does not depend on where it is installed. */
function displayPath(file: string): string {
  const inData = relative(DATA_DIR, file);
  return inData.startsWith('..') || inData === file ? file : `bundled:${inData.split('\\').join('/')}`;
}

export function sourceOf(loaded: LoadedRules | undefined, programme: string | undefined): Source {
  return {
    version: packageVersion(),
    programme: programme ?? null,
    rules: loaded ? { file: displayPath(loaded.file), sha256: loaded.sha256 } : null,
  };
}
