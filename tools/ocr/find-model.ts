/**
 * The language model for the OCR tools and eval: models/vi-tones.vnlm when
 * it is there, else a model trained by the tone restorer's trainer into
 * work-data/ (see tools/train-default-model.sh).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadModel, type LanguageModel } from '../../src/restore/model.js';

export const MODEL_CANDIDATES = ['models/vi-tones.vnlm', 'work-data/lm/vi-tones.vnlm'];

export function findModel(root: string): LanguageModel | null {
  for (const rel of MODEL_CANDIDATES) {
    const p = `${root}/${rel}`;
    if (existsSync(p)) return loadModel(new Uint8Array(readFileSync(p)), p);
  }
  return null;
}
