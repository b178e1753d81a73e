/**
 * Tone mark placement made consistent: 'new' puts the mark of an open
 * oa/oe/uy syllable on the first vowel ("hòa", "khỏe", "thủy"), 'old' on the
 * second ("hoà", "khoẻ", "thuỷ"). Only those syllables differ between the
 * styles; every other syllable, and every word that is not shaped like a
 * Vietnamese syllable, stays as written. One letter in, one out: lengths and
 * offsets do not change.
 */
import { CASE_NONE, PB_O, PB_U, PREV_BITS, TB_A_E, TB_O, TB_U, TB_Y, TONED_BITS, letterCase } from './chars.js';
import { placeTone, type ToneStyle } from './vietnamese.js';

export interface ToneStyleResult {
  text: string;
  /** Syllables whose mark moved. */
  count: number;
}

export function applyToneStyle(text: string, style: ToneStyle): ToneStyleResult {
  const n = text.length;
  const parts: string[] = [];
  let copyFrom = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const tb = TONED_BITS[text.charCodeAt(i)];
    if (tb === 0) continue;
    // a toned vowel next to the vowel the other style would mark
    const candidate =
      style === 'new'
        ? i > 0 && ((tb & TB_A_E && PREV_BITS[text.charCodeAt(i - 1)] & PB_O) || (tb & TB_Y && PREV_BITS[text.charCodeAt(i - 1)] & PB_U))
        : i + 1 < n && ((tb & TB_O && /[aeAE]/.test(text.charAt(i + 1))) || (tb & TB_U && /[yY]/.test(text.charAt(i + 1))));
    if (!candidate) continue;
    let s = i;
    while (s > 0 && letterCase(text.charCodeAt(s - 1)) !== CASE_NONE) s--;
    let e = i + 1;
    while (e < n && letterCase(text.charCodeAt(e)) !== CASE_NONE) e++;
    i = e - 1;
    if (s < copyFrom || e - s < 2 || e - s > 7) continue;
    const word = text.slice(s, e);
    const placed = placeTone(word, style);
    if (placed === word || placed.length !== word.length) continue;
    parts.push(text.slice(copyFrom, s), placed);
    copyFrom = e;
    count++;
  }
  if (count === 0) return { text, count };
  parts.push(text.slice(copyFrom));
  return { text: parts.join(''), count };
}
