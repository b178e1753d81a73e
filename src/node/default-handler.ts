/**
 * The default per-document function of the bulk workers: the pipeline of
 * document.ts over the core API.
 */
import { extractDocumentHeader, extractReferences } from '../index.js';
import { createDocumentFunction } from './document.js';
import type { DocumentFunction, HandlerConfig } from './pool/protocol.js';

export function createHandler(config: HandlerConfig): DocumentFunction {
  return createDocumentFunction(config, { extractReferences, extractDocumentHeader });
}
