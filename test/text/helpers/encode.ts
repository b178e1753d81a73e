/**
 * Test-only encoder: turns clean Unicode text into the legacy forms
 * `normalizeText` must read back. Encoders follow what the legacy tools
 * wrote: .VnTime/.VnTimeH for TCVN3 (toned capitals as their lower-case
 * code), VNI-Windows, VISCII, Windows-1258 as Windows encodes it
 * (precomposed where the code page has the letter, else base + tone mark),
 * RFC 1456 VIQR with escapes, UTF-8 read as Windows-1252 (once or twice).
 *
 * A character a form cannot hold becomes "?" (as Windows' converters do);
 * {@link representable} substitutes the same way so tests can build the
 * expected text.
 */
import { CP1252_DECODE } from '../../../src/text/encodings/cp1252.js';
import { CP1258_DECODE } from '../../../src/text/encodings/cp1258.js';
import { TCVN3_DECODE } from '../../../src/text/encodings/tcvn3.js';
import { VISCII_DECODE } from '../../../src/text/encodings/viscii.js';
import { VNI_LETTERS, VNI_MARKS, VNI_QUALITY } from '../../../src/text/encodings/vni.js';
import { VIQR_QUALITY, VIQR_TONES } from '../../../src/text/encodings/viqr.js';
import { vowelInfo } from '../../../src/text/vietnamese.js';

export const STRING_FORMS = ['tcvn3', 'vni', 'viscii', 'cp1258', 'viqr', 'mojibake', 'mojibake2'] as const;
export type StringForm = (typeof STRING_FORMS)[number];
export const BYTE_FORMS = ['tcvn3', 'vni', 'viscii', 'cp1258', 'utf8', 'utf8bom', 'utf16le', 'utf16be'] as const;
export type ByteForm = (typeof BYTE_FORMS)[number];

function inverse(table: Uint16Array, bytes: Iterable<number>): Map<number, number> {
  const m = new Map<number, number>();
  for (const b of bytes) if (!m.has(table[b])) m.set(table[b], b);
  return m;
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** TCVN3 as .VnTime writes it: VN3 letters only (no VN1 capitals), 0x80–0x9F as Windows-1252. */
const TCVN3_VN3 = [...range(0, 0xa0), ...range(0xb0, 0xb4), ...range(0xa1, 0xae), ...range(0xb5, 0xb9), ...range(0xbb, 0xbe), ...range(0xc6, 0xcc), ...range(0xce, 0xd8), ...range(0xdc, 0xdf), ...range(0xe1, 0xef), ...range(0xf1, 0xfe)];
const TCVN3_ENC = inverse(TCVN3_DECODE, TCVN3_VN3);
for (let b = 0x80; b < 0xa0; b++) TCVN3_ENC.set(CP1252_DECODE[b], b);
const VISCII_ENC = inverse(VISCII_DECODE, range(0, 255));
const CP1258_ENC = inverse(CP1258_DECODE, range(0, 255));
const CP1252_ENC = inverse(CP1252_DECODE, range(0, 255));

/** Byte of one character in a one-byte form, or -1. */
function byteOf(form: 'tcvn3' | 'viscii', ch: string): number {
  if (form === 'tcvn3') {
    let b = TCVN3_ENC.get(ch.charCodeAt(0));
    if (b === undefined && ch !== ch.toLowerCase()) b = TCVN3_ENC.get(ch.toLowerCase().charCodeAt(0)); // .VnTimeH
    return b ?? -1;
  }
  return VISCII_ENC.get(ch.charCodeAt(0)) ?? -1;
}

/** Windows-1258 bytes of one character (base + tone mark where needed), or null. */
function cp1258Bytes(ch: string): number[] | null {
  const b = CP1258_ENC.get(ch.charCodeAt(0));
  if (b !== undefined && ch.length === 1) return [b];
  const nfd = ch.normalize('NFD');
  const tone = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/u)?.[0];
  if (!tone) return null;
  const base = nfd.replace(tone, '').normalize('NFC');
  const bb = CP1258_ENC.get(base.charCodeAt(0));
  const tb = CP1258_ENC.get(tone.charCodeAt(0));
  return base.length === 1 && bb !== undefined && tb !== undefined ? [bb, tb] : null;
}

const VNI_MARK_OF = new Map<string, string>(); // "quality,tone" → mark
for (const [ch, m] of VNI_MARKS) VNI_MARK_OF.set(`${m.quality},${m.tone}`, ch);
const VNI_LETTER_OF = new Map<string, string>(VNI_LETTERS.map(([b, l]) => [l, b]));
/** Characters that mean a mark or a letter in VNI: they cannot stand for themselves. */
const VNI_BYTES = new Set<string>([...VNI_MARKS.map(([m]) => m), ...VNI_LETTERS.map(([b]) => b)]);

/** VNI (as seen through Windows-1252) of one character, or null. */
function vniOf(ch: string): string | null {
  const lower = ch.toLowerCase();
  const upper = ch !== lower;
  const up = (s: string) => (upper ? s.toUpperCase() : s);
  if (VNI_LETTER_OF.has(lower) && !(lower === 'í' || lower === 'ì')) return up(VNI_LETTER_OF.get(lower)!);
  if (lower === 'í' || lower === 'ì') return ch;
  const info = vowelInfo(ch);
  if (!info) return CP1252_ENC.has(ch.charCodeAt(0)) && !VNI_BYTES.has(lower) ? ch : null;
  let base = info.base;
  let quality = 0;
  if (base === 'ơ' || base === 'ư') {
    base = VNI_LETTER_OF.get(base)!; // ô / ö
  } else {
    for (const q of [1, 2] as const) {
      for (const [b, l] of Object.entries(VNI_QUALITY[q])) if (l === base) {
        base = b;
        quality = q;
      }
    }
  }
  if (quality === 0 && info.tone === 0) return up(base);
  const mark = VNI_MARK_OF.get(`${quality},${info.tone}`);
  return mark === undefined ? null : up(base + mark);
}

