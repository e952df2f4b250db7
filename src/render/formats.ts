/**
 * The format table: for each kind of result (render/format-names.ts), the one writer of each
 * format it is written in, xlsx included. A command looks its writer up here (`writerFor`) and
 * nowhere else decides what a format means; a kind and format that do not go together are one
 * error. A new format: its writer in the kind's module, one entry here, its name in format-names.ts.
 */
import type { NumberLocale } from '../core/amount.js';
import { StatsbidragError } from '../core/errors.js';
import type { ValidationReport } from '../core/validate.js';
import { allocationCsv, allocationGrids, allocationJsonDocument, type AllocationView } from './allocation.js';
import { awardsCsv, awardsGrids, awardsJsonDocument, type AwardView } from './award.js';
import { comparisonCsvBytes, comparisonGrids, comparisonJsonDocument, type ComparisonView, type CompareLayout } from './compare.js';
import type { Comparison } from '../core/compare.js';
import { FORMATS_OF, type FormatOf, type ResultKind } from './format-names.js';
import { provenanceOf, type Rendered, type RenderOptions, type Source } from './output.js';
import { auditJson } from './audit/json.js';
import type { AuditReportInput } from './audit/model.js';
import { auditText } from './audit/text.js';
import type { ReportPaint } from './report-paint.js';
import { validationGithub } from './validation/github.js';
import { validationJson } from './validation/json.js';
import { validationSummaryLine, validationText } from './validation/text.js';
import { allocationWorkbook, awardsWorkbook, comparisonWorkbook } from './xlsx.js';
import { xlsxChunks } from './xlsx-zip.js';

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

interface Inputs {
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

/** The provenance an xlsx workbook carries: it needs the result's source. */
function sourced(source: Source | undefined): Source {
  if (!source) throw new TypeError('an xlsx workbook carries its provenance: the result needs its source');
  return source;
}

const json = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;

const WRITERS: { readonly [K in ResultKind]: { readonly [F in FormatOf<K>]: Writer<K> } } = {
  allocation: {
    table: allocationGrids,
    md: allocationGrids,
    csv: allocationCsv,
    json: allocationJsonDocument,
    xlsx: (view, o) => xlsxChunks(allocationWorkbook(view, o.locale, provenanceOf(sourced(view.source), o))),
  },
  comparison: {
    table: comparisonGrids,
    md: comparisonGrids,
    csv: comparisonCsvBytes,
    json: comparisonJsonDocument,
    xlsx: (view, o) => xlsxChunks(comparisonWorkbook(view.comparison, o.locale, provenanceOf(sourced(view.source), o), view.layout)),
  },
  awards: {
    table: awardsGrids,
    md: awardsGrids,
    csv: awardsCsv,
    json: awardsJsonDocument,
    xlsx: (view, o) => xlsxChunks(awardsWorkbook(view, o.locale, provenanceOf(sourced(view.source), o))),
  },
  validation: {
    text: (v, o) => (o.summaryOnly ? `${validationSummaryLine(v.report, o.paint, o.locale)}\n` : validationText(v.report, o.paint, o.locale)),
    json: (v, o) => json(validationJson(v.report, o.locale, provenanceOf(v.source, o))),
    github: (v, o) => validationGithub(v.report, v.headers, o.locale),
  },
  audit: {
    text: (a, o) => auditText(a, o.paint, o.locale),
    json: (a, o) => json(auditJson(a, provenanceOf(a.source, o), o.locale)),
  },
};

/** The formats a kind of result is written in. */
export const formatsOf = <K extends ResultKind>(kind: K): readonly FormatOf<K>[] => FORMATS_OF[kind];

/** The one writer of `kind` in `format`; a format the kind is not written in is a usage error. */
export function writerFor<K extends ResultKind>(kind: K, format: string): Writer<K> {
  const row = WRITERS[kind] as Readonly<Record<string, Writer<K>>>;
  if (!Object.hasOwn(row, format)) {
    throw new StatsbidragError('invalid-option', `--format: "${format}" is not a format of the ${kind} (one of ${FORMATS_OF[kind].join(', ')})`, {}, 'usage');
  }
  return row[format]!;
}

/** A text writer: xlsx is bytes, made with render/xlsx.ts (allocationWorkbook, comparisonWorkbook, awardsWorkbook) → render/xlsx-zip.ts xlsxBytes. */
function textOf<K extends 'allocation' | 'comparison' | 'awards'>(kind: K, input: Inputs[K], options: RenderOptions): Rendered {
  if (options.format === 'xlsx') throw new TypeError('xlsx is binary: build it with render/xlsx.ts (allocationWorkbook, comparisonWorkbook, awardsWorkbook) → render/xlsx-zip.ts xlsxBytes');
  return asText(writerFor(kind, options.format)(input, options) as string | Iterable<string | Uint8Array>);
}

/** A text writer's chunks as text (a writer of bytes writes UTF-8). */
function* asText(written: string | Iterable<string | Uint8Array>): Rendered {
  if (typeof written === 'string') {
    yield written;
    return;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (const chunk of written) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** An allocation in a text format: records (csv, json) or grids (table, md), explanations included when asked for. */
export const renderAllocation = (view: AllocationView, options: RenderOptions): Rendered => textOf('allocation', view, options);

/** A comparison in a text format. */
export const renderComparison = (comparison: Comparison, options: RenderOptions, source?: Source, layout: CompareLayout = 'long'): Rendered =>
  textOf('comparison', { comparison, source, layout }, options);

/** Awards in a text format. */
export const renderAwards = (view: AwardView, options: RenderOptions): Rendered => textOf('awards', view, options);
