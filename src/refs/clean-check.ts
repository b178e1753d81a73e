/**
 * A cheap proof that a text is clean Vietnamese: written with its diacritics,
 * every word a syllable of the inventory (`restore/syllables.ts`) exactly as
 * written. Input-kind detection (`detectInputKind`, restore/detect.ts) costs
 * about 200 ns per character (it tokenizes and inspects every word for OCR
 * damage); for a bulk run over many small clean documents that was most of
 * the time. This check reads a small sample (2 K characters; 8 K when that
 * is not enough) one code unit at a time, with table lookups and a rolling
 * hash, allocating nothing, and answers only
 * "certainly clean" or "ask detectInputKind": it never decides that a text
 * is stripped or OCR'd.
 *
 * Why a pass means `detectInputKind` would say 'clean' (tests check it on
 * every stripped and OCR fixture, the seeds and mixtures of them):
 *
 * - 'stripped' needs at least 1.5 bare Vietnamese words for each word with a
 *   diacritic; a pass needs at least as many well-formed words with
 *   diacritics as all the others, malformed ones included (a word glued to
 *   a footnote digit may count as a bare word there). Clean report text:
 *   about 85% have one; a Vietnamese OCR model's output too, which is why
 *   the next condition is needed.
 * - 'ocr' needs at least 3 damaged words and a damaged share of at least
 *   6%. Every word the OCR check counts as damaged is malformed here, and
 *   more: a malformed word is one with a digit or a sign among its letters
 *   (outside all-capital codes such as "QH15"), a letter Vietnamese does not
 *   use, or whose lower-case form is not a syllable of the inventory as
 *   written (so "quyêt", "cêa", "ciia", "tuyếm", and a bare "quyet" too). A
 *   pass allows at most 2 malformed words, none of them strong damage (OCR
 *   needs 2 of the strong kind, see below), or at most 3% of the words (half the OCR threshold; clean report text
 *   has 1 to 2.5%: foreign names, English, list letters such as "đ)",
 *   footnote digits glued to a word).
 * - A Vietnamese OCR model's output ("Cản cứ", "thởt gian") is confirmed by
 *   the language model once detection suspects it: some strong damage, or a
 *   full stop inside a sentence. A pass allows no malformed word that the OCR
 *   check calls strong damage (it is asked of the malformed words only) and
 *   no such full stop.
 *
 * Words are cut as the OCR check cuts them (runs of non-space characters,
 * leading and trailing punctuation peeled off; a core with a separator
 * inside, "52-NQ/TW" or "27/9/2019", and a core without a letter are not
 * words). It is meant for normalized text (NFC, no legacy encoding); text
 * that is not fails it (legacy symbols and combining marks make words
 * malformed), so the answer stays sound.
 */
import { sampleRanges } from '../text/detect.js';
import { DAMAGE_STRONG, damageOf } from '../restore/ocr/detect.js';
import { hasStrayStop } from '../restore/ocr/detect-vie.js';
import { allSyllables, foldedSyllables } from '../restore/syllables.js';
import { isVietnameseLetter, placeTone } from '../text/vietnamese.js';

/** Characters sampled (eight windows spread over a long text, as detection samples). */
export const CLEAN_CHECK_SAMPLE = 2048;

/** Malformed words allowed whatever the length, and as a share of the words. */
const MAX_MALFORMED = 2;
const MAX_MALFORMED_SHARE = 0.03;

// What a code unit is, as bits (0: not looked at yet; see classOf).
const SPACE = 1;
const LETTER = 2;
/** Peeled off the front of a run ("(", quotes, bullets). */
const LEAD = 4;
/** Peeled off the back (".", ",", ")", quotes). */
const TRAIL = 8;
/** A separator ("/", "-", dashes, ".", ":"): a core with one inside is a symbol, a date, a number. */
const SEP = 16;
/** A letter Vietnamese writes (a-z, đ and the precomposed vowels, either case). */
const VIET = 32;
/** An ASCII capital or Đ (the letters of codes: "QH15", "KH&CN", "HĐND"). */
const CODE_CAP = 64;
/** A letter with a diacritic (or đ). */
const MARKED = 128;
/** Looked at: none of the above (a digit, a sign, a combining mark...). */
const KNOWN = 256;

