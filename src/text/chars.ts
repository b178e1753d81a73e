/**
 * What normalization does to single characters, and the per-character flags
 * the one-pass scan reads (one table lookup per UTF-16 code unit).
 *
 * Unified characters (all one for one, except the invisible ones, which are
 * removed):
 * - spaces → " " (U+0020): U+00A0 no-break space, U+1680, U+2000–U+200A,
 *   U+202F narrow no-break space, U+205F, U+3000. Tabs stay tabs.
 * - invisible → removed: U+00AD soft hyphen, U+200B zero-width space, U+200C,
 *   U+200D zero-width (non-)joiner, U+2060 word joiner, U+FEFF byte order mark.
 * - dashes → "-" (U+002D): U+2010 hyphen, U+2011 non-breaking hyphen, U+2012
 *   figure dash, U+2013 en dash, U+2014 em dash, U+2015 horizontal bar,
 *   U+2212 minus sign, U+FE58, U+FE63, U+FF0D.
 * - quotes: U+2018 ‘ U+2019 ’ U+201A ‚ U+201B ‛ → "'"; U+201C “ U+201D ”
 *   U+201E „ U+201F ‟ → '"'. Guillemets « » and primes ′ ″ stay.
 * - look-alikes of Đ/đ: U+00D0 Ð and U+0189 Ɖ → Đ (U+0110), U+00F0 ð → đ (U+0111).
 * - line and paragraph separators U+2028, U+2029 → "\n". Other line breaks
 *   (\n, \r\n, \r, form feed) stay as they are.
 */

export type SpecialKind = 'space' | 'invisible' | 'dash' | 'quote' | 'lookalike' | 'newline';

/** Character → [replacement ('' = removed), kind]. */
export const SPECIALS: ReadonlyArray<[number, string, SpecialKind]> = [
  [0x00a0, ' ', 'space'],
  [0x1680, ' ', 'space'],
  ...range(0x2000, 0x200a).map((c): [number, string, SpecialKind] => [c, ' ', 'space']),
  [0x202f, ' ', 'space'],
  [0x205f, ' ', 'space'],
  [0x3000, ' ', 'space'],
  [0x00ad, '', 'invisible'],
  [0x200b, '', 'invisible'],
  [0x200c, '', 'invisible'],
  [0x200d, '', 'invisible'],
  [0x2060, '', 'invisible'],
  [0xfeff, '', 'invisible'],
  ...range(0x2010, 0x2015).map((c): [number, string, SpecialKind] => [c, '-', 'dash']),
  [0x2212, '-', 'dash'],
  [0xfe58, '-', 'dash'],
  [0xfe63, '-', 'dash'],
  [0xff0d, '-', 'dash'],
  [0x2018, "'", 'quote'],
  [0x2019, "'", 'quote'],
  [0x201a, "'", 'quote'],
  [0x201b, "'", 'quote'],
  [0x201c, '"', 'quote'],
  [0x201d, '"', 'quote'],
  [0x201e, '"', 'quote'],
  [0x201f, '"', 'quote'],
  [0x00d0, 'Đ', 'lookalike'],
  [0x0189, 'Đ', 'lookalike'],
  [0x00f0, 'đ', 'lookalike'],
  [0x2028, '\n', 'newline'],
  [0x2029, '\n', 'newline'],
];

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let c = a; c <= b; c++) out.push(c);
  return out;
}

export const SPECIAL_KINDS: readonly SpecialKind[] = ['space', 'invisible', 'dash', 'quote', 'lookalike', 'newline'];
/** Marks "removed" in {@link SPECIAL_TO}. */
export const REMOVED = 0xffff;
/** Replacement code unit of a special character ({@link REMOVED} for none); 0 for other characters. */
export const SPECIAL_TO = new Uint16Array(0x10000);
/** Index into {@link SPECIAL_KINDS} of a special character. */
export const SPECIAL_KIND = new Uint8Array(0x10000);
for (const [c, to, kind] of SPECIALS) {
  SPECIAL_TO[c] = to === '' ? REMOVED : to.charCodeAt(0);
  SPECIAL_KIND[c] = SPECIAL_KINDS.indexOf(kind);
}

// ---- flags of the one-pass scan ----

