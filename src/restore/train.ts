/**
 * Training a syllable trigram model: count, select the vocabulary, estimate
 * interpolated modified Kneser-Ney probabilities, prune by count, quantize,
 * and pack (see `model.ts` for the file format).
 *
 * Pure: text in, bytes out. Reading files (and .xz) is the caller's job
 * (`vnref train-lm`, `tools/train-default-model.sh`).
 */
import { KIND_WORD, tokenizeStream } from '../text/tokenize.js';
import { CountTable } from './count-table.js';
import { FIRST_WORD_ID, SPECIAL_NAMES, TOK_BOS, TOK_EOS, TOK_UNK, classToken, wordType } from './lm-tokens.js';
import { encodeModel, type ModelData, type ModelLevel } from './model.js';
import { tonelessSyllables } from './syllables.js';

export interface TrainOptions {
  /** n-gram order, 3 or 4 (default 4). Order 4 packs ids in 13 bits: at most 8,192 types. */
  order?: 3 | 4;
  /** Drop 4-grams seen fewer times than this. Default 2. */
  minFourgramCount?: number;
  /** Keep a bigram seen fewer times than this (raw count) only when a kept trigram needs it as context. Default 2. */
  minBigramCount?: number;
  /** Drop trigrams seen fewer times than this. Default 2. */
  minTrigramCount?: number;
  /** A word that is not a Vietnamese syllable (names such as "Đắk", codes such as "UBND") joins the vocabulary from this count. Default 5. */
  minForeignCount?: number;
  /**
   * Also drop an n-gram whose backoff estimate is within this many log10 units below its own
   * probability (it adds little). Default 0 (off).
   */
  pruneDelta?: number;
  /** Most ids (word types + specials) kept, by count; at most 65,536 (order 3) or 8,192 (order 4). */
  maxVocab?: number;
  /** Free-form facts recorded in the model's metadata (sources, held-out rule). */
  meta?: Record<string, unknown>;
}


/** Collects training text, then {@link LmTrainer.build}s a model. */
export class LmTrainer {
  /** Provisional type ids (by first appearance) of every word type seen. */
  private readonly typeIds = new Map<string, number>();
  private readonly typeNames: string[] = [];
  private typeCounts = new Float64Array(1024);
  /** Token sequence: provisional ids, word types offset by FIRST_WORD_ID; sequences separated by -1. */
  private seq = new Int32Array(1 << 20);
  private seqLen = 0;
  private weights: number[] = [];
  private seqCount = 0;
  private tokenCount = 0;
  private charCount = 0;

  /** Adds one paragraph (or a whole hard-wrapped document: line breaks are not tokens), counted `weight` times. */
  addText(text: string, weight = 1): void {
    if (!(weight > 0) || !Number.isInteger(weight)) throw new RangeError('addText: weight must be a positive integer');
    const st = tokenizeStream(text);
    let added = 0;
    for (let k = 0; k < st.length; k++) {
      const kind = st.kinds[k];
      let id: number;
      if (kind === KIND_WORD) {
        const word = text.slice(st.starts[k], st.ends[k]);
        const type = wordType(word);
        let t = this.typeIds.get(type);
        if (t === undefined) {
          t = this.typeNames.length;
          this.typeIds.set(type, t);
          this.typeNames.push(type);
          if (t >= this.typeCounts.length) {
            const c = new Float64Array(this.typeCounts.length * 2);
            c.set(this.typeCounts);
            this.typeCounts = c;
          }
        }
        this.typeCounts[t] += weight;
        id = t + FIRST_WORD_ID;
      } else {
        id = classToken(kind, text.charCodeAt(st.starts[k]));
        if (id < 0) continue;
      }
      this.push(id);
      added++;
    }
    if (added === 0) return;
    this.push(-1);
    this.weights.push(weight);
    this.seqCount++;
    this.tokenCount += added;
    this.charCount += text.length;
  }

  private push(id: number): void {
    if (this.seqLen === this.seq.length) {
      const s = new Int32Array(this.seq.length * 2);
      s.set(this.seq);
      this.seq = s;
    }
    this.seq[this.seqLen++] = id;
  }

  /** What has been added so far. */
  get stats(): { paragraphs: number; tokens: number; chars: number; types: number } {
    return { paragraphs: this.seqCount, tokens: this.tokenCount, chars: this.charCount, types: this.typeNames.length };
  }

