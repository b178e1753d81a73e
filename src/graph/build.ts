/**
 * The citation graph: `buildCitationGraph(documents)` in one pass, or
 * `new CitationGraphBuilder()` fed with `add(doc)` and combined with other
 * builders or exported graphs by `merge(...)` (shards on several machines
 * give the same graph as one pass; see state.ts).
 */
import { describe } from '../errors.js';
import {
  CitationGraphOptionsSchema,
  GraphStateSchema,
  type CitationGraphOptions,
  type GraphInput,
  type GraphStateData,
} from '../schema.js';
import { extractReferences } from '../refs/extract.js';
import { prepareText } from '../refs/pipeline.js';
import { extractDocumentHeader } from '../refs/header.js';
import { digestDocument, type Extractor } from './document.js';
import { finalizeGraph, type FinalEdge, type FinalGraph, type FinalNode } from './finalize.js';
import { addDigest, emptyState, mergeInto, mergeStates, stateFromJSON, stateToJSON, type GraphState } from './state.js';

export const DEFAULT_MAX_EVIDENCE = 8;

/** The library's extractor: `extractReferences` (input kind detected) and `extractDocumentHeader`. */
export const defaultExtractor: Extractor = {
  references: (text) => extractReferences(text),
  header: (text) => extractDocumentHeader(text),
  prepare: (text) => {
    // OCR'd text corrected whole, legacy encodings decoded: short forms, relation phrases and topics are
    // read on what the text says. Stripped text needs no restoring: the analysis reads folded text.
    const p = prepareText(text, 'auto', { restore: 'full', restoreStripped: false });
    return p.kind === 'ocr' || p.normalized ? { text: p.text, map: p.map } : null;
  },
};

