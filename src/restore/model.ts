/**
 * The language model: a syllable n-gram model (order 3 or 4) in backoff form
 * (interpolated modified Kneser-Ney, estimated by `train.ts`), stored as one
 * compact binary file and read back without copying (typed-array views into
 * the bytes).
 *
 * File layout (little-endian; every section starts on a 4-byte boundary):
 *
 * | bytes | what |
 * | --- | --- |
 * | 0-3 | magic `VNLM` |
 * | 4-5 | format version (1) |
 * | 6-7 | n-gram order N (3 or 4) |
 * | 8-11 | payload length in bytes (everything after this 16-byte header) |
 * | 12-15 | CRC-32 of the payload |
 * | payload | counts (u32 ×12): vocabulary size V, vocabulary bytes, metadata bytes, the number of n-grams of orders 2..4 (0 above N), then for orders 1..3 the number of child counts too large for one byte (see below) |
 * | | codebooks (f32 ×256 each): log-prob of orders 2..N, then backoff of orders 2..N-1 |
 * | | vocabulary: UTF-8, types joined by "\n", id order (specials first, see `lm-tokens.ts`) |
 * | | metadata: UTF-8 JSON (sources, counts, pruning) |
 * | | unigrams: log10 p (f32 ×V), log10 backoff (f32 ×V), child counts (number of bigrams under each word) |
 * | | for each order n = 2..N, entries grouped by their context (an entry of order n-1) and sorted by last word: last word (u16), then for n < N the child counts, then the log-prob code (u8), then for n < N the backoff code (u8) |
 *
 * Child counts: one byte per entry (u8), 255 meaning "the next of the
 * overflow counts", which follow as u16 in entry order.
 *
 * Probabilities are log10. Codes index the 256-entry codebooks (quantile
 * bins, so the common values get the finest steps).
 */
import { ModelFormatError } from '../errors.js';
import { foldCharCode } from '../text/fold.js';
import { crc32 } from './crc32.js';
import { FIRST_WORD_ID, SPECIAL_NAMES, TOK_UNK } from './lm-tokens.js';
import { foldedSyllables } from './syllables.js';

// The core compiles against ES2022 only (no DOM or Node types); every JS runtime we target has these.
declare const TextEncoder: { new (): { encode(text: string): Uint8Array } };
declare const TextDecoder: { new (label: string, options: { fatal: boolean }): { decode(bytes: Uint8Array): string } };

export const MODEL_MAGIC = 0x4d4c4e56; // "VNLM" read as a little-endian u32
export const MODEL_VERSION = 1;
const HEADER_BYTES = 16;
const COUNT_FIELDS = 12;
const BOOK = 256;

/** One order (n ≥ 2) of a model. */
export interface ModelLevel {
  /** Last word of each entry. */
  word: Uint16Array;
  /** Number of entries of order n+1 under each entry (null at the top order). */
  children: Uint16Array | null;
  probCode: Uint8Array;
  probBook: Float32Array;
  backoffCode: Uint8Array | null;
  backoffBook: Float32Array | null;
}

/** The decoded content of a model file (what the trainer writes). */
export interface ModelData {
  order: number;
  vocab: string[];
  meta: Record<string, unknown>;
  uniProb: Float32Array;
  uniBackoff: Float32Array;
  /** Number of bigrams under each word. */
  uniChildren: Uint16Array;
  /** Orders 2..N, at index n - 2. */
  levels: ModelLevel[];
}

/** Child counts as bytes, with 255 marking a count taken from the overflow list. */
function packChildren(counts: Uint16Array): [Uint8Array, Uint16Array] {
  const codes = new Uint8Array(counts.length);
  const over: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] >= 255) {
      codes[i] = 255;
      over.push(counts[i]);
    } else codes[i] = counts[i];
  }
  return [codes, Uint16Array.from(over)];
}

function unpackChildren(codes: Uint8Array, over: Uint16Array, fail: (m: string) => never): Uint16Array {
  const out = new Uint16Array(codes.length);
  let k = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 255) {
      if (k >= over.length) fail('child-count overflow list is too short');
      out[i] = over[k++];
    } else out[i] = c;
  }
  if (k !== over.length) fail('child-count overflow list is too long');
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const pad4 = (n: number) => (n + 3) & ~3;

