/**
 * Readings that span a sentence rather than one reference:
 *
 * - a clause-initial relation word applies to every citation in the list
 *   that follows ("Tiếp tục hiện thực hóa các mục tiêu ...; Nghị quyết số
 *   13-NQ/TU ...; Kế hoạch hành động số 359-KH/TU ..." → implements);
 * - "X ban hành A; B; C" and "X ban hành các Nghị quyết ...; trong đó,
 *   Nghị quyết số 57-NQ/TW ..." give X to each listed reference.
 *
 * A sentence ends at ". ", "!", "?", or a line opening with a bullet ("-",
 * "+", "•"); its list items are separated by ";" or ":" (and "," or "và"
 * within an item's run).
 */
import type { Relation } from '../schema.js';
import { isHSpace, isLineBreak, isSpace } from './chars.js';
import { typeNameAt } from './doctype.js';
import { issuerBefore, type IssuerMatch } from './issuer.js';
import { firstRelationIn } from './relation.js';
import { NUM, PUNCT, WORD, tokenAfter, tokenBefore, tokensAfter, type Tok } from './tokens.js';

/** How far back a sentence start is looked for. */
const SENTENCE_REACH = 2500;

/** Where the reference containing position `i` starts, or `i` (a span may hold a page's footnotes). */
export type SpanStartOf = (i: number) => number;

/**
 * Start of the sentence holding `pos`: after the last ". ", "!", "?" or at a
 * line that opens with a bullet, or `pos - SENTENCE_REACH`. References'
 * spans are skipped whole.
 */
export function sentenceStart(text: string, pos: number, spanStartOf: SpanStartOf = (i) => i): number {
  const stop = Math.max(0, pos - SENTENCE_REACH);
  for (let i = pos - 1; i >= stop; i--) {
    i = spanStartOf(i);
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) return i + 1;
    if (c === 45 || c === 43 || c === 0x2022 || c === 0x2013) {
      // A bullet: only spaces between it and the line start.
      let j = i - 1;
      while (j >= 0 && isHSpace(text.charCodeAt(j))) j--;
      if (j < 0 || isLineBreak(text.charCodeAt(j))) return i + 1;
    }
  }
  return stop;
}

/** Skips back over list markers ("(2)", "a)", "2.") and opening quotes before `pos`. */
function skipMarkersBack(text: string, pos: number): number {
  let p = pos;
  for (let guard = 0; guard < 4; guard++) {
    const t = tokenBefore(text, p);
    if (!t) return p;
    if (t.kind === PUNCT && (t.key === '“' || t.key === '"' || t.key === '‘' || t.key === "'")) {
      p = t.start;
      continue;
    }
    if (t.kind === PUNCT && t.key === ')') {
      const m = tokenBefore(text, t.start);
      if (m && (m.kind === NUM || (m.kind === WORD && m.end - m.start <= 2))) {
        const o = tokenBefore(text, m.start);
        p = o && o.kind === PUNCT && o.key === '(' ? o.start : m.start;
        continue;
      }
    }
    return p;
  }
  return p;
}

/**
 * What opens the list item a reference starts: ";", ":", "," or "và" (list
 * markers and quotes skipped; "trong đó," counts as ","), or null when the
 * reference does not open an item.
 */
export function listItemLead(text: string, start: number): ';' | ':' | ',' | 'va' | null {
  const p = skipMarkersBack(text, start);
  const t = tokenBefore(text, p);
  if (!t) return null;
  if (t.kind === PUNCT && (t.key === ';' || t.key === ':' || t.key === ',')) return t.key as ';' | ':' | ',';
  if (t.kind === WORD && t.key === 'va' && !t.cap) return 'va';
  return null;
}

/**
 * The relation that a list's head gives its items: the first relation word
 * of the sentence's first segment (up to the first ";" or ":"), when it comes
 * before any reference of that segment. `firstRefIn(from, to)` tells where
 * the first reference of a range starts (or -1).
 */
export function listRelation(
  text: string,
  refStart: number,
  firstRefIn: (from: number, to: number) => number,
  spanStartOf: SpanStartOf,
): Relation | null {
  const s = sentenceStart(text, refStart, spanStartOf);
  // End of the first segment.
  let segEnd = -1;
  for (let i = s; i < refStart; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 58) {
      segEnd = i;
      break;
    }
  }
  if (segEnd < 0) return null;
  const r = firstRefIn(s, segEnd);
  return firstRelationIn(text, s, r >= 0 ? r : segEnd);
}

/**
 * The issuer that a "X (đã) ban hành" earlier in the sentence gives a listed
 * reference of type `docType`: the object of "ban hành" is either a
 * reference ("X ban hành A; B") or a plural type name ("X ban hành các Nghị
 * quyết ...; trong đó, A"), which must then be the reference's type.
 * `refAt(pos)` tells whether a reference starts at `pos`.
 */
export function listIssuer(
  text: string,
  refStart: number,
  docType: string | null,
  refAt: (pos: number) => boolean,
  spanStartOf: SpanStartOf,
): IssuerMatch | null {
  const s = sentenceStart(text, refStart, spanStartOf);
  let best: IssuerMatch | null = null;
  let p = s;
  while (p < refStart) {
    const t = tokenAfter(text, p, refStart);
    if (!t) break;
    p = t.end;
    if (t.kind !== WORD || t.key !== 'ban' || t.cap) continue;
    const h = tokenAfter(text, t.end, refStart);
    if (!h || h.kind !== WORD || h.key !== 'hanh') continue;
    const x = issuerBefore(text, h.end);
    if (!x) continue;
    // The object of "ban hành".
    const obj = tokensAfter(text, h.end, 4, refStart);
    if (obj.length === 0) continue;
    if (refAt(obj[0].start)) {
      best = x;
      continue;
    }
    let k = 0;
    if (isDeterminer(obj[0])) k = 1;
    if (k === 0) continue;
    const named = typeNameAt(obj, k);
    if (named && (named.generic || named.name === docType)) best = x;
  }
  return best;
}

/** "các", "những", "nhiều", a count ("45 Quyết định"). */
function isDeterminer(t: Tok): boolean {
  if (t.kind === NUM) return true;
  return t.kind === WORD && (t.key === 'cac' || t.key === 'nhung' || t.key === 'nhieu') && !t.cap;
}
