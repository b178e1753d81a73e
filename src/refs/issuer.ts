/**
 * The issuing body a text names for a reference:
 * - "của X" after the reference (and its date): "Nghị quyết số 57-NQ/TW ngày
 *   22/12/2024 của Bộ Chính trị về ...";
 * - "X (đã) ban hành <reference>": "HĐND tỉnh ban hành Nghị quyết 18/2024/NQ-HĐND";
 * - "(đề nghị) của X tại <reference>": "Theo đề nghị của Sở Tài chính tại
 *   Công văn số 4119/STC-QLN".
 *
 * A name is read word by word: it opens with a capitalized word or a code
 * (UBND), goes on over capitalized words and the lower-case syllables that
 * end their words ("Bộ Chính trị", "Ban Chấp hành"), codes, locality words
 * with their place ("tỉnh Quảng Ngãi"), "và" between two names, a term
 * qualifier ("khóa XX"); it ends at punctuation, at a topic or verb phrase
 * ("về", "thực hiện", "phê duyệt"...) or at a document type name. The result
 * is written as in the text, line breaks as one space, NFC, new tone style.
 */
import { BoundedMemo } from '../memo.js';
import { placeTone } from '../text/vietnamese.js';
import { foldLower } from './chars.js';
import { COMPLETE_NAMES, ISSUER_STOP_WORDS, ISSUER_VERBS_BEFORE_TAI, JOINT_PREFIXES, LOCALITY_WORDS, NAME_WORDS, ORG_HEADS, TERM_WORD, TOPIC_OPENERS } from './data/issuers.js';
import { typeNameAt, typeNameEndingAt } from './doctype.js';
import type { DocTypeName } from './data/doc-types.js';
import { NUM, PUNCT, WORD, tokenAfter, tokenBefore, tokensAfter, type Tok } from './tokens.js';

function foldPhrase(s: string): string[] {
  const out: string[] = [];
  for (const w of s.split(' ')) {
    let f = '';
    for (let i = 0; i < w.length; i++) f += String.fromCharCode(foldLower(w.charCodeAt(i)));
    out.push(f);
  }
  return out;
}

/** Phrases indexed by their first folded word, longest first. */
function indexPhrases(list: readonly string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of list) {
    const words = foldPhrase(p);
    const l = map.get(words[0]);
    if (l) l.push(words);
    else map.set(words[0], [words]);
  }
  for (const l of map.values()) l.sort((a, b) => b.length - a.length);
  return map;
}

/** Stop phrases by their first folded word, longest first, with their spelling. */
const STOPS = new Map<string, { folded: string[]; spelled: string[] }[]>();
for (const p of ISSUER_STOP_WORDS) {
  const folded = foldPhrase(p);
  const entry = { folded, spelled: p.normalize('NFC').toLowerCase().split(' ') };
  const l = STOPS.get(folded[0]);
  if (l) l.push(entry);
  else STOPS.set(folded[0], [entry]);
}
for (const l of STOPS.values()) l.sort((a, b) => b.folded.length - a.folded.length);
const LOCALITIES = indexPhrases(LOCALITY_WORDS);
const HEADS = indexPhrases(ORG_HEADS.map((h) => h.words));
const TERM = foldPhrase(TERM_WORD)[0];
/** Verb phrases of "X VERB tại <ref>", by their last folded word, longest first. */
const VERBS_BY_LAST = new Map<string, string[][]>();
for (const v of ISSUER_VERBS_BEFORE_TAI) {
  const words = foldPhrase(v.words);
  const last = words[words.length - 1];
  (VERBS_BY_LAST.get(last) ?? VERBS_BY_LAST.set(last, []).get(last)!).push(words);
}
for (const l of VERBS_BY_LAST.values()) l.sort((a, b) => b.length - a.length);
const JOINT = indexPhrases(JOINT_PREFIXES);
/** Words of names of several syllables ("Ngoại giao", "Giao thông", "Viện kiểm sát nhân dân"): read whole inside a name. */
const NAME_PHRASES = indexPhrases(NAME_WORDS.filter((w) => w.includes(' ')));
const COMPLETE: string[][] = COMPLETE_NAMES.map(foldPhrase);
/** After a complete name, only these may follow ("Chính phủ Việt Nam"). */
const AFTER_COMPLETE = new Set(['viet']);
const CUA = 'cua';
const VA = 'va';
/** Lower-case syllables that may follow a capitalized one inside a name ("Ủy ban nhân dân" has three). */
const MAX_TAIL_SYLLABLES = 4;
/** Words an issuer name may have at most (read back before "ban hành", "tại"). */
const MAX_NAME_WORDS = 14;
/** Tokens a name read forwards may have at most: joint bodies joined by "-" ("Bộ Y tế - Bộ Công Thương - ..."). */
const MAX_JOINT_TOKENS = 40;
/** Token reads after "của": a short one, then the long one for a joint name. */
const READS = [MAX_NAME_WORDS + 4, MAX_JOINT_TOKENS + 4];

