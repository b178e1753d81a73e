import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { extractDocumentHeader, extractReferences } from '../../src/index.js';
import { findTriggers, hasTrigger, triggerWindows } from '../../src/refs/triggers.js';

const seedDir = new URL('../../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, seedDir), 'utf8'));

describe('hasTrigger', () => {
  it.each([
    ['Nghị quyết 52-NQ/TW của Bộ Chính trị', 'a Party code'],
    ['theo 1562/QĐ-TTg', 'a state code'],
    ['Kế hoạch 336-\nKH/TU', 'a code broken across lines'],
    ['Kế hoạch 336- \r\n  KH/TU', 'a code broken across a CRLF with spaces'],
    ['kèm theo 12/ĐU', 'a code opening with Đ'],
    ['nghi quyet 52 NQ/TW', 'an OCR code that lost its hyphen (NQ/TW)'],
    ['văn bản số nào đó', '"số"'],
    ['văn bản so nào đó', 'stripped "so"'],
    ['VĂN BẢN SỐ', 'capital "SỐ"'],
    ['van ban so\u0302\u0301 ', 'decomposed "số"'],
    ['họp hôm ngày mai', '"ngày"'],
    ['hop ngay mai', 'stripped "ngay"'],
    ['NGÀY 5', 'capital "NGÀY"'],
    ['nga\u0300y 5', 'decomposed "ngày"'],
  ])('finds %j (%s)', (text) => {
    expect(hasTrigger(text)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['Báo cáo tình hình kinh tế xã hội tháng này tăng trưởng tốt.', 'prose without any'],
    ['giai đoạn 2021-2025 đạt 30-50%', 'ranges of numbers'],
    ['tỷ lệ 20/34 tỉnh', 'a fraction'],
    ['sông Sở, người sợ, chữ sọ', 'words that only look like "số"'],
    ['ngayngay songay', '"ngay" inside a longer word'],
    ['hello world, version 1.2.3', 'English'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(hasTrigger(text)).toBe(false);
  });
});

describe('findTriggers and triggerWindows', () => {
  it('lists every trigger start in order', () => {
    const text = 'Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019';
    expect(findTriggers(text)).toEqual([text.indexOf('số'), text.indexOf('2-NQ'), text.indexOf('Q/T'), text.indexOf('ngày')]);
  });

  it('merges overlapping windows and clips them to the text', () => {
    const text = 'a'.repeat(1000) + ' số 1 ' + 'b'.repeat(50) + ' ngày ' + 'c'.repeat(1000) + ' 5-NQ ' + 'd'.repeat(10);
    const windows = triggerWindows(text, 100, 100);
    expect(windows).toHaveLength(2);
    expect(windows[0].start).toBe(text.indexOf('số') - 100);
    expect(windows[0].end).toBe(text.indexOf('ngày') + 100);
    expect(windows[1].end).toBe(text.length);
  });

  it('rejects negative window sizes', () => {
    expect(() => triggerWindows('số', -1, 5)).toThrow(RangeError);
  });

  it('implies hasTrigger, and windows stay inside the text, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        if (findTriggers(text).length > 0) expect(hasTrigger(text)).toBe(true);
        for (const w of triggerWindows(text)) {
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(text.length);
          expect(w.start).toBeLessThan(w.end);
        }
      }),
    );
  });
});

describe('the skip never drops what the extractor finds', () => {
  const found = (text: string) => extractReferences(text).length > 0 || extractDocumentHeader(text) !== null;

  it('on every line of the seeds that yields something', () => {
    let yielding = 0;
    for (const seed of seeds) {
      for (const line of seed.split('\n')) {
        if (!found(line)) continue;
        yielding++;
        expect(hasTrigger(line), line).toBe(true);
      }
    }
    expect(yielding).toBeGreaterThan(50);
  });

  it('on random splices of seed fragments and noise', () => {
    const fragment = fc
      .tuple(fc.nat(seeds.length - 1), fc.nat(), fc.integer({ min: 1, max: 80 }))
      .map(([s, at, len]) => {
        const seed = seeds[s];
        const start = at % seed.length;
        return seed.slice(start, start + len);
      });
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        if (found(text)) expect(hasTrigger(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
