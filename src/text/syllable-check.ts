/**
 * Is a word a well-formed Vietnamese syllable? Encoding detection leans on
 * this: text decoded with the right table is made of syllables ("Nghị",
 * "quyết"); decoded with a wrong one it is not ("NghÞ", "quyÕt", "Nghá»‹").
 *
 * The check follows the spelling rules: onset + vowel cluster + final, one
 * tone mark on the vowel where Vietnamese spelling puts it (either placement
 * style), the stop finals c, ch, p, t only with sắc or nặng, k/gh/ngh only
 * before e ê i (y), c/g/ng not before e ê, q only as qu, and case as a
 * word is written (lower, Title or UPPER). It is a plausibility check, not a
 * dictionary: it accepts some syllables nobody uses.
 */
import { BoundedMemo } from '../memo.js';
import { applyTone, syllableParts, vowelInfo, type Tone } from './vietnamese.js';

/** Vowel clusters and where a final consonant may follow: 'o' open only, 'c' closed only, 'b' both. */
const NUCLEI: Readonly<Record<string, 'o' | 'c' | 'b'>> = {
  a: 'b', ă: 'c', â: 'c', e: 'b', ê: 'b', i: 'b', o: 'b', ô: 'b', ơ: 'b', u: 'b', ư: 'b', y: 'o',
  ai: 'o', ao: 'o', au: 'o', ay: 'o', âu: 'o', ây: 'o', eo: 'o', êu: 'o', ia: 'o', iu: 'o',
  oi: 'o', ôi: 'o', ơi: 'o', ui: 'o', ưi: 'o', ưu: 'o', ưa: 'o', ua: 'o', uơ: 'o',
  iê: 'c', yê: 'c', uô: 'c', ươ: 'c', oă: 'c', uâ: 'c', oo: 'c', uyê: 'c',
  oa: 'b', oe: 'b', uê: 'b', uy: 'b',
  oai: 'o', oao: 'o', oay: 'o', oeo: 'o', uây: 'o', uya: 'o', uyu: 'o',
  uôi: 'o', ươi: 'o', ươu: 'o', iêu: 'o', yêu: 'o',
};
const CONSONANTS = new Set('bcdđghklmnpqrstvx');
const FRONT = new Set(['e', 'ê', 'i', 'y']);
const STOP = new Set(['c', 'ch', 'p', 't']);

const cache = new BoundedMemo<boolean>(100_000);

/** True when `word` (NFC, letters only) is shaped like a Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  return cache.get(word, check);
}

function check(word: string): boolean {
  const n = word.length;
  if (n === 0 || n > 8) return false;
  let toneless = '';
  let tone: Tone = 0;
  let uppers = 0;
  let firstUpper = false;
  for (let k = 0; k < n; k++) {
    const ch = word.charAt(k);
    const info = vowelInfo(ch);
    let lower: string;
    let upper: boolean;
    if (info) {
      if (info.tone !== 0) {
        if (tone !== 0) return false; // two tone marks
        tone = info.tone;
      }
      lower = info.base;
      upper = info.upper;
    } else {
      lower = ch.toLowerCase();
      if (!CONSONANTS.has(lower)) return false;
      upper = lower !== ch;
    }
    if (upper) {
      uppers++;
      if (k === 0) firstUpper = true;
    }
    toneless += upper ? lower.toUpperCase() : lower;
  }
  // lower, Title or UPPER (a one-letter word is either)
  if (uppers !== 0 && uppers !== n && !(uppers === 1 && firstUpper)) return false;
  const lowerToneless = toneless.toLowerCase();
  const parts = syllableParts(lowerToneless);
  if (!parts) return false;
  const { onset, coda } = parts;
  // After qu the medial u is already written: "quýt", "Quỳnh", "quých" have the nucleus uy.
  const vowels = onset === 'qu' && parts.vowels.startsWith('y') ? 'u' + parts.vowels : parts.vowels;
  const kind = NUCLEI[vowels];
  if (kind === undefined) return false;
  if (kind === 'o' && coda !== '') return false;
  if (kind === 'c' && coda === '') return false;
  if ((coda === 'ch' || coda === 'nh') && !/^(a|ê|i|oa|uê|uy)$/.test(vowels)) return false;
  if (STOP.has(coda) && tone !== 1 && tone !== 5) return false;
  if (onset === 'q') return false;
  const front = FRONT.has(vowels.charAt(0));
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !front) return false;
  if ((onset === 'c' || onset === 'ng') && front) return false;
  if (onset === 'g' && front && vowels.charAt(0) !== 'i') return false;
  if (tone === 0) return true;
  return applyTone(toneless, tone, 'new') === word || applyTone(toneless, tone, 'old') === word;
}
