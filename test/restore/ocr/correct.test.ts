import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctOcr } from '../../../src/restore/ocr/index.js';
import { restoreTones } from '../../../src/restore/tones.js';
import { detectInputKind } from '../../../src/restore/detect.js';
import { foldDiacritics } from '../../../src/text/fold.js';
import { loadDefaultModel } from '../../../src/node/model.js';
import { syllableAccuracy } from '../../../tools/ocr/align.js';
import { ocrFixture, testModel } from './model.js';

const model = testModel();
const fix = (text: string, opts: Parameters<typeof correctOcr>[1] = {}) => correctOcr(text, { model, ...opts });

describe('correctOcr on synthetic OCR of seed excerpts (fixtures/ocr/seeds)', () => {
  const cases = [
    ['seed000-00', 'eng-d0-s1'],
    ['seed000-00', 'eng-d1-s1'],
    ['seed000-01', 'eng-d2-s1'],
    ['seed001-00', 'eng-d1-s4'],
    ['seed001-01', 'eng-d0-s1'],
  ];
  for (const [chunk, channel] of cases) {
    it(`${chunk} read by ${channel}: most syllables come back`, () => {
      const clean = ocrFixture(`${chunk}.clean.txt`);
      const ocr = ocrFixture(`${chunk}.${channel}.txt`);
      const r = fix(ocr);
      expect(r.channel).toBe('eng');
      const before = syllableAccuracy(clean, ocr);
      const after = syllableAccuracy(clean, r.text);
      expect(before.correct / before.total).toBeLessThan(0.3);
      expect(after.correct / after.total).toBeGreaterThan(0.85);
    });
  }

  it('text read by the Vietnamese OCR model goes through the vie channel and gets better', () => {
    const clean = ocrFixture('seed000-01.clean.txt');
    const ocr = ocrFixture('seed000-01.vie-d4-s1.txt');
    const r = fix(ocr);
    expect(r.channel).toBe('vie');
    expect(syllableAccuracy(clean, r.text).correct).toBeGreaterThan(syllableAccuracy(clean, ocr).correct);
  });
});

