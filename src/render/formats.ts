/**
 * The format table: for each kind of result (render/format-names.ts), the one writer of each
 * format it is written in, xlsx included. A command looks its writer up here (`writerFor`) and
 * nowhere else decides what a format means; a kind and format that do not go together are one
 * error. A new format: its writer in the kind's module, one entry in the kind's row
 * (render/writers/KIND.ts), its name in format-names.ts.
 */
import { StatsbidragError } from '../core/errors.js';
import type { Comparison } from '../core/compare.js';
import type { AllocationView } from './allocation.js';
import type { AwardView } from './award.js';
import type { CompareLayout } from './compare.js';
import { FORMATS_OF, type FormatOf, type ResultKind } from './format-names.js';
import type { Rendered, RenderOptions, Source } from './output.js';
import type { Inputs, KindWriters, Writer } from './writers/shared.js';
import { writers as allocation } from './writers/allocation.js';
import { writers as comparison } from './writers/comparison.js';
import { writers as awards } from './writers/awards.js';
import { writers as validation } from './writers/validation.js';
import { writers as audit } from './writers/audit.js';

export type { Writer } from './writers/shared.js';

/**
 * One row for each kind (render/writers/KIND.ts). A row is undefined only in a command's own CLI bundle
 * (dist/cli-NAME.cjs), which scripts/build-cli.mjs makes without the rows of the kinds that
 * command does not write (its declaration's `writes`): V8 then reads and keeps less at its start.
 */
const WRITERS: { readonly [K in ResultKind]: KindWriters<K> | undefined } = { allocation, comparison, awards, validation, audit };

/** The formats a kind of result is written in. */
export const formatsOf = <K extends ResultKind>(kind: K): readonly FormatOf<K>[] => FORMATS_OF[kind];

/** The one writer of `kind` in `format`; a format the kind is not written in is a usage error. */
export function writerFor<K extends ResultKind>(kind: K, format: string): Writer<K> {
  const row = WRITERS[kind] as Readonly<Record<string, Writer<K>>> | undefined;
  if (row === undefined) throw new Error(`statsbidrag: this command's bundle has no writers of the ${kind} (its declaration's writes, scripts/build-cli.mjs)`);
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