/** Unified by the rules above. */
export const F_SPECIAL = 1;
/** May change under NFC (combining marks, singletons, Hangul vowel/final jamo). */
export const F_NFC = 2;
/** A surrogate: the code point is checked on its own. */
export const F_SURROGATE = 4;
/**
 * A character that clean Vietnamese text rarely has but legacy text seen
 * through Windows-1252 has all the time: the Latin-1 symbols and non-Vietnamese
 * letters of U+0080–U+00FF (¸ µ Þ § ­ ø ñ …), C1 controls, and the Windows-1252
 * characters of bytes 0x80–0x9F other than common punctuation (ƒ ˆ ‰ Š ‹ Œ …).
 */
export const F_SIGNATURE = 8;
/** A vowel letter with a tone mark (à, ế, ỵ …). */
export const F_TONED = 16;
/** A Vietnamese letter outside Latin-1 (ă đ ơ ư, U+1EA0–U+1EF9): text that has them is Unicode (see {@link VIET_LETTER}). */
export const F_VIET = 32;
/** An ASCII character VIQR uses as a quality or tone mark that clean prose rarely puts after a vowel: ^ ( + ` ~. */
export const F_VIQR = 64;

/** Lower-case Vietnamese letters of Latin-1 (À–Ý upper-case are derived). */
const LATIN1_VIET = 'àáâãèéêìíòóôõùúý';
/**
 * Punctuation of Windows-1252's 0x80–0x9F and Latin-1 that clean text
 * carries and that no legacy encoding uses for a letter. (§ © ® « » × are not
 * here: TCVN3 spells Đ â đ ô ằ ì with them.)
 */
const COMMON_PUNCT = '\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022\u2013\u2014\u00a0\u00b0\u00b1';

export const FLAGS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const mark = /\p{M}/u;
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = F_SURROGATE;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (mark.test(ch) || ch.normalize('NFC') !== ch || (c >= 0x1161 && c <= 0x1175) || (c >= 0x11a8 && c <= 0x11c2)) t[c] |= F_NFC;
  }
  for (let c = 0x80; c < 0x100; c++) {
    const ch = String.fromCharCode(c);
    if (LATIN1_VIET.includes(ch.toLowerCase())) continue;
    if (COMMON_PUNCT.includes(ch)) continue;
    t[c] |= F_SIGNATURE;
  }
  for (const ch of 'ƒˆ‰Š‹ŒŽ˜™š›œžŸ€†‡') t[ch.charCodeAt(0)] |= F_SIGNATURE;
  for (const [c] of SPECIALS) t[c] |= F_SPECIAL;
  // Vietnamese letters: toned vowels and letters outside Latin-1
  for (const base of 'aăâeêioôơuưy') {
    for (const mark of ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']) {
      for (const ch of [(base + mark).normalize('NFC'), (base + mark).normalize('NFC').toUpperCase()]) {
        const c = ch.charCodeAt(0);
        if (mark !== '') t[c] |= F_TONED;
      }
    }
  }
  for (const ch of '^(+`~') t[ch.charCodeAt(0)] |= F_VIQR;
  return t;
})();

/**
 * VNI pairs: a vowel (a e o u y) followed by a VNI mark byte it takes, as
 * VNI text seen through Windows-1252 shows them ("eá" for ế, "aâ" for â).
 * Indexed by mark character → bit set of the vowels that take it (1 a, 2 e,
 * 4 o, 8 u, 16 y). The pairs "oà", "oá", "oã" are left out: they are
 * also clean old-style spelling ("hoà", "hoá").
 */
export const VNI_PAIR: Uint8Array = (() => {
  const t = new Uint8Array(0x100);
  const tone = 'ùøûõï';
  const circ = 'âáàåãä';
  const breve = 'êéèúüë';
  for (const ch of tone) t[ch.charCodeAt(0)] = 1 | 2 | 4 | 8 | 16;
  for (const ch of circ) t[ch.charCodeAt(0)] = 1 | 2 | 4;
  for (const ch of breve) t[ch.charCodeAt(0)] = 1;
  for (const ch of 'àáã') t[ch.charCodeAt(0)] &= ~4;
  for (let c = 0xe0; c < 0x100; c++) if (t[c]) t[c - 0x20] = t[c]; // upper-case marks
  return t;
})();

/** Bit of a vowel in {@link VNI_PAIR} (ASCII, either case), 0 for others. */
export function vniVowelBit(c: number): number {
  switch (c | 0x20) {
    case 0x61: return 1;
    case 0x65: return 2;
    case 0x6f: return 4;
    case 0x75: return 8;
    case 0x79: return 16;
    default: return 0;
  }
}

