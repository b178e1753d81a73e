/**
 * normalizeText on real text: every seed in every legacy form comes back as
 * the original (normalized), with its encoding named and its spans mapped;
 * clean text of every kind is left alone; bad input never throws.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, detectEncoding } from '../../src/text/normalize.js';
import { BYTE_FORMS, STRING_FORMS, encodeBytes, encodeString, representable, type ByteForm, type StringForm } from './helpers/encode.js';
import { tcvn3Expected } from './helpers/tcvn3-case.js';

const SEEDS = [
  '000_2dae4cc2179c821d.txt',
  '001_ad13f960ec8507f6.txt',
  '002_652940eb11e67dde.txt',
  '003_0e471ed369bb78c5.part1.txt',
  '004_879014f10c9673c0.part1.txt',
].map((f) => ({ name: f.slice(0, 3), text: readFileSync(`fixtures/seeds/${f}`, 'utf8') }));
/** 003 is OCR output with most diacritics lost: plausibility cannot pick its VIQR form (see README). */
const OCR = '003';

/** What a form gives back: the characters it holds, TCVN3's capitals as the README states, normalized. */
function expected(text: string, form: StringForm | ByteForm): string {
  let t = representable(text, form);
  if (form === 'tcvn3') t = tcvn3Expected(t);
  return normalizeText(t, { encoding: 'utf8' }).text;
}

const encodingOf = (form: StringForm | ByteForm) =>
  form === 'mojibake2' ? 'mojibake' : form === 'utf8bom' ? 'utf8' : form;

/** Reference-like spans: "Nghị quyết số 52-NQ/TW", "Quyết định số 1562/QĐ-TTg" … */
const REF = /(?:Nghị quyết|Quyết định|Nghị định|Kế hoạch|Chỉ thị|Thông tư|Chương trình|Kết luận|Công văn)(?: số)? \d+[/-][\p{L}\d/-]*\p{L}/gu;

