/**
 * Where sentences and list items end, for the steps that read the text
 * between references (short forms, relations between cited documents). Works
 * on the original text or its same-length fold: only ASCII punctuation,
 * spaces and letter case are looked at.
 *
 * Line breaks alone end nothing: PDF text breaks lines mid-sentence
 * ("Nghị quyết số 57-\nNQ/TW"). A line that starts with a bullet or an
 * enumeration ("- ", "+ ", "(2)", "b)", "II."), a footnote ("3 Thay thế
 * ...", a lone "2") or a rule ("-----") does start a new item.
 */

const BULLET_AFTER_NEWLINE =
  /\n[ \t\u00a0]*(?:[-+•*–—](?=\s)|\(?\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)|[IVX]{1,5}\.\s|\d{1,2}[ \t]*\n|\d{1,2}[ \t]+\p{Lu}|[-_=*]{3,})/u;
/** An inline enumeration marker "(2)", " 3)" that opens a list item. */
const ENUMERATION = /(?:^|[\s;,:])\(\d{1,2}\)\s|;\s*\d{1,2}\)\s/u;

function isUpperStart(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/**
 * True when `text[from, to)` holds the end of a sentence: ". ", "? ", "! "
 * followed by a capital, a digit, a bullet or the end; a colon; or a new
 * bulleted/enumerated line.
 */
export function hasSentenceBreak(text: string, from: number, to: number): boolean {
  return sentenceBreakAt(text, from, to) >= 0;
}

/** Position of the first sentence end in `text[from, to)` (see {@link hasSentenceBreak}), or -1. */
export function sentenceBreakAt(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  let found = -1;
  for (let i = from; i < to && found < 0; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */) {
      // "số: 862/QĐ-UBND" and times "8:30" are not breaks.
      const prev = prevWord(text, i, from);
      if (prev === 'so' || prev === 'số') continue;
      if (isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) continue;
      found = i;
      break;
    }
    if (c === 0x2e /* . */ || c === 0x3f /* ? */ || c === 0x21 /* ! */ || c === 0x2026 /* … */) {
      if (c === 0x2e && isDigitAt(text, i + 1)) continue; // 27.9.2019, 2.1.
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00a0' || text[j] === '"' || text[j] === '”' || text[j] === ')')) j++;
      const n = text[j];
      if (j >= text.length || n === '\n' || n === '\r' || ((isUpperStart(n) || /[\d\-+•(]/.test(n)) && !(c === 0x2e && isAbbreviationBefore(text, i)))) {
        found = i;
        break;
      }
    }
  }
  const limit = found >= 0 ? found : to;
  const m = BULLET_AFTER_NEWLINE.exec(text.slice(from, limit));
  return m ? from + m.index : found;
}

/** True when `text[from, to)` separates list items: a semicolon or an inline enumeration "(2)". */
export function hasItemBreak(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const s = text.slice(from, to);
  return s.includes(';') || ENUMERATION.test(s);
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** "TP." "Tp." "ThS." "TS." "PGS." before a dot: short capitalized abbreviations, not sentence ends. */
function isAbbreviationBefore(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /\p{L}/u.test(text[i - 1])) i--;
  const w = text.slice(i, dot);
  return w.length > 0 && w.length <= 3 && isUpperStart(w[0]) && /^(?:TP|Tp|TS|ThS|PGS|GS|Th|Ô|Bà|St)$/u.test(w);
}

function prevWord(text: string, i: number, limit: number): string {
  let e = i;
  while (e > limit && /\s/.test(text[e - 1])) e--;
  let s = e;
  while (s > limit && /\p{L}/u.test(text[s - 1])) s--;
  return text.slice(s, e).toLowerCase();
}

const BLANK_LINE = /\n[ \t\u00a0]*\r?\n/g;
const TWO_BLANK_LINES = /\n(?:[ \t\u00a0]*\r?\n){2,}/g;

/**
 * The paragraph break of this text: a blank line, except in text where
 * nearly every line is followed by a blank one (a common PDF extraction, as
 * in the seeds), where it takes two. Returns a global regex to run with
 * `lastIndex`.
 */
export function paragraphBreakPattern(text: string): RegExp {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let lines = 0;
  for (let i = sample.indexOf('\n'); i >= 0; i = sample.indexOf('\n', i + 1)) lines++;
  BLANK_LINE.lastIndex = 0;
  let blanks = 0;
  while (BLANK_LINE.exec(sample) !== null) blanks++;
  return lines >= 6 && blanks * 2 >= lines * 0.7 ? new RegExp(TWO_BLANK_LINES.source, 'g') : new RegExp(BLANK_LINE.source, 'g');
}

/** Position of the first ";" in `text[from, to)`, or -1. */
export function itemBreakAt(text: string, from: number, to: number): number {
  const i = text.indexOf(';', from);
  return i >= 0 && i < to ? i : -1;
}
