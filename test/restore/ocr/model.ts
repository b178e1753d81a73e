/**
 * A small language model for the OCR tests, trained on the spot from seed
 * reports 000-002 (real text; never 003/004), so the tests need neither the
 * shipped model nor the shared corpus.
 */
import { readFileSync } from 'node:fs';
import { loadModel, type LanguageModel } from '../../../src/restore/model.js';
import { LmTrainer } from '../../../src/restore/train.js';

let cached: LanguageModel | null = null;
let cachedBytes: Uint8Array | null = null;

export function seedText(name: string): string {
  return readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8');
}

export function ocrFixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/ocr/seeds/${name}`, import.meta.url), 'utf8');
}

/** The test model as a model file's bytes. */
export function testModelBytes(): Uint8Array {
  if (!cachedBytes) {
    const t = new LmTrainer();
    for (const s of ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt']) t.addText(seedText(s));
    cachedBytes = t.build({ order: 3, minBigramCount: 1, minTrigramCount: 1, minForeignCount: 2 }).bytes;
  }
  return cachedBytes;
}

export function testModel(): LanguageModel {
  if (!cached) cached = loadModel(testModelBytes(), 'test model');
  return cached;
}
