/**
 * vn-legal-refs/node: the Node-only entry point (files, streams, the shipped
 * language model, the bulk worker pool). Re-exports the portable core.
 */
export * from '../index.js';
export { readSources, readArchive, isArchivePath, type SourceDocument, type SourceProblem, type ReadSourcesOptions } from './sources.js';
