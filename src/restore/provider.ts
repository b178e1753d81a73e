/**
 * Where the core gets a language model when the caller passes none. The core
 * ships no model bytes (it cannot read files); `vn-legal-refs/node` registers
 * a provider that loads the shipped default on first use.
 */
import type { LanguageModel } from './model.js';

type Provider = () => LanguageModel;

// Kept on globalThis under a registered symbol: the package ships the core and
// the Node entry as separate bundles (and ESM and CJS copies of each), and a
// provider set through one must be seen by all.
const KEY = Symbol.for('vn-legal-refs.defaultModelProvider');
const slot = globalThis as unknown as Record<symbol, Provider | null | undefined>;

/** Registers (or, with null, removes) the function that supplies the default model. */
export function setDefaultModelProvider(fn: Provider | null): void {
  if (fn !== null && typeof fn !== 'function') throw new TypeError('setDefaultModelProvider: argument "fn" must be a function or null');
  slot[KEY] = fn;
}

/** True when a default model can be had without passing one. */
export function hasDefaultModel(): boolean {
  return typeof slot[KEY] === 'function';
}

/** The default model; throws a clear error when none is registered. */
export function getDefaultModel(caller: string): LanguageModel {
  const provider = slot[KEY];
  if (typeof provider !== 'function') {
    throw new Error(
      `${caller}: no language model. Pass { model: loadModel(bytes) }, or import "vn-legal-refs/node", ` +
        'which registers the model shipped with the package.',
    );
  }
  return provider();
}
