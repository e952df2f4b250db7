/**
 * Rows by their key (a recipient key, core/recipient-key.ts, or compare's `code:…`): an
 * open-addressing table of row numbers over Int32Arrays, found by a 32-bit hash of the key and
 * confirmed by comparing the keys themselves. A million keys go in several times faster than into
 * a Map (no hash-map entry objects to grow and collect), and a lookup is never a scan.
 */

/** FNV-1a over the key's UTF-16 code units, finished with murmur3's fmix32 (FNV's low bits mix poorly). */
export function keyHash(key: string): number {
  return finishHash(fnvState(key));
}

/** The FNV-1a state after `text`'s code units, from `state` (the start by default): keyHash(a + b) is finishHash(fnvState(b, fnvState(a))). */
export function fnvState(text: string, state = 2166136261): number {
  let h = state;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h;
}

/** The FNV-1a state of keyHash finished (fmix32): for a hash made over a key's code units elsewhere (core/key-bytes.ts). */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const EMPTY = new Int32Array(0);

/**
 * Whether no two of rows 0 … hashes.length − 1 hold the same key, row i's key having the hash
 * hashes[i] and two rows' keys told apart by `same(earlier, row)` (asked only of rows whose hashes
 * match): what filling an index would find, without its table. A bit per 32 rows' worth of hash
 * buckets (4 MB for a million rows, against the index's 16 MB table and 4 MB of order) marks the
 * buckets taken; a bucket taken twice (about one row in 64) makes its rows candidates, and only
 * those are grouped by their whole hash and told apart.
 */
export function distinctKeys(hashes: Int32Array, same: (earlier: number, row: number) => boolean): boolean {
  const n = hashes.length;
  if (n < 2) return true;
  // 2^bits buckets, at least 32 a row (at most 2^27: 16 MB), each a bit; a bucket is the hash's top bits.
  let bits = 5;
  while (bits < 27 && 1 << bits < n * 32) bits++;
  const shift = 32 - bits;
  // Written through once before it is read: a new array's pages are mapped on first touch, and a
  // page read first is mapped twice (the zero page, then its own on the write).
  const seen = new Int32Array(1 << (bits - 5)).fill(0);
  // Buckets taken by a second row (about one row in 64: each listed once a second row).
  const collided: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = hashes[i]! >>> shift;
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    if ((seen[word]! & bit) !== 0) collided.push(b);
    else seen[word] = seen[word]! | bit;
  }
  if (collided.length === 0) return true;
  // The same bits now mark those buckets only.
  const twice = seen.fill(0);
  for (const b of collided) twice[b >>> 5] = twice[b >>> 5]! | (1 << (b & 31));
  // The candidates in row order, grouped by their whole hash: each told apart from the earlier ones of its group.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    const b = h >>> shift;
    if ((twice[b >>> 5]! & (1 << (b & 31))) === 0) continue;
    const group = groups.get(h);
    if (group === undefined) {
      groups.set(h, [i]);
      continue;
    }
    for (const earlier of group) if (same(earlier, i)) return false;
    group.push(i);
  }
  return true;
}

export class KeyIndex {
  /** Per slot: the row (−1: empty) and its key's hash side by side, so a probe reads one place. */
  private table: Int32Array;
  private readonly mask: number;
  private hashes: Int32Array;
  /** A deferred index's hashes, made when first read (see `deferred`). */
  private hashSource: (() => Int32Array) | undefined;
  /** The keys, when no `keyAt` makes them again. */
  private readonly keys: (string | undefined)[] | undefined;
  /** A deferred index's filling, until the table is first needed (see `deferred`). */
  private pending: ((index: KeyIndex) => void) | undefined;
  /** Keys held. */
  size = 0;
  /** A deferred index whose rows' keys are known to be distinct (distinctKeys): making it finds no key on two rows, so nothing needs it made but a lookup. */
  distinct = false;

