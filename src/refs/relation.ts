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
import { foldLower } from './chars.js';
import { PASSIVE_MARKERS, RELATION_PHRASES } from './data/relations.js';
import { PUNCT, WORD, matchPhraseForward, tokenBefore, tokensAfter } from './tokens.js';

function fold(s: string): string {
  let f = '';
  for (let i = 0; i < s.length; i++) f += String.fromCharCode(foldLower(s.charCodeAt(i)));
  return f;
}

interface Phrase {
  words: string[];
  relation: Relation;
}

/** Phrases by their last word, longest first. */
const BY_LAST = new Map<string, Phrase[]>();
for (const p of RELATION_PHRASES) {
  const words = fold(p.words).split(' ');
  const last = words[words.length - 1];
  (BY_LAST.get(last) ?? BY_LAST.set(last, []).get(last)!).push({ words, relation: p.relation });
}
for (const l of BY_LAST.values()) l.sort((a, b) => b.words.length - a.words.length);
const PASSIVE = new Set(PASSIVE_MARKERS.map(fold));

/** Words read back at most. */
const MAX_WORDS = 30;
/** Punctuation that closes a clause. */
const CLAUSE_END = new Set([';', '.', ':', '(', ')', '[', ']', '"', '“', '”', '!', '?', '/', '-', '+', '•', '…']);

/**
 * The relation phrase governing a reference that starts at `pos`, or null
 * when its clause holds none (the caller then takes the list's relation, or
 * `refers`). `limit` bounds the reading.
 */
export function relationBefore(text: string, pos: number, limit = 0): Relation | null {
  let p = pos;
  let words = 0;
  while (words < MAX_WORDS) {
    const t = tokenBefore(text, p, limit);
    if (!t) break;
    if (t.kind === PUNCT && CLAUSE_END.has(t.key)) break;
    p = t.start;
    if (t.kind !== WORD) continue;
    words++;
    const cands = BY_LAST.get(t.key);
    if (!cands) continue;
    for (const ph of cands) {
      const at = matchBack(text, t.end, ph.words, limit);
      if (at < 0) continue;
      if (ph.relation !== 'refers' && isPassive(text, at, limit)) return 'refers';
      return ph.relation;
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
