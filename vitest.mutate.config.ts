import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutate`, docs/mutation.md).
 *
 * - Not tests/e2e: they run the built bundle (dist/cli.cjs), which a mutant in src/ never reaches.
 * - Of tests/property, only the properties of the mutated modules (apportion, audit). The award,
 *   split, bulk and render-csv properties reach apportion only through other modules, take most of
 *   the suite's time (fast-check, hundreds of runs each) and would run in full for every surviving
 *   mutant they cover; on 2 shared cores that made a run take hours.
 * - Not tests/unit/reproduce-published.test.ts: it computes the whole allocation while vitest
 *   collects the file, outside any test, so Stryker would count every mutant on the allocate path
 *   as "static" (run against the whole suite, or ignored).
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/apportion.test.ts', 'tests/property/audit.test.ts'],
    exclude: ['tests/unit/reproduce-published.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
