import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../src/errors.js';
import { loadModel } from '../../src/restore/model.js';
import { LmTrainer } from '../../src/restore/train.js';
import { TOK_NUM } from '../../src/restore/lm-tokens.js';

const seed = (n: string) => readFileSync(new URL(`../../fixtures/seeds/${n}`, import.meta.url), 'utf8');
const TEXT = seed('000_2dae4cc2179c821d.txt') + seed('002_652940eb11e67dde.txt');

function smallModel(order: 3 | 4 = 4): Uint8Array {
  const t = new LmTrainer();
  for (const para of TEXT.split(/\n\s*\n/)) t.addText(para);
  return t.build({ order, minBigramCount: 1, minTrigramCount: 1, minFourgramCount: 1, meta: { test: true } }).bytes;
}

describe('model file', () => {
  for (const order of [3, 4] as const) {
    it(`round-trips an order-${order} model trained on report text`, () => {
      const m = loadModel(smallModel(order), 'small.vnlm');
      expect(m.order).toBe(order);
      expect(m.meta.test).toBe(true);
      const id = (w: string) => m.idOf(w);
      for (const w of ['nghị', 'quyết', 'số', 'của', 'tỉnh', 'quảng', 'ngãi']) expect(id(w), w).toBeGreaterThan(15);
      // A seen sequence scores far above the same syllables with wrong tones.
      const good = ['nghị', 'quyết', 'số', TOK_NUM].map((w) => (typeof w === 'number' ? w : id(w)));
      const bad = ['nghỉ', 'quyết', 'sở', TOK_NUM].map((w) => (typeof w === 'number' ? w : id(w)));
      expect(m.scoreSequence(good)).toBeGreaterThan(m.scoreSequence(bad) + 2);
      // Candidates by folded form, most frequent first.
      const g = m.candidates.find('so');
      expect(g).toBeGreaterThanOrEqual(0);
      expect([...m.candidates.ids(g)].map((i) => m.vocab[i])).toContain('số');
    });
  }

  it('normalizes training text to one tone placement', () => {
    const t = new LmTrainer();
    t.addText('Tỉnh uỷ và Ủy ban hoà giải, thuỷ lợi, hòa bình.');
    const m = loadModel(t.build({ minBigramCount: 1, minTrigramCount: 1, minFourgramCount: 1 }).bytes);
    expect(m.idOf('ủy')).toBeGreaterThan(15);
    expect(m.idOf('hòa')).toBeGreaterThan(15);
    expect(m.vocab).not.toContain('uỷ');
    expect(m.vocab).not.toContain('hoà');
  });

  it('rejects a corrupt, truncated or foreign file with a ModelFormatError naming the file', () => {
    const bytes = smallModel(3);
    const corrupt = bytes.slice();
    corrupt[Math.floor(corrupt.length / 2)] ^= 0x40;
    expect(() => loadModel(corrupt, 'x.vnlm')).toThrow(ModelFormatError);
    expect(() => loadModel(corrupt, 'x.vnlm')).toThrow(/x\.vnlm: checksum mismatch/);
    expect(() => loadModel(bytes.subarray(0, bytes.length - 100), 'x.vnlm')).toThrow(/x\.vnlm: truncated/);
    expect(() => loadModel(bytes.subarray(0, 10), 'x.vnlm')).toThrow(/shorter than the 16-byte header/);
    expect(() => loadModel(new TextEncoder().encode('not a model at all, just text'), 'x.vnlm')).toThrow(/bad magic/);
    const future = bytes.slice();
    future[4] = 99;
    expect(() => loadModel(future, 'x.vnlm')).toThrow(/unsupported model format version 99/);
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes);
    expect(() => loadModel(padded, 'x.vnlm')).toThrow(/unexpected bytes/);
    expect(() => loadModel('model' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('reads a model from an unaligned view', () => {
    const bytes = smallModel(3);
    const buf = new Uint8Array(bytes.length + 1);
    buf.set(bytes, 1);
    expect(loadModel(buf.subarray(1)).size).toBe(loadModel(bytes).size);
  });
});
