/**
 * CSV for Neo4j: `nodes.csv` and `edges.csv` with neo4j-admin import headers
 * (`key:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed columns such as
 * `mentions:int`, arrays as `documents:string[]` joined by ";"). The same files
 * load with `LOAD CSV WITH HEADERS` (columns are then named by the header,
 * e.g. `row.\`key:ID\``). RFC 4180 quoting.
 *
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv
 */
import type { CitationGraph } from '../build.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type Scalar } from './flatten.js';

export function csvField(v: Scalar): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function header<T>(c: Column<T>): string {
  if (c.array) return `${c.name}:${c.type === 'string' ? 'string' : c.type}[]`;
  if (c.type === 'string') return c.name;
  return `${c.name}:${c.type}`;
}

function cell<T>(c: Column<T>, x: T): string {
  const v = c.get(x);
  if (Array.isArray(v)) return csvField(v.map((s) => s.replace(/;/g, ',')).join(';'));
  return csvField(v);
}

/** Neo4j relationship type of a relation: `based-on` → `BASED_ON`. */
export function neo4jType(relation: string): string {
  return relation.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export function toNeo4jCsv(graph: CitationGraph): { nodes: string; edges: string } {
  const nodeLines = [['key:ID', ':LABEL', ...NODE_COLUMNS.map(header)].join(',')];
  for (const n of graph.nodes) {
    const labels = ['Document', n.attributes.input ? 'Input' : null, n.attributes.mentions > 0 ? 'Cited' : null].filter(Boolean).join(';');
    nodeLines.push([csvField(n.key), labels, ...NODE_COLUMNS.map((c) => cell(c, n))].join(','));
  }
  const edgeLines = [[':START_ID', ':END_ID', ':TYPE', ...EDGE_COLUMNS.map(header)].join(',')];
  for (const e of graph.edges) {
    edgeLines.push([csvField(e.source), csvField(e.target), neo4jType(e.attributes.relation), ...EDGE_COLUMNS.map((c) => cell(c, e))].join(','));
  }
  return { nodes: nodeLines.join('\n') + '\n', edges: edgeLines.join('\n') + '\n' };
}
