/**
 * The OCR corrector: a noisy channel decoded by the language model.
 *
 * Every OCR word becomes a lattice position. A word core ("s6", "ciia",
 * "quyét", "PANG") gets the vocabulary words the learned channel can turn
 * into it, each with log10 P(OCR word | word), plus the word as the OCR read
 * it (kept verbatim, as the model knows it or as an unknown word); numbers,
 * document numbers, dates, symbols and punctuation are fixed context. The
 * language model's decoder picks one candidate per position, so a correction
 * happens only where the model supports it, and its confidence is the
 * decoder's max-marginal share.
 *
 * Output spans: every replaced core is one `replace` in the OffsetMap, so
 * positions in the corrected text map back to the OCR text exactly.
 */
import { BoundedMemo } from '../../memo.js';
import { OffsetMapBuilder, type OffsetMap } from '../../text/offsets.js';
import { CandidateGenerator, DEFAULT_CANDIDATE_OPTIONS, VocabularyIndex, type CandidateOptions } from './candidates.js';
import { OcrChannel, type ChannelData, type ChannelKind } from './channel.js';
import type { OcrLanguageModel, OcrLattice } from './language.js';
import { placeTone, type ToneStyle } from '../../text/vietnamese.js';
import { SymbolRepair, repairDigitDate, repairDigitWord, repairRoman } from './symbols.js';
import { stripToneCode } from './tones.js';
import { CORE_NUMBER, CORE_PROTECTED, CORE_WORD, coreText, ocrWords, type OcrWord } from './words.js';
import { regroup } from './regroup.js';
import { foldedSyllables } from '../syllables.js';
import { foldDiacritics } from '../../text/fold.js';
import { LatticeParts, decode, protectedTokens, type WordEntry } from './lattice.js';
import { foreignWords } from './foreign.js';
import { applyCase } from './casing.js';
import { pickChannel } from './pick-channel.js';

export interface OcrCorrection {
  /** Span of the corrected word in the input. */
  start: number;
  end: number;
  /** What the OCR read. */
  from: string;
  /** What it was corrected to. */
  to: string;
  /** 0..1: the decoder's share for this word among its candidates. */
  confidence: number;
}

export interface OcrCorrectionResult {
  text: string;
  /** Maps positions in `text` back to the input. */
  map: OffsetMap;
  corrections: OcrCorrection[];
  /** The channel used ('eng': marks mostly lost; 'vie': marks kept but often wrong). */
  channel: ChannelKind;
  /** Words the decoder chose among several candidates. */
  decided: number;
  /** Mean confidence over those words (1 when there were none); computed when first read. */
  confidence: number;
}

export interface CorrectorOptions {
  /** Which learned channel: 'auto' picks by how many words carry Vietnamese marks. */
  channel?: ChannelKind | 'auto';
  /** Multiplies the channel's log-probabilities against the language model's. Default 1. */
  channelWeight?: number;
  candidates?: Partial<CandidateOptions>;
  /** Tone placement of corrected words: 'new' (default, "hòa") or 'old' ("hoà"). */
  toneStyle?: ToneStyle;
  /** log10 cost per letter of keeping a word the model does not know. Default 1. */
  unknownLetterCost?: number;
  /** The decoder's beam (log10): paths this far below the best are dropped. Default: the decoder's (4). */
  decoderBeam?: number;
}

const UNKNOWN_LETTER = 1;

/** Most positions decoded in one lattice (a lattice also ends at every sentence end). */
const MAX_LATTICE = 4000;
/** A word of two or more letters with one or two digits glued after it. */
const FOOTNOTE = /^(\p{L}{2,})(\d{1,2})$/u;
/** Cost (nats) of reading trailing digits as a footnote marker rather than as misread letters. */
const FOOTNOTE_COST = 2;
/**
 * Extra cost (nats) of reading a short number among words as a word: numbers
 * are far commoner than misread letters, and the channel learned its edits
 * from letters in words.
 */
const NUMBER_AS_WORD_COST = 1;
/** log10 unigram probability below which a word the model knows counts as a rarity (a fragment such as "ết"). */
const RARE_WORD = -5;
/** Most candidates of one word (the decoder's limit is higher). */
const MAX_WORD_CANDIDATES = 16;
/** Most passes of {@link OcrCorrector.correct} (the first, and re-corrections of what changed). */
const MAX_PASSES = 3;

/**
 * A decoded lattice whose confidences (a forward-backward pass, as costly as
 * the decoding) are computed when first read: extraction and bulk use read
 * only the text and the map.
 */
