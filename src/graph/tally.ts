/**
 * A small string-keyed map for the graph state's per-node attribute values
 * (type names, issuers, dates, topics). Most nodes hold one or two values
 * per attribute, and a JavaScript Map costs hundreds of bytes even then, so a
 * tally starts as nothing (null), grows as a flat [key, value, key, value ...]
 * array, and becomes a Map past 16 entries. Functions return the container to
 * keep (it may be replaced).
 */
export type Tally<V> = null | Array<string | V> | Map<string, V>;

const MAX_PAIRS = 16;

export function tallyGet<V>(t: Tally<V>, key: string): V | undefined {
  if (t === null) return undefined;
  if (t instanceof Map) return t.get(key);
  for (let i = 0; i < t.length; i += 2) if (t[i] === key) return t[i + 1] as V;
  return undefined;
}

export function tallySet<V>(t: Tally<V>, key: string, value: V): Tally<V> {
  if (t === null) return [key, value];
  if (t instanceof Map) return t.set(key, value);
  for (let i = 0; i < t.length; i += 2) {
    if (t[i] === key) {
      t[i + 1] = value;
      return t;
    }
  }
  if (t.length < 2 * MAX_PAIRS) {
    t.push(key, value);
    return t;
  }
  const m = new Map<string, V>();
  for (let i = 0; i < t.length; i += 2) m.set(t[i] as string, t[i + 1] as V);
  return m.set(key, value);
}

/** Adds `by` to the count of `key` (a null key changes nothing). */
export function tallyAdd(t: Tally<number>, key: string | null, by = 1): Tally<number> {
  if (key === null) return t;
  return tallySet(t, key, (tallyGet(t, key) ?? 0) + by);
}

export function tallySize<V>(t: Tally<V>): number {
  return t === null ? 0 : t instanceof Map ? t.size : t.length / 2;
}

export function* tallyEntries<V>(t: Tally<V>): Generator<[string, V]> {
  if (t === null) return;
  if (t instanceof Map) {
    yield* t.entries();
    return;
  }
  for (let i = 0; i < t.length; i += 2) yield [t[i] as string, t[i + 1] as V];
}

/** As a plain record with sorted keys (for JSON). */
export function tallyRecord<V>(t: Tally<V>): Record<string, V> {
  const entries = [...tallyEntries(t)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const o: Record<string, V> = {};
  for (const [k, v] of entries) o[k] = v;
  return o;
}

/** From a plain record. */
export function tallyFrom<V>(o: Record<string, V> | undefined): Tally<V> {
  let t: Tally<V> = null;
  for (const [k, v] of Object.entries(o ?? {})) t = tallySet(t, k, v);
  return t;
}
