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
 * within an item's run). References' spans are skipped whole (a span broken
 * by a page holds a page of footnotes).
 *
 * The finder asks for references in text order, so a {@link ListContext}
 * reads each stretch of text once: sentence starts are found incrementally,
 * and a sentence's head relation and its "ban hành" sites are read once per
 * sentence. Total work stays proportional to the text's length.
 */
import type { Relation } from '../schema.js';
import { isHSpace, isLineBreak, isSpace } from './chars.js';
import { typeNameAt } from './doctype.js';
import { issuerBefore, type IssuerMatch } from './issuer.js';
import { firstRelationIn } from './relation.js';
import { NUM, PUNCT, WORD, tokenAfter, tokenBefore, tokensAfter, type Tok } from './tokens.js';

/** How far back a sentence start is looked for. */
const SENTENCE_REACH = 2500;
/**
 * Longest stretch without a reference inside a list: items of one list
 * follow each other closely; a longer gap means the "sentence" is really
 * several paragraphs without final punctuation (web-scraped text).
 */
const MAX_ITEM_GAP = 800;

/** Skips back over list markers ("(2)", "a)") and opening quotes before `pos`. */
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
  const t = listItemLeadToken(text, start);
  if (!t) return null;
  if (t.kind === PUNCT && (t.key === ';' || t.key === ':' || t.key === ',')) return t.key as ';' | ':' | ',';
  if (t.kind === WORD && t.key === 'va' && !t.cap) return 'va';
  return null;
}

/** The token that opens the list item a reference starts (list markers and quotes skipped), or null. */
export function listItemLeadToken(text: string, start: number): Tok | null {
  return tokenBefore(text, skipMarkersBack(text, start));
}

/**
 * A sentence boundary ends at `i` (exclusive): ". ", "! ", "? ", a bullet
 * opening a line, or any line break when lines are paragraphs.
 */
export function boundaryAt(text: string, i: number, paragraphs: boolean): boolean {
  const c = text.charCodeAt(i);
  if (paragraphs && isLineBreak(c)) return true;
  if (c === 46 || c === 33 || c === 63) return i + 1 < text.length && isSpace(text.charCodeAt(i + 1));
  if (c === 45 || c === 43 || c === 0x2022 || c === 0x2013) {
    let j = i - 1;
    while (j >= 0 && isHSpace(text.charCodeAt(j))) j--;
    return j < 0 || isLineBreak(text.charCodeAt(j));
  }
  return false;
}

interface Site {
  /** Position after "ban hành". */
  at: number;
  issuer: IssuerMatch;
  /** The object is a reference (its start), or a plural type name ("các Nghị quyết"). */
  objectRef: number;
  objectType: string | null;
  objectGeneric: boolean;
}

interface SentenceInfo {
  /** End of the first segment (first ";" or ":"), or -1 within reach. */
  segEnd: number;
  /** Relation of the head (first segment before its first reference), computed on demand. */
  head?: Relation | null;
  /** "ban hành" sites, read up to `sitesTo`. */
  sites: Site[];
  sitesTo: number;
}

/** Reference spans known to the context: sorted starts and their ends. */
export interface Spans {
  starts: readonly number[];
  ends: readonly number[];
}

export class ListContext {
  private lastPos = -1;
  private lastStart = 0;
  private readonly sentences = new Map<number, SentenceInfo>();

  /** maxEnd[k]: the largest end among spans 0..k (a span broken by a page holds others). */
  private readonly maxEnd: Int32Array;

  /**
   * @param paragraphs the text's line breaks end paragraphs (see {@link linesAreParagraphs});
   *   otherwise they wrap lines inside sentences (text from PDF).
   */
  constructor(
    private readonly text: string,
    private readonly spans: Spans,
    private readonly paragraphs = false,
  ) {
    this.maxEnd = new Int32Array(spans.ends.length);
    let m = 0;
    for (let k = 0; k < spans.ends.length; k++) this.maxEnd[k] = m = Math.max(m, spans.ends[k]);
  }

  /** Whether a reference starts at `pos`. */
  refAt(pos: number): boolean {
    const k = lowerBound(this.spans.starts, pos);
    return k < this.spans.starts.length && this.spans.starts[k] === pos;
  }

