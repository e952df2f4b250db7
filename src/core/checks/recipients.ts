/**
 * Recipients: empty names, duplicates, and against the programme's list: unknown and missing
 * recipients. Also what the later checks need from it: which rows are duplicates, the list's
 * entry (and so its weight) for each matched row, and the list's recipients the table lacks.
 * Linear, with no object or string kept per row: names are matched by their recipient keys in
 * typed-array hash sets (key-index.ts).
 */
import { codeIdentifies } from '../columns.js';
import { codeKey, recipientKey } from '../recipient-key.js';
import type { Decimal } from '../decimal.js';
import { KeyIndex } from '../key-index.js';
import { finding, type Finding, type IdSpans, type ReferenceList, type TableContext, type ValidateOptions } from './types.js';

/** Row flags: a row that repeats an earlier one; a row not in the list. */
const DUPLICATE = 1;
const UNKNOWN = 2;

export interface RecipientFacts {
  findings: Finding[];
  /** Whether recipient-row `pos` repeats an earlier row. */
  isDuplicate(pos: number): boolean;
  /** Whether recipient-row `pos` is not in the list (reported once each; left out of the rule and the sums' explanation). */
  isUnknown(pos: number): boolean;
  /** Recipient-row positions that are unknown or repeat an earlier row, ascending. */
  setApart: number[];
  /** Recipient-row position → the list's entry it matched (-1: none). */
  listEntry: Int32Array | undefined;
  /** Recipient-row `pos` → the list's weight for it. */
  listWeight(pos: number): Decimal | undefined;
  /** The list's recipients with no row in the table, by their positions in the list. */
  missing: number[];
  /** The list the rows were matched against. */
  list: ReferenceList | undefined;
}