  /**
   * Room for rows 0 … rows − 1. With `keyAt` (row → its key, made again on a hash match) no key
   * is held: a million names read from a table need not stay in memory as strings.
   */
  constructor(
    rows: number,
    private readonly keyAt?: (row: number) => string,
    deferred?: { hashes: Int32Array | (() => Int32Array); fill: (index: KeyIndex) => void },
  ) {
    let size = 16;
    while (size < rows * 2) size *= 2;
    this.mask = size - 1;
    if (deferred) {
      this.table = EMPTY;
      const { hashes } = deferred;
      this.hashes = typeof hashes === 'function' ? EMPTY : hashes;
      this.hashSource = typeof hashes === 'function' ? hashes : undefined;
      this.pending = deferred.fill;
    } else {
      this.table = new Int32Array(2 * size).fill(-1);
      this.hashes = new Int32Array(rows);
    }
    this.keys = keyAt ? undefined : new Array<string | undefined>(rows);
  }

  /**
   * An index of rows 0 … hashes.length − 1 whose keys (made by `keyAt`) have the hashes `hashes`,
   * made only when first looked up or added to: `fill` then puts the rows in (and may throw what
   * filling finds, such as a key on two rows). hashOf() and keyOf() need no table; `made` says
   * whether it was made. Spares the table of a side whose rows are matched in order (core/compare.ts).
   * With `distinct` the keys are known to be distinct (distinctKeys): `fill` finds no key twice.
   * `hashes` may be a function that makes them (then `rows` says how many): called once, when a
   * hash is first read or the table made, so an index never looked up costs no array of hashes.
   */
  static deferred(hashes: Int32Array | (() => Int32Array), keyAt: (row: number) => string, fill: (index: KeyIndex) => void, distinct = false, rows = typeof hashes === 'function' ? -1 : hashes.length): KeyIndex {
    if (rows < 0) throw new RangeError('KeyIndex.deferred: hashes made later need the number of rows');
    const index = new KeyIndex(rows, keyAt, { hashes, fill });
    index.distinct = distinct;
    return index;
  }

  /** Whether the table is made (false only for a deferred index not yet looked up). */
  get made(): boolean {
    return this.pending === undefined;
  }

  /** A deferred index's table made and filled now (what filling throws, thrown here); else nothing. */
  make(): void {
    const fill = this.pending;
    if (fill === undefined) return;
    this.pending = undefined;
    this.hashesNow();
    this.table = new Int32Array(2 * (this.mask + 1)).fill(-1);
    fill(this);
  }

  /** Whether row `row` was added under `key`. */
  private readonly same = (row: number, key: string): boolean => (this.keys ? this.keys[row] : this.keyAt!(row)) === key;

  /** The slot of the first row with hash `hash` for which `same(row, arg)` holds, else of the empty slot such a row would take. */
  private probe<T>(hash: number, arg: T, same: (row: number, arg: T) => boolean): number {
    const { table, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const j = table[2 * slot]!;
      if (j === -1 || (table[2 * slot + 1] === hash && same(j, arg))) return slot;
    }
  }

  /** Row `row`, whose key has hash `hash`, into the empty slot `slot`. */
  private put(slot: number, row: number, hash: number): void {
    this.table[2 * slot] = row;
    this.table[2 * slot + 1] = hash;
    this.hashes[row] = hash;
    this.size++;
  }

  /** The row holding `key`, or −1. */
  get(key: string, hash: number = keyHash(key)): number {
    if (this.pending) this.make();
    return this.table[2 * this.probe(hash, key, this.same)]!;
  }

  /** Row `row` under `key`, unless an earlier row holds it: then that row (and nothing is added), else −1. */
  add(key: string, row: number): number {
    if (this.pending) this.make();
    const hash = keyHash(key);
    const slot = this.probe(hash, key, this.same);
    const j = this.table[2 * slot]!;
    if (j !== -1) return j;
    this.put(slot, row, hash);
    if (this.keys) this.keys[row] = key;
    return -1;
  }