const VIQR_QUALITY_OF = new Map<string, [string, string]>(); // ê → ['e', '^']
for (const [mark, m] of VIQR_QUALITY) for (const [b, l] of Object.entries(m)) VIQR_QUALITY_OF.set(l, [b, mark]);
const VIQR_TONE_OF = new Map<number, string>(VIQR_TONES.map(([ch, t]) => [t, ch]));
const VIQR_MARK_CHARS = new Set(["'", '`', '?', '~', '.', '(', '^', '+']);

/** VIQR of a text (RFC 1456, literal mark characters after a vowel escaped). */
export function toViqr(text: string): string {
  let out = '';
  let prevVowelish = false; // the last output letter was a vowel (or a mark after it)
  let prevD = false; // the run so far is a lone "d"/"D"
  let prevUpperD = false; // the last character was "D"
  let runLen = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ' || ch === 'Đ') {
      // a literal d/D just before would pair with this one's first letter: escape it
      if (/[dD]$/.test(out) && !/(\\|[dD])[dD]$/.test(out.slice(-2)) ) out = out.slice(0, -1) + '\\' + out.slice(-1);
      out += ch === 'đ' ? 'dd' : 'DD';
      prevVowelish = false;
      prevD = false;
      prevUpperD = false;
      runLen += 2;
      continue;
    }
    const info = vowelInfo(ch);
    if (info) {
      const lower = info.base;
      const [b, q] = VIQR_QUALITY_OF.get(lower) ?? [lower, ''];
      let s = b + q + (info.tone ? VIQR_TONE_OF.get(info.tone)! : '');
      if (info.upper) s = s.charAt(0).toUpperCase() + s.slice(1);
      out += s;
      prevVowelish = true;
      prevD = false;
      prevUpperD = false;
      runLen++;
      continue;
    }
    if (VIQR_MARK_CHARS.has(ch) && prevVowelish) out += '\\';
    else if ((ch === 'd' || ch === 'D') && (prevD || (ch === 'D' && prevUpperD))) out += '\\';
    else if (ch === '\\') out += '\\';
    out += ch;
    const isLetter = /[A-Za-z]/.test(ch);
    prevD = isLetter && runLen === 0 && (ch === 'd' || ch === 'D');
    prevUpperD = ch === 'D';
    runLen = isLetter ? runLen + 1 : 0;
    prevVowelish = false;
  }
  return out;
}

/** The legacy form of a text, as a string seen through Windows-1252. */
export function encodeString(text: string, form: StringForm): string {
  const t = representable(text, form);
  switch (form) {
    case 'viqr':
      return toViqr(t);
    case 'mojibake':
      return view(new TextEncoder().encode(t));
    case 'mojibake2':
      return view(new TextEncoder().encode(view(new TextEncoder().encode(t))));
    default:
      return view(encodeBytes(t, form));
  }
}

/** The legacy form of a text as bytes. */
export function encodeBytes(text: string, form: ByteForm | 'tcvn3' | 'vni' | 'viscii' | 'cp1258'): Uint8Array {
  const t = representable(text, form);
  switch (form) {
    case 'utf8':
      return new TextEncoder().encode(t);
    case 'utf8bom':
      return new TextEncoder().encode('\ufeff' + t);
    case 'utf16le':
    case 'utf16be': {
      const out = new Uint8Array(2 + 2 * t.length);
      const le = form === 'utf16le';
      out[0] = le ? 0xff : 0xfe;
      out[1] = le ? 0xfe : 0xff;
      for (let i = 0; i < t.length; i++) {
        const u = t.charCodeAt(i);
        out[2 + 2 * i] = le ? u & 0xff : u >> 8;
        out[3 + 2 * i] = le ? u >> 8 : u & 0xff;
      }
      return out;
    }
    case 'vni': {
      let s = '';
      for (const ch of t) s += vniOf(ch) ?? '?';
      return Uint8Array.from(s, (c) => CP1252_ENC.get(c.charCodeAt(0)) ?? 0x3f);
    }
    case 'cp1258': {
      const out: number[] = [];
      for (const ch of t) out.push(...(cp1258Bytes(ch) ?? [0x3f]));
      return Uint8Array.from(out);
    }
    case 'tcvn3':
    case 'viscii': {
      const out: number[] = [];
      for (const ch of t) {
        const b = byteOf(form, ch);
        out.push(b < 0 ? 0x3f : b);
      }
      return Uint8Array.from(out);
    }
  }
}

function view(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(CP1252_DECODE[x]);
  return s;
}

/** The text with every character the form cannot hold replaced by "?" (NFC). */
export function representable(text: string, form: StringForm | ByteForm): string {
  const t = text.normalize('NFC');
  let out = '';
  for (const ch of t) out += canHold(form, ch) ? ch : '?';
  return out;
}

function canHold(form: StringForm | ByteForm, ch: string): boolean {
  switch (form) {
    case 'tcvn3':
    case 'viscii':
      return byteOf(form, ch) >= 0;
    case 'vni':
      return vniOf(ch) !== null && [...(vniOf(ch) ?? '')].every((c) => CP1252_ENC.has(c.charCodeAt(0)));
    case 'cp1258':
      return cp1258Bytes(ch) !== null;
    case 'viqr':
      return ch.charCodeAt(0) < 0x80 || vowelInfo(ch) !== null || ch === 'đ' || ch === 'Đ' || !/\p{L}/u.test(ch);
    default:
      return true;
  }
}