/** Serializes a model to the binary format above. */
export function encodeModel(m: ModelData): Uint8Array {
  const enc = new TextEncoder();
  const vocabBytes = enc.encode(m.vocab.join('\n'));
  const metaBytes = enc.encode(JSON.stringify(m.meta));
  const N = m.order;
  const counts = new Uint32Array(COUNT_FIELDS);
  counts[0] = m.vocab.length;
  counts[1] = vocabBytes.length;
  counts[2] = metaBytes.length;
  for (let n = 2; n <= N; n++) counts[1 + n] = m.levels[n - 2].word.length;
  const childParts: [Uint8Array, Uint16Array][] = [];
  for (let n = 1; n < N; n++) {
    const cp = packChildren(n === 1 ? m.uniChildren : m.levels[n - 2].children!);
    counts[5 + n] = cp[1].length;
    childParts[n] = cp;
  }
  const u8 = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const parts: Uint8Array[] = [u8(counts)];
  for (let n = 2; n <= N; n++) parts.push(u8(m.levels[n - 2].probBook));
  for (let n = 2; n < N; n++) parts.push(u8(m.levels[n - 2].backoffBook!));
  parts.push(vocabBytes, metaBytes, u8(m.uniProb), u8(m.uniBackoff), childParts[1][0], u8(childParts[1][1]));
  for (let n = 2; n <= N; n++) {
    const L = m.levels[n - 2];
    parts.push(u8(L.word));
    if (n < N) parts.push(childParts[n][0], u8(childParts[n][1]));
    parts.push(L.probCode);
    if (n < N) parts.push(L.backoffCode!);
  }
  let payloadLen = 0;
  for (const p of parts) payloadLen += pad4(p.length);
  const out = new Uint8Array(HEADER_BYTES + payloadLen);
  let at = HEADER_BYTES;
  for (const p of parts) {
    out.set(p, at);
    at += pad4(p.length);
  }
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MODEL_MAGIC, true);
  dv.setUint16(4, MODEL_VERSION, true);
  dv.setUint16(6, N, true);
  dv.setUint32(8, payloadLen, true);
  dv.setUint32(12, crc32(out.subarray(HEADER_BYTES)), true);
  return out;
}

/**
 * A loaded language model. Entries of order n are addressed by their index
 * in that order's table; an entry's children (order n+1 entries that extend
 * it by one word) form a sorted range found by binary search. Nothing is
 * allocated per lookup.
 */
export class LanguageModel {
  readonly order: number;
  readonly vocab: readonly string[];
  readonly meta: Readonly<Record<string, unknown>>;
  /** Where the model came from (a file name), for messages. */
  readonly source: string | undefined;
  /** Size of the file the model was read from. */
  readonly byteLength: number;
  readonly uniProb: Float32Array;
  readonly uniBackoff: Float32Array;
  // Per-order tables, indexed by order (dense arrays: unused slots hold empty arrays).
  /** words[n]: last word of each order-n entry (n ≥ 2). */
  readonly words: Uint16Array[];
  /** start[n]: where the children (order n+1) of each order-n entry start; n+1 entries. */
  readonly start: Uint32Array[];
  private readonly probCode: Uint8Array[];
  private readonly probBook: Float32Array[];
  private readonly boCode: Uint8Array[];
  private readonly boBook: Float32Array[];
  private readonly typeIds: Map<string, number>;
  private foldIndex: FoldIndex | null = null;
  private exactIndex: ExactIndex | null = null;
  private readonly scratch = new Int32Array(8);

