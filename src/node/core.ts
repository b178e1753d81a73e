/**
 * `vn-legal-refs` as Node resolves it: the portable core, unchanged, with the
 * language model shipped in `models/` registered as the default (read from
 * disk on the first text that needs restoring, never for clean text). So in
 * Node `extractReferences(strippedOrOcrText)` and `restoreTones(text)` work
 * without passing a model; elsewhere (browsers, workers, Deno) the same
 * import resolves to the portable core, which takes `{ model: loadModel(bytes) }`.
 */
import { hasDefaultModel, setDefaultModelProvider } from '../restore/provider.js';
import { loadDefaultModel } from './model.js';

export * from '../index.js';

if (!hasDefaultModel()) setDefaultModelProvider(loadDefaultModel);