/** Length (in tokens) of the longest phrase of `index` at `toks[at]`, or 0. */
function phraseAt(index: Map<string, string[][]>, toks: readonly Tok[], at: number): number {
  const t = toks[at];
  if (!t || t.kind !== WORD) return 0;
  const cands = index.get(t.key);
  if (!cands) return 0;
  outer: for (const words of cands) {
    if (at + words.length > toks.length) continue;
    for (let k = 1; k < words.length; k++) {
      const u = toks[at + k];
      if (u.kind !== WORD || u.key !== words[k]) continue outer;
    }
    return words.length;
  }
  return 0;
}

/** A code word: all capitals, two letters or more (UBND, HĐND, KH). */
function isCode(t: Tok): boolean {
  return t.kind === WORD && t.upper && t.end - t.start >= 2;
}

/** An all-capital word with Vietnamese diacritics (other than Đ): a heading's word, not an abbreviation. */
function isCapitalWord(text: string, t: Tok): boolean {
  if (!t.upper) return false;
  for (let i = t.start; i < t.end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xc0 && c !== 0x110 && c !== 0xd0) return true;
  }
  return false;
}

/** Written as a name: capitalized, not all capitals (unless the text around is all capitals). */
function isTitle(t: Tok): boolean {
  return t.kind === WORD && t.cap;
}

/** Roman numerals of a term ("XV", "Xiii", "XX"). */
function isRoman(t: Tok): boolean {
  return t.kind === WORD && /^[ivxlc]+$/.test(t.key);
}

/**
 * Whether the word `t` is `word` (lower-case, NFC): a word written with
 * diacritics must have its spelling ("giáo" in "Tuyên giáo" is not the stop
 * word "giao", "sáu" in "lần thứ sáu" is not "sau"); a word written without
 * any (folded text) matches by its folded key.
 */
function spelledAs(text: string, t: Tok, word: string): boolean {
  // Plain ASCII letters: folded text, matched by its key.
  let ascii = true;
  for (let i = t.start; i < t.end && ascii; i++) if (text.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii) return true;
  const lower = text.slice(t.start, t.end).normalize('NFC').toLowerCase();
  return lower === t.key || lower === word;
}

/** A stop phrase applies to words not written as names: lower case, or all capitals. */
function stopsAt(text: string, toks: readonly Tok[], at: number): boolean {
  const t = toks[at];
  if (t.kind !== WORD || (t.cap && !t.upper)) return false;
  const cands = STOPS.get(t.key);
  if (!cands) return false;
  outer: for (const c of cands) {
    if (at + c.folded.length > toks.length) continue;
    for (let k = 0; k < c.folded.length; k++) {
      const u = toks[at + k];
      if (u.kind !== WORD || u.key !== c.folded[k]) continue outer;
    }
    for (let k = 0; k < c.folded.length; k++) if (!spelledAs(text, toks[at + k], c.spelled[k])) continue outer;
    return true;
  }
  return false;
}

