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
import { unitsToString } from '../units.js';
import { lineEndFrom, type RepairOptions, type RepairResult } from './types.js';

/** Base vowels as VNI writes them (ơ and ư are the bytes ô and ö), either case. */
const BASES = 'aeouyôöAEOUYÔÖ';
const BASE_INDEX = new Int8Array(0x100).fill(-1);
for (let k = 0; k < BASES.length; k++) BASE_INDEX[BASES.charCodeAt(k)] = k;

/** mark character → quality * 8 + tone + 1 (0: not a mark). */
const MARK = new Uint8Array(0x100);
for (const [ch, m] of VNI_MARKS) {
  MARK[ch.charCodeAt(0)] = m.quality * 8 + m.tone + 1;
  MARK[ch.toUpperCase().charCodeAt(0)] = m.quality * 8 + m.tone + 1;
}

/** [base index * 256 + mark] → the letter (0: the base does not take that mark). */
const PAIR = new Uint16Array(BASES.length * 256);
for (let k = 0; k < BASES.length; k++) {
  const ch = BASES.charAt(k);
  const upper = ch !== ch.toLowerCase();
  const lower = ch.toLowerCase();
  const base = lower === 'ô' ? 'ơ' : lower === 'ö' ? 'ư' : lower;
  for (let m = 0; m < 0x100; m++) {
    if (MARK[m] === 0) continue;
    const quality = ((MARK[m] - 1) >> 3) as 0 | 1 | 2;
    const tone = ((MARK[m] - 1) & 7) as Tone;
    let b = base;
    if (quality !== 0) {
      const q = VNI_QUALITY[quality][base];
      if (q === undefined) continue;
      b = q;
    }
    PAIR[k * 256 + m] = composeVowel(b, tone, upper).charCodeAt(0);
  }
}

/** single-byte letter → its letter (0: none). */
const LETTER = new Uint16Array(0x100);
for (const [ch, to] of VNI_LETTERS) {
  if (ch !== to) {
    LETTER[ch.charCodeAt(0)] = to.charCodeAt(0);
    LETTER[ch.toUpperCase().charCodeAt(0)] = to.toUpperCase().charCodeAt(0);
  }
}

export function repairVni(text: string, opts: RepairOptions): RepairResult {
  const n = text.length;
  const out = new Uint16Array(n);
  const map = new OffsetMapBuilder();
  let w = 0; // output length
  let kept = 0; // units copied since the last replacement
  let changed = 0;
  let surrogates = false;
  let lineEnd = -1;
  let lineOk = true;
  for (let i = 0; i < n; ) {
    if (i > lineEnd) {
      lineEnd = lineEndFrom(text, i);
      lineOk = !opts.wholeLinesOnly || fitsWindows1252(text, i, lineEnd);
    }
    const c = text.charCodeAt(i);
    if (!lineOk || c < 0x41 || c >= 0x100) {
      out[w++] = c;
      kept++;
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      i++;
      continue;
    }
    const bi = BASE_INDEX[c];
    if (bi >= 0 && i + 1 < n) {
      const m = text.charCodeAt(i + 1);
      const letter = m < 0x100 ? PAIR[bi * 256 + m] : 0;
      if (letter !== 0) {
        // a quality mark may be followed by a separate tone mark ("aâù")
        let len = 2;
        let u = letter;
        const m2 = i + 2 < n ? text.charCodeAt(i + 2) : 0;
        if (MARK[m] !== 0 && ((MARK[m] - 1) & 7) === 0 && (MARK[m] - 1) >> 3 !== 0 && m2 < 0x100 && MARK[m2] !== 0 && (MARK[m2] - 1) >> 3 === 0) {
          const two = withTone(u, ((MARK[m2] - 1) & 7) as Tone);
          if (two !== 0) {
            u = two;
            len = 3;
          }
        }
        map.keep(kept).replace(len, 1);
        kept = 0;
        out[w++] = u;
        changed++;
        i += len;
        continue;
      }
    }
    const to = LETTER[c];
    if (to !== 0) {
      out[w++] = to;
      kept++;
      changed++;
    } else {
      out[w++] = c;
      kept++;
    }
    i++;
  }
  if (changed === 0) return { text, map: map.keep(n).build(), changed: 0, caseGuessed: 0 };
  map.keep(kept);
  return { text: unitsToString(out.subarray(0, w), surrogates), map: map.build(), changed, caseGuessed: 0 };
}

/** A toneless letter with a tone added ("â" + sắc → "ấ"), 0 when it is not a vowel. */
function withTone(u: number, tone: Tone): number {
  const ch = String.fromCharCode(u);
  const lower = ch.toLowerCase();
  const r = composeVowel(lower, tone, ch !== lower);
  return r.length === 1 && r !== ch ? r.charCodeAt(0) : 0;
}

/** Every letter of [s, e) has a byte in the Windows-1252 view. */
function fitsWindows1252(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x100 && cp1252Byte(c) < 0 && letterCase(c) !== CASE_NONE) return false;
  }
  return true;
}
