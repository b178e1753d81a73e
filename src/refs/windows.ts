/**
 * Restoration windows: the stretches of a text that tone restoration and OCR
 * correction must cover for the finder to read every reference as it reads
 * it on the whole restored text. Restoration costs 0.3 to 1.5 MB/s of CPU;
 * the finder reads only the words around each symbol, so the pipeline
 * (pipeline.ts) restores these windows and leaves the rest as written.
 *
 * A window opens around each place where a symbol may start (the finder's
 * own anchor scan, `nextAnchor` in scan.ts: restoration changes letters, not
 * digits or separators, so the anchors of the restored text are found in the
 * text as written) and reaches
 *
 * - `before` it (1,000 code units): the type name and its title ("Luật Tần
 *   số vô tuyến điện số", 12 words), "số", the issuer of "Nghị định của
 *   Chính phủ số", the relation phrase (30 words back, 400 characters through
 *   a quotation), list markers, and the "X ban hành" that gives a list its
 *   issuer (up to 800 characters before the list's first item, then the
 *   name before it);
 * - `after` it (800): the rest of the symbol, its date, the issuer ("của Ban
 *   Chấp hành Trung ương Đảng khóa XIII", a joint document's bodies: 44
 *   tokens), the date after the issuer, and "do X ban hành" closing a title
 *   (120 tokens, then the name).
 *
 * Each window is cut at a line break when one is near its edge, else at a
 * word boundary (the restorer then sees whole lines or words), and windows
 * closer than `mergeGap` are merged.
 *
 * A list's head (the relation word opening a sentence of ";" items) can lie
 * further back; for stripped text the finder reads it by folded words, which
 * restoration does not change. Measured (`npm run eval -- windows`): the
 * same references as on the whole restored text on the seeds, OCR fixtures,
 * held-out gold paragraphs and held-out corpus documents, stripped and OCR'd;
 * differences start only below about 100 before and 150 after.
 */
import { isLineBreak, isSpace } from './chars.js';
import { nextAnchor } from './scan.js';

/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Window {
  start: number;
  end: number;
}

export interface WindowReach {
  /** Code units before an anchor. */
  before: number;
  /** Code units after an anchor. */
  after: number;
  /** Windows closer than this are merged. */
  mergeGap: number;
}

export const WINDOW_REACH: Readonly<WindowReach> = { before: 1000, after: 800, mergeGap: 200 };

/** How far from a window's edge a line break is looked for to cut at. */
const SNAP = 120;

/** The windows of `text` that restoration must cover for extraction (see the module comment), in order, disjoint. */
export function anchorWindows(text: string, reach: Readonly<WindowReach> = WINDOW_REACH): Window[] {
  const n = text.length;
  const raw: Window[] = [];
  for (let a = nextAnchor(text, 0); a >= 0; a = nextAnchor(text, a + 1)) {
    const start = Math.max(0, a - reach.before);
    const end = Math.min(n, a + 1 + reach.after);
    const last = raw.length > 0 ? raw[raw.length - 1] : null;
    if (last && start <= last.end + reach.mergeGap) last.end = Math.max(last.end, end);
    else raw.push({ start, end });
  }
  const out: Window[] = [];
  for (const w of raw) {
    const start = cutBefore(text, w.start);
    const end = cutAfter(text, w.end);
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && start <= last.end + reach.mergeGap) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** A cut at or before `pos`: just after a line break within SNAP, else at the start of the word holding `pos`. */
function cutBefore(text: string, pos: number): number {
  if (pos <= 0) return 0;
  for (let i = pos, stop = Math.max(0, pos - SNAP); i > stop; i--) if (isLineBreak(text.charCodeAt(i - 1))) return i;
  let i = pos;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** A cut at or after `pos`: at a line break within SNAP, else at the end of the word holding `pos`. */
function cutAfter(text: string, pos: number): number {
  const n = text.length;
  if (pos >= n) return n;
  for (let i = pos, stop = Math.min(n, pos + SNAP); i < stop; i++) if (isLineBreak(text.charCodeAt(i))) return i;
  let i = pos;
  while (i < n && !isSpace(text.charCodeAt(i))) i++;
  return i;
}
