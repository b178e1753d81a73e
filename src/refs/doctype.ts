/**
 * What stands before a number: the document type the text names and "số".
 *
 * ```
 * BEFORE := (TYPE_NAME (MODIFIER | TITLE)?)? ("số" ":"?)*  NUMBER
 * ```
 *
 * "Nghị quyết số 52-NQ/TW", "Kế hoạch hành động số 359-KH/TU", "Quyết định
 * số: 862/QĐ-UBND", "Kế hoạch số số 336-KH/TU", "Nghị quyết 193/2025/QH15",
 * "NĐ 88/2025/NĐ-CP", "Luật Quản lý thuế số 38/2019/QH14", a list item "và số
 * 71/NQ-CP" (no type), "17Kế hoạch số 21/KH-UBND" (a footnote number glued
 * in front). Words are compared folded and lower-cased, so the same rules
 * read "NGHỊ QUYẾT SỐ", "Nghị Quyết" and "Nghi quyet so".
 */
import { foldLower } from './chars.js';
import { DOC_TYPE_ABBREVIATIONS, DOC_TYPE_NAMES, NOT_DOCUMENT_NOUNS, TYPE_MODIFIERS, type DocTypeName } from './data/doc-types.js';
import { NUM, PUNCT, WORD, tokenBefore, type Tok } from './tokens.js';

function fold(s: string): string {
  let f = '';
  for (let i = 0; i < s.length; i++) f += String.fromCharCode(foldLower(s.charCodeAt(i)));
  return f;
}

interface NameForm {
  words: string[];
  entry: DocTypeName;
}

/** Forms indexed by their last word (for reading backwards) and by their first (forwards); longest first. */
const BY_LAST = new Map<string, NameForm[]>();
const BY_FIRST = new Map<string, NameForm[]>();
for (const entry of DOC_TYPE_NAMES) {
  for (const form of entry.forms) {
    const words = fold(form).split(' ');
    const f: NameForm = { words, entry };
    const last = words[words.length - 1];
    (BY_LAST.get(last) ?? BY_LAST.set(last, []).get(last)!).push(f);
    (BY_FIRST.get(words[0]) ?? BY_FIRST.set(words[0], []).get(words[0])!).push(f);
  }
}
for (const l of BY_LAST.values()) l.sort((a, b) => b.words.length - a.words.length);
for (const l of BY_FIRST.values()) l.sort((a, b) => b.words.length - a.words.length);

const BY_NAME = new Map<string, DocTypeName>(DOC_TYPE_NAMES.map((e) => [e.name, e]));
const ABBREVIATIONS = new Map<string, DocTypeName>();
for (const a of DOC_TYPE_ABBREVIATIONS) ABBREVIATIONS.set(a.abbr, BY_NAME.get(a.name)!);


/** The type entry for a canonical name ("Kế hoạch"). */
export function docTypeByName(name: string): DocTypeName | undefined {
  return BY_NAME.get(name);
}

/** The type name that starts at `toks[at]` (tokens in text order), or null. */
export function typeNameAt(toks: readonly Tok[], at: number): DocTypeName | null {
  const t = toks[at];
  if (!t || t.kind !== WORD) return null;
  const forms = BY_FIRST.get(t.key);
  if (!forms) return null;
  outer: for (const f of forms) {
    if (at + f.words.length > toks.length) continue;
    for (let k = 1; k < f.words.length; k++) {
      const u = toks[at + k];
      if (u.kind !== WORD || u.key !== f.words[k]) continue outer;
    }
    return f.entry;
  }
  return null;
}

/** Reads back the words of `phrase` ending at `pos`: the start of its first word, or -1. */
function phraseEndingAt(text: string, pos: number, phrase: readonly string[], limit: number): number {
  let p = pos;
  for (let k = phrase.length - 1; k >= 0; k--) {
    const t = tokenBefore(text, p, limit);
    if (!t || t.kind !== WORD || t.key !== phrase[k]) return -1;
    p = t.start;
  }
  return p;
}

