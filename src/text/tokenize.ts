/**
 * One-pass tokenizer for Vietnamese report text.
 *
 * Token kinds:
 * - `word`: a run of letters (Vietnamese syllables, abbreviations like UBND, foreign words);
 * - `alnum`: letters and digits mixed ("QH15", and OCR damage such as "s6", "B9");
 * - `number`: a run of digits;
 * - `symbol`: document-symbol codes joined by "/" or "-" ("NQ/TW", "QĐ-UBND", "NĐ-CP", "BC-SKHCN");
 * - `punct`: any other single non-space character (one code point);
 * - `newline`: a line break (\n, \r\n or \r counts as one; also form feed,
 *   vertical tab, U+0085, U+2028, U+2029).
 * Spaces (including no-break and zero-width spaces) separate tokens and are
 * not tokens. Combining marks, soft hyphens and zero-width joiners inside a
 * word belong to it.
 *
 * Symbol groups: a run joined by "/" or "-" with no space is a `symbol` when
 * each part is a code: two or more capitals ("NQ", "UBND", "TTg", "QyĐ"),
 * a capital and at most one more character ("TW", "Đ"), or a capitalised
 * word that is not a Vietnamese syllable ("Ctr" in "65-Ctr/TU"; "Sở/Ngành"
 * stays words).
 *
 * The result is a {@link TokenStream}: parallel typed arrays (kind, start,
 * end, flags) plus the folded text, so the scanning loop allocates nothing
 * per token; {@link tokenize} wraps it as an array of {@link Token} views whose
 * `text` and `folded` strings are made only when read.
 */
import { foldDiacritics } from './fold.js';
import { CASE_LOWER, CASE_UPPER, letterCase } from './chars.js';
import { isVietnameseSyllable } from './syllable-check.js';

export type TokenKind = 'word' | 'alnum' | 'number' | 'symbol' | 'punct' | 'newline';

export const KIND_WORD = 0;
export const KIND_ALNUM = 1;
export const KIND_NUMBER = 2;
export const KIND_SYMBOL = 3;
export const KIND_PUNCT = 4;
export const KIND_NEWLINE = 5;
const KIND_NAMES: TokenKind[] = ['word', 'alnum', 'number', 'symbol', 'punct', 'newline'];

/** Flag bits of a token. */
export const FLAG_DIACRITIC = 1; // carries at least one Vietnamese diacritic (or đ)
export const FLAG_UPPER_FIRST = 2; // first letter upper-case
export const FLAG_ALL_UPPER = 4; // every letter upper-case (and more than one letter)
export const FLAG_HAS_UPPER_INSIDE = 8; // an upper-case letter after the first

export interface TokenStream {
  readonly text: string;
  /** `foldDiacritics(text)`: same length, so token offsets index it too. */
  readonly folded: string;
  readonly length: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
}

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The token as written. */
  readonly text: string;
  /** Diacritics folded ("Nghị" → "Nghi"). */
  readonly folded: string;
  /** Carries a Vietnamese diacritic. */
  hasDiacritics: boolean;
  /** Case shape of a word: 'lower', 'title' ("Nghị"), 'upper' ("NGHỊ", "UBND"), 'mixed' ("TTg"), 'none'. */
  casing: 'lower' | 'title' | 'upper' | 'mixed' | 'none';
}

// Character classes for the UTF-16 code units below U+2000 (others are looked up by regex).
const C_OTHER = 0;
const C_LETTER = 1;
const C_DIGIT = 2;
const C_SPACE = 3;
const C_NEWLINE = 4;
const C_MARK = 5; // combining mark: belongs to the letter before it

const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x2000);
  for (let c = 0; c < 0x2000; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 0x30 && c <= 0x39) t[c] = C_DIGIT;
    else if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85) t[c] = C_NEWLINE;
    else if ((c >= 0x0300 && c <= 0x036f) || c === 0xad) t[c] = C_MARK;
    else if (/\p{L}/u.test(ch)) t[c] = C_LETTER;
    else if (/\p{M}/u.test(ch)) t[c] = C_MARK;
    else if (/\s/u.test(ch)) t[c] = C_SPACE;
    else t[c] = C_OTHER;
  }
  return t;
}