/** Whether the head word of a body ends right before index `n` ("Sở", "Bộ", "Đoàn" before "Kế hoạch", "Luật sư"). */
function headEndsAt(toks: readonly Tok[], n: number): boolean {
  for (let k = Math.max(0, n - 3); k < n; k++) if (isTitle(toks[k]) && phraseAt(HEADS, toks, k) === n - k) return true;
  return false;
}

/** Topic openers by their first folded word, longest first, with their spelling (lower-cased, NFC). */
const OPENERS = new Map<string, { folded: string[]; spelled: string[] }[]>();
for (const o of TOPIC_OPENERS) {
  const folded = foldPhrase(o.words);
  const entry = { folded, spelled: o.words.normalize('NFC').toLowerCase().split(' ') };
  const l = OPENERS.get(folded[0]);
  if (l) l.push(entry);
  else OPENERS.set(folded[0], [entry]);
}
for (const l of OPENERS.values()) l.sort((a, b) => b.folded.length - a.folded.length);

/** A capitalized topic opener at `at` ("Ban hành", "Thành lập", "Về việc"), spelled exactly (diacritics required). */
function opensTopic(text: string, toks: readonly Tok[], at: number): boolean {
  const t = toks[at];
  if (!t || t.kind !== WORD || !t.cap) return false;
  const cands = OPENERS.get(t.key);
  if (!cands) return false;
  outer: for (const c of cands) {
    if (at + c.folded.length > toks.length) continue;
    for (let k = 0; k < c.folded.length; k++) {
      const u = toks[at + k];
      if (u.kind !== WORD || u.key !== c.folded[k] || (k > 0 && u.cap && !u.upper)) continue outer;
      if (text.slice(u.start, u.end).normalize('NFC').toLowerCase() !== c.spelled[k]) continue outer;
    }
    return true;
  }
  return false;
}

export interface IssuerMatch {
  start: number;
  end: number;
  /** As in the text: line breaks as one space, NFC, new tone style. */
  name: string;
}

/** Normalizes an issuer as written: whitespace runs to one space, NFC, new tone style ("Tỉnh uỷ" → "Tỉnh ủy"). */
export function issuerText(raw: string): string {
  return ISSUER_MEMO.get(raw, issuerTextUncached);
}

const ISSUER_MEMO = new BoundedMemo<string>(4096);

function issuerTextUncached(raw: string): string {
  const nfc = raw.replace(/\s+/g, ' ').trim().normalize('NFC');
  // Only an open oa/oe/uy with the mark on its second vowel is written differently in the old style.
  if (!OLD_STYLE.test(nfc)) return nfc;
  return nfc.replace(/\p{L}+/gu, (w) => placeTone(w, 'new'));
}

const OLD_STYLE = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]/u;

/**
 * Reads the name of a body starting at the token `toks[0]`; returns the
 * number of tokens it spans (0 when the tokens do not open a name).
 * `toks` is in text order, read from the name's first word.
 */
