/**
 * From the merged state to the graph users see: final node keys (dated
 * yearless ids clustered, id collisions settled), one node per document with
 * majority attributes and every stated value kept, edges between final keys.
 * A pure function of the state, so any order of adds and merges that reaches
 * the same state gives the same graph.
 */
import type { Evidence, GraphEdgeAttributes, GraphNodeAttributes, Relation, ValueEvidence } from '../schema.js';
import { foldDiacritics } from '../text/fold.js';
import { familyOfId, splitKey } from './keys.js';
import { tallyEntries, tallySize, type Tally } from './tally.js';
import { MENTION_FORMS, type CitedAgg, type DocAgg, type EvidenceTuple, type GraphState, type ValueStat } from './state.js';

export interface FinalNode {
  key: string;
  attributes: GraphNodeAttributes;
}

export interface FinalEdge {
  key: string;
  source: string;
  target: string;
  attributes: GraphEdgeAttributes;
}

export interface FinalGraph {
  nodes: FinalNode[];
  edges: FinalEdge[];
  /** Input documents, duplicates seen, and the like. */
  stats: { documents: number; duplicates: number; nodes: number; edges: number; conflicts: number; collisions: number; ambiguous: number };
}

const SUFFIX_LEN = 8;

/** Union-find over a small set of strings. */
class Clusters {
  private readonly parent = new Map<string, string>();
  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  find(x: string): string {
    let r = x;
    while (this.parent.get(r) !== r) r = this.parent.get(r) as string;
    let y = x;
    while (y !== r) {
      const next = this.parent.get(y) as string;
      this.parent.set(y, r);
      y = next;
    }
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * Maps every internal key (cited keys and the keys input documents claim)
 * to its final key. Dated keys of one id cluster when their dates share the
 * year or the day and month; one cluster → the bare id; several → `id@YYYY`
 * each, and the undated key stays the bare id, flagged ambiguous.
 */
function finalKeys(state: GraphState): { final: Map<string, string>; ambiguous: Map<string, string[]> } {
  const weight = new Map<string, number>();
  for (const [key, c] of state.cited) weight.set(key, (weight.get(key) ?? 0) + c.mentions);
  for (const d of state.docs.values()) weight.set(d.key, (weight.get(d.key) ?? 0) + 1);
  const byId = new Map<string, { dated: string[]; bare: boolean }>();
  for (const key of weight.keys()) {
    const { id, date } = splitKey(key);
    let g = byId.get(id);
    if (!g) byId.set(id, (g = { dated: [], bare: false }));
    if (date === null) g.bare = true;
    else g.dated.push(key);
  }
  const final = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [id, g] of byId) {
    if (g.dated.length === 0) {
      final.set(id, id);
      continue;
    }
    const uf = new Clusters();
    const dates = g.dated.map((k) => ({ key: k, date: splitKey(k).date as string }));
    for (const d of dates) uf.add(d.key);
    const byYear = new Map<string, string>();
    const byDay = new Map<string, string>();
    for (const d of dates) {
      const y = d.date.slice(0, 4);
      const md = d.date.slice(5);
      const a = byYear.get(y);
      if (a) uf.union(a, d.key);
      else byYear.set(y, d.key);
      const b = byDay.get(md);
      if (b) uf.union(b, d.key);
      else byDay.set(md, d.key);
    }
    const clusters = new Map<string, Array<{ key: string; date: string }>>();
    for (const d of dates) {
      const r = uf.find(d.key);
      let list = clusters.get(r);
      if (!list) clusters.set(r, (list = []));
      list.push(d);
    }
    if (clusters.size === 1) {
      for (const d of dates) final.set(d.key, id);
      if (g.bare) final.set(id, id);
      continue;
    }
    const names: string[] = [];
    for (const list of clusters.values()) {
      // The cluster is named by the year of its most cited date.
      let best = list[0];
      for (const d of list) {
        const w = weight.get(d.key) ?? 0;
        const bw = weight.get(best.key) ?? 0;
        if (w > bw || (w === bw && d.date < best.date)) best = d;
      }
      const name = `${id}@${best.date.slice(0, 4)}`;
      names.push(name);
      for (const d of list) final.set(d.key, name);
    }
    if (g.bare) {
      final.set(id, id);
      ambiguous.set(id, names.sort());
    }
  }
  return { final, ambiguous };
}

/**
 * Final keys of the input documents. Inputs that land on one key are one
 * document when they agree on what they are (headers with the same date: an
 * OCR and a clean rendition of one report); otherwise the ids collide, both
 * documents are kept and flagged: a header keeps the plain key when it is the
 * only one claiming it, every other claimant gets `key#<hash>`.
 */
function docKeys(
  state: GraphState,
  final: Map<string, string>,
): { docFinal: Map<string, string>; collisions: Map<string, string[]> } {
  const groups = new Map<string, DocAgg[]>();
  for (const d of state.docs.values()) {
    const k = final.get(d.key) ?? d.key;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(d);
  }
  const docFinal = new Map<string, string>();
  const collisions = new Map<string, string[]>();
  for (const [key, docs] of groups) {
    const bySig = new Map<string, DocAgg[]>();
    for (const d of docs) {
      const sig = d.keySource === 'header' ? `h|${d.header?.date ?? ''}` : `c|${d.hash}`;
      let list = bySig.get(sig);
      if (!list) bySig.set(sig, (list = []));
      list.push(d);
    }
    if (bySig.size === 1) {
      for (const d of docs) docFinal.set(d.hash, key);
      continue;
    }
    const headerGroups = [...bySig.keys()].filter((s) => s.startsWith('h|'));
    const assigned: string[] = [];
    for (const [sig, list] of bySig) {
      const keepsKey = headerGroups.length === 1 && sig === headerGroups[0];
      const minHash = list.map((d) => d.hash).sort()[0];
      const k = keepsKey ? key : `${key}#${minHash.slice(0, SUFFIX_LEN)}`;
      for (const d of list) docFinal.set(d.hash, k);
      assigned.push(k);
    }
    const all = [...new Set([key, ...assigned])].sort();
    for (const k of assigned) collisions.set(k, all.filter((x) => x !== k));
  }
  return { docFinal, collisions };
}

/** Letters only Vietnamese text has (ơ, ư, ă, â, đ and the tone-marked vowels of U+1EA0..U+1EF9). */
const VIETNAMESE_LETTER = /[\u1EA0-\u1EF9ăâđêôơưĂÂĐÊÔƠƯ]/gu;

/** How much a value looks like clean Vietnamese (OCR and stripped text score low). */
export function textQuality(s: string): number {
  return s.match(VIETNAMESE_LETTER)?.length ?? 0;
}

/**
 * The most frequent value. Ties go (`prose`) to the cleaner text, then the
 * longer one, then the first in code-unit order; else to the first in order.
 */
export function majority(counts: Tally<number>, prose = false): string | null {
  let best: string | null = null;
  let bestN = -1;
  for (const [v, n] of tallyEntries(counts)) {
    if (n > bestN || (n === bestN && best !== null && better(v, best, prose))) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

function better(v: string, best: string, prose: boolean): boolean {
  if (prose) {
    const q = textQuality(v) - textQuality(best);
    if (q !== 0) return q > 0;
    if (v.length !== best.length) return v.length > best.length;
  }
  return v < best;
}

const ISSUER_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bkh&cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bbch\b/g, 'ban chap hanh'],
  [/\bbtv\b/g, 'ban thuong vu'],
  [/\btw\b/g, 'trung uong'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bttg\b/g, 'thu tuong chinh phu'],
];

function normIssuer(s: string): string {
  let f = ` ${foldDiacritics(s).toLowerCase().replace(/[^\p{L}\p{N}&]+/gu, ' ').trim()} `;
  for (const [re, rep] of ISSUER_ABBREVIATIONS) f = f.replace(re, rep);
  return f.replace(/\s+/g, ' ');
}

/** Two issuer names name different bodies when neither contains the other ("UBND tỉnh" ⊂ "Ủy ban nhân dân tỉnh Quảng Ngãi"). */
function issuersConflict(values: string[]): boolean {
  const norm = [...new Set(values.map(normIssuer))];
  for (let i = 0; i < norm.length; i++) {
    for (let j = i + 1; j < norm.length; j++) {
      if (!norm[i].includes(norm[j]) && !norm[j].includes(norm[i])) return true;
    }
  }
  return false;
}

function cmpTuple(a: EvidenceTuple, b: EvidenceTuple): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
}

