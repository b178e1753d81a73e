/**
 * The prefilter: finds the places where a document symbol may start, in one
 * pass over the code units, allocating nothing. A symbol always has a
 * separator ("/" or a dash) right after its number ("52-NQ/TW", "111/NQ-CP",
 * "65/2023/NĐ-CP" seen from its second slash), and the separator is followed
 * by a letter (the first group), possibly after spaces or a line break, or
 * ends the line (a symbol broken by a page). Everything else ("2021-2025",
 * "20/34", "27/9/2019", "kinh tế - xã hội") is rejected by looking at two or
 * three neighbouring characters. Only the anchors found here are parsed.
 */
import { isCodeLetter, isDigit, isHSpace, isLineBreak } from './chars.js';

/** Spaces and line breaks looked at after a separator before giving up. */
const LOOKAHEAD = 24;

/**
 * Index of the next separator at or after `from` that follows a digit and
 * precedes a letter (or the end of the line), or -1.
 */
export function nextAnchor(text: string, from: number): number {
  const n = text.length;
  for (let i = from < 1 ? 1 : from; i < n; i++) {
    const c = text.charCodeAt(i);
    // "/" or "-" first: the common case exits on two comparisons.
    if (c !== 47 && c !== 45) {
      if (c < 0x2010) continue;
      if (!((c <= 0x2015) || c === 0x2212 || c === 0x2044 || c === 0x2215 || c === 0xff0f || c === 0xfe63 || c === 0xff0d)) continue;
    }
    // A digit right before (spaces allowed: "94 -KH").
    let j = i - 1;
    let d = text.charCodeAt(j);
    if (isHSpace(d)) {
      while (j > 0 && i - j < 3 && isHSpace(text.charCodeAt(j))) j--;
      d = text.charCodeAt(j);
    }
    if (!isDigit(d)) {
      // A number with a one-letter suffix: "30a/2008/NQ-CP", "08.a/2010/TT-BTP".
      if (!(d >= 97 && d <= 122 && j >= 2)) continue;
      const e = text.charCodeAt(j - 1) === 46 ? text.charCodeAt(j - 2) : text.charCodeAt(j - 1);
      if (!isDigit(e)) continue;
    }
    // A code letter after (spaces and line breaks allowed), or the end of the line.
    let k = i + 1;
    const stop = k + LOOKAHEAD < n ? k + LOOKAHEAD : n;
    let sawBreak = false;
    while (k < stop) {
      const e = text.charCodeAt(k);
      if (isHSpace(e)) k++;
      else if (isLineBreak(e)) {
        sawBreak = true;
        k++;
      } else break;
    }
    if (k >= stop) {
      if (sawBreak || k >= n) return i;
      continue;
    }
    if (isCodeLetter(text.charCodeAt(k)) || sawBreak) return i;
  }
  return -1;
}
