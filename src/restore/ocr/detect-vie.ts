/**
 * Text read by a Vietnamese OCR model on a poor scan: the marks are there,
 * but often wrong ("Cản cứ", "Chỉnh phụ", "niễn", "vớt"), and most wrong
 * readings still spell syllables, so the spelling alone seldom gives it away
 * (see ./detect.ts). The language model does: such text is full of words the
 * model finds far less likely than a close neighbour through the learned
 * Vietnamese-model channel, i.e. words the corrector would change.
 *
 * Two steps, so clean text costs almost nothing:
 * 1. a screen from what the words show (no model, no decoding): some strong
 *    damage ("quyêt", "thợc", "Ø1"), or a full stop inside a sentence;
 * 2. only then, the Vietnamese-channel corrector on an excerpt; the text is
 *    OCR when it changes a clear share of the words. Clean report text gets
 *    under 1% of its words changed (the corrector is built to leave it
 *    alone); Vietnamese-model OCR of a poor scan 5-15%.
 */
import type { LanguageModel } from '../model.js';
import { correctOcr } from './index.js';
import type { OcrEvidence } from './detect.js';
import { foldedSyllables } from '../syllables.js';
import { foldDiacritics } from '../../text/fold.js';
import { CORE_WORD, ocrWords } from './words.js';

/** Characters of text the confirming step corrects (its cost is bounded by this, whatever the text's length). */
export const VIE_CONFIRM_CHARS = 2400;
/** Share of the excerpt's words the corrector must change for the text to count as OCR. */
export const VIE_CHANGED_SHARE = 0.04;
/** ... and at least this many words. */
export const VIE_MIN_CHANGED = 3;
/**
 * Step 1, from spelling alone (no model is asked for clean text): is the
 * text worth decoding? Some strong damage ("quyêt", "thợc", "Ø1"), or a
 * full stop inside a sentence (a syllable, ".", then a lower-case word: the
 * Vietnamese model reads a poor comma or a speck as "."). `evidence` is
 * inspectOcr's for the same text.
 */
export function suspectVieOcr(text: string, evidence: OcrEvidence): boolean {
  if (evidence.words < MIN_WORDS) return false;
  if (evidence.strong >= 1) return true;
  return hasStrayStop(text, 0, text.length);
}

/**
 * Whether `text[from, to)` has a full stop inside a sentence: a lower-case
 * syllable, ". ", a lower-case syllable (both Vietnamese syllables once
 * folded: an abbreviation such as "Grushv. var." in a Latin name is not one).
 */
export function hasStrayStop(text: string, from: number, to: number): boolean {
  const syl = foldedSyllables();
  for (let k = text.indexOf('. ', from); k >= 0 && k + 2 < to; k = text.indexOf('. ', k + 2)) {
    let a = k;
    while (a > from && isLower(text, a - 1)) a--;
    if (k - a < 2 || (a > from && /\p{L}/u.test(text.charAt(a - 1)))) continue;
    let b = k + 2;
    while (b < to && isLower(text, b)) b++;
    if (b - (k + 2) < 2 || (b < to && /\p{L}/u.test(text.charAt(b)))) continue;
    if (syl.has(foldLower(text.slice(a, k))) && syl.has(foldLower(text.slice(k + 2, b)))) return true;
  }
  return false;
}

function isLower(text: string, k: number): boolean {
  const ch = text.charAt(k);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function foldLower(s: string): string {
  return foldDiacritics(s).toLowerCase();
}

/** Words a text needs before the model is asked. */
const MIN_WORDS = 8;

export interface VieOcrCheck {
  /** Words of the excerpt. */
  words: number;
  /** Of those, how many the Vietnamese-channel corrector changed. */
  changed: number;
  ocr: boolean;
}

/** Step 2: corrects an excerpt through the Vietnamese-model channel and counts what changed. */
export function confirmVieOcr(text: string, model: LanguageModel): VieOcrCheck {
  let excerpt = text;
  if (text.length > VIE_CONFIRM_CHARS) {
    // from the middle (a header block is no prose), cut at spaces
    const from = text.indexOf(' ', Math.floor((text.length - VIE_CONFIRM_CHARS) / 2)) + 1;
    const to = text.lastIndexOf(' ', from + VIE_CONFIRM_CHARS);
    excerpt = text.slice(from, to > from ? to : from + VIE_CONFIRM_CHARS);
  }
  let words = 0;
  for (const w of ocrWords(excerpt)) if (w.kind === CORE_WORD) words++;
  const changed = correctOcr(excerpt, { model, channel: 'vie' }).corrections.length;
  return { words, changed, ocr: changed >= VIE_MIN_CHANGED && changed >= VIE_CHANGED_SHARE * words };
}
