/**
 * Text → table of cells with physical line numbers. The delimiter is detected here rather than
 * with csv-parse's delimiter_auto, which throws on non-ASCII text such as "Åstorp" in csv-parse 7.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { StatsbidragError } from '../core/errors.js';

export interface TableRow {
  /** Physical line where the record starts (1-based). */
  line: number;
  cells: string[];
}

export interface Table {
  file: string;
  headers: string[];
  rows: TableRow[];
  delimiter: string;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The candidate that occurs most often outside quotes on the header line; "," on a tie. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let inQuotes = false;
  const counts = new Map<string, number>();
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** Fields on the header line, for the "inconsistent columns" message. */
function records0Length(text: string, delimiter: string): number {
  const first = parse(text, { delimiter, bom: true, to_line: 1, relax_column_count: true, relax_quotes: true }) as string[][];
  return first[0]?.length ?? 0;
}

const kebab = (code: string): string => code.replace(/^CSV_/, '').toLowerCase().replace(/_/g, '-');

export function parseTable(text: string, file: string, delimiter?: string): Table {
  if (text.trim() === '') throw new StatsbidragError('empty-file', 'the file is empty', { file });
  const delim = delimiter ?? detectDelimiter(text);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      delimiter: delim,
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e['lines'] === 'number' ? (e['lines'] as number) : undefined;
      const fields = (e['record'] as unknown[] | undefined)?.length;
      const delimName = delim === '\t' ? '\\t' : delim;
      const message =
        e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS'
          ? `this line has ${fields ?? '?'} fields where the header has ${records0Length(text, delim)} (delimiter "${delimName}")`
          : e.code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'CSV syntax: a quoted field opened on this line or before is never closed'
            : `CSV syntax: ${e.message.split(/\.\s|\n/)[0] ?? e.message}`;
      throw new StatsbidragError(`csv-${kebab(e.code)}`, message, { file, line });
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head) throw new StatsbidragError('empty-file', 'the file is empty', { file });
  const headers = head.record;
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h === '') throw new StatsbidragError('empty-header', `column ${i + 1} has no header`, { file, line: 1 });
    if (seen.has(h)) throw new StatsbidragError('duplicate-header', `column "${h}" appears twice in the header`, { file, line: 1, field: h });
    seen.set(h, i);
  });
  const rows = body.map(({ record, info, raw }) => ({
    line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
    cells: record,
  }));
  return { file, headers, rows, delimiter: delim };
}
