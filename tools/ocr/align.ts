/**
 * Alignment of OCR output with its clean text, by words then by characters.
 * synth-ocr (and a real scan) re-wraps lines, drops or merges words, so the
 * two sides are aligned as word sequences with a banded dynamic programme on
 * folded, lower-cased words; 2:1 and 1:2 steps capture merged and split tokens.
 */
import { foldDiacritics } from '../../src/text/fold.js';
import { placeTone } from '../../src/text/vietnamese.js';

export interface WordPair {
  /** Clean words (1 or 2, joined by a space), empty for an OCR insertion. */
  clean: string;
  /** OCR words (1 or 2, joined by a space), empty for a deletion. */
  ocr: string;
}

/** Whitespace-separated words, NFC. */
export function words(text: string): string[] {
  return text.normalize('NFC').split(/\s+/u).filter((w) => w.length > 0);
}

/** Lower-case folded key used to compare words across the channel. */
export function key(w: string): string {
  return foldDiacritics(w.toLowerCase());
}

/** Levenshtein distance (unit costs), with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 1e9): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** Cost of matching two keys: 0 for equal, up to 1 for unrelated. */
function pairCost(a: string, b: string): number {
  if (a === b) return 0;
  const L = Math.max(a.length, b.length);
  const d = editDistance(a, b, L);
  return Math.min(1.2, (d / L) * 1.25);
}

const GAP = 0.75;

/**
 * Aligns two word sequences. Returns the aligned pairs in order (matches,
 * merges, splits, insertions, deletions). `band` bounds |i·m/n − j|.
 */
export function alignWords(clean: string[], ocr: string[], band = 120): WordPair[] {
  const n = clean.length;
  const m = ocr.length;
  const ck = clean.map(key);
  const ok = ocr.map(key);
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  const back = new Uint8Array((n + 1) * W);
  cost[0] = 0;
  const ratio = n > 0 ? m / n : 1;
  for (let i = 0; i <= n; i++) {
    const center = Math.round(i * ratio);
    const lo = Math.max(0, center - band);
    const hi = Math.min(m, center + band);
    for (let j = lo; j <= hi; j++) {
      const here = cost[i * W + j];
      if (here === Infinity) continue;
      // 1: match i,j   2: delete clean i   3: insert ocr j   4: clean i,i+1 ~ ocr j   5: clean i ~ ocr j,j+1
      if (i < n && j < m) relax(i + 1, j + 1, here + pairCost(ck[i], ok[j]), 1);
      if (i < n) relax(i + 1, j, here + GAP, 2);
      if (j < m) relax(i, j + 1, here + GAP, 3);
      if (i + 1 < n && j < m) relax(i + 2, j + 1, here + pairCost(ck[i] + ck[i + 1], ok[j]) + 0.3, 4);
      if (i < n && j + 1 < m) relax(i + 1, j + 2, here + pairCost(ck[i], ok[j] + ok[j + 1]) + 0.3, 5);
    }
  }
  function relax(i: number, j: number, c: number, op: number): void {
    const k = i * W + j;
    if (c < cost[k]) {
      cost[k] = c;
      back[k] = op;
    }
  }
  const out: WordPair[] = [];
  let i = n;
  let j = m;
  if (cost[n * W + m] === Infinity) return out;
  while (i > 0 || j > 0) {
    const op = back[i * W + j];
    if (op === 1) {
      out.push({ clean: clean[i - 1], ocr: ocr[j - 1] });
      i--;
      j--;
    } else if (op === 2) {
      out.push({ clean: clean[i - 1], ocr: '' });
      i--;
    } else if (op === 3) {
      out.push({ clean: '', ocr: ocr[j - 1] });
      j--;
    } else if (op === 4) {
      out.push({ clean: clean[i - 2] + ' ' + clean[i - 1], ocr: ocr[j - 1] });
      i -= 2;
      j--;
    } else if (op === 5) {
      out.push({ clean: clean[i - 1], ocr: ocr[j - 2] + ' ' + ocr[j - 1] });
      i--;
      j -= 2;
    } else break;
  }
  return out.reverse();
}

export type CharOp = [clean: string, ocr: string];

/**
 * Character alignment of two strings (Levenshtein on folded, lower-cased
 * code units; substitutions preferred). Returns one op per step: [c, o] with
 * c or o '' for an insertion or deletion. The strings are returned as written
 * (not folded), so marks can be read from the ops.
 */
export function alignChars(clean: string, ocr: string): CharOp[] {
  const a = key(clean);
  const b = key(ocr);
  const n = a.length;
  const m = b.length;
  const W = m + 1;
  const d = new Int32Array((n + 1) * W);
  for (let i = 0; i <= n; i++) d[i * W] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sub = d[(i - 1) * W + j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const del = d[(i - 1) * W + j] + 1;
      const ins = d[i * W + j - 1] + 1;
      d[i * W + j] = Math.min(sub, del, ins);
    }
  }
  const ops: CharOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * W + j];
    if (i > 0 && j > 0 && here === d[(i - 1) * W + j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)) {
      ops.push([clean[i - 1], ocr[j - 1]]);
      i--;
      j--;
    } else if (i > 0 && here === d[(i - 1) * W + j] + 1) {
      ops.push([clean[i - 1], '']);
      i--;
    } else {
      ops.push(['', ocr[j - 1]]);
      j--;
    }
  }
  return ops.reverse();
}

const PUNCT_EDGE = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** A word without its surrounding punctuation, lower-case, NFC, tone in the 'new' place ("hoá" → "hóa"). */
export function bareWord(w: string): string {
  return placeTone(w.replace(PUNCT_EDGE, '').toLowerCase().normalize('NFC'), 'new');
}

export interface SyllableScore {
  /** Reference words that contain a letter. */
  total: number;
  /** ... read exactly (case aside) in the output. */
  correct: number;
  /** ... right once diacritics are folded on both sides. */
  foldedCorrect: number;
}

/**
 * Syllable accuracy of `output` against the clean `reference`: the two are
 * aligned as folded word sequences; a reference word that holds a letter is
 * right when its aligned output word is the same word (case, surrounding
 * punctuation and the placement style of the tone mark aside: an OCR page
 * does not say whether it was "hoá" or "hóa").
 */
export function syllableAccuracy(reference: string, output: string): SyllableScore {
  const ref = words(reference).map(bareWord).filter((w) => w.length > 0);
  const out = words(output).map(bareWord).filter((w) => w.length > 0);
  const pairs = alignWords(ref, out, Math.max(200, Math.abs(ref.length - out.length) + 50));
  let total = 0;
  let correct = 0;
  let foldedCorrect = 0;
  for (const p of pairs) {
    if (!p.clean) continue;
    const cw = p.clean.split(' ');
    for (const c of cw) {
      if (!/\p{L}/u.test(c)) continue;
      total++;
      if (cw.length === 1 && !p.ocr.includes(' ')) {
        if (p.ocr === c) correct++;
        if (key(p.ocr) === key(c)) foldedCorrect++;
      }
    }
  }
  return { total, correct, foldedCorrect };
}
