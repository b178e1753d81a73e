/**
 * Reading words one at a time, forwards or backwards, from a position in the
 * text. The finder only looks at the few words around a symbol, so it reads
 * them on demand instead of tokenizing the whole input.
 *
 * A word is a run of letters (combining marks included), a number a run of
 * digits ("17Kế" is the number 17 then the word "Kế"); any other non-space
 * character is a one-character punctuation token (dashes read as "-",
 * slashes as "/"). Spaces and line breaks separate tokens; `newlines` counts
 * the line breaks skipped before a token.
 */
import { foldedKey, isDash, isDigit, isLetter, isLineBreak, isSlash, isSpace, isUpperLetter } from './chars.js';

export const WORD = 1;
export const NUM = 2;
export const PUNCT = 3;
export type TokKind = typeof WORD | typeof NUM | typeof PUNCT;

export interface Tok {
  start: number;
  end: number;
  kind: TokKind;
  /** Word: folded lower-case ("nghi"); number: its digits; punct: the character ("-" for every dash). */
  key: string;
  /** First letter upper-case. */
  cap: boolean;
  /** Every letter upper-case ("UBND", "NGHỊ"; a one-letter word counts when upper-case). */
  upper: boolean;
  /** Line breaks between this token and the position reading started from. */
  newlines: number;
}

function punctKey(c: number): string {
  if (isDash(c)) return '-';
  if (isSlash(c)) return '/';
  return String.fromCharCode(c);
}

function makeWord(text: string, start: number, end: number, newlines: number): Tok {
  let upper = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isUpperLetter(c) && !(c >= 0x300 && c < 0x370)) {
      upper = false;
      break;
    }
  }
  return { start, end, kind: WORD, key: foldedKey(text, start, end), cap: isUpperLetter(text.charCodeAt(start)), upper, newlines };
}

/** The token that starts at or after `pos` (skipping spaces), or null at `limit`. */
export function tokenAfter(text: string, pos: number, limit = text.length): Tok | null {
  let i = pos;
  let newlines = 0;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) break;
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10) || (isLineBreak(c) && c !== 13)) newlines++;
    i++;
  }
  if (i >= limit) return null;
  const c = text.charCodeAt(i);
  if (isLetter(c)) {
    let j = i + 1;
    while (j < limit && isLetter(text.charCodeAt(j))) j++;
    return makeWord(text, i, j, newlines);
  }
  if (isDigit(c)) {
    let j = i + 1;
    while (j < limit && isDigit(text.charCodeAt(j))) j++;
    return { start: i, end: j, kind: NUM, key: text.slice(i, j), cap: false, upper: false, newlines };
  }
  const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < limit;
  return { start: i, end: i + (isPair ? 2 : 1), kind: PUNCT, key: punctKey(c), cap: false, upper: false, newlines };
}

/** The token that ends at or before `pos` (skipping spaces), or null at `limit`. */
export function tokenBefore(text: string, pos: number, limit = 0): Tok | null {
  let i = pos;
  let newlines = 0;
  while (i > limit) {
    const c = text.charCodeAt(i - 1);
    if (!isSpace(c)) break;
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10) || (isLineBreak(c) && c !== 13)) newlines++;
    i--;
  }
  if (i <= limit) return null;
  const c = text.charCodeAt(i - 1);
  if (isLetter(c)) {
    let j = i - 1;
    while (j > limit && isLetter(text.charCodeAt(j - 1))) j--;
    return makeWord(text, j, i, newlines);
  }
  if (isDigit(c)) {
    let j = i - 1;
    while (j > limit && isDigit(text.charCodeAt(j - 1))) j--;
    return { start: j, end: i, kind: NUM, key: text.slice(j, i), cap: false, upper: false, newlines };
  }
  const isPair = c >= 0xdc00 && c <= 0xdfff && i - 2 >= limit;
  return { start: i - (isPair ? 2 : 1), end: i, kind: PUNCT, key: punctKey(c), cap: false, upper: false, newlines };
}

/** Up to `max` tokens read backwards from `pos` (nearest first). */
export function tokensBefore(text: string, pos: number, max: number, limit = 0): Tok[] {
  const out: Tok[] = [];
  let p = pos;
  while (out.length < max) {
    const t = tokenBefore(text, p, limit);
    if (!t) break;
    out.push(t);
    p = t.start;
  }
  return out;
}

/** Up to `max` tokens read forwards from `pos`. */
export function tokensAfter(text: string, pos: number, max: number, limit = text.length): Tok[] {
  const out: Tok[] = [];
  let p = pos;
  while (out.length < max) {
    const t = tokenAfter(text, p, limit);
    if (!t) break;
    out.push(t);
    p = t.end;
  }
  return out;
}

/** Whether the words of `toks` (in text order) from index `at` spell `phrase` (folded syllables). */
export function matchPhraseForward(toks: readonly Tok[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > toks.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = toks[at + k];
    if (t.kind !== WORD || t.key !== phrase[k]) return false;
  }
  return true;
}
