/**
 * GraphML (http://graphml.graphdrawing.org/), as Gephi, yEd, Cytoscape and
 * graphology-graphml read it: typed <key> declarations, one <data> per
 * non-null attribute; lists and maps as JSON text.
 */
import type { CitationGraph } from '../build.js';
import { EDGE_COLUMNS, NODE_COLUMNS, scalar, type Column } from './flatten.js';

// XML 1.0 forbids most control characters and lone surrogates.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** For attribute values: also keeps line breaks and tabs (XML normalizes them to spaces otherwise). */
export function xmlAttr(s: string): string {
  return xmlEscape(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const GRAPHML_TYPE = { string: 'string', int: 'int', boolean: 'boolean' } as const;

function keys<T>(prefix: string, target: 'node' | 'edge', cols: ReadonlyArray<Column<T>>): string[] {
  return cols.map(
    (c, i) => `  <key id="${prefix}${i}" for="${target}" attr.name="${xmlAttr(c.name)}" attr.type="${GRAPHML_TYPE[c.type]}"/>`,
  );
}

function data<T>(prefix: string, cols: ReadonlyArray<Column<T>>, x: T, indent: string): string[] {
  const out: string[] = [];
  cols.forEach((c, i) => {
    const v = scalar(c.get(x));
    if (v === null) return;
    out.push(`${indent}<data key="${prefix}${i}">${xmlEscape(String(v)).replace(/\r/g, '&#13;')}</data>`);
  });
  return out;
}

export function toGraphML(graph: CitationGraph): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys('n', 'node', NODE_COLUMNS),
    ...keys('e', 'edge', EDGE_COLUMNS),
    '  <graph id="citations" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    lines.push(`    <node id="${xmlAttr(n.key)}">`, ...data('n', NODE_COLUMNS, n, '      '), '    </node>');
  }
  for (const e of graph.edges) {
    lines.push(
      `    <edge id="${xmlAttr(e.key)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}">`,
      ...data('e', EDGE_COLUMNS, e, '      '),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
