/**
 * Vietnamese letters and syllables: which vowel a letter is, which tone it
 * carries, and where a syllable's tone mark goes.
 *
 * Tones are numbered 0 ngang (none), 1 sắc (á), 2 huyền (à), 3 hỏi (ả),
 * 4 ngã (ã), 5 nặng (ạ). Vowel qualities (ă â ê ô ơ ư) are part of the base
 * letter, not of the tone.
 *
 * Tone placement styles, as this project names them (see SOURCES.md of the
 * training corpus): 'new' puts the mark on the first vowel of an open
 * oa/oe/uy ("hòa", "khỏe", "thủy"), 'old' on the second ("hoà", "khoẻ",
 * "thuỷ"). All other syllables are written the same in both styles.
 */

export type Tone = 0 | 1 | 2 | 3 | 4 | 5;
export type ToneStyle = 'new' | 'old';

/** Combining marks of the five tones, in tone order (index 1..5). */
export const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** The twelve vowel letters without tone. */
export const BASE_VOWELS = 'aăâeêioôơuưy';

interface LetterInfo {
  /** Lower-case base letter without tone (keeps ă â ê ô ơ ư). */
  base: string;
  tone: Tone;
  upper: boolean;
}

const LETTERS = new Map<string, LetterInfo>();
/** [base][tone] → precomposed lower-case letter. */
const COMPOSE = new Map<string, string[]>();

for (const base of BASE_VOWELS) {
  const row: string[] = [];
  for (let t = 0; t < 6; t++) {
    const lower = (base + TONE_MARKS[t]).normalize('NFC');
    row.push(lower);
    LETTERS.set(lower, { base, tone: t as Tone, upper: false });
    LETTERS.set(lower.toUpperCase(), { base, tone: t as Tone, upper: true });
  }
  COMPOSE.set(base, row);
}

/** The lower-case base letter (tone removed, vowel quality kept) and the tone of a vowel letter, or null. */
export function vowelInfo(ch: string): LetterInfo | null {
  return LETTERS.get(ch) ?? null;
}

/** True for any of the 134 precomposed Vietnamese letters (vowels with marks, đ/Đ) or their plain bases. */
export function isVietnameseLetter(ch: string): boolean {
  return LETTERS.has(ch) || ch === 'đ' || ch === 'Đ' || /^[a-zA-Z]$/.test(ch);
}

/** The precomposed letter for a lower-case base vowel and tone ("ê", 1 → "ế"). */
export function composeVowel(base: string, tone: Tone, upper = false): string {
  const row = COMPOSE.get(base);
  if (!row) return upper ? base.toUpperCase() : base;
  return upper ? row[tone].toUpperCase() : row[tone];
}

/** Splits an NFC syllable into its toneless form and its tone ("quyết" → ["quyêt", 1]). */
export function splitTone(syllable: string): [string, Tone] {
  let tone: Tone = 0;
  let out = '';
  for (const ch of syllable) {
    const info = LETTERS.get(ch);
    if (info) {
      if (info.tone !== 0) tone = info.tone;
      out += info.upper ? info.base.toUpperCase() : info.base;
    } else {
      out += ch;
    }
  }
  return [out, tone];
}

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const CODAS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't'];
const QUALITY = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

export interface SyllableParts {
  onset: string;
  /** The vowel cluster, glides included ("oa", "uyê", "ươi"). */
  vowels: string;
  /** Final consonant, "" for an open syllable. */
  coda: string;
}

/**
 * Splits a lower-case toneless syllable into onset, vowel cluster and final
 * consonant, or returns null when it is not shaped like a Vietnamese syllable.
 */
export function syllableParts(toneless: string): SyllableParts | null {
  const s = toneless;
  let onset = '';
  for (const o of ONSETS) {
    if (s.startsWith(o)) {
      onset = o;
      break;
    }
  }
  // "gi" and "qu" are onsets only when a vowel follows ("gì" is g + ì, "gin" g + in).
  if ((onset === 'gi' || onset === 'qu') && !isVowelChar(s.charAt(2))) onset = s.charAt(0);
  let i = onset.length;
  const vStart = i;
  while (i < s.length && isVowelChar(s.charAt(i))) i++;
  const vowels = s.slice(vStart, i);
  const coda = s.slice(i);
  if (vowels.length === 0 || vowels.length > 3) return null;
  if (coda !== '' && !CODAS.includes(coda)) return null;
  return { onset, vowels, coda };
}

function isVowelChar(c: string): boolean {
  return c !== '' && BASE_VOWELS.includes(c);
}

/**
 * Index, within the vowel cluster, of the vowel that carries the tone mark.
 * `vowels` is lower-case and toneless.
 */
export function toneVowelIndex(vowels: string, coda: string, style: ToneStyle = 'new'): number {
  const n = vowels.length;
  if (n === 1) return 0;
  // A vowel with a quality mark takes the tone; in "ươ" it is the ơ.
  const o = vowels.indexOf('ơ');
  if (o >= 0) return o;
  for (let k = 0; k < n; k++) if (QUALITY.has(vowels.charAt(k))) return k;
  if (coda !== '') return n - 1;
  if (n === 3) return 1;
  // Open two-vowel clusters: oa, oe, uy follow the style; the rest take the first vowel.
  if (vowels === 'oa' || vowels === 'oe' || vowels === 'uy') return style === 'new' ? 0 : 1;
  return 0;
}

/** True when the two placement styles write this (toneless, lower-case) syllable differently. */
export function placementDiffers(toneless: string): boolean {
  const p = syllableParts(toneless);
  return p !== null && p.coda === '' && (p.vowels === 'oa' || p.vowels === 'oe' || p.vowels === 'uy');
}

/**
 * Puts `tone` on a toneless syllable at the place the style wants, keeping
 * the case of each letter. Returns the input unchanged when it is not shaped
 * like a Vietnamese syllable (or the tone is 0).
 */
export function applyTone(toneless: string, tone: Tone, style: ToneStyle = 'new'): string {
  if (tone === 0) return toneless;
  const lower = toneless.toLowerCase();
  const parts = syllableParts(lower);
  if (!parts) return toneless;
  const at = parts.onset.length + toneVowelIndex(parts.vowels, parts.coda, style);
  const ch = toneless.charAt(at);
  const upper = ch !== lower.charAt(at);
  return toneless.slice(0, at) + composeVowel(lower.charAt(at), tone, upper) + toneless.slice(at + 1);
}

/**
 * Re-places the tone mark of an NFC syllable in the given style ("hoà" →
 * "hòa" for 'new'). Syllables the styles agree on come back unchanged.
 */
export function placeTone(syllable: string, style: ToneStyle = 'new'): string {
  const [toneless, tone] = splitTone(syllable);
  if (tone === 0) return syllable;
  if (!placementDiffers(toneless.toLowerCase())) return syllable;
  return applyTone(toneless, tone, style);
}
