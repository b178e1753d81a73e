/**
 * Repair of UTF-8 mojibake: UTF-8 bytes read as Windows-1252 (or Latin-1, or
 * Windows-1258) and kept as text, "Nghị quyết" → "Nghá»‹ quyáº¿t". Every run
 * of characters whose bytes form one well-formed UTF-8 sequence (lead byte,
 * the right number of continuation bytes, no overlong form, no surrogate)
 * becomes the character it encodes; a sequence of k characters becomes one
 * (two units for a character beyond the BMP). Text that was encoded twice
 * ("NghÃ¡Â»â€¹") needs two rounds; the caller runs as many as detection
 * asks for.
 */
import { OffsetMapBuilder } from '../offsets.js';
import { unitsToString } from '../units.js';
import { cp1252Byte } from '../encodings/cp1252.js';
import type { RepairResult } from './types.js';

/** UTF-8 read as Windows-1258 shows 0xC3 (the lead byte of à á â ã è é ê ì í ò ó ô õ ù ú ý) as Ă. */
const EXTRA: ReadonlyArray<[string, number]> = [['Ă', 0xc3]];
const EXTRA_BYTE = new Map<number, number>(EXTRA.map(([ch, b]) => [ch.charCodeAt(0), b]));

export function mojibakeByte(c: number): number {
  const b = cp1252Byte(c);
  return b >= 0 ? b : (EXTRA_BYTE.get(c) ?? -1);
}

/**
 * Length (in characters, 2–4) of the UTF-8 sequence spelled by the characters
 * at `i`, or 0; the decoded code point is left in `decoded.cp`. With
 * `lossySpace` (repair of text already found to be mojibake, not detection),
 * a space may stand for the byte 0xA0 that closes à, Ơ, Ạ or Ỡ.
 */
export function mojibakeSequenceAt(text: string, i: number, decoded: { cp: number }, lossySpace = false): number {
  const b0 = mojibakeByte(text.charCodeAt(i));
  let need: number;
  let cp: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    cp = b0 & 0x1f;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    cp = b0 & 0x0f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    cp = b0 & 0x07;
  } else return 0;
  let spaceForNbsp = false;
  for (let k = 1; k <= need; k++) {
    if (i + k >= text.length) return 0;
    let b = mojibakeByte(text.charCodeAt(i + k));
    // The byte 0xA0 shows as a no-break space, which copying and cleaning often turn into a space:
    // "ngÃ y" for "ngày" (à is C3 A0). Read a space as 0xA0 when it closes a sequence (checked below).
    if (b === 0x20 && k === need && lossySpace) {
      b = 0xa0;
      spaceForNbsp = true;
    }
    if (b < 0x80 || b > 0xbf) return 0;
    if (k === 1) {
      if (b0 === 0xe0 && b < 0xa0) return 0; // overlong
      if (b0 === 0xed && b > 0x9f) return 0; // surrogate
      if (b0 === 0xf0 && b < 0x90) return 0; // overlong
      if (b0 === 0xf4 && b > 0x8f) return 0; // beyond U+10FFFF
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  // Only where the sequence then spells a Vietnamese letter ending in 0xA0: à, Ơ, Ạ, Ỡ.
  if (spaceForNbsp && cp !== 0xe0 && cp !== 0x1a0 && cp !== 0x1ea0 && cp !== 0x1ee0) return 0;
  decoded.cp = cp;
  return need + 1;
}

/**
 * True when the text holds mojibake sequences and every one of them spells a
 * character of Latin script or common punctuation (below U+2200): what
 * another round over Vietnamese text encoded twice finds. A sequence that
 * spells a CJK ideograph ("é¢”" read as UTF-8 is 颔) is a coincidence.
 */
export function mojibakeSpellsLatin(text: string): boolean {
  const d = { cp: 0 };
  let found = false;
  for (let i = 0; i < text.length; ) {
    const len = text.charCodeAt(i) < 0xc2 ? 0 : mojibakeSequenceAt(text, i, d);
    if (len === 0) {
      i++;
      continue;
    }
    if (d.cp >= 0x2200) return false;
    found = true;
    i += len;
  }
  return found;
}

/** One round of repair. */
export function repairMojibake(text: string): RepairResult {
  const n = text.length;
  const out = new Uint16Array(n);
  const map = new OffsetMapBuilder();
  const d = { cp: 0 };
  let w = 0;
  let kept = 0;
  let changed = 0;
  let surrogates = false;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const len = c < 0xc2 ? 0 : mojibakeSequenceAt(text, i, d, true);
    if (len === 0) {
      out[w++] = c;
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      kept++;
      i++;
      continue;
    }
    const cp = d.cp;
    map.keep(kept);
    kept = 0;
    if (cp >= 0x10000) {
      out[w++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[w++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      surrogates = true;
      map.replace(len, 2);
    } else {
      out[w++] = cp;
      map.replace(len, 1);
    }
    changed++;
    i += len;
  }
  if (changed === 0) return { text, map: map.keep(n).build(), changed: 0, caseGuessed: 0 };
  map.keep(kept);
  return { text: unitsToString(out.subarray(0, w), surrogates), map: map.build(), changed, caseGuessed: 0 };
}
