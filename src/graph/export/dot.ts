/**
 * Graphviz DOT: one node per document (input documents filled, nodes with
 * conflicting sources outlined red, ambiguous ones dashed), one edge per
 * relation labelled with it and its count.
 */
import type { CitationGraph } from '../build.js';

/** A DOT double-quoted string. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}

const RELATION_STYLE: Record<string, string> = {
  implements: 'color="#1f77b4"',
  'based-on': 'color="#2ca02c"',
  amends: 'color="#ff7f0e"',
  replaces: 'color="#d62728"',
  repeals: 'color="#8c564b"',
  guides: 'color="#9467bd"',
  refers: 'color="#7f7f7f", style=dotted',
};

export function toDot(graph: CitationGraph): string {
  const lines = [
    'digraph citations {',
    '  graph [rankdir=LR, overlap=false];',
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=8];',
  ];
  for (const n of graph.nodes) {
    const a = n.attributes;
    const sub = [a.docType, a.date].filter(Boolean).join(' · ');
    const label = sub ? `${a.label}\n${sub}` : a.label;
    const attrs = [`label=${dotString(label)}`];
    const tip = [a.issuer, a.topic].filter(Boolean).join(': ');
    if (tip) attrs.push(`tooltip=${dotString(tip)}`);
    const style = ['rounded'];
    if (a.input) {
      style.push('filled');
      attrs.push('fillcolor="#e8f0fe"');
    }
    if (a.ambiguous) style.push('dashed');
    if (a.conflict || a.idCollision) attrs.push('color="#d62728"', 'penwidth=2');
    attrs.push(`style=${dotString(style.join(','))}`);
    lines.push(`  ${dotString(n.key)} [${attrs.join(', ')}];`);
  }
  for (const e of graph.edges) {
    const a = e.attributes;
    const label = a.count > 1 ? `${a.relation} ×${a.count}` : a.relation;
    const attrs = [`label=${dotString(label)}`, RELATION_STYLE[a.relation] ?? ''];
    if (a.stated === 'text') attrs.push('arrowhead=empty');
    lines.push(`  ${dotString(e.source)} -> ${dotString(e.target)} [${attrs.filter(Boolean).join(', ')}];`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
