/**
 * The per-document function of `vnref graph --jobs`: each worker turns a
 * document into the graph builder's digest (references, header, short forms
 * and stated relations resolved against the text), the part of
 * `CitationGraphBuilder.add` that reads the text; the main thread only folds
 * the digests into the graph state (`addDigest`), which is cheap. Built into
 * the worker (handler id `builtin:graph`), so the built CLI needs no extra file.
 */
import { defaultExtractor } from '../graph/build.js';
import { digestDocument, type DigestOptions } from '../graph/document.js';
import type { DocumentFunction, HandlerConfig } from './pool/protocol.js';

export function createHandler(config: HandlerConfig): DocumentFunction {
  const options: DigestOptions = {
    shortForms: config.options?.shortForms !== false,
    statedRelations: config.options?.statedRelations !== false,
  };
  return (text, doc) => ({ references: [], header: null, data: digestDocument({ id: doc.id, text }, defaultExtractor, options) });
}
