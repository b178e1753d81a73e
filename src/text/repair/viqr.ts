/**
 * Repair of VIQR text (RFC 1456): "Nghi. quye^'t so^'" → "Nghị quyết số".
 *
 * VIQR's tone marks are ordinary punctuation (' . ?), so a mark is read as a
 * mark only where it makes a syllable. Each run of ASCII letters with marks
 * after its vowels is decoded; the run is taken when
 * - the decoded run is a well-formed Vietnamese syllable ("Nghi." → "Nghị"), or
 * - without its trailing marks it is one ("Hello." stays "Hello."), the
 *   trailing marks then staying punctuation, or
 * - every mark is one that is not punctuation (^ ( + ` ~, DD): loanwords and
 *   abbreviations ("Le^nin" → "Lênin", "HDDND" → "HĐND"), or
 * - every mark sits inside the run or is unambiguous, and the run has at
 *   most one vowel group or a mark that is not punctuation ("DDa('k" →
 *   "Đắk", "kilo^me't" → "kilômét"; "quangngai.gov" stays as it is).
 * Otherwise the run is left as written. "DD" is Đ anywhere in a run (the
 * abbreviations of legal text carry Đ anywhere: QĐ, HĐND), "Dd" and "dd"
 * only at its start (đ only begins a syllable). A backslash before a mark character, d, D or a backslash makes it
 * literal ("tri\." → "tri.").
 */
import { OffsetMapBuilder } from '../offsets.js';
import { composeVowel, type Tone } from '../vietnamese.js';
import { VIQR_QUALITY, VIQR_TONES } from '../encodings/viqr.js';
import { isVietnameseSyllable } from '../syllable-check.js';
import { CASE_NONE, letterCase } from '../chars.js';
import { lineEndFrom, type RepairOptions, type RepairResult } from './types.js';

const TONE_OF = new Int8Array(128);
for (const [ch, t] of VIQR_TONES) TONE_OF[ch.charCodeAt(0)] = t;
/** quality mark → (base → letter) */
const QUALITY = new Map<number, Readonly<Record<string, string>>>(VIQR_QUALITY.map(([ch, m]) => [ch.charCodeAt(0), m]));
const UNAMBIGUOUS = new Set(['^', '(', '+', '`', '~'].map((c) => c.charCodeAt(0)));
const ESCAPABLE = new Set(["'", '`', '?', '~', '.', '(', '^', '+', 'd', 'D', '\\'].map((c) => c.charCodeAt(0)));

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isVowel(c: number): boolean {
  switch (c | 0x20) {
    case 0x61: case 0x65: case 0x69: case 0x6f: case 0x75: case 0x79:
      return true;
    default:
      return false;
  }
}

/** One letter of a run: where it is written and its marks. */
interface Unit {
  start: number;
  /** End of the letter itself (before its marks). */
  letterEnd: number;
  /** Letter with its quality mark, lower case ("ê"), or "đ". */
  base: string;
  upper: boolean;
  qualityAt: number; // -1 none
  tone: Tone;
  toneAt: number; // -1 none
  isVowel: boolean;
}

