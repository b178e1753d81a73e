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
 * - an input document's own citations (its edges) live in its entry: inputs
 *   are disjoint across shards, so they never need combining;
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
import { tallyAdd, tallyEntries, tallyFrom, tallyGet, tallyRecord, tallySet, type Tally } from './tally.js';

/** [document content hash, start, end]. */
export type EvidenceTuple = [string, number, number];

export interface ValueStat {
  count: number;
  evidence: EvidenceTuple[];
}

/**
 * What the sources say about one cited document (one internal key). Maps are
 * made on first use (most documents are cited with one type name and often
 * no issuer or topic): a 100,000-document archive holds many such nodes.
 * The type and issuer codes come from the id, so one value each suffices
 * (the smallest, should sources ever differ).
 */
export interface CitedAgg {
  id: string;
  family: string | null;
  typeCode: string | null;
  issuerCode: string | null;
  mentions: number;
  docTypes: Tally<number>;
  issuers: Tally<ValueStat>;
  dates: Tally<ValueStat>;
  topics: Tally<number>;
  /** Mentions by form: full reference, alias, number, previous, self. */
  forms: Record<MentionForm, number>;
}

export const MENTION_FORMS: readonly MentionForm[] = ['full', 'alias', 'number', 'previous', 'self'];

/** One input document's citations of one document under one relation. */
export interface DocCite {
  target: string;
  relation: Relation;
  count: number;
  /** Evidence spans in this document, flat [start, end, start, end, ...], the first `maxEvidence`. */
  evidence: number[];
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
  /** Its own edges: input documents are disjoint across shards, so these never aggregate. */
  cites: DocCite[];
}

/** A relation stated by the inputs between two cited documents ("A thực hiện B"). */
export interface EdgeAgg {
  source: string;
  target: string;
  relation: Relation;
  count: number;
  evidence: EvidenceTuple[];
  /** Content hash of each input that states it → times. */
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

export function cmpEvidence(a: EvidenceTuple, b: EvidenceTuple): number {
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

/** Merges two sorted bottom-k lists into a new one. */
export function mergeEvidence(a: readonly EvidenceTuple[], b: readonly EvidenceTuple[], k: number): EvidenceTuple[] {
  // Common when folding shards: `a` is full and all of `b` comes after it.
  if (a.length >= k && (b.length === 0 || cmpEvidence(b[0], a[k - 1]) > 0)) return a.length > k ? a.slice(0, k) : (a as EvidenceTuple[]);
  if (b.length === 0) return a.slice(0, k);
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

function addValue(t: Tally<ValueStat>, value: string | null, ev: EvidenceTuple, k: number): Tally<ValueStat> {
  if (value === null) return t;
  let s = tallyGet(t, value);
  if (!s) t = tallySet(t, value, (s = { count: 0, evidence: [] }));
  s.count++;
  pushEvidence(s.evidence, ev, k);
  return t;
}

function minCode(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}

function newCited(id: string, family: string | null): CitedAgg {
  return {
    id,
    family,
    typeCode: null,
    issuerCode: null,
    mentions: 0,
    docTypes: null,
    issuers: null,
    dates: null,
    topics: null,
    forms: { full: 0, alias: 0, number: 0, previous: 0, self: 0 },
  };
}

function edgeKey(source: string, target: string, relation: string): string {
  return `${source}\u0001${target}\u0001${relation}`;
}

/** Adds one document's digest to the state (in place). A text already there only counts as a duplicate. */
export function addDigest(state: GraphState, d: DocDigest): void {
  const existing = state.docs.get(d.hash);
  if (existing) {
    state.duplicates++;
    if (d.callerId !== null && !existing.callerIds.includes(d.callerId)) {
      // Entries may be shared with merged states: replace, never mutate.
      const key = existing.keySource === 'caller' && d.callerId < existing.key ? d.callerId : existing.key;
      state.docs.set(d.hash, { ...existing, callerIds: [...existing.callerIds, d.callerId].sort(), key });
    }
    return;
  }
  const k = state.maxEvidence;
  const cites = new Map<string, DocCite>();
  for (const m of d.mentions) {
    let c = state.cited.get(m.key);
    if (!c) state.cited.set(m.key, (c = newCited(m.id, m.family)));
    if (c.family === null && m.family !== null) c.family = m.family;
    const ev: EvidenceTuple = [d.hash, m.start, m.end];
    c.mentions++;
    c.typeCode = minCode(c.typeCode, m.typeCode);
    c.issuerCode = minCode(c.issuerCode, m.issuerCode);
    c.docTypes = tallyAdd(c.docTypes, m.docType);
    c.issuers = addValue(c.issuers, m.issuer, ev, k);
    c.dates = addValue(c.dates, m.date, ev, k);
    c.topics = tallyAdd(c.topics, m.topic);
    c.forms[m.form]++;
    const ck = `${m.key}\u0001${m.relation}`;
    let cite = cites.get(ck);
    if (!cite) cites.set(ck, (cite = { target: m.key, relation: m.relation, count: 0, evidence: [] }));
    cite.count++;
    // Mentions come in text order, so the first k are the bottom k of this document.
    if (cite.evidence.length < 2 * k) cite.evidence.push(m.start, m.end);
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
    cites: [...cites.values()].map((c) => ({ ...c, evidence: c.evidence.slice() })).sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : a.relation < b.relation ? -1 : 1)),
  });
  for (const s of d.statements) {
    const key = edgeKey(s.from, s.to, s.relation);
    let e = state.edges.get(key);
    if (!e) state.edges.set(key, (e = { source: s.from, target: s.to, relation: s.relation, count: 0, evidence: [], docs: new Map() }));
    e.count++;
    pushEvidence(e.evidence, [d.hash, s.start, s.end], k);
    inc(e.docs, d.hash);
  }
}

