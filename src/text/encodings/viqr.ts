/**
 * VIQR (Vietnamese Quoted-Readable, RFC 1456): plain ASCII, each mark typed
 * after its letter, the vowel-quality mark first and the tone mark last:
 * "Nghị quyết số" is "Nghi. quye^'t so^'", "đ" is "dd", "Đ" is "DD".
 * A backslash makes the next mark character literal: "a\." is "a." (a full
 * stop after a vowel, not a dot below).
 */

/** Vowel-quality marks and the letters they make. */
export const VIQR_QUALITY: ReadonlyArray<[string, Readonly<Record<string, string>>]> = [
  ['(', { a: 'ă' }], // breve
  ['^', { a: 'â', e: 'ê', o: 'ô' }], // circumflex
  ['+', { o: 'ơ', u: 'ư' }], // horn
];

/** Tone marks, by tone number (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). */
export const VIQR_TONES: ReadonlyArray<[string, 1 | 2 | 3 | 4 | 5]> = [
  ["'", 1],
  ['`', 2],
  ['?', 3],
  ['~', 4],
  ['.', 5],
];

/** The escape character. */
export const VIQR_ESCAPE = '\\';

/** Real examples: VIQR → Unicode. */
export const VIQR_EXAMPLES: ReadonlyArray<[string, string]> = [
  ["Nghi. quye^'t so^' 52-NQ/TW", 'Nghị quyết số 52-NQ/TW'],
  ["DDa?ng Co^.ng sa?n Vie^.t Nam", 'Đảng Cộng sản Việt Nam'],
  ["ngu+o+`i da^n", 'người dân'],
  ["Bo^. Chi'nh tri\\.", 'Bộ Chính tri.'],
];
