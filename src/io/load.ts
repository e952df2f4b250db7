/**
 * Files → validated records. Every error names the file and where in it (line and field for
 * CSV, JSON path for JSON), so the CLI can print one line a user can act on.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { AmountParseError, parseAmount, type DecimalMark } from '../core/amount.js';
import { columnMark, readCell, someRows, type TableLike } from '../core/cells.js';
import { codeIdentifies, guessCodeColumn, guessIdColumn, resolveColumn } from '../core/columns.js';
import { recipientKey, repeatedCode, sameCodeError, visibleName } from '../core/recipient-key.js';
import { countyAsRecipientNote, findTotalRows, refuseUnmatchedTotals, sumsHeldNote, totalRowNote } from '../core/total-rows.js';
import { note } from './notes.js';
import type { Decimal } from '../core/decimal.js';
import { located, StatsbidragError, type ErrorCode } from '../core/errors.js';
import type { Rules } from '../core/programme.js';
import type { Recipient } from '../core/split.js';
import { readBytes } from './read.js';
import { readTable, type Table } from './table.js';
import { decodeBytes } from './decode.js';
import { packageRoot, resolveInput } from './paths.js';
import { formatJsonPath } from './json-path.js';
import { stampedRules } from './rules-stamp.js';

/** The bundled data folder. */
export const DATA_DIR = resolve(packageRoot(), 'data');
export const DEFAULT_RULES = resolve(DATA_DIR, 'rules.json');

/** The table reader (table.ts), under the name the library has exported since 0.1. */
export async function loadTable(file: string, delimiter?: string): Promise<Table> {
  return readTable(file, delimiter ? { delimiter } : {});
}

import { parseJson } from './json.js';

export { parseJson };

/** Validate parsed JSON against a zod schema; the first issue becomes a located error. */
export function checkSchema<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, file: string, code: ErrorCode): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  throw new StatsbidragError(code, `${issue.message}${more}`, { file, path: formatJsonPath(issue.path) });
}

export interface LoadedRules {
  rules: Rules;
  file: string;
  /** SHA-256 of the file's bytes, for provenance: which rules a result was computed under. */
  sha256: string;
  /** Folder that relative paths inside the rules file are resolved against. */
  dir: string;
}

/**
 * A rules file, validated by the schema (schemas.ts). The bundled file (no `file` given) whose
 * bytes are the ones the CLI's build validated is taken from the build's stamp instead (rules-stamp.ts):
 * the same result without loading zod or node:crypto at start-up.
 */
export async function loadRules(rulesFile?: string): Promise<LoadedRules> {
  const file = rulesFile ?? DEFAULT_RULES;
  const bytes = await readBytes(file);
  const dir = (): string => (file === '-' ? process.cwd() : dirname(resolve(resolveInput(file))));
  const stamped = rulesFile === undefined ? stampedRules(bytes) : undefined;
  if (stamped) return { rules: stamped.rules, file, sha256: stamped.sha256, dir: dir() };
  const json = parseJson((await decodeBytes(bytes, file)).text, file, { uniqueKeys: true });
  const { rulesSchema } = await import('./schemas.js');
  const rules = checkSchema(rulesSchema, json, file, 'invalid-rules');
  // Loaded here, not at start-up, which needs it only for a rules file other than the bundled one.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { rules, file, sha256, dir: dir() };
}

export interface RecipientColumns {
  /** Recipient column (header, or a year for weight columns); guessed when absent. */
  id?: string;
  code?: string;
  /** Weight column. */
  basis: string;
}

/** Read one cell as an amount, with the file, line and field in any error. */
export function cellAmount(text: string, file: string, line: number, field: string, decimalMark?: ',' | '.'): Decimal {
  try {
    return parseAmount(text, decimalMark ? { decimalMark } : {});
  } catch (e) {
    if (e instanceof AmountParseError) throw e.at({ file, line, field });
    throw e;
  }
}

/**
 * A recipient read from a table keeps the weight's text and makes the Decimal when `weight` is
 * read (an own, enumerable getter, so spreading a recipient copies the value). A Decimal costs
 * about 250 bytes; a million recipients holding one each took 250 MB of the heap.
 */
const WEIGHT: PropertyDescriptor = {
  enumerable: true,
  get(this: { weightText: string }) {
    return parseAmount(this.weightText);
  },
};
const WEIGHT_BY_MARK: Record<DecimalMark, PropertyDescriptor> = {
  ',': { enumerable: true, get(this: { weightText: string }) { return parseAmount(this.weightText, { decimalMark: ',' }); } },
  '.': { enumerable: true, get(this: { weightText: string }) { return parseAmount(this.weightText, { decimalMark: '.' }); } },
};

/**
 * Table → recipients with weights, checking ids are present and unique and weights are amounts ≥ 0.
 * `check`: the same checks, the same first error, but no recipient kept (an empty list returned):
 * the first problem of a list too large to hold as objects (app/heap-budget.ts).
 */
