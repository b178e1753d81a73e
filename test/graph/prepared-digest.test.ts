/**
 * A document read by a scanner is analysed for the graph (short forms,
 * relation phrases, title, topics) on its corrected text, with every span
 * mapped back into the input: seed 003 is the scan of seed 004's report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/node/core.js';
import { defaultExtractor } from '../../src/graph/build.js';
import { digestDocument, type DocDigest } from '../../src/graph/document.js';

const scan = readFileSync('fixtures/seeds/003_0e471ed369bb78c5.part1.txt', 'utf8');
const clean = readFileSync('fixtures/seeds/004_879014f10c9673c0.part1.txt', 'utf8');
const options = { shortForms: true, statedRelations: true };
const asRead = { references: defaultExtractor.references, header: defaultExtractor.header };
const mentionsOf = (d: DocDigest) => d.mentions.map((m) => `${m.form} ${m.id} ${m.relation}`);
const agreeing = (a: DocDigest, b: DocDigest) => {
  const rest = mentionsOf(b);
  return mentionsOf(a).filter((m) => {
    const k = rest.indexOf(m);
    if (k >= 0) rest.splice(k, 1);
    return k >= 0;
  }).length;
};

describe('graph digest of OCR text', () => {
  const fromScan = digestDocument({ text: scan }, defaultExtractor, options);
  const fromClean = digestDocument({ text: clean }, defaultExtractor, options);

  it('reads the scan as its clean counterpart reads: mentions, relations, stated relations, title', () => {
    expect(fromScan.mentions.length).toBe(fromClean.mentions.length);
    const asIs = digestDocument({ text: scan }, asRead, options);
    // Read as written, the relation phrases are damaged ("thuc hién", "ciia"); corrected, they are not.
    expect(agreeing(fromScan, fromClean)).toBeGreaterThan(agreeing(asIs, fromClean));
    expect(agreeing(fromScan, fromClean)).toBeGreaterThanOrEqual(fromClean.mentions.length - 2);
    expect(fromScan.statements.map((s) => `${s.from} ${s.relation} ${s.to}`)).toEqual(fromClean.statements.map((s) => `${s.from} ${s.relation} ${s.to}`));
    expect(fromScan.title).toContain('thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị');
  });

  it('keeps spans in the input, the hash and length of the input', () => {
    expect(fromScan.length).toBe(scan.length);
    expect(fromScan.hash).toBe(digestDocument({ text: scan }, asRead, options).hash);
    for (const m of fromScan.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(scan.length);
      expect(m.start).toBeLessThan(m.end);
      // The number of the cited document is in its span as the scanner read it.
      if (m.form === 'full') expect(scan.slice(m.start, m.end).replace(/\s/g, '')).toContain(m.id.match(/^\d+/)![0]);
    }
    for (const s of fromScan.statements) expect(s.end).toBeLessThanOrEqual(scan.length);
    for (const f of fromScan.shortForms) expect(scan.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads clean text as it is (no prepared text)', () => {
    expect(defaultExtractor.prepare!(clean)).toBeNull();
    expect(digestDocument({ text: clean }, asRead, options)).toEqual(fromClean);
  });
});
