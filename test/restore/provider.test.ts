import { describe, expect, it } from 'vitest';
import { getDefaultModel, hasDefaultModel, setDefaultModelProvider } from '../../src/restore/provider.js';
import { restoreTones } from '../../src/restore/tones.js';

describe('default model provider (core, no Node)', () => {
  it('throws a clear error when no model is available', () => {
    setDefaultModelProvider(null);
    expect(hasDefaultModel()).toBe(false);
    expect(() => getDefaultModel('restoreTones')).toThrow(/restoreTones: no language model/);
    expect(() => restoreTones('Bo Chinh tri')).toThrow(/vn-legal-refs\/node/);
    expect(() => setDefaultModelProvider(42 as unknown as () => never)).toThrow(TypeError);
  });
});
