/**
 * What the OCR corrector needs from the language model and its decoder. The
 * tone restorer's trigram model and lattice decoder provide exactly this (see
 * `fromToneModel` in ./adapter.ts once both are on one branch); tests may pass
 * any implementation.
 */

/** Candidates per position, as the decoder reads them. */
export interface OcrLattice {
  readonly length: number;
  /** Candidates of position i are `candStart[i] .. candStart[i + 1] - 1`. */
  readonly candStart: Int32Array;
  /** Model token id of each candidate. */
  readonly candToken: Int32Array;
  /** log10 P(what the OCR read | this candidate). */
  readonly candChannel: Float32Array;
}

export interface OcrDecodeResult {
  /** Chosen candidate of each position (index within the position). */
  readonly choice: Int32Array;
}

export interface OcrLanguageModel {
  /** Word types (lower-case, NFC, 'new' tone placement) by id; ids below `firstWordId` are special tokens. */
  readonly vocab: readonly string[];
  readonly firstWordId: number;
  /** The unknown-word id. */
  readonly unkId: number;
  /** Id of a word type, or `unkId`. */
  idOf(type: string): number;
  /** Id of a non-word token: a number, a symbol ("NQ/TW", "52-NQ/TW"), or one punctuation code unit. */
  classId(kind: 'number' | 'symbol' | 'punct', firstCode: number): number;
  /** log10 unigram probability of an id (used to prune candidates before decoding). */
  unigram(id: number): number;
  /** Best path through the lattice; `beam`: drop paths this far (log10) below the best (the decoder's default when absent). */
  decode(lattice: OcrLattice, beam?: number): OcrDecodeResult;
  /** 0..1 per position: the chosen candidate's share among the position's candidates (max-marginal). */
  confidence(lattice: OcrLattice, choice: Int32Array): Float32Array;
}
