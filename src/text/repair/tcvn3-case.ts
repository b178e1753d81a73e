/**
 * Case of TCVN3's toned vowels. VN3 codes them in lower case only (the
 * .VnTimeH fonts draw the same codes as capitals), so a decoded "NGHị QUYếT"
 * or "Hà NộI" must get its capitals back from the words around it. The rule,
 * applied to each word (run of letters) holding such a letter:
 *
 * 1. a lower-case letter elsewhere in the word (one that TCVN3 codes with
 *    its case) → lower case: "Nghị", "quyết";
 * 2. otherwise two or more upper-case letters in the word → upper case:
 *    "NGHỊ", "CỘNG";
 * 3. otherwise (a word like "Hà"/"HÀ", "Bộ"/"BỘ", or "ở"/"Ở") the nearest word
 *    on the same line to each side (within 16 words) that rule 1 or 2 decides: upper case
 *    when every such word is in capitals ("HÀ NỘI"), lower case when one is
 *    not ("Hà Nội"); when no word on the line is decided, upper case when
 *    the line has at least two upper-case letters and no lower-case one
 *    ("BỘ Y TẾ");
 * 4. a word left in lower case whose first letter is such a letter and that
 *    starts a sentence gets a capital first letter ("Ủy ban …" at the start of
 *    a line after a full stop, or after "1." or "-").
 *
 * A capital inside running text that is not at a sentence start ("của Ủy
 * ban") cannot be told from the text and stays lower case.
 */
import { CASE_LOWER, CASE_NONE, CASE_UPPER, letterCase } from '../chars.js';

const OPENING = new Set([0x22, 0x27, 0x201c, 0x2018, 0x28, 0x5b]); // " ' “ ‘ ( [

const LOWER_2000: Uint8Array = (() => {
  const t = new Uint8Array(0x2000);
  for (let c = 0; c < 0x2000; c++) t[c] = letterCase(c) === CASE_LOWER ? 1 : 0;
  return t;
})();

/**
 * Gives the letters at `pos[0..count)` (positions in `out`, increasing,
 * all lower case as decoded) the case the rule above decides; returns how
 * many it upper-cased.
 */
export function restoreTcvn3Case(out: Uint16Array, pos: Int32Array, count: number): number {
  const n = out.length;
  const amb = new Uint8Array(n);
  for (let k = 0; k < count; k++) amb[pos[k]] = 1;
  let changed = 0;
  let doneUpTo = 0; // positions before this were decided with their word
  let lineStart = 0;
  let lineEnd = -1;
  let lineCaps = -1; // the current line in capitals: 1, 0, or -1 not yet counted
  for (let k = 0; k < count; k++) {
    const i = pos[k];
    if (i < doneUpTo) continue;
    const p = i > 0 ? out[i - 1] : 0;
    const q = i + 1 < n ? out[i + 1] : 0;
    // rule 1 at a glance: a stored lower-case letter next to it
    if ((p < 0x2000 && LOWER_2000[p] && !amb[i - 1]) || (q < 0x2000 && LOWER_2000[q] && !amb[i + 1])) {
      if (letterCase(p) === CASE_NONE) changed += sentenceStart(out, amb, i);
      continue;
    }
    // the whole word
    let s = i;
    while (s > 0 && letterCase(out[s - 1]) !== CASE_NONE) s--;
    let e = i + 1;
    let up = 0;
    let low = 0;
    for (let j = s; j < n; j++) {
      const lc = letterCase(out[j]);
      if (lc === CASE_NONE) break;
      e = j + 1;
      if (amb[j]) continue;
      if (lc === CASE_UPPER) up++;
      else if (lc === CASE_LOWER) low++;
    }
    doneUpTo = e;
    let upper = false;
    if (low === 0) {
      if (up >= 2) upper = true;
      else {
        if (s > lineEnd) {
          lineStart = s;
          while (lineStart > 0 && out[lineStart - 1] !== 0x0a) lineStart--;
          lineEnd = e;
          while (lineEnd < n && out[lineEnd] !== 0x0a) lineEnd++;
          lineCaps = -1;
        }
        const left = decidedWord(out, amb, s - 1, lineStart, -1);
        const right = decidedWord(out, amb, e, lineEnd, 1);
        if (left !== 0 || right !== 0) upper = left !== 1 && right !== 1;
        else {
          if (lineCaps < 0) lineCaps = lineInCapitals(out, amb, lineStart, lineEnd) ? 1 : 0;
          upper = lineCaps === 1;
        }
      }
    }
    if (upper) {
      for (let j = s; j < e; j++) {
        if (amb[j]) {
          out[j] = toUpperUnit(out[j]);
          changed++;
        }
      }
    } else changed += sentenceStart(out, amb, s);
  }
  return changed;
}