describe('seeds in every legacy form', () => {
  for (const seed of SEEDS) {
    describe(`seed ${seed.name}`, () => {
      for (const form of STRING_FORMS) {
        it(`${form} text comes back, detected, spans mapped`, () => {
          const input = encodeString(seed.text, form);
          if (seed.name === OCR && form === 'viqr') {
            // OCR words are not syllables, so a trailing ' or . after their vowel
            // cannot be told from punctuation ("tue'" stays): forced, most lines
            const r = normalizeText(input, { encoding: 'viqr' });
            const got = r.text.split('\n');
            const want = expected(seed.text, form).split('\n');
            expect(got.length).toBe(want.length);
            expect(got.filter((l, k) => l === want[k]).length / want.length).toBeGreaterThan(0.95);
            return;
          }
          const r = normalizeText(input);
          // OCR text holds no letter that VISCII or Windows-1258 writes apart from Latin-1: it reads as it is
          const readings = seed.name === OCR && (form === 'viscii' || form === 'cp1258') ? [form, 'utf8'] : [encodingOf(form)];
          expect(readings).toContain(r.encoding);
          expect(r.text).toBe(expected(seed.text, form));
          const refs = [...r.text.matchAll(REF)];
          if (seed.name !== OCR) expect(refs.length).toBeGreaterThan(0);
          for (const m of refs) {
            const span = r.map.spanToOriginal(m.index!, m.index! + m[0].length);
            expect(input.slice(span.start, span.end)).toBe(encodeString(m[0], form));
          }
        });
      }
      for (const form of BYTE_FORMS) {
        it(`${form} bytes come back, detected, spans mapped`, () => {
          const bytes = encodeBytes(seed.text, form);
          const r = normalizeText(bytes);
          const readings = [encodingOf(form)];
          // OCR text without Vietnamese letters reads the same in more than one one-byte encoding
          if (seed.name === OCR && (form === 'viscii' || form === 'cp1258')) readings.push('vni', 'viscii', 'cp1258');
          expect(readings).toContain(r.encoding);
          expect(r.text).toBe(expected(seed.text, form));
          for (const m of r.text.matchAll(REF)) {
            const span = r.map.spanToOriginal(m.index!, m.index! + m[0].length);
            if (form === 'tcvn3' || form === 'vni' || form === 'viscii' || form === 'cp1258') {
              // one-byte encodings: offsets are byte offsets
              expect([...bytes.slice(span.start, span.end)]).toEqual([...encodeBytes(m[0], form)]);
            } else {
              // UTF-8/UTF-16: offsets into the decoded text (byte order mark dropped)
              expect(new TextDecoder(form.startsWith('utf16') ? (form === 'utf16le' ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(bytes).slice(span.start, span.end)).toBe(m[0]);
            }
          }
        });
      }
    });
  }
});

describe('mojibake whose no-break spaces became spaces', () => {
  it('reads a space that closes à, Ơ, Ạ or Ỡ as the byte 0xA0', () => {
    const good = 'Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ạ Ơ ngàn ngày';
    const moji = new TextDecoder('windows-1252').decode(new TextEncoder().encode(good)).replace(/\u00a0/g, ' ');
    expect(moji).toContain('ngÃ y');
    const r = normalizeText(moji);
    expect(r.encoding).toBe('mojibake');
    expect(r.text).toBe(good);
    // spans still map back: "ngày" covers "ngÃ y" in the input
    const at = r.text.indexOf('ngày');
    const span = r.map.spanToOriginal(at, at + 4);
    expect(moji.slice(span.start, span.end)).toBe('ngÃ y');
  });

  it('leaves a real space after a capital Ã in clean text alone', () => {
    const t = 'Tại NGÃ BA ĐỒNG LỘC, ngày 24 tháng 7 năm 2024, Ủy ban nhân dân xã đã tổ chức hội nghị.';
    expect(normalizeText(t).text).toBe(t);
  });
});

describe('clean text is left alone', () => {
  const clean = [
    ...SEEDS.map((s) => [`seed ${s.name}`, s.text] as const),
    ...['english.txt', 'sample.json', 'source.ts.txt', 'french.txt'].map((f) => [f, readFileSync(`fixtures/text/${f}`, 'utf8')] as const),
  ];
  for (const [name, text] of clean) {
    it(`${name}: read as UTF-8, as a whole and line by line, changed only by the documented unification`, () => {
      const r = normalizeText(text);
      expect(r.encoding).toBe('utf8');
      expect(r.changes.legacy).toBe(0);
      expect(normalizeText(new TextEncoder().encode(text)).encoding).toBe('utf8');
      for (const line of text.split('\n')) expect(normalizeText(line).encoding, line).toBe('utf8');
      // apart from tone placement, quotes, dashes and spaces, the text is as it was
      const loose = (s: string) => s.replace(/[“”„‟]/g, '"').replace(/[‘’‚‛]/g, "'").replace(/[‐-―−]/g, '-').replace(/\u00a0/g, ' ');
      const kept = normalizeText(text, { toneStyle: 'keep' });
      expect(kept.text).toBe(loose(text.normalize('NFC')));
    });
  }

  it('English, JSON and code stay byte for byte the same', () => {
    for (const f of ['english.txt', 'sample.json', 'source.ts.txt', 'french.txt']) {
      const text = readFileSync(`fixtures/text/${f}`, 'utf8');
      const r = normalizeText(text);
      expect(r.text).toBe(text);
      expect(r.map.isIdentity).toBe(true);
    }
  });

  it('clean NFC text comes back as the same string with an identity map', () => {
    const text = normalizeText(SEEDS[4].text).text;
    const r = normalizeText(text);
    expect(r.text).toBe(text);
    expect(r.map.isIdentity).toBe(true);
    expect(Object.values(r.changes).every((v) => v === 0)).toBe(true);
  });
});

describe('Unicode forms and characters', () => {
  it('composes NFD and maps positions inside the composed letters to their edges', () => {
    const nfd = 'Nghị quyết'.normalize('NFD');
    const r = normalizeText(nfd);
    expect(r.text).toBe('Nghị quyết');
    expect(r.changes.nfc).toBe(2);
    expect(r.map.spanToOriginal(5, 10)).toEqual({ start: 'Nghị '.normalize('NFD').length, end: nfd.length });
    expect(r.map.toNormalized(4)).toBe(3); // inside "ị" → its start
  });

  it('unifies look-alikes, dashes, spaces, invisible characters, quotes and line separators, as documented', () => {
    const input = 'Ðảng \u00f0ồng\u00a0ý \u201cNQ\u201d \u2018x\u2019 52\u2013NQ\u2014TW a\u200bb\u00ad c\u2028d\ufeffe\r\nf';
    const r = normalizeText(input);
    expect(r.text).toBe('Đảng đồng ý "NQ" \'x\' 52-NQ-TW ab c\nde\r\nf');
    expect(r.changes).toMatchObject({ lookalike: 2, space: 1, quote: 4, dash: 2, invisible: 3, newline: 1 });
    // removed characters: positions after them map back past them
    const ab = r.text.indexOf('ab');
    expect(input.slice(r.map.toOriginal(ab), r.map.toOriginal(ab + 2, 'end'))).toBe('a\u200bb');
  });

  it('places tone marks of oa/oe/uy in the chosen style, only there', () => {
    expect(normalizeText('hoà thuỷ khoẻ Hoà HOÀ quý hoàn ngoài').text).toBe('hòa thủy khỏe Hòa HÒA quý hoàn ngoài');
    expect(normalizeText('hòa thủy khỏe quý', { toneStyle: 'old' }).text).toBe('hoà thuỷ khoẻ quý');
    expect(normalizeText('hoà hòa', { toneStyle: 'keep' }).text).toBe('hoà hòa');
    expect(normalizeText('hoà thuỷ').changes.tone).toBe(2);
    // NFD old style: composed, then placed
    expect(normalizeText('hoà'.normalize('NFD')).text).toBe('hòa');
  });

  it('repairs mixed files line by line: Unicode lines stay, legacy lines are repaired', () => {
    const input = 'Nghị quyết số 52-NQ/TW của Bộ Chính trị\nNghÞ quyÕt sè 52-NQ/TW cña Bé ChÝnh trÞ\nCăn cứ Luật Tổ chức Chính phủ';
    const r = normalizeText(input);
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe('Nghị quyết số 52-NQ/TW của Bộ Chính trị\nNghị quyết số 52-NQ/TW của Bộ Chính trị\nCăn cứ Luật Tổ chức Chính phủ');
  });

  it('TCVN3 capitals: words in capitals, headings, sentence starts', () => {
    const cases: Array<[string, string]> = [
      ['CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['Hµ Néi, ngµy 15 th¸ng 9 n¨m 2023', 'Hà Nội, ngày 15 tháng 9 năm 2023'],
      ['Hµ NéI', 'HÀ NỘI'], // NộI is in capitals, so Hà next to it is too
      ['Bé Y TÕ', 'BỘ Y TẾ'],
      ['ñy ban nh©n d©n tØnh. ñy ban cã quyÒn', 'Ủy ban nhân dân tỉnh. Ủy ban có quyền'],
      ['- ë ®©u cã nhu cÇu', '- Ở đâu có nhu cầu'],
      ['cña ñy ban', 'của ủy ban'], // a capital inside a sentence cannot be seen
    ];
    for (const [tcvn, want] of cases) expect(normalizeText(tcvn, { encoding: 'tcvn3' }).text, tcvn).toBe(want);
  });

  it('VIQR: marks that would be punctuation stay punctuation', () => {
    const cases: Array<[string, string]> = [
      ["Hello. Ta^`n so^' DDa('k La('k, HDDND va` Le^nin.", 'Hello. Tần số Đắk Lắk, HĐND và Lênin.'],
      ["Co' pha?i kho^ng? Tri\\. Xong\\.", 'Có phải không? Tri. Xong.'],
      ['www.quangngai.gov.vn', 'www.quangngai.gov.vn'],
    ];
    for (const [viqr, want] of cases) expect(normalizeText(viqr, { encoding: 'viqr' }).text, viqr).toBe(want);
  });
});

describe('bytes', () => {
  it('reads UTF-8 with and without BOM and UTF-16 with BOM or by its zero bytes', () => {
    const text = 'Nghị quyết số 52-NQ/TW';
    expect(normalizeText(encodeBytes(text, 'utf8bom'))).toMatchObject({ text, encoding: 'utf8' });
    expect(normalizeText(encodeBytes(text, 'utf16le'))).toMatchObject({ text, encoding: 'utf16le' });
    expect(normalizeText(encodeBytes(text, 'utf16be'))).toMatchObject({ text, encoding: 'utf16be' });
    expect(normalizeText(encodeBytes(text, 'utf16le').slice(2))).toMatchObject({ text, encoding: 'utf16le' });
    expect(detectEncoding(encodeBytes(text, 'tcvn3'))).toBe('tcvn3');
  });

  it('invalid UTF-8 becomes U+FFFD, counted, never a throw', () => {
    const r = normalizeText(new Uint8Array([0x4e, 0x67, 0x68, 0xe1, 0xbb, 0x8b, 0x20, 0xff, 0x20, 0xe1, 0xbb, 0x20, 0x61]));
    expect(r.text).toBe('Nghị \ufffd \ufffd a');
    expect(r.changes.invalid).toBe(2);
    expect(r.encoding).toBe('utf8');
    // a literal U+FFFD in the input is not counted
    expect(normalizeText(new TextEncoder().encode('a\ufffdb')).changes.invalid).toBe(0);
    // odd UTF-16
    expect(normalizeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62]), { encoding: 'utf16le' }).changes.invalid).toBe(2);
  });

  it('a forced legacy encoding on bytes that are valid UTF-8 repairs the text they hold', () => {
    const bytes = new TextEncoder().encode('NghÞ quyÕt');
    expect(normalizeText(bytes, { encoding: 'tcvn3' }).text).toBe('Nghị quyết');
    expect(normalizeText(encodeBytes('Nghị quyết', 'tcvn3'), { encoding: 'tcvn3' }).text).toBe('Nghị quyết');
  });
});

