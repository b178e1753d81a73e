/**
 * Tone restoration: puts the diacritics back on Vietnamese written without
 * them ("Nghi quyet so 52-NQ/TW cua Bo Chinh tri" → "Nghị quyết số 52-NQ/TW
 * của Bộ Chính trị").
 *
 * Every word without diacritics whose folded form the model knows becomes a
 * lattice position with all its toned forms as candidates; everything else
 * (accented words, numbers, symbols, punctuation, unknown words) is fixed
 * context. The decoder (`decode.ts`) picks the best sequence. Words stay as
 * written when they sit among non-Vietnamese words (English), when they are
 * an all-capital code in lower-case text ("AI", "UBND"), and, by a channel
 * penalty, when the text around them is written with diacritics (clean text
 * has bare syllables too: "cho", "tham gia").
 */
import { assertString } from '../errors.js';
import { foldCharCode } from '../text/fold.js';
import { IdentityMap, OffsetMapBuilder, type OffsetMap } from '../text/offsets.js';
import { FLAG_ALL_UPPER, FLAG_DIACRITIC, KIND_NEWLINE, KIND_WORD, tokenizeStream, type TokenStream } from '../text/tokenize.js';
import { placeTone, type ToneStyle } from '../text/vietnamese.js';
import { decodeConfidence, decodeLattice } from './decode.js';
import { LatticeBuilder } from './lattice.js';
import { TOK_UNK, classToken, wordType } from './lm-tokens.js';
import type { FoldIndex, LanguageModel } from './model.js';
import { getDefaultModel } from './provider.js';

export interface RestoreTonesOptions {
  /** Tone placement of restored syllables: 'new' "hòa, thủy" (default) or 'old' "hoà, thuỷ". */
  toneStyle?: ToneStyle;
  /** The language model (from `loadModel`); default: the registered one (`vn-legal-refs/node` registers the shipped model). */
  model?: LanguageModel;
  /** Return one entry per decided syllable in `details`. Default false. */
  details?: boolean;
}

/** One syllable the restorer decided. */
export interface RestoredSyllable {
  /** Span in the input (and in the output: restoration keeps lengths). */
  start: number;
  end: number;
  original: string;
  restored: string;
  /** 0..1: the chosen form's share against the other forms (max-marginal). */
  confidence: number;
}

export interface RestoreTonesResult {
  text: string;
  /** Output positions → input positions. */
  map: OffsetMap;
  /** Mean confidence over the decided syllables (1 when there were none); computed when first read. */
  confidence: number;
  /** Syllables the restorer decided (written without diacritics in the input). */
  decided: number;
  /** Syllables whose spelling changed. */
  changed: number;
  details?: RestoredSyllable[];
}

/** Largest log10 penalty for changing a bare syllable in text written with diacritics. */
const KEEP_PENALTY = 4;
/** Words on each side that decide whether the text around a word has diacritics. */
const CLEAN_WINDOW = 8;
/** Words on each side that decide whether a word sits in non-Vietnamese text. */
const FOREIGN_WINDOW = 6;

/** Restores the diacritics of stripped Vietnamese syllables in `text`. */
export function restoreTones(text: string, options: RestoreTonesOptions = {}): RestoreTonesResult {
  assertString(text, 'restoreTones', 'text');
  if (options === null || typeof options !== 'object') throw new TypeError('restoreTones: argument "options" must be an object');
  const style: ToneStyle = options.toneStyle ?? 'new';
  if (style !== 'new' && style !== 'old') throw new TypeError(`restoreTones: option "toneStyle" must be 'new' or 'old', got ${String(style)}`);
  const model = options.model ?? getDefaultModel('restoreTones');
  const index = model.candidates;
  const st = tokenizeStream(text);

  const plan = planPositions(st, index);
  const lattice = new LatticeBuilder();
  const posToken = new Int32Array(plan.count); // token index of each lattice position
  let pos = 0;
  for (let k = 0; k < st.length; k++) {
    const role = plan.role[k];
    if (role === ROLE_SKIP) continue;
    posToken[pos++] = k;
    if (role >= ROLE_FREE) {
      const g = plan.group[k];
      const ids = index.ids(g);
      const plain = index.plainId(g);
      const penalty = plan.penalty[k];
      let added = 0;
      for (let c = 0; c < ids.length; c++) {
        if (role === ROLE_FREE_CODE && !onlyDStroke(model.vocab[ids[c]])) continue;
        lattice.addCandidate(ids[c], ids[c] === plain ? 0 : -penalty);
        added++;
      }
      // The word as written, when the model has no such bare type ("DMST" beside "ĐMST"): an
      // unknown word, and the likely reading where the text around has diacritics.
      if (added === 0 || (plain < 0 && penalty > 0)) lattice.addCandidate(TOK_UNK, 0);
      lattice.endPosition();
    } else {
      lattice.addFixed(fixedToken(st, k, role, plan.group[k], index, model));
    }
  }
  const built = lattice.build();
  const result = decodeLattice(model, built, { confidence: false });
  // Confidence costs about as much as decoding: computed when first read.
  let conf: Float32Array | null = null;
  const confidenceOf = () => (conf ??= decodeConfidence(model, built, result.choice));

  const pieces: string[] = [];
  const mapB = new OffsetMapBuilder();
  const details: RestoredSyllable[] | undefined = options.details ? [] : undefined;
  let copied = 0;
  let decided = 0;
  let changed = 0;
  for (let p = 0; p < built.length; p++) {
    const k = posToken[p];
    if (plan.role[k] < ROLE_FREE) continue;
    decided++;
    const s = st.starts[k];
    const e = st.ends[k];
    const id = built.candToken[built.candStart[p] + result.choice[p]];
    const word = id === TOK_UNK ? text.slice(s, e) : applyCase(model.vocab[id], text, s, e, style);
    const original = text.slice(s, e);
    if (details) details.push({ start: s, end: e, original, restored: word, confidence: confidenceOf()[p] });
    if (word === original) continue;
    changed++;
    pieces.push(text.slice(copied, s), word);
    mapB.keep(s - copied).replace(e - s, word.length);
    copied = e;
  }
  let map: OffsetMap;
  if (changed === 0) {
    map = new IdentityMap(text.length);
  } else {
    pieces.push(text.slice(copied));
    mapB.keep(text.length - copied);
    map = mapB.build();
  }
  const out = {
    text: changed === 0 ? text : pieces.join(''),
    map,
    confidence: 1,
    decided,
    changed,
    ...(details ? { details } : {}),
  };
  let overall: number | null = null;
  Object.defineProperty(out, 'confidence', {
    enumerable: true,
    get(): number {
      if (overall === null) {
        const c = confidenceOf();
        let sum = 0;
        for (let p = 0; p < built.length; p++) if (plan.role[posToken[p]] >= ROLE_FREE) sum += c[p];
        overall = decided === 0 ? 1 : sum / decided;
      }
      return overall;
    },
  });
  return out;
}

