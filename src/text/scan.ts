/**
 * The one-pass scan that lets clean text through untouched: one table lookup
 * per UTF-16 unit tells whether the text needs any work at all (a legacy
 * signature, a character to unify, something NFC would change, a syllable
 * whose tone sits where the other placement style puts it). Plain letters,
 * digits and punctuation cost one lookup; toned vowels a second one for the
 * character before them.
 */
import {
  CASE_NONE,
  SPECIAL_KIND,
  SPECIAL_KINDS,
  FLAGS,
  F_NFC,
  F_SIGNATURE,
  F_SPECIAL,
  F_SURROGATE,
  F_TONED,
  F_VIQR,
  PB_HORN_U,
  PB_O,
  PB_AEY,
  PB_QUALITY,
  PB_TONED,
  PB_U,
  PREV_BITS,
  TB_A_E,
  TB_CP1258,
  TB_HORN_O,
  TB_O,
  TB_U,
  TB_Y,
  TONED_BITS,
  VIET_LETTER,
  VNI_PAIR,
  letterCase,
  vniVowelBit,
} from './chars.js';

/** By index into SPECIAL_KINDS: 1 for the kinds a reader cannot read through (invisible, look-alike, line separator). */
const DISRUPTIVE_KIND = Uint8Array.from(SPECIAL_KINDS, (k) => (k === 'invisible' || k === 'lookalike' || k === 'newline' ? 1 : 0));

export type ToneTarget = 'new' | 'old' | 'keep';

export interface ScanProfile {
  /** Characters the unification rules change. */
  special: number;
  /** Of those, the ones a reader cannot just read through: invisible characters, Đ look-alikes, Unicode line separators. */
  disruptive: number;
  /** Characters NFC may change (combining marks and the like). */
  nfc: number;
  /** Surrogate code units. */
  surrogates: number;
  /**
   * Legacy signatures: Latin-1/Windows-1252 symbols, C1 controls, a toned
   * vowel after a toned or quality vowel, a vowel + ì/ò (Windows-1258), a VNI
   * vowel + mark pair.
   */
  signature: number;
  /** VIQR marks after a vowel (^ ( + ` ~). */
  viqr: number;
  /** Toned vowels that may be placed in the other style ("hoà" when 'new' is wanted). */
  toneOther: number;
  /** False when the scan stopped early at `signatureLimit` (the counts are then partial). */
  complete: boolean;
}

/**
 * Scans `text`; stops early, with `complete: false`, once `signatureLimit`
 * legacy signatures are seen (legacy text: detection comes first, and the
 * repaired text is scanned again).
 */
export function scanText(text: string, target: ToneTarget, signatureLimit = Infinity): ScanProfile {
  let special = 0, disruptive = 0, nfc = 0, surrogates = 0, signature = 0, viqr = 0, toneOther = 0;
  const n = text.length;
  const wantNew = target === 'new';
  const wantOld = target === 'old';
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = FLAGS[c];
    if (f === 0) continue;
    if (f === F_TONED) {
      // the common case in Vietnamese text: a toned vowel and nothing else
      const pb = i > 0 ? PREV_BITS[text.charCodeAt(i - 1)] : 0;
      const tb = TONED_BITS[c];
      if (pb !== 0) {
        // two toned vowels in a row, or a toned vowel after â ă ê ô ơ, or
        // after ư (but ư + ơ: "người"): never in Vietnamese spelling, all the
        // time in Windows-1258 text seen through Windows-1252 ("quyêìt")
        // a vowel + ì/ò: Windows-1258's tone mark bytes ("Phaòm" for Phạm);
        // clean text has ò after a vowel only in gi + ò ("giò")
        if (pb & (PB_TONED | PB_QUALITY) || (pb & PB_HORN_U && !(tb & TB_HORN_O)) || (tb & TB_CP1258 && pb & (PB_AEY | PB_O | PB_U))) signature++;
        // a VNI base + mark ("eá" for ế, "aø" for à), but not clean "hoà", "hoá"
        else if (pb & (PB_AEY | PB_O | PB_U) && c < 0x100 && (VNI_PAIR[c] & vniVowelBit(text.charCodeAt(i - 1))) !== 0) signature++;
        // old-style placement when new is wanted: "hoà", "khoẻ", "thuỷ" (not
        // "quý", and not closed syllables: "hoàn", "ngoài")
        else if (
          wantNew &&
          ((pb & PB_O && tb & TB_A_E) || (pb & PB_U && tb & TB_Y && (i < 2 || (text.charCodeAt(i - 2) | 0x20) !== 0x71))) &&
          (i + 1 >= n || letterCase(text.charCodeAt(i + 1)) === CASE_NONE)
        )
          toneOther++;
      }
      // new-style placement when old is wanted: "hòa", "khỏe", "thủy"
      if (wantOld && tb & (TB_O | TB_U) && i + 1 < n) {
        const nx = text.charCodeAt(i + 1) | 0x20;
        if ((tb & TB_O ? nx === 0x61 || nx === 0x65 : nx === 0x79) && (i + 2 >= n || letterCase(text.charCodeAt(i + 2)) === CASE_NONE)) toneOther++;
      }
      continue;
    }
    if (f & F_SPECIAL) {
      special++;
      if (DISRUPTIVE_KIND[SPECIAL_KIND[c]]) disruptive++;
    }
    if (f & F_NFC) nfc++;
    if (f & F_SIGNATURE) {
      if (++signature >= signatureLimit) return { special, disruptive, nfc, surrogates, signature, viqr, toneOther, complete: false };
      // VNI base + mark ("eá" for ế) is counted twice: a strong sign
      if (c < 0x100 && VNI_PAIR[c] !== 0 && i > 0 && (VNI_PAIR[c] & vniVowelBit(text.charCodeAt(i - 1))) !== 0) signature++;
    } else if (f & F_TONED && c < 0x100 && VNI_PAIR[c] !== 0 && i > 0 && (VNI_PAIR[c] & vniVowelBit(text.charCodeAt(i - 1))) !== 0) {
      signature++;
    }
    if (f & F_SURROGATE) surrogates++;
    if (f & F_VIQR) {
      const p = i > 0 ? text.charCodeAt(i - 1) | 0x20 : 0;
      const isV = p === 0x61 || p === 0x65 || p === 0x6f || p === 0x75 || p === 0x79 || p === 0x69;
      if (c === 0x5e ? p === 0x61 || p === 0x65 || p === 0x6f : c === 0x28 ? p === 0x61 : c === 0x2b ? p === 0x6f || p === 0x75 : isV) viqr++;
    }
  }
  return { special, disruptive, nfc, surrogates, signature, viqr, toneOther, complete: true };
}

/** Vietnamese letters outside Latin-1 (proof that text is Unicode, not VIQR). */
export function countVietnameseLetters(text: string): number {
  let k = 0;
  for (let i = 0; i < text.length; i++) k += VIET_LETTER[text.charCodeAt(i)];
  return k;
}

/** True when NFC may change the text (it has combining marks, singletons or surrogates). */
export function mayChangeUnderNfc(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // nothing below U+0300 changes under NFC
    if (c >= 0x300 && FLAGS[c] & (F_NFC | F_SURROGATE)) return true;
  }
  return false;
}
