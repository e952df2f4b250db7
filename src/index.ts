/** The library API: the use cases (what each command does), the pure core, the loaders and the renderers. */
export { allocateUseCase, type AllocateRequest, type AllocationResult, type BulkAllocation } from './app/allocate.js';
export { validateUseCase, type ValidateRequest, type ValidateResult } from './app/validate.js';
export { auditUseCase, type AuditRequest, type AuditReport } from './app/audit.js';
export { compareUseCase, compareTablesUseCase, compareInputsUseCase, type CompareRequest } from './app/compare.js';
export { awardUseCase, type AwardRequest, type AwardOutcome } from './app/award.js';
export { readTable, tableFromText, type Table, type Dialect } from './io/table.js';
export { tableFromXlsx } from './io/xlsx.js';
export { allocationWorkbook, comparisonWorkbook, awardsWorkbook, type Workbook, type Sheet, type SheetCell } from './render/xlsx.js';
export { xlsxBytes, xlsxChunks } from './render/xlsx-zip.js';
export { columnRoles, type ColumnRoles } from './core/columns.js';
export { type AllocationView } from './render/allocation.js';
export { renderAllocation, renderComparison, renderAwards } from './render/formats.js';
export { FORMATS, DEFAULT_RENDER, provenanceOf, type Format, type RenderOptions, type Rendered, type Provenance, type Source } from './render/output.js';
export { Decimal } from './core/decimal.js';
export { parseAmount, parseAmountOrPercent, AmountParseError } from './core/amount.js';
export { formatAmount, formatPercent } from './render/money.js';
export { StatsbidragError, describeError, type Location } from './core/errors.js';
export { parseYearRange, formatYearRange, yearsOf, type YearRange } from './core/schedule.js';
export { split, type Split, type SplitRequest, type SplitRow, type Recipient, type RowExplanation } from './core/split.js';
export { splitColumns, columnAmount, type ColumnsSplitRequest, type ColumnsSplit } from './app/split-columns.js';
export { allocate, type Allocation, type AllocateOptions, type PeriodAllocation, type AdminSpec } from './core/allocate.js';
export {
  methodByName,
  METHOD_NAMES,
  isMethod,
  type Method,
  MODIFIABLE_METHODS,
  largestRemainder,
  roundNearest,
  roundDown,
  roundUp,
  divisorMethod,
  dhondtDivisor,
  sainteLagueDivisor,
  huntingtonHillDivisor,
  adamsDivisor,
  apportionWithin,
  checkFeasible,
  type MethodInfo,
  type MethodOptions,
  type MethodKind,
  type DivisorFunction,
  type UnitBounds,
  type BoundedResult,
  type BoundHit,
  type ApportionMethod,
  type ApportionProblem,
  type ApportionResult,
  type Fraction,
  type Priority,
  type RowDecision,
} from './core/apportion/index.js';
export type { Programme, Period, Rules } from './core/programme.js';
export { resolveColumn } from './core/columns.js';
export { loadRules, loadRecipients, loadTable, DEFAULT_RULES, DATA_DIR } from './io/load.js';
export { allocationJson, allocationRecords, type AllocationJson, type AllocationMoneyJson, type AllocationPeriodJson, type AllocationTotalsJson } from './render/allocation.js';
export { explainJson, explainRecords, type ExplainRowJson } from './render/explain.js';
export { loadRecipientsWithBounds, boundsFromTable } from './io/bounds.js';
export { validateTable, expectedRecipientsFromTable, type ValidationReport, type ValidateOptions, type Finding, type ColumnSummary, type TotalCheck, type ExpectedRecipient } from './core/validate.js';
export { audit, auditRowsFromTable, rowInterval, gapInterval, AUDIT_RULES, PLAUSIBLE_UNITS, type AuditResult, type AuditRow, type AuditRule, type RuleFit, type CellRepair } from './core/audit.js';
export { rat, formatRational, formatInterval, integerRange, type Rational, type Interval, type Bound } from './core/rational.js';
export { ratFromDecimal } from './core/scaled.js';
export { validationJson } from './render/validation/json.js';
export { validationText } from './render/validation/text.js';
export { auditJson, type AuditJson, type AuditFitJson, type IntervalJson, type BoundJson } from './render/audit/json.js';
export { auditText } from './render/audit/text.js';
export { applyScenario, baselineScenario, type Scenario, type AppliedScenario } from './core/scenario.js';
export { compare, noDifferences, type Comparison, type CompareRow, type CompareCell, type CompareSide, type StatedFigure } from './core/compare.js';
export { award, ration, canonicalType, RATIONINGS, type Application, type AwardResult, type AwardRules, type AwardReason, type Rationing } from './core/award.js';
export { scenarioFromJson } from './io/scenario-schema.js';
export { loadScenario, resolveScenario } from './io/scenario-files.js';
export { loadApplications } from './io/applications.js';
export { compareJson, compareRecords, paradoxNotes, type ComparisonJson, type CompareCellJson, type ParadoxJson } from './render/compare.js';
export type { ParadoxCheck, ParadoxFlag, ParadoxKind, NotCheckedReason } from './core/paradox.js';
export { awardJson, awardRecords, reasonText, type AwardsJson, type AwardApplicationJson } from './render/award.js';