const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\s/u;

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x2000) return CLASS[c];
  if (c === 0x2028 || c === 0x2029) return C_NEWLINE;
  if (c >= 0xd800 && c <= 0xdfff) return C_OTHER; // surrogates (lone or paired): not letters of ours
  const ch = text.charAt(i);
  if (LETTER_RE.test(ch)) return C_LETTER;
  if (MARK_RE.test(ch)) return C_MARK;
  if (SPACE_RE.test(ch) || c === 0x200b || c === 0xfeff) return C_SPACE;
  if (c === 0x200c || c === 0x200d || c === 0x2060) return C_MARK; // joiners: inside the word
  return C_OTHER;
}

function isUpper(c: number): boolean {
  return letterCase(c) === CASE_UPPER;
}

function isLower(c: number): boolean {
  return letterCase(c) === CASE_LOWER;
}

/** Tokenizes `text` into parallel arrays (see {@link TokenStream}). */
export function tokenizeStream(text: string): TokenStream {
  if (typeof text !== 'string') throw new TypeError('tokenize: argument "text" must be a string');
  const folded = foldDiacritics(text);
  const n = text.length;
  let cap = Math.max(16, n >>> 2);
  let kinds = new Uint8Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let count = 0;

  const push = (kind: number, s: number, e: number, f: number) => {
    if (count === cap) {
      cap *= 2;
      const k2 = new Uint8Array(cap);
      k2.set(kinds);
      kinds = k2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
      const f2 = new Uint8Array(cap);
      f2.set(flags);
      flags = f2;
    }
    kinds[count] = kind;
    starts[count] = s;
    ends[count] = e;
    flags[count] = f;
    count++;
  };

  let i = 0;
  while (i < n) {
    const cls = classOf(text, i);
    if (cls === C_SPACE) {
      i++;
      continue;
    }
    if (cls === C_NEWLINE) {
      const s = i;
      i += text.charCodeAt(i) === 0x0d && i + 1 < n && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      push(KIND_NEWLINE, s, i, 0);
      continue;
    }
    if (cls === C_LETTER || cls === C_DIGIT) {
      const s = i;
      let letters = 0;
      let digits = 0;
      let f = 0;
      let uppers = 0;
      let lowers = 0;
      let firstUpper = false;
      while (i < n) {
        const c2 = classOf(text, i);
        const code = text.charCodeAt(i);
        if (c2 === C_LETTER) {
          const lc = letterCase(code);
          if (lc === CASE_UPPER) {
            if (letters === 0 && digits === 0) firstUpper = true;
            else f |= FLAG_HAS_UPPER_INSIDE;
            uppers++;
          } else if (lc === CASE_LOWER) lowers++;
          if (folded.charCodeAt(i) !== code) f |= FLAG_DIACRITIC;
          letters++;
        } else if (c2 === C_DIGIT) {
          digits++;
        } else if (c2 === C_MARK && (letters > 0 || digits > 0)) {
          f |= FLAG_DIACRITIC;
        } else break;
        i++;
      }
      if (firstUpper) f |= FLAG_UPPER_FIRST;
      if (uppers > 1 && lowers === 0) f |= FLAG_ALL_UPPER;
      const kind = letters === 0 ? KIND_NUMBER : digits === 0 ? KIND_WORD : KIND_ALNUM;
      push(kind, s, i, f);
      continue;
    }
    // punctuation, marks with no base, surrogates, anything else: one code point per token
    const s = i;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    push(KIND_PUNCT, s, i, 0);
  }

  const stream = { text, folded, length: count, kinds, starts, ends, flags };
  mergeSymbols(stream);
  return {
    text,
    folded,
    length: stream.length,
    kinds: stream.kinds.subarray(0, stream.length),
    starts: stream.starts.subarray(0, stream.length),
    ends: stream.ends.subarray(0, stream.length),
    flags: stream.flags.subarray(0, stream.length),
  };
}

/**
 * True when a word/alnum token looks like a code group of a document symbol
 * (NQ, TW, TTg, CTr, QH15, NĐ, UBND, and Ctr, which is not a syllable).
 */
