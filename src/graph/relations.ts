/**
 * Relations stated in the text between consecutive mentions: "Kế hoạch số
 * 539-KH/TU ... của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW"
 * states 539-KH/TU implements 57-NQ/TW. Reads only the text between two
 * mentions (the tail of the first: date, "của <issuer>", "về <topic>"; then a
 * relation word; then a short lead-in to the second), within a sentence.
 *
 * - Subject: the mention just before the relation word, with the run of
 *   mentions coordinated with it ("Kế hoạch số 539-KH/TU ngày 29/4/2025, Kế
 *   hoạch số 336-KH/TU ngày 25/02/2025 của Ban Thường vụ Tỉnh ủy thực hiện
 *   ..." gives both). A run stops at a mention with its own issuer or topic,
 *   at a list break (";", "(2)") and at a mention that is itself an object.
 * - Objects: the mention after the relation word and those coordinated with
 *   it by "," or "và" ("thực hiện Nghị quyết số 71/NQ-CP ... của Chính phủ
 *   và Kế hoạch hành động số 359-KH/TU").
 * - Passive "A được sửa đổi, bổ sung bởi B" reverses the direction.
 *
 * Every mention also gets the relation of the citing document to it: `refers`
 * when another mention governs it (the report cites 57-NQ/TW; 539-KH/TU is
 * what implements it), else the relation word leading to it, else `refers`.
 */
import type { Relation } from '../schema.js';
import { hasItemBreak, hasSentenceBreak } from '../refs/aliases-clauses.js';
import { DOCUMENT_NOUN_RE, NOUN_CARRIERS, PASSIVE_AGENT, PASSIVE_AT, PASSIVE_BY, PER_RULES, PASSIVE_BEFORE, RELATION_PHRASES, SUBJECT_BREAKERS } from './relation-words.js';

export interface Span {
  start: number;
  end: number;
}

export interface Statement {
  /** Index of the acting mention (A in "A thực hiện B"). */
  from: number;
  /** Index of the mention acted on. */
  to: number;
  relation: Relation;
  /** The stretch of text that states it. */
  start: number;
  end: number;
}

export interface RelationAnalysis {
  /** For each mention: index of the mention that governs it, or -1 (the citing document). */
  governor: Int32Array;
  /** For each mention: the relation word leading to it ('refers' when none). */
  leadRelation: Relation[];
  /** For each governed mention: the relation its governor bears to it. */
  governRelation: Relation[];
  statements: Statement[];
}

function phraseSource(p: string): string {
  return p.replace(/ /g, '\\s+');
}
/** All relation words, one capture group per table entry (folded text is ASCII: plain, fast patterns). */
const RELATION_RE = new RegExp(`(?:${RELATION_PHRASES.map((p) => `(${phraseSource(p.pattern)})`).join('|')})(?![A-Za-z0-9])`, 'gi');

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

interface Found {
  start: number;
  end: number;
  relation: Relation;
}

/** The relation word closest to the end of `folded[from, to)`, or null. */
export function lastRelationWord(folded: string, from: number, to: number): Found | null {
  RELATION_RE.lastIndex = from;
  let last: Found | null = null;
  for (let m = RELATION_RE.exec(folded); m !== null && m.index < to; m = RELATION_RE.exec(folded)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    if (m.index > 0 && isWordChar(folded.charCodeAt(m.index - 1))) {
      RELATION_RE.lastIndex = m.index + 1;
      continue;
    }
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    last = { start: m.index, end, relation: RELATION_PHRASES[k - 1].relation };
  }
  return last;
}

const MAX_TAIL = 360; // tail of the subject before the relation word: date, issuer, topic
const MAX_LEAD = 120; // words between the relation word and the object ("các nhiệm vụ được giao tại")
const DATE_RE = /(?:\(?\s*)?(?:ngay|nay)?\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+thang\s+\d{1,2}\s+nam\s+\d{4})\s*\)?/giu;
const PAREN_RE = /\([^()]{0,120}\)/gu;

/**
 * Is `text[from, to)` (between the subject and its relation word) the
 * subject's own tail: a date, "của <issuer>", a "về ..." topic, "ban hành"?
 */
