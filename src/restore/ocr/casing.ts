/** Corrected words take the case of what the OCR read. */

/** Writes `type` (lower-case) in the case pattern of `like` ("PANG" → "ĐẢNG", "Tinh" → "Tỉnh"). */
export function applyCase(type: string, like: string): string {
  let letters = 0;
  let uppers = 0;
  let firstUpper = false;
  for (let k = 0; k < like.length; k++) {
    const ch = like.charAt(k);
    const up = ch !== ch.toLowerCase();
    const low = ch !== ch.toUpperCase();
    if (!up && !low) continue;
    if (letters === 0) firstUpper = up;
    letters++;
    if (up) uppers++;
  }
  if (letters >= 2 && uppers === letters) return type.toUpperCase();
  // no letter to go by ("6" for "ở", "&"): lower-case, as most words are
  if (firstUpper) return type.charAt(0).toUpperCase() + type.slice(1);
  // "B9", "S6": the first character is an upper-case letter
  return type;
}
