/**
 * A set of document ids that stays small for millions of ids: each id is kept
 * as a 64-bit hash (two independent 32-bit hashes) in an open-addressing
 * table, 16 bytes per id at most (vs ~100 for a Set of strings).
 *
 * A false "already there" needs two ids with the same 64 bits: for 10 million
 * ids the chance that any pair collides is about 3 in a million.
 */
export class IdSet {
  private table = new Uint32Array(2 * 1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(id: string): void {
    if ((this.count + 1) * 2 > this.table.length / 2) this.grow();
    if (insert(this.table, hashA(id), hashB(id))) this.count++;
  }

  has(id: string): boolean {
    const a = hashA(id);
    const b = hashB(id);
    const t = this.table;
    const mask = t.length / 2 - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = t[2 * i];
      const y = t[2 * i + 1];
      if (x === 0 && y === 0) return false;
      if (x === a && y === b) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0 || old[i + 1] !== 0) insert(this.table, old[i], old[i + 1]);
    }
  }
}

/** Inserts a hash pair; false when it was there already. */
function insert(t: Uint32Array, a: number, b: number): boolean {
  const mask = t.length / 2 - 1;
  for (let i = a & mask; ; i = (i + 1) & mask) {
    const x = t[2 * i];
    const y = t[2 * i + 1];
    if (x === 0 && y === 0) {
      t[2 * i] = a;
      t[2 * i + 1] = b;
      return true;
    }
    if (x === a && y === b) return false;
  }
}

/** FNV-1a over the UTF-16 code units, finished with a murmur3 mix. */
function hashA(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h) >>> 0;
}

/** A second, independent hash (murmur3-style per code unit, another seed); never 0, so (0, 0) marks an empty slot. */
function hashB(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return (fmix(h) | 1) >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