export function checkRecipients(ctx: TableContext, options: ValidateOptions, list: ReferenceList | undefined): RecipientFacts {
  const findings: Finding[] = [];
  const column = ctx.headers[ctx.idCol]!;
  const n = ctx.count;
  const flags = new Uint8Array(n);
  const inOrder = list !== undefined && inListOrder(ctx, list);
  if (!inOrder) {
    const keyOfRow = (pos: number): string => recipientKey(ctx.id(pos));
    const seen = new KeyIndex(n, keyOfRow);
    for (let pos = 0; pos < n; pos++) {
      const id = ctx.id(pos);
      if (id === '') {
        findings.push(finding({ code: 'empty-recipient', severity: 'error', row: ctx.line(pos), column }));
        continue;
      }
      const first = seen.add(recipientKey(id), pos);
      if (first >= 0) {
        flags[pos] = flags[pos]! | DUPLICATE;
        findings.push(finding({ code: 'duplicate-recipient', severity: 'error', row: ctx.line(pos), column, recipient: id, firstLine: ctx.line(first) }));
      }
    }
    // One code on two rows is one recipient, whatever the names say (a digit code's leading zeros do
    // not count). Against a list, the list's names and codes say which row is wrong (name-code-mismatch, below).
    if (ctx.codeCol !== undefined && list === undefined && codeIdentifies(ctx.headers, ctx.idCol, ctx.codeCol)) {
      const codeColumn = ctx.headers[ctx.codeCol]!;
      const codes = new KeyIndex(n, (pos) => codeKey(ctx.cell(pos, ctx.codeCol!)));
      for (let pos = 0; pos < n; pos++) {
        const code = ctx.cell(pos, ctx.codeCol).trim();
        if (!code || flags[pos]! & DUPLICATE) continue;
        const first = codes.add(codeKey(code), pos);
        if (first >= 0) {
          flags[pos] = flags[pos]! | DUPLICATE;
          findings.push(finding({ code: 'duplicate-recipient', severity: 'error', row: ctx.line(pos), column: codeColumn, recipient: ctx.id(pos), firstLine: ctx.line(first), sameCode: code }));
        }
      }
    }
  }

  let listEntry: Int32Array | undefined;
  const missing: number[] = [];
  if (list) {
    const source = options.expectedSource ?? null;
    const kind = options.allocation ? ('allocation' as const) : ('programme' as const);
    const matched = new Uint8Array(list.length);
    listEntry = new Int32Array(n).fill(-1);
    const lostZeros: { recipient: string; line: number; tableCode: string; listCode: string }[] = [];
    /** Row `pos` (named `id`, with `code`) is the list's entry e, found by its name (`named`) or by its code. */
    const match = (pos: number, idOf: () => string, code: string | undefined, e: number, named: boolean): void => {
      // Names against codes: a known name with another's code, or a known code with another name.
      const listCode = list.code(e)?.trim();
      if (code && listCode && code !== listCode && /^0+\d/.test(listCode) && listCode.replace(/^0+/, '') === code) {
        // 0123 read as the number 123 by a spreadsheet: named once for all such rows, below.
        lostZeros.push({ recipient: idOf(), line: ctx.line(pos), tableCode: code, listCode });
      } else if (code && listCode && code !== listCode) {
        const codeColumn = ctx.headers[ctx.codeCol!]!;
        findings.push(finding({ code: 'name-code-mismatch', severity: 'error', row: ctx.line(pos), column: codeColumn, recipient: idOf(), expected: listCode, actual: code, by: 'name', listName: list.id(e), listCode, tableCode: code, source, list: kind }));
      } else if (!named && listCode) {
        const id = idOf();
        findings.push(finding({ code: 'name-code-mismatch', severity: 'error', row: ctx.line(pos), column, recipient: id, expected: list.id(e), actual: id, by: 'code', listName: list.id(e), listCode, tableCode: code!, source, list: kind }));
      }
      matched[e] = 1;
      listEntry![pos] = e;
    };
    const codeOf = (pos: number): string | undefined => (ctx.codeCol === undefined ? undefined : ctx.cell(pos, ctx.codeCol).trim());
    if (inOrder) {
      // Row i is the list's entry i, by name: no row is empty, repeated, unknown or missing.
      for (let pos = 0; pos < n; pos++) match(pos, () => ctx.id(pos), codeOf(pos), pos, true);
    } else {
      // The list's last entry with each key (as a Map made from the list's entries has it), and each code (made when a row's name is not found).
      const listKey = (i: number): string => recipientKey(list.id(i));
      const byName = new KeyIndex(list.length, listKey);
      for (let i = list.length - 1; i >= 0; i--) byName.add(listKey(i), i);
      let byCode: Map<string, number> | undefined;
      const codeEntry = (code: string): number | undefined => {
        if (!byCode) {
          byCode = new Map();
          // The last entry with a code, as a Map made from the list's entries has it.
          for (let i = 0; i < list.length; i++) {
            const c = list.code(i);
            if (c) byCode.set(c.trim(), i);
          }
        }
        return byCode.get(code);
      };
      for (let pos = 0; pos < n; pos++) {
        const id = ctx.id(pos);
        if (id === '') continue;
        const code = codeOf(pos);
        const found = byName.get(recipientKey(id));
        const named = found >= 0 ? found : undefined;
        const e = named ?? (code ? codeEntry(code) : undefined);
        if (e === undefined) {
          flags[pos] = flags[pos]! | UNKNOWN;
          findings.push(finding({ code: 'unknown-recipient', severity: 'error', row: ctx.line(pos), column, recipient: id, source, list: kind }));
          continue;
        }
        match(pos, () => id, code, e, named !== undefined);
      }
    }
    if (lostZeros.length) findings.push(finding({ code: 'codes-lost-leading-zeros', severity: 'error', column: ctx.headers[ctx.codeCol!]!, row: lostZeros[0]!.line, rows: lostZeros }));
    for (let i = 0; i < list.length; i++) {
      if (matched[i]) continue;
      missing.push(i);
      findings.push(finding({ code: 'missing-recipient', severity: 'error', recipient: list.id(i), source, listLine: list.line(i) ?? null, list: kind }));
    }
  }
  const setApart: number[] = [];
  for (let pos = 0; pos < n; pos++) if (flags[pos]) setApart.push(pos);
  const entries = listEntry;
  return {
    findings,
    isDuplicate: (pos) => (flags[pos]! & DUPLICATE) !== 0,
    isUnknown: (pos) => (flags[pos]! & UNKNOWN) !== 0,
    setApart,
    listEntry,
    listWeight: (pos) => {
      const e = entries?.[pos] ?? -1;
      return e < 0 ? undefined : list!.weight(e);
    },
    missing,
    list,
  };
}

/**
 * Whether the table's rows are the list's recipients in the list's order (row i names entry i),
 * for a list whose recipients are all distinct: then no row is empty, repeated, unknown or
 * missing, and nothing needs a hash of every name (a table allocate wrote is such).
 */
function inListOrder(ctx: TableContext, list: ReferenceList): boolean {
  if (!list.distinct || list.length !== ctx.count) return false;
  const same = sameSlices(ctx.idSpans, list.idSpans);
  for (let pos = 0; pos < ctx.count; pos++) {
    if (same?.(pos)) continue;
    const id = ctx.id(pos);
    const listed = list.id(pos);
    if (id === '' || (id !== listed && recipientKey(id) !== recipientKey(listed))) return false;
  }
  return true;
}

/** Whether name `pos` of a and of b are the same non-empty slice of bytes (true: one id; false: compare their text). */
function sameSlices(a: IdSpans | undefined, b: IdSpans | undefined): ((pos: number) => boolean) | undefined {
  if (!a || !b) return undefined;
  const x = a.bytes;
  const y = b.bytes;
  return (pos) => {
    const s = a.start(pos);
    const t = b.start(pos);
    const n = a.end(pos) - s;
    if (s < 0 || t < 0 || n <= 0 || b.end(pos) - t !== n) return false;
    for (let k = 0; k < n; k++) if (x[s + k] !== y[t + k]) return false;
    return true;
  };
}
