/**
 * The graph state: what the builder accumulates, what shards exchange, and
 * what the JSON export carries so `vnref graph --merge` can combine parts.
 *
 * Every part is an order-free aggregate, so merging is associative and
 * commutative and any split of the inputs gives the same state:
 * - input documents are a set keyed by content hash (caller ids a sorted set);
 * - counts add; attribute values are value → count maps;
 * - evidence lists keep the first `maxEvidence` spans in (document, start,
 *   end) order, a bottom-k that merges exactly;
 * - node keys are per-mention (see keys.ts), and everything that depends on
 *   the whole archive (clustering dated ids, settling id collisions, majority
 *   values) is computed from the merged state when the graph is built.
 *
 * Inputs are counted once: adding a text already in the state changes nothing
 * but `duplicates`. Merging two states that share an input cannot tell its
 * contributions apart; the overlap is counted in `duplicates` (and reported
 * by the CLI) and its mentions count twice: give shards disjoint inputs.
 */
import type { Relation } from '../schema.js';
import type { DocDigest, HeaderFacts, MentionForm } from './document.js';
import { docStateKey } from './keys.js';

/** [document content hash, start, end]. */
export type EvidenceTuple = [string, number, number];

export interface ValueStat {
  count: number;
  evidence: EvidenceTuple[];
}

export interface CitedAgg {
  id: string;
  family: string | null;
  mentions: number;
  docTypes: Map<string, number>;
  typeCodes: Map<string, number>;
  issuerCodes: Map<string, number>;
  issuers: Map<string, ValueStat>;
  dates: Map<string, ValueStat>;
  topics: Map<string, number>;
  forms: Map<string, number>;
  /** Content hash of each input that mentions it → mentions there. */
  docs: Map<string, number>;
}

export interface DocAgg {
  hash: string;
  callerIds: string[];
  header: HeaderFacts | null;
  key: string;
  keySource: 'header' | 'caller' | 'content';
  docType: string | null;
  title: string | null;
  length: number;
  selfMentions: number;
}

export interface EdgeAgg {
  source: string;
  target: string;
  relation: Relation;
  stated: 'document' | 'text';
  count: number;
  evidence: EvidenceTuple[];
  docs: Map<string, number>;
}

export interface GraphState {
  maxEvidence: number;
  cited: Map<string, CitedAgg>;
  docs: Map<string, DocAgg>;
  edges: Map<string, EdgeAgg>;
  duplicates: number;
}

export const STATE_FORMAT = 'vnref-citation-graph-state';
export const STATE_VERSION = 1;

export function emptyState(maxEvidence: number): GraphState {
  return { maxEvidence, cited: new Map(), docs: new Map(), edges: new Map(), duplicates: 0 };
}

function cmpEvidence(a: EvidenceTuple, b: EvidenceTuple): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
}

/** Adds one span to a bottom-k evidence list (sorted, no duplicates). */
function pushEvidence(list: EvidenceTuple[], ev: EvidenceTuple, k: number): void {
  if (k <= 0) return;
  if (list.length >= k && cmpEvidence(ev, list[list.length - 1]) >= 0) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmpEvidence(list[mid], ev) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < list.length && cmpEvidence(list[lo], ev) === 0) return;
  list.splice(lo, 0, ev);
  if (list.length > k) list.length = k;
}

function mergeEvidence(a: EvidenceTuple[], b: EvidenceTuple[], k: number): EvidenceTuple[] {
  const out: EvidenceTuple[] = [];
  let i = 0;
  let j = 0;
  while (out.length < k && (i < a.length || j < b.length)) {
    let next: EvidenceTuple;
    if (j >= b.length || (i < a.length && cmpEvidence(a[i], b[j]) <= 0)) next = a[i++];
    else next = b[j++];
    if (out.length === 0 || cmpEvidence(out[out.length - 1], next) !== 0) out.push(next);
  }
  return out;
}

function inc(map: Map<string, number>, key: string | null, by = 1): void {
  if (key === null) return;
  map.set(key, (map.get(key) ?? 0) + by);
}

function addValue(map: Map<string, ValueStat>, value: string | null, ev: EvidenceTuple, k: number): void {
  if (value === null) return;
  let s = map.get(value);
  if (!s) map.set(value, (s = { count: 0, evidence: [] }));
  s.count++;
  pushEvidence(s.evidence, ev, k);
}

