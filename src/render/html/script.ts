/**
 * The allocation report's script (client.ts and the exact core it imports), bundled by esbuild
 * at build time (scripts/report-script.mjs). The tests have it defined as a string. The CLI
 * bundle does not carry it: scripts/build-cli.mjs writes it beside the bundle
 * (dist/report-script.js) and stamps into the bundle its file name and its SHA-256, the hash the
 * page's Content-Security-Policy allows it by. So no other command reads its 170 KB, and `report`
 * reads it and hashes nothing. tests/e2e/report-script.test.ts checks the stamp against the file
 * and a written page's policy against its script.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const STATSBIDRAG_REPORT_SCRIPT: string | undefined;
/** JSON text ({ name, sha256 }): a string define costs nothing until read (io/rules-stamp.ts). */
declare const STATSBIDRAG_REPORT_SCRIPT_FILE: string | undefined;

export interface ReportScript {
  text: string;
  /** Its SHA-256 in base64, when stamped at build time (else the page computes it). */
  sha256?: string;
}

export function reportScript(): ReportScript {
  const { bytes, sha256 } = reportScriptBytes();
  return { text: typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), ...(sha256 !== undefined ? { sha256 } : {}) };
}

/**
 * The script as its file's UTF-8 bytes, as the CLI writes it into the page (never decoded into a
 * string and encoded again); a string where it is defined as one (the tests).
 */
export function reportScriptBytes(): { bytes: string | Uint8Array; sha256?: string } {
  if (typeof STATSBIDRAG_REPORT_SCRIPT !== 'undefined') return { bytes: STATSBIDRAG_REPORT_SCRIPT };
  if (typeof STATSBIDRAG_REPORT_SCRIPT_FILE === 'undefined') throw new Error('statsbidrag was built without the report script (scripts/report-script.mjs)');
  // Beside the bundle (import.meta.url is dist/cli.cjs there).
  const stamp = JSON.parse(STATSBIDRAG_REPORT_SCRIPT_FILE) as { name: string; sha256: string };
  const file = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), stamp.name);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`statsbidrag's build is incomplete: the report script ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); run \`npm run build\``);
  }
  return { bytes, sha256: stamp.sha256 };
}
