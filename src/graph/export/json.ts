/**
 * graphology's JSON serialization: `{ attributes, options, nodes: [{ key,
 * attributes }], edges: [{ key, source, target, attributes }] }`, readable by
 * `Graph.from(json)` / `graph.import(json)`. `attributes.state` carries the
 * mergeable state, so `vnref graph --merge a.json b.json` can combine exports
 * made on different machines; leave it out with `{ state: false }` when the
 * file is only for viewing.
 */
import type { GraphEdgeAttributes, GraphNodeAttributes, GraphStateData } from '../../schema.js';
import type { CitationGraph } from '../build.js';

export interface GraphologyJSON {
  attributes: {
    name: string;
    format: 'vnref-citation-graph';
    version: 1;
    documents: number;
    duplicates: number;
    conflicts: number;
    collisions: number;
    ambiguous: number;
    state?: GraphStateData;
  };
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  nodes: Array<{ key: string; attributes: GraphNodeAttributes }>;
  edges: Array<{ key: string; source: string; target: string; attributes: GraphEdgeAttributes }>;
}

export function toGraphologyJSON(graph: CitationGraph, options: { state?: boolean } = {}): GraphologyJSON {
  const s = graph.stats;
  return {
    attributes: {
      name: 'citation graph',
      format: 'vnref-citation-graph',
      version: 1,
      documents: s.documents,
      duplicates: s.duplicates,
      conflicts: s.conflicts,
      collisions: s.collisions,
      ambiguous: s.ambiguous,
      ...(options.state === false ? {} : { state: graph.state() }),
    },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: graph.nodes.map((n) => ({ key: n.key, attributes: n.attributes })),
    edges: graph.edges.map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: e.attributes })),
  };
}

/**
 * The same JSON as `JSON.stringify(toGraphologyJSON(graph, options))`, in
 * pieces (one per node, edge and state entry), so a large graph can be
 * written without building one huge string.
 */
export function* graphologyJSONChunks(graph: CitationGraph, options: { state?: boolean } = {}): Generator<string> {
  yield* chunks(toGraphologyJSON(graph, options), 3);
}

function* chunks(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* chunks(value[i] === undefined ? null : value[i], depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function') continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    yield* chunks(v, depth - 1);
  }
  yield '}';
}