function isSubjectTail(text: string, folded: string, from: number, to: number): boolean {
  if (to - from > MAX_TAIL) return false;
  if (hasSentenceBreak(text, from, to) || hasItemBreak(text, from, to)) return false;
  const original = text.slice(from, to);
  if (SUBJECT_BREAKERS.test(original)) return false;
  if (!documentNounAllowsSubject(folded.slice(from, to).toLowerCase())) return false;
  const f = folded.slice(from, to).toLowerCase().replace(DATE_RE, ' ').replace(PAREN_RE, ' ');
  const words = f.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return true;
  // "A ... và thay thế B": a second predicate of the sentence's subject, not of A.
  const lastWord = words[words.length - 1];
  if (lastWord === 'va' || lastWord === 'hoac') return false;
  const ve = words.findIndex((w, i) => w === 've' || (w === 'v' && words[i + 1] === 'v'));
  const cua = words.indexOf('cua');
  if (ve >= 0) return cua < 0 || cua < ve ? true : ve <= 2;
  if (cua >= 0) return cua <= 1 && words.length - cua <= 16;
  // Only "ban hành", "đã ban hành", "năm 2025" and the like.
  return words.length <= 3;
}

/**
 * "... tại các Kế hoạch thực hiện B": a document named without a number
 * stands between the subject and the relation word, and it is what carries
 * the relation. Only "về <Kế hoạch>", "ban hành <Kế hoạch>" and "phê duyệt
 * <Kế hoạch>" keep the subject ("Quyết định A về ban hành Kế hoạch hành động
 * thực hiện B": A implements B).
 */
function documentNounAllowsSubject(seg: string): boolean {
  DOCUMENT_NOUN_RE.lastIndex = 0;
  let last = -1;
  for (let m = DOCUMENT_NOUN_RE.exec(seg); m !== null; m = DOCUMENT_NOUN_RE.exec(seg)) last = m.index;
  if (last < 0) return true;
  const before = seg.slice(0, last).replace(/\s+/g, ' ').trimEnd();
  return NOUN_CARRIERS.test(before);
}

/**
 * `text[from, to)` joins two items of a list: "," or "và" at its end,
 * preceded by nothing but the first item's date (`allowTail`: also its
 * "của <issuer>" or "về <topic>", when no relation word is in it).
 */
function coordinationGap(folded: string, text: string, from: number, to: number, allowTail: boolean): boolean {
  if (to - from > (allowTail ? MAX_TAIL : 80)) return false;
  if (hasSentenceBreak(text, from, to) || hasItemBreak(text, from, to)) return false;
  const g = folded.slice(from, to).toLowerCase().replace(DATE_RE, ' ').replace(PAREN_RE, ' ').trimEnd();
  const m = /(?:,|(?<!\p{L})(?:va|cung voi|cung|hoac))(?:\s+cac)?$/u.exec(g);
  if (!m) return false;
  const before = g.slice(0, m.index);
  const words = before.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return true;
  if (!allowTail) return false;
  if (containsRelationWord(before)) return false;
  return words[0] === 'cua' || words[0] === 've' || words[0] === 'do';
}

function containsRelationWord(s: string): boolean {
  return lastRelationWord(s, 0, s.length) !== null;
}

/**
 * Reads the relations stated between consecutive mentions. `mentions` are
 * sorted by start and do not overlap; `types[i]` is mention i's document
 * type when known ("Luật", "Nghị định").
 */
