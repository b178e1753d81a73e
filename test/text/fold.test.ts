import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldDiacritics } from '../../src/text/fold.js';

describe('foldDiacritics', () => {
  it('folds Vietnamese letters to their base', () => {
    expect(foldDiacritics('Nghị quyết số 52-NQ/TW của Bộ Chính trị')).toBe('Nghi quyet so 52-NQ/TW cua Bo Chinh tri');
    expect(foldDiacritics('Đảng Cộng sản Việt Nam')).toBe('Dang Cong san Viet Nam');
    expect(foldDiacritics('ĐẢNG ỦY ƯU TIÊN')).toBe('DANG UY UU TIEN');
    expect(foldDiacritics('Ðð')).toBe('Dd');
  });

  it('folds every one of the 134 precomposed Vietnamese letters to a-z', () => {
    const vowels = 'aăâeêioôơuưy';
    const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
    const letters = new Set<string>();
    for (const v of vowels) for (const t of tones) {
      const c = (v + t).normalize('NFC');
      letters.add(c);
      letters.add(c.toUpperCase());
    }
    letters.add('đ');
    letters.add('Đ');
    const precomposed = [...letters].filter((c) => c.length === 1 && !/[a-zA-Z]/.test(c));
    expect(precomposed.length).toBe(134);
    for (const c of precomposed) expect(foldDiacritics(c)).toMatch(/^[a-zA-Z]$/);
  });

  it('returns ASCII text unchanged (same string)', () => {
    const s = 'plain ASCII 52-NQ/TW';
    expect(foldDiacritics(s)).toBe(s);
  });

  it('property: never changes length; idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const f = foldDiacritics(s);
        expect(f.length).toBe(s.length);
        expect(foldDiacritics(f)).toBe(f);
      }),
    );
  });

  it('throws a TypeError naming the argument', () => {
    expect(() => foldDiacritics(42 as unknown as string)).toThrow(/"text"/);
  });
});