export function recipientsFromTable(table: Table, columns: RecipientColumns, check = false): Recipient[] {
  const { file, headers } = table;
  const where = (e: unknown): never => {
    throw located(e, { file });
  };
  let idCol = 0;
  let basisCol = 0;
  let codeCol: number | undefined;
  try {
    idCol = columns.id ? resolveColumn(headers, columns.id, 'recipient column') : guessIdColumn(headers);
    basisCol = resolveColumn(headers, columns.basis, 'basis column');
    codeCol = columns.code ? resolveColumn(headers, columns.code, 'code column') : guessCodeColumn(headers);
  } catch (e) {
    where(e);
  }
  if (codeCol === idCol || codeCol === basisCol) codeCol = undefined;
  if (table.rowCount === 0) throw new StatsbidragError('no-rows', 'has a header but no rows', { file, line: 2 });
  const mark = columnMark(table, basisCol);
  const rows = withoutTotalRows(table, idCol, [basisCol]);
  const seen = new Map<string, { line: number; id: string }>();
  let positive = false;
  const recipient = (r: number): Recipient => {
    const line = rows.line(r);
    const id = rows.cell(r, idCol);
    const idField = headers[idCol]!;
    const basisField = headers[basisCol]!;
    if (id === '') throw new StatsbidragError('missing-recipient', 'empty recipient name', { file, line, field: idField });
    const key = recipientKey(id);
    const first = seen.get(key);
    if (first !== undefined) throw sameRecipientError(file, first, { line, id });
    seen.set(key, { line, id });
    const raw = rows.cell(r, basisCol);
    if (raw === '') throw new StatsbidragError('missing-value', `no value for "${id}"`, { file, line, field: basisField });
    const weight = cellAmount(raw, file, line, basisField, mark);
    if (weight.isNegative()) {
      throw new StatsbidragError('negative-weight', `"${raw}" is negative; weights must be zero or more`, { file, line, field: basisField });
    }
    if (weight.gt(0)) positive = true;
    const code = codeCol === undefined ? undefined : rows.cell(r, codeCol);
    return Object.defineProperty({ id, ...(code ? { code } : {}), line, weightText: raw }, 'weight', mark ? WEIGHT_BY_MARK[mark] : WEIGHT) as unknown as Recipient;
  };
  let recipients: Recipient[] = [];
  if (check) for (let r = 0; r < rows.rowCount; r++) recipient(r);
  else recipients = Array.from({ length: rows.rowCount }, (_, r) => recipient(r));
  // One code on two rows is one recipient, whatever the names say.
  const again = codeCol === undefined || !codeIdentifies(headers, idCol, codeCol) ? undefined : repeatedCode(rows.rowCount, (r) => rows.cell(r, codeCol!));
  if (again) {
    const [first, second] = again.map((r) => ({ line: rows.line(r), id: rows.cell(r, idCol), code: rows.cell(r, codeCol!) }));
    throw sameCodeError(file, first!, second!);
  }
  if (!positive) {
    throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight', { file, field: headers[basisCol]! });
  }
  return recipients;
}

/**
 * Two rows that are one recipient (core/recipient-key.ts) where money would be paid: one line
 * naming both. Shared by every reader of a list that is paid (allocate, its bulk lane, award).
 */
export function sameRecipientError(file: string, first: { line: number; id: string }, second: { line: number; id: string }): StatsbidragError {
  const names = first.id === second.id ? `"${first.id}" appears twice` : `"${visibleName(first.id)}" and "${visibleName(second.id)}" are the same recipient`;
  return new StatsbidragError('duplicate-recipient', `lines ${first.line} and ${second.line}: ${names} (names match regardless of case, Unicode form, surrounding and zero-width spaces, and a footnote mark at the end), and would be paid twice`, { file });
}

/**
 * The table's rows less its total rows (core/total-rows.ts), each set aside with a note naming it.
 * `amountCols` are the columns whose sums a total row holds.
 */
export function withoutTotalRows(table: TableLike, nameCol: number, amountCols: readonly number[]): TableLike {
  const aside = new Set(totalRowsAside(table, nameCol, amountCols));
  if (aside.size === 0) return table;
  const keep: number[] = [];
  for (let r = 0; r < table.rowCount; r++) if (!aside.has(r)) keep.push(r);
  return someRows(table, keep);
}

/** The rows withoutTotalRows() sets aside (ascending), each said in its note. */
export function totalRowsAside(table: TableLike, nameCol: number, amountCols: readonly number[]): number[] {
  const totals = findTotalRows({
    count: table.rowCount,
    name: (i) => table.cell(i, nameCol),
    amounts: (i) =>
      amountCols.map((c) => {
        const cell = readCell(table.cell(i, c), columnMark(table, c));
        return cell.kind === 'ok' ? cell.value : undefined;
      }),
    sumsHeldByRecipient: (i) => note(sumsHeldNote(table.file, table.line(i), table.cell(i, nameCol))),
    countyAsRecipient: (i) => note(countyAsRecipientNote(table.file, table.line(i), table.cell(i, nameCol))),
  });
  refuseUnmatchedTotals(totals, table.file, (i) => table.line(i), (i) => table.cell(i, nameCol), table.headers[nameCol]!);
  for (const t of totals) note(totalRowNote(table.file, table.line(t.index), table.cell(t.index, nameCol), t.by));
  return totals.map((t) => t.index).sort((a, b) => a - b);
}

export async function loadRecipients(file: string, columns: RecipientColumns, delimiter?: string): Promise<Recipient[]> {
  return recipientsFromTable(await loadTable(file, delimiter), columns);
}
