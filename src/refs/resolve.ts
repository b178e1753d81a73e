/**
 * Short forms: mentions of a document without its number and symbol,
 * resolved against the full references of the same text (the model is
 * eyecite's resolve step, which links "Id." and short cites to the full
 * citation they point back to).
 *
 * Forms handled (docs/vn-document-references.md §8):
 * - alias definitions, "(sau đây viết tắt là X)", "(gọi tắt là X)", "(gọi
 *   chung là X)": X names the reference (or the run of references) just
 *   before it, and every later X does too;
 * - number only: "Nghị quyết 52", "Nghị quyết số 52", "Kế hoạch số 01",
 *   "NQ 52", "NQ57", "TT39": the nearest earlier reference of that type and
 *   number (else the nearest later one);
 * - "<Type> nêu trên / trên / đã dẫn / nói trên", "văn bản nêu trên": the
 *   nearest earlier document of that type (any type for "văn bản");
 * - "<Type> này": the citing document itself when it is of that type, else
 *   as "nêu trên".
 *
 * A short form resolves only when its document is cited in full in the same
 * text; otherwise it is left out (a generic "Nghị quyết" is not a citation).
 * Matching runs on the diacritic fold, so stripped and OCR text match too.
 */
import { assertString } from '../errors.js';
import type { Reference, ResolveOptions, ShortForm, ShortFormKind } from '../schema.js';
import { foldDiacritics } from '../text/fold.js';
import {
  AFTER_TREN_OK,
  ALIAS_LEADS,
  ANY_TYPE_FOLDED,
  BACK_DETERMINERS,
  SHORT_FORM_TYPES,
  TYPE_ABBREVIATIONS,
  TYPE_MODIFIERS,
  type ShortFormType,
} from './aliases-data.js';
import { hasSentenceBreak } from './aliases-clauses.js';

const DEFAULT_WINDOW = 2000;
/** How far back "<Type> nêu trên / đã dẫn" looks for a document of its type (a report's main resolution, pages back). */
const TYPED_WINDOW = 30_000;
// The scans run on the diacritic fold, which is ASCII for Vietnamese: plain
// (non-unicode) patterns with ASCII word boundaries, the alternation first so
// the regex engine can skip ahead on its first characters; the boundary
// before a match is checked in code (isWordChar).
const NOT_WORD_AFTER = '(?![A-Za-z0-9])';
/**
 * A number not continued by a symbol on its line ("52-NQ/TW"; a dash that
 * opens the next line is a bullet), a decimal ("2,5"), a date ("27/9") or "%".
 */
const NUMBER_END = `${NOT_WORD_AFTER}(?![ \\t\\u00a0]*[-/\u2010\u2011\u2013\u2014]\\s*[A-Za-z0-9\u00C0-\u1EFF])(?![.,]\\d)(?!\\s*%)`;

function phrase(folded: string): string {
  return folded.split(' ').map(escapeRe).join('\\s+');
}
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/** Type names, longest first, as one alternation over folded text. */
const TYPE_BY_FOLDED = new Map<string, ShortFormType>();
for (const t of SHORT_FORM_TYPES) for (const f of t.folded) TYPE_BY_FOLDED.set(f, t);
const TYPE_ALT = [...TYPE_BY_FOLDED.keys(), ANY_TYPE_FOLDED].sort((a, b) => b.length - a.length).map(phrase).join('|');
const DET_ALT = [...BACK_DETERMINERS].sort((a, b) => b.folded.length - a.folded.length).map((d) => phrase(d.folded)).join('|');
const MOD_ALT = TYPE_MODIFIERS.map(phrase).join('|');