  /** Whether references follow each other from `from` to `to` with no gap longer than MAX_ITEM_GAP. */
  private chained(from: number, to: number): boolean {
    let p = from;
    let k = lowerBound(this.spans.starts, from);
    while (k < this.spans.starts.length && this.spans.starts[k] < to) {
      if (this.spans.starts[k] - p > MAX_ITEM_GAP) return false;
      p = Math.max(p, this.spans.ends[k]);
      k++;
    }
    return to - p <= MAX_ITEM_GAP;
  }

  /** Start of the first reference in [from, to), or -1. */
  firstRefIn(from: number, to: number): number {
    const k = lowerBound(this.spans.starts, from);
    return k < this.spans.starts.length && this.spans.starts[k] < to ? this.spans.starts[k] : -1;
  }

  /**
   * Start of the sentence holding `pos`. Queries must come in
   * non-decreasing order of `pos` (the finder's order); each stretch of text
   * is scanned once.
   */
  sentenceStart(pos: number): number {
    const text = this.text;
    if (pos < this.lastPos) this.reset();
    const reach = Math.max(pos - SENTENCE_REACH, 0);
    let floor = Math.max(this.lastPos, reach);
    let incremental = this.lastPos >= reach;
    let found = -1;
    // Spans that end at or before pos are skipped whole; a span holding pos is read (its footnotes).
    let k = lowerBound(this.spans.starts, pos) - 1;
    for (let i = pos - 1; i >= floor; i--) {
      while (k >= 0 && this.spans.starts[k] > i) k--;
      if (k >= 0 && i < this.maxEnd[k]) {
        // The span covering i: the nearest one before that ends after i.
        let j = k;
        while (this.spans.ends[j] <= i) j--;
        if (this.spans.ends[j] <= pos) {
          k = j;
          i = this.spans.starts[j];
          if (i < floor) {
            // The span reaches back past the last query: that query's answer does not hold here.
            floor = reach;
            incremental = false;
          }
          continue;
        }
      }
      if (boundaryAt(text, i, this.paragraphs)) {
        found = i + 1;
        break;
      }
    }
    // With no boundary within reach, a fixed start is kept for another reach (so per-sentence work is shared).
    let start: number;
    if (found >= 0) start = found;
    else if (incremental && pos - this.lastStart <= 2 * SENTENCE_REACH) start = this.lastStart;
    else start = reach;
    this.lastPos = pos;
    this.lastStart = start;
    return start;
  }

  private reset(): void {
    this.lastPos = -1;
    this.lastStart = 0;
  }

  private info(s: number): SentenceInfo {
    let inf = this.sentences.get(s);
    if (!inf) {
      if (this.sentences.size > 64) this.sentences.clear();
      const text = this.text;
      let segEnd = -1;
      const stop = Math.min(text.length, s + SENTENCE_REACH);
      for (let i = s; i < stop; i++) {
        const c = text.charCodeAt(i);
        if (c === 59 || c === 58) {
          segEnd = i;
          break;
        }
        if (i > s && boundaryAt(text, i, this.paragraphs)) break;
      }
      inf = { segEnd, sites: [], sitesTo: s };
      this.sentences.set(s, inf);
    }
    return inf;
  }

  /**
   * The relation that a list's head gives a reference opening a ";" or ":"
   * item: the first relation word of the sentence's first segment (up to its
   * first ";" or ":"), when it comes before any reference of that segment.
   */
  listRelation(refStart: number): Relation | null {
    const s = this.sentenceStart(refStart);
    const inf = this.info(s);
    if (inf.segEnd < 0 || inf.segEnd >= refStart || !this.chained(inf.segEnd, refStart)) return null;
    if (inf.head === undefined) {
      const r = this.firstRefIn(s, inf.segEnd);
      inf.head = firstRelationIn(this.text, s, r >= 0 ? r : inf.segEnd);
    }
    return inf.head;
  }

