/**
 * The formats each kind of result can be written in. Plain data with no imports: the CLI's
 * declarations list them as --format's choices at start-up, and render/formats.ts, the format
 * table, must have exactly one writer for each (its type says so).
 */

/** Tabular results: a terminal table, CSV, JSON, Markdown, and xlsx (binary, render/xlsx.ts). */
export const TABLE_FORMATS = ['table', 'csv', 'json', 'md', 'xlsx'] as const;
/** validate's report. */
export const VALIDATION_FORMATS = ['text', 'json', 'github'] as const;
/** audit's report. */
export const AUDIT_FORMATS = ['text', 'json'] as const;

export const FORMATS_OF = {
  allocation: TABLE_FORMATS,
  comparison: TABLE_FORMATS,
  awards: TABLE_FORMATS,
  validation: VALIDATION_FORMATS,
  audit: AUDIT_FORMATS,
} as const;

/** What a command writes. */
export type ResultKind = keyof typeof FORMATS_OF;
/** The formats a kind of result is written in. */
export type FormatOf<K extends ResultKind> = (typeof FORMATS_OF)[K][number];