describe('correctOcr: what must stay exact', () => {
  it('reads "s6" before a number as "số" and keeps the document number and date', () => {
    const r = fix('Thuc hién Nghi quyét s6 57-NQ/TW ngay 22/12/2024 cua B9 Chinh tri');
    expect(r.text).toContain('số 57-NQ/TW ngày 22/12/2024');
    expect(r.text).toContain('57-NQ/TW');
    expect(r.text).toContain('22/12/2024');
  });

  it('repairs symbol letters only into codes the grammar knows, never digits', () => {
    const r = fix('Quyét dinh s6 327/QD-UBND ngay 14/11/2025');
    expect(r.text).toContain('327/QĐ-UBND');
    const kept = fix('Hướng dẫn số 36-HD/VPTW');
    expect(kept.text).toContain('36-HD/VPTW');
  });

  it('finds words no learned edit explains through one back-off edit, and keeps punctuation and codes', () => {
    // "thyuc": a letter added and a vowel misread together; "civa": a vowel misread
    expect(fix('Tiep tuc thyuc hien Nghi quyet cua Bo Chinh tri').text).toBe('Tiếp tục thực hiện Nghị quyết của Bộ Chính trị');
    expect(fix('cong tac kiem tra, giam sat civa Dang').text).toBe('công tác kiểm tra, giám sát của Đảng');
    expect(fix('theo văn ban/ KH&CN').text).toContain('KH&CN');
    expect(fix('theo văn ban/ KH&CN').text).toContain('/');
  });

  it('reads a short number alone between words as a word only where the model wants a word', () => {
    expect(fix('khoi nghiep 6 cac tinh').text).toBe('khởi nghiệp ở các tỉnh'); // "ở" read as "6"
    expect(fix('co 6 huyen va 16 xa da hoan thanh').text).toBe('có 6 huyện và 16 xã đã hoàn thành');
    expect(fix('Dieu 6 Thong tu 16').text).toMatch(/^Điều 6 \S+ \S+ 16$/);
  });

  it('lets the context choose the vowel a sign stands for, beyond the most frequent words', () => {
    // "&" for "ế": "tế" is rarer than "tại", "tổ", "tư", which fill a short candidate list on their own
    const shipped = loadDefaultModel();
    expect(correctOcr('theo de nghi cua Ban Kinh t& Trung wong', { model: shipped }).text).toContain('Ban Kinh tế Trung ương');
  });

  it('rejoins a code group the scan set apart after its separator, and reads VV as W in a code', () => {
    const shipped = loadDefaultModel();
    // "TW" alone would be read as the word "TỪ"
    expect(correctOcr('Nghi quyét s6 57-NQ/ TW ngay 22/12/2024 ciia B6 Chinh tri', { model: shipped }).text).toBe('Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị');
    expect(correctOcr('Quyét dinh s6 52/QD- UBND ngay 27/9/2019', { model: shipped }).text).toBe('Quyết định số 52/QĐ-UBND ngày 27/9/2019');
    expect(correctOcr('Nghi quyét s6 52-NQ/TVV ngay 27/9/2019', { model: shipped }).text).toBe('Nghị quyết số 52-NQ/TW ngày 27/9/2019');
    // a group that is no code stays apart, and a list number is no symbol begun
    expect(correctOcr('ty le 5/ TONG so', { model: shipped }).text).not.toContain('5/TONG');
    expect(correctOcr('2- UBND tinh chiu trach nhiem', { model: shipped }).text).toMatch(/^2- UBND/);
  });

  it('reads letters for digits back in dates and numbers, only where a number is certain', () => {
    const shipped = loadDefaultModel();
    expect(correctOcr('Nghi quyét s6 52-NQ/TW ngay 27/9/2Ol9 ciia B9 Chinh tri', { model: shipped }).text).toBe('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị');
    expect(correctOcr('ngay 2l/9/2019 ciia B9 Chinh tri', { model: shipped }).text).toContain('21/9/2019');
    expect(correctOcr('trong nam 2O23 da hoan thanh', { model: shipped }).text).toContain('năm 2023');
    // not a date (month 13), a gas, a heading numeral
    expect(correctOcr('ngay 2l/13/2019 va khi O2', { model: shipped }).text).toContain('2l/13/2019');
    expect(correctOcr('ngay 2l/13/2019 va khi O2', { model: shipped }).text).toContain('O2');
  });

  it('tries the back-off edits on a non-syllable whose learned readings are all poor', () => {
    // "trlen": "l" for "i" before "e" was never learned; the learned edits could only make "trốn"
    const shipped = loadDefaultModel();
    expect(correctOcr('nham\ntrlen khai c6 hiéu qua Nghi quyét so 30-NQ/TW', { model: shipped }).text).toBe('nhằm\ntriển khai có hiệu quả Nghị quyết số 30-NQ/TW');
  });

  it('never turns a number of the seed reports into a word, clean or stripped, read as OCR', () => {
    // "Điều 16", "ngày 5 tháng 9", "có 6 huyện": a number stays a number unless the model wants a word.
    const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
    const seeds = readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt') && !f.startsWith('003'));
    let numbers = 0;
    for (const f of seeds) {
      const clean = readFileSync(`fixtures/seeds/${f}`, 'utf8').slice(0, 20_000);
      for (const text of [clean, foldDiacritics(clean)]) {
        numbers += (text.match(/(?<=\s)\d{1,2}(?=\s)/g) ?? []).length;
        // Symbols may be repaired ("QD" → "QĐ"), their digits never.
        for (const c of fix(text).corrections) expect(c.to.replace(/\D/g, ''), `${f}: ${text.slice(c.start - 20, c.end + 20)}`).toBe(c.from.replace(/\D/g, ''));
      }
    }
    expect(numbers).toBeGreaterThan(100);
  });

  it('rejoins a syllable the OCR split and cuts two it glued, and leaves names and words alone', () => {
    const r = fix('Nghị quy ết số 12 củaBộ Chính trị về việc');
    expect(r.text).toBe('Nghị quyết số 12 của Bộ Chính trị về việc');
    const glued = r.corrections.find((c) => c.to.startsWith(' '))!;
    expect(glued.from).toBe('Bộ');
    expect(r.map.spanToOriginal(r.text.indexOf('quyết'), r.text.indexOf('quyết') + 5)).toEqual({ start: 5, end: 11 });
    expect(fix('ứng dụng TikTok và YouTube, VNeID').text).toBe('ứng dụng TikTok và YouTube, VNeID');
    expect(fix('tai tinh Bac Ninh').text).not.toContain('BacNinh');
    expect(fix('tu an ninh').text.split(' ')).toHaveLength(3);
  });

  it('leaves garbage and other languages alone', () => {
    for (const g of ['qzx vvkw 7#@! ¤¤ %%% zzqq', 'The quick brown fox jumps over the lazy dog', '|||| ~~~ @@@ ###']) {
      expect(fix(g).text).toBe(g);
    }
  });

  it('maps every correction back to its span in the input', () => {
    const input = ocrFixture('seed001-00.eng-d1-s4.txt');
    const r = fix(input);
    expect(r.corrections.length).toBeGreaterThan(50);
    for (const c of r.corrections) {
      expect(input.slice(c.start, c.end)).toBe(c.from);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      const s = r.map.toNormalized(c.start, 'start');
      const e = r.map.toNormalized(c.end, 'end');
      expect(r.text.slice(s, e)).toBe(c.to);
      expect(r.map.toOriginal(s, 'start')).toBe(c.start);
      expect(r.map.toOriginal(e, 'end')).toBe(c.end);
    }
    expect(r.map.originalLength).toBe(input.length);
    expect(r.map.normalizedLength).toBe(r.text.length);
  });

  it('rejects arguments of the wrong type with a TypeError naming them', () => {
    expect(() => correctOcr(42 as unknown as string, { model })).toThrow(/"text"/);
    expect(() => correctOcr('x', { model, channel: 'fr' as 'eng' })).toThrow(TypeError);
    expect(() => correctOcr('x', null as unknown as object)).toThrow(/"options"/);
  });
});

