/**
 * The total-row rule the oracle reads tables by: the product's own (core/total-rows.ts), which
 * tests/unit/total-rows.test.ts holds to its cases. The rule decides which rows are totals; what
 * this oracle checks against the product is everything else (reading cells, the checks, the
 * report), so it shares the rule rather than keep a frozen copy that would disagree with every
 * table the rule has since learned (subtotals, total labels, footnote markers: issue 22's hostile
 * review).
 */
export { findTotalRows } from '../../../src/core/total-rows.js';
