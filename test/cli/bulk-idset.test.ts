import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdSet } from '../../src/cli/bulk-idset.js';

describe('IdSet', () => {
  it('answers like a Set of strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }), (added, probes) => {
        const ids = new IdSet();
        const model = new Set<string>();
        for (const a of added) {
          ids.add(a);
          model.add(a);
        }
        expect(ids.size).toBe(model.size);
        for (const p of [...added, ...probes]) expect(ids.has(p)).toBe(model.has(p));
      }),
    );
  });

  it('holds a million ids in a few megabytes, without false hits on near-identical ids', () => {
    const ids = new IdSet();
    for (let i = 0; i < 1_000_000; i++) ids.add(`archive/box-${i >> 7}/doc-${i}.txt`);
    expect(ids.size).toBe(1_000_000);
    for (let i = 0; i < 1_000_000; i += 997) expect(ids.has(`archive/box-${i >> 7}/doc-${i}.txt`)).toBe(true);
    let hits = 0;
    for (let i = 1_000_000; i < 1_200_000; i++) if (ids.has(`archive/box-${i >> 7}/doc-${i}.txt`)) hits++;
    expect(hits).toBe(0);
  });
});
