/**
 * The allocation report's script (client.ts and the exact core it imports), bundled by esbuild
 * at build time (scripts/report-script.mjs) and defined into the CLI bundle and the tests.
 */
declare const STATSBIDRAG_REPORT_SCRIPT: string | undefined;

export function reportScript(): string {
  if (typeof STATSBIDRAG_REPORT_SCRIPT === 'undefined') throw new Error('statsbidrag was built without the report script (scripts/report-script.mjs)');
  return STATSBIDRAG_REPORT_SCRIPT;
}