  /**
   * Row `row` under the key whose hash is `hash` (keyHash of it), unless an earlier row holds
   * the same key, by `same(earlier, row)`: then that row (and nothing is added), else −1. No key
   * is made here: `same` tells two rows' keys apart (on a hash match only). Only for an index
   * with `keyAt` (one that holds its keys takes them through add()).
   */
  addHashed(row: number, hash: number, same: (earlier: number, row: number) => boolean): number {
    if (this.pending) this.make();
    if (this.keys) throw new Error('KeyIndex.addHashed: an index that holds its keys takes them through add()');
    const slot = this.probe(hash, row, same);
    const j = this.table[2 * slot]!;
    if (j !== -1) return j;
    this.put(slot, row, hash);
    return -1;
  }

  /**
   * Rows 0 … hashes.length − 1 into an empty index, row i under the key whose hash is hashes[i],
   * as addHashed(i, hashes[i], same) for each i in turn, when no two rows hold the same key: true.
   * The rows go in ordered by their home slot (a stable counting sort on its high bits), so the
   * table is walked from start to end rather than at random: for a million rows most probes then
   * hit memory already in the cache. On the first row whose key an earlier row holds: false, and
   * the index is left part-filled (the caller drops it and adds the rows one by one, which finds
   * the same rows in row order). The index keeps `hashes` as its own (hashOf reads it; the caller
   * does not change it after). Only for an index with `keyAt`.
   */
  addAllHashed(hashes: Int32Array, same: (earlier: number, row: number) => boolean): boolean {
    if (this.keys) throw new Error('KeyIndex.addAllHashed: an index that holds its keys takes them through add()');
    if (this.pending) this.make();
    if (this.size !== 0) throw new Error('KeyIndex.addAllHashed: the index is not empty');
    const n = hashes.length;
    const { table, mask } = this;
    // Buckets of consecutive slots: at most 2^12, each at least 64 slots.
    const slotBits = 31 - Math.clz32(mask + 1);
    const bucketBits = Math.max(0, Math.min(12, slotBits - 6));
    const shift = slotBits - bucketBits;
    const count = new Int32Array((1 << bucketBits) + 1);
    for (let i = 0; i < n; i++) count[((hashes[i]! & mask) >>> shift) + 1]!++;
    for (let k = 1; k < count.length; k++) count[k]! += count[k - 1]!;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[count[(hashes[i]! & mask) >>> shift]!++] = i;
    // Row i's hash is hashes[i]: the index reads them there (hashOf), not from a copy of its own.
    this.hashes = hashes;
    for (let k = 0; k < n; k++) {
      const row = order[k]!;
      const hash = hashes[row]!;
      let slot = hash & mask;
      for (;;) {
        const j = table[2 * slot]!;
        if (j === -1) break;
        // Rows of one key share a bucket and go in in row order: a later row finds the first.
        if (table[2 * slot + 1] === hash && same(j, row)) return false;
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = row;
      table[2 * slot + 1] = hash;
    }
    this.size = n;
    return true;
  }

  /** The row whose key has hash `hash` and is the key of `other` by `same(row, other)`, or −1: a lookup by another table's row, no key made. */
  findHashed(hash: number, other: number, same: (row: number, other: number) => boolean): number {
    if (this.pending) this.make();
    return this.table[2 * this.probe(hash, other, same)]!;
  }

  /** The key row `row` was added under (a row that was added). */
  keyOf(row: number): string {
    return this.keys ? this.keys[row]! : this.keyAt!(row);
  }

  /** The hash of the key row `row` was added under. */
  hashOf(row: number): number {
    if (this.hashSource !== undefined) this.hashesNow();
    return this.hashes[row]!;
  }

  /** A deferred index's hashes made now, if they are made later (`deferred`). */
  private hashesNow(): void {
    const source = this.hashSource;
    if (source === undefined) return;
    this.hashSource = undefined;
    this.hashes = source();
  }
}