/** The counts of several tallies as one (the tally itself when there is one: read only). */
function combineCounts(parts: ReadonlyArray<Tally<number>>): Tally<number> {
  if (parts.length === 1) return parts[0];
  const m = new Map<string, number>();
  for (const t of parts) for (const [v, n] of tallyEntries(t)) m.set(v, (m.get(v) ?? 0) + n);
  return m;
}

/** The values of several tallies plus extra (header) values as one, evidence merged bottom-k. */
function combineValues(parts: ReadonlyArray<Tally<ValueStat>>, extra: ReadonlyArray<[string, EvidenceTuple]>, k: number): Tally<ValueStat> {
  if (parts.length === 1 && extra.length === 0) return parts[0];
  const m = new Map<string, ValueStat>();
  const add = (v: string, s: ValueStat) => {
    const o = m.get(v);
    if (!o) m.set(v, { count: s.count, evidence: s.evidence.slice(0, k) });
    else m.set(v, { count: o.count + s.count, evidence: [...o.evidence, ...s.evidence].sort(cmpTuple).slice(0, k) });
  };
  for (const t of parts) for (const [v, st] of tallyEntries(t)) add(v, st);
  for (const [v, ev] of extra) add(v, { count: 1, evidence: [ev] });
  return m;
}

function counts(t: Tally<ValueStat>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [v, s] of tallyEntries(t)) m.set(v, s.count);
  return m;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the final graph from a state. */
