/**
 * A character trie over a word list, for candidate generation: the walk over
 * reverse channel edits descends it one code unit at a time, so a path that
 * can no longer spell a word stops at once, and no string is built until a
 * word is reached.
 *
 * Edges live in an open-addressing hash table of typed arrays keyed by
 * (node, code unit): the walk asks for a child millions of times per
 * megabyte of OCR text, and a Map keyed by node · 2^16 + code (past 2^31, so
 * not a small integer) costs several times more per lookup.
 */
export class Trie {
  /** Per slot: parent node + 1 (0 = empty), code unit, child node. */
  private parent = new Int32Array(1024);
  private code = new Uint16Array(1024);
  private next = new Int32Array(1024);
  private mask = 1023;
  private size = 0;
  /** Word index ending at each node, or -1. */
  private readonly ends: number[] = [-1];
  readonly words: string[] = [];

  /** Adds a word; returns its index (the existing one if it was there). */
  add(word: string): number {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      let child = this.child(node, c);
      if (child < 0) {
        child = this.ends.length;
        this.ends.push(-1);
        this.insert(node, c, child);
      }
      node = child;
    }
    if (this.ends[node] < 0) {
      this.ends[node] = this.words.length;
      this.words.push(word);
    }
    return this.ends[node];
  }

  private insert(node: number, c: number, child: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    let h = slot(node, c) & this.mask;
    while (this.parent[h] !== 0) h = (h + 1) & this.mask;
    this.parent[h] = node + 1;
    this.code[h] = c;
    this.next[h] = child;
    this.size++;
  }

  private grow(): void {
    const { parent, code, next } = this;
    const cap = (this.mask + 1) * 2;
    this.parent = new Int32Array(cap);
    this.code = new Uint16Array(cap);
    this.next = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let h = 0; h < parent.length; h++) if (parent[h] !== 0) this.insert(parent[h] - 1, code[h], next[h]);
  }

  /** The child of `node` by code unit `code`, or -1. */
  child(node: number, c: number): number {
    const p = node + 1;
    let h = slot(node, c) & this.mask;
    for (;;) {
      const q = this.parent[h];
      if (q === 0) return -1;
      if (q === p && this.code[h] === c) return this.next[h];
      h = (h + 1) & this.mask;
    }
  }

  /** The node reached from `node` by the string `s`, or -1. */
  walk(node: number, s: string): number {
    for (let k = 0; k < s.length && node >= 0; k++) node = this.child(node, s.charCodeAt(k));
    return node;
  }

  /** Index of the word ending at `node`, or -1. */
  wordAt(node: number): number {
    return this.ends[node];
  }
}

function slot(node: number, c: number): number {
  const x = Math.imul(node, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca77);
  return x ^ (x >>> 15);
}
