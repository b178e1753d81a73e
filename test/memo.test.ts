import { describe, expect, it } from 'vitest';
import { BoundedMemo, detach } from '../src/memo.js';

describe('BoundedMemo', () => {
  it('computes once per key and starts over past its limit', () => {
    const memo = new BoundedMemo<number>(3);
    let calls = 0;
    const f = (k: string) => (calls++, k.length);
    expect(memo.get('ab', f)).toBe(2);
    expect(memo.get('ab', f)).toBe(2);
    expect(calls).toBe(1);
    memo.get('c', f);
    memo.get('def', f);
    expect(memo.size).toBe(3);
    memo.get('ghij', f);
    expect(memo.size).toBe(1);
    expect(memo.get('ab')).toBeUndefined();
  });

  it('hands compute a copy of the key, equal to it', () => {
    const doc = 'x'.repeat(1000) + 'Bộ Chính trị' + 'y'.repeat(1000);
    const slice = doc.slice(1000, 1012);
    const memo = new BoundedMemo<string>(10);
    let seen = '';
    memo.get(slice, (k) => ((seen = k), k.toUpperCase()));
    expect(seen).toBe('Bộ Chính trị');
    expect(detach(slice)).toBe(slice);
    expect(memo.get('Bộ Chính trị')).toBe('BỘ CHÍNH TRỊ');
  });
});
