// Mutation testing (docs/mutation.md): `npm run mutate`. Not part of `npm test`: it takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: [
    'src/core/apportion/**/*.ts',
    'src/core/validate.ts',
    // validate.ts is being split into src/core/checks/*.ts; picked up as soon as they exist.
    'src/core/checks/**/*.ts',
    'src/core/cells.ts',
    'src/core/audit.ts',
  ],
  // Not copied into the sandbox: build output (the e2e tests that need dist/ are not run), reports, temp dirs.
  ignorePatterns: ['dist', 'coverage', 'bench/out', 'reports', '.stryker-tmp*'],
  coverageAnalysis: 'perTest',
  // 2 cores: one vitest worker each.
  concurrency: 2,
  // Re-runs only the mutants whose code or covering tests changed since the last run
  // (reports/stryker-incremental.json); `npm run mutate -- --force` runs every mutant again.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  // A mutant that loops forever costs the whole timeout; 2 busy cores make runs vary, hence the margin.
  timeoutMS: 5_000,
  timeoutFactor: 1.5,
  // Mutants in module-level code (the METHODS table, the regexes of validate.ts, AUDIT_RULES …) are
  // "static": each would need the whole suite, about 40 % of the run time for 7 % of the mutants.
  // They are left out by default; `npm run mutate -- --ignoreStatic false` includes them.
  ignoreStatic: true,
  thresholds: { high: 85, low: 70, break: null },
};
