/**
 * Which tokens tone restoration decides and which it keeps as context.
 *
 * Per token: line breaks are not model tokens; numbers, symbols and
 * punctuation are fixed context; a word is kept as written when it carries
 * diacritics, is unknown to the model, sits in a URL / e-mail address /
 * domain name, or sits among mostly non-Vietnamese words (English); an
 * all-capital word outside a run of capitals is a code whose D alone may be
 * restored; every other bare word is decided, with a penalty for changing it
 * that grows with the share of accented words around it.
 */
import { FLAG_ALL_UPPER, FLAG_DIACRITIC, FLAG_UPPER_FIRST, KIND_NEWLINE, KIND_WORD, type TokenStream } from '../text/tokenize.js';
import type { FoldIndex } from './model.js';

/**
 * Changing a bare syllable costs up to KEEP_PENALTY (log10) where the text
 * around it is written with diacritics: nothing below CLEAN_SHARE_LOW of its
 * Vietnamese words accented, all of it from CLEAN_SHARE_HIGH, linear between.
 * Clean report text has about 0.8 of its syllables accented. Measured on the
 * held-out slice (eval/tones.eval.ts): clean lines come back with 0.05% of
 * their bare syllables changed; with every 2nd / 4th word stripped, 99.4% /
 * 98.8% of the damage is repaired.
 */
const KEEP_PENALTY = 3;
const CLEAN_SHARE_LOW = 0.6;
const CLEAN_SHARE_HIGH = 0.9;
/** Words on each side that decide whether the text around a word has diacritics. */
const CLEAN_WINDOW = 8;
/** Words on each side that decide whether a word sits in non-Vietnamese text. */
const FOREIGN_WINDOW = 6;

export const ROLE_SKIP = 0; // line break: not a model token
export const ROLE_FIXED = 1; // number, symbol, punctuation
export const ROLE_WORD_AS_IS = 2; // a word kept as written (accented, unknown, foreign, code)
export const ROLE_FREE = 3; // a bare syllable to restore
export const ROLE_FREE_CODE = 4; // an all-capital code: only D/Đ to decide

export interface Plan {
  /** ROLE_* of each token. */
  role: Uint8Array;
  /** Fold-index group of each word (-1 when the model has no type with that folded form). */
  group: Int32Array;
  /** log10 penalty for changing each free word. */
  penalty: Float32Array;
  /** Lattice positions. */
  count: number;
}

