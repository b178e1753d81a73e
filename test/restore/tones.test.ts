import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultModel } from '../../src/node/model.js';
import { restoreTones } from '../../src/restore/tones.js';
import { allSyllables } from '../../src/restore/syllables.js';
import { foldDiacritics } from '../../src/text/fold.js';

const model = loadDefaultModel();
const restore = (text: string, opts: Parameters<typeof restoreTones>[1] = {}) => restoreTones(text, { model, ...opts });
const seed = (n: string) => readFileSync(new URL(`../../fixtures/seeds/${n}`, import.meta.url), 'utf8');

describe('restoreTones', () => {
  it('restores a stripped citation', () => {
    const r = restore('Nghi quyet so 52-NQ/TW ngay 27/9/2019 cua Bo Chinh tri ve mot so chu truong');
    expect(r.text).toBe('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương');
    expect(r.confidence).toBeGreaterThan(0.9);
    expect(r.changed).toBe(13);
  });

  it('keeps case', () => {
    expect(restore('NGHI QUYET CUA BAN CHAP HANH TRUNG UONG').text).toBe('NGHỊ QUYẾT CỦA BAN CHẤP HÀNH TRUNG ƯƠNG');
    expect(restore('Ban Thuong vu Tinh uy Quang Ngai').text).toBe('Ban Thường vụ Tỉnh ủy Quảng Ngãi');
  });

  it('restores names the spelling rules do not cover but the corpus writes (Đắk Lắk)', () => {
    expect(restore('tinh Dak Lak, Dak Nong va Kon Tum').text).toBe('tỉnh Đắk Lắk, Đắk Nông và Kon Tum');
  });

  it('writes the requested tone placement', () => {
    expect(restore('Ban Thuong vu Tinh uy', { toneStyle: 'old' }).text).toBe('Ban Thường vụ Tỉnh uỷ');
    expect(restore('Ban Thuong vu Tinh uy', { toneStyle: 'new' }).text).toBe('Ban Thường vụ Tỉnh ủy');
  });

  it('leaves numbers, symbols, URLs, e-mail addresses and codes alone', () => {
    const text = 'Cong van so 4119/STC-QLN, xem https://vbpl.vn/tw/Pages/home.aspx hoac gui van.thu@quangngai.gov.vn, UBND tinh';
    const out = restore(text).text;
    for (const keep of ['4119/STC-QLN', 'https://vbpl.vn/tw/Pages/home.aspx', 'van.thu@quangngai.gov.vn', 'UBND']) expect(out).toContain(keep);
    expect(out.startsWith('Công văn số')).toBe(true);
    expect(out.endsWith('UBND tỉnh')).toBe(true);
  });

  it('restores Đ in an all-capital code, but never adds tones to one', () => {
    expect(restore('UBND tinh giao HDND va Ban Chi dao').text).toBe('UBND tỉnh giao HĐND và Ban Chỉ đạo');
    expect(restore('ung dung AI trong quan ly').text).toContain(' AI ');
    expect(restore('cac cong nghe tien tien, BAT, BEP phu hop').text).toBe('các công nghệ tiên tiến, BAT, BEP phù hợp');
    // A run of capitals is a heading, restored in full.
    expect(restore('nam 2023\nBAO CAO\nso ket viec thuc hien').text).toBe('năm 2023\nBÁO CÁO\nsơ kết việc thực hiện');
  });

  it('passes text with no Vietnamese through unchanged', () => {
    for (const text of ['The new model is ready to go, and so is the report.', '12/2024 - 15:30 (ID 42)', '', '   \n\n', 'Привет мир', '東京 2025']) {
      const r = restore(text);
      expect(r.text).toBe(text);
      expect(r.map.isIdentity).toBe(true);
    }
  });

  it('uses the accented words of mixed text as context and restores only what is stripped', () => {
    const r = restore('Nghị quyết so 52-NQ/TW ngay 27/9/2019 của Bộ Chinh tri');
    expect(r.text).toBe('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị');
  });

  it('keeps syllables that already carry diacritics as written, even in the other placement', () => {
    const text = 'Ban Thường vụ Tỉnh uỷ tham gia hoà giải';
    expect(restore(text).text).toBe(text);
  });

  it('changes nothing in clean report text', () => {
    for (const f of ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt']) {
      const text = seed(f);
      const r = restore(text);
      const changed = r.text === text ? [] : (restore(text, { details: true }).details ?? []).filter((d) => d.original !== d.restored);
      expect(changed.map((d) => `${d.original}→${d.restored}`), f).toEqual([]);
    }
  });

  it('restores stripped report prose it was not trained on (seed 004) to at least 98.5% of syllables', () => {
    const clean = seed('004_879014f10c9673c0.part1.txt');
    const out = restore(foldDiacritics(clean)).text;
    const words = (s: string) => s.match(/[\p{L}]+/gu) ?? [];
    const a = words(clean);
    const b = words(out);
    expect(b.length).toBe(a.length);
    let same = 0;
    for (let i = 0; i < a.length; i++) if (a[i].normalize('NFC') === b[i]) same++;
    expect(same / a.length).toBeGreaterThan(0.985);
  });

  it('decodes long texts in chunks, with or without line breaks, as well as short ones', () => {
    const clean = seed('004_879014f10c9673c0.part1.txt');
    const words = (t: string) => t.match(/[\p{L}]+/gu) ?? [];
    for (const sep of ['\n', ' ']) {
      const long = Array.from({ length: 6 }, () => clean.replace(/\s*\n\s*/g, sep)).join(sep);
      const r = restore(foldDiacritics(long));
      expect(foldDiacritics(r.text)).toBe(foldDiacritics(long));
      const a = words(long);
      const b = words(r.text);
      let same = 0;
      for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
      expect(same / a.length).toBeGreaterThan(0.985);
      expect(r.confidence).toBeGreaterThan(0.9);
    }
  });

  it('returns an honest offset map and per-syllable details', () => {
    const text = 'Theo Ke hoach so 12/KH-UBND';
    const r = restore(text, { details: true });
    expect(r.text).toBe('Theo Kế hoạch số 12/KH-UBND');
    expect(r.map.originalLength).toBe(text.length);
    expect(r.map.normalizedLength).toBe(r.text.length);
    const i = r.text.indexOf('12/KH-UBND');
    expect(r.map.spanToOriginal(i, i + 10)).toEqual({ start: i, end: i + 10 });
    expect(r.details!.map((d) => d.restored)).toEqual(['Theo', 'Kế', 'hoạch', 'số']);
    for (const d of r.details!) {
      expect(text.slice(d.start, d.end)).toBe(d.original);
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('rejects bad arguments with a TypeError naming them', () => {
    expect(() => restoreTones(42 as unknown as string, { model })).toThrow(/restoreTones: argument "text" must be a string/);
    expect(() => restoreTones('a', { model, toneStyle: 'x' as 'new' })).toThrow(TypeError);
  });

  it('property: folding the restored text gives the folded input back, for any string read as stripped', () => {
    // With input 'auto' a string may be taken for scan output, and OCR correction changes letters by design.
    const vietnamese = fc.constantFrom(...allSyllables().slice(0, 4000), 'Nghị', 'QUYẾT', 'Đảng', 'hoà', 'UBND', 'NQ/TW', '52-NQ/TW');
    const token = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), vietnamese, fc.constantFrom(' ', ' ', '\n', ', ', '. ', '/', '-', 'https://x.vn/a-b', 'Đ'));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (parts) => {
        const x = parts.join('');
        const out = restore(foldDiacritics(x), { input: 'stripped' }).text;
        expect(foldDiacritics(out)).toBe(foldDiacritics(x));
      }),
      { numRuns: 300 },
    );
  });

  it('property: with input auto, any string: no throw, the map spans input and output', () => {
    const token = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('Nghi', 'quyét', 's6', 'ciia', 'B9', '52-NQ/TW', ' ', '\n', '27/9/2019'));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (parts) => {
        const x = parts.join('');
        const r = restore(x);
        expect(r.map.originalLength).toBe(x.length);
        expect(r.map.normalizedLength).toBe(r.text.length);
        // a document number keeps its digits whatever the text around it ("s6", "B9" may become words)
        if (x.includes(' 52-NQ/TW ')) expect(r.text).toMatch(/52-NQ\/TW/);
      }),
      { numRuns: 200 },
    );
  });

  it('property: text whose every word carries diacritics comes back unchanged', () => {
    const accented = allSyllables().filter((s) => foldDiacritics(s) !== s);
    const word = fc.constantFrom(...accented).map((w) => w);
    const cased = fc.tuple(word, fc.constantFrom('lower', 'title', 'upper')).map(([w, c]) =>
      c === 'upper' ? w.toUpperCase() : c === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : w,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cased, fc.constantFrom(' ', ', ', '. ', '\n', ' 12 ')), { maxLength: 25 }), (parts) => {
        const x = parts.map(([w, sep]) => w + sep).join('');
        expect(restore(x).text).toBe(x);
      }),
      { numRuns: 200 },
    );
  });
});
