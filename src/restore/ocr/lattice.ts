/**
 * The corrector's lattice: per position either the cached candidates of an
 * OCR word or one fixed token, turned into the decoder's typed arrays.
 */
import { KIND_ALNUM, KIND_NUMBER, KIND_PUNCT, KIND_SYMBOL, KIND_WORD, tokenizeStream } from '../../text/tokenize.js';
import type { OcrLanguageModel, OcrLattice } from './language.js';
import type { OcrWord } from './words.js';

/** The candidates of one OCR word core, as written; cached per distinct core. */
export interface WordEntry {
  /** Lower-case candidate types; index 0 is the word as read. */
  types: string[];
  ids: Int32Array;
  channel: Float32Array;
  /** No learned channel edit explains the word (its candidates, if any, come from the back-off). */
  unexplained: boolean;
}

/** The lattice under construction: per position, either a cached word entry or one fixed token. */
export class LatticeParts {
  entries: (WordEntry | null)[] = [];
  fixedIds: number[] = [];
  words: (OcrWord | null)[] = [];
  candidates = 0;
  get length(): number {
    return this.entries.length;
  }
  fixed(id: number): void {
    this.entries.push(null);
    this.fixedIds.push(id);
    this.words.push(null);
    this.candidates++;
  }
  word(e: WordEntry, w: OcrWord): void {
    this.entries.push(e);
    this.fixedIds.push(-1);
    this.words.push(w);
    this.candidates += e.ids.length;
  }
  clear(): void {
    this.entries.length = 0;
    this.fixedIds.length = 0;
    this.words.length = 0;
    this.candidates = 0;
  }
}

/** LM tokens of a protected core, as the tokenizer sees it ("52-NQ/TW" → <num> - <sym>). */
export function protectedTokens(m: OcrLanguageModel, core: string): number[] {
  const st = tokenizeStream(core);
  const ids: number[] = [];
  for (let k = 0; k < st.length; k++) {
    const kind = st.kinds[k];
    const first = core.charCodeAt(st.starts[k]);
    if (kind === KIND_NUMBER) ids.push(m.classId('number', first));
    else if (kind === KIND_SYMBOL || kind === KIND_ALNUM) ids.push(m.classId('symbol', first));
    else if (kind === KIND_PUNCT) ids.push(m.classId('punct', first));
    else if (kind === KIND_WORD) ids.push(m.idOf(core.slice(st.starts[k], st.ends[k]).toLowerCase()));
  }
  return ids;
}

/** The decoder's lattice of the parts, and the best path through it. */
export function decode(m: OcrLanguageModel, lat: LatticeParts, beam?: number): { lattice: OcrLattice; choice: Int32Array } {
  const n = lat.length;
  const candStart = new Int32Array(n + 1);
  const candToken = new Int32Array(lat.candidates);
  const candChannel = new Float32Array(lat.candidates);
  let at = 0;
  for (let i = 0; i < n; i++) {
    candStart[i] = at;
    const e = lat.entries[i];
    if (e === null) {
      candToken[at++] = lat.fixedIds[i];
    } else {
      candToken.set(e.ids, at);
      candChannel.set(e.channel, at);
      at += e.ids.length;
    }
  }
  candStart[n] = at;
  const lattice: OcrLattice = { length: n, candStart, candToken, candChannel };
  return { lattice, choice: m.decode(lattice, beam).choice };
}