/** Every type name ("Nghị quyết", "văn bản"): group 1. */
const TYPE_SCAN = new RegExp(`(${TYPE_ALT})${NOT_WORD_AFTER}`, 'gi');
/** Right after a type name: "nêu trên", "này" ... (group 1). */
const DET_AFTER = new RegExp(`\\s+(${DET_ALT})${NOT_WORD_AFTER}`, 'iy');
/** Right after a type name: "(hành động) (số) 52" (group 1 the number). */
const NUMBER_AFTER = new RegExp(`(?:\\s+(?:${MOD_ALT}))?(?:\\s+(?:so|s6)${NOT_WORD_AFTER})?\\s*:?\\s*(\\d{1,5})${NUMBER_END}`, 'iy');
/** "NQ 52", "NQ57", "TT39" on the original text (case matters). */
const ABBR_RE = new RegExp(
  `(${TYPE_ABBREVIATIONS.map((a) => a.abbr)
    .concat(['ND', 'QD'])
    .sort((a, b) => b.length - a.length)
    .join('|')})[ \\u00a0]?(\\d{1,5})${NUMBER_END}`,
  'g',
);
const ABBR_NAME = new Map<string, string>(TYPE_ABBREVIATIONS.map((a) => [a.abbr, a.name]));
ABBR_NAME.set('ND', 'Nghị định');
ABBR_NAME.set('QD', 'Quyết định');
/** "(sau đây gọi tắt là" / ", gọi tắt là": group 1 the opener, group 2 the lead. */
const ALIAS_RE = new RegExp(
  `([(,])\\s*(${[...ALIAS_LEADS].sort((a, b) => b.folded.length - a.folded.length).map((l) => phrase(l.folded)).join('|')})\\s*:?\\s*`,
  'gi',
);
/** Cheap test before the alias scan: every lead-in has "goi" or "viet tat". */
const ALIAS_HINT = /goi\s|viet\s+tat/i;
const ALIAS_GROUP = new Map<string, boolean>(ALIAS_LEADS.map((l) => [l.folded, l.group]));
/** Quantifiers that make a type name plural or generic ("các Nghị quyết trên"). */
const PLURAL_BEFORE = /(?:^|[^A-Za-z])(?:cac|nhung|moi|tung|mot so|hai|ba|cac ban)\s+$/i;

const NAME_BY_FOLDED = new Map<string, ShortFormType>();
for (const t of SHORT_FORM_TYPES) NAME_BY_FOLDED.set(t.name.toLowerCase(), t);

function lowerFold(s: string): string {
  return foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The short-form type entry for a type name as written ("Nghị \nquyết" → Nghị quyết). */
function typeOf(foldedName: string): ShortFormType | null {
  return TYPE_BY_FOLDED.get(foldedName.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/** Same number: "01" and "1" are one. */
function sameNumber(a: string, b: string): boolean {
  return a.replace(/^0+(?=\d)/, '') === b.replace(/^0+(?=\d)/, '');
}

const CODE_FOLD = (c: string) => foldDiacritics(c).toUpperCase();

/** Does a full reference have the type a short form names? The type name in the text wins over the code. */
function typeMatches(t: ShortFormType | null, ref: Reference): boolean {
  if (t === null) return true;
  if (ref.docType) return lowerFold(ref.docType) === t.folded[0];
  if (ref.typeCode) {
    const code = CODE_FOLD(ref.typeCode);
    return t.codes.some((c) => CODE_FOLD(c) === code);
  }
  return t.name === 'Công văn';
}

interface Interval {
  start: number;
  end: number;
}

/** Sorted, non-overlapping-ish interval list with an overlap query. */
class Taken {
  private readonly items: Interval[] = [];
  add(start: number, end: number): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { start, end });
  }
  overlaps(start: number, end: number): boolean {
    // items sorted by start; check the neighbours around `start`.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      const it = this.items[k];
      if (it.end > start) return true;
      if (k < lo - 8) break; // spans are short; a few neighbours suffice
    }
    return false;
  }
  contains(pos: number): boolean {
    return this.overlaps(pos, pos + 1);
  }
}

function validateReferences(references: unknown): asserts references is readonly Reference[] {
  if (!Array.isArray(references)) {
    throw new TypeError('resolveShortForms: argument "references" must be an array of Reference');
  }
}

/**
 * Finds the short forms of `text` and resolves each to one of `references`
 * (the full references of the same text, as `extractReferences` returns them)
 * or to the citing document itself. Pure; never throws on a string.
 */
