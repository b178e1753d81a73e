/**
 * Start and end of the line holding a position, for readers that must not
 * cross a paragraph break. Positions are asked in non-decreasing order (the
 * finder's), so each line is scanned once.
 */
import { isLineBreak } from './chars.js';

export class LineBounds {
  private start = 0;
  private end = -1;

  constructor(private readonly text: string) {}

  private locate(pos: number): void {
    if (pos >= this.start && pos <= this.end) return;
    const text = this.text;
    let s = pos > this.end && this.end >= 0 ? this.end : pos;
    // Back to the line start (from the last known line end when moving forward).
    if (s === pos) {
      while (s > 0 && !isLineBreak(text.charCodeAt(s - 1))) s--;
    } else {
      // s is the previous line's end (a line break or the text's end): skip forward to pos's line.
      for (let i = s; i < pos; i++) if (isLineBreak(text.charCodeAt(i))) s = i + 1;
    }
    let e = Math.max(pos, s);
    while (e < text.length && !isLineBreak(text.charCodeAt(e))) e++;
    this.start = s;
    this.end = e;
  }

  /** First position of the line holding `pos`. */
  startOf(pos: number): number {
    this.locate(pos);
    return this.start;
  }

  /** Position of the line break ending the line holding `pos` (or the text's length). */
  endOf(pos: number): number {
    this.locate(pos);
    return this.end;
  }
}
