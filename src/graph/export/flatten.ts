/**
 * Flat (scalar) views of node and edge attributes for the formats that hold
 * only scalars (GraphML, CSV, DOT): lists and maps become JSON text.
 */
import type { GraphEdgeAttributes, GraphNodeAttributes } from '../../schema.js';

export type Scalar = string | number | boolean | null;
export type ScalarType = 'string' | 'int' | 'boolean';

export interface Column<T> {
  name: string;
  type: ScalarType;
  /** neo4j-admin array column (`name:string[]`, items joined by ";"). */
  array?: boolean;
  get(x: T): Scalar | string[];
}

export const NODE_COLUMNS: ReadonlyArray<Column<{ key: string; attributes: GraphNodeAttributes }>> = [
  { name: 'label', type: 'string', get: (n) => n.attributes.label },
  { name: 'id', type: 'string', get: (n) => n.attributes.id },
  { name: 'family', type: 'string', get: (n) => n.attributes.family },
  { name: 'docType', type: 'string', get: (n) => n.attributes.docType },
  { name: 'typeCode', type: 'string', get: (n) => n.attributes.typeCode },
  { name: 'issuerCode', type: 'string', get: (n) => n.attributes.issuerCode },
  { name: 'issuer', type: 'string', get: (n) => n.attributes.issuer },
  { name: 'date', type: 'string', get: (n) => n.attributes.date },
  { name: 'topic', type: 'string', get: (n) => n.attributes.topic },
  { name: 'mentions', type: 'int', get: (n) => n.attributes.mentions },
  { name: 'citedBy', type: 'int', get: (n) => n.attributes.mentionedBy.length },
  { name: 'input', type: 'boolean', get: (n) => n.attributes.input },
  { name: 'conflict', type: 'boolean', get: (n) => n.attributes.conflict },
  { name: 'conflicts', type: 'string', array: true, get: (n) => n.attributes.conflicts },
  { name: 'dates', type: 'string', get: (n) => JSON.stringify(n.attributes.dates) },
  { name: 'issuers', type: 'string', get: (n) => JSON.stringify(n.attributes.issuers) },
  { name: 'forms', type: 'string', get: (n) => JSON.stringify(n.attributes.forms) },
  { name: 'mentionedBy', type: 'string', array: true, get: (n) => n.attributes.mentionedBy },
  { name: 'keySource', type: 'string', get: (n) => n.attributes.keySource },
  { name: 'inputIds', type: 'string', array: true, get: (n) => n.attributes.inputIds },
  { name: 'contentHashes', type: 'string', array: true, get: (n) => n.attributes.contentHashes },
  { name: 'place', type: 'string', get: (n) => n.attributes.place },
  { name: 'idCollision', type: 'boolean', get: (n) => n.attributes.idCollision },
  { name: 'collidesWith', type: 'string', array: true, get: (n) => n.attributes.collidesWith },
  { name: 'ambiguous', type: 'boolean', get: (n) => n.attributes.ambiguous },
  { name: 'candidates', type: 'string', array: true, get: (n) => n.attributes.candidates },
];

export const EDGE_COLUMNS: ReadonlyArray<Column<{ key: string; attributes: GraphEdgeAttributes }>> = [
  { name: 'relation', type: 'string', get: (e) => e.attributes.relation },
  { name: 'stated', type: 'string', get: (e) => e.attributes.stated },
  { name: 'count', type: 'int', get: (e) => e.attributes.count },
  { name: 'documents', type: 'string', array: true, get: (e) => e.attributes.documents },
  { name: 'evidence', type: 'string', get: (e) => JSON.stringify(e.attributes.evidence) },
];

/** A column value as one scalar (arrays as JSON text). */
export function scalar(v: Scalar | string[]): Scalar {
  return Array.isArray(v) ? JSON.stringify(v) : v;
}
