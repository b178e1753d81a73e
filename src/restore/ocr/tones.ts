/**
 * Tones apart from letters, as the OCR channel sees them. The channel compares
 * letters with their tone removed but their quality kept ("ố" as "ô", "đ" as
 * "đ"), and scores tones once per syllable: P(tone the OCR shows | tone printed).
 * Tones are 0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng.
 */

const TONE_OF_MARK: Record<number, number> = { 0x301: 1, 0x300: 2, 0x309: 3, 0x303: 4, 0x323: 5, 0x340: 2, 0x341: 1 };

/** For code units below U+2000: the unit with its tone mark removed, and the tone. */
const STRIP = new Uint16Array(0x2000);
const TONE = new Uint8Array(0x2000);
for (let c = 0; c < 0x2000; c++) {
  STRIP[c] = c;
  const d = String.fromCharCode(c).normalize('NFD');
  if (d.length < 2) continue;
  let rest = d.charAt(0);
  let tone = 0;
  for (let k = 1; k < d.length; k++) {
    const t = TONE_OF_MARK[d.charCodeAt(k)];
    if (t !== undefined && tone === 0) tone = t;
    else if (t === undefined) rest += d.charAt(k);
  }
  if (tone === 0) continue;
  const r = rest.normalize('NFC');
  if (r.length !== 1) continue;
  STRIP[c] = r.charCodeAt(0);
  TONE[c] = tone;
}

/** The code unit without its tone mark ("ố" → "ô", "é" → "e"; others unchanged). */
export function stripToneCode(code: number): number {
  return code < 0x2000 ? STRIP[code] : code;
}

/** The tone mark a code unit carries (0 for none). */
export function toneOfCode(code: number): number {
  return code < 0x2000 ? TONE[code] : 0;
}

/** The string with every tone mark removed; same length ("Nghị quyết" → "Nghi quyêt"). */
export function stripTones(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const t = stripToneCode(c);
    if (t !== c) changed = true;
    out += String.fromCharCode(t);
  }
  return changed ? out : s;
}

/** The first tone mark in `s` (0 when it shows none): the tone evidence an OCR token gives. */
export function toneOfWord(s: string, start = 0, end = s.length): number {
  for (let i = start; i < end; i++) {
    const t = toneOfCode(s.charCodeAt(i));
    if (t !== 0) return t;
  }
  return 0;
}