const INFO = new Uint16Array(0x10000);
/** Lower-case of a Vietnamese letter (below U+1F00). */
const LOWER = new Uint16Array(0x1f00);

const LEADING = '"\'“‘«([{*•·„‚';
const TRAILING = '.,;:!?)]}"\'”’»…';
const SEPARATORS = '/-‐‑–—.:';

/** The spaces between OCR words (restore/ocr/words.ts). */
function isOcrSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}

/** The bits of a code unit, computed on first sight (most text uses a few hundred of them). */
function classOf(c: number): number {
  let f = KNOWN;
  const ch = String.fromCharCode(c);
  if (isOcrSpace(c)) f |= SPACE;
  else if (c < 0xd800 || c > 0xdfff) {
    if (/\p{L}/u.test(ch)) {
      f |= LETTER;
      if (c < 0x1f00 && isVietnameseLetter(ch)) {
        f |= VIET;
        if (c >= 0xc0) f |= MARKED;
        const lower = ch.toLowerCase();
        LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
      }
      if ((c >= 0x41 && c <= 0x5a) || c === 0x110) f |= CODE_CAP;
    }
    if (LEADING.includes(ch)) f |= LEAD;
    if (TRAILING.includes(ch)) f |= TRAIL;
    if (SEPARATORS.includes(ch)) f |= SEP;
  }
  INFO[c] = f;
  return f;
}

// The inventory as a hash set of lower-case syllables, each spelled as written in either tone style:
// open addressing on a first hash, a second hash to confirm (a non-syllable passes only when both
// 32-bit hashes collide with a syllable's).
const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const H1 = new Int32Array(1 << TABLE_BITS);
const H2 = new Int32Array(1 << TABLE_BITS);
const USED = new Uint8Array(1 << TABLE_BITS);

function hash1(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
function hash2(h: number, c: number): number {
  return Math.imul(h + c, 0x9e3779b1) ^ (h >>> 15);
}
const SEED1 = 0x811c9dc5 | 0;
const SEED2 = 0x2545f491;

function addSyllable(s: string): void {
  let a = SEED1;
  let b = SEED2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = hash1(a, c);
    b = hash2(b, c);
  }
  let slot = a & TABLE_MASK;
  while (USED[slot] && !(H1[slot] === a && H2[slot] === b)) slot = (slot + 1) & TABLE_MASK;
  USED[slot] = 1;
  H1[slot] = a;
  H2[slot] = b;
}

function isSyllable(a: number, b: number): boolean {
  let slot = a & TABLE_MASK;
  while (USED[slot]) {
    if (H1[slot] === a && H2[slot] === b) return true;
    slot = (slot + 1) & TABLE_MASK;
  }
  return false;
}

let ready = false;
function init(): void {
  if (ready) return;
  // Every syllable in the new tone style, and in the old one where it differs ("hoà", "thuỷ").
  for (const s of allSyllables('new')) {
    addSyllable(s);
    const old = placeTone(s, 'old');
    if (old !== s) addSyllable(old);
  }
  ready = true;
}

/** What {@link checkWords} counted. */
export interface WordCounts {
  /** Words (cores with a letter and no separator inside). */
  words: number;
  /** Of those, well-formed words with a diacritic (or đ). */
  marked: number;
  /** Of those, malformed words (see the module comment). */
  malformed: number;
  /** Of the malformed words, those the OCR check calls strong damage ("quyêt", "thởt", "s6"): what a scan makes, rarely a writer. */
  strong?: number;
}

/**
 * Counts the words of `text[from, to)` into `into`. A word cut by either end
 * of the range is left out.
 */
