/**
 * VISCII 1.1 (Viet-Std group, RFC 1456): one byte per letter, all 134
 * Vietnamese letters precomposed. It takes every byte of 0x80–0xFF and six
 * C0 control codes (0x02 Ẳ, 0x05 Ẵ, 0x06 Ẫ, 0x14 Ỷ, 0x19 Ỹ, 0x1E Ỵ), so a
 * VISCII file has no room for curly quotes or dashes.
 *
 * Checked against glibc iconv's VISCII for all 256 bytes.
 */

/** The six C0 positions VISCII takes for letters. */
export const VISCII_C0: ReadonlyArray<[number, string]> = [
  [0x02, 'Ẳ'],
  [0x05, 'Ẵ'],
  [0x06, 'Ẫ'],
  [0x14, 'Ỷ'],
  [0x19, 'Ỹ'],
  [0x1e, 'Ỵ'],
];

/** Characters of bytes 0x80–0xFF, in byte order (16 a row). */
export const VISCII_80_FF =
  'ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ' + // 80
  'ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ' + // 90
  'Õắằặấầẩậẽẹếềểễệố' + // A0
  'ồổỗỠƠộờởịỰỨỪỬơớƯ' + // B0
  'ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ' + // C0
  'ĐứÒÓÔạỷừửÙÚỹỵÝỡư' + // D0
  'àáâãảăữẫèéêẻìíĩỉ' + // E0
  'đựòóôõỏọụùúũủýợỮ'; // F0

/** Real examples: VISCII text as seen through Windows-1252 → Unicode. */
export const VISCII_EXAMPLES: ReadonlyArray<[string, string]> = [
  ['Ngh¸ quy\u00aat s\u00af 52-NQ/TW', 'Nghị quyết số 52-NQ/TW'],
  ['\u00d0\u00e4ng C\u00b5ng s\u00e4n Vi\u00aet Nam', 'Đảng Cộng sản Việt Nam'],
  ['B\u00b5 Chính tr\u00b8', 'Bộ Chính trị'],
];

/** byte → UTF-16 code unit. */
export const VISCII_DECODE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 0x80; b++) t[b] = b;
  for (const [b, ch] of VISCII_C0) t[b] = ch.charCodeAt(0);
  if (VISCII_80_FF.length !== 128) throw new Error('VISCII table: 128 characters expected');
  for (let k = 0; k < 128; k++) t[0x80 + k] = VISCII_80_FF.charCodeAt(k);
  return t;
})();
