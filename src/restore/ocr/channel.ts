/**
 * The OCR channel: P(what the OCR read | what was printed), learned from
 * parallel data (tools/ocr/learn-channel.ts) and stored in channel-data.ts.
 *
 * Two factors. Letters are compared with tones removed but quality kept
 * ("ố" as "ô"), through learned substitutions of short segments, P(β | α):
 * "đ" → "p", "ô" → "6", "ô" → "e", "ua" → "tia", "l" → "1", " " → "" for
 * merged words. Tones are scored once per syllable: P(tone the OCR shows |
 * tone printed). Costs are −ln P, so lower is likelier.
 *
 * Candidates come from reverse edits: starting from the OCR string, each
 * segment is either read as itself or replaced by a clean segment that the
 * table says can produce it, and the walk is cut as soon as the clean string
 * built so far is no prefix of a syllable. No scan of the inventory.
 */
import { stripToneCode } from './tones.js';
import type { Trie } from './trie.js';

export interface ChannelTableJSON {
  /** Toneless segment pairs [clean α, ocr β, cost = −ln P(β | α)]; α === β for a letter read as itself. */
  segs: [string, string, number][];
  /** −ln P(tone the OCR token shows | tone of the syllable), 6×6. */
  tone: number[][];
  /** Segment pairs learned from words in capitals only (headings, issuer blocks), for OCR words in capitals. */
  upper?: [string, string, number][];
  stats: { files: number; words: number; alignedPairs: number; exactWords: number; chars: number };
}

/** The learned channels: read with the English model (marks mostly lost) and with the Vietnamese model (marks kept, often wrong). */
export interface ChannelData {
  eng: ChannelTableJSON;
  vie: ChannelTableJSON;
}

export type ChannelKind = keyof ChannelData;

interface Edit {
  /** OCR segment β. */
  from: string;
  /** Clean segment α. */
  to: string;
  cost: number;
}

/** Identity cost of a character the table never saw (rare letters, symbols). */
const UNKNOWN_IDENTITY = 0.05;
/** β = "" (the OCR dropped α) is stored under this key. */
const DROPPED = -1;

/** A channel table made ready for candidate generation. */
export class OcrChannel {
  /** β's first code unit → edits β ← α (not identities), cheapest first. */
  private readonly reverse = new Map<number, Edit[]>();
  /** Identity cost of each toneless character. */
  private readonly identity = new Map<number, number>();
  private readonly tone: Float64Array;

  /**
   * `capitals`: the channel of words in capitals, the table's `upper` pairs
   * added to (and, where they overlap, overriding) the general ones.
   */
  constructor(
    readonly kind: ChannelKind,
    t: ChannelTableJSON,
    capitals = false,
  ) {
    let segs = t.segs;
    if (capitals && t.upper && t.upper.length > 0) {
      const merged = new Map<string, [string, string, number]>();
      for (const e of t.segs) merged.set(e[0] + '\t' + e[1], e);
      for (const e of t.upper) merged.set(e[0] + '\t' + e[1], e);
      segs = [...merged.values()];
    }
    for (const [a, b, cost] of segs) {
      if (a === b && a.length === 1) {
        this.identity.set(a.charCodeAt(0), cost);
        continue;
      }
      if (a === b) continue; // a longer identity adds nothing to the letters read one by one
      const key = b.length > 0 ? b.charCodeAt(0) : DROPPED;
      const list = this.reverse.get(key);
      const e = { from: b, to: a, cost };
      if (list) list.push(e);
      else this.reverse.set(key, [e]);
    }
    for (const list of this.reverse.values()) list.sort((x, y) => x.cost - y.cost);
    this.tone = Float64Array.from(t.tone.flat());
  }

  private readonly signLists = new Map<number, Edit[]>();

  /** The reverse edits of an OCR character; a sign also gets the back-off edits to every vowel. */
  private reverseFor(o: number, digitIsSign: boolean): Edit[] | undefined {
    const learned = this.reverse.get(o);
    if (!isSign(o) && !(digitIsSign && o >= 0x30 && o <= 0x39)) return learned;
    let merged = this.signLists.get(o);
    if (!merged) {
      merged = [...(learned ?? []), ...SIGN_EDITS].sort((x, y) => x.cost - y.cost);
      this.signLists.set(o, merged);
    }
    return merged;
  }

  /** Cost of a toneless character read as itself. */
  identityCost(code: number): number {
    return this.identity.get(code) ?? UNKNOWN_IDENTITY;
  }

  /** −ln P(OCR shows tone `ocrTone` | the syllable has tone `tone`). */
  toneCost(tone: number, ocrTone: number): number {
    return this.tone[tone * 6 + ocrTone];
  }

