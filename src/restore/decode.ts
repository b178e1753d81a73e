/**
 * Viterbi decoding of a {@link Lattice} under the n-gram language model.
 *
 * A state is the choice made at the last N-1 positions (N = model order);
 * states that agree on those merge, keeping the better score. States more
 * than `beam` (log10) below the best at their position are dropped, which
 * keeps the ambiguous stretches cheap. Each state carries the model entries
 * matching its history (one per order), so a transition costs a few binary
 * searches.
 *
 * Confidence, per position: the chosen candidate's share of probability
 * against each alternative put in its place on the best path, scored over
 * the N positions the change affects (a local substitution posterior).
 */
import type { Lattice } from './lattice.js';
import { TOK_BOS, TOK_EOS } from './lm-tokens.js';
import type { LanguageModel } from './model.js';

export interface DecodeOptions {
  /** Drop states this far (log10) below the best at their position. Default 4 (measured: 6 gives the same accuracy at half the speed, 3 loses 0.03 points). */
  beam?: number;
  /** Compute per-position confidence now (else call {@link decodeConfidence} when needed). Default true. */
  confidence?: boolean;
}

export interface DecodeResult {
  /** Chosen candidate of each position, as an index into the position's candidates (0 = its first). */
  readonly choice: Int32Array;
  /** 0..1 per position: the chosen candidate's share against the alternatives (1 for a fixed position; all 1 when not computed). */
  readonly confidence: Float32Array;
  /** log10 score (language model + channel) of the best path, `</s>` included. */
  readonly score: number;
}

const MAX_CANDIDATES = 255;

/** Growable state storage shared by all positions of one decode. */
class States {
  cap = 1024;
  n = 0;
  tok = new Int32Array(this.cap);
  local = new Int32Array(this.cap); // candidate index within its position
  back = new Int32Array(this.cap); // previous state
  score = new Float64Array(this.cap);
  nodes: Int32Array; // (order-1) per state: nodes[m-1] = entry of order m matching the history suffix
  constructor(readonly width: number) {
    this.nodes = new Int32Array(this.cap * width);
  }
  add(): number {
    if (this.n === this.cap) {
      this.cap *= 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, mul = 1): T => {
        const b = new (a.constructor as { new (n: number): T })(this.cap * mul);
        b.set(a);
        return b;
      };
      this.tok = grow(this.tok);
      this.local = grow(this.local);
      this.back = grow(this.back);
      this.score = grow(this.score);
      this.nodes = grow(this.nodes, this.width);
    }
    return this.n++;
  }
}

/** Decodes the best candidate sequence of `lattice` under `model`. */
export function decodeLattice(model: LanguageModel, lattice: Lattice, options: DecodeOptions = {}): DecodeResult {
  const beam = options.beam ?? 4;
  const bound = model.logProbBound;
  const N = model.order;
  const W = N - 1;
  const n = lattice.length;
  const { candStart, candToken, candChannel } = lattice;
  for (let i = 0; i < n; i++) {
    const K = candStart[i + 1] - candStart[i];
    if (K < 1 || K > MAX_CANDIDATES) throw new RangeError(`decodeLattice: position ${i} has ${K} candidates (1..${MAX_CANDIDATES} allowed)`);
  }
  const st = new States(W);
  // Initial state: a history of <s> only.
  const s0 = st.add();
  st.tok[s0] = TOK_BOS;
  st.local[s0] = 0;
  st.back[s0] = -1;
  st.score[s0] = 0;
  {
    let node = TOK_BOS;
    st.nodes[0] = TOK_BOS;
    for (let m = 2; m <= W; m++) {
      node = node >= 0 ? model.child(m - 1, node, TOK_BOS) : -1;
      st.nodes[m - 1] = node;
    }
  }
  let prevLo = 0;
  let prevHi = 1;
  let table = new Int32Array(4096);

  for (let i = 0; i <= n; i++) {
    // Position i (i === n: the closing </s>).
    const last = i === n;
    const c0 = last ? 0 : candStart[i];
    const K = last ? 1 : candStart[i + 1] - c0;
    // Merge key of a new state: local indices of the last W positions (older ones from back-pointers).
    const Kp = i >= 1 ? candStart[i] - candStart[i - 1] : 1;
    const Kpp = W >= 3 && i >= 2 ? candStart[i - 1] - candStart[i - 2] : 1;
    const tableSize = (W >= 3 ? Kpp : 1) * (W >= 2 ? Kp : 1) * K;
    if (table.length < tableSize) table = new Int32Array(tableSize * 2);
    table.fill(-1, 0, tableSize);
    const lo = st.n;
    let best = -Infinity;
    for (let s = prevLo; s < prevHi; s++) {
      const base = st.score[s];
      const sNodes = s * W;
      let keyBase = 0;
      if (W >= 2) keyBase = st.local[s];
      if (W >= 3) keyBase += (st.back[s] >= 0 && i >= 2 ? st.local[st.back[s]] : 0) * Kp;
      for (let c = 0; c < K; c++) {
        const ch = last ? 0 : candChannel[c0 + c];
        // No log-probability the model gives exceeds `bound` (0 for most models): a path that cannot
        // reach the beam's floor even so is not scored.
        if (base + ch + bound < best - beam) continue;
        const tok = last ? TOK_EOS : candToken[c0 + c];
        const lp = scoreNext(model, st.nodes, sNodes, tok, W);
        const score = base + lp + ch;
        const key = keyBase * K + c;
        let t = table[key];
        if (t < 0) {
          t = st.add();
          table[key] = t;
          st.tok[t] = tok;
          st.local[t] = c;
          st.score[t] = -Infinity;
        }
        if (score > st.score[t]) {
          st.score[t] = score;
          st.back[t] = s;
          if (score > best) best = score;
        }
      }
    }
    // Beam: keep the states within `beam` of the best (compacting in place; their history
    // entries are filled in below).
    let w = lo;
    const floor = best - beam;
    for (let t = lo; t < st.n; t++) {
      if (st.score[t] < floor) continue;
      if (w !== t) {
        st.tok[w] = st.tok[t];
        st.local[w] = st.local[t];
        st.back[w] = st.back[t];
        st.score[w] = st.score[t];
      }
      w++;
    }
    st.n = w;
    // History entries of the surviving states: extend each of the previous state's by the new token.
    for (let t = lo; t < w; t++) extendNodes(model, st.nodes, st.back[t] * W, st.nodes, t * W, st.tok[t], W);
    prevLo = lo;
    prevHi = w;
  }
  // The best final state and the path to it.
  let bestState = prevLo;
  for (let s = prevLo + 1; s < prevHi; s++) if (st.score[s] > st.score[bestState]) bestState = s;
  const choice = new Int32Array(n);
  let s = st.back[bestState];
  for (let i = n - 1; i >= 0; i--) {
    choice[i] = st.local[s];
    s = st.back[s];
  }
  const confidence = options.confidence === false ? new Float32Array(n).fill(1) : decodeConfidence(model, lattice, choice);
  return { choice, confidence, score: st.score[bestState] };
}

