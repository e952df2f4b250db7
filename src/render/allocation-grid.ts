/**
 * The terminal table's and Markdown's body rows of the allocation grid (render/allocation.ts
 * allocationGrid), their one writer: written from the columnar model (core/bulk-columns.ts
 * AllocationColumns; one period or several, with codes or not) as a grid's streamed body
 * (render/grid.ts), so the header, footer, title and notes are the grid's own. A row is "name,
 * [code,] one amount a period ("154" or, tied, "154*", held " F" or " C"), [total]"; amounts are
 * grouped as formatAmount() groups them.
 *
 * Names and codes are copied from the model's bytes when they are printable ASCII that needs no
 * escaping; any other is decoded and goes through printable()/mdEscape() (render/grid.ts). A model
 * with `bigAmounts` is written as rows of cells (grid.ts cellRows), amounts by formatAmount().
 */
import type { NumberLocale } from '../core/amount.js';
import type { AllocationColumns, RowText } from '../core/bulk-columns.js';
import { HELD_AT_CEILING, HELD_AT_FLOOR } from '../core/apportion/fast-constraints.js';
import { Decimal } from '../core/decimal.js';
import { printable } from '../core/printable.js';
import { yearCount } from '../core/schedule.js';
import { columnName, columnText as bulkText, gridTotalColumn } from './allocation-columns.js';
import { CHUNK_BYTES, scaledText, writeScaledAmount, writeUtf8 } from './csv-bytes.js';
import { cellRows, displayWidth, mdEscape, pad, type StreamedBody } from './grid.js';
import { formatAmount } from './money.js';
import type { RecipientColumns } from './labels.js';

const PIPE = 124;
const SPACE = 32;
const STAR = 42;
const LF = 10;
const F = 70;
const C = 67;

/** Bytes a Markdown cell must escape (mdEscape): & < > \ | ` [ ]. */
const MD_SPECIAL = new Uint8Array(128);
for (const c of '&<>\\|`[]') MD_SPECIAL[c.charCodeAt(0)] = 1;

/** Whether b[s..e) is printable ASCII (printable() leaves it alone; one column per byte), and for Markdown also free of mdEscape's characters. */
function plainAscii(b: Uint8Array, s: number, e: number, markdown: boolean): boolean {
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c < 32 || c > 126 || (markdown && MD_SPECIAL[c] === 1)) return false;
  }
  return true;
}

