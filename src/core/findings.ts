/**
 * The codes of validate's findings: problems found in a published table, reported as data (the
 * report lists them; the run goes on). Not errors: an error stops a command, a finding does not.
 * The one list lives with the checks (checks/codes.ts); docs/error-codes.md is generated from it too.
 */
import type { AmountErrorCode } from './amount.js';
import type { FindingCode } from './checks/codes.js';

export { FINDING_CODES } from './checks/codes.js';

/** A cell that cannot be read is a finding with the parser's code: every such code is a finding code. */
({}) as AmountErrorCode satisfies FindingCode;
