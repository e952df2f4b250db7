/**
 * Recipients: empty names, duplicates, and against the programme's list: unknown and missing
 * recipients. Also what the later checks need from it: which rows are duplicates, the list's
 * weight for each matched row, and the list's recipients the table lacks.
 */
import { codeIdentifies } from '../../../../src/core/columns.js';
import { codeKey, recipientKey } from '../../../../src/core/recipient-key.js';
import type { Decimal } from '../../../../src/core/decimal.js';
import { finding, type ExpectedRecipient, type Finding, type TableContext, type ValidateOptions } from './types.js';

export interface RecipientFacts {
  findings: Finding[];
  /** Recipient-row positions that repeat an earlier row. */
  duplicate: Set<number>;
  /** Recipient-row position → the list's entry it matched. */
  listEntry: Map<number, ExpectedRecipient>;
  /** Recipient-row position → the list's weight for it. */
  listWeight: Map<number, Decimal>;
  /** The list's recipients with no row in the table. */
  missing: ExpectedRecipient[];
  /** Recipient-row positions not in the list (reported once each; left out of the rule and the sums' explanation). */
  unknown: Set<number>;
}

export function checkRecipients(ctx: TableContext, options: ValidateOptions): RecipientFacts {
  const findings: Finding[] = [];
  const column = ctx.headers[ctx.idCol]!;
  const seen = new Map<string, number>();
  const duplicate = new Set<number>();
  ctx.recipientRows.forEach((r, pos) => {
    if (r.id === '') {
      findings.push(finding({ code: 'empty-recipient', severity: 'error', row: r.line, column }));
      return;
    }
    const first = seen.get(recipientKey(r.id));
    if (first !== undefined) {
      duplicate.add(pos);
      findings.push(finding({ code: 'duplicate-recipient', severity: 'error', row: r.line, column, recipient: r.id, firstLine: first }));
    } else {
      seen.set(recipientKey(r.id), r.line);
    }
  });
  // One code on two rows, with no list to say which row is wrong: one recipient twice (the rule since
  // a hostile review found allocate paying both; core/checks/recipients.ts).
  if (ctx.codeCol !== undefined && !options.expected && !options.allocation && codeIdentifies(ctx.headers, ctx.idCol, ctx.codeCol)) {
    const codeColumn = ctx.headers[ctx.codeCol]!;
    const codes = new Map<string, number>();
    ctx.recipientRows.forEach((r, pos) => {
      const code = (r.cells[ctx.codeCol!] ?? '').trim();
      if (code === '' || duplicate.has(pos)) return;
      const first = codes.get(codeKey(code));
      if (first !== undefined) {
        duplicate.add(pos);
        findings.push(finding({ code: 'duplicate-recipient', severity: 'error', row: r.line, column: codeColumn, recipient: r.id, firstLine: first, sameCode: code }));
      } else codes.set(codeKey(code), r.line);
    });
  }

  const listWeight = new Map<number, Decimal>();
  const listEntry = new Map<number, ExpectedRecipient>();
  const missing: ExpectedRecipient[] = [];
  const unknown = new Set<number>();
  const list = options.expected;
  if (list) {
    const source = options.expectedSource ?? null;
    const kind = options.allocation ? ('allocation' as const) : ('programme' as const);
    const byName = new Map(list.map((e) => [recipientKey(e.id), e]));
    const byCode = new Map(list.flatMap((e) => (e.code ? [[e.code.trim(), e] as const] : [])));
    const matched = new Set<ExpectedRecipient>();
    const lostZeros: { recipient: string; line: number; tableCode: string; listCode: string }[] = [];
    ctx.recipientRows.forEach((r, pos) => {
      if (r.id === '') return;
      const code = ctx.codeCol === undefined ? undefined : r.cells[ctx.codeCol]?.trim();
      const named = byName.get(recipientKey(r.id));
      const e = named ?? (code ? byCode.get(code) : undefined);
      if (!e) {
        unknown.add(pos);
        findings.push(finding({ code: 'unknown-recipient', severity: 'error', row: r.line, column, recipient: r.id, source, list: kind }));
        return;
      }
      // Names against codes: a known name with another's code, or a known code with another name.
      const listCode = e.code?.trim();
      if (code && listCode && code !== listCode && /^0+\d/.test(listCode) && listCode.replace(/^0+/, '') === code) {
        // 0123 read as the number 123 by a spreadsheet: named once for all such rows, below.
        lostZeros.push({ recipient: r.id, line: r.line, tableCode: code, listCode });
      } else if (code && listCode && code !== listCode) {
        const codeColumn = ctx.headers[ctx.codeCol!]!;
        findings.push(finding({ code: 'name-code-mismatch', severity: 'error', row: r.line, column: codeColumn, recipient: r.id, expected: listCode, actual: code, by: 'name', listName: e.id, listCode, tableCode: code, source, list: kind }));
      } else if (!named && listCode) {
        findings.push(finding({ code: 'name-code-mismatch', severity: 'error', row: r.line, column, recipient: r.id, expected: e.id, actual: r.id, by: 'code', listName: e.id, listCode, tableCode: code!, source, list: kind }));
      }
      matched.add(e);
      listEntry.set(pos, e);
      if (e.weight) listWeight.set(pos, e.weight);
    });
    if (lostZeros.length) findings.push(finding({ code: 'codes-lost-leading-zeros', severity: 'error', column: ctx.headers[ctx.codeCol!]!, row: lostZeros[0]!.line, rows: lostZeros }));
    for (const e of list) {
      if (matched.has(e)) continue;
      missing.push(e);
      findings.push(finding({ code: 'missing-recipient', severity: 'error', recipient: e.id, source, listLine: e.line ?? null, list: kind }));
    }
  }
  return { findings, duplicate, listEntry, listWeight, missing, unknown };
}
