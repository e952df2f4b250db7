/**
 * Reports as one self-contained HTML page: data in, a string out, no I/O. Loaded only by the
 * `report` command (and the library), so nothing here costs the other commands' start-up.
 */
export { ruleLines, type AllocationReportOptions } from './allocation.js';
export { renderAllocationReport } from './allocation-page.js';
export { whatIfData, type WhatIfData, type Settings } from './whatif.js';
export { EXPLAIN_LIMIT } from './allocation.js';
export { renderComparisonReport, type ComparisonReportOptions } from './comparison.js';
export { renderValidationReport, type ValidationReportOptions } from './validation.js';
export { labelsFor } from '../labels.js';

