/**
 * An open-addressing hash table from integer keys (below 2^53: three 16-bit
 * ids packed into one number) to counts. Training counts millions of
 * n-grams; a JS Map tops out at 2^24 entries and costs ~80 bytes an entry,
 * this costs 12 bytes a slot.
 */
export class CountTable {
  private keys: Float64Array;
  private vals: Float64Array;
  private used: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.keys = new Float64Array(cap);
    this.vals = new Float64Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  private slot(key: number): number {
    // Mix the high and low 32-bit halves (key < 2^53).
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let i = h & this.mask;
    while (this.used[i] && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** Adds `by` to the count of `key`. */
  add(key: number, by = 1): void {
    let i = this.slot(key);
    if (!this.used[i]) {
      if ((this.count + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.slot(key);
      }
      this.used[i] = 1;
      this.keys[i] = key;
      this.count++;
    }
    this.vals[i] += by;
  }

  /** The count of `key` (0 when absent). */
  get(key: number): number {
    const i = this.slot(key);
    return this.used[i] ? this.vals[i] : 0;
  }

  private grow(): void {
    const { keys, vals, used } = this;
    const cap = keys.length * 2;
    this.keys = new Float64Array(cap);
    this.vals = new Float64Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < keys.length; i++) {
      if (!used[i]) continue;
      const j = this.slot(keys[i]);
      this.used[j] = 1;
      this.keys[j] = keys[i];
      this.vals[j] = vals[i];
    }
  }

  /** Keys in ascending order with their counts (parallel arrays). */
  sortedEntries(): { keys: Float64Array; counts: Float64Array } {
    const keys = new Float64Array(this.count);
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.used[i]) keys[n++] = this.keys[i];
    keys.sort();
    const counts = new Float64Array(n);
    for (let k = 0; k < n; k++) counts[k] = this.get(keys[k]);
    return { keys, counts };
  }
}
