/**
 * The language model: a syllable trigram model in backoff form (interpolated
 * modified Kneser-Ney, estimated by `train.ts`), stored as one compact binary
 * file and read back without copying (typed-array views into the bytes).
 *
 * File layout (little-endian; every section starts on a 4-byte boundary):
 *
 * | bytes | what |
 * | --- | --- |
 * | 0-3 | magic `VNLM` |
 * | 4-5 | format version (1) |
 * | 6-7 | n-gram order (3) |
 * | 8-11 | payload length in bytes (everything after this 16-byte header) |
 * | 12-15 | CRC-32 of the payload |
 * | payload | counts (u32 ×8): vocabulary size V, bigrams B, trigrams T, vocabulary bytes, metadata bytes, 3 reserved |
 * | | codebooks (f32 ×256 each): bigram log-prob, bigram backoff, trigram log-prob |
 * | | vocabulary: UTF-8, types joined by "\n", id order (specials first, see `lm-tokens.ts`) |
 * | | metadata: UTF-8 JSON (sources, counts, pruning) |
 * | | unigrams: log10 p (f32 ×V), log10 backoff (f32 ×V), number of bigrams per first word (u16 ×V) |
 * | | bigrams, grouped by first word, sorted by second: second word (u16 ×B), trigrams per bigram (u16 ×B), log-prob code (u8 ×B), backoff code (u8 ×B) |
 * | | trigrams, grouped by their bigram context, sorted by last word: last word (u16 ×T), log-prob code (u8 ×T) |
 *
 * Probabilities are log10. Codes index the 256-entry codebooks (quantile
 * bins, so the common values get the finest steps).
 */
import { ModelFormatError } from '../errors.js';
import { foldCharCode } from '../text/fold.js';
import { crc32 } from './crc32.js';
import { FIRST_WORD_ID, SPECIAL_NAMES, TOK_UNK } from './lm-tokens.js';
import { foldedSyllables } from './syllables.js';

export const MODEL_MAGIC = 0x4d4c4e56; // "VNLM" read as a little-endian u32
export const MODEL_VERSION = 1;
const HEADER_BYTES = 16;
const COUNT_FIELDS = 8;
const BOOK = 256;

/** The decoded content of a model file (what the trainer writes). */
export interface ModelData {
  order: 3;
  vocab: string[];
  meta: Record<string, unknown>;
  uniProb: Float32Array;
  uniBackoff: Float32Array;
  uniChildren: Uint16Array;
  biWord: Uint16Array;
  biChildren: Uint16Array;
  biProbCode: Uint8Array;
  biBackoffCode: Uint8Array;
  triWord: Uint16Array;
  triProbCode: Uint8Array;
  biProbBook: Float32Array;
  biBackoffBook: Float32Array;
  triProbBook: Float32Array;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Serializes a model to the binary format above. */
export function encodeModel(m: ModelData): Uint8Array {
  const enc = new TextEncoder();
  const vocabBytes = enc.encode(m.vocab.join('\n'));
  const metaBytes = enc.encode(JSON.stringify(m.meta));
  const V = m.vocab.length;
  const B = m.biWord.length;
  const T = m.triWord.length;
  const parts: Uint8Array[] = [];
  const u8 = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const counts = new Uint32Array([V, B, T, vocabBytes.length, metaBytes.length, 0, 0, 0]);
  parts.push(u8(counts), u8(m.biProbBook), u8(m.biBackoffBook), u8(m.triProbBook));
  parts.push(vocabBytes, metaBytes, u8(m.uniProb), u8(m.uniBackoff), u8(m.uniChildren));
  parts.push(u8(m.biWord), u8(m.biChildren), m.biProbCode, m.biBackoffCode, u8(m.triWord), m.triProbCode);
  let payloadLen = 0;
  for (const p of parts) payloadLen += pad4(p.length);
  const out = new Uint8Array(HEADER_BYTES + payloadLen);
  let at = HEADER_BYTES;
  for (const p of parts) {
    out.set(p, at);
    at += pad4(p.length);
  }
  const payload = out.subarray(HEADER_BYTES);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MODEL_MAGIC, true);
  dv.setUint16(4, MODEL_VERSION, true);
  dv.setUint16(6, m.order, true);
  dv.setUint32(8, payloadLen, true);
  dv.setUint32(12, crc32(payload), true);
  return out;
}

/**
 * A loaded language model. Lookups are binary searches in the sorted
 * per-context ranges; nothing is allocated per lookup.
 */
export class LanguageModel {
  readonly order = 3;
  readonly vocab: readonly string[];
  readonly meta: Readonly<Record<string, unknown>>;
  /** Where the model came from (a file name), for messages. */
  readonly source: string | undefined;
  readonly uniProb: Float32Array;
  readonly uniBackoff: Float32Array;
  /** Start of each word's bigram range (V + 1 entries). */
  readonly uniStart: Uint32Array;
  readonly biWord: Uint16Array;
  readonly biStart: Uint32Array;
  readonly biProbCode: Uint8Array;
  readonly biBackoffCode: Uint8Array;
  readonly triWord: Uint16Array;
  readonly triProbCode: Uint8Array;
  readonly biProbBook: Float32Array;
  readonly biBackoffBook: Float32Array;
  readonly triProbBook: Float32Array;
  /** Size of the file the model was read from. */
  readonly byteLength: number;

  private readonly typeIds: Map<string, number>;
  private foldIndex: FoldIndex | null = null;

