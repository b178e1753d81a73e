/** The encoding tables: every Vietnamese letter both ways, the examples, and the tables against reference decoders. */
import { describe, expect, it } from 'vitest';
import { CP1252_DECODE, CP1252_EXAMPLES, cp1252Byte } from '../../src/text/encodings/cp1252.js';
import { CP1258_DECODE, CP1258_EXAMPLES } from '../../src/text/encodings/cp1258.js';
import { TCVN3_CASE_AMBIGUOUS, TCVN3_DECODE, TCVN3_EXAMPLES } from '../../src/text/encodings/tcvn3.js';
import { VISCII_DECODE, VISCII_EXAMPLES } from '../../src/text/encodings/viscii.js';
import { VNI_EXAMPLES } from '../../src/text/encodings/vni.js';
import { VIQR_EXAMPLES } from '../../src/text/encodings/viqr.js';
import { normalizeText } from '../../src/text/normalize.js';
import { ALL_LETTERS, LOWER_LETTERS, UPPER_LETTERS } from './helpers/letters.js';
import { encodeBytes, encodeString, toViqr } from './helpers/encode.js';

describe('the 134 letters', () => {
  it('are 67 lower-case and 67 upper-case precomposed letters', () => {
    expect(LOWER_LETTERS).toHaveLength(67);
    expect(new Set(ALL_LETTERS).size).toBe(134);
    for (const ch of ALL_LETTERS) expect(ch.normalize('NFC')).toBe(ch);
  });

  // Each letter alone between ASCII letters of its case (so TCVN3 sees a word in capitals for the capitals).
  const ctx = (ch: string) => (ch === ch.toUpperCase() ? `X${ch}N` : `x${ch}n`);

  for (const form of ['vni', 'viscii', 'cp1258', 'tcvn3'] as const) {
    it(`round-trip through ${form}, as bytes and as text seen through Windows-1252`, () => {
      for (const ch of ALL_LETTERS) {
        const word = ctx(ch);
        expect(normalizeText(encodeBytes(word, form), { encoding: form, toneStyle: 'keep' }).text, `${form} ${ch}`).toBe(word);
        expect(normalizeText(encodeString(word, form), { encoding: form, toneStyle: 'keep' }).text, `${form} ${ch}`).toBe(word);
      }
    });
  }

  it('round-trip through VIQR and UTF-8 mojibake (once and twice)', () => {
    for (const ch of ALL_LETTERS) {
      // VIQR reads a lower-case "dd" as đ only where đ can be: at the start of a word
      const word = ch === 'đ' ? 'đan' : ctx(ch);
      for (const form of ['viqr', 'mojibake', 'mojibake2'] as const) {
        const enc = form === 'mojibake2' ? 'mojibake' : form;
        expect(normalizeText(encodeString(word, form), { encoding: enc, toneStyle: 'keep' }).text, `${form} ${ch}`).toBe(word);
      }
    }
  });

  it('VISCII and Windows-1258 hold every letter in one byte or a letter + tone mark byte', () => {
    const viscii = new Set(Array.from(VISCII_DECODE, (u) => String.fromCharCode(u)));
    for (const ch of ALL_LETTERS) expect(viscii.has(ch), ch).toBe(true);
    for (const ch of ALL_LETTERS) expect(encodeBytes(ch, 'cp1258').length).toBeLessThanOrEqual(2);
  });

  it('TCVN3 (VN3) has every lower-case letter, and of the capitals only Ă Â Ê Ô Ơ Ư Đ and the VN1 ones in its gaps', () => {
    const tcvn = new Map<string, number>();
    for (let b = 0; b < 256; b++) tcvn.set(String.fromCharCode(TCVN3_DECODE[b]), b);
    for (const ch of LOWER_LETTERS) expect(tcvn.has(ch), ch).toBe(true);
    for (const ch of 'ĂÂÊÔƠƯĐ') expect(tcvn.get(ch)).toBeGreaterThanOrEqual(0xa1);
    const capitals = UPPER_LETTERS.filter((ch) => tcvn.has(ch) && !'ĂÂÊÔƠƯĐ'.includes(ch));
    // VN1's capitals in the places VN3 leaves empty: 0xAF, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF
    expect(capitals.map((ch) => tcvn.get(ch)!.toString(16)).sort()).toEqual(['af', 'ba', 'bf', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'cd', 'd9', 'da', 'db', 'e0', 'f0', 'ff']);
    // the toned lower-case vowels are the letters whose case TCVN3 loses
    const ambiguous = Array.from({ length: 256 }, (_, b) => b).filter((b) => TCVN3_CASE_AMBIGUOUS[b]);
    expect(ambiguous.length).toBe(60);
  });
});

