/**
 * The terminal table and Markdown for the bulk lane: the body rows of allocationGrid() for a free
 * single-year split, written from the typed arrays as a grid's streamed body (render/grid.ts), so
 * the header, footer, title and notes are the general renderer's own. A row is "name, amount"
 * ("154" or, tied, "154*"); the amount is grouped as formatAmount() groups it.
 *
 * Names are copied from the input's bytes when they are printable ASCII that needs no escaping;
 * any other name is decoded and goes through the same printable()/mdEscape() the general path uses.
 * The output is byte for byte the general path's (tests/property/bulk-grid.test.ts).
 */
import type { NumberLocale } from '../core/amount.js';
import type { BulkColumns } from '../core/bulk-columns.js';
import { printable } from '../core/printable.js';
import { bulkName, CHUNK_BYTES } from './bulk.js';
import { displayWidth, mdEscape, pad, type StreamedBody } from './grid.js';

export interface BulkGridInput {
  columns: BulkColumns;
  /** Units per row. */
  units: Float64Array;
  /** Rows a tie-break decided (their amount gets a "*"). */
  tiedRows: readonly number[];
  /** The unit × 10^decimals, an integer; units × it is below 2^53 for every row. */
  unitScaled: number;
  /** Decimals of the amounts. */
  decimals: number;
  locale: NumberLocale;
  /** Called with the rows written so far, once a chunk. */
  onRows?: (done: number) => void;
}

const PIPE = 124;
const SPACE = 32;
const STAR = 42;
const LF = 10;

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

/** Writes v / 10^decimals as formatAmount() does (digits grouped by threes with `group`, `mark` before the decimals) into out at `at`; returns the offset after it. */
export function writeGroupedAmount(out: Uint8Array, at: number, v: number, decimals: number, mark: number, group: number, digits: Uint8Array): number {
  let nd = 0;
  do {
    const q = Math.floor(v / 10);
    digits[nd++] = 48 + (v - q * 10);
    v = q;
  } while (v > 0);
  while (nd < decimals + 1) digits[nd++] = 48;
  for (let k = nd - 1; k >= 0; k--) {
    if (k === decimals - 1) out[at++] = mark;
    out[at++] = digits[k]!;
    if (k > decimals && (k - decimals) % 3 === 0) out[at++] = group;
  }
  return at;
}

/** The body rows of the lane's allocation grid: columns (recipient, amount). */
export function bulkGridBody({ columns, units, tiedRows, unitScaled, decimals, locale, onRows }: BulkGridInput): StreamedBody {
  const { bytes: b, nameStart, nameEnd, rows } = columns;
  const tied = new Uint8Array(rows);
  for (const i of tiedRows) tied[i] = 1;
  const MARK = locale === 'en' ? 46 : 44;
  const GROUP = locale === 'en' ? 44 : SPACE;
  const nameOf = (i: number): string => bulkName(columns, i);
  const digits = new Uint8Array(40);

  /** Rows in chunks of text; `row` writes row i into out at `at` and returns the offset after it. */
  function* chunks(row: (out: Buffer, at: number, i: number) => number, bound: (i: number) => number): Generator<string> {
    let out = Buffer.allocUnsafe(CHUNK_BYTES);
    let at = 0;
    for (let i = 0; i < rows; i++) {
      const need = bound(i);
      if (at + need > out.length) {
        yield out.toString('utf8', 0, at);
        onRows?.(i);
        out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
        at = 0;
      }
      at = row(out, at, i);
    }
    if (at > 0) yield out.toString('utf8', 0, at);
    onRows?.(rows);
  }

  return {
    widths() {
      let name = 0;
      let amount = 0;
      for (let i = 0; i < rows; i++) {
        const s = nameStart[i]!;
        const e = nameEnd[i]!;
        const w = plainAscii(b, s, e, false) ? e - s : displayWidth(printable(nameOf(i)));
        if (w > name) name = w;
        const a = amountWidth(units[i]! * unitScaled, decimals) + tied[i]!;
        if (a > amount) amount = a;
      }
      return [name, amount];
    },

    tableLines(widths) {
      const [nameWidth = 0, amountColumn = 0] = widths;
      return chunks(
        (out, at, i) => {
          const s = nameStart[i]!;
          const e = nameEnd[i]!;
          if (plainAscii(b, s, e, false)) {
            for (let k = s; k < e; k++) out[at++] = b[k]!;
            for (let k = e - s; k < nameWidth; k++) out[at++] = SPACE;
          } else {
            at += out.write(pad(printable(nameOf(i)), nameWidth, 'left'), at, 'utf8');
          }
          out[at++] = SPACE;
          out[at++] = SPACE;
          const v = units[i]! * unitScaled;
          for (let k = amountWidth(v, decimals) + tied[i]!; k < amountColumn; k++) out[at++] = SPACE;
          at = writeGroupedAmount(out, at, v, decimals, MARK, GROUP, digits);
          if (tied[i]) out[at++] = STAR;
          out[at++] = LF;
          return at;
        },
        // A decoded name escaped by printable(): at most 6 characters of 3 bytes per input byte.
        (i) => (nameEnd[i]! - nameStart[i]!) * 18 + nameWidth + amountColumn + 64,
      );
    },

    markdownRows() {
      return chunks(
        (out, at, i) => {
          const s = nameStart[i]!;
          const e = nameEnd[i]!;
          out[at++] = PIPE;
          out[at++] = SPACE;
          if (plainAscii(b, s, e, true)) {
            for (let k = s; k < e; k++) out[at++] = b[k]!;
          } else {
            at += out.write(mdEscape(nameOf(i)), at, 'utf8');
          }
          out[at++] = SPACE;
          out[at++] = PIPE;
          out[at++] = SPACE;
          at = writeGroupedAmount(out, at, units[i]! * unitScaled, decimals, MARK, GROUP, digits);
          if (tied[i]) out[at++] = STAR;
          out[at++] = SPACE;
          out[at++] = PIPE;
          out[at++] = LF;
          return at;
        },
        (i) => (nameEnd[i]! - nameStart[i]!) * 18 + 96,
      );
    },
  };
}
