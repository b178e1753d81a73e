/**
 * Viterbi decoding of a {@link Lattice} under the trigram language model.
 *
 * States are pairs (candidate at i-1, candidate at i); a step scores every
 * (i-2, i-1, i) triple of candidates. Fixed positions have one candidate, so
 * the cost is that of the ambiguous stretches only. A backward pass gives
 * max-marginals: for every candidate, the score of the best path through it,
 * from which a per-position confidence follows (the chosen candidate's share
 * of 10^score among the position's candidates).
 */
import type { Lattice } from './lattice.js';
import { TOK_BOS, TOK_EOS } from './lm-tokens.js';
import type { LanguageModel } from './model.js';

export interface DecodeOptions {
  /** Compute per-position confidence (a backward pass; about doubles the time). Default true. */
  confidence?: boolean;
}

export interface DecodeResult {
  /** Chosen candidate of each position, as an index into the position's candidates (0 = its first). */
  readonly choice: Int32Array;
  /** 0..1 per position: how much the chosen candidate beats the others (1 for a fixed position). */
  readonly confidence: Float32Array;
  /** log10 score (language model + channel) of the best path, `</s>` included. */
  readonly score: number;
}

/** Decodes the best candidate sequence of `lattice` under `model`. */
export function decodeLattice(model: LanguageModel, lattice: Lattice, options: DecodeOptions = {}): DecodeResult {
  const n = lattice.length;
  const E = n + 3; // <s> <s> positions... </s>
  // Extended candidate arrays with the two <s> and the </s> positions.
  const xs = new Int32Array(E + 1);
  const total = lattice.candStart[n] - lattice.candStart[0] + 3;
  const xt = new Int32Array(total);
  const xc = new Float32Array(total);
  xt[0] = TOK_BOS;
  xt[1] = TOK_BOS;
  xs[0] = 0;
  xs[1] = 1;
  xs[2] = 2;
  let w = 2;
  for (let i = 0; i < n; i++) {
    for (let k = lattice.candStart[i]; k < lattice.candStart[i + 1]; k++) {
      xt[w] = lattice.candToken[k];
      xc[w] = lattice.candChannel[k];
      w++;
    }
    xs[i + 3] = w;
  }
  xt[w] = TOK_EOS;
  xs[E] = w + 1;

  // State offsets: states of position e (pairs with e-1) start at so[e].
  const so = new Int32Array(E + 1);
  let states = 0;
  for (let e = 1; e < E; e++) {
    so[e] = states;
    states += (xs[e] - xs[e - 1]) * (xs[e + 1] - xs[e]);
  }
  so[E] = states;
  const delta = new Float64Array(states);
  const back = new Uint16Array(states);
  let lp2 = new Float64Array(64);

  const { triWord, triProbCode, triProbBook, biStart } = model;
  delta[so[1]] = 0;
  for (let e = 2; e < E; e++) {
    const r0 = xs[e - 2];
    const Kr = xs[e - 1] - r0;
    const p0 = xs[e - 1];
    const Kp = xs[e] - p0;
    const q0 = xs[e];
    const Kq = xs[e + 1] - q0;
    if (lp2.length < Kp * Kq) lp2 = new Float64Array(Kp * Kq * 2);
    for (let p = 0; p < Kp; p++) for (let q = 0; q < Kq; q++) lp2[p * Kq + q] = model.logProb2(xt[p0 + p], xt[q0 + q]);
    const dPrev = so[e - 1];
    const dCur = so[e];
    delta.fill(-Infinity, dCur, dCur + Kp * Kq);
    for (let p = 0; p < Kp; p++) {
      const tp = xt[p0 + p];
      for (let r = 0; r < Kr; r++) {
        const prev = delta[dPrev + r * Kp + p];
        const bi = model.bigramIndex(xt[r0 + r], tp);
        const bo = model.backoff2(bi);
        const tLo = bi >= 0 ? biStart[bi] : 0;
        const tHi = bi >= 0 ? biStart[bi + 1] : 0;
        for (let q = 0; q < Kq; q++) {
          const ti = tLo < tHi ? search(triWord, tLo, tHi, xt[q0 + q]) : -1;
          const lp = ti >= 0 ? triProbBook[triProbCode[ti]] : bo + lp2[p * Kq + q];
          const s = prev + lp + xc[q0 + q];
          const at = dCur + p * Kq + q;
          if (s > delta[at]) {
            delta[at] = s;
            back[at] = r;
          }
        }
      }
    }
  }

  // Best final state (the last position is </s>, one candidate).
  const choiceX = new Int32Array(E);
  {
    const dLast = so[E - 1];
    const Kp = xs[E - 1] - xs[E - 2];
    let best = 0;
    for (let p = 1; p < Kp; p++) if (delta[dLast + p] > delta[dLast + best]) best = p;
    choiceX[E - 1] = 0;
    choiceX[E - 2] = best;
    for (let e = E - 1; e >= 2; e--) {
      const Kq = xs[e + 1] - xs[e];
      choiceX[e - 2] = back[so[e] + choiceX[e - 1] * Kq + choiceX[e]];
    }
  }
  const score = delta[so[E - 1] + choiceX[E - 2]];
  const choice = choiceX.slice(2, E - 1);
  const confidence = new Float32Array(n).fill(1);
  if (options.confidence !== false) maxMarginals(model, E, xs, xt, xc, so, delta, choiceX, confidence, lp2);
  return { choice, confidence, score };
}