describe('the tables', () => {
  it('Windows-1258 agrees with the WHATWG decoder, Windows-1252 with Windows-1258 where they share bytes', () => {
    // (Node's TextDecoder reads the label windows-1252 as ISO-8859-1, so it is checked through 1258)
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    const w1258 = new TextDecoder('windows-1258').decode(all);
    const differ = new Set([0x8a, 0x8e, 0x9a, 0x9e, 0xc3, 0xcc, 0xd0, 0xd2, 0xd5, 0xdd, 0xde, 0xe3, 0xec, 0xf0, 0xf2, 0xf5, 0xfd, 0xfe]);
    for (let b = 0; b < 256; b++) {
      expect(CP1258_DECODE[b], `cp1258 ${b}`).toBe(w1258.charCodeAt(b));
      if (!differ.has(b)) expect(CP1252_DECODE[b], `cp1252 ${b}`).toBe(w1258.charCodeAt(b));
      expect(cp1252Byte(CP1252_DECODE[b])).toBe(b);
    }
    expect(String.fromCharCode(...[0x8a, 0x8e, 0x9a, 0x9e, 0xc3, 0xd0, 0xde, 0xf0].map((b) => CP1252_DECODE[b]))).toBe('ŠŽšžÃÐÞð');
    for (const [b, ch] of CP1252_EXAMPLES) expect(String.fromCharCode(CP1252_DECODE[b])).toBe(ch);
  });

  it('decode every example of every table', () => {
    const sets = { tcvn3: TCVN3_EXAMPLES, vni: VNI_EXAMPLES, viscii: VISCII_EXAMPLES, cp1258: CP1258_EXAMPLES, viqr: VIQR_EXAMPLES } as const;
    for (const [enc, examples] of Object.entries(sets)) {
      for (const [legacy, unicode] of examples) {
        expect(normalizeText(legacy, { encoding: enc as keyof typeof sets, toneStyle: 'keep' }).text, `${enc}: ${legacy}`).toBe(unicode);
        // and detection finds them on its own
        expect(normalizeText(legacy, { toneStyle: 'keep' }).encoding, `${enc}: ${legacy}`).toBe(enc);
      }
    }
  });

  it('the issue’s examples', () => {
    expect(normalizeText('NghÞ quyÕt sè 52-NQ/TW').text).toBe('Nghị quyết số 52-NQ/TW');
    expect(normalizeText('Nghò quyeát soá').text).toBe('Nghị quyết số');
    expect(normalizeText("Nghi. quye^'t so^'").text).toBe('Nghị quyết số');
    expect(normalizeText('Nghá»‹ quyáº¿t sá»‘').text).toBe('Nghị quyết số');
    expect(normalizeText('c¸c tr\u00adêng hîp').text).toBe('các trường hợp');
  });

  it('VIQR escapes literal marks after a vowel, and reads them back', () => {
    expect(toViqr('Bộ Chính trị. Xong?')).toBe('Bo^. Chi\'nh tri.\\. Xong?');
    expect(normalizeText('Bo^. Chi\'nh tri.\\. Xong?', { encoding: 'viqr' }).text).toBe('Bộ Chính trị. Xong?');
  });
});