class Decoded {
  private conf: Float32Array | null = null;
  constructor(
    private readonly model: OcrLanguageModel,
    private readonly lattice: OcrLattice | null,
    private readonly choice: Int32Array,
    /** Positions the decoder chose among several candidates. */
    readonly decided: Int32Array,
  ) {}
  at(p: number): number {
    if (this.lattice === null) return 1;
    this.conf ??= this.model.confidence(this.lattice, this.choice);
    return this.conf[p];
  }
  sum(): number {
    let s = 0;
    for (let k = 0; k < this.decided.length; k++) s += this.at(this.decided[k]);
    return s;
  }
}

/** One correction; its confidence is read from its lattice when asked for (or was given). */
class Correction implements OcrCorrection {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly from: string,
    readonly to: string,
    private readonly source: Decoded | null,
    private readonly pos: number,
    private readonly given: number,
  ) {}
  get confidence(): number {
    return this.source === null ? this.given : this.source.at(this.pos);
  }
  /** The same correction at another span of another input. */
  moved(start: number, end: number, from: string): Correction {
    return new Correction(start, end, from, this.to, this.source, this.pos, this.given);
  }
}

/** A result whose mean confidence is computed when first read. */
function resultOf(fields: Omit<OcrCorrectionResult, 'confidence'>, batches: readonly Decoded[]): OcrCorrectionResult {
  let conf: number | null = null;
  const out = fields as OcrCorrectionResult;
  Object.defineProperty(out, 'confidence', {
    enumerable: true,
    get: () => {
      if (conf === null) {
        let s = 0;
        for (const b of batches) s += b.sum();
        conf = fields.decided === 0 ? 1 : s / fields.decided;
      }
      return conf;
    },
  });
  return out;
}

/** The result of correcting `input` (first) and then its output again (next), as one result on `input`. */
function chain(input: string, first: OcrCorrectionResult, next: OcrCorrectionResult): OcrCorrectionResult {
  const byStart = new Map<number, OcrCorrection>();
  for (const c of first.corrections) byStart.set(c.start, c);
  for (const c of next.corrections) {
    const start = first.map.toOriginal(c.start, 'start');
    const end = first.map.toOriginal(c.end, 'end');
    const from = input.slice(start, end);
    if (from === c.to) byStart.delete(start);
    else byStart.set(start, (c as Correction).moved(start, end, from));
  }
  const corrections = [...byStart.values()].sort((a, b) => a.start - b.start);
  const out = { text: next.text, channel: first.channel, map: first.map.compose(next.map), corrections, decided: first.decided } as OcrCorrectionResult;
  Object.defineProperty(out, 'confidence', { enumerable: true, get: () => first.confidence });
  return out;
}

interface ChannelParts {
  channel: OcrChannel;
  gen: CandidateGenerator;
  /** The channel of words in capitals ("PANG" for "ĐẢNG"), and its generator. */
  capitals: OcrChannel;
  capitalsGen: CandidateGenerator;
}

/** A word in capitals: two capital letters or more and no lower-case letter. */
const CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** A corrector bound to a model and a learned channel table; reuse it across texts (it caches candidates). */
export class OcrCorrector {
  private readonly channels: Partial<Record<ChannelKind, ChannelParts>> = {};
  private readonly index: VocabularyIndex;

  constructor(
    private readonly model: OcrLanguageModel,
    private readonly data: ChannelData,
    private readonly options: CorrectorOptions = {},
  ) {
    this.index = VocabularyIndex.of(model);
  }

  private channelFor(kind: ChannelKind): ChannelParts {
    let c = this.channels[kind];
    if (!c) {
      const opts = { ...DEFAULT_CANDIDATE_OPTIONS, ...this.options.candidates };
      const channel = new OcrChannel(kind, this.data[kind]);
      const capitals = new OcrChannel(kind, this.data[kind], true);
      c = {
        channel,
        gen: new CandidateGenerator(channel, this.index, this.model, opts),
        capitals,
        // words in capitals are headings or codes ("KH&CN", "GDQP&AN"): no back-off
        capitalsGen: new CandidateGenerator(capitals, this.index, this.model, { ...opts, backoff: false }),
      };
      this.channels[kind] = c;
    }
    return c;
  }

