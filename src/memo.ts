/**
 * A bounded memo keyed by strings, for the per-word and per-code caches of
 * the hot paths (issuer names, symbol codes, OCR candidates, syllable checks).
 *
 * Two things a plain Map gets wrong here:
 * - keys are usually slices of the document being read, and in V8 a slice
 *   keeps its whole parent string alive: a memo of slices keeps thousands of
 *   documents alive in a long bulk run. Keys (and string values) are stored
 *   as detached copies;
 * - the memo must not grow with the archive: past `limit` entries it starts
 *   over (the hit rate of these memos comes from the few thousand words and
 *   codes that recur everywhere, which come back at once).
 */

/** A copy of `s` that shares no memory with the string it was sliced from. */
export function detach(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

export class BoundedMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /**
   * The memoized value of `key`, computed by `compute` on first use. `compute`
   * receives the detached copy of the key, so what it derives from the key
   * (slices, concatenations) does not reach into the document either.
   */
  get(key: string, compute: (key: string) => V): V;
  get(key: string): V | undefined;
  get(key: string, compute?: (key: string) => V): V | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined || compute === undefined) return hit;
    if (this.map.size >= this.limit) this.map.clear();
    const own = detach(key);
    const value = compute(own);
    this.map.set(own, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}