  constructor(m: ModelData, source: string | undefined, byteLength: number) {
    this.order = m.order;
    this.vocab = m.vocab;
    this.meta = m.meta;
    this.source = source;
    this.byteLength = byteLength;
    this.uniProb = m.uniProb;
    this.uniBackoff = m.uniBackoff;
    const slots = m.order + 2;
    this.words = Array.from({ length: slots }, () => new Uint16Array(0));
    this.start = Array.from({ length: slots }, () => new Uint32Array(0));
    this.probCode = Array.from({ length: slots }, () => new Uint8Array(0));
    this.probBook = Array.from({ length: slots }, () => new Float32Array(0));
    this.boCode = Array.from({ length: slots }, () => new Uint8Array(0));
    this.boBook = Array.from({ length: slots }, () => new Float32Array(0));
    this.start[1] = prefixSums(m.uniChildren);
    for (let n = 2; n <= m.order; n++) {
      const L = m.levels[n - 2];
      this.words[n] = L.word;
      this.probCode[n] = L.probCode;
      this.probBook[n] = L.probBook;
      if (n < m.order) {
        this.start[n] = prefixSums(L.children!);
        this.boCode[n] = L.backoffCode!;
        this.boBook[n] = L.backoffBook!;
      }
    }
    this.typeIds = new Map();
    for (let i = FIRST_WORD_ID; i < m.vocab.length; i++) this.typeIds.set(m.vocab[i], i);
  }

  /** Vocabulary size (special tokens included). */
  get size(): number {
    return this.vocab.length;
  }

  /** Number of entries of order n (V for n = 1). */
  count(n: number): number {
    return n === 1 ? this.vocab.length : (this.words[n]?.length ?? 0);
  }

  /** The id of a word type ("nghị", lower-case, 'new' tone placement), or the unknown-word id. */
  idOf(type: string): number {
    return this.typeIds.get(type) ?? TOK_UNK;
  }

  /** Index of the order-(n+1) entry extending order-n entry `i` (a word id for n = 1) by `w`, or -1. */
  child(n: number, i: number, w: number): number {
    const st = this.start[n];
    return search(this.words[n + 1], st[i], st[i + 1], w);
  }

  /** log10 probability stored with order-n entry `i` (n ≥ 2). */
  prob(n: number, i: number): number {
    return this.probBook[n][this.probCode[n][i]];
  }

  private bound: number | null = null;

  /**
   * An upper bound on any log10 p(w | history) this model gives: the largest
   * stored probability plus every positive backoff weight a lookup may add
   * (quantized Kneser-Ney weights can exceed 1). At least 0. Decoders prune
   * with it.
   */
  get logProbBound(): number {
    if (this.bound === null) {
      const maxOf = (a: Float32Array | undefined): number => {
        let m = -Infinity;
        if (a) for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
        return m;
      };
      let prob = maxOf(this.uniProb);
      for (let n = 2; n <= this.order; n++) prob = Math.max(prob, maxOf(this.probBook[n]));
      let backoffs = Math.max(0, maxOf(this.uniBackoff));
      for (let n = 2; n < this.order; n++) backoffs += Math.max(0, maxOf(this.boBook[n]));
      this.bound = Math.max(0, prob + backoffs);
    }
    return this.bound;
  }

  /** log10 backoff weight of order-n entry `i` as a context (n < order; a word id for n = 1). */
  backoff(n: number, i: number): number {
    return n === 1 ? this.uniBackoff[i] : this.boBook[n][this.boCode[n][i]];
  }

  /** log10 p(w | history), history most recent last (only its last order-1 ids count). */
  logProb(history: ArrayLike<number>, w: number): number {
    // Find the deepest entries matching the history's suffixes.
    const N = this.order;
    const h = history.length;
    const nodes = this.scratch;
    if (h > 0) {
      nodes[1] = history[h - 1];
      for (let m = 2; m <= Math.min(N - 1, h); m++) {
        // The suffix of length m, walked down the trie from its oldest word.
        let node = history[h - m];
        for (let k = h - m + 1; k < h && node >= 0; k++) node = this.child(k - (h - m), node, history[k]);
        nodes[m] = node;
      }
    }
    let s = 0;
    for (let m = Math.min(N - 1, h); m >= 1; m--) {
      const node = nodes[m];
      if (node < 0) continue;
      const c = this.child(m, node, w);
      if (c >= 0) return s + this.prob(m + 1, c);
      s += this.backoff(m, node);
    }
    return s + this.uniProb[w];
  }

  /** log10 probability of a token sequence after `<s>`s, `</s>` not included (for tests and tools). */
  scoreSequence(ids: ArrayLike<number>): number {
    const hist: number[] = new Array(this.order - 1).fill(0);
    let s = 0;
    for (let i = 0; i < ids.length; i++) {
      s += this.logProb(hist, ids[i]);
      hist.push(ids[i]);
      hist.shift();
    }
    return s;
  }

