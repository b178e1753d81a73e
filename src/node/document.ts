/**
 * The per-document pipeline the bulk workers run: the prefilter, then the
 * core API. Portable (no Node APIs); the stages are passed in, so this module
 * holds only the order of the calls and the fast paths, never a second copy
 * of what the core does:
 *
 * 1. No trigger (see refs/triggers.ts): nothing can be found; references and
 *    header are empty without calling anything.
 * 2. References and header come from the core (`extractReferences`, which
 *    handles stripped and OCR'd input itself, with `input` passed through;
 *    `extractDocumentHeader`).
 * 3. Only when the caller asks for the text: the kind of text is detected and,
 *    when it is not clean, the whole text is restored (the model is loaded
 *    then, once per worker, and never for clean text); the references are
 *    then read from that text (`extractReferencesAndText`) rather than from
 *    restored windows, so the text is restored once.
 */
import type { DocumentHeader, InputKind, Reference } from '../schema.js';
import type { DocumentAnalysis, DocumentFunction, HandlerConfig } from './pool/protocol.js';
import { hasTrigger } from '../refs/triggers.js';

/** The core functions the pipeline calls. */
export interface PipelineStages {
  extractReferences(text: string, options?: { input?: InputKind; minConfidence?: number }): Reference[];
  extractDocumentHeader(text: string): DocumentHeader | null;
  /** Both of the above at once, with the same results (the text's first scan serves the header too); used when wired. */
  extractReferencesAndHeader?(text: string, options?: { input?: InputKind; minConfidence?: number }): { references: Reference[]; header: DocumentHeader | null };
  /**
   * The references and the text they were read from, restored as a whole
   * when it is not clean (used when the text is asked for; absent: the
   * references come from `extractReferences` and the text from `restoreText`).
   */
  extractReferencesAndText?(text: string, options?: { input?: InputKind; minConfidence?: number }): { references: Reference[]; text: string };
  /**
   * The whole text restored (tones put back, OCR errors corrected) when it is
   * not clean; absent while no restorer is wired in (the text is then
   * returned as it is).
   */
  restoreText?(text: string, input: InputKind): string;
}

/** The per-document function over the given stages. */
export function createDocumentFunction(config: HandlerConfig, stages: PipelineStages): DocumentFunction {
  const { input } = config;
  const withText = config.text;
  const restore = stages.restoreText;
  const textOf = (text: string): string => (restore ? restore(text, input) : text);
  // The defaults ('auto', 0) need no options object (validated per call).
  const minConfidence = config.minConfidence ?? 0;
  const extractOptions = input === 'auto' && minConfidence === 0 ? undefined : { input, minConfidence };
  return (text: string): DocumentAnalysis => {
    if (!hasTrigger(text)) {
      return withText ? { references: [], header: null, text: textOf(text) } : { references: [], header: null };
    }
    if (withText && stages.extractReferencesAndText) {
      const both = stages.extractReferencesAndText(text, extractOptions);
      return { references: both.references, header: stages.extractDocumentHeader(text) ?? null, text: both.text };
    }
    if (!withText && stages.extractReferencesAndHeader) return stages.extractReferencesAndHeader(text, extractOptions);
    const references = stages.extractReferences(text, extractOptions);
    const header = stages.extractDocumentHeader(text) ?? null;
    return withText ? { references, header, text: textOf(text) } : { references, header };
  };
}
