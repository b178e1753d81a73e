/**
 * The stages in front of the finder: references from legacy-encoded and
 * diacritic-stripped text equal those of the clean text, with spans into the
 * caller's own string.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractDocumentHeader, extractReferences, foldDiacritics, normalizeText } from '../../src/node/index.js';
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
