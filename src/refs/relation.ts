/**
 * The relation of a reference: the nearest relation phrase before it in its
 * clause ("thực hiện Nghị quyết ..." → implements), also when the verb
 * reaches the reference through its content ("thực hiện các nhiệm vụ tại
 * <ref>", "triển khai các giải pháp đề ra trong <ref>"). The search stops at
 * clause punctuation (; . : ( ) quotes, a list dash), at another symbol, and
 * after a bounded number of words. Passive forms ("được sửa đổi, bổ sung bởi
 * <ref>") only refer to the cited document.
 */
import type { Relation } from '../schema.js';
import { foldLower, isSpace } from './chars.js';
import { PASSIVE_MARKERS, RELATION_PHRASES, RELATIONS_AFTER } from './data/relations.js';
import { PUNCT, WORD, matchPhraseForward, tokenAfter, tokenBefore, tokensAfter, type Tok } from './tokens.js';

function fold(s: string): string {
  let f = '';
  for (let i = 0; i < s.length; i++) f += String.fromCharCode(foldLower(s.charCodeAt(i)));
  return f;
}

interface Phrase {
  words: string[];
  relation: Relation;
  through?: 'all' | 'not-implements';
}

/** Phrases by their last word, longest first. */
const BY_LAST = new Map<string, Phrase[]>();
for (const p of RELATION_PHRASES) {
  const words = fold(p.words).split(' ');
  const last = words[words.length - 1];
  (BY_LAST.get(last) ?? BY_LAST.set(last, []).get(last)!).push({ words, relation: p.relation, through: p.through });
}
for (const l of BY_LAST.values()) l.sort((a, b) => b.words.length - a.words.length);
const PASSIVE = new Set(PASSIVE_MARKERS.map(fold));

/** Words read back at most. */
const MAX_WORDS = 30;
/** Punctuation that closes a clause. */
const CLAUSE_END = new Set([';', '.', ':', '(', ')', '[', ']', '"', '“', '”', '!', '?', '/', '-', '+', '•', '…']);

/** What {@link relationBefore} read: the relation, and whether its verb was passive. */
export interface RelationReading {
  relation: Relation | null;
  /** "được sửa đổi, bổ sung bởi <ref>": the reference is the agent of a passive relation verb. */
  passive: boolean;
}

/** Quotes skipped whole when reading back (a quoted phrase is an object, not a clause boundary). */
const CLOSING_QUOTES: Record<string, string> = { '”': '“', '"': '"', '»': '«' };
/** How far back a quotation is looked through. */
const QUOTE_REACH = 400;

/**
 * The relation phrase governing a reference that starts at `pos`, or null
 * when its clause holds none (the caller then takes the list's relation, or
 * `refers`). `limit` bounds the reading. A phrase that only links a part to
 * its document ("quy định tại", "ban hành kèm theo") lets the verb before it
 * decide; a passive one ("được sửa đổi, bổ sung bởi") gives no relation of
 * the citing text (`passive`).
 */
export function relationBefore(text: string, pos: number, limit = 0): Relation | null {
  return readRelationBefore(text, pos, limit).relation;
}

/** The reading returned by {@link readRelationBefore}: one object, reused (read it before the next call). */
const READING: RelationReading = { relation: null, passive: false };
function reading(relation: Relation | null, passive: boolean): RelationReading {
  READING.relation = relation;
  READING.passive = passive;
  return READING;
}

export function readRelationBefore(text: string, pos: number, limit = 0): RelationReading {
  let p = pos;
  let words = 0;
  /** The answer of a linking phrase passed over, and what it lets through. */
  let fallback: Relation | null = null;
  let through: 'all' | 'not-implements' | null = null;
  while (words < MAX_WORDS) {
    const t = tokenBefore(text, p, limit);
    if (!t) break;
    if (t.kind === PUNCT) {
      const open = CLOSING_QUOTES[t.key];
      if (open !== undefined) {
        const q = text.lastIndexOf(open, t.start - 1);
        if (q < Math.max(limit, t.start - QUOTE_REACH) || q < 0) break;
        p = q;
        continue;
      }
      // A dot ends a clause only before a space ("Khoản 1.a" does not).
      if (t.key === '.' && t.end < text.length && !isSpace(text.charCodeAt(t.end))) {
        p = t.start;
        continue;
      }
      if (CLAUSE_END.has(t.key)) break;
    }
    p = t.start;
    if (t.kind !== WORD) continue;
    words++;
    // Past a linking phrase, "theo" opens a manner adjunct ("Bổ sung ... theo mẫu ban hành kèm theo <ref>"): the
    // verb before it does not govern the reference.
    if (through !== null && t.key === 'theo' && !t.cap) break;
    const ph = phraseEndingWith(text, t, limit);
    if (!ph) continue;
    if (ph.phrase.relation !== 'refers' && isPassive(text, ph.at, limit)) return reading(through === null ? 'refers' : fallback, through === null);
    if (ph.phrase.through && through === null) {
      fallback = ph.phrase.relation;
      through = ph.phrase.through;
      p = ph.at;
      continue;
    }
    const r = ph.phrase.relation;
    return reading(through === 'not-implements' && r === 'implements' ? fallback : r, false);
  }
  return reading(fallback, false);
}

