/**
 * Windows-1258, the Windows code page for Vietnamese. It is Windows-1252 with
 * 14 places changed: the letters Ă ă Đ đ Ơ ơ Ư ư, the đồng sign ₫, and the
 * five tone marks as *combining* characters (0xCC grave, 0xD2 hook above,
 * 0xDE tilde, 0xEC acute, 0xF2 dot below). A toned letter is a base letter
 * (precomposed where Latin-1 has it: à, é, ô…) followed by a tone mark byte:
 * "ế" is EA EC (ê + acute); NFC composes them afterwards.
 *
 * Undefined bytes (0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E) read as the C1
 * control of the same value, as WHATWG decoders do. Checked against
 * TextDecoder('windows-1258') and glibc iconv's CP1258.
 */

/** Characters of bytes 0x80–0xFF, in byte order (16 a row). */
export const CP1258_80_FF =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u008a\u2039\u0152\u008d\u008e\u008f' + // 80
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u009a\u203a\u0153\u009d\u009e\u0178' + // 90
  '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯' + // A0
  '°±²³´µ¶·¸¹º»¼½¾¿' + // B0
  'ÀÁÂĂÄÅÆÇÈÉÊË\u0300ÍÎÏ' + // C0
  'ĐÑ\u0309ÓÔƠÖ×ØÙÚÛÜƯ\u0303ß' + // D0
  'àáâăäåæçèéêë\u0301íîï' + // E0
  'đñ\u0323óôơö÷øùúûüư₫ÿ'; // F0

/** Real examples: Windows-1258 text as seen through Windows-1252 → Unicode (after NFC). */
export const CP1258_EXAMPLES: ReadonlyArray<[string, string]> = [
  ['Nghi\u00f2 quyê\u00ect sô\u00ec 52-NQ/TW', 'Nghị quyết số 52-NQ/TW'],
  ['\u00d0a\u00d2ng Cô\u00f2ng sa\u00d2n Viê\u00f2t Nam', 'Đảng Cộng sản Việt Nam'],
];

/** byte → UTF-16 code unit. */
export const CP1258_DECODE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 0x80; b++) t[b] = b;
  if (CP1258_80_FF.length !== 128) throw new Error('Windows-1258 table: 128 characters expected');
  for (let k = 0; k < 128; k++) t[0x80 + k] = CP1258_80_FF.charCodeAt(k);
  return t;
})();