describe('bad arguments', () => {
  it('a wrong argument type is a TypeError naming the argument', () => {
    for (const bad of [42, null, undefined, {}, ['x'], new Uint16Array(2)]) {
      expect(() => normalizeText(bad as never)).toThrow(TypeError);
      expect(() => normalizeText(bad as never)).toThrow(/"input"/);
    }
    expect(() => normalizeText('x', 'tcvn3' as never)).toThrow(/"options"/);
    expect(() => normalizeText('x', { encoding: 'latin1' } as never)).toThrow(/option "encoding" must be one of auto, utf8/);
    expect(() => normalizeText('x', { toneStyle: 'middle' } as never)).toThrow(/option "toneStyle"/);
    expect(() => detectEncoding(7 as never)).toThrow(/detectEncoding: argument "input"/);
  });

  it('lone surrogates are kept, and do not crash anything', () => {
    const s = 'a\ud800b\udc00 hoà \ud83d';
    const r = normalizeText(s);
    expect(r.text).toBe('a\ud800b\udc00 hòa \ud83d');
  });
});

describe('properties', () => {
  // strings that reach every path: Vietnamese letters, NFD marks, legacy symbols, VIQR marks, specials, surrogates
  const pieces = ['a', 'o', 'u', 'y', 'd', 'D', 'e', 'N', 'g', 'h', ' ', '\n', '\r\n', '.', "'", '^', '(', '+', '?', '~', '`', '\\',
    'ị', 'ế', 'à', 'Ð', 'ð', '\u0301', '\u0323', '\u00a0', '\u200b', '\u00ad', '\u2013', '\u201c', '\u2028', '\ud800', '\ud83d\ude00',
    'Þ', 'Õ', 'è', '¸', 'µ', '§', '®', '©', 'ø', 'ï', 'ñ', 'Ã', '¡', 'º', '»', '‹', 'â', '€', 'Â', 'ê', 'ô', 'ö', 'ò', 'Ì', 'ì'];
  const vnString = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), vnString);

  it('never throws on arbitrary strings and bytes; output is NFC', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const r = normalizeText(s);
        expect(r.text.normalize('NFC')).toBe(r.text);
        expect(r.map.originalLength).toBe(s.length);
        expect(r.map.normalizedLength).toBe(r.text.length);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.constantFrom('auto', 'utf8', 'utf16le', 'utf16be', 'tcvn3', 'vni', 'viqr', 'viscii', 'cp1258', 'mojibake') , (b, encoding) => {
        const r = normalizeText(b, { encoding: encoding as never });
        expect(r.map.normalizedLength).toBe(r.text.length);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom('new', 'old') as fc.Arbitrary<'new' | 'old'>, (s, toneStyle) => {
        const once = normalizeText(s, { toneStyle }).text;
        expect(normalizeText(once, { toneStyle }).text).toBe(once);
      }),
      { numRuns: 400 },
    );
    for (const seed of SEEDS) {
      for (const form of ['tcvn3', 'vni', 'mojibake2'] as const) {
        const once = normalizeText(encodeString(seed.text.slice(0, 3000), form)).text;
        expect(normalizeText(once).text).toBe(once);
      }
    }
  });

  it('toOriginal(toNormalized(i)) lands on the same character for every character that survives', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const r = normalizeText(s);
        for (let i = 0; i < s.length; i++) {
          const j = r.map.toNormalized(i);
          const back = r.map.toOriginal(j);
          // a fixed point: the way back and forth again gives the same place
          expect(r.map.toNormalized(back)).toBe(j);
          if (/[0-9A-Za-z\u1ea0-\u1ef9]/.test(s[i]) && r.text[j] === s[i]) expect(back).toBe(i);
        }
      }),
      { numRuns: 300 },
    );
  });
});
