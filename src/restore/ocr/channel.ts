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

export interface ChannelTableJSON {
  /** Toneless segment pairs [clean α, ocr β, cost = −ln P(β | α)]; α === β for a letter read as itself. */
  segs: [string, string, number][];
  /** −ln P(tone the OCR token shows | tone of the syllable), 6×6. */
  tone: number[][];
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

  constructor(
    readonly kind: ChannelKind,
    t: ChannelTableJSON,
  ) {
    for (const [a, b, cost] of t.segs) {
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

  /** Cost of a toneless character read as itself. */
  identityCost(code: number): number {
    return this.identity.get(code) ?? UNKNOWN_IDENTITY;
  }

  /** −ln P(OCR shows tone `ocrTone` | the syllable has tone `tone`). */
  toneCost(tone: number, ocrTone: number): number {
    return this.tone[tone * 6 + ocrTone];
  }

  /**
   * Clean toneless strings that could have been read as `ocr` (lower-case),
   * by reverse edits, kept only while `isPrefix` accepts them; calls
   * `emit(clean, cost)` for each complete string `isWord` accepts (a string
   * can be emitted more than once, by different paths: keep the cheapest).
   * At most `maxEdits` segments differ from what the OCR shows, and no path
   * costs more than `maxCost`.
   */
  generate(
    ocr: string,
    isPrefix: (s: string) => boolean,
    isWord: (s: string) => boolean,
    emit: (clean: string, cost: number) => void,
    maxEdits = 3,
    maxCost = 14,
  ): void {
    const m = ocr.length;
    const dropped = this.reverse.get(DROPPED);
    const walk = (j: number, built: string, cost: number, edits: number): void => {
      if (j === m && built.length > 0 && isWord(built)) emit(built, cost);
      // a clean segment the OCR dropped entirely
      if (dropped && edits < maxEdits && built.length > 0) {
        for (const e of dropped) {
          const c = cost + e.cost;
          if (c > maxCost) break;
          const s = built + e.to;
          if (isPrefix(s)) walk(j, s, c, edits + 1);
        }
      }
      if (j === m) return;
      const code = ocr.charCodeAt(j);
      const o = stripToneCode(code);
      // read as itself
      const idc = cost + this.identityCost(o);
      if (idc <= maxCost) {
        const s = built + String.fromCharCode(o);
        if (isPrefix(s)) walk(j + 1, s, idc, edits);
      }
      if (edits >= maxEdits) return;
      const list = this.reverse.get(o);
      if (!list) return;
      for (const e of list) {
        const c = cost + e.cost;
        if (c > maxCost) break;
        if (!matchesToneless(ocr, j, e.from)) continue;
        const s = built + e.to;
        if (e.to.length > 0 && !isPrefix(s)) continue;
        walk(j + e.from.length, s, c, edits + 1);
      }
    };
    walk(0, '', 0, 0);
  }
}

/** True when `s` at `at`, tones removed, starts with `seg`. */
function matchesToneless(s: string, at: number, seg: string): boolean {
  if (at + seg.length > s.length) return false;
  for (let k = 0; k < seg.length; k++) if (stripToneCode(s.charCodeAt(at + k)) !== seg.charCodeAt(k)) return false;
  return true;
}