export function resolveShortForms(text: string, references: readonly Reference[], options: ResolveOptions = {}): ShortForm[] {
  assertString(text, 'resolveShortForms', 'text');
  validateReferences(references);
  const governed = options.governed;
  return resolveInFolded(text, foldDiacritics(text), references, options, () => governed ?? []);
}

/**
 * The same, for a caller that already holds `foldDiacritics(text)` and can
 * compute the governed references on demand (only texts with a "<Type> này /
 * nêu trên" need them).
 * @internal
 */
export function resolveInFolded(
  text: string,
  folded: string,
  references: readonly Reference[],
  options: ResolveOptions,
  governedOnDemand: () => readonly number[],
): ShortForm[] {
  if (text.length === 0 || (references.length === 0 && !options.self?.docType)) return [];
  const window = options.window ?? DEFAULT_WINDOW;
  const typedWindow = options.window ?? TYPED_WINDOW;
  let governedSet: Set<number> | null = null;
  const isGoverned = (i: number) => (governedSet ??= new Set(governedOnDemand())).has(i);
  const selfType = options.self?.docType ? lowerFold(options.self.docType) : null;
  const selfId = options.self?.id ?? null;

  // References in text order (indices into the caller's array).
  const order = references
    .map((_, i) => i)
    .filter((i) => Number.isInteger(references[i]?.start) && Number.isInteger(references[i]?.end))
    .sort((a, b) => references[a].start - references[b].start || a - b);
  const taken = new Taken();
  for (const i of order) taken.add(references[i].start, references[i].end);

  const out: ShortForm[] = [];
  /** Resolved short forms so far, by start: later back-references may point through them. */
  const chain: Array<{ start: number; end: number; target: number; docType: string | null }> = [];
  const emit = (start: number, end: number, kind: ShortFormKind, docType: string | null, target: number | null, self = false) => {
    if (target !== null) {
      let lo = 0;
      while (lo < chain.length && chain[lo].start < start) lo++;
      chain.splice(lo, 0, { start, end, target, docType });
    }
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind,
      docType,
      target,
      targetId: self ? selfId : target === null ? null : references[target].id,
      self,
    });
    taken.add(start, end);
  };

  /** The last reference in text order that ends at or before `pos` (index into `order`), or -1. */
  const lastBefore = (pos: number): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (references[order[mid]].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const upperFirst = (pos: number) => {
    const c = text[pos];
    return c !== c.toLowerCase();
  };

  // 1. Alias definitions and their later uses.
  const aliases: Array<{ folded: string; upper: boolean; targets: number[]; from: number; typeName: string }> = [];
  ALIAS_RE.lastIndex = ALIAS_HINT.test(folded) ? 0 : folded.length;
  for (let m = ALIAS_RE.exec(folded); m !== null; m = ALIAS_RE.exec(folded)) {
    const opener = m[1];
    const lead = m[2].toLowerCase().replace(/\s+/g, ' ');
    const xStart0 = m.index + m[0].length;
    const stop = opener === '(' ? /\)/g : /[,;.)\n]/g;
    stop.lastIndex = xStart0;
    const s = stop.exec(text);
    if (!s || s.index - xStart0 > 100) continue;
    const xEnd0 = s.index;
    let xStart = xStart0;
    let xEnd = xEnd0;
    while (xStart < xEnd && /[\s"“”'‘’«»:]/u.test(text[xStart])) xStart++;
    while (xEnd > xStart && /[\s"“”'‘’«».,]/u.test(text[xEnd - 1])) xEnd--;
    if (xEnd - xStart < 2 || xEnd - xStart > 80) continue;
    if (taken.overlaps(xStart, xEnd)) continue; // X is itself a full reference
    // The reference(s) named: the run just before the opener, in the same sentence.
    const k = lastBefore(m.index);
    if (k < 0) continue;
    let first = order[k];
    if (m.index - references[first].end > 600 || hasSentenceBreak(text, references[first].end, m.index)) continue;
    const xName = lowerFold(text.slice(xStart, xEnd));
    // "Luật X số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14 (sau đây gọi là
    // Luật X)": the short name repeats the name written before one of the numbers; that one it is.
    for (let j = k; j >= 0 && !ALIAS_GROUP.get(lead); j--) {
      const r = references[order[j]];
      if (j < k && hasSentenceBreak(text, r.end, references[order[j + 1]].start)) break;
      // The name may lie inside the span or just before it ("Luật Tần số vô tuyến điện số 42/2009/QH12").
      const around = lowerFold(text.slice(Math.max(0, r.start - xName.length - 8), r.end));
      if (xName.length >= 6 && (around.includes(`${xName} so `) || around.includes(`${xName} ${lowerFold(r.number)}`))) {
        first = order[j];
        break;
      }
    }
    const targets = [first];
    if (ALIAS_GROUP.get(lead)) {
      for (let j = k - 1; j >= 0 && targets.length < 20; j--) {
        const r = references[order[j]];
        if (hasSentenceBreak(text, r.end, references[targets[targets.length - 1]].start)) break;
        targets.push(order[j]);
      }
      targets.reverse();
    }
    const xFolded = lowerFold(text.slice(xStart, xEnd));
    // X must name a document of the type of what it names: legal text defines
    // many other short names ("(sau đây gọi là Hiệp hội)", "(gọi chung là Chương
    // trình)" after the Quyết định that approves it).
    const xType = aliasType(xFolded);
    // (A reference whose type the extractor could not tell does not contradict it.)
    if (xType === null || !targets.every((i) => typeMatches(xType, references[i]) || (!references[i].docType && !references[i].typeCode))) continue;
    const typeName = xType.name;
    for (const t of targets) emit(xStart, xEnd, 'alias', typeName, t);
    aliases.push({ folded: xFolded, upper: upperFirst(xStart), targets, from: xEnd, typeName });
  }
  for (const a of aliases) {
    const re = new RegExp(`${phrase(a.folded)}${NOT_WORD_AFTER}(?!\\s+(?:so|s6)${NOT_WORD_AFTER})(?!\\s*:?\\s*\\d)`, 'gi');
    re.lastIndex = a.from;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (start > 0 && isWordChar(folded.charCodeAt(start - 1))) continue;
      if (upperFirst(start) !== a.upper || taken.overlaps(start, end)) continue;
      for (const t of a.targets) emit(start, end, 'alias', a.typeName, t);
    }
  }

  // 2. In text order: "<Type> này / nêu trên / đã dẫn", "văn bản nêu trên",
  //    and number only "Nghị quyết (số) 52"; then the abbreviations "NQ 52".
  TYPE_SCAN.lastIndex = 0;
  for (let m = TYPE_SCAN.exec(folded); m !== null; m = TYPE_SCAN.exec(folded)) {
    const start = m.index;
    const nameEnd = start + m[0].length;
    if (start > 0 && isWordChar(folded.charCodeAt(start - 1))) continue;
    const nameFolded = m[1].toLowerCase().replace(/\s+/g, ' ');
    const anyType = nameFolded === ANY_TYPE_FOLDED;
    const t = anyType ? null : typeOf(nameFolded);
    if (!anyType && (t === null || !upperFirst(start))) continue;
    DET_AFTER.lastIndex = nameEnd;
    const d = DET_AFTER.exec(folded);
    if (d) {
      const end = nameEnd + d[0].length;
      const det = d[1].toLowerCase().replace(/\s+/g, ' ');
      if (taken.overlaps(start, end)) continue;
      if (PLURAL_BEFORE.test(folded.slice(Math.max(0, start - 12), start)) || DRAFT_BEFORE.test(folded.slice(Math.max(0, start - 10), start))) continue;
      if (det === 'tren' && !trenEndsPhrase(folded, end)) continue;
      const kind = BACK_DETERMINERS.find((x) => x.folded === det)?.kind ?? 'previous';
      if (kind === 'self' && t !== null && selfType !== null && t.folded[0] === selfType) {
        emit(start, end, 'self', t.name, null, true);
        continue;
      }
      if (kind === 'self' && anyType) continue; // "văn bản này" in a report: too vague
      // A text whose own type is unknown (no header, no heading) most often says
      // "Nghị định này" of itself (decrees, circulars: "Nghị định này có hiệu lực
      // ..."): not knowing, leave it rather than point at another document.
      if (kind === 'self' && selfType === null) continue;
      // "Nghị quyết nêu trên" may point pages back (the report's main resolution): a named type looks back
      // as far as TYPED_WINDOW, still stopped by an unnumbered mention of the type in between.
      const reach = kind === 'previous' && t !== null ? Math.max(window, typedWindow) : window;
      const target = resolveBack(t, start, reach, issuerBefore(folded, start));
      if (target !== null) emit(start, end, kind === 'self' ? 'self' : 'previous', t ? t.name : null, target);
      continue;
    }
    if (t === null) continue;
    NUMBER_AFTER.lastIndex = nameEnd;
    const n = NUMBER_AFTER.exec(folded);
    if (n) {
      const end = nameEnd + n[0].length;
      if (taken.overlaps(start, end)) continue;
      const target = resolveNumber(t, n[1], start, end);
      if (target !== null) emit(start, end, 'number', t.name, target);
      continue;
    }
    // A bare type name used as "the one just named": "triển khai thực hiện Nghị quyết trong toàn Đảng bộ".
    // In a text of that type it is the text itself ("nhiệm vụ của Kế hoạch" in a plan); in a text
    // of unknown type it may be either: left out.
    if (selfType === null || taken.overlaps(start, nameEnd) || !bareBackReference(folded, start, nameEnd)) continue;
    if (t.folded[0] === selfType) {
      emit(start, nameEnd, 'self', t.name, null, true);
      continue;
    }
    const target = resolveBack(t, start, BARE_WINDOW);
    if (target !== null) emit(start, nameEnd, 'previous', t.name, target);
  }
  ABBR_RE.lastIndex = 0;
  for (let m = ABBR_RE.exec(text); m !== null; m = ABBR_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
    const name = ABBR_NAME.get(m[1]);
    const t = name ? NAME_BY_FOLDED.get(name.toLowerCase()) ?? null : null;
    if (t === null || taken.overlaps(start, end)) continue;
    const target = resolveNumber(t, m[2], start, end);
    if (target !== null) emit(start, end, 'number', t.name, target);
  }

  out.sort((a, b) => a.start - b.start || (a.target ?? -1) - (b.target ?? -1));
  return out;

  /**
   * "Nghị quyết 52": the nearest earlier reference of that type and number,
   * else the nearest later one. When several documents share type and number,
   * a date or issuer written after the short form ("Kế hoạch số 02 ngày
   * 19/6/2025 của Ban Chỉ đạo Trung ương") picks among them.
   */
  function resolveNumber(t: ShortFormType, number: string, pos: number, end: number): number | null {
    const candidates = order.filter((i) => typeMatches(t, references[i]) && sameNumber(references[i].number, number));
    if (candidates.length === 0) return null;
    let pool = candidates;
    if (new Set(candidates.map((i) => references[i].id)).size > 1) {
      const tail = readTail(folded, end);
      const byDate = tail.date ? pool.filter((i) => references[i].date === tail.date) : [];
      if (byDate.length > 0) pool = byDate;
      if (tail.issuer) {
        const byIssuer = pool.filter((i) => {
          const iss = references[i].issuer;
          return typeof iss === 'string' && sameIssuer(lowerFold(iss), tail.issuer as string);
        });
        if (byIssuer.length > 0) pool = byIssuer;
      }
    }
    let before: number | null = null;
    let after: number | null = null;
    for (const i of pool) {
      const r = references[i];
      if (r.end <= pos) before = i;
      else if (after === null && r.start >= pos) after = i;
    }
    return before ?? after;
  }

  /** "<Type> nêu trên": the nearest earlier document of the type, preferring the one that governs its sentence. */
  function resolveBack(t: ShortFormType | null, pos: number, reach = window, issuer: string | null = null): number | null {
    // Mentions of the type before `pos`, nearest first: full references and
    // short forms already resolved ("Nghị quyết 52 ... thực hiện Nghị quyết trong ...").
    const candidates: Array<{ target: number; start: number; end: number; governed: boolean }> = [];
    for (let k = lastBefore(pos); k >= 0; k--) {
      const i = order[k];
      const r = references[i];
      if (pos - r.end > reach) break;
      if (typeMatches(t, r)) candidates.push({ target: i, start: r.start, end: r.end, governed: isGoverned(i) });
    }
    for (const c of chain) {
      if (c.end > pos || pos - c.end > reach) continue;
      const named = c.docType !== null && t !== null ? lowerFold(c.docType) === t.folded[0] : false;
      if (t === null || named || typeMatches(t, references[c.target])) candidates.push({ target: c.target, start: c.start, end: c.end, governed: false });
    }
    if (issuer !== null) {
      // "đề nghị của Bộ Tài chính tại văn bản nêu trên": the document of that issuer.
      const own = candidates.filter((c) => {
        const iss = references[c.target].issuer;
        return typeof iss === 'string' && sameIssuer(lowerFold(iss), issuer);
      });
      candidates.length = 0;
      candidates.push(...own);
    }
    if (candidates.length === 0) return null;
    candidates.sort((a, b) => b.end - a.end);
    const nearest = candidates[0];
    // A mention of the type between the candidate and the short form that is
    // not a citation ("Nghị quyết Đại hội ...") is the nearer antecedent: the
    // short form points to a document without a number, so leave it.
    if (t !== null && unnumberedMentionBetween(t, nearest.end, pos)) return null;
    let pick = nearest;
    for (let c = 0; c < candidates.length; c++) {
      const x = candidates[c];
      if (!x.governed) {
        pick = x;
        break;
      }
      const prev = candidates[c + 1];
      if (prev === undefined || hasSentenceBreak(text, prev.end, x.start)) break;
    }
    return pick.target;
  }

  function unnumberedMentionBetween(t: ShortFormType, from: number, to: number): boolean {
    if (to - from < 4) return false;
    const re = typeNameRe(t);
    re.lastIndex = from;
    for (let m = re.exec(folded); m !== null && m.index < to; m = re.exec(folded)) {
      if (m.index > 0 && isWordChar(folded.charCodeAt(m.index - 1))) continue;
      if (!upperFirst(m.index)) continue;
      if (taken.contains(m.index)) continue;
      return true;
    }
    return false;
  }
}

const TAIL_DATE = /^[\s,]*(?:ngay|nay)?\s*(\d{1,2})\s*(?:([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})|\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))/iu;
const TAIL_ISSUER = /^[\s,]*cua\s+([^,;:.()\n]{2,80}?)(?=\s+(?:ve|ve viec|v\/v|thuc hien|ban hanh|quy dinh)(?![\p{L}\p{N}])|\s*[,;:.()\n]|$)/iu;

