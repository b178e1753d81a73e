/**
 * The grammar of a document's number and symbol (docs/vn-document-references.md):
 *
 * ```
 * PARTY     := NUM "-" TYPE "/" ISSUER ("-" ISSUER)*        52-NQ/TW, 3720-CV/BKTTW
 * STATE     := NUM "/" TYPE "-" ISSUER ("-" UNIT)*          111/NQ-CP, 51/QĐ-VKSTC-V12
 * CONGVAN   := NUM "/" ISSUER ("-" UNIT)+                   4119/STC-QLN
 * NORMATIVE := NUM "/" YEAR "/" SYMBOL                      65/2023/NĐ-CP, 193/2025/QH15
 * COURT     := NUM "/" YEAR "/" (FIELD "-" LEVEL | QĐxx "-" FIELD | "AL")
 * ```
 *
 * The patterns are composed once, from named parts, with XRegExp, and run
 * sticky at a known position (no search, no nested quantifiers, every
 * repetition bounded), so each attempt costs time proportional to the symbol's
 * length. They accept what normalization would otherwise fix: every dash
 * variant, NBSP, spaces around "/" and "-" ("954/ 2020/UBTVQH14", "94-
 * KH/BTGDVTW"), a line break after a separator ("336-\nKH/TU"), and a page
 * break with its footnotes after one ("359-" ... footnotes ... "KH/TU"). The
 * groups come back in their official spelling (`ND` → `NĐ`, `TTG` → `TTg`).
 */
import XRegExp from 'xregexp';
import type { Family } from '../schema.js';
import { foldLower, isDash, isDigit, isHSpace, isLetter, isLetterOrDigit, isLineBreak, isSlash, isSpace, isUpperCodeLetter } from './chars.js';
import { GLUED_WORDS, asTypeCode, canonicalCode, isCourtDecision, isCourtField, isCourtLevel, isKnownCode, splitFootnote } from './data/codes.js';

/** Named parts of the symbol grammar. */
export const PARTS = {
  /** Space within a line (NBSP and the Unicode spaces included). */
  hsp: /[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/,
  /** Any line break. */
  nl: /\r\n?|[\n\u000b\u000c\u0085\u2028\u2029]/,
  dash: /[-\u2010-\u2015\u2212\ufe63\uff0d]/,
  slash: /[/\u2044\u2215\uff0f]/,
  /** The number: 1 to 5 digits ("05", "1282"), maybe dotted ("66.16") or with a one-letter suffix ("30a", "08.a"). */
  num: /((?:\d{1,3}\.)?\d{1,5}(?:\.?[a-z])?)(?![\d\p{L}])/u,
  /** The year group of a normative or court symbol. */
  year: /((?:19|20)\d\d)(?!\d)/,
  /** One group of a symbol: letters (ASCII and Đ), digits, "&"; not the start of a longer word. */
  group: /([A-Za-z\u0110\u0111\u00d0\u00f0][A-Za-z0-9&\u0110\u0111\u00d0\u00f0\u01af\u01b0]{0,23})(?![\p{L}\p{M}\p{N}])/u,
};

const SUBS = {
  hsp: PARTS.hsp,
  nl: PARTS.nl,
  dash: PARTS.dash,
  slash: PARTS.slash,
  num: PARTS.num,
  year: PARTS.year,
  group: PARTS.group,
};

/** A separator between parts: spaces, the dash or slash, then spaces and up to three line breaks. */
const SEP_RE = XRegExp.build('{{hsp}}{0,3}({{dash}}|{{slash}})((?:{{hsp}}{0,16}{{nl}}){0,3}{{hsp}}{0,3})', SUBS, 'uy');
const NUM_RE = XRegExp.build('{{num}}', SUBS, 'uy');
const YEAR_RE = XRegExp.build('{{year}}', SUBS, 'uy');

export interface ParsedSymbol {
  family: Family;
  /** Start of the number (the id's first character) and end of the last group. */
  start: number;
  end: number;
  number: string;
  year: number | null;
  /** Groups after the number (and year), official spelling: ["NQ", "TW"], ["NĐ", "CP"]. */
  groups: string[];
  /** Separator before each group after the first: "-" or "/". */
  seps: ('-' | '/')[];
  /** Canonical id: `52-NQ/TW`, `65/2023/NĐ-CP`. */
  id: string;
  /** Canonical symbol after the number: `NQ/TW`, `2023/NĐ-CP`. */
  symbol: string;
  typeCode: string | null;
  issuerCode: string | null;
  /** Digits glued to the last group that are a footnote marker ("3" in "57-NQ/TW3"). */
  footnote: string;
  /** Spaces or a line break inside the symbol. */
  loose: boolean;
  /** The symbol continues after a page break and its footnotes. */
  pageBreak: boolean;
  /** Some group is not a known code. */
  unknownCodes: number;
}

interface Step {
  sep: '-' | '/';
  /** Position right after the separator character. */
  sepEnd: number;
  /** Position after the separator and its spaces. */
  next: number;
  spaced: boolean;
  newlines: number;
}

function sepAt(text: string, pos: number): Step | null {
  SEP_RE.lastIndex = pos;
  const m = SEP_RE.exec(text);
  if (!m) return null;
  const sepChar = m[1].charCodeAt(0);
  const after = m[2];
  const sepEnd = pos + m[0].length - after.length;
  let newlines = 0;
  for (let i = 0; i < after.length; i++) if (after.charCodeAt(i) === 10 || (after.charCodeAt(i) === 13 && after.charCodeAt(i + 1) !== 10)) newlines++;
  return {
    sep: isDash(sepChar) ? '-' : '/',
    sepEnd,
    next: pos + m[0].length,
    spaced: m[0].length > 1 && newlines === 0,
    newlines,
  };
}

/** Letters of a group: ASCII, Đ/đ (and Ð/ð), Ư/ư. */
function isGroupLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x110 || c === 0x111 || c === 0xd0 || c === 0xf0 || c === 0x1af || c === 0x1b0;
}

