/**
 * vn-legal-refs/node: the Node-only entry point (files, streams, the shipped
 * language model, the bulk worker pool). Re-exports the portable core.
 *
 * Importing it registers the shipped language model as the default, so
 * `restoreTones(text)` works without passing a model.
 */
import { setDefaultModelProvider } from '../restore/provider.js';
import { loadDefaultModel } from './model.js';

export * from '../index.js';
export {
  processArchive,
  processArchiveJsonl,
  type ArchiveRun,
  type ArchiveStats,
  type JsonlResult,
} from './process-archive.js';
export type { ArchiveSource, DocumentInput } from './archive/sources.js';
export type {
  CreateHandler,
  DocumentAnalysis,
  DocumentFunction,
  HandlerConfig,
} from './pool/protocol.js';
export { createDocumentFunction, type PipelineStages } from './document.js';
export { DEFAULT_MODEL_NAME, defaultModelPath, loadDefaultModel, loadModelFile, loadModelFileSync } from './model.js';
export { readSources, readArchive, isArchivePath, type SourceDocument, type SourceProblem, type ReadSourcesOptions } from './sources.js';

setDefaultModelProvider(loadDefaultModel);