/** A type name whose last word is the token `t` (read backwards from it): its entry and start, or null. Upper-case abbreviations too. */
function typeNameEndingWith(text: string, t: Tok, limit: number): { entry: DocTypeName; start: number; abbr: boolean } | null {
  if (t.kind !== WORD) return null;
  const forms = BY_LAST.get(t.key);
  if (forms) {
    for (const f of forms) {
      const s = f.words.length === 1 ? t.start : phraseEndingAt(text, t.start, f.words.slice(0, -1), limit);
      if (s >= 0) return { entry: f.entry, start: s, abbr: false };
    }
  }
  // "NĐ", "QĐ", "CTr": written in capitals (official case).
  if (t.cap && t.end - t.start <= 4) {
    const e = ABBREVIATIONS.get(text.slice(t.start, t.end).replace(/\u00d0/g, 'Đ'));
    if (e) return { entry: e, start: t.start, abbr: true };
  }
  return null;
}

/** Type-name forms of two words or more, by their number of words. */
const MULTI_WORD_FORMS: NameForm[] = [...BY_LAST.values()].flat().filter((f) => f.words.length >= 2);

/** Whether two folded words of the same length (3 letters or more) differ in exactly one letter, not the first. */
function oneLetterOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  let diff = 0;
  for (let i = 1; i < a.length && diff <= 1; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
  return diff === 1;
}

/**
 * A type name of two words or more ending with `t` whose words all match but
 * one, which differs in one letter (not its first): what a scan leaves of
 * "Công văn" ("Cong vin"), "Kế hoạch" ("Ke hoach" misread). Only a hint: the
 * caller takes it when the symbol's type code agrees.
 */
function nearTypeNameEndingWith(text: string, t: Tok, limit: number): { entry: DocTypeName; start: number } | null {
  if (t.kind !== WORD) return null;
  const words: Tok[] = [t];
  for (let k = 1; k < 4; k++) {
    const u = tokenBefore(text, words[0].start, limit);
    if (!u || u.kind !== WORD || u.newlines > 1) break;
    words.unshift(u);
  }
  for (const f of MULTI_WORD_FORMS) {
    const n = f.words.length;
    if (n > words.length) continue;
    let off = 0;
    for (let k = 0; k < n && off <= 1; k++) {
      const key = words[words.length - n + k].key;
      if (key === f.words[k]) continue;
      if (oneLetterOff(key, f.words[k])) off++;
      else off = 2;
    }
    if (off === 1) return { entry: f.entry, start: words[words.length - n].start };
  }
  return null;
}

/** A type name ending at `pos`: its entry and start, or null. */
export function typeNameEndingAt(text: string, pos: number, limit: number): { entry: DocTypeName; start: number; abbr: boolean } | null {
  const t = tokenBefore(text, pos, limit);
  return t ? typeNameEndingWith(text, t, limit) : null;
}

/** Phrases (folded words) indexed by their last word. */
function byLastWord(list: readonly string[]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const p of list) {
    const words = fold(p).split(' ');
    const last = words[words.length - 1];
    (m.get(last) ?? m.set(last, []).get(last)!).push(words);
  }
  for (const l of m.values()) l.sort((a, b) => b.length - a.length);
  return m;
}

const MODIFIERS = byLastWord(TYPE_MODIFIERS);
const NOT_DOCUMENT = byLastWord(NOT_DOCUMENT_NOUNS);
/** Last words of the types a title may follow (Luật, Bộ luật, Pháp lệnh, Hiến pháp). */
const TITLED_LAST = new Set(DOC_TYPE_NAMES.filter((e) => e.titled).flatMap((e) => e.forms.map((f) => fold(f).split(' ').pop()!)));

export interface Before {
  /** Where the reference's span starts: the type name, else "số", else the number. */
  spanStart: number;
  /** The type the text names right before, or null. */
  typeName: DocTypeName | null;
  /** "số" (or "số:") stands before the number. */
  hasSo: boolean;
  /** The number belongs to a form, an appendix, a table ("Mẫu số 05/DS-TNCN"). */
  notDocument: boolean;
  /** "Số" at a line start: the shape of a document's own header line. */
  headerLike: boolean;
  /**
   * A type name one or two plain words before "số" ("Kế hoạch thanh tra số
   * 1505/KH-TTCP"): it names the document only when the symbol's type code
   * agrees, which the caller checks.
   */
  gapType?: { entry: DocTypeName; start: number; titled?: boolean };
}

/** "số" as written, folded, or as OCR leaves it ("s6", "s0"). */
function isSoWord(t: Tok, text: string): boolean {
  if (t.kind !== WORD) return false;
  if (t.key === 's') return true;
  if (t.key !== 'so') return false;
  // Folded "so" is also "sổ" (a register), "sợ"...: with a diacritic, only "số" (or "sô", tone lost).
  const v = text.charCodeAt(t.start + 1);
  return v === 0x6f || v === 0x4f || v === 0xf4 || v === 0xd4 || v === 0x1ed1 || v === 0x1ed0;
}