/** 1 for the Vietnamese letters outside Latin-1 (ă đ ơ ư and U+1EA0–U+1EF9, either case). */
export const VIET_LETTER: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (const ch of 'ăâêôơưđ') {
    for (const c of [ch, ch.toUpperCase()]) if (c.charCodeAt(0) >= 0x100) t[c.charCodeAt(0)] = 1;
  }
  for (let c = 0x1ea0; c <= 0x1ef9; c++) t[c] = 1;
  return t;
})();

// ---- tone placement context, for the scan ----

/** Bits of a toned vowel: its base. */
export const TB_A_E = 1; // toned a or e (old style puts the mark there in oa, oe)
export const TB_Y = 2; // toned y (old style: uy)
export const TB_O = 4; // toned o (new style: oa, oe)
export const TB_U = 8; // toned u (new style: uy)
export const TB_HORN_O = 16; // toned ơ (may follow ư: "người")
export const TB_CP1258 = 32; // ì ò Ì Ò: Windows-1258 tone mark bytes seen through Windows-1252
/** Tone-placement bits of each toned vowel (either case); 0 for other characters. */
export const TONED_BITS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const bit: Record<string, number> = { a: TB_A_E, e: TB_A_E, y: TB_Y, o: TB_O, u: TB_U, ơ: TB_HORN_O };
  for (const base of Object.keys(bit)) {
    for (const mark of ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']) {
      const ch = (base + mark).normalize('NFC');
      t[ch.charCodeAt(0)] = bit[base];
      t[ch.toUpperCase().charCodeAt(0)] = bit[base];
    }
  }
  for (const ch of 'ìòÌÒ') t[ch.charCodeAt(0)] |= TB_CP1258;
  return t;
})();

/** Bits of the character before a toned vowel. */
export const PB_TONED = 1; // a toned vowel
export const PB_QUALITY = 2; // â ă ê ô ơ (a toned vowel never follows)
export const PB_HORN_U = 4; // ư (only a toned ơ follows)
export const PB_O = 8; // plain o
export const PB_U = 16; // plain u
export const PB_AEY = 32; // plain a, e, y (with o and u: the vowels after which ì ò never come)
/** Context bits of the character before a toned vowel; 0 for most characters. */
export const PREV_BITS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (FLAGS[c] & F_TONED) t[c] = PB_TONED;
  for (const ch of 'âăêôơÂĂÊÔƠ') t[ch.charCodeAt(0)] = PB_QUALITY;
  for (const ch of 'ưƯ') t[ch.charCodeAt(0)] = PB_HORN_U;
  for (const ch of 'oO') t[ch.charCodeAt(0)] = PB_O;
  for (const ch of 'uU') t[ch.charCodeAt(0)] = PB_U;
  for (const ch of 'aeyAEY') t[ch.charCodeAt(0)] = PB_AEY;
  return t;
})();

// ---- letters and case (for word-level rules on repaired text) ----

export const CASE_NONE = 0;
export const CASE_LOWER = 1;
export const CASE_UPPER = 2;
/** A letter without case, or a combining mark (belongs to the word). */
export const CASE_OTHER = 3;

const CASE_TABLE: Uint8Array = (() => {
  const t = new Uint8Array(0x2000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < 0x2000; c++) {
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) t[c] = ch !== ch.toUpperCase() ? CASE_LOWER : ch !== ch.toLowerCase() ? CASE_UPPER : CASE_OTHER;
    else if (mark.test(ch)) t[c] = CASE_OTHER;
  }
  return t;
})();
const LETTER_RE = /[\p{L}\p{M}]/u;

/** CASE_LOWER / CASE_UPPER for a cased letter, CASE_OTHER for other letters and marks, CASE_NONE otherwise. */
export function letterCase(c: number): number {
  if (c < 0x2000) return CASE_TABLE[c];
  if (c >= 0xd800 && c <= 0xdfff) return CASE_NONE;
  const ch = String.fromCharCode(c);
  if (!LETTER_RE.test(ch)) return CASE_NONE;
  return ch !== ch.toUpperCase() ? CASE_LOWER : ch !== ch.toLowerCase() ? CASE_UPPER : CASE_OTHER;
}
