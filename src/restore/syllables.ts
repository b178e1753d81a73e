/**
 * The inventory of Vietnamese syllables: every onset + rhyme + tone that
 * Vietnamese spelling allows. Tone restoration draws its candidates for a
 * folded syllable ("quyet") from here ("quyết", "quyệt"); the language model
 * then chooses among them.
 *
 * The inventory is generated from the spelling rules (onsets, rhymes, which
 * onsets go before which vowels, stop finals take only sắc or nặng), so it is
 * complete by construction; it slightly over-generates rare combinations,
 * which is harmless: a candidate the model never saw gets a tiny score.
 */
import { foldDiacritics } from '../text/fold.js';
import { applyTone, type Tone, type ToneStyle } from '../text/vietnamese.js';

/** Onsets (initial consonants), "" for none. */
export const ONSETS = [
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
] as const;

/** Rhymes (vowel cluster + final), toneless, lower-case. */
export const RHYMES = [
  // a ă â
  'a', 'ac', 'ach', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'ap', 'at', 'au', 'ay',
  'ăc', 'ăm', 'ăn', 'ăng', 'ăp', 'ăt',
  'âc', 'âm', 'ân', 'âng', 'âp', 'ât', 'âu', 'ây',
  // e ê
  'e', 'ec', 'em', 'en', 'eng', 'eo', 'ep', 'et',
  'ê', 'êch', 'êm', 'ên', 'ênh', 'êp', 'êt', 'êu',
  // i iê/yê y
  'i', 'ia', 'ich', 'im', 'in', 'inh', 'ip', 'it', 'iu',
  'iêc', 'iêm', 'iên', 'iêng', 'iêp', 'iêt', 'iêu',
  'y', 'yêm', 'yên', 'yêng', 'yêt', 'yêu',
  // o oo ô ơ
  'o', 'oc', 'oi', 'om', 'on', 'ong', 'op', 'ot', 'ooc', 'oong',
  'ô', 'ôc', 'ôi', 'ôm', 'ôn', 'ông', 'ôp', 'ôt',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơp', 'ơt',
  // u uô ư ươ
  'u', 'ua', 'uc', 'ui', 'um', 'un', 'ung', 'up', 'ut',
  'uôc', 'uôi', 'uôm', 'uôn', 'uông', 'uôt',
  'ư', 'ưa', 'ưc', 'ưi', 'ưm', 'ưn', 'ưng', 'ưp', 'ưt', 'ưu',
  'ươc', 'ươi', 'ươm', 'ươn', 'ương', 'ươp', 'ươt', 'ươu',
  // medial o
  'oa', 'oac', 'oach', 'oai', 'oam', 'oan', 'oang', 'oanh', 'oao', 'oap', 'oat', 'oay',
  'oăc', 'oăm', 'oăn', 'oăng', 'oăt',
  'oe', 'oen', 'oeo', 'oet',
  // medial u
  'uân', 'uâng', 'uât', 'uây',
  'uê', 'uêch', 'uênh', 'uêt',
  'uy', 'uya', 'uych', 'uyn', 'uynh', 'uyp', 'uyt', 'uyu', 'uyên', 'uyêt',
  'uơ',
] as const;

/** After "qu" the medial u is already written: qu + a = "qua", qu + ân = "quân". */
const QU_RHYMES = new Set([
  'a', 'ac', 'ach', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'ap', 'at', 'au', 'ay',
  'ăc', 'ăm', 'ăn', 'ăng', 'ăp', 'ăt', 'âc', 'âm', 'ân', 'âng', 'âp', 'ât', 'âu', 'ây',
  'e', 'ec', 'em', 'en', 'eng', 'eo', 'ep', 'et', 'ê', 'êch', 'êm', 'ên', 'ênh', 'êp', 'êt', 'êu',
  'i', 'ich', 'im', 'in', 'inh', 'ip', 'it', 'y', 'ych', 'yn', 'ynh', 'yt', 'yu', 'yên', 'yêt',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơt', 'ôc', 'ôi', 'ôn', 'ông',
]);

