/**
 * Reports as one self-contained HTML page: data in, a string out, no I/O. Loaded only by the
 * `report` command (and the library), so nothing here costs the other commands' start-up.
 */
export { ruleLines } from './allocation.js';
export { allocationReportChunks, renderAllocationReport } from './allocation-page.js';
export { whatIfData } from './whatif.js';

export { renderComparisonReport } from './comparison.js';
export { renderValidationReport } from './validation.js';
export { labelsFor } from '../labels.js';

