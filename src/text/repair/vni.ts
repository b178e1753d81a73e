/**
 * Repair of VNI-Windows text seen through Windows-1252: a base letter and
 * the mark byte after it become one precomposed letter ("eá" → "ế", two
 * characters → one, recorded in the offset map); the single-byte letters
 * (ô ơ, ö ư, ñ đ, æ ỉ, ó ĩ, ò ị, î ỵ) become theirs one for one.
 */
import { OffsetMapBuilder } from '../offsets.js';
import { composeVowel, type Tone } from '../vietnamese.js';
import { VNI_LETTERS, VNI_MARKS, VNI_QUALITY } from '../encodings/vni.js';
import { cp1252Byte } from '../encodings/cp1252.js';
import { CASE_NONE, letterCase } from '../chars.js';
import { lineEndFrom, type RepairOptions, type RepairResult } from './types.js';

/** mark character → quality * 8 + tone, +1 (0 = not a mark). */
const MARK = new Uint8Array(0x100);
for (const [ch, m] of VNI_MARKS) {
  MARK[ch.charCodeAt(0)] = m.quality * 8 + m.tone + 1;
  MARK[ch.toUpperCase().charCodeAt(0)] = m.quality * 8 + m.tone + 1;
}
/** single-byte letter → its letter (0 = none). */
const LETTER = new Uint16Array(0x100);
for (const [ch, to] of VNI_LETTERS) {
  LETTER[ch.charCodeAt(0)] = to.charCodeAt(0);
  LETTER[ch.toUpperCase().charCodeAt(0)] = to.toUpperCase().charCodeAt(0);
}
/** Base vowels (lower case, ơ and ư as VNI writes them: ô, ö). */
function baseOf(c: number): string | null {
  switch (c | 0x20) {
    case 0x61: return 'a';
    case 0x65: return 'e';
    case 0x6f: return 'o';
    case 0x75: return 'u';
    case 0x79: return 'y';
    case 0xf4: return 'ơ'; // ô / Ô
    case 0xf6: return 'ư'; // ö / Ö
    default: return null;
  }
}

export function repairVni(text: string, opts: RepairOptions): RepairResult {
  const n = text.length;
  const parts: string[] = [];
  const map = new OffsetMapBuilder();
  let copyFrom = 0;
  let changed = 0;
  let i = 0;
  let lineEnd = -1;
  let lineOk = true;
  while (i < n) {
    if (i > lineEnd) {
      lineEnd = lineEndFrom(text, i);
      lineOk = !opts.wholeLinesOnly || fitsWindows1252(text, i, lineEnd);
    }
    if (!lineOk) {
      i = lineEnd + 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c < 0x41 || c >= 0x100) {
      i++;
      continue;
    }
    const base = baseOf(c);
    if (base !== null && i + 1 < n) {
      const m = markAt(text, i + 1, base);
      if (m) {
        const upper = c < 0x61 || c === 0xd4 || c === 0xd6;
        emit(i, m.len + 1, composeVowel(m.base, m.tone, upper));
        i += m.len + 1;
        continue;
      }
    }
    const to = LETTER[c];
    if (to !== 0 && to !== c) {
      emit(i, 1, String.fromCharCode(to));
      i++;
      continue;
    }
    i++;
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
}

/** The mark(s) after a base vowel: quality then tone, or a combined mark. */
function markAt(text: string, j: number, base: string): { base: string; tone: Tone; len: number } | null {
  const c = text.charCodeAt(j);
  const m = c < 0x100 ? MARK[c] : 0;
  if (m === 0) return null;
  const quality = ((m - 1) >> 3) as 0 | 1 | 2;
  let tone = ((m - 1) & 7) as Tone;
  let b = base;
  if (quality !== 0) {
    const q = VNI_QUALITY[quality][base];
    if (q === undefined) return null;
    b = q;
  }
  let len = 1;
  if (quality !== 0 && tone === 0 && j + 1 < text.length) {
    // a quality mark followed by a separate tone mark
    const c2 = text.charCodeAt(j + 1);
    const m2 = c2 < 0x100 ? MARK[c2] : 0;
    if (m2 !== 0 && (m2 - 1) >> 3 === 0) {
      tone = ((m2 - 1) & 7) as Tone;
      len = 2;
    }
  }
  return { base: b, tone, len };
}

/** Every letter of [s, e) has a byte in the Windows-1252 view. */
function fitsWindows1252(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 && cp1252Byte(c) < 0 && letterCase(c) !== CASE_NONE) return false;
  }
  return true;
}
