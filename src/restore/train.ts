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
import { encodeModel, type ModelData } from './model.js';
import { tonelessSyllables } from './syllables.js';

export interface TrainOptions {
  /** Keep a bigram seen fewer times than this (raw count) only when a kept trigram needs it as context. Default 2. */
  minBigramCount?: number;
  /** Drop trigrams seen fewer times than this. Default 2. */
  minTrigramCount?: number;
  /** A word that is not a Vietnamese syllable (names such as "Đắk", codes such as "UBND") joins the vocabulary from this count. Default 5. */
  minForeignCount?: number;
  /** Most word types kept (by count); the format allows 65,536 ids in all. Default 65,000. */
  maxVocab?: number;
  /** Free-form facts recorded in the model's metadata (sources, held-out rule). */
  meta?: Record<string, unknown>;
}

const TWO16 = 65536;
const TWO32 = 4294967296;

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
    const minBi = options.minBigramCount ?? 2;
    const minTri = options.minTrigramCount ?? 2;
    const minForeign = options.minForeignCount ?? 5;
    const maxVocab = Math.min(options.maxVocab ?? 65000, TWO16 - FIRST_WORD_ID);

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

    // 2. Trigram counts over "<s> <s> w1 ... wn </s>" (so every bigram is the tail of a trigram).
    const tri = new CountTable(1 << 20);
    let s = 0;
    for (let q = 0; q < this.weights.length; q++) {
      const w = this.weights[q];
      let u = TOK_BOS;
      let v = TOK_BOS;
      for (;;) {
        const raw = this.seq[s++];
        const x = raw < 0 ? TOK_EOS : mapId(raw);
        tri.add((u * TWO16 + v) * TWO16 + x, w);
        if (raw < 0) break;
        u = v;
        v = x;
      }
    }
    const { keys: triKeys, counts: triCounts } = tri.sortedEntries();
    const nTri = triKeys.length;

    // 3. Bigram raw counts and continuation counts N1+(• v w), from the sorted trigrams.
    const biRaw = new CountTable(1 << 18);
    const biCont = new CountTable(1 << 18);
    for (let k = 0; k < nTri; k++) {
      const key = triKeys[k];
      const vw = key % TWO32; // (v, w) is the low 32 bits
      biRaw.add(vw, triCounts[k]);
      biCont.add(vw, 1);
    }
    // The (<s>, <s>) context opens every sequence but ends no trigram: give it its bigram entry.
    biRaw.add(TOK_BOS * TWO16 + TOK_BOS, this.seqCount);
    biCont.add(TOK_BOS * TWO16 + TOK_BOS, 1);
    const { keys: biKeys } = biRaw.sortedEntries();
    const nBi = biKeys.length;
    const biRawCount = new Float64Array(nBi);
    const biContCount = new Float64Array(nBi);
    for (let k = 0; k < nBi; k++) {
      biRawCount[k] = biRaw.get(biKeys[k]);
      biContCount[k] = biCont.get(biKeys[k]);
    }

    // 4. Unigram continuation counts N1+(• w) and the unigram distribution.
    const uniCont = new Float64Array(V);
    for (let k = 0; k < nBi; k++) uniCont[biKeys[k] % TWO16]++;
    uniCont[TOK_BOS] = 0;
    let uniTotal = 0;
    for (let w = 0; w < V; w++) uniTotal += uniCont[w];
    const uniP = new Float64Array(V);
    // A little uniform mass so that every id (unseen syllables, <unk>) has a probability.
    const uniform = 1 / V;
    for (let w = 0; w < V; w++) uniP[w] = 0.999 * (uniCont[w] / uniTotal) + 0.001 * uniform;

    // 5. Bigram level (continuation counts), interpolated with the unigram.
    const D2 = discounts(biContCount);
    const ctx2 = contextStats(biKeys, biContCount, (key) => Math.floor(key / TWO16), D2);
    const biP = new Float64Array(nBi);
    for (let k = 0; k < nBi; k++) {
      const v = Math.floor(biKeys[k] / TWO16);
      const w = biKeys[k] % TWO16;
      const c = biContCount[k];
      const st = ctx2.get(v)!;
      biP[k] = Math.max(c - discountOf(D2, c), 0) / st.total + st.gamma * uniP[w];
    }
    const uniBackoff = new Float32Array(V);
    for (const [v, st] of ctx2) uniBackoff[v] = Math.log10(st.gamma);

    // 6. Trigram level (raw counts), interpolated with the bigram level.
    const D3 = discounts(triCounts);
    const ctx3 = contextStats(triKeys, triCounts, (key) => Math.floor(key / TWO16), D3);
    const biIndex = new Map<number, number>();
    for (let k = 0; k < nBi; k++) biIndex.set(biKeys[k], k);
    const triP = new Float64Array(nTri);
    for (let k = 0; k < nTri; k++) {
      const key = triKeys[k];
      const uv = Math.floor(key / TWO16);
      const vw = key % TWO32;
      const c = triCounts[k];
      const st = ctx3.get(uv)!;
      triP[k] = Math.max(c - discountOf(D3, c), 0) / st.total + st.gamma * biP[biIndex.get(vw)!];
    }

    // 7. Pruning: trigrams by count; bigrams by raw count unless a kept trigram needs them as its context.
    const keepTri = new Uint8Array(nTri);
    const needed = new Set<number>();
    let keptTri = 0;
    for (let k = 0; k < nTri; k++) {
      if (triCounts[k] >= minTri) {
        keepTri[k] = 1;
        keptTri++;
        needed.add(Math.floor(triKeys[k] / TWO16));
      }
    }
    const keepBi = new Uint8Array(nBi);
    let keptBi = 0;
    for (let k = 0; k < nBi; k++) {
      if (biRawCount[k] >= minBi || needed.has(biKeys[k])) {
        keepBi[k] = 1;
        keptBi++;
      }
    }

    // 8. Pack: bigrams grouped by first word, trigrams grouped by their (kept) bigram context.
    const uniChildren = new Uint16Array(V);
    const biWord = new Uint16Array(keptBi);
    const biChildren = new Uint16Array(keptBi);
    const biLogP = new Float32Array(keptBi);
    const biLogBo = new Float32Array(keptBi);
    const keptBiIndex = new Map<number, number>();
    let b = 0;
    for (let k = 0; k < nBi; k++) {
      if (!keepBi[k]) continue;
      const key = biKeys[k];
      uniChildren[Math.floor(key / TWO16)]++;
      biWord[b] = key % TWO16;
      biLogP[b] = Math.log10(biP[k]);
      const st = ctx3.get(key);
      biLogBo[b] = st ? Math.log10(st.gamma) : 0;
      keptBiIndex.set(key, b);
      b++;
    }
    const triWord = new Uint16Array(keptTri);
    const triLogP = new Float32Array(keptTri);
    let t = 0;
    for (let k = 0; k < nTri; k++) {
      if (!keepTri[k]) continue;
      const key = triKeys[k];
      const ctx = keptBiIndex.get(Math.floor(key / TWO16));
      if (ctx === undefined) throw new Error('LmTrainer: a kept trigram has no bigram context (internal error)');
      biChildren[ctx]++;
      triWord[t] = key % TWO16;
      triLogP[t] = Math.log10(triP[k]);
      t++;
    }
    const uniProb = new Float32Array(V);
    for (let w = 0; w < V; w++) uniProb[w] = Math.log10(uniP[w]);

    const biProbQ = quantize(biLogP);
    const biBoQ = quantize(biLogBo);
    const triProbQ = quantize(triLogP);
    const stats: BuildStats = {
      paragraphs: this.seqCount,
      tokens: this.tokenCount,
      chars: this.charCount,
      vocabulary: V,
      bigramsSeen: nBi,
      bigramsKept: keptBi,
      trigramsSeen: nTri,
      trigramsKept: keptTri,
      minBigramCount: minBi,
      minTrigramCount: minTri,
      minForeignCount: minForeign,
      discounts: { bigram: D2, trigram: D3 },
    };
    const data: ModelData = {
      order: 3,
      vocab,
      meta: { ...options.meta, ...stats },
      uniProb,
      uniBackoff,
      uniChildren,
      biWord,
      biChildren,
      biProbCode: biProbQ.codes,
      biBackoffCode: biBoQ.codes,
      triWord,
      triProbCode: triProbQ.codes,
      biProbBook: biProbQ.book,
      biBackoffBook: biBoQ.book,
      triProbBook: triProbQ.book,
    };
    return { bytes: encodeModel(data), stats };
  }
}

export interface BuildStats {
  paragraphs: number;
  tokens: number;
  chars: number;
  vocabulary: number;
  bigramsSeen: number;
  bigramsKept: number;
  trigramsSeen: number;
  trigramsKept: number;
  minBigramCount: number;
  minTrigramCount: number;
  minForeignCount: number;
  discounts: { bigram: number[]; trigram: number[] };
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

interface ContextStat {
  total: number;
  gamma: number;
}

/** Per context: total count and the interpolation weight γ = (D1 N1 + D2 N2 + D3 N3+) / total. */
function contextStats(keys: Float64Array, counts: Float64Array, ctxOf: (key: number) => number, D: number[]): Map<number, ContextStat> {
  const out = new Map<number, ContextStat>();
  let k = 0;
  while (k < keys.length) {
    const ctx = ctxOf(keys[k]);
    let total = 0;
    let mass = 0;
    let j = k;
    for (; j < keys.length && ctxOf(keys[j]) === ctx; j++) {
      total += counts[j];
      mass += Math.min(discountOf(D, counts[j]), counts[j]);
    }
    out.set(ctx, { total, gamma: Math.min(Math.max(mass / total, 1e-6), 1) });
    k = j;
  }
  return out;
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
