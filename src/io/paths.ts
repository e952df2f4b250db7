/**
 * Where the installed package lives, found by walking up from this module to the folder whose
 * package.json is ours. Works from src/ (tests), dist/ (tsc) and dist/cli.cjs (the esbuild bundle).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; version: string } | undefined;

/** This module's folder: import.meta.dirname where there is one (Node ≥ 20.11's modules; the bundle's __dirname), else from the URL. */
const moduleDir = (): string => import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));

function find(): { root: string; version: string } {
  let dir = moduleDir();
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'statsbidrag') return { root: dir, version: json.version ?? '0.0.0' };
    }
    const up = dirname(dir);
    if (up === dir) return { root: moduleDir(), version: '0.0.0' };
    dir = up;
  }
}

export function packageRoot(): string {
  return (cached ??= find()).root;
}

export function packageVersion(): string {
  return (cached ??= find()).version;
}

/** The prefix that names a bundled file even where a file of that name exists: `bundled:rules.json`. */
const BUNDLED_PREFIX = 'bundled:';

const isFile = (path: string): boolean => {
  try {
    // No exception for a name that is not there (the usual case of the candidates tried): making one costs more than the look-up.
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
};

/**
 * A file argument as the user gave it → the path to read; every input file goes through here
 * (io/read.ts), so every command's file arguments work alike. An existing file (or "-") is
 * itself. Otherwise a bare name names a file the package bundles, in data/ or one folder down,
 * with or without its .csv/.json ending — `tillvaxtverket-2018`, `gavleborg-applications.csv`,
 * `bundled:rules.json` — so the help's examples run from any folder after a global install. A
 * name found nowhere is returned as it is, and reading it fails as for any missing file.
 */
export function resolveInput(spec: string): string {
  if (spec === '-') return spec;
  const explicit = spec.startsWith(BUNDLED_PREFIX);
  if (!explicit && existsSync(spec)) return spec;
  const name = explicit ? spec.slice(BUNDLED_PREFIX.length) : spec;
  if (!/^[\w-][\w.-]*$/.test(name)) return spec;
  const data = join(packageRoot(), 'data');
  let folders = [data];
  try {
    folders = [data, ...readdirSync(data, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(data, d.name)).sort()];
  } catch {
    return spec;
  }
  for (const folder of folders) {
    for (const candidate of [name, `${name}.csv`, `${name}.json`]) {
      const path = join(folder, candidate);
      if (isFile(path)) return path;
    }
  }
  return spec;
}

/**
 * The bundled files a user can name instead of a path (resolveInput), by what they hold: tables
 * (the CSV files in data/ and one folder down, scenarios' folder aside) and rules files (the JSON
 * files in data/ itself). Names without their ending, sorted; for shell completion.
 */
export function bundledNames(): { tables: string[]; rules: string[] } {
  const data = join(packageRoot(), 'data');
  const tables: string[] = [];
  const rules: string[] = [];
  try {
    for (const entry of readdirSync(data, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.csv')) tables.push(entry.name.slice(0, -4));
      else if (entry.isFile() && entry.name.endsWith('.json')) rules.push(entry.name.slice(0, -5));
      else if (entry.isDirectory() && entry.name !== 'scenarios') {
        for (const name of readdirSync(join(data, entry.name))) if (name.endsWith('.csv')) tables.push(name.slice(0, -4));
      }
    }
  } catch {
    // No data folder: nothing to offer.
  }
  return { tables: tables.sort(), rules: rules.sort() };
}
