/**
 * The stages in front of the finder: references from legacy-encoded and
 * diacritic-stripped text equal those of the clean text, with spans into the
 * caller's own string.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { extractDocumentHeader, extractReferences, foldDiacritics, normalizeText } from '../../src/node/index.js';
import { extractReferencesAndHeader, findReferences, mapReferences } from '../../src/refs/extract.js';
import { prepareText, restoreWindows } from '../../src/refs/pipeline.js';
import { splicePieces, type RewrittenPiece } from '../../src/refs/spliced-map.js';
import { anchorWindows, WINDOW_REACH } from '../../src/refs/windows.js';
import { nextAnchor } from '../../src/refs/scan.js';
import { getDefaultModel } from '../../src/restore/provider.js';
import { OffsetMapBuilder, type Bias, type OffsetMap } from '../../src/text/offsets.js';
import type { Reference } from '../../src/schema.js';
import { encodeString } from '../text/helpers/encode.js';

const seed = (f: string) => readFileSync(`fixtures/seeds/${f}`, 'utf8');
const clean004 = seed('004_879014f10c9673c0.part1.txt');
const clean000 = seed('000_2dae4cc2179c821d.txt');

const fields = (r: { id: string; date: string | null; issuer: string | null; docType: string | null; relation: string }) =>
  `${r.id} ${r.date} ${r.issuer} ${r.docType} ${r.relation}`;

describe('extractReferences on prepared text', () => {
  it('stripped seeds give the references of the clean text, issuer names restored', () => {
    for (const clean of [clean004, clean000]) {
      const stripped = foldDiacritics(clean);
      const a = extractReferences(clean);
      const b = extractReferences(stripped);
      expect(b.map(fields)).toEqual(a.map(fields));
      for (const r of b) expect(stripped.slice(r.start, r.end)).toBe(r.text);
    }
  });

  it('a stripped sentence restores its issuer', () => {
    const [r] = extractReferences('Nghi quyet so 52-NQ/TW ngay 27/9/2019 cua Bo Chinh tri ve mot so chu truong');
    expect(r.issuer).toBe('Bộ Chính trị');
    expect(r.text).toBe('Nghi quyet so 52-NQ/TW');
  });

  it('VNI and mojibake strings give the same references, spans into the legacy text', () => {
    for (const form of ['vni', 'mojibake'] as const) {
      const legacy = encodeString(clean004, form);
      const refs = extractReferences(legacy);
      const cleanRefs = extractReferences(clean004);
      expect(refs.map((r) => `${r.id} ${r.date} ${r.issuer}`)).toEqual(cleanRefs.map((r) => `${r.id} ${r.date} ${r.issuer}`));
      refs.forEach((r, i) => {
        expect(legacy.slice(r.start, r.end)).toBe(r.text);
        // the legacy span, decoded, is the very words of the clean span
        expect(normalizeText(r.text, { encoding: form }).text).toBe(cleanRefs[i].text);
      });
    }
  });

  it('the header of stripped text', () => {
    const h = extractDocumentHeader(foldDiacritics(clean004));
    expect(h).toMatchObject({ id: '398-BC/TU', place: 'Quảng Ngãi', date: '2023-09-15' });
  });
});

const every = (r: Reference) => JSON.stringify([r.id, r.start, r.end, r.text, r.date, r.issuer, r.docType, r.relation, r.typeCode, r.issuerCode, r.confidence]);
const refsAfter = (text: string, kind: 'stripped' | 'ocr', restore: 'full' | 'windows') => {
  const p = prepareText(text, kind, { restore });
  return mapReferences(findReferences(p.text), text, p.map).map(every);
};

describe('windowed restoration', () => {
  const seeds = readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).sort();
  const ocrSeeds = readdirSync('fixtures/ocr/seeds').filter((f) => f.endsWith('.txt') && !f.endsWith('.clean.txt'));

  it('gives the references of whole-text restoration: stripped seeds, OCR seed 003 and the seed OCR fixtures', () => {
    const cases: [string, 'stripped' | 'ocr'][] = [
      ...seeds.filter((f) => !f.startsWith('003')).map((f): [string, 'stripped'] => [foldDiacritics(seed(f)), 'stripped']),
      [seed('003_0e471ed369bb78c5.part1.txt'), 'ocr'],
      ...ocrSeeds.map((f): [string, 'ocr'] => [readFileSync(`fixtures/ocr/seeds/${f}`, 'utf8'), 'ocr']),
    ];
    let total = 0;
    for (const [text, kind] of cases) {
      const whole = refsAfter(text, kind, 'full');
      expect(refsAfter(text, kind, 'windows')).toEqual(whole);
      total += whole.length;
    }
    expect(total).toBeGreaterThan(150);
  });

  it('restores less than the whole text, and leaves text without anchors as it is', () => {
    const stripped = foldDiacritics(clean000);
    const covered = anchorWindows(stripped).reduce((n, w) => n + w.end - w.start, 0);
    expect(covered).toBeLessThan(0.8 * stripped.length);
    const prose = 'Bao cao tinh hinh kinh te xa hoi thang nay tang truong tot. '.repeat(40);
    const r = restoreWindows(prose, getDefaultModel('test'), 'stripped');
    expect(r.text).toBe(prose);
    expect(r.map.isIdentity).toBe(true);
  });

  it('OCR windows map back exactly: every span slices the input to the reference text', () => {
    const ocr = seed('003_0e471ed369bb78c5.part1.txt');
    const p = prepareText(ocr, 'ocr');
    expect(p.map.isIdentity).toBe(false);
    for (const r of mapReferences(findReferences(p.text), ocr, p.map)) {
      expect(ocr.slice(r.start, r.end)).toBe(r.text);
      expect(r.end).toBeGreaterThan(r.start);
    }
  });
});

describe('anchorWindows', () => {
  it('covers every anchor with its reach, cut at word or line boundaries, in order and disjoint', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Nghi quyet so 52-NQ/TW', ' ', '\n', 'cua Bo Chinh tri', 'ngay 27/9/2019', '111/NQ-CP', 'abc', 'x'.repeat(300)), { maxLength: 40 }),
        (parts) => {
          const text = parts.join(' ');
          const ws = anchorWindows(text);
          let last = -1;
          for (const w of ws) {
            expect(w.start).toBeGreaterThan(last);
            expect(w.end).toBeLessThanOrEqual(text.length);
            expect(w.start).toBeLessThan(w.end);
            // Cut between words: not inside a run of non-space characters.
            if (w.start > 0) expect(/\s/.test(text[w.start - 1]) || /\s/.test(text[w.start])).toBe(true);
            if (w.end < text.length) expect(/\s/.test(text[w.end - 1]) || /\s/.test(text[w.end])).toBe(true);
            last = w.end;
          }
          for (let a = nextAnchor(text, 0); a >= 0; a = nextAnchor(text, a + 1)) {
            const w = ws.find((x) => x.start <= a && a < x.end);
            expect(w).toBeDefined();
            expect(w!.start).toBeLessThanOrEqual(Math.max(0, a - WINDOW_REACH.before));
            expect(w!.end).toBeGreaterThanOrEqual(Math.min(text.length, a + 1 + WINDOW_REACH.after));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('splicePieces', () => {
  /** Random edits of a window (kept, replaced, inserted, deleted runs), with the window's map and the same edits for a whole-text builder. */
  const edits = fc.array(fc.tuple(fc.constantFrom('keep', 'replace'), fc.nat(6), fc.nat(6)), { maxLength: 8 });

  it('maps every position as one map built over the whole text would', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 80 }), fc.array(fc.tuple(fc.nat(80), fc.nat(20), edits), { maxLength: 5 }), (input, specs) => {
        // Disjoint windows in order.
        const windows: { start: number; end: number; edits: [string, number, number][] }[] = [];
        let at = 0;
        for (const [gap, len, e] of specs) {
          const start = Math.min(input.length, at + (gap % 10));
          const end = Math.min(input.length, start + len);
          windows.push({ start, end, edits: e });
          at = end;
        }
        const whole = new OffsetMapBuilder();
        const pieces: RewrittenPiece[] = [];
        let pos = 0;
        for (const w of windows) {
          whole.keep(w.start - pos);
          const local = new OffsetMapBuilder();
          let out = '';
          let i = 0;
          const n = w.end - w.start;
          for (const [op, a, b] of w.edits) {
            const take = Math.min(a, n - i);
            if (op === 'keep') {
              local.keep(take);
              whole.keep(take);
              out += input.slice(w.start + i, w.start + i + take);
            } else {
              local.replace(take, b);
              whole.replace(take, b);
              out += '#'.repeat(b);
            }
            i += take;
          }
          local.keep(n - i);
          whole.keep(n - i);
          out += input.slice(w.start + i, w.end);
          pieces.push({ start: w.start, end: w.end, text: out, map: local.build() });
          pos = w.end;
        }
        whole.keep(input.length - pos);
        const expected: OffsetMap = whole.build();
        const got = splicePieces(input, pieces);
        expect(got.text.length).toBe(expected.normalizedLength);
        expect(got.map.originalLength).toBe(input.length);
        expect(got.map.normalizedLength).toBe(expected.normalizedLength);
        for (const bias of ['start', 'end'] as Bias[]) {
          for (let k = 0; k <= expected.normalizedLength; k++) expect(got.map.toOriginal(k, bias)).toBe(expected.toOriginal(k, bias));
          for (let k = 0; k <= input.length; k++) expect(got.map.toNormalized(k, bias)).toBe(expected.toNormalized(k, bias));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is the identity when no piece changes length', () => {
    const r = splicePieces('abcdef', [{ start: 1, end: 3, text: 'XY', map: new OffsetMapBuilder().keep(2).build() }]);
    expect(r.text).toBe('aXYdef');
    expect(r.map.isIdentity).toBe(true);
    expect(() => splicePieces('abc', [{ start: 2, end: 1, text: '', map: new OffsetMapBuilder().build() }])).toThrow(RangeError);
  });
});

describe('extractReferencesAndHeader', () => {
  it('gives what extractReferences and extractDocumentHeader give, on clean, legacy, stripped and OCR text, long and short', () => {
    const texts = [
      ...readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).map((f) => seed(f)),
      foldDiacritics(clean004),
      encodeString(clean004, 'vni'),
      clean004.slice(0, 4000),
      foldDiacritics(clean000.slice(0, 3000)),
      // legacy text only after the head: the head needs no normalization, the whole does
      clean000 + '\n' + encodeString('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.', 'tcvn3'),
      '',
      'Số 12/BC-UBND',
    ];
    for (const t of texts) {
      const both = extractReferencesAndHeader(t);
      expect(both.references).toEqual(extractReferences(t));
      expect(both.header).toEqual(extractDocumentHeader(t));
    }
    const s = foldDiacritics(clean004);
    expect(extractReferencesAndHeader(s, { input: 'stripped' })).toEqual({ references: extractReferences(s, { input: 'stripped' }), header: extractDocumentHeader(s, { input: 'stripped' }) });
    expect(() => extractReferencesAndHeader(5 as unknown as string)).toThrow(/extractReferencesAndHeader.*"text"/);
  });
});
