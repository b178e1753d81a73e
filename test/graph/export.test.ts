/**
 * Exports read back with real parsers: graphology for the JSON, graphology-
 * graphml (with @xmldom/xmldom's DOMParser) for the GraphML, an RFC 4180
 * reader for the Neo4j CSV, and a structural check of the DOT.
 */
import Graph from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCitationGraph, type CitationGraph } from '../../src/graph/build.js';
import { neo4jType, toNeo4jCsv } from '../../src/graph/export/csv.js';
import { toDot } from '../../src/graph/export/dot.js';
import { toGraphML } from '../../src/graph/export/graphml.js';
import { graphologyJSONChunks, toGraphologyJSON } from '../../src/graph/export/json.js';
import { seedTexts } from './synthetic.js';

/** RFC 4180 CSV → rows of fields. */
function readCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('exports', () => {
  let g: CitationGraph;
  beforeAll(() => {
    const docs = seedTexts().map(({ file, text }) => ({ id: file, text }));
    // A document whose id and text need escaping in every format.
    docs.push({ id: 'tricky "id", <x> & \'y\'\nline', text: 'Theo Công văn số 12/UBND-VP ngày 01/02/2025 về việc "a, b" <c> & d;\u0001 e.' });
    g = buildCitationGraph(docs);
  });

  it('JSON is graphology’s serialization: Graph.from reads it, with every node, edge and attribute', () => {
    const json = toGraphologyJSON(g);
    const graph = Graph.from(json as never);
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(g.nodes.length);
    expect(graph.size).toBe(g.edges.length);
    expect(graph.getNodeAttribute('57-NQ/TW', 'conflicts')).toEqual(['date']);
    expect(graph.getNodeAttribute('57-NQ/TW', 'mentionedBy')).toHaveLength(3);
    const e = g.edges.find((x) => x.source === '539-KH/TU' && x.target === '57-NQ/TW')!;
    expect(graph.getEdgeAttributes(e.key)).toEqual(e.attributes);
    expect(graph.source(e.key)).toBe('539-KH/TU');
    expect(graph.getAttribute('documents')).toBe(6);
    // The chunked writer gives the same text.
    expect([...graphologyJSONChunks(g)].join('')).toBe(JSON.stringify(json));
    // And graphology's own export round-trips to our node and edge lists.
    const back = graph.export();
    expect(back.nodes).toHaveLength(g.nodes.length);
  });

  it('GraphML reads back with graphology-graphml: nodes, edges, typed attributes', () => {
    const xml = toGraphML(g);
    const graph = parseGraphML(Graph, xml, { addMissingNodes: false });
    expect(graph.order).toBe(g.nodes.length);
    expect(graph.size).toBe(g.edges.length);
    const n = graph.getNodeAttributes('57-NQ/TW');
    expect(n.mentions).toBe(g.node('57-NQ/TW')!.attributes.mentions);
    expect(n.conflict).toBe(true);
    expect(n.date).toBe('2024-12-22');
    expect(JSON.parse(n.dates as string)['2025-12-22'].count).toBe(1);
    const tricky = g.nodes.find((x) => x.key.startsWith('tricky'))!;
    expect(graph.hasNode(tricky.key)).toBe(true);
    const amends = graph.filterEdges((_, a) => a.relation === 'amends');
    expect(amends.map((k) => [graph.source(k), graph.target(k)])).toContainEqual(['82/2024/NĐ-CP', '73/2019/NĐ-CP']);
    expect(xml).not.toMatch(/\u0001/);
  });

  it('CSV has neo4j-admin headers and round-trips through an RFC 4180 reader', () => {
    const { nodes, edges } = toNeo4jCsv(g);
    const nr = readCsv(nodes);
    const er = readCsv(edges);
    expect(nr[0].slice(0, 2)).toEqual(['key:ID', ':LABEL']);
    expect(nr[0]).toContain('mentions:int');
    expect(nr[0]).toContain('mentionedBy:string[]');
    expect(er[0].slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(er[0]).toContain('count:int');
    expect(nr).toHaveLength(g.nodes.length + 1);
    expect(er).toHaveLength(g.edges.length + 1);
    for (const r of [...nr, ...er]) expect(r).toHaveLength(r === er[0] || er.includes(r) ? er[0].length : nr[0].length);
    const keys = new Set(nr.slice(1).map((r) => r[0]));
    for (const r of er.slice(1)) {
      expect(keys.has(r[0])).toBe(true);
      expect(keys.has(r[1])).toBe(true);
      expect(r[2]).toMatch(/^(IMPLEMENTS|BASED_ON|AMENDS|REPLACES|REPEALS|GUIDES|REFERS)$/);
    }
    const tricky = g.nodes.find((x) => x.key.startsWith('tricky'))!;
    expect(keys.has(tricky.key)).toBe(true);
    const row57 = nr.find((r) => r[0] === '57-NQ/TW')!;
    expect(row57[1]).toBe('Document;Cited');
    const col = (name: string) => nr[0].indexOf(name);
    expect(row57[col('mentionedBy:string[]')].split(';')).toHaveLength(3);
    expect(nr.find((r) => r[0] === '398-BC/TU')![1]).toBe('Document;Input');
    expect(neo4jType('based-on')).toBe('BASED_ON');
  });

  it('DOT names every node and edge once, escaped', () => {
    const dot = toDot(g);
    expect(dot.startsWith('digraph citations {')).toBe(true);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    const edgeLines = dot.split('\n').filter((l) => / -> /.test(l));
    expect(edgeLines).toHaveLength(g.edges.length);
    expect(dot).toContain('"82/2024/NĐ-CP" -> "73/2019/NĐ-CP" [label="amends"');
    const tricky = g.nodes.find((x) => x.key.startsWith('tricky'))!;
    expect(dot).toContain(`"tricky \\"id\\", <x> & 'y'\\nline"`);
    expect(tricky).toBeDefined();
    // Every quoted string is closed on its line.
    for (const line of dot.split('\n')) expect((line.replace(/\\\\/g, '').replace(/\\"/g, '').match(/"/g) ?? []).length % 2).toBe(0);
  });
});