export function nameLength(text: string, toks: readonly Tok[], requireHead: boolean): number {
  const t0 = toks[0];
  if (!t0 || t0.kind !== WORD) return 0;
  if (!isTitle(t0)) return 0;
  if (stopsAt(text, toks, 0)) return 0;
  if (typeNameAt(toks, 0)) return 0;
  if (requireHead && !isCode(t0) && phraseAt(HEADS, toks, 0) === 0) return 0;
  let n = nameWordAt(toks, 0);
  /**
   * 'cap' after a capitalized word, 'tail' after its lower-case syllables, 'code', 'loc' after a locality
   * word, 'place' after the place it names ("tỉnh Bình Phước": no lower-case syllable follows a place).
   */
  let state = (isCode(t0) ? 'code' : 'cap') as 'cap' | 'tail' | 'code' | 'loc' | 'place';
  let tails = 0;
  /** The name so far has a word in ordinary case ("Bộ", "trưởng"), so it is not all-capital text. */
  let mixedCase = !t0.upper;
  /** Where the current part of a joint name starts (after its last "-"); each part has at most MAX_NAME_WORDS. */
  let partStart = 0;
  while (n < toks.length && n < MAX_JOINT_TOKENS && n - partStart < MAX_NAME_WORDS) {
    const t = toks[n];
    if (t.kind === PUNCT) {
      // "KH&CN": an ampersand inside a code.
      if (t.key === '&' && t.newlines === 0 && n + 1 < toks.length && toks[n + 1].kind === WORD && toks[n + 1].newlines === 0 && toks[n + 1].start === t.end) {
        n += 2;
        state = 'code';
        continue;
      }
      // "tỉnh BR-VT": a hyphen inside a code.
      if (t.key === '-' && state === 'code' && toks[n - 1].end === t.start && n + 1 < toks.length && isCode(toks[n + 1]) && toks[n + 1].start === t.end) {
        n += 2;
        continue;
      }
      // "Bộ Lao động - Thương binh và Xã hội", "tỉnh Bà Rịa - Vũng Tàu": a hyphen between the parts of a name.
      if (t.key === '-' && state !== 'code' && state !== 'loc' && t.newlines === 0 && n + 1 < toks.length) {
        const next = toks[n + 1];
        if (next.newlines === 0 && isTitle(next) && !stopsAt(text, toks, n + 1) && !typeNameAt(toks, n + 1)) {
          n += 1;
          partStart = n;
          continue;
        }
      }
      break;
    }
    if (t.kind !== WORD) break;
    if (t.key === TERM && n + 1 < toks.length && (isRoman(toks[n + 1]) || toks[n + 1].kind !== WORD && /^\d+$/.test(toks[n + 1].key))) {
      n += 2;
      state = 'code';
      continue;
    }
    if (t.key === VA && !t.cap) {
      // "Khoa học và Công nghệ", "Tỉnh ủy và UBND tỉnh": a name on both sides.
      const next = toks[n + 1];
      if (next && isTitle(next) && !stopsAt(text, toks, n + 1) && !typeNameAt(toks, n + 1)) {
        n += 1;
        continue;
      }
      break;
    }
    if (t.key === CUA && !t.cap) {
      // "Ban Chỉ đạo của UBND tỉnh": a body inside another.
      if (n + 1 < toks.length && (isCode(toks[n + 1]) || phraseAt(HEADS, toks, n + 1) > 0) && isTitle(toks[n + 1])) {
        n += 1;
        continue;
      }
      break;
    }
    if (stopsAt(text, toks, n)) break;
    if (isTitle(t)) {
      const afterLocality: boolean = state === 'loc' || state === 'place';
      // A type name ends the name ("của Bộ Tài chính Quy định về ..."), unless it follows a body's head word
      // as the body's field ("Sở Kế hoạch và Đầu tư", "Đoàn Luật sư").
      if (typeNameAt(toks, n) && !headEndsAt(toks, n)) break;
      // A capitalized topic opener ("... tỉnh Bình Phước Thành lập Trung tâm ...", "... Quảng Bình Ban hành ...").
      if (opensTopic(text, toks, n)) break;
      // A heading in capitals after a name in ordinary case ("Bộ trưởng Bộ LĐTBXH QUỸ ĐỀN ƠN ...").
      if (mixedCase && isCapitalWord(text, t)) break;
      if (!AFTER_COMPLETE.has(t.key) && endsComplete(toks, n)) break;
      state = isCode(t) ? 'code' : afterLocality ? 'place' : 'cap';
      if (!t.upper) mixedCase = true;
      tails = 0;
      // A known word of several syllables is read whole, so its lower-case syllables are no stop words
      // ("Bộ Ngoại giao", "Cục Đăng kiểm"), nor count as tails ("Viện kiểm sát nhân dân tối cao").
      n += nameWordAt(toks, n);
      continue;
    }
    const loc = phraseAt(LOCALITIES, toks, n);
    if (loc > 0 && state !== 'loc') {
      // The place must follow: "tỉnh Quảng Ngãi"; "UBND tỉnh" alone is a name too.
      n += loc;
      state = 'loc';
      continue;
    }
    // Nothing but a term or "Việt Nam" extends a complete name ("của Chính phủ nhưng chưa ...").
    if (endsComplete(toks, n)) break;
    if ((state === 'cap' || state === 'tail') && tails < MAX_TAIL_SYLLABLES) {
      mixedCase = true;
      tails++;
      state = 'tail';
      n++;
      continue;
    }
    break;
  }
  // Cut off at the bound: back to the last whole part ("Bộ Y tế - Bộ Công Thương - Bộ trưởng ..." stops at a "-").
  if (n >= MAX_JOINT_TOKENS || (n - partStart >= MAX_NAME_WORDS && partStart > 0)) {
    let k = n - 1;
    while (k > 0 && !(toks[k].kind === PUNCT && toks[k].key === '-')) k--;
    if (k > 0) n = k;
  }
  // "... và Quy" before "trình": a lone capitalized syllable after "và", cut from the word a stop word ends, is not
  // a second body ("Cục Đo đạc và Bản đồ Nhà nước và Quy trình ...").
  if (n >= 3 && n < toks.length && toks[n - 2].kind === WORD && toks[n - 2].key === VA && !toks[n - 2].cap && isTitle(toks[n - 1]) && !isCode(toks[n - 1])) {
    const next = toks[n];
    if (next.kind === WORD && !next.cap && next.start - toks[n - 1].end === 1 && stopsAt(text, toks, n)) n -= 2;
  }
  // A name does not end on a joining word or a hyphen.
  while (n > 1 && ((toks[n - 1].key === VA || toks[n - 1].key === CUA) && !toks[n - 1].cap || (toks[n - 1].kind === PUNCT && toks[n - 1].key === '-'))) n--;
  // One word names a body only as a code ("UBND") or a head word ("Sở"); "B" read off OCR debris does not.
  if (n === 1 && !isCode(t0) && phraseAt(HEADS, toks, 0) === 0) return 0;
  return n;
}