  /**
   * The id of the word written at `text[start..end)`, any case, without making a substring
   * (the unknown-word id when the model has no such type). Types are stored in the 'new' tone
   * placement: callers normalize "hoà"-style words themselves when this misses.
   */
  idAt(text: string, start: number, end: number): number {
    if (!this.exactIndex) this.exactIndex = new ExactIndex(this.vocab);
    return this.exactIndex.lookup(text, start, end);
  }

  /** The index from folded, lower-case syllables to candidate ids (built on first use). */
  get candidates(): FoldIndex {
    if (!this.foldIndex) this.foldIndex = new FoldIndex(this.vocab, this.uniProb);
    return this.foldIndex;
  }
}

function prefixSums(counts: Uint16Array): Uint32Array {
  const out = new Uint32Array(counts.length + 1);
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    out[i] = s;
    s += counts[i];
  }
  out[counts.length] = s;
  return out;
}

/** Index of `x` in the sorted range a[lo..hi), or -1. */
export function search(a: Uint16Array, lo: number, hi: number, x: number): number {
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

/** Candidates more than this (log10 unigram probability) below the commonest of their folded form are left out. */
export const CANDIDATE_SPREAD = 4;

/**
 * Folded syllable → candidate word ids, looked up straight from a range of
 * code units (no substring): open addressing over a hash of the folded,
 * ASCII-lower-cased units. A group is the set of vocabulary types sharing
 * one folded form ("quyet" → quyết, quyệt), most frequent first.
 */
export class FoldIndex {
  private readonly slots: Int32Array; // group + 1, 0 = empty
  private readonly mask: number;
  private readonly keys: string[] = [];
  private readonly members: Int32Array[] = [];
  private readonly plainIds: Int32Array;
  private readonly syllable: Uint8Array;

  constructor(vocab: readonly string[], uniProb: Float32Array) {
    const byKey = new Map<string, number[]>();
    for (let id = FIRST_WORD_ID; id < vocab.length; id++) {
      const key = foldKey(vocab[id]);
      if (key === null) continue;
      const list = byKey.get(key);
      if (list) list.push(id);
      else byKey.set(key, [id]);
    }
    let cap = 16;
    while (cap < byKey.size * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.plainIds = new Int32Array(byKey.size).fill(-1);
    this.syllable = new Uint8Array(byKey.size);
    const syllableFolds = foldedSyllables();
    for (const [key, all] of byKey) {
      all.sort((a, b) => uniProb[b] - uniProb[a]);
      // Types far rarer than the commonest reading of the same letters (mostly typos and
      // one-off spellings in the training text) are not offered.
      const ids = all.filter((id) => uniProb[id] >= uniProb[all[0]] - CANDIDATE_SPREAD);
      const g = this.keys.length;
      this.keys.push(key);
      this.members.push(Int32Array.from(ids));
      for (const id of ids) if (vocab[id] === key) this.plainIds[g] = id;
      // 1: a syllable by the spelling rules; 2: not, but the model knows it with diacritics ("dak" →
      // "đắk"): a Vietnamese name or word all the same; 0: neither (English, codes).
      this.syllable[g] = syllableFolds.has(key) ? 1 : ids.some((id) => vocab[id] !== key) ? 2 : 0;
      let h = hashString(key) & this.mask;
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = g + 1;
    }
  }

  /** Number of distinct folded forms. */
  get size(): number {
    return this.keys.length;
  }

  /** The group of the folded form `folded[start..end)` (any case), or -1. */
  lookup(folded: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lowerAscii(folded.charCodeAt(i)), 0x01000193);
    h &= this.mask;
    const len = end - start;
    for (;;) {
      const g = this.slots[h];
      if (g === 0) return -1;
      const key = this.keys[g - 1];
      if (key.length === len) {
        let same = true;
        for (let i = 0; i < len; i++) {
          if (key.charCodeAt(i) !== lowerAscii(folded.charCodeAt(start + i))) {
            same = false;
            break;
          }
        }
        if (same) return g - 1;
      }
      h = (h + 1) & this.mask;
    }
  }

  /** The group of a folded word given as a string, or -1. */
  find(folded: string): number {
    return this.lookup(folded, 0, folded.length);
  }

  /** Candidate ids of a group, most frequent first. */
  ids(group: number): Int32Array {
    return this.members[group];
  }

  /** The id of the group's type written without any diacritic ("cho"), or -1. */
  plainId(group: number): number {
    return this.plainIds[group];
  }

  /** True when the group's folded form is a Vietnamese syllable by the spelling rules (not a code or a foreign word). */
  isSyllable(group: number): boolean {
    return this.syllable[group] === 1;
  }

  /** True when the group looks Vietnamese: a syllable by the rules, or a word the model knows with diacritics ("Đắk"). */
  isVietnamese(group: number): boolean {
    return this.syllable[group] !== 0;
  }
}

/** Lower-case of a UTF-16 unit when that is one unit too (Vietnamese letters), else the unit. */
const LOWER = (() => {
  const t = new Uint16Array(0x2000);
  for (let c = 0; c < t.length; c++) {
    const l = String.fromCharCode(c).toLowerCase();
    t[c] = l.length === 1 ? l.charCodeAt(0) : c;
  }
  return t;
})();

function lowerUnit(c: number): number {
  return c < 0x2000 ? LOWER[c] : c;
}

/** Word type (as written, any case) → id, looked up from a range of code units. */
class ExactIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(private readonly vocab: readonly string[]) {
    let cap = 16;
    while (cap < vocab.length * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let id = FIRST_WORD_ID; id < vocab.length; id++) {
      let h = hashString(vocab[id]) & this.mask;
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = id + 1;
    }
  }
  lookup(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lowerUnit(text.charCodeAt(i)), 0x01000193);
    h &= this.mask;
    const len = end - start;
    for (;;) {
      const s = this.slots[h];
      if (s === 0) return TOK_UNK;
      const type = this.vocab[s - 1];
      if (type.length === len) {
        let i = 0;
        while (i < len && type.charCodeAt(i) === lowerUnit(text.charCodeAt(start + i))) i++;
        if (i === len) return s - 1;
      }
      h = (h + 1) & this.mask;
    }
  }
}

