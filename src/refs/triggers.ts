/**
 * The prefilter: one cheap pass that finds the places where a reference or the
 * document's own header can start, so that text without any of them skips the
 * costly stages (tone restoration, OCR correction, extraction, date parsing).
 *
 * The bulk path (node/document.ts) skips a document without any trigger.
 * Windowed restoration uses the extractor's own anchors instead
 * (`anchorWindows`, windows.ts); `triggerWindows` gives plain windows around
 * these triggers for a caller's own costly stages.
 *
 * A trigger is one of
 * - a code: a digit or capital, a `-`, `/` or dash, then (after spaces or one
 *   line break) a capital: "52-NQ/TW", "336-\nKH/TU", "1562/QĐ", "NQ/TW";
 *   generous on purpose (OCR drops hyphens and turns digits into letters),
 *   a false trigger only costs time;
 * - the word "số" (also "Số", "SỐ", decomposed, or stripped as "so"/"So"/"SO");
 * - the word "ngày" (also decomposed, or stripped as "ngay").
 *
 * and, so that the skip can never drop what the extractor would find, the
 * extractor's own anchor scan (`nextAnchor`, refs/scan.ts), run only when
 * none of the above matched.
 *
 * A text with none of them cannot hold a number-and-symbol reference nor a
 * header number, so the extractor would return nothing for it.
 */
import { nextAnchor } from './scan.js';
import type { Window } from './windows.js';

export type { Window };

// Capital letters that can open a symbol: ASCII and Đ (U+0110); Ð (U+00D0) is its look-alike.
const CODE = String.raw`[0-9A-Z\u0110\u00D0][ \t]?[-/\u2010-\u2015][ \t]*(?:\r?\n[ \t]*)?[A-Z\u0110\u00D0]`;
// "số": s + o with circumflex and acute, precomposed (ố/Ố), decomposed (o + U+0302 + U+0301) or stripped.
const SO = String.raw`(?<![\p{L}\p{M}])[sS](?:[oO](?:\u0302\u0301)?|[ốỐ])(?![\p{L}\p{M}])`;
// "ngày": a with grave, precomposed, decomposed, or stripped.
const NGAY = String.raw`(?<![\p{L}\p{M}])[nN][gG](?:[aA]\u0300?|[àÀ])[yY](?![\p{L}\p{M}])`;

const TRIGGER = new RegExp(`${CODE}|${SO}|${NGAY}`, 'u');
const TRIGGER_ALL = new RegExp(`${CODE}|${SO}|${NGAY}`, 'gu');

/** True when `text` holds at least one trigger (see the module comment). */
export function hasTrigger(text: string): boolean {
  return TRIGGER.test(text) || nextAnchor(text, 0) !== -1;
}

/** Start offsets (UTF-16) of every trigger of the pattern above in `text`, in order. */
export function findTriggers(text: string): number[] {
  const out: number[] = [];
  TRIGGER_ALL.lastIndex = 0;
  for (let m = TRIGGER_ALL.exec(text); m !== null; m = TRIGGER_ALL.exec(text)) {
    out.push(m.index);
  }
  return out;
}

/**
 * The windows around every trigger: `before` code units before it and `after`
 * after it, clipped to the text and merged where they touch or overlap. The
 * costly stages can run on these instead of the whole text.
 */
export function triggerWindows(text: string, before = 120, after = 240): Window[] {
  if (!(before >= 0) || !(after >= 0)) throw new RangeError('triggerWindows: "before" and "after" must be >= 0');
  const windows: Window[] = [];
  for (const at of findTriggers(text)) {
    const start = Math.max(0, at - before);
    const end = Math.min(text.length, at + after);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}