/**
 * The group at `pos` (the `group` part of {@link PARTS}, read by hand: this
 * is the innermost loop): a code letter, then up to 23 letters, digits or
 * "&", not running into a longer word.
 */
function groupAt(text: string, pos: number): string | null {
  const n = text.length;
  if (pos >= n) return null;
  const c0 = text.charCodeAt(pos);
  if (!isGroupLetter(c0) || c0 === 0x1af || c0 === 0x1b0) return null;
  let i = pos + 1;
  const stop = Math.min(n, pos + 24);
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (isGroupLetter(c) || isDigit(c) || c === 38) i++;
    else break;
  }
  // A word glued to the code ("CPngày", "TTGvà"): the group ends before it.
  const glued = gluedWordStart(text, pos, i);
  if (glued > 0) return text.slice(pos, glued);
  if (i < n && isLetterOrDigit(text.charCodeAt(i))) return null;
  // A group does not end on "&" ("GD& ĐT" is two words).
  while (i > pos + 1 && text.charCodeAt(i - 1) === 38) i--;
  return text.slice(pos, i);
}

/** Lower-case letters a group may hold: a-z, đ, ư. */
function isLowerGroupLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 0x111 || c === 0xf0 || c === 0x1b0;
}

/** Folded words PDF text glues to a symbol's end. */
const GLUED = new Set(GLUED_WORDS.map((g) => g.word));

/**
 * Where a word glued to a code starts ("CPngày": at "n"), or -1: a run of
 * capitals and digits, then lower-case letters that with the letters after
 * them (diacritics included) spell a word of GLUED_WORDS.
 */
function gluedWordStart(text: string, pos: number, runEnd: number): number {
  let k = runEnd;
  while (k > pos + 1 && isLowerGroupLetter(text.charCodeAt(k - 1))) k--;
  if (k === runEnd || k - pos < 2) return -1;
  for (let j = pos; j < k; j++) if (!isUpperCodeLetter(text.charCodeAt(j)) && !isDigit(text.charCodeAt(j))) return -1;
  let e = runEnd;
  while (e < text.length && e - k < 8 && isLetter(text.charCodeAt(e))) e++;
  if (e < text.length && isLetterOrDigit(text.charCodeAt(e))) return -1;
  let w = '';
  for (let j = k; j < e; j++) w += String.fromCharCode(foldLower(text.charCodeAt(j)));
  return GLUED.has(w) ? k : -1;
}

/**
 * Whether a group is written like a code: all capitals ("UBND", "QH15"), a
 * known code in any case ("Ctr", "nđ"), or a mixed-case code with at least
 * two capitals ("TTg", "QyĐ"). "Quảng", "ngày" are not. After a spaced
 * separator the group must be all capitals of two letters or more.
 */
