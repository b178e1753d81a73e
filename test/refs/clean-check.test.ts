/**
 * The cheap clean-text check in front of input-kind detection: whenever it
 * proves a text clean, `detectInputKind` (the OCR developer's detector) says
 * 'clean' too; it never passes stripped or OCR'd text; it passes clean
 * report text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWords, provesClean } from '../../src/refs/clean-check.js';
import { detectKind } from '../../src/refs/pipeline.js';
import { loadDefaultModel } from '../../src/node/model.js';
import { detectInputKind } from '../../src/restore/detect.js';
import { foldDiacritics } from '../../src/text/fold.js';
import { sampleOf } from '../../src/text/detect.js';

const read = (path: string) => readFileSync(path, 'utf8');
const txt = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: read(`${dir}/${f}`) }));

const seeds = txt('fixtures/seeds');
const cleanSeeds = seeds.filter((s) => !s.name.includes('/003_'));
const ocrFixtures = [...txt('fixtures/ocr/heldout'), ...txt('fixtures/ocr/seeds').filter((f) => !f.name.endsWith('.clean.txt'))];
const detected = (t: string) => detectInputKind(sampleOf(t, 32_768));
const counts = (t: string) => checkWords(t, 0, t.length, { words: 0, marked: 0, malformed: 0 });

describe('provesClean', () => {
  it('passes the clean seeds and their paragraphs', () => {
    for (const s of cleanSeeds) expect(provesClean(s.text), s.name).toBe(true);
    const paragraphs = cleanSeeds.flatMap((s) => s.text.split(/\n\s*\n/)).filter((p) => p.length > 200);
    const passed = paragraphs.filter((p) => provesClean(p)).length;
    // A short paragraph with a few footnote digits or foreign words is left to detection (83% pass).
    expect(passed / paragraphs.length).toBeGreaterThan(0.8);
  });

  it('never passes stripped text, raw OCR (seed 003) or the OCR fixtures that detection calls OCR', () => {
    for (const s of cleanSeeds) expect(provesClean(foldDiacritics(s.text)), s.name).toBe(false);
    expect(provesClean(seeds.find((s) => s.name.includes('/003_'))!.text)).toBe(false);
    for (const f of ocrFixtures) {
      if (provesClean(f.text)) expect(detected(f.text), f.name).toBe('clean');
    }
    // Read by an English OCR model (marks lost) and the heavier Vietnamese-model damage: never passed.
    for (const f of ocrFixtures.filter((f) => /eng-|vie-d4/.test(f.name))) expect(provesClean(f.text), f.name).toBe(false);
  });

  it('agrees with detectInputKind on splices of clean, stripped and OCR lines', () => {
    const clean = cleanSeeds.flatMap((s) => s.text.split('\n')).filter((l) => l.trim().length > 0);
    const stripped = clean.map(foldDiacritics);
    const ocr = ocrFixtures.flatMap((f) => f.text.split('\n')).filter((l) => l.trim().length > 0);
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...clean) },
      { weight: 1, arbitrary: fc.constantFrom(...stripped) },
      { weight: 1, arbitrary: fc.constantFrom(...ocr) },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (lines) => {
        const t = lines.join('\n');
        if (provesClean(t)) expect(detected(t)).toBe('clean');
      }),
      { numRuns: 300 },
    );
  });

  it('never passes what detection with the shipped model reads as Vietnamese-model OCR', () => {
    // Text with its tones, most words syllables, yet read by a Vietnamese OCR model ("thởt gian", "Cản cứ"):
    // detection asks the language model once it sees strong damage or a stray full stop; the check must not answer first.
    const model = loadDefaultModel();
    let vie = 0;
    for (const f of ocrFixtures.filter((f) => /vie-d[34]/.test(f.name))) {
      for (let i = 0; i + 1500 <= f.text.length || i === 0; i += 1500) {
        const chunk = f.text.slice(i, i + 1500);
        if (!provesClean(chunk)) continue;
        expect(detectInputKind(sampleOf(chunk, 32_768), { model }), `${f.name} @${i}`).toBe('clean');
      }
      vie++;
    }
    expect(vie).toBeGreaterThanOrEqual(4);
    // Two strong words among a few dozen are OCR to detection: a pass allows none.
    const t = ' ~ Trong thởt gian tới đa Ø3 ngày làm việc kể từ ngày có biến bản họp Hột đồng,';
    expect(detected(t)).toBe('ocr');
    expect(provesClean(t)).toBe(false);
  });

  it('a short clean text that detection reads as stripped is left to detection', () => {
    // Three words by the tokenizer ("người7" is no word there), two of them bare: detectInputKind says stripped.
    const t = '260 lượt người7 tham gia.  ';
    expect(detected(t)).toBe('stripped');
    expect(provesClean(t)).toBe(false);
    expect(detectKind(t)).toBe('stripped');
  });

  it('cuts words as the OCR check does and counts the malformed ones', () => {
    expect(counts('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị')).toEqual({ words: 8, marked: 8, malformed: 0 });
    // Codes and abbreviations are fine; a word glued to a digit, a wrong tone on a stop final, OCR debris are not.
    expect(counts('UBND HĐND QH15 KH&CN (Bộ) “Đảng”').malformed).toBe(0);
    expect(counts('tỉnh7').malformed).toBe(1);
    expect(counts('quyêt').malformed).toBe(1);
    expect(counts('ciia s6 B9 ti&p').malformed).toBe(4);
    expect(counts('quyet cac').malformed).toBe(2);
    expect(counts('hoà hòa thuỷ thủy').malformed).toBe(0);
    expect(counts('Straße ö').malformed).toBe(2);
  });

  it('leaves out words cut by the ends of a range', () => {
    const t = 'Nghị quyết số';
    expect(checkWords(t, 2, t.length - 1, { words: 0, marked: 0, malformed: 0 })).toEqual({ words: 1, marked: 1, malformed: 0 });
  });

  it('detectKind answers as detectInputKind on every fixture', () => {
    for (const f of [...seeds, ...ocrFixtures]) expect(detectKind(f.text), f.name).toBe(detected(f.text));
    for (const s of cleanSeeds) expect(detectKind(foldDiacritics(s.text))).toBe('stripped');
  });
});