  /** Estimates, prunes and packs the model. */
  build(options: TrainOptions = {}): { bytes: Uint8Array; stats: BuildStats } {
    const order = options.order ?? 4;
    if (order !== 3 && order !== 4) throw new RangeError('LmTrainer.build: order must be 3 or 4');
    const minCount = [0, 0, options.minBigramCount ?? 2, options.minTrigramCount ?? 2, options.minFourgramCount ?? 2];
    for (let n = 3; n <= order; n++) minCount[n] = Math.max(minCount[n], minCount[n - 1]); // keeps the model suffix-closed
    const minForeign = options.minForeignCount ?? 5;
    // n-gram keys pack `bits` bits per id into one number below 2^53.
    const bits = order === 3 ? 16 : 13;
    const maxIds = Math.min(2 ** bits, 65536);
    const maxVocab = Math.min(options.maxVocab ?? maxIds, maxIds) - FIRST_WORD_ID;
    const base = 2 ** bits;

    // 1. Vocabulary: every Vietnamese syllable seen, plus other words seen often enough.
    const syllableKeys = new Set(tonelessSyllables());
    const chosen: number[] = [];
    for (let t = 0; t < this.typeNames.length; t++) {
      const name = this.typeNames[t];
      if (/\p{M}/u.test(name) || name.length > 16) continue;
      const isSyllable = syllableKeys.has(tonelessOf(name));
      if (isSyllable || this.typeCounts[t] >= minForeign) chosen.push(t);
    }
    chosen.sort((a, b) => this.typeCounts[b] - this.typeCounts[a] || (this.typeNames[a] < this.typeNames[b] ? -1 : 1));
    chosen.length = Math.min(chosen.length, maxVocab);
    const remap = new Int32Array(this.typeNames.length).fill(TOK_UNK);
    const vocab = SPECIAL_NAMES.slice();
    for (const t of chosen) {
      remap[t] = vocab.length;
      vocab.push(this.typeNames[t]);
    }
    const V = vocab.length;
    const mapId = (id: number) => (id < FIRST_WORD_ID ? id : remap[id - FIRST_WORD_ID]);

    // 2. Counts of the highest order over "<s>… w1 ... wn </s>" with order-1 <s>, so that every
    //    lower-order n-gram occurrence is the suffix of a highest-order one.
    const top = new CountTable(1 << 20);
    const topMod = base ** (order - 1);
    let s = 0;
    for (let q = 0; q < this.weights.length; q++) {
      const w = this.weights[q];
      let hist = 0; // the last order-1 ids, packed; all <s> (id 0) at the start
      for (;;) {
        const raw = this.seq[s++];
        const x = raw < 0 ? TOK_EOS : mapId(raw);
        top.add(hist * base + x, w);
        if (raw < 0) break;
        hist = (hist % (topMod / base)) * base + x;
      }
    }
    // levels[n]: sorted keys, raw counts, and the counts KN uses (raw at the top and for n-grams
    // that start with <s>; continuation counts N1+(• g) below).
    const levels: Level[] = [];
    {
      const e = top.sortedEntries();
      levels[order] = { keys: e.keys, raw: e.counts, kn: e.counts };
    }
    for (let n = order - 1; n >= 1; n--) {
      const up = levels[n + 1];
      const mod = base ** n;
      const raw = new CountTable(Math.max(1 << 16, up.keys.length >>> 2));
      const cont = new CountTable(Math.max(1 << 16, up.keys.length >>> 2));
      for (let k = 0; k < up.keys.length; k++) {
        const suffix = up.keys[k] % mod;
        raw.add(suffix, up.raw[k]);
        cont.add(suffix, 1);
      }
      // Contexts made only of <s> end no longer n-gram: give them their entry (key 0).
      if (n >= 2) {
        raw.add(0, this.seqCount);
        cont.add(0, 1);
      }
      const { keys, counts } = raw.sortedEntries();
      const kn = new Float64Array(keys.length);
      const startsWithBos = (key: number) => Math.floor(key / base ** (n - 1)) === TOK_BOS;
      for (let k = 0; k < keys.length; k++) kn[k] = n >= 2 && startsWithBos(keys[k]) ? counts[k] : cont.get(keys[k]);
      levels[n] = { keys, raw: counts, kn };
    }

    // 3. Unigram distribution from continuation counts, with a little uniform mass so every id has one.
    const uniP = new Float64Array(V);
    {
      const L1 = levels[1];
      let total = 0;
      for (let k = 0; k < L1.keys.length; k++) if (L1.keys[k] !== TOK_BOS) total += L1.kn[k];
      for (let k = 0; k < L1.keys.length; k++) if (L1.keys[k] !== TOK_BOS) uniP[L1.keys[k]] = L1.kn[k] / total;
      for (let w = 0; w < V; w++) uniP[w] = 0.999 * uniP[w] + 0.001 / V;
    }

    // 4. Interpolated modified Kneser-Ney, level by level; gamma[n-1][i] is the weight of context i
    //    (an entry of level n-1) toward level n-1.
    const prob: Float64Array[] = [];
    const gamma: Float64Array[] = [];
    const D: number[][] = [];
    prob[1] = new Float64Array(levels[1].keys.length);
    for (let k = 0; k < levels[1].keys.length; k++) prob[1][k] = uniP[levels[1].keys[k]];
    for (let n = 2; n <= order; n++) {
      const L = levels[n];
      const P = levels[n - 1];
      D[n] = discounts(L.kn);
      const g = new Float64Array(P.keys.length).fill(1);
      const pr = new Float64Array(L.keys.length);
      const lowMod = base ** (n - 1);
      let k = 0;
      while (k < L.keys.length) {
        const ctx = Math.floor(L.keys[k] / base);
        let total = 0;
        let mass = 0;
        let j = k;
        for (; j < L.keys.length && Math.floor(L.keys[j] / base) === ctx; j++) {
          total += L.kn[j];
          mass += Math.min(discountOf(D[n], L.kn[j]), L.kn[j]);
        }
        const gm = Math.min(Math.max(mass / total, 1e-6), 1);
        // Every context is itself an entry of the level below (the padding makes sure of it).
        g[bsearch(P.keys, ctx)] = gm;
        for (let i = k; i < j; i++) {
          const lower = n === 2 ? uniP[L.keys[i] % base] : prob[n - 1][bsearch(P.keys, L.keys[i] % lowMod)];
          pr[i] = Math.max(L.kn[i] - discountOf(D[n], L.kn[i]), 0) / total + gm * lower;
        }
        k = j;
      }
      prob[n] = pr;
      gamma[n - 1] = g;
    }

    // 5. Pruning, top down. An n-gram goes when it is seen fewer than minCount times, or when
    //    the backoff estimate (context weight × the shorter n-gram's probability) is within
    //    pruneDelta (log10) below its own probability: keeping it would change little. An
    //    n-gram stays whenever a kept longer one needs it as its context.
    const pruneDelta = options.pruneDelta ?? 0;
    const keep: Uint8Array[] = [];
    let prunedByDelta = 0;
    for (let n: number = order; n >= 2; n--) {
      const L = levels[n];
      const P = levels[n - 1];
      const kp = new Uint8Array(L.keys.length);
      const lowMod = base ** (n - 1);
      for (let k = 0; k < L.keys.length; k++) {
        if (L.raw[k] < minCount[n]) continue;
        if (pruneDelta > 0) {
          const ctx = bsearch(P.keys, Math.floor(L.keys[k] / base));
          const lower = n === 2 ? uniP[L.keys[k] % base] : prob[n - 1][bsearch(P.keys, L.keys[k] % lowMod)];
          const delta = Math.log10(prob[n][k]) - Math.log10(gamma[n - 1][ctx] * lower);
          if (delta >= 0 && delta < pruneDelta) {
            prunedByDelta++;
            continue;
          }
        }
        kp[k] = 1;
      }
      if (n < order) {
        const up = levels[n + 1];
        for (let k = 0; k < up.keys.length; k++) if (keep[n + 1][k]) kp[bsearch(L.keys, Math.floor(up.keys[k] / base))] = 1;
      }
      keep[n] = kp;
    }

    // 6. Pack: each level grouped by its context (the level below), sorted by last word.
    const uniChildren = new Uint16Array(V);
    const words: Uint16Array[] = [];
    const children: Uint16Array[] = [];
    const logP: Float32Array[] = [];
    const logBo: Float32Array[] = [];
    const kept: number[] = [0, V];
    const keptIndex: Int32Array[] = []; // old index → packed index at each level
    keptIndex[1] = new Int32Array(levels[1].keys.length);
    for (let k = 0; k < levels[1].keys.length; k++) keptIndex[1][k] = levels[1].keys[k];
    for (let n = 2; n <= order; n++) {
      const L = levels[n];
      const P = levels[n - 1];
      let m = 0;
      for (let k = 0; k < L.keys.length; k++) if (keep[n][k]) m++;
      kept[n] = m;
      words[n] = new Uint16Array(m);
      logP[n] = new Float32Array(m);
      if (n < order) {
        children[n] = new Uint16Array(m);
        logBo[n] = new Float32Array(m);
      }
      keptIndex[n] = new Int32Array(L.keys.length).fill(-1);
      const parentChildren = n === 2 ? uniChildren : children[n - 1];
      let w = 0;
      for (let k = 0; k < L.keys.length; k++) {
        if (!keep[n][k]) continue;
        const parent = keptIndex[n - 1][bsearch(P.keys, Math.floor(L.keys[k] / base))];
        if (parent < 0) throw new Error('LmTrainer: a kept n-gram has no kept context (internal error)');
        parentChildren[parent]++;
        words[n][w] = L.keys[k] % base;
        logP[n][w] = Math.log10(prob[n][k]);
        if (n < order) logBo[n][w] = Math.log10(gamma[n][k]);
        keptIndex[n][k] = w;
        w++;
      }
    }
    const uniProb = new Float32Array(V);
    const uniBackoff = new Float32Array(V);
    for (let w = 0; w < V; w++) uniProb[w] = Math.log10(uniP[w]);
    for (let k = 0; k < levels[1].keys.length; k++) uniBackoff[levels[1].keys[k]] = Math.log10(gamma[1][k]);

    const stats: BuildStats = {
      order,
      paragraphs: this.seqCount,
      tokens: this.tokenCount,
      chars: this.charCount,
      vocabulary: V,
      seen: levels.map((l) => l?.keys.length ?? 0).slice(2),
      kept: kept.slice(2),
      minCount: minCount.slice(2, order + 1),
      minForeignCount: minForeign,
      pruneDelta,
      prunedByDelta,
      discounts: D.slice(2),
    };
    const levelData: ModelLevel[] = [];
    for (let n = 2; n <= order; n++) {
      const pq = quantize(logP[n]);
      const bq = n < order ? quantize(logBo[n]) : null;
      levelData.push({
        word: words[n],
        children: n < order ? children[n] : null,
        probCode: pq.codes,
        probBook: pq.book,
        backoffCode: bq ? bq.codes : null,
        backoffBook: bq ? bq.book : null,
      });
    }
    const data: ModelData = { order, vocab, meta: { ...options.meta, ...stats }, uniProb, uniBackoff, uniChildren, levels: levelData };
    return { bytes: encodeModel(data), stats };
  }
}

