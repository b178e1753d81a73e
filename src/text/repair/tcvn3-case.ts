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
 *    on the same line to each side that rule 1 or 2 decides: upper case
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

/**
 * Follows the words of a TCVN3 text as it is decoded (left to right) and
 * applies the rule above: rule 1 and 4 at once, rules 2 and 3 when the
 * decoding is done (rule 3 looks at the words on both sides).
 */
export class CaseRestorer {
  private count = 0;
  /** Ambiguous positions of the current word. */
  private amb: Uint8Array;
  /** Words left for rules 2 and 3: start, end pairs. */
  private pending: number[] = [];

  constructor(
    private readonly out: Uint16Array,
    n: number,
  ) {
    this.amb = new Uint8Array(n);
  }

  /** Position `i` holds a letter whose case TCVN3 does not store. */
  ambiguous(i: number): void {
    this.amb[i] = 1;
  }

  /** A word [s, e) ended; `up`/`low` count its letters that TCVN3 stores with their case. */
  word(s: number, e: number, up: number, low: number, ambs: number): void {
    if (ambs === 0) return;
    if (low > 0) {
      this.sentenceStart(s);
      return;
    }
    this.pending.push(s, e);
  }

  /** The line [s, e) stays as it was (a Unicode line of a mixed text). */
  revert(s: number, e: number): void {
    this.amb.fill(0, s, e);
    const p = this.pending;
    while (p.length > 0 && p[p.length - 2] >= s) p.length -= 2;
  }

  /** Applies rules 2 and 3 to the words left; returns the letters upper-cased. */
  finish(): number {
    const { out, amb, pending } = this;
    let lineStart = 0;
    let lineEnd = -1;
    for (let k = 0; k < pending.length; k += 2) {
      const s = pending[k];
      const e = pending[k + 1];
      let up = 0;
      for (let j = s; j < e; j++) if (!amb[j] && letterCase(out[j]) === CASE_UPPER) up++;
      let upper = up >= 2;
      if (!upper) {
        if (s > lineEnd) {
          lineStart = s;
          while (lineStart > 0 && out[lineStart - 1] !== 0x0a) lineStart--;
          lineEnd = e;
          while (lineEnd < out.length && out[lineEnd] !== 0x0a) lineEnd++;
        }
        upper = upperFromLine(out, amb, s, e, lineStart, lineEnd);
      }
      if (upper) {
        for (let j = s; j < e; j++) {
          if (amb[j]) {
            out[j] = toUpperUnit(out[j]);
            this.count++;
          }
        }
      } else this.sentenceStart(s);
    }
    return this.count;
  }

  /** Rule 4. */
  private sentenceStart(s: number): void {
    if (this.amb[s] && startsSentence(this.out, s)) {
      this.out[s] = toUpperUnit(this.out[s]);
      this.count++;
    }
  }
}

/** Rule 3: the nearest decided words on the line [ls, le), else the line's letters. */
function upperFromLine(out: Uint16Array, amb: Uint8Array, s: number, e: number, ls: number, le: number): boolean {
  const left = decidedWord(out, amb, s - 1, ls, -1);
  const right = decidedWord(out, amb, e, le, 1);
  if (left !== 0 || right !== 0) return left !== 1 && right !== 1;
  let up = 0;
  for (let k = ls; k < le; k++) {
    if (amb[k]) continue;
    const lc = letterCase(out[k]);
    if (lc === CASE_LOWER) return false;
    if (lc === CASE_UPPER) up++;
  }
  return up >= 2;
}

/** Walks words from `from` towards `limit`: 1 for the first with a lower-case letter, 2 for one in capitals, 0 for none. */
function decidedWord(out: Uint16Array, amb: Uint8Array, from: number, limit: number, dir: number): number {
  let k = from;
  while (dir < 0 ? k >= limit : k < limit) {
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