function addCounts(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/** `into` plus `from` (counts added). */
function sumCounts(into: Tally<number>, from: Tally<number>): Tally<number> {
  for (const [key, n] of tallyEntries(from)) into = tallyAdd(into, key, n);
  return into;
}

/** `into` (owned: changed in place) plus `from` (counts added, evidence merged bottom-k); `from` is not shared. */
function sumValues(into: Tally<ValueStat>, from: Tally<ValueStat>, k: number): Tally<ValueStat> {
  for (const [v, s] of tallyEntries(from)) {
    const o = tallyGet(into, v);
    if (o) {
      o.count += s.count;
      o.evidence = mergeEvidence(o.evidence, s.evidence, k);
    } else {
      into = tallySet(into, v, { count: s.count, evidence: s.evidence.slice(0, k) });
    }
  }
  return into;
}

/** Adds the facts of `c` into `o` (in place). */
function addCited(o: CitedAgg, c: CitedAgg, k: number): void {
  if (o.family === null) o.family = c.family;
  o.typeCode = minCode(o.typeCode, c.typeCode);
  o.issuerCode = minCode(o.issuerCode, c.issuerCode);
  o.mentions += c.mentions;
  o.docTypes = sumCounts(o.docTypes, c.docTypes);
  o.issuers = sumValues(o.issuers, c.issuers, k);
  o.dates = sumValues(o.dates, c.dates, k);
  o.topics = sumCounts(o.topics, c.topics);
  for (const f of MENTION_FORMS) o.forms[f] += c.forms[f];
}

function trimCites(cites: DocCite[], k: number): DocCite[] {
  return cites.map((c) => (c.evidence.length > 2 * k ? { ...c, evidence: c.evidence.slice(0, 2 * k) } : c));
}

/**
 * Merges `source` into `target` in place (`target` must be owned by the
 * caller; `source` is not changed, and nothing of it is shared afterwards
 * except immutable document entries). With `consume`, the caller gives
 * `source` up: its nodes and edges move into `target` instead of being
 * copied (much less work and garbage when folding many shards).
 */
export function mergeInto(target: GraphState, source: GraphState, consume = false): GraphState {
  const k = Math.min(target.maxEvidence, source.maxEvidence);
  if (k < target.maxEvidence) shrinkEvidence(target, k);
  target.duplicates += source.duplicates;
  for (const [h, d] of source.docs) {
    const o = target.docs.get(h);
    if (!o) {
      // Document entries are never changed in place except callerIds/key (replaced, not mutated).
      target.docs.set(h, k < source.maxEvidence ? { ...d, cites: trimCites(d.cites, k) } : d);
      continue;
    }
    target.duplicates++;
    const callerIds = [...new Set([...o.callerIds, ...d.callerIds])].sort();
    const key = o.keySource === 'caller' && d.keySource === 'caller' ? (o.key < d.key ? o.key : d.key) : o.key;
    target.docs.set(h, { ...o, callerIds, key });
  }
  for (const [key, c] of source.cited) {
    let o = target.cited.get(key);
    if (!o && consume && k >= source.maxEvidence) {
      target.cited.set(key, c);
      continue;
    }
    if (!o) target.cited.set(key, (o = newCited(c.id, c.family)));
    addCited(o, c, k);
  }
  for (const [key, e] of source.edges) {
    const o = target.edges.get(key);
    if (!o) {
      target.edges.set(key, consume && k >= source.maxEvidence ? e : { ...e, evidence: e.evidence.slice(0, k), docs: new Map(e.docs) });
      continue;
    }
    o.count += e.count;
    o.evidence = mergeEvidence(o.evidence, e.evidence, k);
    addCounts(o.docs, e.docs);
  }
  return target;
}

function shrinkEvidence(s: GraphState, k: number): void {
  s.maxEvidence = k;
  for (const c of s.cited.values()) {
    for (const t of [c.issuers, c.dates]) for (const [, v] of tallyEntries(t)) if (v.evidence.length > k) v.evidence = v.evidence.slice(0, k);
  }
  for (const e of s.edges.values()) if (e.evidence.length > k) e.evidence = e.evidence.slice(0, k);
  for (const [h, d] of s.docs) if (d.cites.some((c) => c.evidence.length > 2 * k)) s.docs.set(h, { ...d, cites: trimCites(d.cites, k) });
}

/**
 * Merges two states into a new one; neither input changes. Associative and
 * commutative (see the module comment for shared inputs).
 */
export function mergeStates(a: GraphState, b: GraphState): GraphState {
  const k = Math.min(a.maxEvidence, b.maxEvidence);
  return mergeInto(mergeInto(emptyState(k), a), b);
}

// ----------------------------------------------------------------- JSON form

/** The state as plain JSON (maps as objects with sorted keys, so equal states serialize equally). */
export interface GraphStateJSON {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  maxEvidence: number;
  duplicates: number;
  documents: DocAgg[];
  nodes: Array<{
    key: string;
    id: string;
    family: string | null;
    mentions: number;
    typeCode: string | null;
    issuerCode: string | null;
    docTypes: Record<string, number>;
    issuers: Record<string, ValueStat>;
    dates: Record<string, ValueStat>;
    topics: Record<string, number>;
    forms: Record<string, number>;
  }>;
  edges: Array<{
    source: string;
    target: string;
    relation: Relation;
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
      typeCode: c.typeCode,
      issuerCode: c.issuerCode,
      docTypes: tallyRecord(c.docTypes),
      issuers: tallyRecord(c.issuers),
      dates: tallyRecord(c.dates),
      topics: tallyRecord(c.topics),
      forms: Object.fromEntries(MENTION_FORMS.filter((f) => c.forms[f] > 0).map((f) => [f, c.forms[f]])),
    })),
    edges: byKey(s.edges).map(([, e]) => ({
      source: e.source,
      target: e.target,
      relation: e.relation,
      count: e.count,
      evidence: e.evidence,
      docs: obj(e.docs),
    })),
  };
}

