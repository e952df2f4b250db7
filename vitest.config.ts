import { defineConfig } from 'vitest/config';
// @ts-expect-error a plain .mjs script without types
import { buildReportScript } from './scripts/report-script.mjs';

export default defineConfig({
  // The allocation report's script, as the CLI bundle has it (scripts/build-cli.mjs).
  define: { STATSBIDRAG_REPORT_SCRIPT: JSON.stringify(buildReportScript()) },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