function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The folded, lower-case key of a vocabulary type, or null when folding would not keep its length. */
function foldKey(type: string): string | null {
  let out = '';
  for (let i = 0; i < type.length; i++) out += String.fromCharCode(lowerAscii(foldCharCode(type.charCodeAt(i))));
  return out.length === type.length ? out : null;
}

/**
 * Reads a model from its bytes. Throws {@link ModelFormatError} naming
 * `source` and what is wrong for anything that is not a complete, intact
 * model of a supported version: it never returns a model that would give
 * wrong answers.
 */
export function loadModel(bytes: Uint8Array, source?: string): LanguageModel {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`loadModel: argument "bytes" must be a Uint8Array`);
  }
  const fail = (msg: string): never => {
    throw new ModelFormatError(msg, source);
  };
  if (bytes.length < HEADER_BYTES) fail(`not a model file: ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  if (!LITTLE_ENDIAN) fail('this platform is big-endian; model files are little-endian and read in place');
  if ((bytes.byteOffset & 3) !== 0) bytes = bytes.slice(); // typed-array views need 4-byte alignment
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MODEL_MAGIC) fail('not a model file: bad magic number (expected "VNLM")');
  const version = dv.getUint16(4, true);
  if (version !== MODEL_VERSION) fail(`unsupported model format version ${version} (this library reads version ${MODEL_VERSION})`);
  const order = dv.getUint16(6, true);
  if (order !== 3 && order !== 4) fail(`unsupported n-gram order ${order} (this library reads 3 and 4)`);
  const payloadLen = dv.getUint32(8, true);
  const have = bytes.length - HEADER_BYTES;
  if (have < payloadLen) fail(`truncated: the header announces ${payloadLen + HEADER_BYTES} bytes, the file has ${bytes.length}`);
  if (have > payloadLen) fail(`${have - payloadLen} unexpected bytes after the end of the model`);
  const payload = bytes.subarray(HEADER_BYTES);
  const crc = crc32(payload);
  if (crc !== dv.getUint32(12, true)) fail('checksum mismatch: the file is corrupt');

  // From here the bytes are what the writer wrote; the structure checks below guard against a writer bug.
  let at = bytes.byteOffset + HEADER_BYTES;
  const end = bytes.byteOffset + bytes.length;
  const take = (n: number): number => {
    const start = at;
    at += pad4(n);
    if (at > end) fail('section table runs past the end of the file');
    return start;
  };
  const buf = bytes.buffer;
  const counts = new Uint32Array(buf, take(COUNT_FIELDS * 4), COUNT_FIELDS);
  const [V, vocabLen, metaLen] = counts;
  if (V < FIRST_WORD_ID || V > 65536) fail(`bad vocabulary size ${V}`);
  const probBooks: Float32Array[] = [];
  const boBooks: Float32Array[] = [];
  for (let n = 2; n <= order; n++) probBooks[n] = new Float32Array(buf, take(BOOK * 4), BOOK);
  for (let n = 2; n < order; n++) boBooks[n] = new Float32Array(buf, take(BOOK * 4), BOOK);
  const dec = new TextDecoder('utf-8', { fatal: true });
  let vocab: string[] = [];
  let meta: Record<string, unknown> = {};
  const vocabAt = take(vocabLen);
  const metaAt = take(metaLen);
  try {
    vocab = dec.decode(new Uint8Array(buf, vocabAt, vocabLen)).split('\n');
    meta = JSON.parse(dec.decode(new Uint8Array(buf, metaAt, metaLen))) as Record<string, unknown>;
  } catch {
    fail('vocabulary or metadata is not valid UTF-8 / JSON');
  }
  if (vocab.length !== V) fail(`vocabulary holds ${vocab.length} types, the header says ${V}`);
  for (let i = 0; i < FIRST_WORD_ID; i++) if (vocab[i] !== SPECIAL_NAMES[i]) fail(`special token ${i} is "${vocab[i]}", expected "${SPECIAL_NAMES[i]}"`);
  const uniProb = new Float32Array(buf, take(V * 4), V);
  const uniBackoff = new Float32Array(buf, take(V * 4), V);
  const children = (n: number, count: number) =>
    unpackChildren(new Uint8Array(buf, take(count), count), new Uint16Array(buf, take(counts[5 + n] * 2), counts[5 + n]), fail);
  const uniChildren = children(1, V);
  const levels: ModelLevel[] = [];
  for (let n = 2; n <= order; n++) {
    const c = counts[1 + n];
    const word = new Uint16Array(buf, take(c * 2), c);
    const childCounts = n < order ? children(n, c) : null;
    const probCode = new Uint8Array(buf, take(c), c);
    const backoffCode = n < order ? new Uint8Array(buf, take(c), c) : null;
    levels.push({ word, children: childCounts, probCode, probBook: probBooks[n], backoffCode, backoffBook: n < order ? boBooks[n] : null });
  }
  if (at !== end) fail(`sections end at byte ${at - bytes.byteOffset}, the file has ${bytes.length} bytes`);
  checkGroups(uniChildren, levels[0].word, V, 'order-2', fail);
  for (let n = 3; n <= order; n++) checkGroups(levels[n - 3].children!, levels[n - 2].word, V, `order-${n}`, fail);
  return new LanguageModel({ order, vocab, meta, uniProb, uniBackoff, uniChildren, levels }, source, bytes.length);
}

/** Group sizes must add up to the table, and each group must be sorted (binary search relies on it). */
function checkGroups(sizes: Uint16Array, words: Uint16Array, V: number, what: string, fail: (m: string) => never): void {
  let at = 0;
  for (let g = 0; g < sizes.length; g++) {
    const n = sizes[g];
    if (at + n > words.length) fail(`${what} groups hold more entries than the ${what} table (${words.length})`);
    let prev = -1;
    for (let k = at; k < at + n; k++) {
      const w = words[k];
      if (w <= prev || w >= V) fail(`${what} table is not sorted or names an id outside the vocabulary (entry ${k})`);
      prev = w;
    }
    at += n;
  }
  if (at !== words.length) fail(`${what} groups hold ${at} entries, the table has ${words.length}`);
}