  /**
   * Corrects `text`. Runs to a fixpoint: the output is corrected again (only
   * the sentences the last pass changed) until a pass changes nothing, at most
   * MAX_PASSES times, so correcting the output again changes nothing.
   */
  correct(text: string): OcrCorrectionResult {
    const firstWords = ocrWords(text);
    const first = this.pass(text, null, this.kindOf(text, firstWords), firstWords);
    let result = first.result;
    let changed = first.changed;
    let kind = result.channel;
    for (let k = 1; k < MAX_PASSES && result.corrections.length > 0; k++) {
      // Sentences are decoded apart, so a pass through the same channel can only change
      // the sentences the last pass changed; through another channel, any.
      const nextWords = ocrWords(result.text);
      const nextKind = this.kindOf(result.text, nextWords);
      const next = this.pass(result.text, nextKind === kind ? changed : null, nextKind, nextWords);
      kind = nextKind;
      if (next.result.corrections.length === 0) break;
      result = chain(text, result, next.result);
      changed = next.changed;
    }
    return result;
  }

  private kindOf(text: string, words: OcrWord[]): ChannelKind {
    return this.options.channel && this.options.channel !== 'auto' ? this.options.channel : pickChannel(text, words);
  }

  /** One pass; `active` (per sentence) limits it to the sentences marked 1. `tokens` are ocrWords(text). */
  private pass(text: string, active: Uint8Array | null, kind: ChannelKind, tokens: OcrWord[] = ocrWords(text)): { result: OcrCorrectionResult; changed: Uint8Array } {
    const parts = this.channelFor(kind);
    const { channel } = parts;
    const weight = this.options.channelWeight ?? 1;
    const m = this.model;
    const changedSentences: number[] = [];
    let sentence = 0;

    const out = new OffsetMapBuilder();
    const corrections: OcrCorrection[] = [];
    const batches: Decoded[] = [];
    let decided = 0;
    let pieces: string[] = [];
    let at = 0; // position in the input up to which output is written

    const lattice = new LatticeParts();
    const flush = () => {
      if (lattice.length === 0 && pending.length === 0) return;
      const res = lattice.length > 0 ? decode(m, lattice, this.options.decoderBeam) : { lattice: null, choice: new Int32Array(0) };
      const edits: { w: OcrWord; to: string; source: Decoded | null; pos: number; confidence: number }[] = pending.splice(0);
      const chosen: number[] = [];
      for (let p = 0; p < lattice.length; p++) {
        const e = lattice.entries[p];
        if (e && lattice.words[p] && e.types.length > 1) chosen.push(p);
      }
      const batch = new Decoded(m, res.lattice, res.choice, Int32Array.from(chosen));
      batches.push(batch);
      decided += chosen.length;
      for (let p = 0; p < lattice.length; p++) {
        const e = lattice.entries[p];
        const w = lattice.words[p];
        if (!e || !w) continue;
        const k = e.types.length > 1 ? res.choice[p] : 0;
        const regrouped = w.core !== undefined || w.prefix !== undefined;
        if (k === 0 && !regrouped) continue;
        const core = coreText(text, w);
        const type = this.options.toneStyle === 'old' ? placeTone(e.types[k], 'old') : e.types[k];
        const to = (w.prefix ?? '') + (k === 0 ? core : applyCase(type, core));
        edits.push({ w, to, source: e.types.length > 1 ? batch : null, pos: p, confidence: 1 });
      }
      edits.sort((a, b) => a.w.coreStart - b.w.coreStart);
      for (const { w, to, source, pos, confidence } of edits) {
        const from = text.slice(w.coreStart, w.coreEnd);
        if (to === from) continue;
        changedSentences[sentence] = 1;
        pieces.push(text.slice(at, w.coreStart), to);
        out.keep(w.coreStart - at).replace(w.coreEnd - w.coreStart, to.length);
        at = w.coreEnd;
        corrections.push(new Correction(w.coreStart, w.coreEnd, from, to, source, pos, confidence));
      }
      lattice.clear();
    };

    const cache = this.entryCache(kind);
    const symbols = this.symbolRepair(kind, parts.capitals);
    /** Repairs decided outside the lattice (symbols, numerals), written out at the next flush. */
    const pending: { w: OcrWord; to: string; source: null; pos: number; confidence: number }[] = [];
    const direct = (w: OcrWord, to: string, confidence: number) => pending.push({ w, to, source: null, pos: 0, confidence });
    // Every word's candidates first, so a word among words that no channel edit turns into
    // Vietnamese (English, another language's OCR) can be left as it is.
    const entryOf = (c: string) => cache.get(c, (x) => (CAPITALS.test(x) ? this.wordEntry(x, parts.capitalsGen, parts.capitals, weight) : this.wordEntry(x, parts.gen, channel, weight)));
    const words = regroup(text, tokens, {
      known: (c) => {
        if (/\d/.test(c)) return false;
        const id = m.idOf(placeTone(c.toLowerCase(), 'new'));
        return id !== m.unkId && m.unigram(id) >= RARE_WORD;
      },
      syllable: (c) => foldedSyllables().has(foldDiacritics(c.toLowerCase())),
      explained: (c) => !entryOf(c).unexplained,
    });
    const entries: (WordEntry | null)[] = new Array(words.length).fill(null);
    const lost = new Uint8Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.kind !== CORE_WORD) continue;
      const core = coreText(text, w);
      const e = entryOf(core);
      entries[i] = e;
      if (e.unexplained && e.ids[0] === m.unkId && !/\d/.test(core) && core !== core.toUpperCase()) lost[i] = 1;
    }
    const foreign = foreignWords(words, entries, lost);
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      if (active !== null && active[sentence] !== 1) {
        if (isSentenceEnd(text, w)) sentence++;
        continue;
      }
      // opening punctuation
      for (let k = w.start; k < w.coreStart; k++) lattice.fixed(m.classId('punct', text.charCodeAt(k)));
      if (w.kind === CORE_WORD) {
        const core = coreText(text, w);
        const roman = w.lineStart ? repairRoman(core) : null;
        const number = roman === null ? repairDigitWord(core) : null;
        const e = entries[i]!;
        if (roman !== null) {
          direct(w, roman, 0.9);
          lattice.fixed(m.classId('symbol', 0x49));
        } else if (number !== null) {
          // "2O23", "l5": a number with letters for digits
          direct(w, number, 0.8);
          lattice.fixed(m.classId('number', 0x30));
        } else if (foreign[i] === 1) lattice.fixed(e.ids[0]);
        else lattice.word(e, w);
      } else if (w.kind === CORE_NUMBER) {
        // A number of one or two digits alone between words ("6" for "ở", "16" for "lệ"): the
        // number stays a candidate at no cost, and the model decides.
        const inProse = w.coreEnd - w.coreStart <= 2 && w.start === w.coreStart && w.end === w.coreEnd && !w.lineStart && isProseWord(words[i - 1], text) && isProseWord(words[i + 1], text);
        if (inProse) lattice.word(cache.get(text.slice(w.coreStart, w.coreEnd), (c) => this.numberEntry(c, parts.gen, weight)), w);
        else lattice.fixed(m.classId('number', 0x30));
      }
      else if (w.kind === CORE_PROTECTED) {
        let core = text.slice(w.coreStart, w.coreEnd);
        let joinedWith = false;
        // A symbol whose last code group the OCR split with a space ("NQ-C P" for "NQ-CP").
        const next = words[i + 1];
        if (next && next.kind === CORE_WORD && !next.lineStart && w.end === w.coreEnd && next.start === next.coreStart) {
          const joined = symbols.join(core, text.slice(next.coreStart, next.coreEnd));
          if (joined !== null) {
            const span: OcrWord = { start: w.start, end: next.end, coreStart: w.coreStart, coreEnd: next.coreEnd, kind: CORE_PROTECTED, lineStart: w.lineStart };
            direct(span, symbols.repair(joined)?.text ?? joined, 0.8);
            core = joined;
            w = span;
            i++;
            joinedWith = true;
          }
        }
        const date = joinedWith ? null : repairDigitDate(core);
        const fixedCore = joinedWith || date !== null ? null : symbols.repair(core);
        if (date !== null) direct(w, date, 0.8);
        else if (fixedCore) direct(w, fixedCore.text, fixedCore.confidence);
        for (const id of this.protectedCache.get(core, (c) => protectedTokens(m, c))) lattice.fixed(id);
      }
      // closing punctuation
      for (let k = w.coreEnd; k < w.end; k++) lattice.fixed(m.classId('punct', text.charCodeAt(k)));
      if (isSentenceEnd(text, w)) {
        flush();
        sentence++;
      } else if (lattice.length >= MAX_LATTICE) flush();
    }
    flush();
    out.keep(text.length - at);
    pieces.push(text.slice(at));
    const result = pieces.join('');
    pieces = [];
    const changed = new Uint8Array(sentence + 1);
    for (let k = 0; k < changedSentences.length; k++) if (changedSentences[k] === 1) changed[k] = 1;
    return {
      result: resultOf({ text: result, map: out.build(), corrections, channel: kind, decided }, batches),
      changed,
    };
  }

  private readonly entryCaches: Partial<Record<ChannelKind, BoundedMemo<WordEntry>>> = {};
  private readonly protectedCache = new BoundedMemo<number[]>(100_000);
  private readonly repairs: Partial<Record<ChannelKind, SymbolRepair>> = {};

  private symbolRepair(kind: ChannelKind, channel: OcrChannel): SymbolRepair {
    let r = this.repairs[kind];
    if (!r) {
      r = new SymbolRepair(channel);
      this.repairs[kind] = r;
    }
    return r;
  }

  private entryCache(kind: ChannelKind): BoundedMemo<WordEntry> {
    let c = this.entryCaches[kind];
    if (!c) {
      c = new BoundedMemo<WordEntry>(100_000);
      this.entryCaches[kind] = c;
    }
    return c;
  }

  /** A short number among words: kept as a number at no cost, or a word the channel reads as it. */
  private numberEntry(core: string, gen: CandidateGenerator, weight: number): WordEntry {
    const types = [core];
    const ids = [this.model.classId('number', 0x30)];
    const scores = [0];
    for (const c of gen.candidates(core)) {
      if (types.length >= MAX_WORD_CANDIDATES) break;
      types.push(c.type);
      ids.push(c.id);
      scores.push((-(c.cost + NUMBER_AS_WORD_COST) / Math.LN10) * weight);
    }
    return { types, ids: Int32Array.from(ids), channel: Float32Array.from(scores), unexplained: types.length === 1 };
  }

  private wordEntry(core: string, gen: CandidateGenerator, channel: OcrChannel, weight: number): WordEntry {
    const m = this.model;
    const lower = core.toLowerCase();
    const hasDigit = /\d/.test(core);
    // the word as read, its tone in the model's ('new') place: "uỷ" is "ủy" read right, not a misreading
    const asRead = hasDigit ? lower : placeTone(lower, 'new');
    const keepId = hasDigit ? m.classId('symbol', core.charCodeAt(0)) : m.idOf(asRead);
    const cands = gen.candidates(lower);
    // Keeping the word as read: the channel read every letter as itself.
    let keepCost = 0;
    for (let k = 0; k < lower.length; k++) keepCost += channel.identityCost(stripToneCode(lower.charCodeAt(k)));
    let keepScore = (-keepCost / Math.LN10) * weight;
    // A word the model does not know (or a code, "s6", "B9") kept as read: the model scores only
    // its class, so its spelling is paid for here, letter by letter.
    if (keepId === m.unkId || hasDigit) keepScore -= (this.options.unknownLetterCost ?? UNKNOWN_LETTER) * core.length;
    const types = [lower];
    const ids = [keepId];
    const scores = [keepScore];
    for (const c of cands) {
      const sc = (-c.cost / Math.LN10) * weight;
      if (c.type === asRead) {
        if (sc > scores[0]) scores[0] = sc;
        continue;
      }
      types.push(c.type);
      ids.push(c.id);
      scores.push(sc);
    }
    // A footnote number glued to a word ("tinh7" for "tỉnh" + footnote 7): the word's
    // candidates with the digits kept as they are.
    const glued = FOOTNOTE.exec(lower);
    if (glued) {
      const digits = glued[2];
      for (const c of gen.candidates(glued[1])) {
        if (types.length >= MAX_WORD_CANDIDATES) break;
        types.push(c.type + digits);
        ids.push(c.id);
        scores.push((-(c.cost + FOOTNOTE_COST) / Math.LN10) * weight);
      }
    }
    const unexplained = types.length === 1 || cands.every((c) => c.backoff === true);
    return { types, ids: Int32Array.from(ids), channel: Float32Array.from(scores), unexplained };
  }
}

/** A word of letters with no punctuation around it, on the same line (a number between two such is in running prose). */
function isProseWord(w: OcrWord | undefined, text: string): boolean {
  if (w === undefined || w.kind !== CORE_WORD || w.start !== w.coreStart || w.end !== w.coreEnd) return false;
  for (let k = w.coreStart; k < w.coreEnd; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) return false;
  }
  return true;
}

function isSentenceEnd(text: string, w: OcrWord): boolean {
  const last = text.charCodeAt(w.end - 1);
  return last === 0x2e || last === 0x3b || last === 0x3a || last === 0x21 || last === 0x3f;
}