/** The date and issuer written right after a short form ("số 02 ngày 19/6/2025 của Ban Chỉ đạo Trung ương"). */
function readTail(folded: string, end: number): { date: string | null; issuer: string | null } {
  const s = folded.slice(end, end + 160);
  const d = TAIL_DATE.exec(s);
  let date: string | null = null;
  let rest = s;
  if (d) {
    const day = Number(d[1]);
    const month = Number(d[3] ?? d[5]);
    const year = d[4] ?? d[6];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    rest = s.slice(d[0].length);
  }
  const i = TAIL_ISSUER.exec(rest);
  return { date, issuer: i ? i[1].toLowerCase().replace(/\s+/g, ' ').trim() : null };
}

/** "dự thảo văn bản trên": a draft, not the document cited. */
const DRAFT_BEFORE = /(?:^|[^A-Za-z])du\s+thao\s+$/i;
const ISSUER_BEFORE = /(?:^|[^A-Za-z])cua\s+((?:[A-Za-z&]+\s+){1,9}?)(?:tai|theo)\s+$/i;

/** "(đề nghị) của Bộ Tài chính tại <short form>": the issuer named for it (folded, lower-case), or null. */
function issuerBefore(folded: string, start: number): string | null {
  const m = ISSUER_BEFORE.exec(folded.slice(Math.max(0, start - 90), start));
  return m ? m[1].toLowerCase().replace(/\s+/g, ' ').trim() : null;
}

