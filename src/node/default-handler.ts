/**
 * The default per-document function of the bulk workers: the pipeline of
 * document.ts over the core API. (The worker registers the shipped model as
 * the default: it is read on the first text that needs restoring, once per
 * worker, and never for clean text.)
 */
import { detectInputKind, extractDocumentHeader, extractReferences, restoreTones } from '../index.js';
import type { InputKind } from '../schema.js';
import { createDocumentFunction } from './document.js';
import type { DocumentFunction, HandlerConfig } from './pool/protocol.js';

/** The text with tones restored when it is not clean (detected when `input` is 'auto'). */
export function restoreText(text: string, input: InputKind): string {
  const kind = input === 'auto' ? detectInputKind(text) : input;
  return kind === 'clean' ? text : restoreTones(text).text;
}

export function createHandler(config: HandlerConfig): DocumentFunction {
  return createDocumentFunction(config, { extractReferences, extractDocumentHeader, restoreText });
}