interface Level {
  keys: Float64Array;
  raw: Float64Array;
  kn: Float64Array;
}

function bsearch(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid];
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export interface BuildStats {
  order: number;
  paragraphs: number;
  tokens: number;
  chars: number;
  vocabulary: number;
  /** Distinct n-grams seen, from bigrams up. */
  seen: number[];
  /** n-grams kept after pruning, from bigrams up. */
  kept: number[];
  /** Count cutoffs, from bigrams up. */
  minCount: number[];
  minForeignCount: number;
  /** Relative pruning threshold (log10), and how many n-grams it removed (some come back as contexts). */
  pruneDelta: number;
  prunedByDelta: number;
  /** Modified Kneser-Ney discounts (D1, D2, D3+) per level, from bigrams up. */
  discounts: number[][];
}

/** The toneless, lower-case form of a type with vowel qualities kept ("quyết" → "quyêt"), via the folded spelling check. */
function tonelessOf(type: string): string {
  // The inventory's toneless syllables keep ă â ê ô ơ ư đ; strip only tone marks.
  let out = '';
  for (const ch of type.normalize('NFD')) {
    const c = ch.charCodeAt(0);
    if (c === 0x0301 || c === 0x0300 || c === 0x0309 || c === 0x0303 || c === 0x0323) continue;
    out += ch;
  }
  return out.normalize('NFC');
}

