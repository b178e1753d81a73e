/**
 * Does this text look like OCR output? Clean and diacritic-stripped
 * Vietnamese are made of syllables; OCR output is sprinkled with words that
 * no careful writer produces: digits or signs inside letters ("s6", "B9",
 * "ti&p", "1a"), letters of other alphabets ("ö", "ø", "ç"), and lower-case
 * words that spell no syllable ("ciia", "tmg", "cdc"), and, from a Vietnamese
 * OCR model, marks no syllable can carry ("quyêt", "đăt": a stop final without
 * sắc or nặng). Codes and acronyms
 * (upper-case) and numbers do not count either way.
 */
import { foldCharCode } from '../../text/fold.js';
import { foldedSyllables } from '../syllables.js';
import { stripTones, toneOfWord } from './tones.js';
import { CORE_WORD, ocrWords } from './words.js';

export interface OcrEvidence {
  /** Word cores with a letter. */
  words: number;
  /** Of those, how many look like OCR damage. */
  damaged: number;
  /** Of those, how many spell a Vietnamese syllable once folded (OCR damage sits among them; English does not). */
  syllables: number;
  /** damaged / words (0 when there are no words). */
  share: number;
  /** The verdict: damaged words make at least OCR_SHARE of the words (and there are at least 3), among mostly Vietnamese syllables. */
  ocr: boolean;
}

/** Share of damaged words from which a text counts as OCR output (clean report text has well under 0.02). */
export const OCR_SHARE = 0.06;

/** Share of words that must spell Vietnamese syllables: OCR damage sits among Vietnamese words, English is mostly not. */
export const VIETNAMESE_SHARE = 0.6;

const STOP_FINAL = /(c|ch|p|t)$/;

const FOREIGN_LETTER = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]/u;

/** Counts the OCR-damaged words of `text`. */
export function inspectOcr(text: string): OcrEvidence {
  const syl = foldedSyllables();
  let words = 0;
  let damaged = 0;
  let syllables = 0;
  for (const w of ocrWords(text)) {
    if (w.kind !== CORE_WORD) continue;
    const core = text.slice(w.coreStart, w.coreEnd);
    if (!/\p{L}/u.test(core)) continue;
    words++;
    if (isDamaged(core, syl)) damaged++;
    else if (syl.has(foldDiacriticsLower(core))) syllables++;
  }
  const share = words > 0 ? damaged / words : 0;
  return { words, damaged, syllables, share, ocr: damaged >= 3 && share >= OCR_SHARE && syllables >= VIETNAMESE_SHARE * words };
}

/** True when `text` looks like OCR output. */
export function looksLikeOcr(text: string): boolean {
  return inspectOcr(text).ocr;
}

function isDamaged(core: string, syl: ReadonlySet<string>): boolean {
  let letters = 0;
  let upper = 0;
  let other = false;
  for (let k = 0; k < core.length; k++) {
    const ch = core.charAt(k);
    const code = core.charCodeAt(k);
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (ch !== ch.toLowerCase()) upper++;
      // a letter with a mark Vietnamese does not use (ö, ø, ç, ñ)
      if (code >= 0xc0 && foldCharCode(code) !== code && !FOREIGN_LETTER.test(ch.toLowerCase())) return true;
      if (code >= 0xc0 && foldCharCode(code) === code && code !== 0x111 && code !== 0x110 && !/[\u0300-\u036f]/.test(ch)) return true;
    } else if (!/\p{M}/u.test(ch)) other = true;
  }
  if (other) {
    // digits or signs among letters: "s6", "B9", "ti&p"; not codes such as "QH15", "KH&CN"
    return !(upper >= 2 && upper === letters);
  }
  const folded = foldDiacriticsLower(core);
  const lower = core.toLowerCase();
  const toneless = stripTones(lower);
  const tone = toneOfWord(lower);
  // Written with Vietnamese marks, a syllable that ends in a stop (c, ch, p, t) takes only
  // sắc or nặng: "quyêt", "đăt", "tàc" are what a Vietnamese OCR model makes of a poor scan.
  if ((toneless !== folded || tone !== 0) && syl.has(folded) && STOP_FINAL.test(toneless) && tone !== 1 && tone !== 5) return true;
  if (upper === letters && letters >= 2) return false; // UBND, HĐND
  return !syl.has(folded);
}

function foldDiacriticsLower(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) out += String.fromCharCode(foldCharCode(s.charCodeAt(k)));
  return out.toLowerCase();
}