export function stateFromJSON(j: GraphStateJSON): GraphState {
  const s = emptyState(j.maxEvidence);
  s.duplicates = j.duplicates;
  for (const d of j.documents) s.docs.set(d.hash, { ...d, callerIds: [...d.callerIds], cites: d.cites.map((c) => ({ ...c, evidence: [...c.evidence] })) });
  for (const n of j.nodes) {
    s.cited.set(n.key, {
      id: n.id,
      family: n.family,
      mentions: n.mentions,
      typeCode: n.typeCode,
      issuerCode: n.issuerCode,
      docTypes: tallyFrom(n.docTypes),
      issuers: tallyFrom(n.issuers),
      dates: tallyFrom(n.dates),
      topics: tallyFrom(n.topics),
      forms: Object.fromEntries(MENTION_FORMS.map((f) => [f, n.forms[f] ?? 0])) as Record<MentionForm, number>,
    });
  }
  for (const e of j.edges) {
    s.edges.set(edgeKey(e.source, e.target, e.relation), {
      source: e.source,
      target: e.target,
      relation: e.relation,
      count: e.count,
      evidence: e.evidence.map((t) => [t[0], t[1], t[2]] as EvidenceTuple),
      docs: new Map(Object.entries(e.docs)),
    });
  }
  return s;
}