/**
 * Tokens of the name word at `at`: a known word of several syllables is read whole, so its lower-case
 * syllables are no stop words ("Bộ Ngoại giao", "Cục Đăng kiểm") nor count as tails ("Viện kiểm sát nhân
 * dân tối cao"); else 1.
 */
function nameWordAt(toks: readonly Tok[], at: number): number {
  const whole = phraseAt(NAME_PHRASES, toks, at);
  if (whole < 2) return 1;
  for (let k = at + 1; k < at + whole; k++) if (toks[k].cap || toks[k].newlines > 1) return 1;
  return whole;
}

/** Whether the words just before index `n` end a complete body name ("... Chính phủ"). */
function endsComplete(toks: readonly Tok[], n: number): boolean {
  outer: for (const words of COMPLETE) {
    if (n < words.length) continue;
    for (let k = 0; k < words.length; k++) {
      const t = toks[n - words.length + k];
      if (t.kind !== WORD || t.key !== words[k]) continue outer;
    }
    return true;
  }
  return false;
}

function matchFromTokens(text: string, toks: readonly Tok[], n: number): IssuerMatch {
  const start = toks[0].start;
  const end = toks[n - 1].end;
  return { start, end, name: issuerText(text.slice(start, end)) };
}

/**
 * Reads "của X" at `pos` (spaces, an optional comma, then "của"), or "do X
 * (đã) ban hành": the issuer X, or null. `stop` bounds the reading.
 */