export function isCodeLike(raw: string, spaced: boolean): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isUpperCodeLetter(c)) upper++;
    else if ((c >= 97 && c <= 122) || c === 0x111 || c === 0xf0) lower++;
  }
  if (spaced) return lower === 0 && upper >= 2;
  if (lower === 0) return upper >= 1;
  if (isKnownCode(raw)) return true;
  return upper >= 2 && lower <= 2 && isUpperCodeLetter(raw.charCodeAt(0));
}

const MAX_GROUPS = 8;
/** An issue date right after the symbol: ", ngày", " ngày". */
const DATE_CUE_AHEAD = /^\s*,?\s*ng[àa]y\b/iu;
/** How far a symbol broken by a page may continue: the footnotes of one page. */
const PAGE_BREAK_REACH = 4000;

/**
 * After a separator that ends a line with no group on the next line: when a
 * footnote separator line follows (a line of spaces or underscores), the
 * symbol may go on at the first line after the footnotes that starts with
 * its remaining groups. Returns that line's first group position, or -1.
 */
function pageBreakContinuation(text: string, afterSep: number, party: boolean): number {
  // The rest of the current line must be blank.
  let i = afterSep;
  const n = text.length;
  while (i < n && isHSpace(text.charCodeAt(i))) i++;
  if (i >= n || !isLineBreak(text.charCodeAt(i))) return -1;
  // A separator line within the next three lines.
  let sawSeparatorLine = false;
  let lineStart = i;
  for (let lines = 0; lines < 4 && lineStart < n; lines++) {
    // lineStart is at a line break: move to the next line.
    let p = lineStart;
    if (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10) p += 2;
    else p++;
    let q = p;
    let blank = 0;
    let rule = 0;
    while (q < n && !isLineBreak(text.charCodeAt(q))) {
      const c = text.charCodeAt(q);
      if (isHSpace(c)) blank++;
      else if (c === 95 || c === 0x2500 || c === 0x2014 || c === 45) rule++;
      else break;
      q++;
    }
    if (q < n && !isLineBreak(text.charCodeAt(q))) {
      // A line with content: stop looking for the separator.
      break;
    }
    if (blank + rule >= 10 || rule >= 5 || text.charCodeAt(q) === 12) {
      sawSeparatorLine = true;
      lineStart = q;
      break;
    }
    lineStart = q;
  }
  if (!sawSeparatorLine) return -1;
  const stop = Math.min(n, lineStart + PAGE_BREAK_REACH);
  let p = lineStart;
  while (p < stop) {
    // p is at a line break; look at the next line's start.
    let s = p + 1;
    if (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10) s++;
    let k = s;
    while (k < stop && isHSpace(text.charCodeAt(k))) k++;
    // Another separator line: the next page's footnotes; the symbol did not go on.
    if (k - s >= 10 && (k >= stop || isLineBreak(text.charCodeAt(k)))) return -1;
    const g = groupAt(text, k);
    if (g !== null && isCodeLike(g, false)) {
      const step = sepAt(text, k + g.length);
      if (step && step.newlines === 0 && (!party || step.sep === '/')) {
        const g2 = groupAt(text, step.next);
        if (g2 !== null && isCodeLike(g2, step.spaced)) return k;
      }
    }
    // Next line break.
    let e = s;
    while (e < stop && !isLineBreak(text.charCodeAt(e))) e++;
    if (e >= stop) break;
    p = e;
  }
  return -1;
}

/**
 * Parses the number and symbol that start at `start` (the first digit of the
 * number), or returns null. `single` allows a state symbol of one group
 * ("103/SL", "05/TNDN"), which only a type name or "số" before it makes a
 * reference.
 */
