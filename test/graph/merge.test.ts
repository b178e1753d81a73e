/**
 * Shards combine into the one-pass graph: merging is associative and
 * commutative (fast-check over random groupings of real and synthetic
 * documents), and 16 shard graphs exported to JSON and merged back equal the
 * single-pass graph.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCitationGraph,
  CitationGraph,
  CitationGraphBuilder,
  mergeCitationGraphs,
  readCitationGraph,
} from '../../src/graph/build.js';
import { toGraphologyJSON } from '../../src/graph/export/json.js';
import { mergeStates, stateToJSON, type GraphState } from '../../src/graph/state.js';
import { seedTexts, syntheticDocuments } from './synthetic.js';

const MAX_EVIDENCE = 2; // small, so the bottom-k evidence lists are exercised

function corpus(): Array<{ id: string; text: string }> {
  return [
    ...seedTexts().map(({ file, text }) => ({ id: file, text })),
    ...syntheticDocuments({ count: 43, seed: 11, numberRange: 8 }),
  ];
}

/** The JSON a graph exports, round-tripped through text as a file would be. */
function exported(g: CitationGraph): unknown {
  return JSON.parse(JSON.stringify(toGraphologyJSON(g)));
}

describe('merging partial graphs', () => {
  let docs: Array<{ id: string; text: string }>;
  let single: GraphState[];
  let whole: CitationGraph;

  beforeAll(() => {
    docs = corpus();
    single = docs.map((d) => new CitationGraphBuilder({ maxEvidence: MAX_EVIDENCE }).add(d).internalState);
    whole = buildCitationGraph(docs, { maxEvidence: MAX_EVIDENCE });
  });

  const union = (idx: number[]) => idx.reduce<GraphState | null>((acc, i) => (acc ? mergeStates(acc, single[i]) : single[i]), null)!;
  const same = (a: GraphState, b: GraphState) => {
    expect(stateToJSON(a)).toEqual(stateToJSON(b));
    expect(toGraphologyJSON(new CitationGraph(a))).toEqual(toGraphologyJSON(new CitationGraph(b)));
  };
  /** Three disjoint non-empty groups of document indices. */
  const groups = () =>
    fc
      .shuffledSubarray([...Array(48).keys()], { minLength: 3, maxLength: 48 })
      .chain((perm) =>
        fc
          .tuple(fc.integer({ min: 1, max: perm.length - 2 }), fc.integer({ min: 1, max: perm.length - 2 }))
          .map(([x, y]) => {
            const [i, j] = x < y ? [x, y] : y < x ? [y, x] : [x, x + 1];
            return [perm.slice(0, i), perm.slice(i, j), perm.slice(j)] as const;
          }),
      )
      .filter(([a, b, c]) => a.length > 0 && b.length > 0 && c.length > 0);

  it('has a corpus with shared nodes, stated edges and conflicts to merge', () => {
    expect(docs).toHaveLength(48);
    expect(whole.stats.conflicts).toBeGreaterThan(0);
    expect(whole.edges.some((e) => e.attributes.stated === 'text')).toBe(true);
    expect(whole.nodes.some((n) => n.attributes.mentionedBy.length > 5)).toBe(true);
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(groups(), ([a, b]) => {
        same(mergeStates(union(a), union(b)), mergeStates(union(b), union(a)));
      }),
      { numRuns: 12 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(groups(), ([a, b, c]) => {
        const [A, B, C] = [union(a), union(b), union(c)];
        same(mergeStates(mergeStates(A, B), C), mergeStates(A, mergeStates(B, C)));
      }),
      { numRuns: 12 },
    );
  });

  it('any split of the inputs merges into the one-pass state', () => {
    fc.assert(
      fc.property(groups(), ([a, b, c]) => {
        const all = [...a, ...b, ...c].sort((x, y) => x - y);
        const onePass = buildCitationGraph(
          all.map((i) => docs[i]),
          { maxEvidence: MAX_EVIDENCE },
        );
        same(mergeStates(mergeStates(union(c), union(a)), union(b)), onePass.internalState);
      }),
      { numRuns: 6 },
    );
  });

  it('16 shard graphs, exported to JSON and merged, equal the single-pass graph', () => {
    const shards = Array.from({ length: 16 }, () => new CitationGraphBuilder({ maxEvidence: MAX_EVIDENCE }));
    docs.forEach((d, i) => shards[(i * 7) % 16].add(d));
    const parts = shards.map((s) => exported(s.build()));
    const merged = mergeCitationGraphs(...(parts as never[]));
    expect(toGraphologyJSON(merged)).toEqual(toGraphologyJSON(whole));
    // The same through a builder, merging in reverse order.
    const b = new CitationGraphBuilder({ maxEvidence: MAX_EVIDENCE });
    for (const p of [...parts].reverse()) b.merge(p as never);
    expect(toGraphologyJSON(b.build())).toEqual(toGraphologyJSON(whole));
  });

  it('a JSON export reads back to the same graph; one without its state cannot be merged', () => {
    const back = readCitationGraph(exported(whole));
    expect(toGraphologyJSON(back)).toEqual(toGraphologyJSON(whole));
    expect(() => readCitationGraph(JSON.parse(JSON.stringify(toGraphologyJSON(whole, { state: false }))))).toThrow(/carries no state/);
  });

  it('counts a document present in two shards as a duplicate', () => {
    const a = new CitationGraphBuilder().add(docs[0]).add(docs[1]);
    const b = new CitationGraphBuilder().add(docs[1]);
    const g = mergeCitationGraphs(a, b);
    expect(g.stats).toMatchObject({ documents: 2, duplicates: 1 });
  });
});