/** Characters formatAmount() writes for n (an integer, scaled by 10^decimals) grouped by threes. */
function amountWidth(v: number, decimals: number): number {
  let digits = 1;
  while (v >= 10) {
    v = Math.floor(v / 10);
    digits++;
  }
  const intDigits = Math.max(1, digits - decimals);
  return intDigits + Math.floor((intDigits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0);
}


/** Which recipient columns the grids show (labels.ts recipientColumns), from the model's codes. */
export function columnRecipients(columns: RowText): RecipientColumns {
  const { codeStart, codeEnd, bytes: b, rows } = columns;
  if (!codeStart || !codeEnd) return { codes: false, municipal: false };
  let municipal = rows > 0;
  for (let i = 0; i < rows && municipal; i++) {
    const s = codeStart[i]!;
    if (codeEnd[i]! - s !== 4) municipal = false;
    else for (let k = s; k < s + 4; k++) if (b[k]! < 48 || b[k]! > 57) municipal = false;
  }
  return { codes: true, municipal };
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** A model with `bigAmounts`: its rows as cells (name, code, each period's amount with its marks, total), amounts by formatAmount(). */
function bigCellRows(split: AllocationColumns, bigAmounts: readonly (readonly bigint[])[], locale: NumberLocale): StreamedBody {
  const { columns, decimals, summary, periods } = split;
  const codes = columns.codeStart !== undefined && columns.codeEnd !== undefined;
  const years = summary.periods.map((p) => BigInt(p.years ? yearCount(p.years) : 1));
  const withTotal = gridTotalColumn(summary);
  const money = (v: bigint): string => formatAmount(new Decimal(scaledText(v, decimals, false)), { locale, decimals });
  const tied = periods.map((p) => new Set(p.tiedRows));
  return cellRows(function* () {
    for (let i = 0; i < columns.rows; i++) {
      const cells = [columnName(columns, i)];
      if (codes) cells.push(bulkText(columns, columns.codeStart![i]!, columns.codeEnd![i]!));
      let total = 0n;
      periods.forEach((p, k) => {
        const v = bigAmounts[k]![i]!;
        total += v * years[k]!;
        const b = p.bound?.[i];
        cells.push(money(v) + (tied[k]!.has(i) ? '*' : '') + (b === HELD_AT_FLOOR ? ' F' : b === HELD_AT_CEILING ? ' C' : ''));
      });
      if (withTotal) cells.push(money(total));
      yield cells;
    }
  });
}

/** The body rows of the allocation grid (allocationGrid's columns), from the model; `onRows` is called with the rows written so far, once a chunk. */
export function allocationGridBody(split: AllocationColumns, locale: NumberLocale, onRows?: (done: number) => void): StreamedBody {
  if (split.bigAmounts) return bigCellRows(split, split.bigAmounts, locale);
  const { columns, decimals, summary } = split;
  const { bytes: b, nameStart, nameEnd, rows, codeStart, codeEnd } = columns;
  const periods = split.periods;
  const tied = periods.map((p) => {
    const t = new Uint8Array(rows);
    for (const i of p.tiedRows) t[i] = 1;
    return t;
  });
  // A floor or ceiling that set a row's amount: " F" or " C" after it (allocationGrid's boundMark).
  const NO_BOUND = new Uint8Array(rows);
  const bounds = periods.map((p) => p.bound ?? NO_BOUND);
  const boundWidth = (k: number, i: number): number => (bounds[k]![i] ? 2 : 0);
  const boundMark = (out: Uint8Array, at: number, k: number, i: number): number => {
    const b = bounds[k]![i];
    if (b) {
      out[at++] = SPACE;
      out[at++] = b === HELD_AT_FLOOR ? F : C;
    }
    return at;
  };
  const years = summary.periods.map((p) => (p.years ? yearCount(p.years) : 1));
  const withTotal = gridTotalColumn(summary);
  const codes = codeStart !== undefined && codeEnd !== undefined;
  const MARK = locale === 'en' ? 46 : 44;
  const GROUP = locale === 'en' ? 44 : SPACE;
  const textOf = (s: number, e: number): string => bulkText(columns, s, e);
  const digits = new Uint8Array(40);
  const amountOf = (k: number, i: number): number => periods[k]!.units[i]! * periods[k]!.unitScaled;
  const totalOf = (i: number): number => {
    let sum = 0;
    for (let k = 0; k < periods.length; k++) sum += amountOf(k, i) * years[k]!;
    return sum;
  };
  /** Text cells of row i: the name, and the code when the list has codes (an empty cell: ""). */
  const textCells = (i: number): [number, number][] => (codes ? [[nameStart[i]!, nameEnd[i]!], [codeStart[i]!, codeEnd[i]!]] : [[nameStart[i]!, nameEnd[i]!]]);
  const textCount = codes ? 2 : 1;
  const rowBound = (i: number): number => {
    let n = (nameEnd[i]! - nameStart[i]!) * 18 + 64 * (periods.length + 2);
    if (codes) n += (codeEnd[i]! - codeStart[i]!) * 18;
    return n;
  };

  /** Rows in chunks of text; `row` writes row i into out at `at` and returns the offset after it. */
  function* chunks(row: (out: Uint8Array, at: number, i: number) => number, widths: readonly number[]): Generator<string> {
    const extra = widths.reduce((x, y) => x + y + 2, 0);
    let out = new Uint8Array(CHUNK_BYTES);
    let at = 0;
    for (let i = 0; i < rows; i++) {
      const need = rowBound(i) + extra;
      if (at + need > out.length) {
        yield decoder.decode(out.subarray(0, at));
        onRows?.(i);
        out = new Uint8Array(Math.max(CHUNK_BYTES, need));
        at = 0;
      }
      at = row(out, at, i);
    }
    if (at > 0) yield decoder.decode(out.subarray(0, at));
    onRows?.(rows);
  }

  return {
    widths() {
      const widths = new Array<number>(textCount + periods.length + (withTotal ? 1 : 0)).fill(0);
      for (let i = 0; i < rows; i++) {
        textCells(i).forEach(([s, e], c) => {
          const w = plainAscii(b, s, e, false) ? e - s : displayWidth(printable(textOf(s, e)));
          if (w > widths[c]!) widths[c] = w;
        });
        for (let k = 0; k < periods.length; k++) {
          const a = amountWidth(amountOf(k, i), decimals) + tied[k]![i]! + boundWidth(k, i);
          if (a > widths[textCount + k]!) widths[textCount + k] = a;
        }
        if (withTotal) {
          const a = amountWidth(totalOf(i), decimals);
          if (a > widths[textCount + periods.length]!) widths[textCount + periods.length] = a;
        }
      }
      return widths;
    },

    tableLines(widths) {
      const amount = (out: Uint8Array, at: number, v: number, mark: number, width: number, bound = 0): number => {
        for (let k = amountWidth(v, decimals) + mark + bound; k < width; k++) out[at++] = SPACE;
        at = writeScaledAmount(out, at, v, decimals, MARK, digits, GROUP);
        if (mark) out[at++] = STAR;
        return at;
      };
      return chunks((out, at, i) => {
        textCells(i).forEach(([s, e], c) => {
          if (c > 0) {
            out[at++] = SPACE;
            out[at++] = SPACE;
          }
          if (plainAscii(b, s, e, false)) {
            for (let k = s; k < e; k++) out[at++] = b[k]!;
            for (let k = e - s; k < widths[c]!; k++) out[at++] = SPACE;
          } else {
            at = writeUtf8(out, at, pad(printable(textOf(s, e)), widths[c]!, 'left'));
          }
        });
        for (let k = 0; k < periods.length; k++) {
          out[at++] = SPACE;
          out[at++] = SPACE;
          at = amount(out, at, amountOf(k, i), tied[k]![i]!, widths[textCount + k]!, boundWidth(k, i));
          at = boundMark(out, at, k, i);
        }
        if (withTotal) {
          out[at++] = SPACE;
          out[at++] = SPACE;
          at = amount(out, at, totalOf(i), 0, widths[textCount + periods.length]!);
        }
        out[at++] = LF;
        return at;
      }, widths);
    },

    markdownRows() {
      const cell = (out: Uint8Array, at: number): number => {
        out[at++] = SPACE;
        out[at++] = PIPE;
        out[at++] = SPACE;
        return at;
      };
      return chunks((out, at, i) => {
        out[at++] = PIPE;
        out[at++] = SPACE;
        textCells(i).forEach(([s, e], c) => {
          if (c > 0) at = cell(out, at);
          if (plainAscii(b, s, e, true)) for (let k = s; k < e; k++) out[at++] = b[k]!;
          else at = writeUtf8(out, at, mdEscape(textOf(s, e)));
        });
        for (let k = 0; k < periods.length; k++) {
          at = cell(out, at);
          at = writeScaledAmount(out, at, amountOf(k, i), decimals, MARK, digits, GROUP);
          if (tied[k]![i]) out[at++] = STAR;
          at = boundMark(out, at, k, i);
        }
        if (withTotal) {
          at = cell(out, at);
          at = writeScaledAmount(out, at, totalOf(i), decimals, MARK, digits, GROUP);
        }
        out[at++] = SPACE;
        out[at++] = PIPE;
        out[at++] = LF;
        return at;
      }, []);
    },
  };
}
