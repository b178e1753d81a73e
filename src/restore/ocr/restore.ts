/** The OCR path of `restoreTones(text, { input: 'ocr' })`: the corrector's result in the tone restorer's shape. */
import type { ToneStyle } from '../../text/vietnamese.js';
import type { LanguageModel } from '../model.js';
import type { RestoreTonesResult, RestoredSyllable } from '../tones.js';
import { correctOcr } from './index.js';

import { detectInputKind } from '../detect.js';

/**
 * What `restoreTones(text, { input: 'auto' })` asks: is this OCR output? The
 * same verdict as `detectInputKind` (spelling evidence, and the registered
 * language model for text read by a Vietnamese OCR model).
 */
export function looksLikeOcr(text: string): boolean {
  return detectInputKind(text) === 'ocr';
}

export function restoreOcrText(text: string, model: LanguageModel, toneStyle: ToneStyle, details: boolean): RestoreTonesResult {
  const r = correctOcr(text, { model, toneStyle });
  const out: RestoreTonesResult = { text: r.text, map: r.map, confidence: r.confidence, decided: r.decided, changed: r.corrections.length };
  if (details) {
    out.details = r.corrections.map(
      (c): RestoredSyllable => ({ start: c.start, end: c.end, original: c.from, restored: c.to, confidence: c.confidence }),
    );
  }
  return out;
}