function newCited(id: string, family: string | null): CitedAgg {
  return {
    id,
    family,
    mentions: 0,
    docTypes: new Map(),
    typeCodes: new Map(),
    issuerCodes: new Map(),
    issuers: new Map(),
    dates: new Map(),
    topics: new Map(),
    forms: new Map(),
    docs: new Map(),
  };
}

function edgeKey(source: string, target: string, relation: string): string {
  return `${source}\u0001${target}\u0001${relation}`;
}

function addEdge(
  state: GraphState,
  source: string,
  target: string,
  relation: Relation,
  stated: 'document' | 'text',
  ev: EvidenceTuple,
): void {
  const key = edgeKey(source, target, relation);
  let e = state.edges.get(key);
  if (!e) state.edges.set(key, (e = { source, target, relation, stated, count: 0, evidence: [], docs: new Map() }));
  e.count++;
  pushEvidence(e.evidence, ev, state.maxEvidence);
  inc(e.docs, ev[0]);
}

/** Adds one document's digest to the state (in place). A text already there only counts as a duplicate. */
export function addDigest(state: GraphState, d: DocDigest): void {
  const existing = state.docs.get(d.hash);
  if (existing) {
    state.duplicates++;
    if (d.callerId !== null && !existing.callerIds.includes(d.callerId)) {
      existing.callerIds = [...existing.callerIds, d.callerId].sort();
      if (existing.keySource === 'caller' && d.callerId < existing.key) existing.key = d.callerId;
    }
    return;
  }
  state.docs.set(d.hash, {
    hash: d.hash,
    callerIds: d.callerId !== null ? [d.callerId] : [],
    header: d.header,
    key: d.key,
    keySource: d.keySource,
    docType: d.docType,
    title: d.title,
    length: d.length,
    selfMentions: d.selfMentions,
  });
  const k = state.maxEvidence;
  const source = docStateKey(d.hash);
  for (const m of d.mentions) {
    let c = state.cited.get(m.key);
    if (!c) state.cited.set(m.key, (c = newCited(m.id, m.family)));
    if (c.family === null && m.family !== null) c.family = m.family;
    const ev: EvidenceTuple = [d.hash, m.start, m.end];
    c.mentions++;
    inc(c.docTypes, m.docType);
    inc(c.typeCodes, m.typeCode);
    inc(c.issuerCodes, m.issuerCode);
    addValue(c.issuers, m.issuer, ev, k);
    addValue(c.dates, m.date, ev, k);
    inc(c.topics, m.topic);
    inc(c.forms, m.form as MentionForm);
    inc(c.docs, d.hash);
    addEdge(state, source, m.key, m.relation, 'document', ev);
  }
  for (const s of d.statements) addEdge(state, s.from, s.to, s.relation, 'text', [d.hash, s.start, s.end]);
}

