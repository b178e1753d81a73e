/**
 * How OCR text is cut into words for correction. OCR breaks the tokenizer's
 * assumptions ("s6", "ti&p", "B9", "ciia" are words here, "&" and "6" are
 * letters the scan misread), so the unit is a run of non-space characters,
 * with opening punctuation peeled off the front and closing punctuation off
 * the back. What is left, the core, is one of:
 * - `protected`: a document number, a date, a symbol or a number with a
 *   separator ("52-NQ/TW", "27/9/2019", "NQ/TW", "2021-2025"): never changed;
 * - `number`: digits only ("2019", "1"): never changed;
 * - `word`: anything else (letters, and the digits and signs OCR puts for
 *   letters): a candidate for correction.
 */

export const CORE_WORD = 0;
export const CORE_NUMBER = 1;
export const CORE_PROTECTED = 2;
export const CORE_NONE = 3; // punctuation only

export interface OcrWord {
  /** Start and end of the whole run in the text. */
  start: number;
  end: number;
  /** The core inside it (coreStart === coreEnd for punctuation only). */
  coreStart: number;
  coreEnd: number;
  kind: number;
  /** True when a line break (or the start of the text) comes before this run. */
  lineStart: boolean;
  /** The core's text when it is not the text of its span (two parts of a split syllable, joined: see regroup.ts). */
  core?: string;
  /** Written before the corrected core (" ": the second of two syllables the OCR glued). */
  prefix?: string;
}

/** The text of a word's core. */
export function coreText(text: string, w: OcrWord): string {
  return w.core ?? text.slice(w.coreStart, w.coreEnd);
}

const LEADING = new Set([...'"\'“‘«([{<*•·„‚']);
const TRAILING = new Set([...'.,;:!?)]}>"\'”’»…']);
const SEPARATORS = /[/\-‐‑–—.:]/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Cuts `text` into OCR words, left to right. */
export function ocrWords(text: string): OcrWord[] {
  const out: OcrWord[] = [];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) lineStart = true;
      i++;
      continue;
    }
    const s = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    let cs = s;
    let ce = i;
    while (cs < ce && LEADING.has(text.charAt(cs))) cs++;
    while (ce > cs && TRAILING.has(text.charAt(ce - 1))) ce--;
    out.push({ start: s, end: i, coreStart: cs, coreEnd: ce, kind: classify(text, cs, ce), lineStart });
    lineStart = false;
  }
  return out;
}

function classify(text: string, s: number, e: number): number {
  if (s === e) return CORE_NONE;
  let digits = 0;
  let sep = false;
  let other = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (k > s && k < e - 1 && SEPARATORS.test(text.charAt(k))) sep = true;
    else other++;
  }
  if (digits === e - s) return CORE_NUMBER;
  if (sep) return CORE_PROTECTED;
  return CORE_WORD;
}