export function analyzeRelations(
  text: string,
  folded: string,
  mentions: readonly Span[],
  types: ReadonlyArray<string | null> = [],
): RelationAnalysis {
  const n = mentions.length;
  const governor = new Int32Array(n).fill(-1);
  const governRelation: Relation[] = new Array<Relation>(n).fill('refers');
  const leadRelation: Relation[] = new Array<Relation>(n).fill('refers');
  /** For an agent of a passive relation: the mention acted on. */
  const patientOf = new Int32Array(n).fill(-1);
  const statements: Statement[] = [];
  const seen = new Set<string>();
  const state = (from: number, to: number, relation: Relation) => {
    if (from === to) return;
    const key = `${from}>${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    const a = mentions[from];
    const b = mentions[to];
    statements.push({ from, to, relation, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
  };

  for (let c = 0; c < n; c++) {
    const p = c - 1;
    const C = mentions[c];
    const from = p >= 0 ? mentions[p].end : 0;
    if (C.start < from) continue;
    // The relation word must sit close before C: search only that window.
    const rel = lastRelationWord(folded, Math.max(from, C.start - MAX_LEAD - 80), C.start);
    const leadOk =
      rel !== null && C.start - rel.end <= MAX_LEAD && !hasSentenceBreak(text, rel.end, C.start) && !hasItemBreak(text, rel.end, C.start);
    if (rel !== null && leadOk) leadRelation[c] = rel.relation;
    if (p < 0) continue;
    const P = mentions[p];
    if (rel) {
      if (!leadOk) continue;
      const lead = folded.slice(rel.end, C.start);
      // "thực hiện theo (quy định tại) B": done as B provides, not "A implements B";
      // "sửa đổi các Nghị định hướng dẫn ... B": the unnumbered documents are what it acts on.
      if (PER_RULES.test(lead) || unnumberedObject(lead)) continue;
      const passive =
        PASSIVE_BEFORE.test(folded.slice(Math.max(P.end, rel.start - 12), rel.start)) ||
        PASSIVE_BY.test(lead) ||
        // "A, sửa đổi bổ sung tại B": amended in B (no one amends "at" a document).
        (PASSIVE_AT.test(lead) && (rel.relation === 'amends' || rel.relation === 'replaces' || rel.relation === 'repeals'));
      if (passive) {
        // "A (được) sửa đổi, bổ sung bởi B, C": B and C act on A.
        if (PASSIVE_AGENT.test(lead) && isSubjectTail(text, folded, P.end, skipPassive(folded, P.end, rel.start))) {
          state(c, p, rel.relation);
          patientOf[c] = p;
          governor[c] = p;
          governRelation[c] = rel.relation;
        }
        continue;
      }
      // A capitalized relation word starts a new sentence or clause ("... ) Căn cứ Quyết định ..."):
      // the mention before it is not its subject.
      if (startsClause(text, rel.start) || !isSubjectTail(text, folded, P.end, rel.start)) continue;
      // The subject run: P and the mentions coordinated with it before it.
      const subjects = [p];
      if (governor[p] < 0) {
        for (let q = p - 1; q >= 0; q--) {
          const head = subjects[subjects.length - 1];
          if (governor[q] >= 0) break;
          if (!coordinationGap(folded, text, mentions[q].end, mentions[head].start, false)) break;
          subjects.push(q);
        }
      }
      for (const s of subjects) state(s, c, rel.relation);
      governor[c] = p;
      governRelation[c] = rel.relation;
      continue;
    }
    // No relation word: an object coordinated with the previous object continues it.
    if (coordinationGap(folded, text, P.end, C.start, true)) {
      if (patientOf[p] >= 0) {
        // "... được sửa đổi, bổ sung bởi Nghị định số 08/2018/NĐ-CP, Nghị định số 95/2021/NĐ-CP";
        // a document of another type after the agents starts a new item of an enclosing list.
        if (types[c] && types[p] && types[c] !== types[p]) continue;
        state(c, patientOf[p], governRelation[p]);
        patientOf[c] = patientOf[p];
        governor[c] = governor[p];
        governRelation[c] = governRelation[p];
      } else if (governor[p] >= 0) {
        const g = governor[p];
        // Every subject that acts on P acts on C too.
        for (const s of statements.filter((st) => st.to === p).map((st) => st.from)) {
          if (s !== c) state(s, c, governRelation[p]);
        }
        governor[c] = g;
        governRelation[c] = governRelation[p];
      } else if (leadRelation[p] !== 'refers') {
        leadRelation[c] = leadRelation[p];
      }
    }
  }
  return { governor, leadRelation, governRelation, statements };
}

/** The words between a relation word and its reference name another document without a number. */
function unnumberedObject(lead: string): boolean {
  const l = lead.toLowerCase();
  DOCUMENT_NOUN_RE.lastIndex = 0;
  for (let m = DOCUMENT_NOUN_RE.exec(l); m !== null; m = DOCUMENT_NOUN_RE.exec(l)) {
    const rest = l.slice(m.index + m[0].length);
    // "Quy định ban hành kèm theo Quyết định số 55/2014/QĐ-UBND" is that decision's.
    if (/^\s*(?:ban\s+hanh\s+)?kem\s+theo\s*$/.test(rest)) continue;
    // "Luật Đất đai số 31/2024/QH15" whose span starts at "số": the noun is its own type name.
    if (/\bso\s*:?\s*$/.test(rest) && rest.split(/\s+/).filter(Boolean).length <= 12 && lastRelationWord(rest, 0, rest.length) === null) continue;
    return true;
  }
  return false;
}

/** "Căn cứ", "Thực hiện": a relation word in title case (not all capitals: headings are) starts a clause. */
function startsClause(text: string, at: number): boolean {
  const c = text[at];
  const d = text[at + 1] ?? '';
  return c !== c.toLowerCase() && d === d.toLowerCase() && d !== d.toUpperCase();
}

/** Position of "(đã) được" before a passive relation word, so the tail check ends there. */
function skipPassive(folded: string, from: number, relStart: number): number {
  const s = folded.slice(from, relStart);
  const m = /(?:da\s+)?duoc\s*$/iu.exec(s);
  return m ? from + m.index : relStart;
}
