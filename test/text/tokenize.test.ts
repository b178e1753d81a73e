import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { tokenize } from '../../src/text/tokenize.js';

const seed004 = readFileSync('fixtures/seeds/004_879014f10c9673c0.part1.txt', 'utf8');

describe('tokenize', () => {
  it('splits a citation into words, numbers and a symbol', () => {
    const toks = tokenize('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị');
    expect(toks.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'word:Nghị', 'word:quyết', 'word:số', 'number:52', 'punct:-', 'symbol:NQ/TW',
      'word:ngày', 'number:27', 'punct:/', 'number:9', 'punct:/', 'number:2019',
      'word:của', 'word:Bộ', 'word:Chính', 'word:trị',
    ]);
    expect(toks[0].folded).toBe('Nghi');
    expect(toks[0].hasDiacritics).toBe(true);
    expect(toks[0].casing).toBe('title');
    expect(toks[2].folded).toBe('so');
  });

  it('recognizes symbols with Đ and mixed case, and OCR-ish alnum tokens', () => {
    const toks = tokenize('65/2023/NĐ-CP, 1562/QĐ-TTg; S6 398-BC/TU ciia B9');
    const kinds = toks.map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toContain('symbol:NĐ-CP');
    expect(kinds).toContain('symbol:QĐ-TTg');
    expect(kinds).toContain('symbol:BC/TU');
    expect(kinds).toContain('alnum:S6');
    expect(kinds).toContain('alnum:B9');
  });

  it('keeps line breaks as tokens and casing shapes', () => {
    const toks = tokenize('ĐẢNG CỘNG SẢN\r\nUBND tỉnh');
    expect(toks.map((t) => t.kind)).toEqual(['word', 'word', 'word', 'newline', 'word', 'word']);
    expect(toks[0].casing).toBe('upper');
    expect(toks[3].text).toBe('\r\n');
    expect(toks[4].casing).toBe('upper');
    expect(toks[5].casing).toBe('lower');
  });

  it('attaches combining marks (NFD) to their word', () => {
    const nfd = 'Nghị quyết'.normalize('NFD');
    const toks = tokenize(nfd);
    expect(toks.length).toBe(2);
    expect(toks[0].hasDiacritics).toBe(true);
  });

  it('covers every non-space character of a seed exactly once', () => {
    const toks = tokenize(seed004);
    let covered = 0;
    let last = 0;
    for (const t of toks) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(seed004.slice(last, t.start).trim()).toBe('');
      covered += t.end - t.start;
      last = t.end;
    }
    const nonSpace = seed004.replace(/[^\S\r\n]/g, '').length;
    expect(covered).toBe(nonSpace);
  });

  it('property: never throws; tokens are ordered, non-empty and inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.folded.length).toBe(t.text.length);
          last = t.end;
        }
      }),
    );
  });
});

describe('tokenize: refinements', () => {
  it('keeps soft hyphens and joiners inside a word, and treats form feeds and U+2028 as line breaks', () => {
    const toks = tokenize('Nghị\u00adquyết\fsố\u2028 52');
    expect(toks.map((t) => `${t.kind}:${t.text}`)).toEqual(['word:Nghị\u00adquyết', 'newline:\f', 'word:số', 'newline:\u2028', 'number:52']);
  });

  it('reads codes that are capitalised but not syllables ("Ctr"), not Title-case words ("Sở/Ngành")', () => {
    const kinds = tokenize('Chương trình số 65-Ctr/TU; các Sở/Ngành; và/hoặc; CT-TTg').map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toContain('symbol:Ctr/TU');
    expect(kinds).toContain('symbol:CT-TTg');
    expect(kinds).toContain('word:Sở');
    expect(kinds).toContain('word:Ngành');
    expect(kinds).toContain('word:và');
  });

  it('casing and diacritic flags of capital Vietnamese letters come from tables', () => {
    const [a, b, c] = tokenize('ĐẢNG Ủy ủy');
    expect([a.casing, b.casing, c.casing]).toEqual(['upper', 'title', 'lower']);
    expect(a.folded).toBe('DANG');
    expect(b.hasDiacritics && c.hasDiacritics).toBe(true);
  });

  it('a lone \\r at the end of the text is one line break', () => {
    const toks = tokenize('a\r');
    expect(toks.map((t) => t.kind)).toEqual(['word', 'newline']);
    expect(toks[1].end).toBe(2);
  });
});