  constructor(m: ModelData, source: string | undefined, byteLength: number) {
    this.vocab = m.vocab;
    this.meta = m.meta;
    this.source = source;
    this.uniProb = m.uniProb;
    this.uniBackoff = m.uniBackoff;
    this.uniStart = prefixSums(m.uniChildren);
    this.biWord = m.biWord;
    this.biStart = prefixSums(m.biChildren);
    this.biProbCode = m.biProbCode;
    this.biBackoffCode = m.biBackoffCode;
    this.triWord = m.triWord;
    this.triProbCode = m.triProbCode;
    this.biProbBook = m.biProbBook;
    this.biBackoffBook = m.biBackoffBook;
    this.triProbBook = m.triProbBook;
    this.byteLength = byteLength;
    this.typeIds = new Map();
    for (let i = FIRST_WORD_ID; i < m.vocab.length; i++) this.typeIds.set(m.vocab[i], i);
  }

  /** Vocabulary size (special tokens included). */
  get size(): number {
    return this.vocab.length;
  }
  get bigramCount(): number {
    return this.biWord.length;
  }
  get trigramCount(): number {
    return this.triWord.length;
  }

  /** The id of a word type ("nghị", lower-case, 'new' tone placement), or the unknown-word id. */
  idOf(type: string): number {
    return this.typeIds.get(type) ?? TOK_UNK;
  }

  /** Index of bigram (v, w), or -1. */
  bigramIndex(v: number, w: number): number {
    return search(this.biWord, this.uniStart[v], this.uniStart[v + 1], w);
  }

  /** Index of trigram (bigram `bi`, w), or -1. */
  trigramIndex(bi: number, w: number): number {
    return search(this.triWord, this.biStart[bi], this.biStart[bi + 1], w);
  }

  /** log10 p(w | v), with backoff to the unigram. */
  logProb2(v: number, w: number): number {
    const bi = this.bigramIndex(v, w);
    if (bi >= 0) return this.biProbBook[this.biProbCode[bi]];
    return this.uniBackoff[v] + this.uniProb[w];
  }

  /** log10 backoff weight of the bigram context with index `bi` (0 for -1). */
  backoff2(bi: number): number {
    return bi >= 0 ? this.biBackoffBook[this.biBackoffCode[bi]] : 0;
  }

  /** log10 p(w | u, v) with backoff. */
  logProb3(u: number, v: number, w: number): number {
    const bi = this.bigramIndex(u, v);
    if (bi >= 0) {
      const ti = this.trigramIndex(bi, w);
      if (ti >= 0) return this.triProbBook[this.triProbCode[ti]];
      return this.biBackoffBook[this.biBackoffCode[bi]] + this.logProb2(v, w);
    }
    return this.logProb2(v, w);
  }

  /** log10 probability of a token sequence (starting after `<s> <s>`), for tests and tools. */
  scoreSequence(ids: ArrayLike<number>): number {
    let u = 0;
    let v = 0;
    let s = 0;
    for (let i = 0; i < ids.length; i++) {
      s += this.logProb3(u, v, ids[i]);
      u = v;
      v = ids[i];
    }
    return s;
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
    for (const [key, ids] of byKey) {
      ids.sort((a, b) => uniProb[b] - uniProb[a]);
      const g = this.keys.length;
      this.keys.push(key);
      this.members.push(Int32Array.from(ids));
      for (const id of ids) if (vocab[id] === key) this.plainIds[g] = id;
      this.syllable[g] = syllableFolds.has(key) ? 1 : 0;
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
  if ((bytes.byteOffset & 3) !== 0) bytes = bytes.slice(); // typed-array views need 4-byte alignment
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MODEL_MAGIC) fail('not a model file: bad magic number (expected "VNLM")');
  const version = dv.getUint16(4, true);
  if (version !== MODEL_VERSION) fail(`unsupported model format version ${version} (this library reads version ${MODEL_VERSION})`);
  const order = dv.getUint16(6, true);
  if (order !== 3) fail(`unsupported n-gram order ${order} (expected 3)`);
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
  const [V, B, T, vocabLen, metaLen] = counts;
  if (V < FIRST_WORD_ID || V > 65536) fail(`bad vocabulary size ${V}`);
  const biProbBook = new Float32Array(buf, take(BOOK * 4), BOOK);
  const biBackoffBook = new Float32Array(buf, take(BOOK * 4), BOOK);
  const triProbBook = new Float32Array(buf, take(BOOK * 4), BOOK);
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
  const uniChildren = new Uint16Array(buf, take(V * 2), V);
  const biWord = new Uint16Array(buf, take(B * 2), B);
  const biChildren = new Uint16Array(buf, take(B * 2), B);
  const biProbCode = new Uint8Array(buf, take(B), B);
  const biBackoffCode = new Uint8Array(buf, take(B), B);
  const triWord = new Uint16Array(buf, take(T * 2), T);
  const triProbCode = new Uint8Array(buf, take(T), T);
  if (at !== end) fail(`sections end at byte ${at - bytes.byteOffset}, the file has ${bytes.length} bytes`);
  checkGroups(uniChildren, biWord, V, 'bigram', fail);
  checkGroups(biChildren, triWord, V, 'trigram', fail);
  const data: ModelData = {
    order: 3, vocab, meta, uniProb, uniBackoff, uniChildren, biWord, biChildren, biProbCode, biBackoffCode,
    triWord, triProbCode, biProbBook, biBackoffBook, triProbBook,
  };
  return new LanguageModel(data, source, bytes.length);
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