/**
 * Confidence of a decoded path, per position: put every other candidate in
 * place of the chosen one on the path, rescore the N positions it affects,
 * and give the chosen one's share of the probability mass (1 for fixed
 * positions).
 */
export function decodeConfidence(model: LanguageModel, lattice: Lattice, choice: Int32Array): Float32Array {
  const n = lattice.length;
  const confidence = new Float32Array(n).fill(1);
  const W = model.order - 1;
  const { candStart, candToken, candChannel } = lattice;
  const path = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) path[i] = candToken[candStart[i] + choice[i]];
  path[n] = TOK_EOS;
  // History entries after each path position (W per position; row j = history ending at path[j - 1]).
  const pathNodes = new Int32Array((n + 2) * W);
  pathNodes[0] = TOK_BOS;
  for (let m = 2; m <= W; m++) {
    const prev = pathNodes[m - 2];
    pathNodes[m - 1] = prev >= 0 ? model.child(m - 1, prev, TOK_BOS) : -1;
  }
  for (let j = 0; j <= n; j++) extendNodes(model, pathNodes, j * W, pathNodes, (j + 1) * W, path[j], W);
  const cur = new Int32Array(W);
  const next = new Int32Array(W);
  // Score of path positions i..i+W starting from the history before i.
  const windowScore = (i: number): number => {
    cur.set(pathNodes.subarray(i * W, i * W + W));
    let s = 0;
    const end = Math.min(n, i + W);
    for (let j = i; j <= end; j++) {
      const tok = path[j];
      s += scoreNext(model, cur, 0, tok, W);
      if (j < end) {
        extendNodes(model, cur, 0, next, 0, tok, W);
        cur.set(next);
      }
    }
    return s;
  };
  for (let i = 0; i < n; i++) {
    const c0 = candStart[i];
    const K = candStart[i + 1] - c0;
    if (K === 1) continue;
    const chosen = choice[i];
    const base = windowScore(i) + candChannel[c0 + chosen];
    let z = 1;
    for (let c = 0; c < K; c++) {
      if (c === chosen) continue;
      path[i] = candToken[c0 + c];
      z += Math.pow(10, windowScore(i) + candChannel[c0 + c] - base);
    }
    path[i] = candToken[c0 + chosen];
    confidence[i] = 1 / z;
  }
  return confidence;
}

/** log10 p(tok | history), the history given by its entries nodes[at .. at+W) (order 1 first). */
function scoreNext(model: LanguageModel, nodes: Int32Array, at: number, tok: number, W: number): number {
  let lp = 0;
  for (let m = W; m >= 1; m--) {
    const node = nodes[at + m - 1];
    if (node < 0) continue;
    const ch = model.child(m, node, tok);
    if (ch >= 0) return lp + model.prob(m + 1, ch);
    lp += model.backoff(m, node);
  }
  return lp + model.uniProb[tok];
}

/** The history entries after appending `tok` to the history `from[at..at+W)`. */
function extendNodes(model: LanguageModel, from: Int32Array, at: number, to: Int32Array, toAt: number, tok: number, W: number): void {
  for (let m = W; m >= 2; m--) {
    const prev = from[at + m - 2];
    to[toAt + m - 1] = prev >= 0 ? model.child(m - 1, prev, tok) : -1;
  }
  to[toAt] = tok;
}
