/**
 * What every kind's writers share (render/writers/KIND.ts): the inputs and options each kind's
 * writers take, a writer's type, and the helpers the rows use. render/formats.ts puts the rows
 * together into the format table.
 */
import type { NumberLocale } from '../../core/amount.js';
import type { ValidationReport } from '../../core/validate.js';
import type { AllocationView } from '../allocation.js';
import type { AwardView } from '../award.js';
import type { ComparisonView } from '../compare.js';
import type { FormatOf, ResultKind } from '../format-names.js';
import type { RenderOptions, Source } from '../output.js';
import type { AuditReportInput } from '../audit/model.js';
import type { ReportPaint } from '../report-paint.js';

/** What a writer writes: text or UTF-8 bytes in chunks (the allocation's CSV), or (xlsx) a workbook's bytes as they are zipped. */
type Written = string | Iterable<string | Uint8Array> | AsyncIterable<Uint8Array>;

/** The options of validate's and audit's reports. */
interface ReportOptions {
  /** The command line, for the provenance of JSON output. */
  command?: string | undefined;
  locale: NumberLocale;
  paint: ReportPaint;
  /** validate --quiet: only the summary line of the text report. */
  summaryOnly?: boolean | undefined;
}

/** What validate hands its writers. */
interface ValidationView {
  report: ValidationReport;
  /** The table's headers (GitHub annotations name the cell's column). */
  headers: readonly string[];
  source: Source;
}

/** What audit hands its writers. */
type AuditView = AuditReportInput & { source: Source };

export interface Inputs {
  allocation: AllocationView;
  comparison: ComparisonView;
  awards: AwardView;
  validation: ValidationView;
  audit: AuditView;
}
interface Options {
  allocation: RenderOptions;
  comparison: RenderOptions;
  awards: RenderOptions;
  validation: ReportOptions;
  audit: ReportOptions;
}

export type Writer<K extends ResultKind> = (input: Inputs[K], options: Options[K]) => Written;

/** One kind's row of the format table: a writer for each format the kind is written in (render/format-names.ts). */
export type KindWriters<K extends ResultKind> = { readonly [F in FormatOf<K>]: Writer<K> };

/** The provenance an xlsx workbook carries: it needs the result's source. */
export function sourced(source: Source | undefined): Source {
  if (!source) throw new TypeError('an xlsx workbook carries its provenance: the result needs its source');
  return source;
}

