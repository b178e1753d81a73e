import { describe, expect, it } from 'vitest';
import { applyTone, placeTone, splitTone, syllableParts } from '../../src/text/vietnamese.js';

describe('vietnamese syllables', () => {
  it('splits tone from syllable', () => {
    expect(splitTone('quyết')).toEqual(['quyêt', 1]);
    expect(splitTone('Nghị')).toEqual(['Nghi', 5]);
    expect(splitTone('Đảng')).toEqual(['Đang', 3]);
  });

  it('finds onset, vowels and final', () => {
    expect(syllableParts('nghiêng')).toEqual({ onset: 'ngh', vowels: 'iê', coda: 'ng' });
    expect(syllableParts('quyêt')).toEqual({ onset: 'qu', vowels: 'yê', coda: 't' });
    expect(syllableParts('gin')).toEqual({ onset: 'g', vowels: 'i', coda: 'n' });
    expect(syllableParts('giưa')).toEqual({ onset: 'gi', vowels: 'ưa', coda: '' });
    expect(syllableParts('ubnd')).toBeNull();
  });

  it('places tones where Vietnamese spelling puts them', () => {
    const cases: Array<[string, 0 | 1 | 2 | 3 | 4 | 5, string]> = [
      ['nghi', 5, 'nghị'], ['quyêt', 1, 'quyết'], ['cua', 3, 'của'], ['nguơi', 2, 'nguời'],
      ['ngươi', 2, 'người'], ['hoan', 2, 'hoàn'], ['ngoai', 2, 'ngoài'], ['khuyu', 3, 'khuỷu'],
      ['tuôi', 3, 'tuổi'], ['giưa', 4, 'giữa'], ['gi', 2, 'gì'], ['qua', 1, 'quá'], ['quy', 1, 'quý'],
      ['Đang', 3, 'Đảng'], ['NGHI', 5, 'NGHỊ'],
    ];
    for (const [s, t, want] of cases) expect(applyTone(s, t)).toBe(want);
  });

  it("uses the project's style names: new = hòa/thủy, old = hoà/thuỷ", () => {
    expect(applyTone('hoa', 2, 'new')).toBe('hòa');
    expect(applyTone('hoa', 2, 'old')).toBe('hoà');
    expect(applyTone('thuy', 3, 'new')).toBe('thủy');
    expect(applyTone('thuy', 3, 'old')).toBe('thuỷ');
    expect(placeTone('hoà', 'new')).toBe('hòa');
    expect(placeTone('Thuỷ', 'new')).toBe('Thủy');
    expect(placeTone('thủy', 'old')).toBe('thuỷ');
    expect(placeTone('hoàn', 'old')).toBe('hoàn');
    expect(placeTone('quý', 'old')).toBe('quý');
  });
});
