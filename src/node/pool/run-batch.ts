/**
 * The worker's side of a batch, as a plain function (tested without threads):
 * decode each item, run the per-document function, shape the result.
 */
import { Buffer } from 'node:buffer';
import type { DocumentError } from '../../schema.js';
import { binaryTextReason, decodeDocument, decodeUtf8 } from '../archive/decode.js';
import { idOf } from '../archive/jsonl.js';
import { lineId } from '../archive/items.js';
import type { BatchMessage, DocumentAnalysis, DocumentFunction, OutputMode, WireItem, WireResult } from './protocol.js';

/**
 * JSONL text of a batch's results, encoded to UTF-8 into one growing scratch
 * buffer (reused from batch to batch) and copied out once per batch: the main
 * thread then writes bytes without encoding or copying strings.
 */
class OutputBytes {
  private static readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(1 << 20);
  private used = 0;

  /** Appends `text`; returns its [start, end) in the output. */
  add(text: string): [number, number] {
    const start = this.used;
    const need = start + text.length * 3;
    if (need > this.scratch.length) {
      const grown = new Uint8Array(Math.max(need, this.scratch.length * 2));
      grown.set(this.scratch.subarray(0, start));
      this.scratch = grown;
    }
    this.used += OutputBytes.encoder.encodeInto(text, this.scratch.subarray(start)).written;
    return [start, this.used];
  }

  /** The bytes added since the last take, in a buffer of their own (to transfer). */
  take(): ArrayBuffer | null {
    if (this.used === 0) return null;
    const out = this.scratch.slice(0, this.used).buffer;
    this.used = 0;
    if (this.scratch.length > 16 << 20) this.scratch = new Uint8Array(1 << 20); // do not keep a huge one
    return out;
  }
}

const outputBytes = new OutputBytes();

export interface BatchOutcome {
  results: WireResult[];
  /** UTF-8 JSONL of the results ('references' and 'documents' modes). */
  output: ArrayBuffer | null;
}

/** Runs `fn` over every item of `batch`; `onItem(i)` is called before item i starts. */
export function runBatch(
  batch: BatchMessage,
  fn: DocumentFunction,
  output: OutputMode,
  onItem: (index: number) => void = () => {},
): BatchOutcome {
  const results: WireResult[] = new Array(batch.items.length);
  for (let i = 0; i < batch.items.length; i++) {
    onItem(i);
    const r = runItem(batch.items[i], batch.buffer, fn, output);
    if (r.jsonl !== undefined) {
      if (r.jsonl.length > 0) [r.result.outStart, r.result.outEnd] = outputBytes.add(r.jsonl);
      else r.result.outStart = r.result.outEnd = 0;
    }
    results[i] = r.result;
  }
  return { results, output: output === 'objects' ? null : outputBytes.take() };
}

function runItem(
  item: WireItem,
  buffer: ArrayBuffer | null,
  fn: DocumentFunction,
  output: OutputMode,
): { result: WireResult; jsonl?: string } {
  const input = readItem(item, buffer);
  if ('error' in input) return { result: failure(input.id, input.file, input.bytes, input.error) };
  let analysis: DocumentAnalysis;
  try {
    analysis = fn(input.text, input.file === undefined ? { id: input.id } : { id: input.id, file: input.file });
  } catch (err) {
    const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { result: failure(input.id, input.file, input.bytes, { code: 'failed', message: msg }) };
  }
  return shape(input.id, input.file, input.bytes, analysis, output);
}

type Input =
  | { id: string; file?: string; bytes: number; text: string }
  | { id: string; file?: string; bytes: number; error: DocumentError };

function readItem(item: WireItem, buffer: ArrayBuffer | null): Input {
  if (item.k === 2) {
    const binary = binaryTextReason(item.text);
    return binary
      ? { id: item.id, bytes: item.bytes, error: { code: 'binary', message: binary } }
      : { id: item.id, bytes: item.bytes, text: item.text };
  }
  const bytes = new Uint8Array(buffer!, item.start, item.end - item.start);
  if (item.k === 0) {
    const decoded = decodeDocument(bytes);
    return decoded.error
      ? { id: item.id, file: item.file, bytes: bytes.length, error: decoded.error }
      : { id: item.id, file: item.file, bytes: bytes.length, text: decoded.text };
  }
  return readRecord(item, bytes);
}