export function issuerAfter(text: string, pos: number, stop = text.length): IssuerMatch | null {
  let t = tokenAfter(text, pos, stop);
  if (t && t.kind === PUNCT && t.key === ',') t = tokenAfter(text, t.end, stop);
  if (!t || t.kind !== WORD || (t.cap && !t.upper)) return null;
  if (t.key === CUA) {
    // Most names fit in a short read; a joint name joined by "-" may need the long one.
    for (const max of READS) {
      const toks = tokensAfter(text, t.end, max, stop);
      // "của liên Bộ ...", "của liên tịch Bộ Y tế - Bộ Tài chính": a joint issuer.
      const j = toks.length > 0 && !toks[0].cap ? phraseAt(JOINT, toks, 0) : 0;
      const n = nameLength(text, j > 0 ? toks.slice(j) : toks, false);
      if (n + j + 2 >= toks.length && toks.length === max && max < MAX_JOINT_TOKENS) continue;
      return n > 0 ? matchFromTokens(text, toks, n + j) : null;
    }
  }
  if (t.key === 'do') return issuerAfterDo(text, t.end, stop);
  return null;
}

/**
 * "do X (đã) ban hành" with "do" ending at `pos`: X, or null. X opens with a
 * body's head word, or is a place ("do tỉnh Đồng Nai ban hành").
 */
function issuerAfterDo(text: string, pos: number, stop: number): IssuerMatch | null {
  // "Nghị định 136/2025/NĐ-CP do Văn phòng Chính phủ ban hành".
  const toks = tokensAfter(text, pos, MAX_NAME_WORDS + 4, stop);
  let n = nameLength(text, toks, true);
  if (n === 0) {
    // A place: a locality word and its capitalized name.
    const loc = phraseAt(LOCALITIES, toks, 0);
    if (loc > 0 && !toks[0].cap) {
      let k = loc;
      while (k < toks.length && k - loc < 6 && isTitle(toks[k]) && !opensTopic(text, toks, k)) k++;
      if (k > loc) n = k;
    }
  }
  if (n === 0) return null;
  let k = n;
  if (toks[k] && toks[k].kind === WORD && toks[k].key === 'da') k++;
  if (toks[k] && toks[k + 1] && toks[k].key === 'ban' && !toks[k].cap && toks[k + 1].key === 'hanh') return matchFromTokens(text, toks, n);
  return null;
}

/**
 * The bodies of a joint document listed after its first issuer `m` (", Bộ
 * Công an, Bộ Quốc phòng", "và Bộ Tài chính"): `m` extended over them, each
 * opening with a head word.
 */
export function jointIssuerAfter(text: string, m: IssuerMatch, stop = text.length): IssuerMatch {
  let end = m.end;
  for (let parts = 0; parts < 8; parts++) {
    const sep = tokenAfter(text, end, stop);
    if (!sep || !((sep.kind === PUNCT && sep.key === ',') || (sep.kind === WORD && sep.key === VA && !sep.cap))) break;
    const toks = tokensAfter(text, sep.end, MAX_NAME_WORDS + 2, stop);
    const n = nameLength(text, toks, true);
    if (n === 0) break;
    end = toks[n - 1].end;
  }
  return end === m.end ? m : { start: m.start, end, name: issuerText(text.slice(m.start, end)) };
}

/**
 * A "do X (đã) ban hành" closing the title that the reference ending at
 * `from` heads ("Quyết định 2811/QĐ-UBND năm 2025 công bố Danh mục ... do
 * tỉnh Đồng Nai ban hành"; "Thông tư 22/2020/TT-NHNN sửa đổi Thông tư
 * 19/2016/TT-NHNN ... do Ngân hàng Nhà nước Việt Nam ban hành"), read up to
 * `to` within its sentence: X, or null. The caller checks that the reference
 * opens the title (the documents its topic names are not X's).
 */