/** The longest relation phrase whose last word is `t`, and where it starts. */
function phraseEndingWith(text: string, t: Tok, limit: number): { phrase: Phrase; at: number } | null {
  const cands = BY_LAST.get(t.key);
  if (!cands) return null;
  for (const ph of cands) {
    const at = matchBack(text, t.end, ph.words, limit);
    if (at >= 0) return { phrase: ph, at };
  }
  return null;
}

interface After {
  words: string[];
  closing: string[] | null;
  relation: Relation;
}
const AFTER: After[] = RELATIONS_AFTER.map((a) => ({
  words: fold(a.words.replace(/,/g, '')).split(' '),
  closing: a.closing ? fold(a.closing).split(' ') : null,
  relation: a.relation,
})).sort((a, b) => b.words.length - a.words.length);
/** First words of the formulas (a cheap test before reading on). */
const AFTER_FIRST = new Set(AFTER.map((a) => a.words[0]));
/** Words between the verb and its closing "như sau". */
const AFTER_REACH = 10;

/**
 * The amending instrument's formulas after a reference ending at `pos` (its
 * date and issuer included): "<ref> được sửa đổi (, bổ sung) ... như sau" →
 * amends, "<ref> bị bãi bỏ" → repeals; else null.
 */
export function relationAfter(text: string, pos: number, stop = text.length): Relation | null {
  const first = tokenAfter(text, pos, stop);
  if (!first || first.kind !== WORD || !AFTER_FIRST.has(first.key)) return null;
  const toks = tokensAfter(text, pos, AFTER_REACH + 6, stop).filter((t) => !(t.kind === PUNCT && t.key === ','));
  outer: for (const a of AFTER) {
    if (!matchPhraseForward(toks, 0, a.words)) continue;
    if (a.closing === null) return a.relation;
    for (let i = a.words.length; i < toks.length; i++) {
      if (toks[i].kind === PUNCT) continue outer;
      if (matchPhraseForward(toks, i, a.closing)) return a.relation;
    }
  }
  return null;
}

/** Start of `words` read back from `end`, allowing commas between words ("sửa đổi, bổ sung"), or -1. */
function matchBack(text: string, end: number, words: readonly string[], limit: number): number {
  let p = end;
  for (let k = words.length - 1; k >= 0; k--) {
    const t = tokenBefore(text, p, limit);
    if (!t || t.kind !== WORD || t.key !== words[k]) return -1;
    p = t.start;
  }
  return p;
}

/** "được" or "bị" within the three tokens before `pos` (over "sửa đổi," and the like). */
function isPassive(text: string, pos: number, limit: number): boolean {
  let p = pos;
  for (let k = 0; k < 4; k++) {
    const t = tokenBefore(text, p, limit);
    if (!t) return false;
    if (t.kind === WORD && PASSIVE.has(t.key)) return true;
    if (t.kind === PUNCT && t.key !== ',') return false;
    p = t.start;
  }
  return false;
}

/** Phrases by their first word, longest first (for reading forwards). */
const BY_FIRST = new Map<string, Phrase[]>();
for (const l of BY_LAST.values()) {
  for (const ph of l) (BY_FIRST.get(ph.words[0]) ?? BY_FIRST.set(ph.words[0], []).get(ph.words[0])!).push(ph);
}
for (const l of BY_FIRST.values()) l.sort((a, b) => b.words.length - a.words.length);

/** The first relation phrase in `[from, to)` reading forwards (a list head's verb), or null. */
export function firstRelationIn(text: string, from: number, to: number): Relation | null {
  const toks = tokensAfter(text, from, 200, to);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== WORD) continue;
    const cands = BY_FIRST.get(t.key);
    if (!cands) continue;
    for (const ph of cands) {
      if (!matchPhraseForward(toks, i, ph.words)) continue;
      if (ph.relation !== 'refers' && isPassive(text, t.start, from)) return 'refers';
      return ph.relation;
    }
  }
  return null;
}
