/**
 * Does this text look like OCR output? Clean and diacritic-stripped
 * Vietnamese are made of syllables; OCR output is sprinkled with words that
 * no careful writer produces: digits or signs inside letters ("s6", "B9",
 * "ti&p", "1a"), letters of other alphabets ("ö", "ø", "ç"), and lower-case
 * words that spell no syllable ("ciia", "tmg", "cdc"), and, from a Vietnamese
 * OCR model, marks no syllable can carry ("quyêt", "đăt": a stop final without
 * sắc or nặng). Codes and acronyms
 * (upper-case) and numbers do not count either way.
 */
import { foldCharCode } from '../../text/fold.js';
import { foldedSyllables, tonelessSyllables } from '../syllables.js';
import { stripTones, toneOfWord } from './tones.js';
import { CORE_NUMBER, CORE_PROTECTED, CORE_WORD, ocrWords } from './words.js';

export interface OcrEvidence {
  /** Word cores with a letter. */
  words: number;
  /** Of those, how many are plain OCR damage (see {@link damageOf}: strong and weak). */
  damaged: number;
  /** Of those, the strong kind: signs or digits among lower-case letters, foreign letters, marks no syllable can carry. */
  strong: number;
  /** Of the undamaged words, how many spell a Vietnamese syllable once folded (OCR damage sits among them; English does not). */
  syllables: number;
  /** Damage score (strong + weak / 2) over words (0 when there are no words). */
  share: number;
  /** The verdict (see {@link OCR_SHARE}). */
  ocr: boolean;
}

/** Damage score (strong words + half the weak ones) over the words from which a text counts as OCR output. */
export const OCR_SHARE = 0.06;

/** Strong damage a text must show at least: a stray sign or a foreign word never makes OCR of clean text. */
export const MIN_STRONG = 2;

/** Share of words that must be Vietnamese (syllables, or strong damage): OCR damage sits among Vietnamese words, English is mostly not. */
export const VIETNAMESE_SHARE = 0.6;

export const DAMAGE_NONE = 0;
/** Lower-case letters that spell no syllable ("ciia", "cdc", "tmg"): also what English words and units look like. */
export const DAMAGE_WEAK = 1;
/** What no writer produces: "s6", "ti&p", "vi¢c", "ö", "quyêt", "thợc". */
export const DAMAGE_STRONG = 2;

const STOP_FINAL = /(c|ch|p|t)$/;

const FOREIGN_LETTER = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]/u;

/**
 * Calls `visit` with each word core of `text` that has a letter, its damage
 * (see {@link damageOf}) and the folded syllable set; a core after a number
 * ("50 kg") is read as a unit.
 */
function eachWord(text: string, visit: (core: string, damage: number, syl: ReadonlySet<string>) => void): void {
  const syl = foldedSyllables();
  let afterNumber = false;
  for (const w of ocrWords(text)) {
    if (w.kind !== CORE_WORD) {
      afterNumber = w.kind === CORE_NUMBER || w.kind === CORE_PROTECTED;
      continue;
    }
    const core = text.slice(w.coreStart, w.coreEnd);
    const prevNumber = afterNumber;
    afterNumber = false;
    if (!hasLetter(core)) {
      afterNumber = /\d/.test(core); // "0,5"
      continue;
    }
    visit(core, damageOf(core, syl, prevNumber), syl);
  }
}

/** Counts the OCR-damaged words of `text`. */
export function inspectOcr(text: string): OcrEvidence {
  let words = 0;
  let weak = 0;
  let strong = 0;
  let syllables = 0;
  eachWord(text, (core, d, syl) => {
    words++;
    if (d === DAMAGE_STRONG) strong++;
    else if (d === DAMAGE_WEAK) weak++;
    else if (syl.has(foldDiacriticsLower(core))) syllables++;
  });
  const score = strong + weak / 2;
  const share = words > 0 ? score / words : 0;
  return {
    words,
    damaged: strong + weak,
    strong,
    syllables,
    share,
    ocr: strong >= MIN_STRONG && share >= OCR_SHARE && syllables + strong >= VIETNAMESE_SHARE * words,
  };
}

/** The word cores of `text` that look like OCR damage, with its kind (for inspection and tests). */
export function damagedWords(text: string): { word: string; damage: number }[] {
  const out: { word: string; damage: number }[] = [];
  eachWord(text, (core, d) => {
    if (d !== DAMAGE_NONE) out.push({ word: core, damage: d });
  });
  return out;
}

/** True when `text` looks like OCR output. */
export function looksLikeOcr(text: string): boolean {
  return inspectOcr(text).ocr;
}

