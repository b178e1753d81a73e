import type { OffsetMap } from '../offsets.js';

/** What a repair stage made of its input. */
export interface RepairResult {
  text: string;
  /** Input → output positions. */
  map: OffsetMap;
  /** Output characters the repair produced that differ from the input. */
  changed: number;
  /** Letters whose case was decided from the words around them (TCVN3). */
  caseGuessed: number;
  /**
   * Whether the input held characters NFC may change (combining marks and
   * the like); undefined when the repair did not look.
   */
  nfcSeen?: boolean;
}

export interface RepairOptions {
  /**
   * Repair only the lines that could be legacy text as a whole: every
   * letter has a byte in the Windows-1252 view (for VIQR: is ASCII). Lines
   * end at \n, \r, U+2028 and U+2029. Auto-detection sets it, so Unicode
   * lines of a mixed file stay as they are.
   */
  wholeLinesOnly: boolean;
}

/** Where the line holding position `i` ends (\n, \r, U+2028, U+2029, or the end). */
export function lineEndFrom(text: string, i: number): number {
  const n = text.length;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return k;
  }
  return n;
}
