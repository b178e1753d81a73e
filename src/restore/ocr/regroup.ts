/**
 * Syllables the OCR split or glued. A scan read word by word sometimes
 * breaks a syllable at a gap its marks leave ("quy ết" for "quyết") or loses
 * the space between two ("củaBộ", "ciiaB9"). Neither can be decided inside
 * the lattice (one position is one word), so the words are regrouped first,
 * on the channel's and the model's evidence:
 * - two words on one line with nothing between them but a space are joined
 *   when the joined form is one syllable that the model knows as read, and
 *   one of the two is no word it knows (or only as a rarity): "quy ết"; not
 *   "tu an" (the model cannot tell "tuan" from "từ an" as read), not "Bac
 *   Ninh" (a second part in capitals starts a word);
 * - a word whose letters turn from lower to upper case inside it is cut
 *   there when the whole is unknown to the model and each part is a word
 *   the model knows or the learned channel explains; the second part is
 *   written with a space before it.
 */
import { CORE_WORD, type OcrWord } from './words.js';

export interface WordJudge {
  /** The model knows the word as read (its tone placement aside), and not as a rarity. Cheap: a look-up. */
  known(core: string): boolean;
  /** The word spells one Vietnamese syllable (marks aside). */
  syllable(core: string): boolean;
  /** The learned channel turns a word the model knows into it. Costly: candidate generation (cached). */
  explained(core: string): boolean;
}

/** Most letters of a joined word (a syllable has at most 7). */
const MAX_JOINED = 8;

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/** `words` with split syllables joined and glued ones cut (a new array; the input is not changed). */
export function regroup(text: string, words: readonly OcrWord[], judge: WordJudge): OcrWord[] {
  const out: OcrWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind !== CORE_WORD) {
      out.push(w);
      continue;
    }
    const core = text.slice(w.coreStart, w.coreEnd);
    // a split syllable: this word and the next, one space apart
    const next = words[i + 1];
    if (next && next.kind === CORE_WORD && !next.lineStart && w.end === w.coreEnd && next.start === next.coreStart && next.start === w.end + 1 && text.charCodeAt(w.end) === 0x20) {
      const right = text.slice(next.coreStart, next.coreEnd);
      const joined = core + right;
      if (joined.length <= MAX_JOINED && LETTER.test(core) && LETTER.test(right) && sameCase(core, right) && judge.syllable(joined)) {
        if (judge.known(joined) && (!judge.known(core) || !judge.known(right))) {
          out.push({ start: w.start, end: next.end, coreStart: w.coreStart, coreEnd: next.coreEnd, kind: CORE_WORD, lineStart: w.lineStart, core: joined });
          i++;
          continue;
        }
      }
    }
    // glued syllables: a turn from lower to upper case inside the word
    const cut = caseTurn(core);
    if (cut > 0) {
      const left = core.slice(0, cut);
      const right = core.slice(cut);
      if (!judge.known(core)) {
        const ka = judge.known(left);
        const kb = judge.known(right);
        if ((ka || kb) && (ka || judge.explained(left)) && (kb || judge.explained(right))) {
          out.push({ start: w.start, end: w.coreStart + cut, coreStart: w.coreStart, coreEnd: w.coreStart + cut, kind: CORE_WORD, lineStart: w.lineStart });
          out.push({ start: w.coreStart + cut, end: w.end, coreStart: w.coreStart + cut, coreEnd: w.coreEnd, kind: CORE_WORD, lineStart: false, prefix: ' ' });
          continue;
        }
      }
    }
    out.push(w);
  }
  return out;
}

/** Index where a word of two letters or more in lower case turns to upper case ("củaBộ" → 3), else -1. */
function caseTurn(core: string): number {
  for (let k = 2; k < core.length - 1; k++) {
    if (UPPER.test(core.charAt(k)) && LOWER.test(core.charAt(k - 1)) && LOWER.test(core.charAt(k - 2))) return k;
  }
  return -1;
}

/** Both parts in capitals, or the second in lower case: "quy ết", "QUY ẾT"; not "Bac Ninh". */
function sameCase(a: string, b: string): boolean {
  const capsA = a === a.toUpperCase();
  const capsB = b === b.toUpperCase();
  return capsA && capsB ? true : !UPPER.test(b);
}
