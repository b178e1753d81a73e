/** Which learned channel a text came through. */
import type { ChannelKind } from './channel.js';
import { stripToneCode } from './tones.js';
import { CORE_WORD, ocrWords, type OcrWord } from './words.js';

/**
 * Which channel the text came through: the Vietnamese OCR model keeps marks
 * on most words, the English one on few.
 */
export function pickChannel(text: string, words: OcrWord[] = ocrWords(text)): ChannelKind {
  let letterWords = 0;
  let marked = 0;
  for (const w of words) {
    if (w.kind !== CORE_WORD) continue;
    letterWords++;
    for (let k = w.coreStart; k < w.coreEnd; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0xc0 && stripToneCode(c) !== c) {
        marked++;
        break;
      }
      if (c === 0x111 || c === 0x110 || c === 0x1b0 || c === 0x1a1 || c === 0x103 || c === 0xe2 || c === 0xea || c === 0xf4) {
        marked++;
        break;
      }
    }
  }
  return letterWords > 0 && marked / letterWords >= VIE_SHARE ? 'vie' : 'eng';
}

/** Share of words with Vietnamese marks from which the text counts as read by a Vietnamese model. */
const VIE_SHARE = 0.45;
