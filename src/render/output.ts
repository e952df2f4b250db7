/**
 * The one renderer interface: a command's result and these options in, the output as chunks of
 * text out (a generator, so large outputs can be written as they are made). Which format, which
 * number locale, which CSV dialect and which colours are decided by the caller (the CLI).
 */
import type { NumberLocale } from '../core/amount.js';
import type { CsvOptions } from './csv.js';
import { TABLE_FORMATS } from './format-names.js';
import { markdownChunks, NO_PAINT, tableChunks, type Grid, type Paint } from './grid.js';

/** Text formats, and xlsx: binary, written by render/xlsx.ts (a Workbook → bytes), not by the text renderers (render/formats.ts maps each to its writer). */
export const FORMATS = TABLE_FORMATS;
export type Format = (typeof FORMATS)[number];

/** Where a result comes from: enough to reproduce it. JSON output carries it as "provenance". */
export interface Provenance {
  tool: 'statsbidrag';
  version: string;
  programme: string | null;
  /** The rules file and the SHA-256 of its bytes; null when no rules were read (a free split). */
  rules: { file: string; sha256: string } | null;
  /** The command line that produced it, when it came from the CLI. */
  command: string | null;
}

/** The part of the provenance a use case knows. */
export type Source = Omit<Provenance, 'tool' | 'command'>;

export function provenanceOf(source: Source, options: Pick<RenderOptions, 'command'>): Provenance {
  return { tool: 'statsbidrag', version: source.version, programme: source.programme, rules: source.rules, command: options.command ?? null };
}

export interface RenderOptions {
  /** The command line, for the provenance of JSON output. */
  command?: string | undefined;
  format: Format;
  locale: NumberLocale;
  csv: CsvOptions;
  /** Colours for the terminal table; NO_PAINT elsewhere. */
  paint: Paint;
}

export const DEFAULT_RENDER: RenderOptions = { format: 'table', locale: 'sv', csv: {}, paint: NO_PAINT };

export type Rendered = Iterable<string>;

/** A JSON document as the tool writes it: two-space indent, a final newline. */
export function* jsonDocument(doc: unknown): Rendered {
  yield `${JSON.stringify(doc, null, 2)}\n`;
}

/** A titled section of grids and notes, as a terminal table or Markdown ("###" title, "-" notes). */
export interface Section {
  title: string;
  grids: Grid[];
  /** Written after the grids, one a line (made as they are written when an iterator). */
  notes: Iterable<string>;
}

/** Sections in the terminal layout (format "table") or Markdown ("md"); the first is the main one, the rest are sub-sections. */
export function* gridSections(sections: readonly Section[], options: Pick<RenderOptions, 'format' | 'paint'>): Rendered {
  if (options.format === 'xlsx') throw new TypeError('xlsx is binary: build it with render/xlsx.ts (allocationWorkbook, comparisonWorkbook, awardsWorkbook) → render/xlsx-zip.ts xlsxBytes');
  const md = options.format === 'md';
  const paint = options.paint;
  for (const [i, s] of sections.entries()) {
    if (i > 0) yield '\n';
    yield md ? `${i === 0 ? '###' : '####'} ${s.title}\n\n` : `${paint.header(s.title)}\n\n`;
    for (const [k, g] of s.grids.entries()) {
      if (k > 0) yield '\n';
      yield* md ? markdownChunks(g) : tableChunks(g, paint);
    }
    // Notes as they are made (award's name a row each), a chunk at a time.
    let text = '\n';
    let count = 0;
    for (const n of s.notes) {
      text += `${count > 0 ? '\n' : ''}${md ? `- ${n}` : paint.dim(n)}`;
      if (++count % 2048 === 0) {
        yield text;
        text = '';
      }
    }
    yield `${text}\n`;
  }
}