/** Backward pass: best completion of every state, then per-position confidence from the max-marginals. */
function maxMarginals(
  model: LanguageModel,
  E: number,
  xs: Int32Array,
  xt: Int32Array,
  xc: Float32Array,
  so: Int32Array,
  delta: Float64Array,
  choiceX: Int32Array,
  confidence: Float32Array,
  lp2: Float64Array,
): void {
  const beta = new Float64Array(so[E]);
  const { triWord, triProbCode, triProbBook, biStart } = model;
  // beta of the last states (…, </s>) is 0; fill backwards.
  for (let e = E - 2; e >= 1; e--) {
    // states (r at e-1, p at e); successors q at e+1
    const r0 = xs[e - 1];
    const Kr = xs[e] - r0;
    const p0 = xs[e];
    const Kp = xs[e + 1] - p0;
    const q0 = xs[e + 1];
    const Kq = xs[e + 2] - q0;
    if (lp2.length < Kp * Kq) lp2 = new Float64Array(Kp * Kq * 2);
    for (let p = 0; p < Kp; p++) for (let q = 0; q < Kq; q++) lp2[p * Kq + q] = model.logProb2(xt[p0 + p], xt[q0 + q]);
    const bCur = so[e];
    const bNext = so[e + 1];
    for (let r = 0; r < Kr; r++) {
      for (let p = 0; p < Kp; p++) {
        const bi = model.bigramIndex(xt[r0 + r], xt[p0 + p]);
        const bo = model.backoff2(bi);
        const tLo = bi >= 0 ? biStart[bi] : 0;
        const tHi = bi >= 0 ? biStart[bi + 1] : 0;
        let best = -Infinity;
        for (let q = 0; q < Kq; q++) {
          const ti = tLo < tHi ? search(triWord, tLo, tHi, xt[q0 + q]) : -1;
          const lp = ti >= 0 ? triProbBook[triProbCode[ti]] : bo + lp2[p * Kq + q];
          const s = lp + xc[q0 + q] + beta[bNext + p * Kq + q];
          if (s > best) best = s;
        }
        beta[bCur + r * Kp + p] = best;
      }
    }
  }
  // Max-marginal of candidate q at e: max over p of delta + beta of state (p, q).
  let mm = new Float64Array(64);
  for (let e = 2; e < E - 1; e++) {
    const Kp = xs[e] - xs[e - 1];
    const Kq = xs[e + 1] - xs[e];
    if (Kq === 1) continue;
    if (mm.length < Kq) mm = new Float64Array(Kq * 2);
    mm.fill(-Infinity, 0, Kq);
    const base = so[e];
    for (let p = 0; p < Kp; p++) {
      for (let q = 0; q < Kq; q++) {
        const s = delta[base + p * Kq + q] + beta[base + p * Kq + q];
        if (s > mm[q]) mm[q] = s;
      }
    }
    const chosen = mm[choiceX[e]];
    let z = 0;
    for (let q = 0; q < Kq; q++) z += Math.pow(10, mm[q] - chosen);
    confidence[e - 2] = 1 / z;
  }
}

function search(a: Uint16Array, lo: number, hi: number, x: number): number {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid];
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}