/** Words that make "luật" part of a compound ("pháp luật", "kỷ luật", "quy luật", "dự luật", "điều luật"). */
const COMPOUND_HEADS = new Set(['phap', 'ky', 'quy', 'du', 'dieu']);

/** Titles of laws and codes may stand between the name and "số" (up to this many words). */
const MAX_TITLE_WORDS = 12;
/**
 * Words a title cannot contain: they start a new phrase. "số" is not among
 * them: inside a title it is followed by a word ("Luật Tần số vô tuyến điện số
 * 42/2009/QH12", "Luật Chuyển đổi số"), and a "số" followed by a number ends
 * the reading anyway.
 */
const TITLE_BREAKERS = breakers(['của', 'về', 'ngày', 'tại', 'theo', 'này', 'trên']);
/** Words that cannot stand between a type name and "số" either. */
const GAP_BREAKERS = breakers([
  ...TITLE_BREAKERS.values(),
  'số',
  'và', 'các', 'thực', 'triển', 'hiện', 'khai', 'ban', 'hành', 'được', 'đã', 'là', 'tháng', 'năm', 'do', 'cho', 'với', 'trong',
]);

/**
 * Words by their folded key, with their spelling: a word written with other
 * diacritics is another word ("vệ" in "bảo vệ" is not "về"); folded text
 * (no diacritics) matches by key.
 */
function breakers(words: readonly string[]): Map<string, string> {
  return new Map(words.map((w) => [fold(w), w]));
}

function isBreaker(set: Map<string, string>, t: Tok, text: string): boolean {
  const w = set.get(t.key);
  if (w === undefined) return false;
  const raw = text.slice(t.start, t.end);
  if (fold(raw) === raw.toLowerCase()) return true;
  return raw.normalize('NFC').toLowerCase() === w;
}

/** Words read back from "số" for a form's noun ("tờ khai quyết toán thuế TNDN số"). */
const FORM_GAP = 5;

/** A form, appendix or table noun ending at `last` or a few plain words before it, before "số" at `p`. */
function notDocumentBefore(text: string, p: number, last: Tok, limit: number, hasSo: boolean): boolean {
  let t: Tok | null = last;
  let end = p;
  // The noun right before; a few words back only before "số" ("tờ khai quyết toán thuế TNDN số").
  const reach = hasSo ? FORM_GAP : 2;
  for (let k = 0; k < reach && t && t.kind === WORD; k++) {
    for (const words of NOT_DOCUMENT.get(t.key) ?? []) if (phraseEndingAt(text, end, words, limit) >= 0) return true;
    // "theomẫu": a noun glued to the word before it.
    if (k === 0) {
      for (const [key, spelled] of GLUED_NOUNS) {
        if (t.key.length > key.length && t.key.endsWith(key) && text.slice(t.end - spelled.length, t.end).toLowerCase() === spelled) return true;
      }
    }
    if (isBreaker(GAP_BREAKERS, t, text) || typeNameEndingWith(text, t, limit)) return false;
    end = t.start;
    t = tokenBefore(text, end, limit);
  }
  return false;
}

/** One-word form nouns, folded and spelled, for words glued in front of them ("theomẫu"). */
const GLUED_NOUNS: [string, string][] = NOT_DOCUMENT_NOUNS.filter((w) => !w.includes(' ')).map((w) => [fold(w), w]);

/**
 * Reads what stands before the number that starts at `numStart`. `limit`
 * bounds the reading (the end of the previous reference).
 */
