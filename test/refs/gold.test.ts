/**
 * Regression guard on the hand-made gold (fixtures/gold, see its README):
 * extraction on the clean seeds keeps F1 ≥ 0.99 (same id at an overlapping
 * span) and date, issuer, docType accuracy ≥ 0.98 on matches — issue 3's
 * targets — and relation accuracy ≥ 0.99 (it is 1.00: two regressed list
 * items fail it). `npm run eval -- extract` prints the full report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/index.js';

interface Gold {
  start: number;
  end: number;
  id: string;
  date: string | null;
  issuer: string | null;
  docType: string | null;
  relation: string;
}

const files = existsSync('fixtures/gold') ? readdirSync('fixtures/gold').filter((f) => /^\d{3}_.*\.jsonl$/.test(f) && !f.startsWith('003_')) : [];

describe.skipIf(files.length === 0)('gold (clean seeds)', () => {
  it('F1 ≥ 0.99, date/issuer/docType accuracy ≥ 0.98, relation accuracy ≥ 0.99', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const ok = { date: 0, issuer: 0, docType: 0, relation: 0 };
    for (const f of files) {
      const text = readFileSync(`fixtures/seeds/${f.replace(/\.jsonl$/, '.txt')}`, 'utf8');
      const gold = readFileSync(`fixtures/gold/${f}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Gold);
      const found = extractReferences(text, { input: 'clean' });
      const used = new Set<number>();
      for (const g of gold) {
        const k = found.findIndex((r, i) => !used.has(i) && r.id === g.id && r.start < g.end && g.start < r.end);
        if (k < 0) {
          fn++;
          continue;
        }
        used.add(k);
        tp++;
        for (const field of ['date', 'issuer', 'docType', 'relation'] as const) if (found[k][field] === g[field]) ok[field]++;
      }
      fp += found.length - used.size;
    }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.99);
    for (const field of ['date', 'issuer', 'docType'] as const) expect(ok[field] / tp).toBeGreaterThanOrEqual(0.98);
    expect(ok.relation / tp).toBeGreaterThanOrEqual(0.99);
  });
});