export function checkWords(text: string, from: number, to: number, into: WordCounts): WordCounts {
  init();
  let i = from;
  const bitsAt = (k: number): number => {
    const c = text.charCodeAt(k);
    const f = INFO[c];
    return f === 0 ? classOf(c) : f;
  };
  // A word cut by the start of the range: skip it.
  if (i > 0 && !(bitsAt(i - 1) & SPACE)) while (i < to && !(bitsAt(i) & SPACE)) i++;
  for (;;) {
    while (i < to && bitsAt(i) & SPACE) i++;
    if (i >= to) break;
    // One pass over the run: leading marks peeled, letters counted and hashed (lower-cased), the rest counted.
    const s = i;
    let cs = s;
    let leading = true;
    let letters = 0;
    let codeCaps = 0;
    let marked = 0;
    let foreign = 0;
    let others = 0;
    let seps = 0;
    let firstSep = -1;
    let lastSep = -1;
    let a = SEED1;
    let b = SEED2;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      let f = INFO[c];
      if (f === 0) f = classOf(c);
      if (f & SPACE) break;
      if (leading) {
        if (f & LEAD) {
          cs = i + 1;
          continue;
        }
        leading = false;
      }
      if (f & LETTER) {
        letters++;
        if (f & VIET) {
          // Branch-free: whether a letter is marked is a coin toss in Vietnamese text.
          codeCaps += (f >> 6) & 1;
          marked |= f & MARKED;
          const l = LOWER[c];
          a = hash1(a, l);
          b = hash2(b, l);
        } else foreign++;
      } else {
        others++;
        if (f & SEP) {
          if (firstSep < 0) firstSep = i;
          lastSep = i;
          seps++;
        }
      }
    }
    // A word cut by the end of the range: left out.
    if (i === to && to < text.length && !(bitsAt(to) & SPACE)) break;
    let ce = i;
    while (ce > cs && bitsAt(ce - 1) & TRAIL) ce--;
    if (cs === ce) continue;
    // Trailing marks are no letters: what is left of the others is in the core.
    others -= i - ce;
    // Numbers, and protected cores (symbols, dates, codes with a separator inside), are no words.
    if (letters === 0 || (seps > 0 && sepInside(firstSep, lastSep, seps, cs, ce, bitsAt))) continue;
    into.words++;
    if (others > 0 || foreign > 0) {
      // Digits or signs among letters: malformed, unless an all-capital code ("QH15", "KH&CN").
      if (foreign > 0 || !(letters >= 2 && codeCaps === letters)) {
        into.malformed++;
        if (isStrongDamage(text, cs, ce)) into.strong = (into.strong ?? 0) + 1;
      }
      continue;
    }
    // All-capital abbreviations ("UBND", "HĐND") are codes; other words must be syllables as written.
    if (letters >= 2 && codeCaps === letters) continue;
    if (!isSyllable(a, b)) {
      into.malformed++;
      if (marked > 0 && isStrongDamage(text, cs, ce)) into.strong = (into.strong ?? 0) + 1;
    } else if (marked > 0) into.marked++;
  }
  return into;
}

/**
 * Whether the word core `text[cs, ce)` is strong OCR damage as the OCR check
 * judges it (restore/ocr/detect.ts, read as if no number came before: the
 * stricter answer). Asked only of malformed words, a few in a sample.
 */
function isStrongDamage(text: string, cs: number, ce: number): boolean {
  return damageOf(text.slice(cs, ce), foldedSyllables()) === DAMAGE_STRONG;
}

/** Whether a separator stands strictly inside the core [cs, ce) (not first, not last). */
function sepInside(first: number, last: number, count: number, cs: number, ce: number, bitsAt: (k: number) => number): boolean {
  const inside = (k: number) => k > cs && k < ce - 1;
  if (inside(first) || inside(last)) return true;
  if (count <= 2) return false;
  for (let k = cs + 1; k < ce - 1; k++) if (bitsAt(k) & SEP) return true;
  return false;
}

/** Whether counts prove the text clean (see the module comment). */
export function countsProveClean(c: WordCounts): boolean {
  if (c.marked * 2 < c.words || (c.strong ?? 0) > 0) return false;
  return c.malformed <= MAX_MALFORMED || c.malformed <= MAX_MALFORMED_SHARE * c.words;
}

/**
 * True when a sample of `text` (normalized: NFC, no legacy encoding) is
 * certainly clean Vietnamese, so `detectInputKind` would answer 'clean';
 * false when it cannot tell (ask `detectInputKind`).
 */
export function provesClean(text: string, sample = CLEAN_CHECK_SAMPLE): boolean {
  const counts: WordCounts = { words: 0, marked: 0, malformed: 0 };
  const r = sampleRanges(text, sample);
  for (let k = 0; k < r.length; k += 2) {
    checkWords(text, r[k], r[k + 1], counts);
    // A full stop inside a sentence: what a Vietnamese OCR model reads a poor comma as (restore/ocr/detect-vie.ts).
    if (hasStrayStop(text, r[k], r[k + 1])) return false;
  }
  return countsProveClean(counts);
}