/** A JSONL line: UTF-8, a JSON object with a string `text`; its `id` (string or number) names it. */
function readRecord(item: { file: string; line: number }, bytes: Uint8Array): Input {
  const file = item.file;
  const n = bytes.length;
  const fallback = lineId(file, item.line);
  const json = decodeUtf8(bytes);
  if (json === null) {
    return { id: fallback, file, bytes: n, error: { code: 'encoding', message: `line ${item.line}: not UTF-8` } };
  }
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { id: fallback, file, bytes: n, error: { code: 'invalid-record', message: `line ${item.line}: not JSON (${why})` } };
  }
  const id = idOf(record, item);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { id, file, bytes: n, error: { code: 'invalid-record', message: `line ${item.line}: not a JSON object` } };
  }
  const text = (record as { text?: unknown }).text;
  if (typeof text !== 'string') {
    return { id, file, bytes: n, error: { code: 'invalid-record', message: `line ${item.line}: no string "text" field` } };
  }
  // JSON has control characters only as escapes (and DEL raw): without those bytes, no need to scan the text.
  if (mayHoldControl(bytes)) {
    const binary = binaryTextReason(text);
    if (binary) return { id, file, bytes: n, error: { code: 'binary', message: `line ${item.line}: ${binary}` } };
  }
  return { id, file, bytes: n, text };
}

/**
 * False when a JSON line cannot hold a control character: no escape
 * `\u0000`-`\u001F` or `\u007F`, no `\b`, no raw DEL. (Escaped letters,
 * `\u00e0` and the like, are told apart by the digit after `\u00`.)
 */
function mayHoldControl(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.indexOf(0x7f) !== -1 || b.indexOf('\\b') !== -1) return true;
  for (let at = b.indexOf('\\u00'); at !== -1; at = b.indexOf('\\u00', at + 4)) {
    const d = b[at + 4];
    if (d === 0x30 || d === 0x31 || (d === 0x37 && (b[at + 5] | 0x20) === 0x66)) return true;
  }
  return false;
}

function failure(id: string, file: string | undefined, bytes: number, error: DocumentError): WireResult {
  return file === undefined ? { id, bytes, count: 0, error } : { id, file, bytes, count: 0, error };
}

function shape(
  id: string,
  file: string | undefined,
  bytes: number,
  a: DocumentAnalysis,
  output: OutputMode,
): { result: WireResult; jsonl?: string } {
  const count = a.references.length;
  const result: WireResult = file === undefined ? { id, bytes, count } : { id, file, bytes, count };
  if (output === 'objects') {
    result.references = a.references;
    result.header = a.header;
    if (a.text !== undefined) result.text = a.text;
    if (a.data !== undefined) result.data = a.data;
    return { result };
  }
  return { result, jsonl: output === 'references' ? referenceLines(id, file, a) : documentLine(id, file, a) };
}

/** `{"doc":ID,"file":FILE,` — the head every output record starts with (`doc` first, so resume reads it cheaply). */
function recordHead(id: string, file: string | undefined): string {
  return `{"doc":${JSON.stringify(id)}${file === undefined ? '' : `,"file":${JSON.stringify(file)}`}`;
}

function referenceLines(id: string, file: string | undefined, a: DocumentAnalysis): string {
  if (a.references.length === 0) return '';
  const head = recordHead(id, file);
  let out = '';
  for (const ref of a.references) {
    const body = JSON.stringify(ref);
    out += body === '{}' ? `${head}}\n` : `${head},${body.slice(1)}\n`;
  }
  return out;
}

function documentLine(id: string, file: string | undefined, a: DocumentAnalysis): string {
  let out = `${recordHead(id, file)},"header":${JSON.stringify(a.header)},"references":${JSON.stringify(a.references)}`;
  if (a.text !== undefined) out += `,"text":${JSON.stringify(a.text)}`;
  return out + '}\n';
}
