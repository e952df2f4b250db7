import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutate`, docs/mutation.md): the unit and
 * property tests only. The end-to-end tests in tests/e2e run the built bundle (dist/cli.cjs),
 * which a mutant in src/ never reaches, so they could only cost time.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
    // It computes the whole allocation while vitest collects the file, outside any test, so Stryker
    // would count every mutant on the allocate path as "static" (run against the whole suite, or
    // ignored). The unit and property tests of apportion and split pin that behaviour per test.
    exclude: ['tests/unit/reproduce-published.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
