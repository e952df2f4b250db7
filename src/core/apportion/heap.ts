/**
 * A binary heap of row indices ordered by a comparator that may change for the row at the top
 * only. The divisor engine hands a unit to the top row, which changes that row's key, and then
 * sifts it down again: O(log n) a unit instead of a linear scan.
 */
export class RowHeap {
  private readonly items: number[];

  /** `before(a, b) < 0` when row a belongs nearer the top than row b. */
  constructor(
    rows: readonly number[],
    private readonly before: (a: number, b: number) => number,
  ) {
    this.items = [...rows];
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.items.length;
  }

  top(): number | undefined {
    return this.items[0];
  }

  /** Call after the top row's key changed. */
  topChanged(): void {
    this.siftDown(0);
  }

  /** Remove the top row. */
  pop(): void {
    const last = this.items.pop();
    if (last !== undefined && this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
  }

  private siftDown(start: number): void {
    const items = this.items;
    const n = items.length;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && this.before(items[r]!, items[l]!) < 0 ? r : l;
      if (this.before(items[c]!, items[i]!) >= 0) return;
      [items[i], items[c]] = [items[c]!, items[i]!];
      i = c;
    }
  }
}
