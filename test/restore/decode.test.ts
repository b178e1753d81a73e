import { describe, expect, it } from 'vitest';
import { loadDefaultModel } from '../../src/node/model.js';
import { decodeLattice } from '../../src/restore/decode.js';
import { LatticeBuilder } from '../../src/restore/lattice.js';
import { TOK_COMMA, TOK_NUM } from '../../src/restore/lm-tokens.js';

const model = loadDefaultModel();
const id = (w: string) => model.idOf(w);

/** Candidates of a folded syllable, as the restorer would give them. */
function toned(folded: string): number[] {
  return [...model.candidates.ids(model.candidates.find(folded))];
}

describe('decodeLattice (the interface tone restoration and OCR correction share)', () => {
  it('chooses the candidates the language model prefers', () => {
    const b = new LatticeBuilder();
    for (const w of ['nghi', 'quyet', 'so']) b.addPosition(toned(w));
    b.addFixed(TOK_NUM);
    for (const w of ['cua', 'bo', 'chinh', 'tri']) b.addPosition(toned(w));
    const lat = b.build();
    const r = decodeLattice(model, lat);
    const words = [...r.choice].map((c, i) => model.vocab[lat.candToken[lat.candStart[i] + c]]);
    expect(words.join(' ')).toBe('nghị quyết số <num> của bộ chính trị');
    expect(r.confidence[3]).toBe(1); // fixed position
    for (const c of r.confidence) expect(c).toBeGreaterThan(0.5);
    expect(Number.isFinite(r.score)).toBe(true);
  });

  it('lets a channel model outweigh the language model', () => {
    // An OCR channel that is sure the letters read "sở" beats the model's "số" after "quyết".
    const b = new LatticeBuilder();
    b.addFixed(id('nghị'));
    b.addFixed(id('quyết'));
    b.addPosition([id('số'), id('sở')], [-8, 0]);
    b.addFixed(TOK_NUM);
    const lat = b.build();
    expect(model.vocab[lat.candToken[lat.candStart[2] + decodeLattice(model, lat).choice[2]]]).toBe('sở');
  });

  it('handles empty lattices, fixed-only lattices and unknown tokens', () => {
    expect(decodeLattice(model, new LatticeBuilder().build()).choice.length).toBe(0);
    const b = new LatticeBuilder();
    b.addFixed(id('tỉnh'));
    b.addFixed(TOK_COMMA);
    b.addFixed(2); // <unk>
    const r = decodeLattice(model, b.build());
    expect([...r.choice]).toEqual([0, 0, 0]);
  });

  it('refuses positions without candidates', () => {
    const b = new LatticeBuilder();
    expect(() => b.addPosition([])).toThrow(RangeError);
    expect(() => b.endPosition()).toThrow(RangeError);
  });
});
