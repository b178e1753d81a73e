/**
 * TCVN3 ("ABC", TCVN 5712:1993 VN3), the encoding of the .VnTime family of
 * fonts: one byte per letter. Bytes 0x00–0x9F are ASCII and Windows-1252 (a
 * .VnTime document carries Word's curly quotes and dashes as 0x91–0x97), the
 * Vietnamese letters sit in 0xA1–0xFE.
 *
 * VN3 has upper-case forms only for Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7). The other
 * upper-case letters with a tone mark have no code: the .VnTimeH ("heading")
 * fonts draw the lower-case codes as capitals, so "NGHỊ QUYẾT" is stored as
 * "NGHÞ QUYÕT", i.e. as "NGHị QUYếT" once decoded. The decoder gives these
 * letters back the case of their word (see `repair/tcvn3-case.ts`).
 *
 * The sixteen places VN3 leaves empty in 0xA0–0xFF (0xAF, 0xBA, 0xBF–0xC5,
 * 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF) hold upper-case toned letters in the
 * full standard (VN1); they are decoded as such. VN1's other upper-case
 * letters (in 0x01–0x17 and 0x80–0x9F) and its combining marks (0xB0–0xB4)
 * collide with control codes, Windows-1252 punctuation (“ ” – …) and ° ± ² ³ ´,
 * which is what those bytes mean in real .VnTime files; they keep their
 * Windows-1252 meaning.
 *
 * Checked against glibc iconv's TCVN5712-1 for every letter position.
 */
import { CP1252_DECODE } from './cp1252.js';

/** Characters of bytes 0xA0–0xFF, in byte order (16 a row). */
export const TCVN3_A0_FF =
  // A0    A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ  A8 ă  A9 â  AA ê  AB ô  AC ơ  AD ư  AE đ  AF Ằ
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' +
  // B0 ° B1 ± B2 ² B3 ³ B4 ´ (Windows-1252)  B5 à ả ã á ạ  BA Ẳ  BB ằ ẳ ẵ ắ  BF Ẵ
  '°±²³´àảãáạẲằẳẵắẴ' +
  // C0 Ắ Ầ Ẩ Ẫ Ấ Ề (VN1)  C6 ặ ầ ẩ ẫ ấ ậ è  CD Ể  CE ẻ ẽ
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' +
  // D0 é ẹ ề ể ễ ế ệ ì ỉ  D9 Ễ Ế Ồ  DC ĩ í ị ò
  'éẹềểễếệìỉỄẾỒĩíịò' +
  // E0 Ổ  E1 ỏ õ ó ọ ồ ổ ỗ ố ộ ờ ở ỡ ớ ợ ù
  'Ổỏõóọồổỗốộờởỡớợù' +
  // F0 Ỗ  F1 ủ ũ ú ụ ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ  FF Ố
  'ỖủũúụừửữứựỳỷỹýỵỐ';

/** Real examples: TCVN3 text as seen through Windows-1252 → Unicode. */
export const TCVN3_EXAMPLES: ReadonlyArray<[string, string]> = [
  ['NghÞ quyÕt sè 52-NQ/TW', 'Nghị quyết số 52-NQ/TW'],
  ['c¸c tr\u00adêng hîp', 'các trường hợp'],
  ['§¶ng Céng s¶n ViÖt Nam', 'Đảng Cộng sản Việt Nam'],
  ['Bé ChÝnh trÞ', 'Bộ Chính trị'],
  ['Uû ban nh©n d©n tØnh Qu¶ng Ng·i', 'Uỷ ban nhân dân tỉnh Quảng Ngãi'],
];

/** byte → UTF-16 code unit. */
export const TCVN3_DECODE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 0xa0; b++) t[b] = CP1252_DECODE[b];
  if (TCVN3_A0_FF.length !== 96) throw new Error('TCVN3 table: 96 characters expected');
  for (let k = 0; k < 96; k++) t[0xa0 + k] = TCVN3_A0_FF.charCodeAt(k);
  return t;
})();

/**
 * 1 for the bytes whose letters VN3 has only in lower case (the toned vowels
 * in 0xB5–0xFE): their case is decided by the word around them.
 */
export const TCVN3_CASE_AMBIGUOUS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let b = 0xb5; b <= 0xfe; b++) {
    const ch = String.fromCharCode(TCVN3_DECODE[b]);
    if (ch !== ch.toUpperCase()) t[b] = 1;
  }
  return t;
})();