export function readBefore(text: string, numStart: number, limit: number): Before {
  let spanStart = numStart;
  let hasSo = false;
  let headerLike = false;
  let p = numStart;
  // "số", "số:", "số số", "s6"; a number glued to "số" ("số78/2014/TT-BTC") reads the same.
  for (let guard = 0; guard < 3; guard++) {
    let t = tokenBefore(text, p, limit);
    if (t && t.kind === PUNCT && t.key === ':') {
      const u = tokenBefore(text, t.start, limit);
      if (u && isSoWord(u, text)) t = u;
      else break;
    }
    if (t && t.kind === NUM && guard === 0) {
      // OCR "s6 52-NQ/TW": the 6 is the "ố".
      const u = tokenBefore(text, t.start, limit);
      if (u && u.kind === WORD && u.key === 's' && u.end === t.start && t.key.length === 1) t = { ...u, end: t.end };
      else break;
    }
    if (!t || !isSoWord(t, text)) break;
    hasSo = true;
    spanStart = t.start;
    p = t.start;
    if (t.cap && t.newlines === 0) {
      const prev = tokenBefore(text, t.start, limit);
      if (!prev || prev.newlines > 0) headerLike = true;
    }
  }

  // The word(s) right before: a type name, possibly followed by a modifier or a title.
  const last = tokenBefore(text, p, limit);
  if (!last || last.kind !== WORD) return { spanStart, typeName: null, hasSo, notDocument: false, headerLike };
  let direct = typeNameEndingWith(text, last, limit);
  // "pháp luật số", "kỷ luật": a titled type's word in lower case inside a compound is the end of a title.
  if (direct && direct.entry.titled && !last.cap) {
    const w = tokenBefore(text, direct.start, limit);
    if (w && w.kind === WORD && COMPOUND_HEADS.has(w.key)) direct = null;
  }
  if (direct) {
    return { spanStart: direct.start, typeName: direct.entry, hasSo, notDocument: false, headerLike: false };
  }
  // Not a document: "Mẫu số", "Phụ lục số"; "theomẫu số" glued by PDF extraction; a few words after the noun
  // ("tờ khai quyết toán thuế TNDN số 03/TNDN").
  if (notDocumentBefore(text, p, last, limit, hasSo)) return { spanStart, typeName: null, hasSo, notDocument: true, headerLike };
  // A modifier between the type name and "số": "Kế hoạch hành động số".
  for (const words of MODIFIERS.get(last.key) ?? []) {
    const s = phraseEndingAt(text, p, words, limit);
    if (s < 0) continue;
    const named = typeNameEndingAt(text, s, limit);
    if (named) return { spanStart: named.start, typeName: named.entry, hasSo, notDocument: false, headerLike: false };
  }
  // One or two plain words between a type name and "số": kept aside for the caller to check against the code.
  let gapType: Before['gapType'];
  if (hasSo && !last.cap && !isBreaker(GAP_BREAKERS, last, text)) {
    const w2 = tokenBefore(text, last.start, limit);
    if (w2 && w2.kind === WORD) {
      const named = typeNameEndingWith(text, w2, limit);
      if (named && !named.abbr) gapType = { entry: named.entry, start: named.start };
      else if (!w2.cap && !isBreaker(GAP_BREAKERS, w2, text)) {
        const named2 = typeNameEndingAt(text, w2.start, limit);
        if (named2 && !named2.abbr) gapType = { entry: named2.entry, start: named2.start };
      }
    }
  }
  // A type name of two words or more with one letter misread by a scan ("Cong vin s 3720-CV/BKTTW"):
  // kept aside like a gap type, so it counts only when the symbol's code agrees.
  if (hasSo && gapType === undefined) {
    const near = nearTypeNameEndingWith(text, last, limit);
    if (near) gapType = near;
  }
  // A title: "Luật Quản lý thuế số 38/2019/QH14", only with "số" and for titled types.
  if (hasSo) {
    let t: Tok | null = last;
    for (let k = 0; k < MAX_TITLE_WORDS && t; k++) {
      if (t.kind !== WORD || isBreaker(TITLE_BREAKERS, t, text)) break;
      let prev = tokenBefore(text, t.start, limit);
      // "Luật Phòng, chống tham nhũng": a comma inside a title.
      if (prev && prev.kind === PUNCT && prev.key === ',' && k > 0) prev = tokenBefore(text, prev.start, limit);
      if (!prev || prev.kind !== WORD) break;
      if (TITLED_LAST.has(prev.key) || BY_LAST.has(prev.key)) {
        const named = typeNameEndingWith(text, prev, limit);
        if (named && !named.abbr) {
          // A law's title ("Luật Quản lý thuế", "Luật thuế thu nhập doanh nghiệp"): the caller checks that the
          // symbol is the legislature's. A type name inside the title ("... văn bản quy phạm pháp luật") is passed over.
          if (named.entry.titled) {
            gapType = { entry: named.entry, start: named.start, titled: true };
            break;
          }
        }
      }
      t = prev;
    }
  }
  return { spanStart, typeName: null, hasSo, notDocument: false, headerLike, gapType };
}
