/**
 * Words left as read because they sit among lost causes: words unknown to
 * the model that no channel edit turns into Vietnamese (English, another
 * language's OCR).
 */
import type { WordEntry } from './lattice.js';
import type { OcrWord } from './words.js';

/** Words on each side that decide whether a word sits among non-Vietnamese words. */
const FOREIGN_WINDOW = 3;

/**
 * Words to leave as read because most words around them are lost causes:
 * unknown to the model with no candidate (English, another language's OCR).
 */
export function foreignWords(words: OcrWord[], entries: (WordEntry | null)[], lost: Uint8Array): Uint8Array {
  const idx: number[] = [];
  for (let i = 0; i < words.length; i++) if (entries[i] !== null) idx.push(i);
  const out = new Uint8Array(words.length);
  const pre = new Int32Array(idx.length + 1);
  for (let k = 0; k < idx.length; k++) pre[k + 1] = pre[k] + lost[idx[k]];
  for (let k = 0; k < idx.length; k++) {
    const lo = Math.max(0, k - FOREIGN_WINDOW);
    const hi = Math.min(idx.length, k + FOREIGN_WINDOW + 1);
    const n = pre[hi] - pre[lo] - lost[idx[k]];
    const others = hi - lo - 1;
    if (n >= 2 && 2 * n >= others) out[idx[k]] = 1;
  }
  return out;
}
