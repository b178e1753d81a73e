import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectInputKind, inspectInputKind } from '../../src/restore/detect.js';
import { foldDiacritics } from '../../src/text/fold.js';

const seed = (n: string) => readFileSync(new URL(`../../fixtures/seeds/${n}`, import.meta.url), 'utf8');

describe('detectInputKind', () => {
  it('tells clean report text from the same text stripped', () => {
    for (const f of ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt']) {
      expect(detectInputKind(seed(f)), f).toBe('clean');
      expect(detectInputKind(foldDiacritics(seed(f))), f).toBe('stripped');
    }
  });

  it('works on short texts', () => {
    expect(detectInputKind('Bo Chinh tri')).toBe('stripped');
    expect(detectInputKind('Nghi quyet')).toBe('stripped');
    expect(detectInputKind('Quyet')).toBe('stripped'); // a stop final always carries a tone
    expect(detectInputKind('Nghị quyết số 52-NQ/TW')).toBe('clean');
    expect(detectInputKind('tham gia')).toBe('stripped'); // two bare syllables: nothing says otherwise
    expect(detectInputKind('cho')).toBe('clean'); // one bare syllable that clean text writes so
    expect(detectInputKind('')).toBe('clean');
    expect(detectInputKind('52-NQ/TW, 27/9/2019')).toBe('clean');
  });

  it('does not take English (or codes) for stripped Vietnamese', () => {
    expect(detectInputKind('The new model is ready to go, and so is the report on the data.')).toBe('clean');
    expect(detectInputKind('UBND HĐND NQ/TW QĐ-TTg')).toBe('clean');
  });

  it('gives the counts behind the answer', () => {
    const e = inspectInputKind('Nghi quyet so 52 cua Bo Chinh tri');
    expect(e).toMatchObject({ kind: 'stripped', words: 7, vietnamese: 7, bare: 7 });
    expect(e.mustBeStripped).toBeGreaterThanOrEqual(1);
  });

  it('rejects a non-string', () => {
    expect(() => detectInputKind(null as unknown as string)).toThrow(/detectInputKind: argument "text" must be a string/);
  });
});
