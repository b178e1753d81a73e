/**
 * Candidates for one OCR word: the words of the language model's vocabulary
 * (Vietnamese syllables, and the codes and names it learned) that the channel
 * can turn into what the OCR read, with their channel cost. Built by reverse
 * channel edits checked against a prefix set of the vocabulary (toneless), so
 * no word is compared with the whole inventory; results are cached per
 * distinct OCR word.
 */
import { BoundedMemo } from '../../memo.js';
import type { OcrChannel } from './channel.js';
import type { OcrLanguageModel } from './language.js';
import { stripTones, toneOfCode, toneOfWord } from './tones.js';
import { Trie } from './trie.js';
import { foldedSyllables } from '../syllables.js';

export interface Candidate {
  /** Lower-case word type as the model writes it ("quyết"). */
  readonly type: string;
  readonly id: number;
  /** −ln P(OCR word | this word). */
  readonly cost: number;
  /** Found only through a back-off edit (no learned edit explains the OCR word). */
  readonly backoff?: boolean;
}

interface Entry {
  type: string;
  id: number;
  tone: number;
}

/** The model's letter-only words, by toneless form ("quyêt" → quyết, quyệt), in a trie. */
export class VocabularyIndex {
  readonly trie = new Trie();
  /** Entries of each trie word (by word index). */
  private readonly byWord: Entry[][] = [];

  constructor(model: OcrLanguageModel) {
    const { vocab, firstWordId } = model;
    for (let id = firstWordId; id < vocab.length; id++) {
      const type = vocab[id];
      if (!/^\p{L}+$/u.test(type) || type.length > 12) continue;
      const bare = stripTones(type);
      let tone = 0;
      for (let k = 0; k < type.length && tone === 0; k++) tone = toneOfCode(type.charCodeAt(k));
      const w = this.trie.add(bare);
      (this.byWord[w] ??= []).push({ type, id, tone });
    }
  }

  /** The entries of trie word `w`. */
  entries(w: number): readonly Entry[] {
    return this.byWord[w] ?? [];
  }

  private static readonly cache = new WeakMap<OcrLanguageModel, VocabularyIndex>();

  /** The index of a model, built once per model. */
  static of(model: OcrLanguageModel): VocabularyIndex {
    let ix = VocabularyIndex.cache.get(model);
    if (!ix) {
      ix = new VocabularyIndex(model);
      VocabularyIndex.cache.set(model, ix);
    }
    return ix;
  }
}

export interface CandidateOptions {
  /** Most candidates kept per word (by channel + unigram score). */
  maxCandidates: number;
  /** Most channel edits (segments not read as themselves). */
  maxEdits: number;
  /** Highest channel cost (nats) of a candidate. */
  maxCost: number;
  /** Drop candidates whose channel + unigram score (log10) trails the best by more than this. */
  beam: number;
  /** Try the back-off edits (channel.ts) for a word the learned edits find nothing for. */
  backoff: boolean;
}

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = { maxCandidates: 12, maxEdits: 3, maxCost: 10, beam: 4, backoff: true };

/** A word with a sign among its letters (not a digit: digits have learned edits of their own). */
const SIGNED = /\p{L}[^\p{L}\p{M}\d\s]|[^\p{L}\p{M}\d\s]\p{L}/u;

/** Cost (nats) above which the learned edits' best reading of a non-syllable is poor enough to try the back-off too. */
const POOR_LEARNED = 4;

function cheapest(best: ReadonlyMap<number, number>): number {
  let min = Infinity;
  for (const c of best.values()) if (c < min) min = c;
  return min;
}

/** Longest OCR word we look for candidates of (longer ones are no syllable). */
const MAX_WORD = 10;
/** Longest OCR word that gets the back-off edits. */
const MAX_BACKOFF_WORD = 8;

export class CandidateGenerator {
  private readonly cache = new BoundedMemo<readonly Candidate[]>(200_000);

  constructor(
    private readonly channel: OcrChannel,
    private readonly index: VocabularyIndex,
    private readonly model: OcrLanguageModel,
    private readonly options: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS,
  ) {}

  /** Candidates for a lower-case OCR word, cheapest (channel + unigram) first. */
  candidates(word: string): readonly Candidate[] {
    return this.cache.get(word, (w) => (w.length > MAX_WORD ? [] : this.compute(w)));
  }

  private compute(word: string): Candidate[] {
    const best = new Map<number, number>();
    const { maxEdits, maxCost, maxCandidates } = this.options;
    const emit = (w: number, cost: number) => {
      const prev = best.get(w);
      if (prev === undefined || cost < prev) best.set(w, cost);
    };
    this.channel.generate(word, this.index.trie, emit, maxEdits, maxCost);
    // Nothing through the learned edits, or a word no syllable spells as read ("trlen": the learned
    // edits give "trốn", not "triển"): once more with one back-off edit (see channel.ts). Words found
    // only that way are marked.
    let backoff = false;
    let learned: Set<number> | null = null;
    // Only for a word that begins and ends with a letter or a digit ("cu'a", "1di"; not "bản/").
    if (this.options.backoff && word.length >= 2 && word.length <= MAX_BACKOFF_WORD && /^[\p{L}\d].*[\p{L}\d]$/u.test(word) && /\p{L}/u.test(word)) {
      if (best.size === 0) {
        this.channel.generate(word, this.index.trie, emit, maxEdits, maxCost, true);
        backoff = true;
      } else if (cheapest(best) > POOR_LEARNED && !foldedSyllables().has(stripTones(word))) {
        learned = new Set(best.keys());
        this.channel.generate(word, this.index.trie, emit, maxEdits, maxCost, true);
      }
    }
    const ocrTone = toneOfWord(word);
    const out: { type: string; id: number; cost: number; rank: number; backoff: boolean }[] = [];
    for (const [bare, cost] of best) {
      const viaBackoff = backoff || (learned !== null && !learned.has(bare));
      for (const e of this.index.entries(bare)) {
        const total = cost + this.channel.toneCost(e.tone, ocrTone);
        out.push({ type: e.type, id: e.id, cost: total, rank: total / Math.LN10 - this.model.unigram(e.id), backoff: viaBackoff });
      }
    }
    out.sort((a, b) => a.rank - b.rank);
    // A sign read for a letter ("t&", "ti&p") says little about which vowel it was: the context must
    // choose among more of them than unigram frequency alone would keep.
    const signed = SIGNED.test(word);
    const cap = signed ? 2 * maxCandidates : maxCandidates;
    if (out.length > cap) out.length = cap;
    // beam: drop what is far behind the best on channel + unigram alone
    const beam = signed ? this.options.beam + 2 : this.options.beam;
    let keep = out.length;
    while (keep > 1 && out[keep - 1].rank > out[0].rank + beam) keep--;
    out.length = keep;
    return out.map(({ type, id, cost, backoff: b }) => (b ? { type, id, cost, backoff: b } : { type, id, cost }));
  }
}