  /**
   * Clean toneless words of `trie` that could have been read as `ocr`
   * (lower-case), by reverse edits; calls `emit(word index, cost)` for each
   * (a word can come more than once, by different paths: keep the cheapest).
   * At most `maxEdits` segments differ from what the OCR shows, and no path
   * costs more than `maxCost`.
   */
  generate(ocr: string, trie: Trie, emit: (word: number, cost: number) => void, maxEdits = 3, maxCost = 14, backoff = false): void {
    const m = ocr.length;
    const dropped = this.reverse.get(DROPPED);
    // In a word with letters, a digit is a misread letter too ("B9"): it gets the sign back-off.
    const hasLetter = /\p{L}/u.test(ocr);
    // Per OCR position, computed once: the toneless code unit, its identity cost, its reverse edits.
    const codes = new Array<number>(m);
    const idCost = new Array<number>(m);
    const lists = new Array<Edit[] | undefined>(m);
    let toneless = '';
    for (let j = 0; j < m; j++) {
      const o = stripToneCode(ocr.charCodeAt(j));
      codes[j] = o;
      idCost[j] = this.identityCost(o);
      lists[j] = this.reverseFor(o, hasLetter);
      toneless += String.fromCharCode(o);
    }
    /** One back-off edit per path, when asked for: `used` says whether this path took it. */
    // The cheapest cost seen at each state (OCR position, trie node, edits made, back-off used): a
    // path that reaches a state no cheaper than another did cannot lead to a cheaper word.
    const seen = new Map<number, number>();
    const walk = (j: number, node: number, cost: number, edits: number, used = !backoff): void => {
      const state = ((node * (m + 1) + j) * (maxEdits + 1) + edits) * 2 + (used ? 1 : 0);
      const before = seen.get(state);
      if (before !== undefined && before <= cost) return;
      seen.set(state, cost);
      if (j === m && node !== 0) {
        const w = trie.wordAt(node);
        if (w >= 0) emit(w, cost);
      }
      if (!used && edits < maxEdits && cost + BACKOFF_COST <= maxCost) {
        const c = cost + BACKOFF_COST;
        // a letter the OCR dropped ("tirg" for "từng": n)
        if (node !== 0 || j > 0) for (const l of BACKOFF_LETTERS) {
          const next = trie.child(node, l);
          if (next >= 0) walk(j, next, c, edits + 1, true);
        }
        if (j < m) {
          // a character the OCR added ("thyuc" for "thực": y)
          walk(j + 1, node, c, edits + 1, true);
          // a vowel read as another character ("civa" for "cửa", "vin" for "văn", "trlen" for "triển")
          if (BACKOFF_VOWELS.includes(codes[j]) || BACKOFF_LOOKALIKES.includes(codes[j]))
            for (const v of BACKOFF_VOWELS) {
              if (v === codes[j]) continue;
              const next = trie.child(node, v);
              if (next >= 0) walk(j + 1, next, c, edits + 1, true);
            }
        }
      }
      // a clean segment the OCR dropped entirely
      if (dropped !== undefined && edits < maxEdits && node !== 0) {
        for (let k = 0; k < dropped.length; k++) {
          const e = dropped[k];
          const c = cost + e.cost;
          if (c > maxCost) break;
          const next = trie.walk(node, e.to);
          if (next >= 0) walk(j, next, c, edits + 1, used);
        }
      }
      if (j === m) return;
      // read as itself
      const idc = cost + idCost[j];
      if (idc <= maxCost) {
        const next = trie.child(node, codes[j]);
        if (next >= 0) walk(j + 1, next, idc, edits, used);
      }
      if (edits >= maxEdits) return;
      const list = lists[j];
      if (list === undefined) return;
      for (let k = 0; k < list.length; k++) {
        const e = list[k];
        const c = cost + e.cost;
        if (c > maxCost) break;
        // a sign edit consumes the sign itself (its `from` is empty)
        const len = e.from.length === 0 ? 1 : e.from.length;
        if (len > 1 && !toneless.startsWith(e.from, j)) continue;
        const next = trie.walk(node, e.to);
        if (next < 0) continue;
        walk(j + len, next, c, edits + 1, used);
      }
    };
    walk(0, 0, 0, 0);
  }
}

/**
 * Back-off for a word no learned edit turns into a vocabulary word ("thyuc",
 * "chitg", "civa": a vowel misread and a letter dropped or added together):
 * one edit the data never showed, any vowel for any vowel, any letter dropped
 * or one character added, each at a cost above every learned edit. Asked for
 * only when the learned channel finds nothing, so it never competes with it.
 */
const BACKOFF_COST = 5.5;
const BACKOFF_VOWELS: number[] = [...'aăâeêioôơuưy'].map((c) => c.charCodeAt(0));
/** Narrow letters and digits a scan gives for a narrow vowel (i, l, 1, t, f, j, r): candidates for any vowel in the back-off. */
const BACKOFF_LOOKALIKES: number[] = [...'l1tfjr|!'].map((c) => c.charCodeAt(0));
const BACKOFF_LETTERS: number[] = [...'abcdđeghiklmnopqrstuvxyăâêôơư'].map((c) => c.charCodeAt(0));

/**
 * Back-off for a sign inside a word that the training data never showed
 * ("¥", "§", "¢" read for a vowel by another engine or font), and for a digit
 * among letters: it may stand for any vowel, each equally, at a cost above
 * every learned edit.
 */
const SIGN_COST = 6.5;
const SIGN_EDITS: Edit[] = [...'aăâeêioôơuưy'].map((v) => ({ from: '', to: v, cost: SIGN_COST }));

function isSign(code: number): boolean {
  if (code < 0x21) return false;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return false;
  const ch = String.fromCharCode(code);
  return !/[\p{L}\p{M}\s]/u.test(ch);
}