function mergeCounts(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

function mergeValues(a: Map<string, ValueStat>, b: Map<string, ValueStat>, k: number): Map<string, ValueStat> {
  const out = new Map<string, ValueStat>();
  for (const [v, s] of a) out.set(v, { count: s.count, evidence: s.evidence.slice(0, k) });
  for (const [v, s] of b) {
    const o = out.get(v);
    out.set(v, o ? { count: o.count + s.count, evidence: mergeEvidence(o.evidence, s.evidence, k) } : { count: s.count, evidence: s.evidence.slice(0, k) });
  }
  return out;
}

function mergeDoc(a: DocAgg, b: DocAgg): DocAgg {
  const callerIds = [...new Set([...a.callerIds, ...b.callerIds])].sort();
  const key = a.keySource === 'caller' && b.keySource === 'caller' ? (a.key < b.key ? a.key : b.key) : a.key;
  return { ...a, callerIds, key, selfMentions: Math.max(a.selfMentions, b.selfMentions) };
}

/**
 * Merges two states into a new one; neither input changes. Associative and
 * commutative (see the module comment for shared inputs).
 */
export function mergeStates(a: GraphState, b: GraphState): GraphState {
  const k = Math.min(a.maxEvidence, b.maxEvidence);
  const out = emptyState(k);
  out.duplicates = a.duplicates + b.duplicates;
  for (const src of [a, b]) {
    for (const [h, d] of src.docs) {
      const o = out.docs.get(h);
      if (o) out.duplicates++;
      out.docs.set(h, o ? mergeDoc(o, d) : d);
    }
    for (const [key, c] of src.cited) {
      const o = out.cited.get(key);
      if (!o) {
        out.cited.set(key, {
          ...c,
          issuers: mergeValues(c.issuers, new Map(), k),
          dates: mergeValues(c.dates, new Map(), k),
        });
        continue;
      }
      out.cited.set(key, {
        id: o.id,
        family: o.family ?? c.family,
        mentions: o.mentions + c.mentions,
        docTypes: mergeCounts(o.docTypes, c.docTypes),
        typeCodes: mergeCounts(o.typeCodes, c.typeCodes),
        issuerCodes: mergeCounts(o.issuerCodes, c.issuerCodes),
        issuers: mergeValues(o.issuers, c.issuers, k),
        dates: mergeValues(o.dates, c.dates, k),
        topics: mergeCounts(o.topics, c.topics),
        forms: mergeCounts(o.forms, c.forms),
        docs: mergeCounts(o.docs, c.docs),
      });
    }
    for (const [key, e] of src.edges) {
      const o = out.edges.get(key);
      out.edges.set(
        key,
        o
          ? { ...o, count: o.count + e.count, evidence: mergeEvidence(o.evidence, e.evidence, k), docs: mergeCounts(o.docs, e.docs) }
          : { ...e, evidence: e.evidence.slice(0, k) },
      );
    }
  }
  return out;
}

// ----------------------------------------------------------------- JSON form

/** The state as plain JSON (maps as objects with sorted keys, so equal states serialize equally). */
export interface GraphStateJSON {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  maxEvidence: number;
  duplicates: number;
  documents: Array<Omit<DocAgg, never>>;
  nodes: Array<{
    key: string;
    id: string;
    family: string | null;
    mentions: number;
    docTypes: Record<string, number>;
    typeCodes: Record<string, number>;
    issuerCodes: Record<string, number>;
    issuers: Record<string, ValueStat>;
    dates: Record<string, ValueStat>;
    topics: Record<string, number>;
    forms: Record<string, number>;
    docs: Record<string, number>;
  }>;
  edges: Array<{
    source: string;
    target: string;
    relation: Relation;
    stated: 'document' | 'text';
    count: number;
    evidence: EvidenceTuple[];
    docs: Record<string, number>;
  }>;
}

function obj<V>(m: Map<string, V>): Record<string, V> {
  const o: Record<string, V> = {};
  for (const k of [...m.keys()].sort()) o[k] = m.get(k) as V;
  return o;
}

function map<V>(o: Record<string, V> | undefined): Map<string, V> {
  return new Map(Object.entries(o ?? {}));
}

export function stateToJSON(s: GraphState): GraphStateJSON {
  const byKey = <T>(m: Map<string, T>) => [...m.keys()].sort().map((k) => [k, m.get(k) as T] as const);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    maxEvidence: s.maxEvidence,
    duplicates: s.duplicates,
    documents: byKey(s.docs).map(([, d]) => ({ ...d })),
    nodes: byKey(s.cited).map(([key, c]) => ({
      key,
      id: c.id,
      family: c.family,
      mentions: c.mentions,
      docTypes: obj(c.docTypes),
      typeCodes: obj(c.typeCodes),
      issuerCodes: obj(c.issuerCodes),
      issuers: obj(c.issuers),
      dates: obj(c.dates),
      topics: obj(c.topics),
      forms: obj(c.forms),
      docs: obj(c.docs),
    })),
    edges: byKey(s.edges).map(([, e]) => ({
      source: e.source,
      target: e.target,
      relation: e.relation,
      stated: e.stated,
      count: e.count,
      evidence: e.evidence,
      docs: obj(e.docs),
    })),
  };
}

export function stateFromJSON(j: GraphStateJSON): GraphState {
  const s = emptyState(j.maxEvidence);
  s.duplicates = j.duplicates;
  for (const d of j.documents) s.docs.set(d.hash, { ...d, callerIds: [...d.callerIds] });
  for (const n of j.nodes) {
    s.cited.set(n.key, {
      id: n.id,
      family: n.family,
      mentions: n.mentions,
      docTypes: map(n.docTypes),
      typeCodes: map(n.typeCodes),
      issuerCodes: map(n.issuerCodes),
      issuers: map(n.issuers),
      dates: map(n.dates),
      topics: map(n.topics),
      forms: map(n.forms),
      docs: map(n.docs),
    });
  }
  for (const e of j.edges) {
    s.edges.set(edgeKey(e.source, e.target, e.relation), {
      source: e.source,
      target: e.target,
      relation: e.relation,
      stated: e.stated,
      count: e.count,
      evidence: e.evidence.map((t) => [t[0], t[1], t[2]] as EvidenceTuple),
      docs: map(e.docs),
    });
  }
  return s;
}