  /**
   * The issuer that a "X (đã) ban hành" earlier in the sentence gives a
   * listed reference of type `docType`: the object of "ban hành" is a
   * reference ("X ban hành A; B") or a plural type name ("X ban hành các
   * Nghị quyết ...; trong đó, A"), which must then be the reference's type.
   */
  listIssuer(refStart: number, docType: string | null): IssuerMatch | null {
    const s = this.sentenceStart(refStart);
    const inf = this.info(s);
    this.readSites(inf, refStart);
    let best: IssuerMatch | null = null;
    let bestAt = -1;
    for (const site of inf.sites) {
      if (site.at > refStart) break;
      if (site.objectRef >= 0 && site.objectRef < refStart) {
        best = site.issuer;
        bestAt = site.at;
      } else if (site.objectRef < 0 && (site.objectGeneric || site.objectType === docType)) {
        best = site.issuer;
        bestAt = site.at;
      }
    }
    return best && this.chained(bestAt, refStart) ? best : null;
  }

  /** Reads the "ban hành" sites of a sentence up to `to`. */
  private readSites(inf: SentenceInfo, to: number): void {
    const text = this.text;
    let p = inf.sitesTo;
    while (p < to) {
      const t = tokenAfter(text, p, to);
      if (!t) break;
      p = t.end;
      if (t.kind !== WORD || t.key !== 'ban' || t.cap) continue;
      const h = tokenAfter(text, t.end, to);
      if (!h || h.kind !== WORD || h.key !== 'hanh') continue;
      p = h.end;
      const x = issuerBefore(text, h.end);
      if (!x) continue;
      const obj = tokensAfter(text, h.end, 4);
      if (obj.length === 0) continue;
      if (this.refAt(obj[0].start)) {
        inf.sites.push({ at: h.end, issuer: x, objectRef: obj[0].start, objectType: null, objectGeneric: false });
        continue;
      }
      if (!isDeterminer(obj[0])) continue;
      const named = typeNameAt(obj, 1);
      if (named) inf.sites.push({ at: h.end, issuer: x, objectRef: -1, objectType: named.name, objectGeneric: named.generic === true });
    }
    inf.sitesTo = Math.max(inf.sitesTo, p);
  }
}

/** "các", "những", "nhiều", a count ("45 Quyết định"). */
function isDeterminer(t: Tok): boolean {
  if (t.kind === NUM) return true;
  return t.kind === WORD && (t.key === 'cac' || t.key === 'nhung' || t.key === 'nhieu') && !t.cap;
}

/** Index of the first element >= x in a sorted array. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a code unit is a space to {@link linesAreParagraphs}, or a mark ending a paragraph's last line (. ; : ! ? ) " ”). */
const LINE_SPACE = 1;
const LINE_END_MARK = 2;
const LINE_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isSpace(c)) t[c] = LINE_SPACE;
  for (const c of [46, 59, 58, 33, 63, 41, 34, 0x201d]) t[c] = LINE_END_MARK;
  return t;
})();

/**
 * Whether the text's line breaks end paragraphs (most lines end with
 * punctuation: text from the web or a word processor) rather than wrap lines
 * mid-sentence (text from PDF, where about one line in five does). Reads the
 * first 200 non-empty lines (a line ends at \n or \r).
 *
 * Line breaks are found with `indexOf` and each line's last character by
 * reading back over its trailing spaces, so the function runs a few hundred
 * small loop iterations, not one per character. (The character loop it
 * replaces was optimized by V8 while it ran on a first long document, before
 * the code after the loop had ever run; that code had no type feedback, and
 * V8 entered the same deoptimizing loop code again on later calls: thousands
 * of deoptimizations in a bulk run.)
 */
export function linesAreParagraphs(text: string): boolean {
  const n = text.length;
  let lines = 0;
  let ended = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let start = 0;
  while (start <= n && lines < 200) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    const end = lf === -1 ? (cr === -1 ? n : cr) : cr === -1 || lf < cr ? lf : cr;
    let j = end - 1;
    while (j >= start && LINE_CLASS[text.charCodeAt(j)] === LINE_SPACE) j--;
    if (j >= start) {
      lines++;
      if (LINE_CLASS[text.charCodeAt(j)] === LINE_END_MARK) ended++;
    }
    start = end + 1;
  }
  return lines >= 3 && ended * 2 >= lines;
}