const FRONT = /^[eêi]|^y(?!ê)/; // k, gh, ngh go before e, ê, i (and y)
const STOP_FINAL = /(c|ch|p|t)$/;

function onsetAllows(onset: string, rhyme: string): boolean {
  // The yê- spelling stands only with no onset ("yên") and after the medial u ("quyên", "chuyên").
  if (onset !== '' && onset !== 'qu' && rhyme.startsWith('yê')) return false;
  const front = FRONT.test(rhyme) || rhyme.startsWith('iê');
  switch (onset) {
    case 'g':
      // "gì", "gìn": the gi onset merged with an i nucleus is written with one i.
      return !front || (rhyme.startsWith('i') && !rhyme.startsWith('iê'));
    case 'c':
    case 'ng':
      return !front;
    case 'k':
      return front; // "kế", "kiến", "ký", "kỳ"
    case 'gh':
    case 'ngh':
      return front && !rhyme.startsWith('y');
    case 'qu':
      return QU_RHYMES.has(rhyme);
    case 'gi':
      // i-rhymes after gi are spelled with one i: g + i above.
      return !rhyme.startsWith('i') && !rhyme.startsWith('y');
    case '':
      return true;
    default:
      // Other consonants do not take the yê- spelling (that is "iê" after a consonant).
      return !rhyme.startsWith('yê');
  }
}

/** The syllables (toneless, lower-case) that Vietnamese spelling allows. */
export function tonelessSyllables(): string[] {
  const out: string[] = [];
  for (const o of ONSETS) {
    const rhymes = o === 'qu' ? [...QU_RHYMES] : RHYMES;
    for (const r of rhymes) if (onsetAllows(o, r)) out.push(o + r);
  }
  // gi + an iê- rhyme is written with one i ("giêng", "giếc"); most of these are also gi + an ê- rhyme
  // ("giết", "giền"), but "êng" and "êc" are no rhymes of their own.
  const seen = new Set(out);
  for (const r of RHYMES) {
    if (!r.startsWith('iê')) continue;
    const s = 'gi' + r.slice(1);
    if (!seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

/** The tones a rhyme can carry: stop finals (-c, -ch, -p, -t) take only sắc and nặng. */
export function tonesFor(toneless: string): Tone[] {
  return STOP_FINAL.test(toneless) ? [1, 5] : [0, 1, 2, 3, 4, 5];
}

/** Every syllable with its tone, placed in the given style ("hòa" for 'new', "hoà" for 'old'). */
export function allSyllables(style: ToneStyle = 'new'): string[] {
  const out: string[] = [];
  for (const s of tonelessSyllables()) for (const t of tonesFor(s)) out.push(applyTone(s, t, style));
  return out;
}

/**
 * Candidates by folded form: "quyet" → ["quyết", "quyệt"], "so" → ["so", "só", "sò", "sỏ", "sõ", "sọ",
 * "sô", "số", ..., "sơ", ...]. Lower-case, NFC, in the given tone style.
 */
export function buildCandidateIndex(style: ToneStyle = 'new'): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const s of allSyllables(style)) {
    const key = foldDiacritics(s);
    const list = index.get(key);
    if (list) list.push(s);
    else index.set(key, [s]);
  }
  return index;
}

let foldedCache: Set<string> | null = null;

/** Folded forms ("quyet", "nghi", "so") of every syllable in the inventory; built once. */
export function foldedSyllables(): ReadonlySet<string> {
  if (!foldedCache) foldedCache = new Set(tonelessSyllables().map((s) => foldDiacritics(s)));
  return foldedCache;
}

let plainCache: Set<string> | null = null;

/**
 * Folded forms that Vietnamese also writes with no diacritic at all ("cho",
 * "tham", "gia"). A folded form outside this set ("quyet", "viet", "cac")
 * cannot occur in clean text: seeing it means the diacritics were stripped.
 */
export function plainSyllables(): ReadonlySet<string> {
  if (!plainCache) plainCache = new Set(tonelessSyllables().filter((s) => foldDiacritics(s) === s && tonesFor(s).includes(0)));
  return plainCache;
}
