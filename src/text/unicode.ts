/**
 * The Unicode stage: characters unified one by one (see `chars.ts` for
 * exactly what becomes what), then NFC. Both return offset maps.
 */
import { FLAGS, F_NFC, F_SPECIAL, REMOVED, SPECIAL_KIND, SPECIAL_KINDS, SPECIAL_TO, type SpecialKind } from './chars.js';
import type { OffsetMap } from './offsets.js';
import { unitsToString } from './units.js';

const SURROGATE_RE = /[\ud800-\udfff]/;
import { OffsetMapBuilder } from './offsets.js';

export interface UnifyResult {
  text: string;
  map: OffsetMap;
  counts: Record<SpecialKind, number>;
}

/** Spaces, invisible characters, dashes, quotes, Đ look-alikes and line separators. */
export function unifyCharacters(text: string): UnifyResult {
  const n = text.length;
  const counts = Object.fromEntries(SPECIAL_KINDS.map((k) => [k, 0])) as Record<SpecialKind, number>;
  const map = new OffsetMapBuilder();
  const parts: string[] = [];
  let copyFrom = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!(FLAGS[c] & F_SPECIAL)) continue;
    const to = SPECIAL_TO[c];
    counts[SPECIAL_KINDS[SPECIAL_KIND[c]]]++;
    parts.push(text.slice(copyFrom, i));
    map.keep(i - copyFrom);
    if (to === REMOVED) map.replace(1, 0);
    else {
      parts.push(String.fromCharCode(to));
      map.keep(1);
    }
    copyFrom = i + 1;
  }
  if (copyFrom === 0) return { text, map: map.keep(n).build(), counts };
  parts.push(text.slice(copyFrom));
  map.keep(n - copyFrom);
  return { text: parts.join(''), map: map.build(), counts };
}

export interface NfcResult {
  text: string;
  map: OffsetMap;
  /** Clusters NFC changed. */
  count: number;
}

/**
 * NFC, cluster by cluster: a cluster is the character before a run of
 * characters NFC may change, and that run (marks, singletons, Hangul jamo,
 * astral characters). Each changed cluster is one replacement in the map.
 * Clusters of up to three BMP units (a Vietnamese letter in NFD: base, tone,
 * quality mark) are composed once and remembered.
 */
export function composeNfc(text: string): NfcResult {
  const n = text.length;
  const map = new OffsetMapBuilder();
  let out: Uint16Array = new Uint16Array(n + 16);
  let w = 0;
  let copyFrom = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!needsNfc(text, i)) continue;
    let s = i > copyFrom ? i - 1 : i;
    if (s > copyFrom && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
    let e = i + (isHigh(text.charCodeAt(i)) && i + 1 < n && isLow(text.charCodeAt(i + 1)) ? 2 : 1);
    while (e < n && needsNfc(text, e)) e += isHigh(text.charCodeAt(e)) && e + 1 < n && isLow(text.charCodeAt(e + 1)) ? 2 : 1;
    i = e - 1;
    const norm = composeCluster(text, s, e);
    if (norm === null) continue;
    // copy what came before, then the composed cluster
    if (w + (s - copyFrom) + norm.length > out.length) out = grow(out, w + (s - copyFrom) + norm.length + (n - e));
    for (let k = copyFrom; k < s; k++) out[w++] = text.charCodeAt(k);
    for (let k = 0; k < norm.length; k++) out[w++] = norm.charCodeAt(k);
    map.keep(s - copyFrom).replace(e - s, norm.length);
    copyFrom = e;
    count++;
  }
  if (count === 0) return { text, map: map.keep(n).build(), count };
  if (w + (n - copyFrom) > out.length) out = grow(out, w + (n - copyFrom));
  for (let k = copyFrom; k < n; k++) out[w++] = text.charCodeAt(k);
  map.keep(n - copyFrom);
  return { text: unitsToString(out.subarray(0, w), SURROGATE_RE.test(text)), map: map.build(), count };
}

const CLUSTERS = new Map<number, string | null>();

/** The NFC of text[s, e), or null when NFC leaves it as it is. */
function composeCluster(text: string, s: number, e: number): string | null {
  const len = e - s;
  if (len <= 3) {
    let key = 0;
    for (let k = s; k < e; k++) key = key * 0x10000 + text.charCodeAt(k);
    key = key * 4 + len;
    let v = CLUSTERS.get(key);
    if (v === undefined) {
      const cluster = text.slice(s, e);
      const norm = cluster.normalize('NFC');
      v = norm === cluster ? null : norm;
      if (CLUSTERS.size > 50_000) CLUSTERS.clear();
      CLUSTERS.set(key, v);
    }
    return v;
  }
  const cluster = text.slice(s, e);
  const norm = cluster.normalize('NFC');
  return norm === cluster ? null : norm;
}

function grow(a: Uint16Array, size: number): Uint16Array {
  const b = new Uint16Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

const MARK_RE = /^\p{M}$/u;

/** True when NFC may change the character at `i` or join it to the one before. */
function needsNfc(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (FLAGS[c] & F_NFC) return true;
  if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
    const ch = text.slice(i, i + 2);
    return MARK_RE.test(ch) || ch.normalize('NFC') !== ch;
  }
  return false;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