export function repairViqr(text: string, opts: RepairOptions): RepairResult {
  const n = text.length;
  const parts: string[] = [];
  const map = new OffsetMapBuilder();
  let copyFrom = 0;
  let changed = 0;
  let lineEnd = -1;
  let lineOk = true;
  let i = 0;
  let afterEscape = -1;
  const units: Unit[] = [];
  while (i < n) {
    if (i > lineEnd) {
      lineEnd = lineEndFrom(text, i);
      lineOk = !opts.wholeLinesOnly || asciiLetters(text, i, lineEnd);
    }
    if (!lineOk) {
      i = lineEnd + 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x5c && i + 1 < n && ESCAPABLE.has(text.charCodeAt(i + 1))) {
      emit(i, 2, text.charAt(i + 1));
      i += 2;
      afterEscape = i;
      continue;
    }
    // runs start at the start of a word, or right after an escaped character ("S\DDD" is S, D, Đ)
    if (!isAsciiLetter(c) || (i > 0 && i !== afterEscape && isAsciiLetter(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const end = parseRun(text, i, n, units);
    decideRun(end);
    i = end;
  }
  if (changed === 0) return { text, map: map.keep(n).build(), changed: 0, caseGuessed: 0 };
  parts.push(text.slice(copyFrom));
  map.keep(n - copyFrom);
  return { text: parts.join(''), map: map.build(), changed, caseGuessed: 0 };

  function emit(at: number, len: number, s: string): void {
    parts.push(text.slice(copyFrom, at), s);
    map.keep(at - copyFrom).replace(len, s.length);
    copyFrom = at + len;
    changed++;
  }

  /** Chooses how much of the run's marks to apply, then writes it. */
  function decideRun(end: number): void {
    let marks = 0;
    for (const u of units) if (u.qualityAt >= 0 || u.toneAt >= 0 || u.base === 'đ') marks++;
    if (marks === 0) return;
    if (isVietnameseSyllable(compose(units, units.length, 2))) return write(units.length, 2, end);
    // trailing marks as punctuation: drop the tone, then the quality of the last letter
    const last = units[units.length - 1];
    const trailingTone = last.toneAt >= 0 && last.toneAt === end - 1;
    if (trailingTone && isVietnameseSyllable(compose(units, units.length, 1))) return write(units.length, 1, last.toneAt);
    const qualityEnd = last.toneAt >= 0 ? last.toneAt : end;
    if (last.qualityAt >= 0 && last.qualityAt === qualityEnd - 1 && (trailingTone || last.toneAt < 0)) {
      if (isVietnameseSyllable(compose(units, units.length, 0))) return write(units.length, 0, last.qualityAt);
    }
    // marks that cannot be punctuation (^ ( + ` ~, Đ): a loanword or an
    // abbreviation ("Le^nin", "Gio+nevo+", "HDDND"); other marks inside the
    // run only in a one-syllable shape ("DDa('k"), so that "quangngai.gov"
    // stays a domain name
    let onlyUnambiguous = true;
    let someUnambiguous = false;
    for (const u of units) {
      if (u.qualityAt >= 0 || u.base === 'đ') someUnambiguous = true;
      if (u.toneAt < 0) continue;
      if (UNAMBIGUOUS.has(text.charCodeAt(u.toneAt))) someUnambiguous = true;
      else onlyUnambiguous = false;
    }
    const ambiguousTrailing = trailingTone && !UNAMBIGUOUS.has(text.charCodeAt(last.toneAt));
    // a run with a mark that cannot be punctuation is Vietnamese: its inside
    // marks are marks too ("kilo^me't" → "kilômét")
    if (onlyUnambiguous || (!ambiguousTrailing && (someUnambiguous || vowelGroups(units) <= 1))) write(units.length, 2, end);
  }

  /**
   * Writes the run with all marks (`lastMarks` 2), without the last letter's
   * tone (1) or without its quality and tone (0); text from `upTo` on stays.
   */
  function write(count: number, lastMarks: number, upTo: number): void {
    for (let k = 0; k < count; k++) {
      const u = units[k];
      const marksOf = k === count - 1 ? lastMarks : 2;
      const s = letterOf(u, marksOf);
      const rawEnd = k + 1 < count ? units[k + 1].start : upTo;
      const len = rawEnd - u.start;
      if (len === 1 && s === text.charAt(u.start)) continue;
      emit(u.start, len, s);
    }
  }
}

function parseRun(text: string, i: number, n: number, units: Unit[]): number {
  units.length = 0;
  let j = i;
  let toneSeen = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (!isAsciiLetter(c)) break;
    const start = j;
    const c2 = j + 1 < n ? text.charCodeAt(j + 1) : 0;
    // Đ/đ: "DD" anywhere (HDDND, QDD), "dd"/"Dd" at the start of a run
    if ((c === 0x44 && c2 === 0x44) || (units.length === 0 && (c | 0x20) === 0x64 && (c2 | 0x20) === 0x64)) {
      units.push({ start, letterEnd: j + 2, base: 'đ', upper: c === 0x44, qualityAt: -1, tone: 0, toneAt: -1, isVowel: false });
      j += 2;
      continue;
    }
    const lower = String.fromCharCode(c | 0x20);
    const u: Unit = { start, letterEnd: j + 1, base: lower, upper: c < 0x61, qualityAt: -1, tone: 0, toneAt: -1, isVowel: isVowel(c) };
    j++;
    if (u.isVowel && j < n) {
      const q = QUALITY.get(text.charCodeAt(j));
      if (q && q[lower] !== undefined) {
        u.base = q[lower];
        u.qualityAt = j;
        j++;
      }
      const t = j < n ? text.charCodeAt(j) : 0;
      if (!toneSeen && t < 128 && TONE_OF[t] > 0) {
        u.tone = TONE_OF[t] as Tone;
        u.toneAt = j;
        toneSeen = true;
        j++;
      }
    }
    units.push(u);
  }
  // a trailing mark not followed by a letter ends the run; a mark followed by a letter keeps it going
  return j;
}

/** The letter of a unit with its quality and tone (`marks` 2), its quality only (1) or neither (0). */
function letterOf(u: Unit, marks: number): string {
  if (u.base === 'đ') return u.upper ? 'Đ' : 'đ';
  const base = marks >= 1 || u.qualityAt < 0 ? u.base : (PLAIN[u.base] ?? u.base);
  return composeVowel(base, marks === 2 ? u.tone : 0, u.upper);
}

const PLAIN: Readonly<Record<string, string>> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };

function compose(units: Unit[], count: number, lastMarks: number): string {
  let s = '';
  for (let k = 0; k < count; k++) s += letterOf(units[k], k === count - 1 ? lastMarks : 2);
  return s;
}

function vowelGroups(units: Unit[]): number {
  let groups = 0;
  let inVowel = false;
  for (const u of units) {
    if (u.isVowel && !inVowel) groups++;
    inVowel = u.isVowel;
  }
  return groups;
}

function asciiLetters(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 && letterCase(c) !== CASE_NONE) return false;
  }
  return true;
}