export function finalizeGraph(state: GraphState): FinalGraph {
  const k = state.maxEvidence;
  const { final, ambiguous } = finalKeys(state);
  const { docFinal, collisions } = docKeys(state, final);
  const docKey = (hash: string) => docFinal.get(hash) ?? `doc-${hash}`;
  const toEvidence = (t: EvidenceTuple): Evidence => ({ document: docKey(t[0]), start: t[1], end: t[2] });

  // What lands on each final key: cited aggregates, input documents, citing documents.
  const citedBy = new Map<string, CitedAgg[]>();
  const docsBy = new Map<string, DocAgg[]>();
  const mentioned = new Map<string, string[]>();
  for (const [ikey, c] of state.cited) push(citedBy, final.get(ikey) ?? ikey, c);
  for (const d of state.docs.values()) {
    const dk = docKey(d.hash);
    push(docsBy, dk, d);
    for (const c of d.cites) push(mentioned, final.get(c.target) ?? c.target, dk);
  }
  const keys = new Set<string>([...citedBy.keys(), ...docsBy.keys()]);

  let conflicts = 0;
  let ambiguousCount = 0;
  const finalNodes: FinalNode[] = [];
  for (const key of [...keys].sort()) {
    const cited = citedBy.get(key) ?? [];
    const docs = (docsBy.get(key) ?? []).sort((x, y) => (x.hash < y.hash ? -1 : 1));
    const headerDoc = docs.find((d) => d.header !== null) ?? null;
    const ids = new Map<string, number>();
    let mentions = 0;
    let family: string | null = null;
    let typeCode: string | null = null;
    let issuerCode: string | null = null;
    const forms = new Map<string, number>();
    for (const c of cited) {
      ids.set(c.id, (ids.get(c.id) ?? 0) + c.mentions);
      mentions += c.mentions;
      family ??= c.family;
      if (typeCode === null || (c.typeCode !== null && c.typeCode < typeCode)) typeCode = c.typeCode;
      if (issuerCode === null || (c.issuerCode !== null && c.issuerCode < issuerCode)) issuerCode = c.issuerCode;
      for (const f of MENTION_FORMS) if (c.forms[f] > 0) forms.set(f, (forms.get(f) ?? 0) + c.forms[f]);
    }
    const headerIssuers: Array<[string, EvidenceTuple]> = [];
    const headerDates: Array<[string, EvidenceTuple]> = [];
    for (const d of docs) {
      const h = d.header;
      if (!h) continue;
      const ev: EvidenceTuple = [d.hash, h.start ?? 0, h.end ?? 0];
      if (h.id) ids.set(h.id, (ids.get(h.id) ?? 0) + 1);
      if (h.issuer) headerIssuers.push([h.issuer, ev]);
      if (h.date) headerDates.push([h.date, ev]);
    }
    const issuers = combineValues(cited.map((c) => c.issuers), headerIssuers, k);
    const dates = combineValues(cited.map((c) => c.dates), headerDates, k);
    const id = majority(ids) ?? null;
    const conflictList: Array<'date' | 'issuer'> = [];
    if (tallySize(dates) > 1) conflictList.push('date');
    if (tallySize(issuers) > 1 && issuersConflict([...tallyEntries(issuers)].map(([v]) => v))) conflictList.push('issuer');
    if (conflictList.length > 0) conflicts++;
    const isAmbiguous = ambiguous.has(key) && mentions > 0;
    if (isAmbiguous) ambiguousCount++;
    const docType = majority(combineCounts(cited.map((c) => c.docTypes))) ?? docs.find((d) => d.docType !== null)?.docType ?? null;
    const titles = docs.flatMap((d) => (d.title !== null ? [[d.title, 1] as [string, number]] : []));
    const attributes: GraphNodeAttributes = {
      label: id ?? key,
      id,
      family: (family as GraphNodeAttributes['family']) ?? (id ? familyOfId(id) : null),
      docType,
      typeCode: typeCode ?? headerDoc?.header?.typeCode ?? null,
      issuerCode: issuerCode ?? headerDoc?.header?.issuerCode ?? null,
      issuer: majority(counts(issuers), true),
      date: majority(counts(dates)),
      topic: majority(combineCounts(cited.map((c) => c.topics)), true) ?? (titles.length > 0 ? majority(new Map(titles), true) : null),
      dates: valueRecord(dates, toEvidence),
      issuers: valueRecord(issuers, toEvidence),
      conflicts: conflictList,
      conflict: conflictList.length > 0,
      mentions,
      forms: Object.fromEntries(MENTION_FORMS.filter((f) => forms.has(f)).map((f) => [f, forms.get(f) as number])),
      mentionedBy: [...new Set(mentioned.get(key) ?? [])].sort(),
      input: docs.length > 0,
      keySource: docs.length === 0 ? null : docs.some((d) => d.keySource === 'header') ? 'header' : docs.some((d) => d.keySource === 'caller') ? 'caller' : 'content',
      inputIds: [...new Set(docs.flatMap((d) => d.callerIds))].sort(),
      contentHashes: docs.map((d) => d.hash),
      place: headerDoc?.header?.place ?? null,
      idCollision: collisions.has(key),
      collidesWith: collisions.get(key) ?? [],
      ambiguous: isAmbiguous,
      candidates: isAmbiguous ? (ambiguous.get(key) as string[]) : [],
    };
    finalNodes.push({ key, attributes });
  }

  interface EdgeAcc {
    source: string;
    target: string;
    relation: Relation;
    document: boolean;
    count: number;
    evidence: EvidenceTuple[];
    docs: string[];
  }
  const edges = new Map<string, EdgeAcc>();
  const addEdge = (source: string, target: string, relation: Relation, document: boolean, count: number, evidence: EvidenceTuple[], docs: string[]) => {
    if (source === target) return;
    const key = `${source}->${target}:${relation}`;
    const o = edges.get(key);
    if (!o) {
      edges.set(key, { source, target, relation, document, count, evidence: evidence.length > k ? evidence.slice(0, k) : evidence, docs });
      return;
    }
    o.count += count;
    o.document ||= document;
    o.evidence = [...o.evidence, ...evidence].sort(cmpTuple).slice(0, k);
    o.docs = o.docs.concat(docs);
  };
  for (const d of state.docs.values()) {
    const source = docKey(d.hash);
    const docs = [source];
    for (const c of d.cites) {
      const ev: EvidenceTuple[] = [];
      for (let i = 0; i + 1 < c.evidence.length && ev.length < k; i += 2) ev.push([d.hash, c.evidence[i], c.evidence[i + 1]]);
      addEdge(source, final.get(c.target) ?? c.target, c.relation, true, c.count, ev, docs);
    }
  }
  for (const e of state.edges.values()) {
    addEdge(final.get(e.source) ?? e.source, final.get(e.target) ?? e.target, e.relation, false, e.count, e.evidence, [...e.docs.keys()].map(docKey));
  }
  const finalEdges: FinalEdge[] = [...edges.keys()].sort().map((key) => {
    const e = edges.get(key)!;
    return {
      key,
      source: e.source,
      target: e.target,
      attributes: {
        relation: e.relation,
        stated: e.document ? 'document' : 'text',
        count: e.count,
        evidence: e.evidence.map(toEvidence),
        documents: e.docs.length === 1 ? [e.docs[0]] : [...new Set(e.docs)].sort(),
      },
    };
  });

  return {
    nodes: finalNodes,
    edges: finalEdges,
    stats: {
      documents: state.docs.size,
      duplicates: state.duplicates,
      nodes: finalNodes.length,
      edges: finalEdges.length,
      conflicts,
      collisions: collisions.size,
      ambiguous: ambiguousCount,
    },
  };
}

function valueRecord(t: Tally<ValueStat>, toEvidence: (t: EvidenceTuple) => Evidence): Record<string, ValueEvidence> {
  const out: Record<string, ValueEvidence> = {};
  for (const [v, s] of [...tallyEntries(t)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[v] = { count: s.count, evidence: s.evidence.map(toEvidence) };
  }
  return out;
}
