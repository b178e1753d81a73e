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
}

export interface RepairOptions {
  /**
   * Repair only the lines that could be legacy text as a whole: every
   * character has a byte in the Windows-1252 view (for VIQR: is ASCII).
   * Auto-detection sets it, so Unicode lines of a mixed file stay as they are.
   */
  wholeLinesOnly: boolean;
}