/** One issuer name contains the other ("ban chi dao trung uong" / "ban chi dao"). */
function sameIssuer(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/** A bare type name looks back less far than "<Type> nêu trên". */
const BARE_WINDOW = 1200;
/** Words that may follow a bare type name used as a back-reference (folded). */
const BARE_FOLLOWERS = new Set(['trong', 'den', 'toi', 'duoc', 'da', 'la', 'co', 'vao', 'tai', 'cho', 'nham', 'de', 'se', 'dang', 'van', 'cung', 'ma', 'deu', 'con', 'chua', 'khong', 'bi', 'dat']);
/** Words before a bare type name that make it a new or unnamed document ("dự thảo Nghị quyết", "ban hành Nghị quyết"). */
const BARE_BLOCKED_BEFORE =
  /(?:^|[^A-Za-z])(?:du thao|ban hanh|xay dung|soan thao|trinh|de xuat|cac|nhung|mot|moi|tung|mot so|hai|ba|nhieu|hoac|va)\s+$/i;

/**
 * "Nghị quyết" with no number and no determiner is a back-reference only
 * when the phrase ends there: next comes punctuation or a function word
 * ("trong", "được", "đã" ...), not a name ("Nghị quyết Đại hội"), "về" or
 * "của" (an unnamed document described), and no word before it makes it a
 * new document ("dự thảo", "ban hành") or a plural.
 */
function bareBackReference(folded: string, start: number, end: number): boolean {
  if (BARE_BLOCKED_BEFORE.test(folded.slice(Math.max(0, start - 14), start))) return false;
  let i = end;
  while (i < folded.length && (folded[i] === ' ' || folded[i] === '\t' || folded[i] === '\u00a0')) i++;
  if (i >= folded.length) return true;
  const c = folded[i];
  if (c === ',' || c === '.' || c === ';' || c === ')') return true;
  if (!/[a-z]/.test(c)) return false; // a capital starts a name; digits, quotes, line breaks: not sure
  let j = i;
  while (j < folded.length && /[a-z]/i.test(folded[j])) j++;
  return BARE_FOLLOWERS.has(folded.slice(i, j));
}

const TYPE_NAME_RE = new Map<ShortFormType, RegExp>();
/** A global regex for one type's names (cached). */
function typeNameRe(t: ShortFormType): RegExp {
  let re = TYPE_NAME_RE.get(t);
  if (!re) TYPE_NAME_RE.set(t, (re = new RegExp(`(?:${t.folded.map(phrase).join('|')})${NOT_WORD_AFTER}`, 'gi')));
  return re;
}

/** "trên" is the determiner only when the phrase ends there ("Kế hoạch trên địa bàn" is not). */
function trenEndsPhrase(folded: string, end: number): boolean {
  let i = end;
  while (i < folded.length && (folded[i] === ' ' || folded[i] === '\t' || folded[i] === '\u00a0')) i++;
  if (i >= folded.length) return true;
  if (!/[\p{L}\p{N}]/u.test(folded[i])) return true;
  let j = i;
  while (j < folded.length && /\p{L}/u.test(folded[j])) j++;
  return AFTER_TREN_OK.includes(folded.slice(i, j).toLowerCase());
}

/**
 * The type an alias names ("Kế hoạch 01" → Kế hoạch, "các Nghị quyết của
 * Chính phủ" → Nghị quyết, "NQ 52" → Nghị quyết), or null when it does not
 * start with a type name.
 */
function aliasType(xFolded: string): ShortFormType | null {
  const x = xFolded.replace(/^(?:cac|nhung)\s+/, '');
  let best: ShortFormType | null = null;
  let bestLen = 0;
  for (const [f, t] of TYPE_BY_FOLDED) {
    if ((x === f || x.startsWith(f + ' ')) && f.length > bestLen) {
      best = t;
      bestLen = f.length;
    }
  }
  if (best) return best;
  const abbr = /^([a-z]{2,3})\s?\d/.exec(x);
  const name = abbr ? [...ABBR_NAME].find(([a]) => foldDiacritics(a).toLowerCase() === abbr[1])?.[1] : undefined;
  return name ? NAME_BY_FOLDED.get(name.toLowerCase()) ?? null : null;
}
