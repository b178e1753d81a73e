/**
 * The decoder's input: a lattice of candidate tokens.
 *
 * A lattice is a sequence of positions; each position holds one or more
 * candidates, each a language-model token id plus a channel log10
 * probability, log10 P(what was observed | this candidate). A position with a
 * single candidate is fixed context (an accented word, a number, a symbol,
 * punctuation). The decoder picks one candidate per position, maximizing
 * language-model score + channel score.
 *
 * Tone restoration fills it with every toned form of a stripped syllable
 * (channel 0 for all: stripping erased the tone, so every form explains the
 * observation equally). OCR correction fills it with the syllables its
 * confusion channel proposes for a misread one, with their channel scores,
 * and calls the same decoder.
 *
 * Candidate ids are model ids (`model.idOf(type)`, or the unknown-word id
 * for a word the model does not know).
 */

export interface Lattice {
  /** Number of positions. */
  readonly length: number;
  /** Candidates of position i are `candStart[i] .. candStart[i + 1] - 1` (length + 1 entries). */
  readonly candStart: Int32Array;
  /** Model token id of each candidate. */
  readonly candToken: Int32Array;
  /** log10 channel probability of each candidate (0 = no preference). */
  readonly candChannel: Float32Array;
}

/** Builds a {@link Lattice} position by position. */
export class LatticeBuilder {
  private starts: number[] = [0];
  private tokens = new Int32Array(256);
  private channel = new Float32Array(256);
  private n = 0;

  /** Number of positions added so far. */
  get length(): number {
    return this.starts.length - 1;
  }

  /** A fixed context position: one candidate, channel 0. */
  addFixed(token: number): number {
    this.addCandidate(token, 0);
    return this.endPosition();
  }

  /** A position with several candidates (`channel[k]` log10, default 0 for all). */
  addPosition(tokens: ArrayLike<number>, channel?: ArrayLike<number>): number {
    if (tokens.length === 0) throw new RangeError('addPosition: a position needs at least one candidate');
    for (let k = 0; k < tokens.length; k++) this.addCandidate(tokens[k], channel ? channel[k] : 0);
    return this.endPosition();
  }

  /** Adds one candidate to the position being built (close it with {@link endPosition}). */
  addCandidate(token: number, channel = 0): void {
    if (this.n === this.tokens.length) {
      const t = new Int32Array(this.n * 2);
      t.set(this.tokens);
      this.tokens = t;
      const c = new Float32Array(this.n * 2);
      c.set(this.channel);
      this.channel = c;
    }
    this.tokens[this.n] = token;
    this.channel[this.n] = channel;
    this.n++;
  }

  /** Closes the position being built; returns its index. */
  endPosition(): number {
    if (this.n === this.starts[this.starts.length - 1]) throw new RangeError('endPosition: the position has no candidate');
    this.starts.push(this.n);
    return this.starts.length - 2;
  }

  build(): Lattice {
    return {
      length: this.starts.length - 1,
      candStart: Int32Array.from(this.starts),
      candToken: this.tokens.slice(0, this.n),
      candChannel: this.channel.slice(0, this.n),
    };
  }
}
