/**
 * Scoring tone restoration: strip a clean text, restore it, compare syllable
 * by syllable. Restoration keeps lengths, so the reference's token spans
 * index the output too. The two tone placements of one tone ("hòa"/"hoà")
 * count as equal; case must match.
 */
import { FLAG_DIACRITIC, KIND_WORD, tokenizeStream } from '../src/text/tokenize.js';
import { placeTone } from '../src/text/vietnamese.js';
import { foldedSyllables } from '../src/restore/syllables.js';

/** Words whose restoration references depend on: document types, date words, issuers. */
export const REFERENCE_PHRASES = [
  // document types
  'nghị quyết', 'quyết định', 'kế hoạch', 'chỉ thị', 'thông tư', 'thông tư liên tịch', 'nghị định', 'công văn',
  'chương trình', 'kết luận', 'quy định', 'hướng dẫn', 'thông báo', 'báo cáo', 'tờ trình', 'đề án', 'luật',
  'bộ luật', 'pháp lệnh', 'công điện', 'quy chế', 'văn bản hợp nhất', 'thông tri', 'phương án',
  // number and date words
  'số', 'ngày', 'tháng', 'năm', 'của',
  // issuers
  'bộ chính trị', 'ban bí thư', 'ban chấp hành trung ương', 'trung ương', 'chính phủ', 'thủ tướng', 'thủ tướng chính phủ',
  'ban thường vụ', 'tỉnh ủy', 'thành ủy', 'huyện ủy', 'đảng ủy', 'ủy ban nhân dân', 'hội đồng nhân dân', 'quốc hội',
  'ủy ban thường vụ quốc hội', 'chủ tịch nước', 'văn phòng chính phủ', 'bộ tài chính', 'bộ nội vụ', 'bộ công thương',
  'bộ khoa học và công nghệ', 'sở khoa học và công nghệ', 'sở tài chính', 'ủy ban', 'hội đồng', 'ban kinh tế trung ương',
];

export interface ToneScore {
  syllables: number;
  correct: number;
  refSyllables: number;
  refCorrect: number;
  /** Up to `maxErrors` wrong syllables with a little context: [expected, got, context]. */
  errors: [string, string, string][];
}

export function emptyScore(): ToneScore {
  return { syllables: 0, correct: 0, refSyllables: 0, refCorrect: 0, errors: [] };
}

const norm = (s: string) => placeTone(s, 'new');

/**
 * Adds the comparison of `restored` with the clean `reference` (same length)
 * to `score`. Counted: every word of the reference that is a Vietnamese
 * syllable (carries a Vietnamese diacritic or spells an inventory syllable).
 */
export function scoreRestoration(reference: string, restored: string, score: ToneScore, maxErrors = 200): void {
  if (reference.length !== restored.length) throw new Error('scoreRestoration: restored text changed length');
  const st = tokenizeStream(reference);
  const syl = foldedSyllables();
  const lowerRef = norm(reference.toLowerCase());
  const marked = markPhrases(lowerRef, st);
  for (let k = 0; k < st.length; k++) {
    if (st.kinds[k] !== KIND_WORD) continue;
    const s = st.starts[k];
    const e = st.ends[k];
    const isViet = (st.flags[k] & FLAG_DIACRITIC) !== 0 || syl.has(st.folded.slice(s, e).toLowerCase());
    if (!isViet) continue;
    const want = reference.slice(s, e);
    const got = restored.slice(s, e);
    const ok = norm(want) === norm(got);
    score.syllables++;
    if (ok) score.correct++;
    if (marked[k]) {
      score.refSyllables++;
      if (ok) score.refCorrect++;
    }
    if (!ok && score.errors.length < maxErrors) {
      score.errors.push([want, got, restored.slice(Math.max(0, s - 30), Math.min(restored.length, e + 30)).replace(/\s+/g, ' ')]);
    }
  }
}

/** Marks the word tokens inside an occurrence of a reference phrase (whole words, any case). */
function markPhrases(lowerRef: string, st: ReturnType<typeof tokenizeStream>): Uint8Array {
  const marked = new Uint8Array(st.length);
  // word tokens as a sequence of lower-case strings
  const wordIdx: number[] = [];
  const words: string[] = [];
  for (let k = 0; k < st.length; k++) {
    if (st.kinds[k] === KIND_WORD) {
      wordIdx.push(k);
      words.push(lowerRef.slice(st.starts[k], st.ends[k]));
    }
  }
  const phrases = REFERENCE_PHRASES.map((p) => norm(p).split(' '));
  for (let i = 0; i < words.length; i++) {
    for (const ph of phrases) {
      if (i + ph.length > words.length) continue;
      let ok = true;
      for (let j = 0; j < ph.length; j++) {
        if (words[i + j] !== ph[j]) {
          ok = false;
          break;
        }
      }
      if (ok) for (let j = 0; j < ph.length; j++) marked[wordIdx[i + j]] = 1;
    }
  }
  return marked;
}

export function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : ((100 * a) / b).toFixed(2) + '%';
}
