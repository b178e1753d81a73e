/**
 * vn-legal-refs: the portable core (no Node APIs). Node-only helpers (files,
 * streams, the shipped model, the worker pool) live in `vn-legal-refs/node`.
 *
 * Pipeline: text/ (normalize, tokenize) → restore/ (tones, OCR) → refs/
 * (extract, resolve) → graph/.
 */
export * from './schema.js';
export { ModelFormatError } from './errors.js';
export { foldDiacritics } from './text/fold.js';
export { OffsetMapBuilder, identityMap, type OffsetMap, type Bias } from './text/offsets.js';
export { extractReferences, findReferences } from './refs/extract.js';
export { extractDocumentHeader } from './refs/header.js';
export { resolveShortForms } from './refs/resolve.js';
export {
  buildCitationGraph,
  CitationGraph,
  CitationGraphBuilder,
  mergeCitationGraphs,
  readCitationGraph,
  toGraphologyJSON,
  toGraphML,
  toDot,
  toNeo4jCsv,
  type CitationGraphEdge,
  type CitationGraphNode,
  type GraphologyJSON,
} from './graph/index.js';
