/**
 * The bundled rules file, checked when the CLI is built rather than at every start-up.
 *
 * `npm run build` (scripts/build-cli.mjs) reads data/rules.json with loadRules, zod schema and all,
 * and writes beside the CLI bundle a stamp: the file's bytes, their SHA-256 and what the schema made
 * of them (amounts as Decimals, year ranges, defaults, a null-prototype `sources`), encoded as
 * JSON by encodeValue below and checked to decode to exactly the schema's output. At run time
 * loadRules gives the default rules file whose bytes are exactly the stamp's that output, without
 * zod (loading zod and running the schema was a good part of start-up) and without node:crypto.
 * Any other bytes — an edited or replaced file — are read and validated as every rules file is, as
 * are a file named with --rules, and everything when there is no stamp (the library, tests).
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rules } from '../core/programme.js';
import type { Scenario } from '../core/scenario.js';
import { Decimal } from '../core/decimal.js';

/** What the build bakes into the CLI bundle (esbuild's define). */
export interface RulesStamp {
  /** The bytes of data/rules.json that passed the schema, in base64. */
  bytes: string;
  sha256: string;
  /** The schema's output, encoded by encodeValue. */
  rules: Encoded;
}

/**
 * A value as JSON: strings, numbers, booleans and null as themselves; anything else as a tagged
 * array, so no key or value of the data can be taken for a tag: ['a', items] an array, ['o',
 * entries] a plain object, ['n', entries] an object with no prototype, ['d', text] a Decimal,
 * ['u'] undefined.
 */
export type Encoded = string | number | boolean | null | ['a', Encoded[]] | ['o' | 'n', [string, Encoded][]] | ['d', string] | ['u'];

/**
 * The stamps are files beside the bundle (dist/rules-stamp.json, dist/scenario-stamps.json), their
 * names defined into it as JSON text ({ rules, scenarios }): a stamp is read when a run reads the
 * bundled file it is for. As text in the bundle they were a sixth of allocate's, read at every
 * start (--version's too) and, in the code cache of a command that reads the rules, deserialized
 * at every start. A stamp file that cannot be read is no stamp: the file is validated as any other.
 */
declare const STATSBIDRAG_STAMP_FILES: string | undefined;

/** The parsed content of the stamp file `key` beside the bundle, if this build has one. */
function stampFile(key: 'rules' | 'scenarios'): unknown {
  if (typeof STATSBIDRAG_STAMP_FILES === 'undefined') return undefined;
  const name = (JSON.parse(STATSBIDRAG_STAMP_FILES) as Record<typeof key, string>)[key];
  try {
    // Beside the bundle (import.meta.url is dist/cli-NAME.cjs there). The build writes it as ASCII
    // (other characters as \u escapes), read as latin1: a string of one byte a character, half the
    // memory of the same text decoded from UTF-8 with its few non-ASCII letters (a two-byte string;
    // compare reads the rules twice). A file that is not ASCII is no stamp.
    const bytes = readFileSync(join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), name));
    return isAscii(bytes) ? (JSON.parse(bytes.toString('latin1')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp baked into this build, if any. */
const bakedStamp = (): RulesStamp | undefined => stampFile('rules') as RulesStamp | undefined;

/** The rules and hash of the bundled rules file when `bytes` are exactly the ones checked at build time. */
export function stampedRules(bytes: Uint8Array, stamp: RulesStamp | undefined = bakedStamp()): { rules: Rules; sha256: string } | undefined {
  if (stamp === undefined) return undefined;
  const checked = Buffer.from(stamp.bytes, 'base64');
  if (checked.length !== bytes.length || !checked.equals(bytes)) return undefined;
  return { rules: decodeValue(stamp.rules) as Rules, sha256: stamp.sha256 };
}

/**
 * A bundled scenario file (data/scenarios/*.json), stamped the same way: its bytes and what
 * scenarioFromJson (zod) made of them. loadScenario (scenario-files.ts) gives a file with exactly
 * those bytes that result without loading zod; any other bytes are read and validated as before.
 */
export interface ScenarioStamp {
  /** The file's bytes that passed the schema, in base64. */
  bytes: string;
  scenario: Encoded;
}

const bakedScenarioStamps = (): ScenarioStamp[] | undefined => stampFile('scenarios') as ScenarioStamp[] | undefined;

/** The scenario of a bundled scenario file whose bytes are exactly those checked at build time. */
export function stampedScenario(bytes: Uint8Array, stamps: readonly ScenarioStamp[] | undefined = bakedScenarioStamps()): Scenario | undefined {
  for (const stamp of stamps ?? []) {
    // base64 is 4 characters for every 3 bytes: only a file of the same length is compared.
    if (Math.ceil(bytes.length / 3) * 4 !== stamp.bytes.length) continue;
    const checked = Buffer.from(stamp.bytes, 'base64');
    if (checked.length === bytes.length && checked.equals(bytes)) return decodeValue(stamp.scenario) as Scenario;
  }
  return undefined;
}

/** Encode a value made of JSON values, plain and null-prototype objects, arrays and Decimals; anything else throws. */
export function encodeValue(value: unknown): Encoded {
  if (value === undefined) return ['u'];
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Error(`cannot encode the number ${value}`);
    return value;
  }
  if (value instanceof Decimal) return ['d', `${value.isNegative() ? '-' : ''}${value.abs().toString()}`];
  if (Array.isArray(value)) return ['a', value.map(encodeValue)];
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new Error(`cannot encode an object of class ${(value as object).constructor?.name}`);
    if (Object.getOwnPropertySymbols(value).length) throw new Error('cannot encode symbol keys');
    return [proto === null ? 'n' : 'o', Object.entries(value).map(([k, v]): [string, Encoded] => [k, encodeValue(v)])];
  }
  throw new Error(`cannot encode a ${typeof value}`);
}

export function decodeValue(encoded: Encoded): unknown {
  if (!Array.isArray(encoded)) return encoded;
  switch (encoded[0]) {
    case 'a':
      return encoded[1].map(decodeValue);
    case 'o':
    case 'n': {
      const out = (encoded[0] === 'n' ? Object.create(null) : {}) as Record<string, unknown>;
      // Indexed loops and plain assignment: with for-of destructuring and defineProperty for every
      // key this took over a millisecond of each start-up. "__proto__" is a key like any other.
      const entries = encoded[1];
      for (let i = 0; i < entries.length; i++) {
        const key = entries[i]![0];
        const value = decodeValue(entries[i]![1]);
        if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
    case 'd':
      return new Decimal(encoded[1]);
    case 'u':
      return undefined;
  }
  throw new Error(`not an encoded value: ${JSON.stringify(encoded)}`);
}