export function issuerClosingTitle(text: string, from: number, to: number): IssuerMatch | null {
  let p = from;
  for (let i = 0; i < TITLE_REACH; i++) {
    const t = tokenAfter(text, p, to);
    if (!t) return null;
    p = t.end;
    if (t.kind === PUNCT && (t.key === ';' || (t.key === '.' && (t.end >= text.length || /\s/.test(text.charAt(t.end)))))) return null;
    if (t.kind !== WORD) continue;
    if (t.key === 'do' && !t.cap) {
      const m = issuerAfterDo(text, t.end, to);
      // The title ends there: "ban hành" is followed by the end of the line, punctuation or a capital (the next title).
      if (m) {
        let h = tokenAfter(text, m.end, to);
        if (h && h.key === 'da') h = tokenAfter(text, h.end, to);
        const after = h ? tokenAfter(text, h.end, to) : null;
        const end = after ? tokenAfter(text, after.end, to) : null;
        if (!end || end.newlines > 0 || end.kind === PUNCT || end.cap) return m;
      }
    }
  }
  return null;
}

/** Tokens a title is read over for its closing "do X ban hành". */
const TITLE_REACH = 120;

/**
 * Whether a reference starting at `start` opens a title: at the start of the
 * text or of its paragraph (after a list marker), or right after the "ban hành" closing the
 * title before it ("... do Cục Hải quan ban hành Công văn 39712/CHQ-GSQL ngày
 * 03/12/2025 ...").
 */
export function opensTitleAt(text: string, start: number, paragraphs: boolean): boolean {
  const t = tokenBefore(text, start);
  // A list marker: "2", "-", "a)".
  if (t && t.newlines === 0 && (t.kind === NUM || (t.kind === PUNCT && (t.key === '-' || t.key === '+' || t.key === ')')))) {
    const u = tokenBefore(text, t.start);
    if (!u || (paragraphs && u.newlines > 0)) return true;
  }
  // The text's start, or a line's when lines are paragraphs (not lines wrapped inside a sentence).
  if (!t || (paragraphs && t.newlines > 0)) return true;
  if (t.kind === WORD && t.key === 'hanh' && !t.cap) {
    const u = tokenBefore(text, t.start);
    return u !== null && u.kind === WORD && u.key === 'ban' && !u.cap;
  }
  return false;
}

/**
 * Reads "X (đã) ban hành" or "của X tại" ending right before `pos` (the
 * reference's start): the issuer X, or null. The name must open with a
 * body's head word (Ban, Bộ, Sở, UBND...), so "Tham mưu UBND tỉnh ban hành"
 * gives "UBND tỉnh".
 */
