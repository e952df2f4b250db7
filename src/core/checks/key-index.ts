/**
 * A set of recipient keys (core/recipient-key.ts) over numbered entries (a table's rows, a list's
 * recipients) held in typed arrays: the hash of each key and its entry's number, no string kept.
 * Two keys with one hash are told apart by making both keys again. For a million rows this is
 * ~16 MB where a Map of their keys is ~100 MB.
 */

/** FNV-1a over the key's UTF-16 code units, finished with murmur3's fmix32 (FNV's low bits mix poorly). */
function keyHash(key: string): number {
  let h = 2166136261;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyIndex {
  private readonly hashes: Int32Array;
  /** Entry number + 1 in each slot; 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `keyOf(n)`: entry n's key, made again when two keys share a hash. */
  constructor(
    capacity: number,
    private readonly keyOf: (entry: number) => string,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The entry with `key`, or undefined. */
  get(key: string): number | undefined {
    const h = keyHash(key);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]!;
      if (e === 0) return undefined;
      if (this.hashes[s] === h && this.keyOf(e - 1) === key) return e - 1;
    }
  }

  /** Adds `entry` under `key` unless the key is there: then the entry that has it (nothing added). */
  add(key: string, entry: number): number | undefined {
    const h = keyHash(key);
    let s = h & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]!;
      if (e === 0) break;
      if (this.hashes[s] === h && this.keyOf(e - 1) === key) return e - 1;
    }
    this.hashes[s] = h;
    this.slots[s] = entry + 1;
    return undefined;
  }
}