/** Modified Kneser-Ney discounts D1, D2, D3+ from the counts of counts (Chen & Goodman). */
function discounts(counts: Float64Array): number[] {
  const n = [0, 0, 0, 0, 0];
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k];
    if (c >= 1 && c <= 4 && Number.isInteger(c)) n[c]++;
  }
  if (n[1] === 0 || n[2] === 0 || n[3] === 0 || n[4] === 0) return [0.5, 1, 1.5];
  const Y = n[1] / (n[1] + 2 * n[2]);
  const d1 = 1 - 2 * Y * (n[2] / n[1]);
  const d2 = 2 - 3 * Y * (n[3] / n[2]);
  const d3 = 3 - 4 * Y * (n[4] / n[3]);
  const clamp = (d: number, hi: number) => Math.min(Math.max(d, 0.05), hi);
  return [clamp(d1, 0.95), clamp(d2, 1.95), clamp(d3, 2.95)];
}

function discountOf(D: number[], c: number): number {
  return c >= 3 ? D[2] : c >= 2 ? D[1] : c >= 1 ? D[0] : 0;
}

/** 8-bit quantization with quantile bins: codes plus a 256-entry codebook of bin means. */
export function quantize(values: Float32Array): { codes: Uint8Array; book: Float32Array } {
  const n = values.length;
  const codes = new Uint8Array(n);
  const book = new Float32Array(256);
  if (n === 0) return { codes, book };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  // Bin boundaries at quantiles; equal values never straddle two bins.
  let bin = 0;
  let start = 0;
  while (start < n && bin < 256) {
    let stop = Math.min(n, Math.max(start + 1, Math.round(((bin + 1) * n) / 256)));
    if (bin === 255) stop = n;
    while (stop < n && values[order[stop]] === values[order[stop - 1]]) stop++;
    let sum = 0;
    for (let k = start; k < stop; k++) {
      codes[order[k]] = bin;
      sum += values[order[k]];
    }
    book[bin] = sum / (stop - start);
    bin++;
    start = stop;
  }
  for (let b = bin; b < 256; b++) book[b] = book[bin - 1];
  return { codes, book };
}