export function parseSymbol(text: string, start: number, single = false): ParsedSymbol | null {
  NUM_RE.lastIndex = start;
  const nm = NUM_RE.exec(text);
  if (!nm) return null;
  const number = nm[1];
  let pos = start + number.length;
  const first = sepAt(text, pos);
  if (!first) return null;
  let loose = first.spaced || first.newlines > 0;
  let pageBreak = false;
  pos = first.next;

  let year: number | null = null;
  /** Whether the separator before the next group had spaces around it. */
  let spacedBefore = first.spaced;
  let breakAt = first.sepEnd;
  if (first.sep === '/') {
    YEAR_RE.lastIndex = pos;
    const ym = YEAR_RE.exec(text);
    if (ym) {
      const ystep = sepAt(text, pos + 4);
      if (ystep) {
        const g = groupAt(text, ystep.next);
        // "65/2023/NĐ-CP"; the older "139/1999-QĐ-KHCN", "34/2005-QH11" when a known code follows the dash.
        if (g !== null && isCodeLike(g, ystep.spaced) && (ystep.sep === '/' || isKnownCode(g))) {
          year = Number(ym[1]);
          loose ||= ystep.spaced || ystep.newlines > 0;
          spacedBefore = ystep.spaced;
          breakAt = ystep.sepEnd;
          pos = ystep.next;
        }
      }
    }
  }

  const party = first.sep === '-';
  const raws: string[] = [];
  const seps: ('-' | '/')[] = [];
  let g = groupAt(text, pos);
  if (g === null || !isCodeLike(g, spacedBefore)) {
    const cont = pageBreakContinuation(text, breakAt, party);
    if (cont < 0) return null;
    g = groupAt(text, cont);
    if (g === null) return null;
    pos = cont;
    pageBreak = true;
  }
  raws.push(g);
  pos += g.length;
  let end = pos;
  while (raws.length < MAX_GROUPS) {
    let step = sepAt(text, pos);
    // A dot for the dash between two known codes ("142/2005/NĐ.CP", "QĐ.UB"), nothing around it.
    if (!step && text.charCodeAt(pos) === 46 && isKnownCode(raws[raws.length - 1])) {
      const g2 = groupAt(text, pos + 1);
      if (g2 !== null && isKnownCode(g2) && isCodeLike(g2, false)) step = { sep: '-', sepEnd: pos + 1, next: pos + 1, spaced: false, newlines: 0 };
    }
    if (!step) break;
    // Party: TYPE "/" ISSUER ("-" ISSUER)*; the first separator after the type is the slash.
    if (party && raws.length === 1 && step.sep !== '/') break;
    const next = groupAt(text, step.next);
    if (next === null || !isCodeLike(next, step.spaced)) break;
    raws.push(next);
    seps.push(step.sep);
    loose ||= step.spaced || step.newlines > 0;
    pos = step.next + next.length;
    end = pos;
  }

  // A symbol that goes on with "/" and digits is a form or standard code ("05-TT/SHTT/2020",
  // "QCVN 01-2008/BLĐTBXH"), not a document's number.
  if (/^[ \t\u00a0]?[/\u2044\u2215\uff0f][ \t\u00a0]?\d/u.test(text.slice(end, end + 4))) return null;

  // The older state form "Nghị định số 25-HĐBT", "Quyết định số 130-CP": one issuer group after a dash.
  let historic = false;
  if (party && raws.length < 2) {
    if (!single || !/^[A-ZĐ][A-ZĐ0-9]+$/.test(raws[0]) || asTypeCode(raws[0]) !== undefined) return null;
    historic = true;
  }
  if (!party && year === null && raws.length < 2 && !single) return null;

  // A term number written apart: "QH 11".
  const lastKey = raws[raws.length - 1].toUpperCase();
  if (lastKey === 'QH' || lastKey === 'UBTVQH') {
    const m = /^[ \t\u00a0]{1,2}(\d{1,2})(?![\d\p{L}])/u.exec(text.slice(end, end + 6));
    if (m) {
      raws[raws.length - 1] += m[1];
      end += m[0].length;
      loose = true;
    }
  }

  // A footnote marker glued to the last group ("TW3"); not when the issue date follows ("QĐ-NHNN1 ngày ...").
  const [lastRaw, footnoteRaw] = splitFootnote(raws[raws.length - 1]);
  const footnote = footnoteRaw && !DATE_CUE_AHEAD.test(text.slice(end, end + 12)) ? footnoteRaw : '';
  if (footnote) {
    raws[raws.length - 1] = lastRaw;
    end -= footnote.length;
  }

  const groups = raws.map(canonicalCode);
  let unknownCodes = 0;
  for (const r of raws) if (!isKnownCode(r)) unknownCodes++;

  let family: Family;
  let typeCode: string | null = null;
  let issuerCode: string | null = null;
  if (historic) {
    family = 'state';
    typeCode = null;
    issuerCode = groups[0];
  } else if (party) {
    // Party symbols have one slash; "999-TC/QĐ/CĐKT" is an older state form.
    family = seps.filter((x) => x === '/').length > 1 ? 'state' : 'party';
    typeCode = groups[0];
    issuerCode = groups.slice(1).join('-');
  } else if (year !== null) {
    const g0 = groups[0];
    if (g0 === 'AL' && groups.length === 1) {
      family = 'court';
    } else if (groups.length >= 2 && ((isCourtField(g0) && isCourtLevel(groups[1])) || (isCourtDecision(g0) && isCourtField(groups[1])))) {
      family = 'court';
    } else {
      family = 'normative';
    }
    if (family === 'court') {
      typeCode = isCourtDecision(g0) ? 'QĐ' : g0 === 'AL' ? 'AL' : null;
      issuerCode = null;
    } else {
      const t = asTypeCode(g0);
      if (t !== undefined && groups.length >= 2) {
        typeCode = t;
        issuerCode = groups.slice(1).join('-');
      } else {
        typeCode = null;
        issuerCode = groups.join('-');
      }
    }
  } else {
    family = 'state';
    const t = asTypeCode(groups[0]);
    if (t !== undefined && groups.length >= 2) {
      typeCode = t;
      issuerCode = groups[1];
    } else if (t !== undefined) {
      typeCode = t;
      issuerCode = null;
    } else {
      typeCode = null;
      issuerCode = groups[0];
    }
  }

  let symbol = '';
  if (year !== null) symbol = `${year}/`;
  symbol += groups[0];
  for (let k = 1; k < groups.length; k++) symbol += seps[k - 1] + groups[k];
  const id = number + (party ? '-' : '/') + symbol;
  return { family, start, end, number, year, groups, seps, id, symbol, typeCode, issuerCode, footnote, loose, pageBreak, unknownCodes };
}

