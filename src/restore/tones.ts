/**
 * Tone restoration: puts the diacritics back on Vietnamese written without
 * them ("Nghi quyet so 52-NQ/TW cua Bo Chinh tri" → "Nghị quyết số 52-NQ/TW
 * của Bộ Chính trị").
 *
 * Every word without diacritics whose folded form the model knows becomes a
 * lattice position with all its toned forms as candidates; everything else
 * (accented words, numbers, symbols, punctuation, unknown words) is fixed
 * context (`positions.ts` decides which is which). The decoder
 * (`decode.ts`) picks the best sequence; the chosen types are written back
 * with the case of the original letters, in the requested tone style.
 */
import { assertString, describe } from '../errors.js';
import { RestoreTonesOptionsSchema, type RestoreTonesOptions } from '../schema.js';
import { foldCharCode } from '../text/fold.js';
import { IdentityMap, OffsetMapBuilder, type OffsetMap } from '../text/offsets.js';
import { FLAG_DIACRITIC, tokenizeStream, type TokenStream } from '../text/tokenize.js';
import { placeTone, type ToneStyle } from '../text/vietnamese.js';
import { decodeConfidence, decodeLattice } from './decode.js';
import { LatticeBuilder, type Lattice } from './lattice.js';
import { TOK_COLON, TOK_SEMI, TOK_STOP, TOK_UNK, classToken, wordType } from './lm-tokens.js';
import type { FoldIndex, LanguageModel } from './model.js';
import { ROLE_FIXED, ROLE_FREE, ROLE_FREE_CODE, ROLE_SKIP, onlyDStroke, planPositions } from './positions.js';
import { getDefaultModel } from './provider.js';
import { looksLikeOcr, restoreOcrText } from './ocr/restore.js';

export type { RestoreTonesOptions };

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

/** Lattice positions from which a text is cut into separately decoded chunks. */
const CHUNK_POSITIONS = 2048;

interface Chunk {
  lattice: Lattice;
  /** Token index of each lattice position. */
  posToken: Int32Array;
  choice: Int32Array;
  confidence: Float32Array | null;
}

function isSentenceEnd(token: number): boolean {
  return token === TOK_STOP || token === TOK_SEMI || token === TOK_COLON;
}

/** Restores the diacritics of stripped Vietnamese syllables in `text`. */
export function restoreTones(text: string, options: RestoreTonesOptions = {}): RestoreTonesResult {
  assertString(text, 'restoreTones', 'text');
  if (options === null || typeof options !== 'object') throw new TypeError(`restoreTones: argument "options" must be an object, got ${describe(options)}`);
  const checked = RestoreTonesOptionsSchema.safeParse(options);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(issue.path.length ? `restoreTones: option "${issue.path.join('.')}": ${issue.message}` : `restoreTones: ${issue.message}`);
  }
  const style: ToneStyle = options.toneStyle ?? 'new';
  const model = options.model ?? getDefaultModel('restoreTones');
  const input = options.input ?? 'auto';
  if (input === 'ocr' || (input === 'auto' && looksLikeOcr(text))) return restoreOcrText(text, model, style, options.details === true);
  const index = model.candidates;
  const st = tokenizeStream(text);

  const plan = planPositions(st, index);
  // Long texts are decoded in chunks cut at line breaks after a sentence end (bounded memory;
  // a sentence boundary loses no context the model would use).
  const chunks: Chunk[] = [];
  let lattice = new LatticeBuilder();
  let tokens: number[] = [];
  let lastToken = -1;
  const flush = () => {
    if (lattice.length === 0) return;
    const built = lattice.build();
    chunks.push({ lattice: built, posToken: Int32Array.from(tokens), choice: decodeLattice(model, built, { confidence: false }).choice, confidence: null });
    lattice = new LatticeBuilder();
    tokens = [];
  };
  for (let k = 0; k < st.length; k++) {
    const role = plan.role[k];
    if (role === ROLE_SKIP) {
      const n = lattice.length;
      if ((n >= CHUNK_POSITIONS && isSentenceEnd(lastToken)) || n >= 4 * CHUNK_POSITIONS) flush();
      continue;
    }
    tokens.push(k);
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
      lastToken = -1;
    } else {
      lastToken = fixedToken(st, k, role, plan.group[k], index, model);
      lattice.addFixed(lastToken);
      // A text without line breaks: cut after a sentence end all the same, or anywhere at last.
      const n = lattice.length;
      if ((n >= 4 * CHUNK_POSITIONS && isSentenceEnd(lastToken)) || n >= 16 * CHUNK_POSITIONS) flush();
    }
  }
  flush();
  // Confidence costs about as much as decoding: computed when first read.
  const confidenceOf = (c: Chunk) => (c.confidence ??= decodeConfidence(model, c.lattice, c.choice));

  const pieces: string[] = [];
  const mapB = new OffsetMapBuilder();
  const details: RestoredSyllable[] | undefined = options.details ? [] : undefined;
  let copied = 0;
  let decided = 0;
  let changed = 0;
  for (const chunk of chunks) {
    const { lattice: built, posToken, choice } = chunk;
    for (let p = 0; p < built.length; p++) {
      const k = posToken[p];
      if (plan.role[k] < ROLE_FREE) continue;
      decided++;
      const s = st.starts[k];
      const e = st.ends[k];
      const id = built.candToken[built.candStart[p] + choice[p]];
      const word = id === TOK_UNK ? null : applyCase(model.vocab[id], text, s, e, style);
      const same = word === null || equalsAt(word, text, s, e);
      if (details) {
        const original = text.slice(s, e);
        details.push({ start: s, end: e, original, restored: same ? original : word!, confidence: confidenceOf(chunk)[p] });
      }
      if (same) continue;
      changed++;
      pieces.push(text.slice(copied, s), word!);
      mapB.keep(s - copied).replace(e - s, word!.length);
      copied = e;
    }
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
        let sum = 0;
        for (const chunk of chunks) {
          const c = confidenceOf(chunk);
          for (let p = 0; p < chunk.lattice.length; p++) if (plan.role[chunk.posToken[p]] >= ROLE_FREE) sum += c[p];
        }
        overall = decided === 0 ? 1 : sum / decided;
      }
      return overall;
    },
  });
  return out;
}

/** The model token of a fixed position. */
function fixedToken(st: TokenStream, k: number, role: number, g: number, index: FoldIndex, model: LanguageModel): number {
  if (role === ROLE_FIXED) return classToken(st.kinds[k], st.text.charCodeAt(st.starts[k]));
  if (st.flags[k] & FLAG_DIACRITIC) {
    const id = model.idAt(st.text, st.starts[k], st.ends[k]);
    // Not found as written: maybe the other tone placement ("hoà" for "hòa").
    return id !== TOK_UNK ? id : model.idOf(wordType(st.text.slice(st.starts[k], st.ends[k])));
  }
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

/** True when `word` is exactly `text[s..e)`. */
function equalsAt(word: string, text: string, s: number, e: number): boolean {
  if (word.length !== e - s) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}
