/**
 * Diacritic folding that keeps length: every UTF-16 code unit maps to exactly
 * one code unit, so offsets found in folded text are offsets in the input.
 *
 * "Nghị quyết" → "Nghi quyet", "Đảng" → "Dang". Precomposed Latin letters
 * (Vietnamese and the other Latin-1/Latin Extended letters) fold to their base
 * letter; Đ/đ and their look-alikes Ð/ð fold to D/d. Combining marks are kept
 * as they are (folding cannot drop them without changing length): run
 * `normalizeText` first to get NFC.
 */
import { unitsToString } from './units.js';

const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  // Covers U+0000..U+1EFF: Latin-1, Latin Extended-A/B and Latin Extended Additional (Vietnamese).
  const table = new Uint16Array(0x1f00);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (let c = 0xc0; c < table.length; c++) {
    if (c >= 0x0300 && c < 0x1e00) {
      // Only the Latin Extended-A/B blocks (up to U+024F) hold precomposed letters we fold.
      if (c > 0x024f) continue;
    }
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').charCodeAt(0);
    if (base < 0x80 && /[A-Za-z]/.test(String.fromCharCode(base))) table[c] = base;
  }
  table[0x0110] = 0x44; // Đ
  table[0x0111] = 0x64; // đ
  table[0x00d0] = 0x44; // Ð (look-alike)
  table[0x00f0] = 0x64; // ð (look-alike)
  return table;
}

/** The folded form of one UTF-16 code unit (the unit itself when it has no diacritic). */
export function foldCharCode(code: number): number {
  return code < 0x1f00 ? FOLD[code] : code;
}

/** True when the code unit is a letter that carries a Vietnamese diacritic (or is đ/Đ). */
export function hasDiacritic(code: number): boolean {
  return code >= 0xc0 && code < 0x1f00 && FOLD[code] !== code;
}

/** "Nghị quyết" → "Nghi quyet"; same length as the input. */
export function foldDiacritics(text: string): string {
  if (typeof text !== 'string') throw new TypeError('foldDiacritics: argument "text" must be a string');
  const n = text.length;
  let i = 0;
  // Fast path: nothing to fold.
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xc0 && c < 0x1f00 && FOLD[c] !== c) break;
  }
  if (i === n) return text;
  const out = new Uint16Array(n);
  let surrogates = false;
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x1f00) out[j] = FOLD[c];
    else {
      out[j] = c;
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    }
  }
  return unitsToString(out, surrogates);
}
