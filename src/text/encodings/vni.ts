/**
 * VNI-Windows, the encoding of the VNI-Times family of fonts: a vowel is an
 * ASCII base letter followed by one mark byte that carries its tone, its
 * vowel quality (â ă ê ô), or both ("ế" = "e" + 0xE1 "á"); ơ, ư, đ and the
 * toned i's and ỵ are single bytes. Upper-case letters use upper-case mark
 * bytes ("Ế" = "E" + 0xC1 "Á"), so upper-casing VNI text with a Latin-1
 * case map gives valid VNI again.
 *
 * Seen through Windows-1252 the marks show as Latin-1 letters: "Nghị quyết
 * số" reads "Nghò quyeát soá". Checked against the VNI table of xvnkb
 * (lamdao/xvnkb, vni.h).
 */

/** Vowel quality a mark adds: 0 none, 1 circumflex (â ê ô), 2 breve (ă). */
export type VniQuality = 0 | 1 | 2;

export interface VniMark {
  quality: VniQuality;
  /** Tone 0..5 (0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). */
  tone: 0 | 1 | 2 | 3 | 4 | 5;
}

/**
 * The mark bytes, lower case (used after a lower-case base); the upper-case
 * mark is the Latin-1 upper-case of the same letter.
 */
export const VNI_MARKS: ReadonlyArray<[string, VniMark]> = [
  ['ù', { quality: 0, tone: 1 }], // 0xF9 sắc        aù = á
  ['ø', { quality: 0, tone: 2 }], // 0xF8 huyền      aø = à
  ['û', { quality: 0, tone: 3 }], // 0xFB hỏi        aû = ả
  ['õ', { quality: 0, tone: 4 }], // 0xF5 ngã        aõ = ã
  ['ï', { quality: 0, tone: 5 }], // 0xEF nặng       aï = ạ
  ['â', { quality: 1, tone: 0 }], // 0xE2 mũ         aâ = â, eâ = ê, oâ = ô
  ['á', { quality: 1, tone: 1 }], // 0xE1 mũ + sắc   eá = ế
  ['à', { quality: 1, tone: 2 }], // 0xE0 mũ + huyền oà = ồ
  ['å', { quality: 1, tone: 3 }], // 0xE5 mũ + hỏi   aå = ẩ
  ['ã', { quality: 1, tone: 4 }], // 0xE3 mũ + ngã   eã = ễ
  ['ä', { quality: 1, tone: 5 }], // 0xE4 mũ + nặng  oä = ộ
  ['ê', { quality: 2, tone: 0 }], // 0xEA trăng      aê = ă
  ['é', { quality: 2, tone: 1 }], // 0xE9 trăng + sắc   aé = ắ
  ['è', { quality: 2, tone: 2 }], // 0xE8 trăng + huyền aè = ằ
  ['ú', { quality: 2, tone: 3 }], // 0xFA trăng + hỏi   aú = ẳ
  ['ü', { quality: 2, tone: 4 }], // 0xFC trăng + ngã   aü = ẵ
  ['ë', { quality: 2, tone: 5 }], // 0xEB trăng + nặng  aë = ặ
];

/** Single-byte letters (lower case; the Latin-1 upper-case byte is the upper-case letter). */
export const VNI_LETTERS: ReadonlyArray<[string, string]> = [
  ['ô', 'ơ'], // 0xF4 (ơ takes tone marks after it: ôù = ớ)
  ['ö', 'ư'], // 0xF6 (öø = ừ)
  ['ñ', 'đ'], // 0xF1
  ['í', 'í'], // 0xED
  ['ì', 'ì'], // 0xEC
  ['æ', 'ỉ'], // 0xE6
  ['ó', 'ĩ'], // 0xF3
  ['ò', 'ị'], // 0xF2
  ['î', 'ỵ'], // 0xEE
];

/** The letter a quality mark makes of a base vowel: circumflex a e o → â ê ô, breve a → ă. */
export const VNI_QUALITY: Readonly<Record<1 | 2, Readonly<Record<string, string>>>> = {
  1: { a: 'â', e: 'ê', o: 'ô' },
  2: { a: 'ă' },
};

/** Real examples: VNI text as seen through Windows-1252 → Unicode. */
export const VNI_EXAMPLES: ReadonlyArray<[string, string]> = [
  ['Nghò quyeát soá 52-NQ/TW', 'Nghị quyết số 52-NQ/TW'],
  ['Ñaûng Coäng saûn Vieät Nam', 'Đảng Cộng sản Việt Nam'],
  ['ngöôøi daân', 'người dân'],
  ['NGHÒ QUYEÁT', 'NGHỊ QUYẾT'],
  ['UÛy ban nhaân daân tænh Quaûng Ngaõi', 'Ủy ban nhân dân tỉnh Quảng Ngãi'],
];
