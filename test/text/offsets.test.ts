import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OffsetMapBuilder, identityMap } from '../../src/text/offsets.js';

/** Applies random edits to a string, recording them in a builder: the reference model for the map. */
function randomEdit(orig: string, ops: Array<{ kind: 0 | 1 | 2; len: number; newLen: number }>) {
  const b = new OffsetMapBuilder();
  let out = '';
  let i = 0;
  for (const op of ops) {
    if (i >= orig.length) break;
    const len = Math.min(op.len, orig.length - i);
    if (op.kind === 0) {
      out += orig.slice(i, i + len);
      b.keep(len);
    } else {
      out += 'X'.repeat(op.newLen);
      b.replace(op.kind === 1 ? len : 0, op.newLen);
      if (op.kind === 2) continue;
    }
    i += len;
  }
  out += orig.slice(i);
  b.keep(orig.length - i);
  return { out, map: b.build() };
}

describe('OffsetMap', () => {
  it('identity maps every position to itself and clamps', () => {
    const m = identityMap(5);
    expect(m.toOriginal(3)).toBe(3);
    expect(m.toNormalized(9)).toBe(5);
    expect(m.toOriginal(-1)).toBe(0);
    expect(m.isIdentity).toBe(true);
  });

  it('maps a contraction ("a^" → "â") with start and end bias', () => {
    // "xa^y" → "xây": original [1,3) became output [1,2)
    const m = new OffsetMapBuilder().keep(1).replace(2, 1).keep(1).build();
    expect(m.originalLength).toBe(4);
    expect(m.normalizedLength).toBe(3);
    expect(m.toOriginal(0)).toBe(0);
    expect(m.toOriginal(1)).toBe(1);
    expect(m.toOriginal(2)).toBe(3);
    expect(m.toOriginal(2, 'end')).toBe(3);
    expect(m.toNormalized(2)).toBe(1); // inside the replaced pair → its start
    expect(m.toNormalized(2, 'end')).toBe(2);
    expect(m.spanToOriginal(1, 2)).toEqual({ start: 1, end: 3 });
    expect(m.spanToOriginal(0, 3)).toEqual({ start: 0, end: 4 });
  });

  it('a deleted unit (zero-width space) is skipped by span starts and ends', () => {
    // "ab\u200Bcd" → "abcd"
    const m = new OffsetMapBuilder().keep(2).replace(1, 0).keep(2).build();
    expect(m.spanToOriginal(2, 4)).toEqual({ start: 3, end: 5 });
    expect(m.spanToOriginal(0, 2)).toEqual({ start: 0, end: 2 });
  });

  it('composes two stages', () => {
    const a = new OffsetMapBuilder().keep(1).replace(2, 1).keep(3).build(); // 6 → 5
    const b = new OffsetMapBuilder().keep(3).replace(0, 2).keep(2).build(); // 5 → 7
    const c = a.compose(b);
    expect(c.originalLength).toBe(6);
    expect(c.normalizedLength).toBe(7);
    expect(c.toOriginal(6)).toBe(5);
    expect(c.toOriginal(7)).toBe(6);
    expect(c.spanToOriginal(0, 7)).toEqual({ start: 0, end: 6 });
  });

  it('property: spans of kept text map back to the same text', () => {
    const op = fc.record({
      kind: fc.constantFrom(0 as const, 1 as const, 2 as const),
      len: fc.integer({ min: 1, max: 6 }),
      newLen: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(op, { maxLength: 20 }), (orig, ops) => {
        const { out, map } = randomEdit(orig, ops);
        expect(map.originalLength).toBe(orig.length);
        expect(map.normalizedLength).toBe(out.length);
        for (let i = 0; i <= out.length; i++) {
          const o = map.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThanOrEqual(orig.length);
          const oe = map.toOriginal(i, 'end');
          expect(oe).toBeGreaterThanOrEqual(0);
          expect(oe).toBeLessThanOrEqual(orig.length);
        }
        // monotone
        for (let i = 1; i <= out.length; i++) expect(map.toOriginal(i)).toBeGreaterThanOrEqual(map.toOriginal(i - 1));
        // spans of the output map to spans of the original that are well ordered
        for (let i = 0; i <= out.length; i++) {
          const s = map.spanToOriginal(0, i);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
        }
      }),
    );
  });

  it('property: a character copied unchanged round-trips exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 20 }), (pre, ol, nl, post) => {
        const m = new OffsetMapBuilder().keep(pre).replace(ol, nl).keep(post).build();
        for (let i = 0; i < pre; i++) expect(m.toOriginal(m.toNormalized(i))).toBe(i);
        for (let i = pre + ol; i < pre + ol + post; i++) expect(m.toOriginal(m.toNormalized(i))).toBe(i);
      }),
    );
  });
});