/** Rule 4: capitalizes an ambiguous first letter of a word that starts a sentence; 1 if it did. */
function sentenceStart(out: Uint16Array, amb: Uint8Array, s: number): number {
  if (!amb[s] || !startsSentence(out, s)) return 0;
  out[s] = toUpperUnit(out[s]);
  return 1;
}

/** Rule 3's last resort: the line [ls, le) has two or more upper-case letters and no lower-case one (TCVN3 stores their case). */
function lineInCapitals(out: Uint16Array, amb: Uint8Array, ls: number, le: number): boolean {
  let up = 0;
  for (let k = ls; k < le; k++) {
    if (amb[k]) continue;
    const lc = letterCase(out[k]);
    if (lc === CASE_LOWER) return false;
    if (lc === CASE_UPPER) up++;
  }
  return up >= 2;
}

/** Words rule 3 looks at on each side, at most. */
export const WORDS_AROUND = 16;

/**
 * Walks up to {@link WORDS_AROUND} words from `from` towards `limit`: 1 for
 * the first with a lower-case letter, 2 for one in capitals, 0 for none.
 */
function decidedWord(out: Uint16Array, amb: Uint8Array, from: number, limit: number, dir: number): number {
  let k = from;
  let words = 0;
  while ((dir < 0 ? k >= limit : k < limit) && words < WORDS_AROUND) {
    if (letterCase(out[k]) === CASE_NONE) {
      k += dir;
      continue;
    }
    let up = 0;
    let low = 0;
    while ((dir < 0 ? k >= limit : k < limit) && letterCase(out[k]) !== CASE_NONE) {
      if (!amb[k]) {
        const lc = letterCase(out[k]);
        if (lc === CASE_UPPER) up++;
        else if (lc === CASE_LOWER) low++;
      }
      k += dir;
    }
    if (low > 0) return 1;
    if (up >= 2) return 2;
    words++;
  }
  return 0;
}

function toUpperUnit(c: number): number {
  return String.fromCharCode(c).toUpperCase().charCodeAt(0);
}

/**
 * A word starts a sentence when, looking back over spaces and opening quotes,
 * the text starts, or a . ! ? … comes, or the line holds only a list marker
 * before it ("-", "+", "•", "1.", "a)", "(2)"); at the start of a line, when
 * the text before ends with . ! ? … or :.
 */
export function startsSentence(text: ArrayLike<number>, s: number): boolean {
  let j = s - 1;
  while (j >= 0 && (isSpace(text[j]) || OPENING.has(text[j]))) j--;
  if (j < 0 || text[j] === 0x0a) return lookBack(text, j);
  const c = text[j];
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) return true;
  if (c === 0x2d || c === 0x2b || c === 0x2022 || c === 0x2a || c === 0x2013 || c === 0x2014) return onlySpaceBefore(text, j);
  if (c === 0x29) {
    // "a)", "1)", "(2)"
    let k = j - 1;
    let len = 0;
    while (k >= 0 && letterOrDigit(text[k]) && len < 4) {
      k--;
      len++;
    }
    if (k >= 0 && text[k] === 0x28) k--;
    return len > 0 && onlySpaceBefore(text, k + 1);
  }
  return false;
}

function lookBack(text: ArrayLike<number>, j: number): boolean {
  while (j >= 0 && (isSpace(text[j]) || text[j] === 0x0a || text[j] === 0x0d || OPENING.has(text[j]))) j--;
  if (j < 0) return true;
  const c = text[j];
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3a;
}

/** Only spaces between the line start and `j`. */
function onlySpaceBefore(text: ArrayLike<number>, j: number): boolean {
  for (let k = j - 1; k >= 0 && text[k] !== 0x0a; k--) if (!isSpace(text[k])) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0d;
}

function letterOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || letterCase(c) !== CASE_NONE;
}
