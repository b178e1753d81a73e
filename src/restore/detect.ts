/**
 * Which kind of text is this: clean Vietnamese (or no Vietnamese at all:
 * nothing to restore), or Vietnamese with its diacritics stripped?
 *
 * Evidence, per word: a word with Vietnamese diacritics is clean; a word
 * without any that spells a Vietnamese syllable is what stripped text is
 * made of, but clean text has some too ("cho", "tham gia": about a fifth of
 * its syllables); a folded syllable that clean text can never write bare
 * ("quyet", "viet", "cac": stop finals always carry a tone) is proof of
 * stripping. Words that are not Vietnamese syllables (English, codes) make
 * the text count as not Vietnamese when they are the majority.
 */
import { assertString } from '../errors.js';
import { KIND_WORD, FLAG_DIACRITIC, tokenizeStream } from '../text/tokenize.js';
import { foldedSyllables, plainSyllables } from './syllables.js';
import { OCR_SHARE, inspectOcr } from './ocr/detect.js';
import { confirmVieOcr, suspectVieOcr } from './ocr/detect-vie.js';
import type { LanguageModel } from './model.js';
import { getDefaultModel, hasDefaultModel } from './provider.js';

export type DetectedInputKind = 'clean' | 'stripped' | 'ocr';

export interface InputKindEvidence {
  kind: DetectedInputKind;
  /** Word tokens. */
  words: number;
  /** Words that are Vietnamese syllables (with diacritics, or spelling one without). */
  vietnamese: number;
  /** Vietnamese words written without any diacritic. */
  bare: number;
  /** Bare words clean text cannot contain ("quyet", "cac"). */
  mustBeStripped: number;
  /** Words that look like OCR damage ("s6", "ciia", "quyêt"; see restore/ocr/detect.ts). */
  ocrDamaged: number;
  /** When the language model was asked (text with marks that might be Vietnamese-model OCR): words of the excerpt it corrected, and how many it changed. */
  vieOcr?: { words: number; changed: number };
}

export interface DetectOptions {
  /**
   * The language model that confirms OCR read by a Vietnamese model (marks
   * present but wrong: "Cản cứ", "Chỉnh phụ"), which spelling alone seldom
   * shows. Default: the registered one (`vn-legal-refs/node` registers the
   * shipped model); null, or none registered: spelling evidence only.
   */
  model?: LanguageModel | null;
}

/** Share of bare Vietnamese words from which a text counts as stripped (clean report text has about 0.2). */
const STRIPPED_SHARE = 0.6;

/** Detects whether `text` is clean, diacritic-stripped or OCR output, with the counts behind the answer. */
export function inspectInputKind(text: string, options: DetectOptions = {}): InputKindEvidence {
  assertString(text, 'detectInputKind', 'text');
  const st = tokenizeStream(text);
  const all = foldedSyllables();
  const plain = plainSyllables();
  let words = 0;
  let vietnamese = 0;
  let bare = 0;
  let must = 0;
  for (let k = 0; k < st.length; k++) {
    if (st.kinds[k] !== KIND_WORD) continue;
    words++;
    if (st.flags[k] & FLAG_DIACRITIC) {
      vietnamese++;
      continue;
    }
    const w = st.folded.slice(st.starts[k], st.ends[k]).toLowerCase();
    if (!all.has(w)) continue;
    vietnamese++;
    bare++;
    if (!plain.has(w)) must++;
  }
  let kind: DetectedInputKind = 'clean';
  if (vietnamese > 0 && vietnamese * 2 >= words && bare >= STRIPPED_SHARE * vietnamese && (bare >= 2 || must >= 1)) kind = 'stripped';
  // scan damage ("s6", "ciia", "B9"): see restore/ocr/detect.ts
  const ocr = inspectOcr(text);
  const out: InputKindEvidence = { kind, words, vietnamese, bare, mustBeStripped: must, ocrDamaged: ocr.damaged };
  // Scan damage in text without marks: an English-model OCR of a short passage ("Nghi dinh s6 65/2023/ND-CP
  // ... ciia Chinh phu") shows too few damaged words for the share above, yet nobody types "s6" or "B9".
  if (ocr.ocr || (kind === 'stripped' && ocr.strong >= 1 && ocr.share >= OCR_SHARE)) {
    out.kind = 'ocr';
    return out;
  }
  // Text with marks, mostly Vietnamese: maybe read by a Vietnamese OCR model. The model decides.
  if (kind === 'clean' && vietnamese * 2 >= words && bare < STRIPPED_SHARE * vietnamese) {
    const model = !suspectVieOcr(text, ocr) ? null : options.model === undefined ? (hasDefaultModel() ? getDefaultModel('detectInputKind') : null) : options.model;
    if (model) {
      const v = confirmVieOcr(text, model);
      out.vieOcr = { words: v.words, changed: v.changed };
      if (v.ocr) out.kind = 'ocr';
    }
  }
  return out;
}

/** 'ocr' for scan output (see restore/ocr/detect.ts), 'stripped' for Vietnamese written without diacritics, else 'clean' (also for text with no Vietnamese). */
export function detectInputKind(text: string, options: DetectOptions = {}): DetectedInputKind {
  return inspectInputKind(text, options).kind;
}