/** Decides, per token, whether it is fixed context or a syllable to restore. */
export function planPositions(st: TokenStream, index: FoldIndex): Plan {
  const n = st.length;
  const role = new Uint8Array(n);
  const group = new Int32Array(n).fill(-1);
  const inAddress = new Uint8Array(n);
  const penalty = new Float32Array(n);
  const protectedSpans = addressSpans(st.text);
  let span = 0;
  // Word tokens in order, with what each says about the text around it.
  const words: number[] = [];
  let count = 0;
  for (let k = 0; k < n; k++) {
    const kind = st.kinds[k];
    if (kind === KIND_NEWLINE) continue;
    count++;
    if (kind !== KIND_WORD) {
      role[k] = ROLE_FIXED;
      continue;
    }
    words.push(k);
    role[k] = ROLE_WORD_AS_IS;
    // Words inside a URL, an e-mail address or a domain name stay as written.
    const s = st.starts[k];
    while (span < protectedSpans.length && protectedSpans[span + 1] <= s) span += 2;
    if (span < protectedSpans.length && protectedSpans[span] <= s) {
      inAddress[k] = 1;
      continue;
    }
    group[k] = index.lookup(st.folded, s, st.ends[k]);
  }
  const W = words.length;
  // Prefix sums over the word sequence: Vietnamese-looking words, accented ones, foreign-looking ones.
  const viet = new Int32Array(W + 1);
  const accented = new Int32Array(W + 1);
  const foreign = new Int32Array(W + 1);

  for (let i = 0; i < W; i++) {
    const k = words[i];
    const acc = (st.flags[k] & FLAG_DIACRITIC) !== 0;
    const g = group[k];
    const isViet = acc || (g >= 0 && index.isVietnamese(g));
    // Foreign-looking: not a syllable, not a code in capitals, not a one-letter list marker ("d)").
    const isForeign = !isViet && !inAddress[k] && (st.flags[k] & FLAG_ALL_UPPER) === 0 && st.ends[k] - st.starts[k] >= 2;
    viet[i + 1] = viet[i] + (isViet ? 1 : 0);
    accented[i + 1] = accented[i] + (acc ? 1 : 0);
    foreign[i + 1] = foreign[i] + (isForeign ? 1 : 0);

  }
  for (let i = 0; i < W; i++) {
    const k = words[i];
    if (st.flags[k] & FLAG_DIACRITIC || group[k] < 0) continue;
    // Among mostly non-Vietnamese words (English): keep.
    const fLo = Math.max(0, i - FOREIGN_WINDOW);
    const fHi = Math.min(W, i + FOREIGN_WINDOW + 1);
    const nForeign = foreign[fHi] - foreign[fLo];
    if (nForeign >= 2 && nForeign * 2 >= fHi - fLo - 1) continue;
    // An all-capital word that is not part of a run of them (a heading: "BAO CAO", "NGHI QUYET")
    // is a code or an acronym ("AI", "UBND", "BAT, BEP"): only its D may have been a stripped Đ
    // ("HDND" → "HĐND").
    role[k] = ROLE_FREE;
    if (st.flags[k] & FLAG_ALL_UPPER && !(upperWordAt(st, k, -1) || upperWordAt(st, k, 1))) role[k] = ROLE_FREE_CODE;
    // In text written with diacritics, a bare syllable is most likely meant bare.
    const lo = Math.max(0, i - CLEAN_WINDOW);
    const hi = Math.min(W, i + CLEAN_WINDOW + 1);
    const nViet = viet[hi] - viet[lo];
    const share = nViet > 0 ? (accented[hi] - accented[lo]) / nViet : 0;
    penalty[k] = KEEP_PENALTY * Math.min(1, Math.max(0, (share - CLEAN_SHARE_LOW) / (CLEAN_SHARE_HIGH - CLEAN_SHARE_LOW)));
  }
  return { role, group, penalty, count };
}

/** URLs, e-mail addresses and domain names: "https://…", "www.…", "a.b@c.gov.vn", "quangngai.gov.vn". */
const ADDRESS_RE = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"']+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|net|org|gov|edu|info|int)\b/giu;

const ADDRESS_HINT_RE = /www\.|\.(?:vn|com|net|org|gov|edu|info|int)\b/i;

/** Start/end pairs of the address spans of `text`, in order. */
function addressSpans(text: string): number[] {
  const out: number[] = [];
  if (text.indexOf('@') < 0 && text.indexOf('://') < 0 && !ADDRESS_HINT_RE.test(text)) return out;
  ADDRESS_RE.lastIndex = 0;
  for (let m = ADDRESS_RE.exec(text); m; m = ADDRESS_RE.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** True when a type has no diacritic but đ ("hđnd", "ubnd"). */
export function onlyDStroke(type: string): boolean {
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c >= 0x80 && c !== 0x111) return false;
  }
  return true;
}

/** True when the token next to token k (before for dir -1, after for +1; line breaks skipped) is an all-capital word. */
function upperWordAt(st: TokenStream, k: number, dir: -1 | 1): boolean {
  let j = k + dir;
  while (j >= 0 && j < st.length && st.kinds[j] === KIND_NEWLINE) j += dir;
  if (j < 0 || j >= st.length || st.kinds[j] !== KIND_WORD) return false;
  return (st.flags[j] & FLAG_ALL_UPPER) !== 0 || (st.ends[j] - st.starts[j] === 1 && (st.flags[j] & FLAG_UPPER_FIRST) !== 0);
}