const ROLE_SKIP = 0; // line break: not a model token
const ROLE_FIXED = 1; // number, symbol, punctuation
const ROLE_WORD_AS_IS = 2; // a word kept as written (accented, unknown, foreign, code)
const ROLE_FREE = 3; // a bare syllable to restore
const ROLE_FREE_CODE = 4; // an all-capital code: only D/Đ to decide

interface Plan {
  role: Uint8Array;
  /** Fold-index group of each word (-1 when the model has no type with that folded form). */
  group: Int32Array;
  /** log10 penalty for changing each free word. */
  penalty: Float32Array;
  /** Lattice positions. */
  count: number;
}

/** Decides, per token, whether it is fixed context or a syllable to restore. */
function planPositions(st: TokenStream, index: FoldIndex): Plan {
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
    const isViet = acc || (g >= 0 && index.isSyllable(g));
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
    // An all-capital word between words that are not is a code or an acronym ("AI", "UBND"):
    // only its D may have been a stripped Đ ("HDND" → "HĐND").
    role[k] = ROLE_FREE;
    if (st.flags[k] & FLAG_ALL_UPPER) {
      const prevUpper = i > 0 && (st.flags[words[i - 1]] & FLAG_ALL_UPPER) !== 0;
      const nextUpper = i + 1 < W && (st.flags[words[i + 1]] & FLAG_ALL_UPPER) !== 0;
      if (!prevUpper && !nextUpper && W > 1) role[k] = ROLE_FREE_CODE;
    }
    // In text written with diacritics, a bare syllable is most likely meant bare.
    const lo = Math.max(0, i - CLEAN_WINDOW);
    const hi = Math.min(W, i + CLEAN_WINDOW + 1);
    const nViet = viet[hi] - viet[lo];
    const share = nViet > 0 ? (accented[hi] - accented[lo]) / nViet : 0;
    penalty[k] = KEEP_PENALTY * Math.min(1, Math.max(0, (share - 0.25) / 0.35));
  }
  return { role, group, penalty, count };
}

/** URLs, e-mail addresses and domain names: "https://…", "www.…", "a.b@c.gov.vn", "quangngai.gov.vn". */
const ADDRESS_RE = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"']+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|net|org|gov|edu|info|int)\b/giu;

/** Start/end pairs of the address spans of `text`, in order. */
function addressSpans(text: string): number[] {
  const out: number[] = [];
  if (text.indexOf('.') < 0 && text.indexOf('@') < 0) return out;
  ADDRESS_RE.lastIndex = 0;
  for (let m = ADDRESS_RE.exec(text); m; m = ADDRESS_RE.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** True when a type has no diacritic but đ ("hđnd", "ubnd"). */
function onlyDStroke(type: string): boolean {
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c >= 0x80 && c !== 0x111) return false;
  }
  return true;
}

/** The model token of a fixed position. */
function fixedToken(st: TokenStream, k: number, role: number, g: number, index: FoldIndex, model: LanguageModel): number {
  if (role === ROLE_FIXED) return classToken(st.kinds[k], st.text.charCodeAt(st.starts[k]));
  if (st.flags[k] & FLAG_DIACRITIC) return model.idOf(wordType(st.text.slice(st.starts[k], st.ends[k])));
  // A bare word kept as written: its own bare type when the model has one.
  if (g >= 0) {
    const plain = index.plainId(g);
    if (plain >= 0) return plain;
  }
  return TOK_UNK;
}

/**
 * The chosen type written with the case of the original letters, in the
 * requested tone style. Falls back to the original when a letter would not
 * fold back to what was written (so folding the output always gives the input).
 */
function applyCase(type: string, text: string, s: number, e: number, style: ToneStyle): string {
  const styled = style === 'new' ? type : placeTone(type, style);
  if (styled.length !== e - s) return text.slice(s, e);
  let out = '';
  for (let i = 0; i < styled.length; i++) {
    const orig = text.charCodeAt(s + i);
    const ch = isUpper(orig) ? styled.charAt(i).toUpperCase() : styled.charAt(i);
    if (ch.length !== 1 || foldCharCode(ch.charCodeAt(0)) !== orig) return text.slice(s, e);
    out += ch;
  }
  return out;
}

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}
