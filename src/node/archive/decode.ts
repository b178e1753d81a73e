/**
 * Bytes of one document to text, or the reason they are not text.
 *
 * - A binary file (NUL bytes, or more than 10% control characters in its first
 *   64 KiB) is refused: code `binary`.
 * - UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded.
 * - Bytes that are not UTF-8 go to the normalizer (`normalizeText`), which
 *   reads TCVN3, VNI, VISCII and Windows-1258 bytes: when it recognizes one of
 *   those without invalid bytes, its Unicode text is the document (reference
 *   spans then point into that text).
 * - Anything else is refused with the offset of the first invalid byte: code
 *   `encoding`.
 */
import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';
import type { DocumentError } from '../../schema.js';
import { normalizeText } from '../../text/normalize.js';

export type Decoded = { text: string; error?: undefined } | { text?: undefined; error: DocumentError };

const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes (other than tab, line feed, carriage return, form feed, escape) above which bytes are binary. */
export const CONTROL_SHARE_LIMIT = 0.1;

/** Decodes the bytes of a whole document (a file read from disk). */
export function decodeDocument(bytes: Uint8Array): Decoded {
  const n = bytes.length;
  // BOMs first: UTF-16 text is full of NUL bytes.
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const binary = binaryReason(bytes);
  if (binary) return { error: { code: 'binary', message: binary } };
  let start = 0;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = start === 0 ? bytes : bytes.subarray(start);
  const text = decodeUtf8(body);
  if (text === null) {
    const legacy = decodeLegacy(body);
    if (legacy !== null) return { text: legacy };
    const at = firstInvalidUtf8(body);
    const byte = at < body.length ? `byte 0x${body[at].toString(16).padStart(2, '0')}` : 'truncated sequence';
    return { error: { code: 'encoding', message: `not UTF-8: invalid ${byte} at offset ${at + start}` } };
  }
  return { text };
}

const LEGACY: ReadonlySet<string> = new Set(['tcvn3', 'vni', 'viscii', 'cp1258']);

/** The text of bytes in a legacy Vietnamese encoding the normalizer recognizes, or null. */
function decodeLegacy(bytes: Uint8Array): string | null {
  const r = normalizeText(bytes);
  return LEGACY.has(r.encoding) && r.changes.invalid === 0 ? r.text : null;
}

/** Below this, V8's own decoder wins (the ICU converter has a fixed cost per call). */
const TRANSCODE_MIN_BYTES = 1024;

/**
 * UTF-8 bytes to a string, or null when they are not valid UTF-8 (the same
 * rule as `isUtf8`: no overlong forms, surrogates or code points past
 * U+10FFFF). Fast: ASCII as Latin-1 (a copy); the rest through ICU to UTF-16
 * and then a copy, ICU checking validity on the way (it refuses what
 * `isUtf8` refuses). V8's own decoder (`buf.toString('utf8')`) is about 5x
 * slower on Vietnamese text, where nearly every word has a 2- or 3-byte
 * letter, and a separate `isUtf8` pass would cost as much as the decoding.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < TRANSCODE_MIN_BYTES) return isUtf8(buf) ? buf.toString('utf8') : null;
  if (isAscii(buf)) return buf.toString('latin1');
  try {
    return transcode(buf, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return null;
  }
}

/** Why `bytes` look binary (a NUL byte, or too many control bytes in the first 64 KiB), or null. */
export function binaryReason(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return `binary: NUL byte at offset ${nul}`;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return null;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return control / n > CONTROL_SHARE_LIMIT
    ? `binary: ${((100 * control) / n).toFixed(0)}% control bytes in the first ${n} bytes`
    : null;
}

/** Control characters that count against text (not tab, line feed, carriage return, form feed, escape). */
const CONTROL = /[\0-\x08\x0B\x0E-\x1A\x1C-\x1F\x7F]/;

/** Why a decoded string looks binary (NUL or too many control characters), or null. */
export function binaryTextReason(text: string): string | null {
  // One fast scan for the common case: no control character at all.
  if (!CONTROL.test(text)) return null;
  const nul = text.indexOf('\0');
  if (nul !== -1) return `binary: NUL character at offset ${nul}`;
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return null;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) control++;
  }
  return control / n > CONTROL_SHARE_LIMIT
    ? `binary: ${((100 * control) / n).toFixed(0)}% control characters in the first ${n}`
    : null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2 !== 0) {
    return { error: { code: 'encoding', message: `${encoding.toUpperCase()}: odd number of bytes (${bytes.length + 2})` } };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    const binary = binaryTextReason(text);
    return binary ? { error: { code: 'binary', message: binary } } : { text };
  } catch {
    return { error: { code: 'encoding', message: `${encoding.toUpperCase()}: unpaired surrogate` } };
  }
}

/** Offset of the first byte that breaks UTF-8 (the slow path, only after `isUtf8` said no). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i; // truncated sequence
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
