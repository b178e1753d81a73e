/**
 * Character classes the finder works with, on UTF-16 code units. Every
 * predicate takes a code (from `charCodeAt`) so the scanning loops allocate
 * nothing. They accept what normalization would otherwise fix: dash variants,
 * NBSP and the other Unicode spaces, Ð/ð look-alikes of Đ/đ.
 */
import { foldCharCode } from '../text/fold.js';

/** 0-9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Spaces within a line: space, tab, NBSP, the U+2000 block, narrow NBSP, ideographic space, BOM/ZWSP. */
export function isHSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Line and page breaks: \n \r VT FF NEL LS PS. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 11 || c === 12 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

export function isSpace(c: number): boolean {
  return isHSpace(c) || isLineBreak(c);
}

/** Hyphen-minus and its look-alikes: ‐ ‑ ‒ – — ― − ﹣ －. */
export function isDash(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

/** Slash and its look-alikes: ⁄ ∕ ／. */
export function isSlash(c: number): boolean {
  return c === 47 || c === 0x2044 || c === 0x2215 || c === 0xff0f;
}

const LETTER_RE = /\p{L}|\p{M}/u;

/**
 * A letter of a word: ASCII, Latin-1 and Latin Extended letters, Vietnamese
 * (Latin Extended Additional), combining marks (NFD text), Greek and Cyrillic;
 * anything else through `\p{L}`.
 */
export function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c < 0x370) return true;
  if (c >= 0x1e00 && c < 0x1f00) return true;
  if (c >= 0x370 && c < 0x530) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER_RE.test(String.fromCharCode(c));
}

export function isLetterOrDigit(c: number): boolean {
  return isDigit(c) || isLetter(c);
}

/** ASCII letter or Đ/đ (and Ð/ð): the letters a document symbol is written with. */
export function isCodeLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x110 || c === 0x111 || c === 0xd0 || c === 0xf0;
}

/** Capital letters of a code: A-Z, Đ (and Ð), Ư ("TƯ", the older spelling of TW). */
export function isUpperCodeLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 0x110 || c === 0xd0 || c === 0x1af;
}

/** Folded (no diacritics) and lower-cased code unit: "Ị" → "i", "Đ" → "d". */
export function foldLower(c: number): number {
  const f = foldCharCode(c);
  return f >= 65 && f <= 90 ? f + 32 : f;
}

/**
 * `text[start, end)` folded and lower-cased ("Nghị Quyết" → "nghi quyet").
 * Combining marks are dropped, so NFD text folds like NFC.
 */
export function foldLowerSlice(text: string, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n > 64) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x300 || c > 0x36f) s += String.fromCharCode(foldLower(c));
    }
    return s;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(start + i);
    if (c < 0x300 || c > 0x36f) SLICE_BUF[m++] = foldLower(c);
  }
  return String.fromCharCode.apply(null, SLICE_BUF.subarray(0, m) as unknown as number[]);
}

const SLICE_BUF = new Uint16Array(64);

/** 1 where the code unit (below U+1F00) is an upper-case letter. */
const UPPER = (() => {
  const t = new Uint8Array(0x1f00);
  for (let c = 65; c < 0x1f00; c++) {
    const ch = String.fromCharCode(c);
    if (ch !== ch.toLowerCase()) t[c] = 1;
  }
  return t;
})();

/** True when the letter at code `c` is upper-case (Vietnamese letters included). */
export function isUpperLetter(c: number): boolean {
  if (c < 0x1f00) return UPPER[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** Folded keys already made, by hash: words repeat, so reading them allocates little. */
const INTERN = new Map<number, string | string[]>();
const INTERN_LIMIT = 65536;

function sameFolded(key: string, text: string, start: number, end: number): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue;
    if (k >= key.length || key.charCodeAt(k++) !== foldLower(c)) return false;
  }
  return k === key.length;
}

/**
 * `foldLowerSlice(text, start, end)`, interned: the same folded word comes
 * back as the same string, made once.
 */
export function foldedKey(text: string, start: number, end: number): string {
  let h = 7;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300 || c > 0x36f) h = (Math.imul(h, 31) + foldLower(c)) | 0;
  }
  const e = INTERN.get(h);
  if (e !== undefined) {
    if (typeof e === 'string') {
      if (sameFolded(e, text, start, end)) return e;
    } else {
      for (const k of e) if (sameFolded(k, text, start, end)) return k;
    }
  }
  const key = foldLowerSlice(text, start, end);
  if (INTERN.size >= INTERN_LIMIT) INTERN.clear();
  if (e === undefined || INTERN.size === 0) INTERN.set(h, key);
  else if (typeof e === 'string') INTERN.set(h, [e, key]);
  else e.push(key);
  return key;
}
