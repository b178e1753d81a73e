/**
 * Properties of extractReferences on any string: it never throws, every
 * span is the text it claims, results are ordered and valid; likewise for
 * extractDocumentHeader. Inputs: arbitrary strings, strings with lone
 * surrogates, random splices of seed fragments (where references are dense),
 * and symbol-like noise.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocumentHeader, extractReferences } from '../../src/index.js';
import { ReferenceSchema } from '../../src/schema.js';

const SEEDS = ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt'].map((f) =>
  readFileSync(`fixtures/seeds/${f}`, 'utf8'),
);

function checkAll(text: string): void {
  const refs = extractReferences(text);
  let prev = -1;
  for (const r of refs) {
    expect(r.text).toBe(text.slice(r.start, r.end));
    expect(r.start).toBeLessThan(r.end);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(r.start).toBeGreaterThanOrEqual(prev);
    prev = r.start;
    expect(ReferenceSchema.safeParse(r).success).toBe(true);
  }
  const h = extractDocumentHeader(text);
  if (h && h.start !== null && h.end !== null) expect(h.end).toBeLessThanOrEqual(text.length);
}

/** A slice of a seed, cut anywhere (also inside a surrogate-free word or a symbol). */
const seedFragment = fc
  .tuple(fc.nat(SEEDS.length - 1), fc.nat(), fc.integer({ min: 0, max: 400 }))
  .map(([k, a, len]) => {
    const s = SEEDS[k];
    const start = a % s.length;
    return s.slice(start, start + len);
  });

/** Pieces that look like parts of citations. */
const symbolNoise = fc.constantFrom(
  '52-NQ/TW', '111/NQ-CP', '65/2023/NĐ-CP', ' số ', 'số: ', 'Nghị quyết ', 'Kế hoạch ', 'ngày ', ' tháng ', ' năm ', 'của ', 'Bộ Chính trị',
  '/', '-', '–', '\n', '\n\n', ' ', '  ', '3', '2025', '27/9/2019', ';', ',', 'và ', '(1) ', ':', '\u00a0', 'KH/TU', '359-',
  ' '.repeat(43), 'ban hành ', 'thực hiện ', 'Số ', '\ud800', '\udc00', 'QĐ', 'ND-CP', 'Đ',
);

describe('properties', () => {
  it('arbitrary strings: never throws, spans valid', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), checkAll), { numRuns: 300 });
  });

  it('strings with lone surrogates and any code unit', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkAll), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((a) => String.fromCharCode(...a)), checkAll), {
      numRuns: 300,
    });
  });

  it('random splices of seed fragments', () => {
    fc.assert(fc.property(fc.array(seedFragment, { minLength: 1, maxLength: 8 }).map((a) => a.join('')), checkAll), { numRuns: 300 });
  });

  it('symbol-like noise', () => {
    fc.assert(fc.property(fc.array(symbolNoise, { maxLength: 60 }).map((a) => a.join('')), checkAll), { numRuns: 500 });
  });

  it('a reference found in a seed is found again, the same, when the text around it changes far away', () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.string({ maxLength: 50 }), (k, junk) => {
        const text = SEEDS[k];
        const base = extractReferences(text).filter((r) => r.start > 3000 && r.end < text.length - 3000);
        const moved = extractReferences(`${junk}.\n\n${text}`);
        const shift = junk.length + 3;
        for (const r of base.slice(0, 5)) {
          const m = moved.find((x) => x.start === r.start + shift);
          expect(m?.id).toBe(r.id);
          expect(m?.date).toBe(r.date);
        }
      }),
      { numRuns: 20 },
    );
  });
});
