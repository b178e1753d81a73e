/**
 * The Unicode stage: characters unified one by one (see `chars.ts` for
 * exactly what becomes what), then NFC. Both return offset maps.
 */
import { FLAGS, F_NFC, F_SPECIAL, REMOVED, SPECIAL_KIND, SPECIAL_KINDS, SPECIAL_TO, type SpecialKind } from './chars.js';
import { OffsetMapBuilder, type OffsetMap } from './offsets.js';

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
 */
export function composeNfc(text: string): NfcResult {
  const n = text.length;
  const map = new OffsetMapBuilder();
  const parts: string[] = [];
  let copyFrom = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!needsNfc(text, i)) continue;
    let s = i > copyFrom ? i - 1 : i;
    if (s > copyFrom && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
    let e = i + (isHigh(text.charCodeAt(i)) && i + 1 < n && isLow(text.charCodeAt(i + 1)) ? 2 : 1);
    while (e < n && needsNfc(text, e)) e += isHigh(text.charCodeAt(e)) && e + 1 < n && isLow(text.charCodeAt(e + 1)) ? 2 : 1;
    const cluster = text.slice(s, e);
    const norm = cluster.normalize('NFC');
    i = e - 1;
    if (norm === cluster) continue;
    parts.push(text.slice(copyFrom, s), norm);
    map.keep(s - copyFrom).replace(e - s, norm.length);
    copyFrom = e;
    count++;
  }
  if (count === 0) return { text, map: map.keep(n).build(), count };
  parts.push(text.slice(copyFrom));
  map.keep(n - copyFrom);
  return { text: parts.join(''), map: map.build(), count };
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
