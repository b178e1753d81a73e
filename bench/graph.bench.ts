/**
 * `npm run bench -- graph`: the citation graph on synthetic documents made
 * from seed fragments (test/graph/synthetic.ts; ~2.2 kB each, cited numbers
 * redrawn from 1..300 so documents share nodes).
 *
 * - build rate: documents/s (and MB/s) of CitationGraphBuilder.add, extraction
 *   included, spread round-robin over 16 shard builders; the extraction-only
 *   and graph-stage-only rates on a sample, to show where the time goes;
 * - merge: the 16 shard states into one (and a check, on a sample, that the
 *   merge equals the single pass);
 * - memory: heap held by the merged state, after a full GC;
 * - finalize (nodes, edges, majorities) and the JSON export.
 *
 * GRAPH_BENCH_DOCS=20000 npm run bench -- graph  runs a smaller set.
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildCitationGraph, CitationGraph, CitationGraphBuilder, defaultExtractor } from '../src/graph/build.js';
import { digestDocument } from '../src/graph/document.js';
import { graphologyJSONChunks, toGraphologyJSON } from '../src/graph/export/json.js';
import { mergeInto, emptyState, type GraphState } from '../src/graph/state.js';
import { syntheticDocuments } from '../test/graph/synthetic.js';
import { fmt } from './util.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

export default async function run() {
  const N = Number(process.env.GRAPH_BENCH_DOCS ?? 100_000);
  const SHARDS = 16;
  const gen = () => syntheticDocuments({ count: N, seed: 42, numberRange: 300 });

  // Where the time goes, on a sample: extraction alone, the graph stage alone.
  const sample = [...syntheticDocuments({ count: 3000, seed: 5, numberRange: 300 })];
  const sampleBytes = sample.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  const refs = new Map<string, ReturnType<typeof defaultExtractor.references>>();
  const headers = new Map<string, ReturnType<typeof defaultExtractor.header>>();
  for (const d of sample.slice(0, 300)) digestDocument(d, defaultExtractor, { shortForms: true, statedRelations: true }); // warm-up
  let t = performance.now();
  for (const d of sample) {
    refs.set(d.text, defaultExtractor.references(d.text));
    headers.set(d.text, defaultExtractor.header(d.text));
  }
  const extractMs = performance.now() - t;
  const cached = { references: (x: string) => refs.get(x) ?? [], header: (x: string) => headers.get(x) ?? null };
  t = performance.now();
  for (const d of sample) digestDocument(d, cached, { shortForms: true, statedRelations: true });
  const stageMs = performance.now() - t;
  console.log(
    `sample of ${sample.length} documents (${fmt(sampleBytes / sample.length / 1000)} kB each): extraction ${fmt(sample.length / (extractMs / 1000), 0)} docs/s, ` +
      `graph stage (header, short forms, relations, topics) ${fmt(sample.length / (stageMs / 1000), 0)} docs/s`,
  );
  refs.clear();
  headers.clear();

  // Build: N documents over 16 shard builders.
  const base = heapMB();
  const shards = Array.from({ length: SHARDS }, () => new CitationGraphBuilder());
  let bytes = 0;
  let i = 0;
  t = performance.now();
  for (const d of gen()) {
    bytes += Buffer.byteLength(d.text);
    shards[i++ % SHARDS].add(d);
  }
  const buildMs = performance.now() - t;
  const rate = N / (buildMs / 1000);
  console.log(`build: ${N} documents (${fmt(bytes / 1e6)} MB) in ${fmt(buildMs / 1000)} s: ${fmt(rate, 0)} docs/s, ${fmt(bytes / 1e6 / (buildMs / 1000), 2)} MB/s`);
  const shardsHeap = heapMB() - base;

  // Merge the 16 shard states.
  const states = shards.map((s) => s.internalState);
  t = performance.now();
  let merged: GraphState = emptyState(states[0].maxEvidence);
  for (const s of states) mergeInto(merged, s, true); // the shards are dropped afterwards: consume them
  const mergeMs = performance.now() - t;
  shards.length = 0;
  states.length = 0;
  const stateHeap = heapMB() - base;
  console.log(
    `merge of ${SHARDS} shard states: ${fmt(mergeMs)} ms; merged state: ${merged.docs.size} documents, ${merged.cited.size} cited keys, ${merged.edges.size} edges`,
  );
  console.log(`memory: ${fmt(stateHeap)} MB of heap for the merged state (${fmt((stateHeap * 1e6) / N / 1000, 2)} kB per document); 16 shards held ${fmt(shardsHeap)} MB`);

  // Finalize and export.
  t = performance.now();
  const graph = new CitationGraph(merged);
  const finalizeMs = performance.now() - t;
  t = performance.now();
  let jsonBytes = 0;
  for (const c of graphologyJSONChunks(graph)) jsonBytes += c.length;
  const jsonMs = performance.now() - t;
  console.log(
    `finalize: ${graph.stats.nodes} nodes, ${graph.stats.edges} edges, ${graph.stats.conflicts} conflicts in ${fmt(finalizeMs)} ms; ` +
      `JSON export ${fmt(jsonBytes / 1e6)} M chars in ${fmt(jsonMs)} ms`,
  );

  // Merge = single pass, checked on a sample (the test suite checks it on real text too).
  const check = [...syntheticDocuments({ count: 2000, seed: 9, numberRange: 40 })];
  const one = buildCitationGraph(check);
  const parts = Array.from({ length: SHARDS }, () => new CitationGraphBuilder());
  check.forEach((d, k) => parts[k % SHARDS].add(d));
  let m: GraphState = emptyState(8);
  for (const p of parts) mergeInto(m, p.internalState);
  const equal = JSON.stringify(toGraphologyJSON(new CitationGraph(m))) === JSON.stringify(toGraphologyJSON(one));
  console.log(`16-shard merge equals the single pass on ${check.length} documents: ${equal}`);

  return {
    documents: N,
    megabytes: Number(fmt(bytes / 1e6)),
    buildDocsPerSec: Math.round(rate),
    buildMBPerSec: Number(fmt(bytes / 1e6 / (buildMs / 1000), 2)),
    extractOnlyDocsPerSec: Math.round(sample.length / (extractMs / 1000)),
    graphStageDocsPerSec: Math.round(sample.length / (stageMs / 1000)),
    mergeMs: Number(fmt(mergeMs)),
    stateHeapMB: Number(fmt(stateHeap)),
    finalizeMs: Number(fmt(finalizeMs)),
    nodes: graph.stats.nodes,
    edges: graph.stats.edges,
    jsonMChars: Number(fmt(jsonBytes / 1e6)),
    mergeEqualsSinglePass: equal,
  };
}
