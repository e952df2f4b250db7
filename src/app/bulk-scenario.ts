/**
 * A scenario's recipient changes (core/scenario.ts applyRecipientChanges: remove, change a basis,
 * a floor or a ceiling, add) made on the bulk lane's columns, so a scenario that changes a few
 * recipients of a large list is split as the list is: without an object per row.
 *
 * The rows kept point into the input's bytes as read; what a change writes (a new basis, an added
 * recipient's name and code) is appended to a copy of those bytes and the changed cells point
 * there, so every writer works on the result unchanged. Recipients' own floors and ceilings become
 * the columns' bound columns (as --floor-column gives them). Anything applyRecipientChanges would
 * refuse, or that this cannot make exactly (a name matched twice over, a negative figure, weights
 * past what doubles hold), returns undefined: the general path then applies the scenario and
 * reports what is wrong. tests/property/bulk.test.ts (scenario runs) holds the two to the same bytes.
 */
import { MAX_TOTAL } from '../core/apportion/fast.js';
import type { BulkBoundColumn, BulkColumns } from '../core/bulk-columns.js';
import { Decimal } from '../core/decimal.js';
import { recipientKey } from '../core/recipient-key.js';
import type { Scenario } from '../core/scenario.js';
import { recipientFinder } from '../io/bulk.js';

export type RecipientChanges = Scenario['recipients'];

interface RowChange {
  basis?: Decimal;
  floor?: Decimal;
  ceiling?: Decimal;
}

