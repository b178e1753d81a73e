/// <reference types="node" />
/**
 * The shipped default language model, read from the package's `models/`
 * folder. Works from the built files (`dist/node/*.js`, `dist/cli/main.js`)
 * and from the TypeScript sources (vitest, tsx): the folder is looked for
 * upwards from this module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, type LanguageModel } from '../restore/model.js';

/** File name of the default model inside `models/`. */
export const DEFAULT_MODEL_NAME = 'vi-tones.vnlm';

let cached: LanguageModel | null = null;

/** Absolute path of the shipped default model. */
export function defaultModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, 'models', DEFAULT_MODEL_NAME);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error(`the default language model models/${DEFAULT_MODEL_NAME} was not found above ${dirname(fileURLToPath(import.meta.url))}`);
}

/** The shipped default model, loaded once and cached. */
export function loadDefaultModel(): LanguageModel {
  if (!cached) {
    const path = defaultModelPath();
    cached = loadModel(new Uint8Array(readFileSync(path)), path);
  }
  return cached;
}

/** Loads a model file (a `vnref train-lm` output); errors name the file. */
export async function loadModelFile(path: string): Promise<LanguageModel> {
  if (typeof path !== 'string') throw new TypeError('loadModelFile: argument "path" must be a string');
  return loadModel(new Uint8Array(await readFile(path)), path);
}

/** Synchronous {@link loadModelFile}. */
export function loadModelFileSync(path: string): LanguageModel {
  if (typeof path !== 'string') throw new TypeError('loadModelFileSync: argument "path" must be a string');
  return loadModel(new Uint8Array(readFileSync(path)), path);
}