function isCodeGroup(text: string, s: number, e: number, kind: number): boolean {
  if (kind !== KIND_WORD && kind !== KIND_ALNUM) return false;
  const len = e - s;
  if (len > 16) return false;
  if (!isUpper(text.charCodeAt(s))) return false;
  let uppers = 0;
  for (let k = s; k < e; k++) if (isUpper(text.charCodeAt(k))) uppers++;
  if (uppers >= 2 || len <= 2) return true;
  return kind === KIND_WORD && !isVietnameseSyllable(text.slice(s, e));
}

/**
 * Joins code groups separated by "/" or "-" with no space between ("NQ" "/" "TW",
 * "QĐ" "-" "UBND") into one `symbol` token, in place.
 */
function mergeSymbols(st: { text: string; length: number; kinds: Uint8Array; starts: Int32Array; ends: Int32Array; flags: Uint8Array }): void {
  const { text, kinds, starts, ends, flags } = st;
  let w = 0;
  let r = 0;
  const n = st.length;
  while (r < n) {
    if (isCodeGroup(text, starts[r], ends[r], kinds[r])) {
      let j = r;
      let groups = 1;
      // extend over (sep code-group) pairs that touch
      while (
        j + 2 < n &&
        kinds[j + 1] === KIND_PUNCT &&
        starts[j + 1] === ends[j] &&
        ends[j + 1] === starts[j + 2] &&
        isSeparator(text.charCodeAt(starts[j + 1])) &&
        isCodeGroup(text, starts[j + 2], ends[j + 2], kinds[j + 2])
      ) {
        j += 2;
        groups++;
      }
      if (groups >= 2) {
        let f = 0;
        for (let k = r; k <= j; k++) f |= flags[k] & FLAG_DIACRITIC;
        kinds[w] = KIND_SYMBOL;
        starts[w] = starts[r];
        ends[w] = ends[j];
        flags[w] = f | FLAG_UPPER_FIRST;
        w++;
        r = j + 1;
        continue;
      }
    }
    kinds[w] = kinds[r];
    starts[w] = starts[r];
    ends[w] = ends[r];
    flags[w] = flags[r];
    w++;
    r++;
  }
  st.length = w;
}

function isSeparator(c: number): boolean {
  return c === 0x2f /* / */ || c === 0x2d /* - */ || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014;
}

function casingOf(kind: number, f: number, text: string, s: number, e: number): Token['casing'] {
  if (kind === KIND_NUMBER || kind === KIND_PUNCT || kind === KIND_NEWLINE) return 'none';
  if (f & FLAG_ALL_UPPER) return 'upper';
  if (f & FLAG_HAS_UPPER_INSIDE) return 'mixed';
  if (f & FLAG_UPPER_FIRST) return e - s === 1 ? 'upper' : 'title';
  // a word with no upper-case letter; a lone upper letter counts as title above
  for (let k = s; k < e; k++) if (isLower(text.charCodeAt(k))) return 'lower';
  return 'none';
}

class TokenView implements Token {
  constructor(
    private readonly stream: TokenStream,
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    readonly hasDiacritics: boolean,
    readonly casing: Token['casing'],
  ) {}
  get text(): string {
    return this.stream.text.slice(this.start, this.end);
  }
  get folded(): string {
    return this.stream.folded.slice(this.start, this.end);
  }
  toJSON() {
    return { kind: this.kind, start: this.start, end: this.end, text: this.text, folded: this.folded, hasDiacritics: this.hasDiacritics, casing: this.casing };
  }
}

/** Tokenizes `text` into {@link Token}s with offsets into `text`. */
export function tokenize(text: string): Token[] {
  const st = tokenizeStream(text);
  const out: Token[] = new Array(st.length);
  for (let k = 0; k < st.length; k++) {
    const f = st.flags[k];
    out[k] = new TokenView(st, KIND_NAMES[st.kinds[k]], st.starts[k], st.ends[k], (f & FLAG_DIACRITIC) !== 0, casingOf(st.kinds[k], f, text, st.starts[k], st.ends[k]));
  }
  return out;
}

/** The name of a kind code in a {@link TokenStream}. */
export function kindName(kind: number): TokenKind {
  return KIND_NAMES[kind];
}