/** The columns with the scenario's recipient changes made, or undefined (see the module comment). */
export function columnsWithChanges(columns: BulkColumns, changes: RecipientChanges): BulkColumns | undefined {
  const { remove, change, add } = changes;
  if (remove.length === 0 && change.length === 0 && add.length === 0) return columns;
  // Bound columns come from the scenario here, never from the list (a scenario takes no --floor-column).
  if (columns.floors || columns.ceilings) return undefined;
  const find = recipientFinder(columns);
  const n = columns.rows;
  const removed = new Uint8Array(n);
  let removedCount = 0;
  for (const key of remove) {
    const at = find(recipientKey(key));
    if (at < 0 || removed[at]) return undefined;
    removed[at] = 1;
    removedCount++;
  }
  // One change a recipient, as applyRecipientChanges requires.
  const changed = new Map<number, RowChange>();
  for (const c of change) {
    const at = find(recipientKey(c.id));
    // A second change of one recipient is the general path's to refuse (duplicate-change).
    if (at < 0 || removed[at] || changed.has(at)) return undefined;
    changed.set(at, { ...(c.basis !== undefined ? { basis: c.basis } : {}), ...(c.floor !== undefined ? { floor: c.floor } : {}), ...(c.ceiling !== undefined ? { ceiling: c.ceiling } : {}) });
  }
  // An added recipient that any row or earlier addition answers to (by name or code) is the general path's to refuse or place.
  const addedKeys = new Set<string>();
  for (const a of add) {
    const keys = [recipientKey(a.id), ...(a.code !== undefined ? [recipientKey(a.code)] : [])];
    for (const k of keys) if (find(k) >= 0 || addedKeys.has(k)) return undefined;
    for (const k of keys) addedKeys.add(k);
    // A code on a list without codes would add the code column: the general path's.
    if (a.code !== undefined && !columns.codeStart) return undefined;
  }

  // Every weight at the most decimals any has, old or new.
  const figures = [...[...changed.values()].flatMap((c) => [c.basis, c.floor, c.ceiling]), ...add.flatMap((a) => [a.basis, a.floor, a.ceiling])];
  if (figures.some((d) => d !== undefined && (!d.isFinite() || d.isNegative()))) return undefined;
  const places = (d: Decimal | undefined): number => (d === undefined ? 0 : Math.max(0, d.decimalPlaces()));
  let decimals = columns.decimals;
  for (const c of changed.values()) decimals = Math.max(decimals, places(c.basis));
  for (const a of add) decimals = Math.max(decimals, places(a.basis));
  const rescale = 10 ** (decimals - columns.decimals);
  const scaled = (d: Decimal): number | undefined => {
    const v = d.times(new Decimal(10).pow(decimals));
    return v.isInteger() && v.lte(Number.MAX_SAFE_INTEGER) ? v.toNumber() : undefined;
  };

  const rows = n - removedCount + add.length;
  const nameStart = new Int32Array(rows);
  const nameEnd = new Int32Array(rows);
  const weightStart = new Int32Array(rows);
  const weightEnd = new Int32Array(rows);
  const weights = new Float64Array(rows);
  const codes = columns.codeStart !== undefined && columns.codeEnd !== undefined;
  const codeStart = codes ? new Int32Array(rows) : undefined;
  const codeEnd = codes ? new Int32Array(rows) : undefined;
  const own: { floors: (Decimal | undefined)[]; ceilings: (Decimal | undefined)[] } = { floors: [], ceilings: [] };
  const ownAt: number[] = [];
  // What the changes write, appended after the input's bytes.
  const extra: string[] = [];
  let end = columns.bytes.length;
  const append = (text: string): [number, number] => {
    const start = end;
    end += Buffer.byteLength(text, 'utf8');
    extra.push(text);
    return [start, end];
  };
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (removed[i]) continue;
    nameStart[r] = columns.nameStart[i]!;
    nameEnd[r] = columns.nameEnd[i]!;
    if (codeStart) {
      codeStart[r] = columns.codeStart![i]!;
      codeEnd![r] = columns.codeEnd![i]!;
    }
    const c = changed.get(i);
    if (c?.basis !== undefined) {
      const w = scaled(c.basis);
      if (w === undefined) return undefined;
      weights[r] = w;
      [weightStart[r], weightEnd[r]] = append(c.basis.toFixed());
    } else {
      const w = columns.weights[i]! * rescale;
      if (w > Number.MAX_SAFE_INTEGER) return undefined;
      weights[r] = w;
      weightStart[r] = columns.weightStart[i]!;
      weightEnd[r] = columns.weightEnd[i]!;
    }
    if (c && (c.floor !== undefined || c.ceiling !== undefined)) {
      ownAt.push(r);
      own.floors.push(c.floor);
      own.ceilings.push(c.ceiling);
    }
    r++;
  }
  for (const a of add) {
    const w = scaled(a.basis);
    if (w === undefined) return undefined;
    weights[r] = w;
    [nameStart[r], nameEnd[r]] = append(a.id);
    [weightStart[r], weightEnd[r]] = append(a.basis.toFixed());
    if (codeStart) [codeStart[r], codeEnd![r]] = a.code !== undefined ? append(a.code) : [0, 0];
    if (a.floor !== undefined || a.ceiling !== undefined) {
      ownAt.push(r);
      own.floors.push(a.floor);
      own.ceilings.push(a.ceiling);
    }
    r++;
  }
  if (end >= 2 ** 31 - 1) return undefined;
  let total = 0;
  let maxWeight = 0;
  for (let k = 0; k < rows; k++) {
    total += weights[k]!;
    if (weights[k]! > maxWeight) maxWeight = weights[k]!;
  }
  if (total === 0 || total > MAX_TOTAL) return undefined;
  const floors = boundColumnOf(rows, ownAt, own.floors);
  const ceilings = boundColumnOf(rows, ownAt, own.ceilings);
  if (floors === null || ceilings === null) return undefined;
  // The records have a code column while some recipient has a code (as the general path decides).
  let anyCode = false;
  if (codeStart) for (let k = 0; k < rows && !anyCode; k++) if (codeEnd![k]! > codeStart[k]!) anyCode = true;
  const bytes = Buffer.concat([columns.bytes, Buffer.from(extra.join(''), 'utf8')]);
  return {
    bytes,
    rows,
    nameStart,
    nameEnd,
    weightStart,
    weightEnd,
    weights,
    decimals,
    total,
    maxWeight,
    delimiter: columns.delimiter,
    ...(anyCode ? { codeStart: codeStart!, codeEnd: codeEnd! } : {}),
    ...(floors ? { floors } : {}),
    ...(ceilings ? { ceilings } : {}),
  };
}

/** Recipients' own bounds as a bound column (NaN: none of its own); undefined when there are none, null when one is not exact in a double. */
function boundColumnOf(rows: number, at: readonly number[], values: readonly (Decimal | undefined)[]): BulkBoundColumn | undefined | null {
  if (!values.some((v) => v !== undefined)) return undefined;
  const decimals = Math.max(0, ...values.map((v) => (v === undefined ? 0 : v.decimalPlaces())));
  const out = new Float64Array(rows).fill(NaN);
  const scale = new Decimal(10).pow(decimals);
  for (let k = 0; k < at.length; k++) {
    const v = values[k];
    if (v === undefined) continue;
    const s = v.times(scale);
    if (!s.isInteger() || s.gt(Number.MAX_SAFE_INTEGER)) return null;
    out[at[k]!] = s.toNumber();
  }
  return { values: out, decimals };
}