/** Start of a number ending at `end` ("1282", "30a", "08.a"): digits and an optional one-letter suffix, or -1. */
function numberEndingAt(text: string, end: number): number {
  let e = end;
  const c = text.charCodeAt(e - 1);
  if (c >= 97 && c <= 122 && e >= 2) {
    // A one-letter suffix: "30a", "08.a".
    let d = e - 1;
    if (text.charCodeAt(d - 1) === 46) d--;
    if (d < 1 || !isDigit(text.charCodeAt(d - 1))) return -1;
    e = d;
  }
  if (e === 0 || !isDigit(text.charCodeAt(e - 1))) return -1;
  let k = e - 1;
  while (k > 0 && isDigit(text.charCodeAt(k - 1)) && e - k < 6) k--;
  if (e - k > 5 || (k > 0 && isDigit(text.charCodeAt(k - 1)))) return -1;
  // A dotted number: "Nghị quyết 66.16/2026/NQ-CP".
  if (k >= 2 && text.charCodeAt(k - 1) === 46 && isDigit(text.charCodeAt(k - 2))) {
    let m = k - 2;
    while (m > 0 && isDigit(text.charCodeAt(m - 1)) && k - 1 - m < 3) m--;
    if (k - 1 - m <= 3 && !(m > 0 && (isDigit(text.charCodeAt(m - 1)) || text.charCodeAt(m - 1) === 46))) return m;
    return -1;
  }
  // Part of a compound number ("Mẫu số 01-1/BK-TSMH") or of a decimal ("hệ số 3,50/N2-TC"): no number of its own.
  if (k >= 2 && (isDash(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 44) && isDigit(text.charCodeAt(k - 2))) return -1;
  return k;
}

/** Spaces and line breaks looked over between a slash and the digits after it. */
const BLANK_REACH = 24;

/**
 * The first character of the number whose separator is at `sep`, or -1.
 * Walks back over spaces and the number ("1282", "30a"); for the year of a
 * normative symbol ("65/2023/NĐ-CP" seen from its second slash) it returns
 * the number before the year. A number right after a slash that is not such
 * a year's is no number ("08.x/2010" misread).
 */
export function numberStartBefore(text: string, sep: number): number {
  let j = sep;
  while (j > 0 && sep - j < 3 && isHSpace(text.charCodeAt(j - 1))) j--;
  const k = numberEndingAt(text, j);
  if (k < 0) return -1;
  // A slash before the digits, over spaces and line breaks: the digits are a year ("65/2023/NĐ-CP" seen from
  // its second slash), and in a draft's blank number ("Nghị định số      /2026/NĐ-CP") no number precedes it.
  let m = k;
  while (m > 0 && k - m < BLANK_REACH && isSpace(text.charCodeAt(m - 1))) m--;
  if (m > 0 && isSlash(text.charCodeAt(m - 1))) {
    // Normative: this run is the year; the number precedes it.
    if (j - k !== 4) return -1;
    let q = m - 1;
    while (q > 0 && m - 1 - q < 3 && isHSpace(text.charCodeAt(q - 1))) q--;
    const r = numberEndingAt(text, q);
    return r;
  }
  return k;
}
