/**
 * Bytes to text. UTF-8 (with or without a byte order mark) and UTF-16 (with a
 * byte order mark, or recognised by its zero bytes) are decoded to a string;
 * invalid sequences become U+FFFD, one for each maximal invalid subpart as
 * the WHATWG decoder does, and are counted. The one-byte legacy encodings are
 * read one character per byte through Windows-1252 (the "view" the string
 * repairs work on), so offsets into that view are byte offsets.
 */
import { decodeUnits, unitsToString } from './units.js';
import { CP1252_DECODE } from './encodings/cp1252.js';

export interface DecodedBytes {
  text: string;
  /** U+FFFD that stand for invalid bytes. */
  invalid: number;
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });
const UTF8 = new TextDecoder('utf-8');

/** True for a UTF-8 byte order mark at the start. */
export function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** 'le' / 'be' for a UTF-16 byte order mark, else null. */
export function utf16Bom(b: Uint8Array): 'le' | 'be' | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'be';
  return null;
}

/**
 * UTF-16 without a byte order mark: text in Latin script has a zero byte in
 * most of its high halves (spaces, digits, ASCII letters) and almost none in
 * its low halves.
 */
export function guessUtf16(b: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  let zEven = 0;
  let zOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zEven++;
    if (b[i + 1] === 0) zOdd++;
  }
  const units = n / 2;
  if (zOdd >= 0.3 * units && zEven <= 0.02 * units) return 'le';
  if (zEven >= 0.3 * units && zOdd <= 0.02 * units) return 'be';
  return null;
}

/** Strict UTF-8 (BOM dropped), or null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(b: Uint8Array): string | null {
  try {
    return UTF8_FATAL.decode(b);
  } catch {
    return null;
  }
}

/** UTF-8 with replacement (BOM dropped). */
export function decodeUtf8(b: Uint8Array): DecodedBytes {
  const strict = decodeUtf8Strict(b);
  if (strict !== null) return { text: strict, invalid: 0 };
  const text = UTF8.decode(b);
  return { text, invalid: Math.max(0, countUnit(text, 0xfffd) - countReplacementBytes(b)) };
}

/** UTF-16 (BOM of the given order dropped); lone surrogates and an odd last byte become U+FFFD. */
export function decodeUtf16(b: Uint8Array, order: 'le' | 'be'): DecodedBytes {
  let start = 0;
  if (utf16Bom(b) === order) start = 2;
  const units = (b.length - start) >> 1;
  const odd = (b.length - start) & 1;
  const out = new Uint16Array(units + odd);
  let invalid = 0;
  for (let k = 0; k < units; k++) {
    const i = start + 2 * k;
    out[k] = order === 'le' ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
  }
  for (let k = 0; k < units; k++) {
    const u = out[k];
    if (u >= 0xd800 && u <= 0xdbff && k + 1 < units && out[k + 1] >= 0xdc00 && out[k + 1] <= 0xdfff) {
      k++;
      continue;
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      out[k] = 0xfffd;
      invalid++;
    }
  }
  if (odd) {
    out[units] = 0xfffd;
    invalid++;
  }
  return { text: decodeUnits(out), invalid };
}

/** One character per byte, through Windows-1252 (undefined bytes as C1 controls). */
export function windows1252View(b: Uint8Array): string {
  const out = new Uint16Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = CP1252_DECODE[b[i]];
  return unitsToString(out, false);
}

/** True when the bytes are all ASCII. */
export function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}

function countUnit(s: string, u: number): number {
  let k = 0;
  for (let i = s.indexOf(String.fromCharCode(u)); i >= 0; i = s.indexOf(String.fromCharCode(u), i + 1)) k++;
  return k;
}

/** U+FFFD written in the input itself (EF BF BD), which is not a replacement. */
function countReplacementBytes(b: Uint8Array): number {
  let k = 0;
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) k++;
  return k;
}