function parseOptions(fn: string, options: unknown): Required<Omit<CitationGraphOptions, 'extractor'>> & { extractor: Extractor } {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: argument "options" must be an object, got ${describe(options)}`);
  }
  const parsed = CitationGraphOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`${fn}: options.${issue.path.join('.')}: ${issue.message}`);
  }
  const o = parsed.data;
  const extractor = o.extractor ?? defaultExtractor;
  return {
    maxEvidence: o.maxEvidence ?? DEFAULT_MAX_EVIDENCE,
    shortForms: o.shortForms ?? true,
    statedRelations: o.statedRelations ?? true,
    extractor,
  };
}

function checkInput(fn: string, doc: unknown, where: string): GraphInput {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new TypeError(`${fn}: ${where} must be an object { id?, text }, got ${describe(doc)}`);
  }
  const d = doc as { id?: unknown; text?: unknown };
  if (typeof d.text !== 'string') throw new TypeError(`${fn}: ${where}.text must be a string, got ${describe(d.text)}`);
  if (d.id !== undefined && d.id !== null && typeof d.id !== 'string') {
    throw new TypeError(`${fn}: ${where}.id must be a string when given, got ${describe(d.id)}`);
  }
  return { id: typeof d.id === 'string' ? d.id : undefined, text: d.text };
}

/** A finished citation graph: nodes, edges and the state it was built from. */
export class CitationGraph {
  readonly nodes: readonly FinalNode[];
  readonly edges: readonly FinalEdge[];
  readonly stats: FinalGraph['stats'];
  readonly #state: GraphState;
  #byKey: Map<string, FinalNode> | null = null;

  /** @internal Use `buildCitationGraph`, `CitationGraphBuilder.build()` or `readCitationGraph`. */
  constructor(state: GraphState) {
    this.#state = state;
    const g = finalizeGraph(state);
    this.nodes = g.nodes;
    this.edges = g.edges;
    this.stats = g.stats;
  }

  /** The node with this key (`57-NQ/TW`, `398-BC/TU`, a caller's id, `doc-<hash>`). */
  node(key: string): FinalNode | undefined {
    if (!this.#byKey) this.#byKey = new Map(this.nodes.map((n) => [n.key, n]));
    return this.#byKey.get(key);
  }

  /** Edges out of / into a node. */
  edgesFrom(key: string): FinalEdge[] {
    return this.edges.filter((e) => e.source === key);
  }
  edgesTo(key: string): FinalEdge[] {
    return this.edges.filter((e) => e.target === key);
  }

  /** The mergeable state as plain JSON (what `--merge` reads back). */
  state(): GraphStateData {
    return stateToJSON(this.#state);
  }

  /** @internal */
  get internalState(): GraphState {
    return this.#state;
  }
}

/** Builds a citation graph incrementally: add documents, merge other partial graphs, build. */
export class CitationGraphBuilder {
  #state: GraphState;
  readonly #options: ReturnType<typeof parseOptions>;

  constructor(options?: CitationGraphOptions) {
    this.#options = parseOptions('CitationGraphBuilder', options);
    this.#state = emptyState(this.#options.maxEvidence);
  }

  /** Adds one document `{ id?, text }`. A text already added only counts as a duplicate. */
  add(doc: GraphInput): this {
    const d = checkInput('CitationGraphBuilder.add', doc, 'argument "doc"');
    addDigest(this.#state, digestDocument(d, this.#options.extractor, this.#options));
    return this;
  }

  /** Adds every document of an iterable. */
  addAll(documents: Iterable<GraphInput>): this {
    if (documents === null || typeof documents !== 'object' || typeof (documents as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError(`CitationGraphBuilder.addAll: argument "documents" must be an iterable of { id?, text }, got ${describe(documents)}`);
    }
    let i = 0;
    for (const doc of documents) {
      const d = checkInput('CitationGraphBuilder.addAll', doc, `documents[${i++}]`);
      addDigest(this.#state, digestDocument(d, this.#options.extractor, this.#options));
    }
    return this;
  }

  /**
   * Merges another partial graph into this one: a builder, a built graph, its
   * state, or the JSON export (`toGraphologyJSON(graph)`, which carries the state).
   */
  merge(other: CitationGraphBuilder | CitationGraph | GraphState | GraphStateData | { attributes?: { state?: unknown } }): this {
    const source = toState(other, 'CitationGraphBuilder.merge');
    if (source === this.#state) mergeInto(this.#state, mergeStates(source, emptyState(source.maxEvidence)), true);
    else mergeInto(this.#state, source, !isOwned(other)); // a state read from JSON here is ours
    return this;
  }

  /** Number of distinct input documents so far. */
  get documentCount(): number {
    return this.#state.docs.size;
  }

  /** The mergeable state as plain JSON. */
  state(): GraphStateData {
    return stateToJSON(this.#state);
  }

  /** The graph of everything added and merged so far (the builder stays usable). */
  build(): CitationGraph {
    return new CitationGraph(mergeStates(emptyState(this.#state.maxEvidence), this.#state));
  }

  /** @internal */
  get internalState(): GraphState {
    return this.#state;
  }
}

/** A part the caller keeps (its state must not be consumed). */
function isOwned(p: unknown): boolean {
  return p instanceof CitationGraphBuilder || p instanceof CitationGraph || isGraphState(p);
}

function isGraphState(x: unknown): x is GraphState {
  return typeof x === 'object' && x !== null && (x as GraphState).cited instanceof Map && (x as GraphState).docs instanceof Map;
}

function toState(other: unknown, fn: string): GraphState {
  if (other instanceof CitationGraphBuilder || other instanceof CitationGraph) return other.internalState;
  if (isGraphState(other)) return other;
  return readGraphState(other, fn);
}

/**
 * Reads a graph state from JSON: the state itself or a JSON export carrying it
 * in `attributes.state`. Throws a TypeError saying what is wrong.
 */
export function readGraphState(json: unknown, fn = 'readGraphState'): GraphState {
  let candidate = json;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'attributes' in json) {
    candidate = (json as { attributes?: { state?: unknown } }).attributes?.state;
    if (candidate === undefined) {
      throw new TypeError(`${fn}: this graph JSON carries no state (exported without it); cannot merge`);
    }
  }
  const parsed = GraphStateSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`${fn}: not a citation graph state: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return stateFromJSON(parsed.data as Parameters<typeof stateFromJSON>[0]);
}

/** Builds the citation graph of a set of documents `{ id?, text }` in one pass. */
export function buildCitationGraph(documents: Iterable<GraphInput>, options?: CitationGraphOptions): CitationGraph {
  if (documents === null || typeof documents !== 'object' || typeof (documents as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`buildCitationGraph: argument "documents" must be an iterable of { id?, text }, got ${describe(documents)}`);
  }
  const builder = new CitationGraphBuilder(options);
  let i = 0;
  for (const doc of documents) {
    const d = checkInput('buildCitationGraph', doc, `documents[${i++}]`);
    builder.add(d);
  }
  return new CitationGraph(builder.internalState);
}

/** Merges partial graphs (graphs, builders, states or JSON exports) into one graph. */
export function mergeCitationGraphs(
  ...parts: Array<CitationGraphBuilder | CitationGraph | GraphStateData | { attributes?: { state?: unknown } }>
): CitationGraph {
  const states = parts.map((p, i) => ({ state: toState(p, `mergeCitationGraphs (part ${i + 1})`), fresh: !isOwned(p) }));
  const state = emptyState(states.length > 0 ? Math.min(...states.map((s) => s.state.maxEvidence)) : DEFAULT_MAX_EVIDENCE);
  // States read from JSON here are ours to consume; the caller's graphs and builders are copied.
  for (const s of states) mergeInto(state, s.state, s.fresh);
  return new CitationGraph(state);
}

/** A graph from its JSON export or state. */
export function readCitationGraph(json: unknown): CitationGraph {
  return new CitationGraph(readGraphState(json, 'readCitationGraph'));
}
