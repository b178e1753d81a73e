/**
 * The default per-document function of the bulk workers: the pipeline of
 * document.ts over the core API. (The worker registers the shipped model as
 * the default: it is read on the first text that needs restoring, once per
 * worker, and never for clean text.)
 */
import { extractDocumentHeader, extractReferences, restoreTones } from '../index.js';
import { detectKind } from '../refs/pipeline.js';
import type { InputKind } from '../schema.js';
import { createDocumentFunction } from './document.js';
import type { DocumentFunction, HandlerConfig } from './pool/protocol.js';

/** The text with tones restored (and OCR errors corrected) when it is not clean (detected when `input` is 'auto'). */
export function restoreText(text: string, input: InputKind): string {
  const kind = input === 'auto' ? detectKind(text) : input;
  return kind === 'clean' ? text : restoreTones(text, { input: kind }).text;
}

export function createHandler(config: HandlerConfig): DocumentFunction {
  return createDocumentFunction(config, { extractReferences, extractDocumentHeader, restoreText });
}
