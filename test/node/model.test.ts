import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultModelPath, loadDefaultModel } from '../../src/node/model.js';
import * as nodeEntry from '../../src/node/index.js';
import { getDefaultModel, hasDefaultModel } from '../../src/restore/provider.js';

describe('the shipped default model', () => {
  it('lies in models/ and stays within the size budget', () => {
    const path = defaultModelPath();
    expect(path).toMatch(/models[\\/]vi-tones\.vnlm$/);
    expect(statSync(path).size).toBeLessThanOrEqual(10_000_000);
  });

  it('loads once and is cached', () => {
    const m = loadDefaultModel();
    expect(loadDefaultModel()).toBe(m);
    expect(m.order).toBeGreaterThanOrEqual(3);
    expect(m.size).toBeGreaterThan(5000);
  });

  it('is registered as the core default by importing vn-legal-refs/node', () => {
    expect(typeof nodeEntry.restoreTones).toBe('function');
    expect(hasDefaultModel()).toBe(true);
    expect(getDefaultModel('test')).toBe(loadDefaultModel());
    expect(nodeEntry.restoreTones('Bo Chinh tri').text).toBe('Bộ Chính trị');
  });
});