describe('restoreTones and detectInputKind with OCR', () => {
  it("detects OCR text and corrects it through restoreTones' auto input", () => {
    const ocr = ocrFixture('seed001-00.eng-d1-s4.txt');
    expect(detectInputKind(ocr)).toBe('ocr');
    const auto = restoreTones(ocr, { model });
    expect(auto.text).toBe(fix(ocr).text);
    expect(restoreTones(ocr, { model, input: 'ocr' }).text).toBe(auto.text);
  });

  it('writes the requested tone placement and reports details through restoreTones', () => {
    const r = restoreTones('Ban Thuong vu Tinh ty chi dao cac c6 quan thuc hién', { model, input: 'ocr', toneStyle: 'old', details: true });
    expect(r.text).toContain('Tỉnh uỷ');
    expect(r.details!.length).toBe(r.changed);
    for (const d of r.details!) expect(d.confidence).toBeGreaterThanOrEqual(0);
  });

  it('does not take clean or stripped text for OCR', () => {
    const clean = ocrFixture('seed001-00.clean.txt');
    expect(detectInputKind(clean)).toBe('clean');
    expect(detectInputKind('Nghi quyet so 52-NQ/TW ngay 27/9/2019 cua Bo Chinh tri ve mot so chu truong')).toBe('stripped');
  });
});

// ---- properties ----

const ocrWords = ocrFixture('seed001-01.eng-d0-s1.txt').split(/\s+/).filter(Boolean).slice(0, 300);
const docNumbers = ['52-NQ/TW', '27/9/2019', '65/2023/NĐ-CP', '327/QD-UBND', '1562/QĐ-TTg', '01/7/2025', '2021-2025', 'NQ/TW3', 'QH15'];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ocrWords) },
  { weight: 2, arbitrary: fc.constantFrom(...docNumbers) },
  { weight: 1, arbitrary: fc.constantFrom('s6', 'B9', '1a', 'ciia', 'I11.', '&', '¢', '\n', ',', '(1)', '01/NQ-C', 'P', 'tinh7') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const ocrText = fc.array(token, { maxLength: 40 }).map((t) => t.join(' '));
const digitsOfProtected = (s: string) => (s.match(/\S*\d[/\-.]\S*\d\S*|\S*\d+[/-][A-ZĐ]\S*/gu) ?? []).map((w) => w.replace(/\D/g, ''));

describe('correctOcr properties', () => {
  it('never changes a digit inside a document number or date', () => {
    fc.assert(
      fc.property(ocrText, (t) => {
        const r = fix(t);
        expect(digitsOfProtected(r.text)).toEqual(digitsOfProtected(t));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the output within a bounded factor of the input', () => {
    fc.assert(
      fc.property(ocrText, (t) => {
        const r = fix(t);
        expect(r.text.length).toBeLessThanOrEqual(2 * t.length + 8);
        expect(r.text.length).toBeGreaterThanOrEqual(Math.floor(t.length / 2));
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(ocrText, (t) => {
        const once = fix(t).text;
        expect(fix(once).text).toBe(once);
      }),
      { numRuns: 150 },
    );
  });

  it('the output is the input with exactly the listed corrections applied, and the map agrees', () => {
    fc.assert(
      fc.property(ocrText, (t) => {
        const r = fix(t);
        let rebuilt = '';
        let at = 0;
        for (const c of r.corrections) {
          expect(c.start).toBeGreaterThanOrEqual(at);
          expect(t.slice(c.start, c.end)).toBe(c.from);
          rebuilt += t.slice(at, c.start) + c.to;
          at = c.end;
          const s = r.map.toNormalized(c.start, 'start');
          expect(r.text.slice(s, s + c.to.length)).toBe(c.to);
        }
        expect(rebuilt + t.slice(at)).toBe(r.text);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
        const r = fix(t);
        expect(typeof r.text).toBe('string');
        expect(r.map.originalLength).toBe(t.length);
      }),
      { numRuns: 200 },
    );
  });
});
