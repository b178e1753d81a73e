/**
 * A character trie over a word list, for candidate generation: the walk over
 * reverse channel edits descends it one code unit at a time, so a path that
 * can no longer spell a word stops at once, and no string is built until a
 * word is reached.
 */
export class Trie {
  /** (node · 2^16 + code unit) → child node. */
  private readonly edges = new Map<number, number>();
  /** Word index ending at each node, or -1. */
  private readonly ends: number[] = [-1];
  readonly words: string[] = [];

  /** Adds a word; returns its index (the existing one if it was there). */
  add(word: string): number {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const key = node * 65536 + word.charCodeAt(k);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.ends.length;
        this.ends.push(-1);
        this.edges.set(key, next);
      }
      node = next;
    }
    if (this.ends[node] < 0) {
      this.ends[node] = this.words.length;
      this.words.push(word);
    }
    return this.ends[node];
  }

  /** The child of `node` by code unit `code`, or -1. */
  child(node: number, code: number): number {
    return this.edges.get(node * 65536 + code) ?? -1;
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