export function issuerBefore(text: string, pos: number, limit = 0): IssuerMatch | null {
  let t1 = tokenBefore(text, pos, limit);
  // "UBND tỉnh đã ban hành: Kế hoạch số ...; Quyết định số ...": a colon opening the list.
  if (t1 && t1.kind === PUNCT && t1.key === ':') {
    const u = tokenBefore(text, t1.start, limit);
    if (u && u.kind === WORD && u.key === 'hanh' && !u.cap) t1 = u;
  }
  if (!t1 || t1.kind !== WORD) return null;
  let nameEnd: number;
  let viaCua = false;
  if (t1.key === 'hanh') {
    const t2 = tokenBefore(text, t1.start, limit);
    if (!t2 || t2.kind !== WORD || t2.key !== 'ban' || t2.cap) return null;
    nameEnd = t2.start;
    const t3 = tokenBefore(text, t2.start, limit);
    if (t3 && t3.kind === WORD && (t3.key === 'da' || t3.key === 'vua' || t3.key === 'moi') && !t3.cap) nameEnd = t3.start;
  } else if ((t1.key === 'tai' && !t1.cap) || isDeterminerBeforeTai(text, t1, limit)) {
    // "tại <ref>", "tại các <ref>".
    const tai = t1.key === 'tai' ? t1 : tokenBefore(text, t1.start, limit)!;
    nameEnd = tai.start;
    viaCua = true;
    // "X (đã) (có) VERB tại <ref>": X wrote it ("Tổng cục Hải quan đề cập tại công văn số ...").
    const verbStart = verbBefore(text, tai.start, limit);
    if (verbStart >= 0) {
      nameEnd = verbStart;
      viaCua = false;
      for (let k = 0; k < 2; k++) {
        const t = tokenBefore(text, nameEnd, limit);
        if (t && t.kind === WORD && !t.cap && (t.key === 'da' || t.key === 'cung')) nameEnd = t.start;
      }
    }
  } else {
    return null;
  }
  // Read back up to MAX_NAME_WORDS tokens (no punctuation but "&"), then try each head from the farthest.
  const back: Tok[] = [];
  let p = nameEnd;
  while (back.length < MAX_NAME_WORDS) {
    const t = tokenBefore(text, p, limit);
    if (!t) break;
    if (t.kind === PUNCT && t.key !== '&') {
      back.push(t);
      break;
    }
    back.push(t);
    p = t.start;
  }
  back.reverse();
  for (let s = 0; s < back.length; s++) {
    if (back[s].kind !== WORD) continue;
    let requireHead = !viaCua;
    if (viaCua) {
      // "của X tại": X starts right after "của"; "của A tại <ref> và Y tại <ref>": Y after "và", with a head word.
      if (s === 0 || back[s - 1].kind !== WORD || back[s - 1].cap) continue;
      if (back[s - 1].key === VA) requireHead = true;
      else if (back[s - 1].key !== CUA) continue;
    }
    const toks = back.slice(s);
    const n = nameLength(text, toks, requireHead);
    if (n === toks.length) return matchFromTokens(text, toks, n);
  }
  return null;
}

/** "các", "những" right after "tại" ("tại các văn bản số: ..."). */
function isDeterminerBeforeTai(text: string, t: Tok, limit: number): boolean {
  if (t.cap || (t.key !== 'cac' && t.key !== 'nhung')) return false;
  const u = tokenBefore(text, t.start, limit);
  return u !== null && u.kind === WORD && u.key === 'tai' && !u.cap;
}

/** Start of a verb phrase of ISSUER_VERBS_BEFORE_TAI ending at `pos` (lower case), or -1. */
function verbBefore(text: string, pos: number, limit: number): number {
  const t = tokenBefore(text, pos, limit);
  if (!t || t.kind !== WORD || t.cap) return -1;
  for (const words of VERBS_BY_LAST.get(t.key) ?? []) {
    let p = pos;
    let ok = true;
    for (let k = words.length - 1; k >= 0 && ok; k--) {
      const u = tokenBefore(text, p, limit);
      if (!u || u.kind !== WORD || u.cap || u.key !== words[k]) ok = false;
      else p = u.start;
    }
    if (ok) return p;
  }
  return -1;
}

/**
 * "Nghị định của Chính phủ số 132/2008/NĐ-CP": a type name, "của X", then
 * "số" at `soStart`. Returns the type, where it starts, and the issuer X.
 */
export function typeAndIssuerBefore(
  text: string,
  soStart: number,
  limit = 0,
): { entry: DocTypeName; start: number; issuer: IssuerMatch } | null {
  const back: Tok[] = [];
  let p = soStart;
  while (back.length < MAX_NAME_WORDS) {
    const t = tokenBefore(text, p, limit);
    if (!t || t.kind !== WORD) break;
    if (t.key === CUA && !t.cap && back.length > 0) {
      const named = typeNameEndingAt(text, t.start, limit);
      if (!named || named.abbr) return null;
      const toks = back.slice().reverse();
      const n = nameLength(text, toks, false);
      if (n !== toks.length) return null;
      return { entry: named.entry, start: named.start, issuer: matchFromTokens(text, toks, n) };
    }
    back.push(t);
    p = t.start;
  }
  return null;
}
