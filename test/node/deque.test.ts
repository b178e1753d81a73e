import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Deque } from '../../src/node/deque.js';

describe('Deque', () => {
  it('behaves like an array queue under any mix of pushes and shifts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 300 }), (ops) => {
        const d = new Deque<number>();
        const model: number[] = [];
        for (const op of ops) {
          if (op === null) expect(d.shift()).toBe(model.shift());
          else {
            d.push(op);
            model.push(op);
          }
          expect(d.length).toBe(model.length);
          expect(d.peek()).toBe(model[0]);
        }
        d.clear();
        expect(d.length).toBe(0);
        expect(d.shift()).toBeUndefined();
      }),
    );
  });
});
