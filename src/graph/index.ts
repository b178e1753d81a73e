/** The citation graph stage: build, merge, export. */
export {
  buildCitationGraph,
  CitationGraph,
  CitationGraphBuilder,
  mergeCitationGraphs,
  readCitationGraph,
  readGraphState,
  defaultExtractor,
} from './build.js';
export type { FinalEdge as CitationGraphEdge, FinalNode as CitationGraphNode } from './finalize.js';
export { toGraphologyJSON, type GraphologyJSON } from './export/json.js';
export { toGraphML } from './export/graphml.js';
export { toDot } from './export/dot.js';
export { toNeo4jCsv } from './export/csv.js';
export { contentHash } from './hash.js';
