/**
 * Issue dates after a reference: "ngày 27/9/2019", ", ngày 01 tháng 4 năm
 * 2025", "ngày 22\ntháng 12 năm 2024", "ngay 27 thang 9 nam 2019".
 *
 * Like chrono-node, a list of small parsers each reading one form at a
 * position; the first that reads a whole date wins. Our own parsers come
 * first because they are fast (the finder calls them for every reference)
 * and read what chrono-node's `vi` locale does not: folded and OCR-ish date
 * words, a footnote digit glued to the year ("05/8/20259"), a dropped
 * separator ("13/72024" has one reading: 13/7/2024). chrono-node's `vi`
 * locale reads whatever else NFC text with diacritics holds.
 */
import { vi as chronoVi } from 'chrono-node';
import { foldedKey, isDash, isDigit, isHSpace, isLetter, isSlash, isSpace } from './chars.js';

export interface DateMatch {
  /** ISO `YYYY-MM-DD`. */
  iso: string;
  /** Span of the date itself (after the cue word). */
  start: number;
  end: number;
  /** False when read through a typo (dropped separator, a misspelt cue word). */
  exact: boolean;
}

export interface DateParser {
  name: string;
  /** Reads a date whose first character is at `pos` (spaces already skipped). */
  parse(text: string, pos: number): DateMatch | null;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO date when day, month and year make a real date (years 1900-2099), else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Reads 1..max digits at pos: [value, end] or null. */
function digitsAt(text: string, pos: number, max: number): [number, number] | null {
  let i = pos;
  let v = 0;
  while (i < text.length && i - pos < max && isDigit(text.charCodeAt(i))) {
    v = v * 10 + text.charCodeAt(i) - 48;
    i++;
  }
  return i === pos ? null : [v, i];
}

function skipHSpace(text: string, pos: number, max: number): number {
  let i = pos;
  while (i < text.length && i - pos < max && isHSpace(text.charCodeAt(i))) i++;
  return i;
}

function skipSpace(text: string, pos: number, max: number): number {
  let i = pos;
  while (i < text.length && i - pos < max && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function dateSepKind(c: number): number {
  if (isSlash(c)) return 1;
  if (isDash(c)) return 2;
  if (c === 46) return 3;
  return 0;
}

/** "27/9/2019", "27-9-2019", "27.9.2019" (same separator twice); "05/8/20259" reads 2025 plus a footnote 9. */
export const numericDate: DateParser = {
  name: 'numeric',
  parse(text, pos) {
    const d = digitsAt(text, pos, 2);
    if (!d) return null;
    let i = skipHSpace(text, d[1], 2);
    const k1 = dateSepKind(text.charCodeAt(i));
    if (!k1) return null;
    i = skipHSpace(text, i + 1, 2);
    const m = digitsAt(text, i, 2);
    if (!m || (m[1] < text.length && isDigit(text.charCodeAt(m[1])))) return null;
    i = skipHSpace(text, m[1], 2);
    if (dateSepKind(text.charCodeAt(i)) !== k1) return null;
    i = skipHSpace(text, i + 1, 2);
    // Up to 6 digits: 4 of year, then at most 2 of a glued footnote marker.
    const y = digitsAt(text, i, 6);
    if (!y || y[1] - i < 4) return null;
    const yEnd = i + 4;
    if (y[1] < text.length && isDigit(text.charCodeAt(y[1]))) return null;
    const year = Number(text.slice(i, yEnd));
    const iso = isoDate(year, m[0], d[0]);
    return iso ? { iso, start: pos, end: yEnd, exact: true } : null;
  },
};

/** "27/92019" → 27/9/2019: the second separator dropped; only when one reading exists. */
export const droppedSeparatorDate: DateParser = {
  name: 'dropped-separator',
  parse(text, pos) {
    const d = digitsAt(text, pos, 2);
    if (!d) return null;
    const k = dateSepKind(text.charCodeAt(d[1]));
    if (!k) return null;
    const run = digitsAt(text, d[1] + 1, 7);
    if (!run) return null;
    const len = run[1] - d[1] - 1;
    if ((run[1] < text.length && isDigit(text.charCodeAt(run[1]))) || (len !== 5 && len !== 6)) return null;
    const s = text.slice(d[1] + 1, run[1]);
    const month = Number(s.slice(0, len - 4));
    const year = Number(s.slice(len - 4));
    const iso = isoDate(year, month, d[0]);
    // The next character must not continue the date ("27/92019/..." is something else).
    if (!iso || (run[1] < text.length && dateSepKind(text.charCodeAt(run[1])) === k)) return null;
    return { iso, start: pos, end: run[1], exact: false };
  },
};

/** Reads a word at pos: [folded lower-case word, end] or null. */
function wordAt(text: string, pos: number): [string, number] | null {
  let i = pos;
  while (i < text.length && i - pos < 12 && isLetter(text.charCodeAt(i))) i++;
  if (i === pos || (i < text.length && isLetter(text.charCodeAt(i)))) return null;
  return [foldedKey(text, pos, i), i];
}

/** "tháng" as written, folded ("thang") or OCR-damaged ("thdng", "thiing"). */
const MONTH_WORD = /^th[a-z]{1,2}ng$/;
/** "năm", "nam", OCR "ndm", "niim". */
const YEAR_WORD = /^n[a-z]{1,2}m$/;

/** "27 tháng 9 năm 2019", across line breaks, on folded text ("27 thang 9 nam 2019"). */
export const textualDate: DateParser = {
  name: 'textual',
  parse(text, pos) {
    const d = digitsAt(text, pos, 2);
    if (!d) return null;
    let i = skipSpace(text, d[1], 8);
    const w1 = wordAt(text, i);
    if (!w1 || !MONTH_WORD.test(w1[0])) return null;
    i = skipSpace(text, w1[1], 8);
    const m = digitsAt(text, i, 2);
    if (!m) return null;
    i = skipSpace(text, m[1], 8);
    const w2 = wordAt(text, i);
    if (!w2 || !YEAR_WORD.test(w2[0])) return null;
    i = skipSpace(text, w2[1], 8);
    const y = digitsAt(text, i, 6);
    if (!y || y[1] - i < 4) return null;
    if (y[1] < text.length && isDigit(text.charCodeAt(y[1]))) return null;
    const iso = isoDate(Number(text.slice(i, i + 4)), m[0], d[0]);
    const exact = (w1[0] === 'thang' && w2[0] === 'nam');
    return iso ? { iso, start: pos, end: i + 4, exact } : null;
  },
};

const CHRONO_REF = new Date(Date.UTC(2000, 0, 1, 12));
const CHRONO_WINDOW = 48;

/** chrono-node's `vi` locale, for NFC text with diacritics that our parsers did not read. */
export const chronoDate: DateParser = {
  name: 'chrono-vi',
  parse(text, pos) {
    const window = text.slice(pos, pos + CHRONO_WINDOW);
    const results = chronoVi.strict.parse(window, CHRONO_REF);
    const r = results[0];
    if (!r || r.index !== 0) return null;
    const s = r.start;
    if (!s.isCertain('day') || !s.isCertain('month') || !s.isCertain('year')) return null;
    const iso = isoDate(s.get('year') ?? 0, s.get('month') ?? 0, s.get('day') ?? 0);
    return iso ? { iso, start: pos, end: pos + r.text.length, exact: true } : null;
  },
};

/** The parsers, in the order they are tried. */
export const DATE_PARSERS: readonly DateParser[] = [numericDate, textualDate, droppedSeparatorDate, chronoDate];

/** A date at `pos` by the first parser that reads one. */
export function parseDateAt(text: string, pos: number): DateMatch | null {
  if (pos >= text.length || !isDigit(text.charCodeAt(pos))) return null;
  for (const p of DATE_PARSERS) {
    const m = p.parse(text, pos);
    if (m) return m;
  }
  return null;
}

/** The cue word "ngày" (folded "ngay"), its OCR forms ("ngdy") and the typo "này". */
const DAY_WORD = /^ng[a-z]?y$|^nay$/;

export interface IssueDate extends DateMatch {
  /** Where the cue phrase (optional comma, "ngày") starts. */
  cueStart: number;
}

/**
 * The issue date written right after a reference ending at `pos`: optional
 * comma, "ngày" (also folded, OCR-damaged, or the typo "này"), optional colon,
 * then a date, across line breaks.
 */
export function issueDateAfter(text: string, pos: number): IssueDate | null {
  let i = skipSpace(text, pos, 16);
  const cueStart = i;
  if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1, 16);
  let w = wordAt(text, i);
  if (!w || !DAY_WORD.test(w[0])) return null;
  i = skipSpace(text, w[1], 16);
  // "ngày ngày 14/5/2010": the cue written twice.
  const again = wordAt(text, i);
  if (again && again[0] === w[0]) {
    w = again;
    i = skipSpace(text, again[1], 16);
  }
  if (text.charCodeAt(i) === 58) i = skipSpace(text, i + 1, 8);
  const m = parseDateAt(text, i);
  if (!m) return null;
  return { ...m, exact: m.exact && w[0] === 'ngay', cueStart };
}