/** Punctuation between letters: words glued without their space ("sử;dụng", "đo,cađo"), not misread letters. */
const GLUED_PUNCT = /^\p{L}*[,;:.…()]+\p{L}+$/u;
/** Two words glued by a quotation mark ("tạo“Cải"): not damage when both are syllables. */
const GLUED_QUOTE = /^(\p{L}{2,})["“”‘’'«»]+(\p{L}{2,})$/u;
/** Names of the Central Highlands peoples and places: a capital, an apostrophe, a syllable ("H’rê", "M’Nông", "K’Ho"). */
const APOSTROPHE_NAME = /^\p{Lu}['’]\p{L}{2,}$/u;

/**
 * How a word core (with a letter) looks: {@link DAMAGE_STRONG},
 * {@link DAMAGE_WEAK} or {@link DAMAGE_NONE}. Neutral, whatever they spell:
 * single letters (list items "b)", "đ)", "x"), codes and units with digits
 * in capitals ("T2", "QH15", "24V", "D2"), identifiers ("GM_Point"), items
 * such as "30a", words glued by punctuation, acronyms, and letters after a
 * number (units: "50 kg", "2,4 GHz").
 */
export function damageOf(core: string, syl: ReadonlySet<string>, afterNumber = false): number {
  let letters = 0;
  let latin = 0;
  let upper = 0;
  let lowerNextToOther = false;
  let other = false;
  for (let k = 0; k < core.length; k++) {
    const cls = classOf(core.charCodeAt(k));
    if (cls & LETTER) {
      letters++;
      if (cls & LATIN) latin++;
      if (cls & UPPER) upper++;
      // a letter with a mark Vietnamese does not use (ö, ø, ç, ñ), or a Latin letter Vietnamese does not write (ß, ı)
      if (cls & FOREIGN) return DAMAGE_STRONG;
    } else if (cls !== MARK) {
      other = true;
      if ((k > 0 && isLowerLetter(core.charCodeAt(k - 1))) || (k + 1 < core.length && isLowerLetter(core.charCodeAt(k + 1)))) lowerNextToOther = true;
    }
  }
  if (letters === 1 && core.length === 1) return DAMAGE_NONE;
  // a word in another script ("习近平", "Дмитрий"): quoted, not misread
  if (latin === 0 && letters > 0) return DAMAGE_NONE;
  if (other) {
    // codes and units in capitals ("T2", "QH15", "KH&CN", "24V"), identifiers ("GM_Point"),
    // numbered items ("30a"), words glued by punctuation: not damage
    if (upper === letters || afterNumber || core.includes('_') || /^\d+\p{Ll}$/u.test(core) || GLUED_PUNCT.test(core)) return DAMAGE_NONE;
    const quoted = GLUED_QUOTE.exec(core);
    if (quoted && damageOf(quoted[1], syl) === DAMAGE_NONE && damageOf(quoted[2], syl) === DAMAGE_NONE) return DAMAGE_NONE;
    if (APOSTROPHE_NAME.test(core) && syl.has(foldDiacriticsLower(core.slice(2)))) return DAMAGE_NONE;
    // a number glued to the word after it ("15tháng")
    const glued = /^\d{2,}(\p{L}+)$/u.exec(core);
    if (glued && damageOf(glued[1], syl) === DAMAGE_NONE) return DAMAGE_NONE;
    const alone = /^[^\p{L}]*(\p{L}+)[^\p{L}]*$/u.exec(core);
    if (alone) {
      // a syllable with a footnote mark or a table rule beside it ("dục*", "lý3", "vụ[8", "|sản")
      if (alone[1].length >= 2 && alone[1] !== core && damageOf(alone[1], syl) === DAMAGE_NONE) return DAMAGE_WEAK;
      // a unit with an exponent ("m2", "km2", "cm3"): consonants, then 2 or 3
      if (/^\p{L}+[23]$/u.test(core) && !/[aeiouyăâêôơư]/iu.test(core)) return DAMAGE_NONE;
    }
    // a number with a unit or a letter ("6cm2", "3x4cm"), a syllable with a number after it ("số04a")
    if (/^\d/.test(core) || /^\p{L}*[^\x00-\x7f]\p{L}*\d/u.test(core)) return DAMAGE_WEAK;
    // a digit or a sign among lower-case letters: "s6", "ti&p", "vi¢c", "1a"
    return lowerNextToOther ? DAMAGE_STRONG : DAMAGE_NONE;
  }
  const folded = foldDiacriticsLower(core);
  const lower = core.toLowerCase();
  const toneless = stripTones(lower);
  const tone = toneOfWord(lower);
  const marked = toneless !== folded || tone !== 0;
  if (marked) {
    if (syl.has(folded)) {
      // Written with Vietnamese marks, a syllable that ends in a stop (c, ch, p, t) takes only
      // sắc or nặng: "quyêt", "đăt", "tàc" are what a Vietnamese OCR model makes of a poor scan;
      // and the marks must spell a syllable ("thợc", "đạa" do not).
      if (STOP_FINAL.test(toneless) && tone !== 1 && tone !== 5) return DAMAGE_STRONG;
      return tonelessSet().has(toneless) ? DAMAGE_NONE : DAMAGE_STRONG;
    }
    // two syllables or more glued by a lost space ("Tiếnhành"), or a typo: weak at most
    return gluedSyllables(folded, syl) ? DAMAGE_NONE : DAMAGE_WEAK;
  }
  if (upper === letters && letters >= 2) return DAMAGE_NONE; // UBND, HĐND
  if (syl.has(folded)) return DAMAGE_NONE;
  if (afterNumber) return DAMAGE_NONE; // a unit: "50 kg", "2,4 GHz"
  return gluedSyllables(folded, syl) ? DAMAGE_NONE : DAMAGE_WEAK;
}

const OTHER = 0;
const LETTER = 1;
const MARK = 2;
const UPPER = 4;
const LOWER = 8;
/** A letter Vietnamese does not write: a Latin letter with another mark (ö, ø, ç, ñ) or none Vietnamese uses (ß, ı); other scripts are not flagged. */
const FOREIGN = 16;
/** A letter of the Latin script. */
const LATIN = 32;
/** Flags per code unit below U+2000 (a surrogate or a later unit is read by its regex each time). */
let classes: Uint8Array | null = null;

function classify(ch: string): number {
  const code = ch.charCodeAt(0);
  // Half of a character beyond the BMP (CJK extensions, historic scripts, emoji): read as a letter of
  // another script, never as a sign among letters.
  if (code >= 0xd800 && code <= 0xdfff) return LETTER;
  if (/\p{M}/u.test(ch)) return MARK;
  if (!/\p{L}/u.test(ch)) return OTHER;
  let f = LETTER;
  const lower = ch.toLowerCase();
  if (ch !== lower) f |= UPPER;
  else if (ch !== ch.toUpperCase()) f |= LOWER;
  // Another script's letters (Greek, Cyrillic, CJK...) are what a writer quotes, not what a Latin-script
  // OCR model makes of Vietnamese: not damage. Latin letters with marks Vietnamese does not use are.
  if (!isLatin(code)) return f;
  f |= LATIN;
  if (code >= 0xc0 && foldCharCode(code) !== code && !FOREIGN_LETTER.test(lower)) f |= FOREIGN;
  if (code >= 0xc0 && foldCharCode(code) === code && code !== 0x111 && code !== 0x110) f |= FOREIGN;
  return f;
}

/** Latin script: Basic Latin to Latin Extended-B and IPA (up to U+02AF), Latin Extended Additional. */
function isLatin(code: number): boolean {
  return code < 0x2b0 || (code >= 0x1e00 && code <= 0x1eff);
}

function classOf(code: number): number {
  if (code >= 0x2000) return classify(String.fromCharCode(code));
  if (classes === null) {
    classes = new Uint8Array(0x2000);
    for (let c = 0; c < 0x2000; c++) classes[c] = classify(String.fromCharCode(c));
  }
  return classes[code];
}

function hasLetter(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (classOf(s.charCodeAt(k)) & LETTER) return true;
  return false;
}

function isLowerLetter(code: number): boolean {
  return (classOf(code) & LOWER) !== 0;
}

/** True when `folded` (6 letters or more) is two or three syllables written together ("tienhanh", "cungmot"). */
function gluedSyllables(folded: string, syl: ReadonlySet<string>, parts = 3): boolean {
  if (folded.length < 4 || parts === 0) return false;
  for (let k = Math.min(folded.length - 1, 7); k >= 1; k--) {
    if (!syl.has(folded.slice(0, k))) continue;
    const rest = folded.slice(k);
    if (syl.has(rest) && rest.length >= 2 && k >= 2) return true;
    if (parts > 1 && gluedSyllables(rest, syl, parts - 1)) return true;
  }
  return false;
}

let toneless: Set<string> | null = null;

/** Toneless syllables, quality kept ("thôc", "đa"), lower-case. */
function tonelessSet(): ReadonlySet<string> {
  if (!toneless) {
    toneless = new Set(tonelessSyllables());
    // gi + iê- is written with one i ("giếng", "giết")
    for (const r of ['iêc', 'iêm', 'iên', 'iêng', 'iêp', 'iêt', 'iêu']) toneless.add('g' + r);
  }
  return toneless;
}

function foldDiacriticsLower(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) out += String.fromCharCode(foldCharCode(s.charCodeAt(k)));
  return out.toLowerCase();
}
