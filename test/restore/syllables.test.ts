import { describe, expect, it } from 'vitest';
import { allSyllables, buildCandidateIndex } from '../../src/restore/syllables.js';
import { isVietnameseSyllable } from '../../src/text/syllable-check.js';

describe('syllable inventory', () => {
  const inv = new Set(allSyllables('new'));
  it('spells gi + an iê- rhyme with one i, "êng" and "êc" included', () => {
    for (const w of ['giêng', 'giếng', 'giềng', 'giếc', 'giết', 'giền', 'giễu']) expect(inv.has(w), w).toBe(true);
    expect(inv.has('giiêng')).toBe(false);
  });

  it('agrees with the rule-based check of the text stage on every syllable it holds', () => {
    for (const w of inv) expect(isVietnameseSyllable(w), w).toBe(true);
  });

  it('holds the syllables of a real citation', () => {
    const words = 'nghị quyết số ngày của bộ chính trị về một chủ trương chính sách tham gia cuộc cách mạng công nghiệp lần thứ tư tỉnh ủy quảng ngãi người khuỷu giữa gìn kỹ ký thủy hòa'.split(' ');
    for (const w of words) expect(inv.has(w), w).toBe(true);
  });
  it('rejects spellings Vietnamese does not allow', () => {
    for (const w of ['ká', 'ghá', 'ngha', 'cé', 'quoá', 'bák', 'hoà', 'thuỷ', 'áp'.replace('á', 'à')]) expect(inv.has(w), w).toBe(false);
  });
  it('indexes candidates by folded form', () => {
    const idx = buildCandidateIndex();
    expect(idx.get('quyet')).toEqual(expect.arrayContaining(['quyết', 'quyệt']));
    expect(idx.get('so')).toEqual(expect.arrayContaining(['số', 'sở', 'sơ', 'so', 'sổ']));
    expect(idx.get('nghi')).toEqual(expect.arrayContaining(['nghị', 'nghĩ', 'nghỉ', 'nghi']));
  });
});
