/**
 * The default per-document function of the bulk workers: the pipeline of
 * document.ts over the core API. (The worker registers the shipped model as
 * the default: it is read on the first text that needs restoring, once per
 * worker, and never for clean text.)
 */
import { extractDocumentHeader, extractReferences } from '../index.js';
import { extractReferencesAndHeader, extractReferencesAndText } from '../refs/extract.js';
import { prepareText } from '../refs/pipeline.js';
import type { InputKind } from '../schema.js';
import { createDocumentFunction } from './document.js';
import type { DocumentFunction, HandlerConfig } from './pool/protocol.js';

/**
 * The text as the extractor reads it, restored as a whole: normalized, with
 * tones restored (and OCR errors corrected) when it is not clean (detected
 * when `input` is 'auto').
 */
export function restoreText(text: string, input: InputKind): string {
  return prepareText(text, input, { restore: 'full' }).text;
}

export function createHandler(config: HandlerConfig): DocumentFunction {
  return createDocumentFunction(config, { extractReferences, extractDocumentHeader, extractReferencesAndHeader, extractReferencesAndText, restoreText });
}
