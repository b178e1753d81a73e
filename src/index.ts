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
export { normalizeText, detectEncoding, type NormalizeResult } from './text/normalize.js';
export { tokenize, tokenizeStream, kindName, type Token, type TokenKind, type TokenStream } from './text/tokenize.js';
export { extractReferences, findReferences } from './refs/extract.js';
export { extractDocumentHeader } from './refs/header.js';
export { hasTrigger, findTriggers, triggerWindows } from './refs/triggers.js';
export { anchorWindows, type Window } from './refs/windows.js';
export { restoreTones, type RestoreTonesResult, type RestoredSyllable } from './restore/tones.js';
export { detectInputKind, inspectInputKind, type DetectedInputKind, type InputKindEvidence } from './restore/detect.js';
export { loadModel, encodeModel, LanguageModel, FoldIndex, type ModelData } from './restore/model.js';
export { LmTrainer, type TrainOptions, type BuildStats } from './restore/train.js';
export { decodeLattice, decodeConfidence, type DecodeOptions, type DecodeResult } from './restore/decode.js';
export { LatticeBuilder, type Lattice } from './restore/lattice.js';
export { setDefaultModelProvider, hasDefaultModel, getDefaultModel } from './restore/provider.js';
export { TOK_BOS, TOK_EOS, TOK_UNK, TOK_NUM, TOK_SYM, FIRST_WORD_ID, classToken, punctToken, wordType } from './restore/lm-tokens.js';
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
export { correctOcr, inspectOcr, looksLikeOcr, OcrCorrector, ocrLanguageModel, type CorrectOcrOptions, type OcrCorrection, type OcrCorrectionResult, type OcrEvidence, type ChannelKind as OcrChannelKind } from './restore/ocr/index.js';
