/**
 * Windows-1252, the "font mapping" through which legacy Vietnamese text is
 * usually seen: a .doc set in .VnTime (TCVN3) or VNI-Times, opened where the
 * font is missing, shows each byte as its Windows-1252 (or Latin-1) character,
 * so "Nghị" in TCVN3 (bytes 4E 67 68 DE) reads "NghÞ". Every string repair
 * (TCVN3, VNI, VISCII, Windows-1258, UTF-8 mojibake) first turns characters
 * back into the bytes they stand for with {@link cp1252Byte}.
 *
 * Bytes 0x00–0x7F and 0xA0–0xFF are Latin-1 (U+0000–U+007F, U+00A0–U+00FF).
 * 0x80–0x9F hold the 27 typographic characters below; the five bytes Windows
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1 control of
 * the same value, as WHATWG decoders (browsers, Node's TextDecoder) do.
 * The reverse direction also accepts every C1 control U+0080–U+009F as its
 * byte (text read as ISO-8859-1 instead of Windows-1252).
 */

/** Characters of bytes 0x80–0x9F, in byte order. */
export const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Real examples: byte → character. */
export const CP1252_EXAMPLES: ReadonlyArray<[number, string]> = [
  [0x80, '€'],
  [0x93, '“'],
  [0x94, '”'],
  [0x96, '–'],
  [0x85, '…'],
  [0xde, 'Þ'],
];

/** byte → UTF-16 code unit. */
export const CP1252_DECODE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 256; b++) t[b] = b;
  for (let k = 0; k < 32; k++) t[0x80 + k] = CP1252_80_9F.charCodeAt(k);
  return t;
})();

/** Code units below this may have a byte (the highest is ™ U+2122). */
export const CP1252_ENCODE_LIMIT = 0x2123;
const MAX_CODE = CP1252_ENCODE_LIMIT;
/** code unit → byte, -1 where the character has no byte (below {@link CP1252_ENCODE_LIMIT}). */
export const CP1252_ENCODE: Int16Array = (() => {
  const t = new Int16Array(MAX_CODE).fill(-1);
  for (let c = 0; c < 0x100; c++) t[c] = c; // Latin-1, C1 controls included
  for (let k = 0; k < 32; k++) t[CP1252_80_9F.charCodeAt(k)] = 0x80 + k;
  return t;
})();

/** The byte a character stands for in the Windows-1252/Latin-1 view, or -1. */
export function cp1252Byte(code: number): number {
  return code < MAX_CODE ? CP1252_ENCODE[code] : -1;
}
