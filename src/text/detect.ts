/**
 * Encoding detection by plausibility: text decoded with the right table is
 * made of Vietnamese syllables, decoded with a wrong one it is not. Each
 * candidate repair is run on a sample, and both the sample and its repair are
 * scored: words that are well-formed syllables count for, words with
 * non-ASCII characters that are not count against, stray legacy symbols
 * count against. A candidate is taken only when its text is mostly
 * syllables and clearly better than the text as given, so clean text
 * (Vietnamese, English, code, JSON) is never "repaired".
 */
import { CASE_NONE, FLAGS, F_SIGNATURE, letterCase } from './chars.js';
import { repairAs, type LegacyEncoding } from './repair/index.js';
import { mojibakeSpellsLatin } from './repair/mojibake.js';
import { isVietnameseSyllable } from './syllable-check.js';

export interface TextScore {
  /** Words with non-ASCII letters that are well-formed syllables. */
  good: number;
  /** Words with non-ASCII characters that are not. */
  bad: number;
  /** Stray characters: legacy symbols, C0/C1 controls, U+FFFD. */
  odd: number;
}

/** Syllables count for, other non-ASCII words twice against (stray symbols are words of their own). */
export function scoreValue(s: TextScore): number {
  return s.good - 2 * s.bad;
}

/**
 * Scores NFC text. A word is a run of letters, legacy symbols and U+FFFD
 * (so "c¸c" and "k\ufffdt" are one word each).
 */
export function scoreText(text: string): TextScore {
  let good = 0;
  let bad = 0;
  let odd = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const sig = FLAGS[c] & F_SIGNATURE;
    if (sig || c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) odd++;
    if (!sig && c !== 0xfffd && letterCase(c) === CASE_NONE) {
      i++;
      continue;
    }
    const s = i;
    let nonAscii = false;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      const dsig = (FLAGS[d] & F_SIGNATURE) !== 0 || d === 0xfffd;
      if (!dsig && letterCase(d) === CASE_NONE) break;
      if (i > s && dsig) odd++;
      if (d >= 0x80) nonAscii = true;
    }
    if (!nonAscii) continue;
    if (isVietnameseSyllable(text.slice(s, i))) good++;
    else bad++;
  }
  return { good, bad, odd };
}

/**
 * Where to sample a long text: all of it when it has at most `max`
 * characters, else whole lines from eight windows spread across it. Pairs of
 * [start, end) offsets.
 */
export function sampleRanges(text: string | Uint8Array, max = 16_384): number[] {
  const n = text.length;
  if (n <= max) return [0, n];
  const nl: (from: number) => number = typeof text === 'string' ? (from) => text.indexOf('\n', from) : (from) => text.indexOf(0x0a, from);
  const lastNl: (from: number) => number = typeof text === 'string' ? (from) => text.lastIndexOf('\n', from) : (from) => text.lastIndexOf(0x0a, from);
  const windows = 8;
  const w = Math.floor(max / windows);
  const out: number[] = [];
  for (let k = 0; k < windows; k++) {
    let s = Math.floor(((n - w) * k) / (windows - 1));
    if (s > 0) {
      const at = nl(s);
      if (at >= 0 && at - s < 256) s = at + 1;
    }
    let e = Math.min(n, s + w);
    const at = lastNl(e);
    if (at > s && e < n) e = at;
    out.push(s, e);
  }
  return out;
}

/** At most `max` characters of the text (see {@link sampleRanges}), windows joined by line breaks. */
export function sampleOf(text: string, max = 16_384): string {
  const r = sampleRanges(text, max);
  if (r.length === 2 && r[0] === 0 && r[1] === text.length) return text;
  const parts: string[] = [];
  for (let k = 0; k < r.length; k += 2) parts.push(text.slice(r[k], r[k + 1]));
  return parts.join('\n');
}

export interface Detection {
  encoding: LegacyEncoding;
  score: TextScore;
  /** Rounds of repair that gave the score (mojibake of text encoded more than once: 2 or 3). */
  rounds: number;
}

const MOJIBAKE_ROUNDS = 3;

/**
 * The legacy encoding among `candidates` whose repair makes the text most
 * plausible, or null when none is clearly better than the text as given
 * (or than `baseline`, the score of another reading of the same input).
 */
export function detectLegacy(text: string, candidates: readonly LegacyEncoding[], baseline?: TextScore): Detection | null {
  if (candidates.length === 0) return null;
  const sample = sampleOf(text);
  const orig = baseline ?? scoreText(sample.normalize('NFC'));
  let best: Detection | null = null;
  let bestRank = -Infinity;
  for (const enc of candidates) {
    // mojibake of text encoded more than once takes more rounds; each round
    // must be better than the one before, so a round never "repairs" text
    // the previous round got right
    const rounds = enc === 'mojibake' ? MOJIBAKE_ROUNDS : 1;
    let text = sample;
    let prev = orig;
    let changedTotal = 0;
    for (let round = 1; round <= rounds; round++) {
      const latin = enc === 'mojibake' && mojibakeSpellsLatin(text);
      const r = repairAs(enc, text, { wholeLinesOnly: true });
      // no change: nothing to repair, unless another reading is the baseline
      // (bytes: the Windows-1252 view itself may be the right reading)
      if (r.changed === 0 && (round > 1 || baseline === undefined)) break;
      text = r.text;
      changedTotal += r.changed;
      const s = scoreText(text.normalize('NFC'));
      const structural = latin && mojibakeAccepts(r.changed, s, prev);
      if (round > 1 && !structural && !accepts(s, prev)) break;
      prev = s;
      if (!structural && !accepts(s, orig)) continue;
      // rank: the score, less a little for each character changed, so that
      // of two readings about as plausible the one that changes less wins
      const rank = scoreValue(s) - 0.1 * changedTotal;
      if (best === null || rank > bestRank) {
        best = { encoding: enc, score: s, rounds: round };
        bestRank = rank;
      }
    }
  }
  return best;
}

/**
 * Mojibake carries its own proof: characters that spell well-formed UTF-8
 * sequences of Latin letters and punctuation almost never follow each other
 * in real text. Two or more such sequences repaired, fewer bad words and a
 * better score are enough, even where the words are not syllables ("TĐ",
 * OCR text).
 */
function mojibakeAccepts(sequences: number, s: TextScore, before: TextScore): boolean {
  return sequences >= 2 && s.bad < before.bad && scoreValue(s) - scoreValue(before) >= 2;
}

/**
 * A repair is taken when it makes more syllables and a better score, and
 * either its text is mostly syllables (three to one), or, for text that is
 * poor Vietnamese to begin with (OCR output with its diacritics lost), at
 * least a fifth of its words are syllables and the score gains a third of
 * its distance from zero; this second way needs a text of some length (20
 * syllables), as a line or two of OCR output proves nothing. Clean text of
 * any kind gains little from a wrong reading: its words were fine, or stay
 * foreign.
 */
function accepts(s: TextScore, orig: TextScore): boolean {
  const gain = scoreValue(s) - scoreValue(orig);
  if (s.good < 2 || s.good <= orig.good || gain < 2) return false;
  if (s.good >= 3 * s.bad) return true;
  return s.good >= 20 && s.good >= 0.2 * (s.good + s.bad) && gain >= 0.3 * Math.abs(scoreValue(orig));
}
