/**
 * The worker's side of a batch, as a plain function (tested without threads):
 * decode each item, run the per-document function, shape the result.
 */
import type { DocumentError } from '../../schema.js';
import { readFileBytes, readRecordBytes, readText, type ReadDocument } from '../archive/read-item.js';
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
  if (input.error) return { result: failure(input.id, input.file, input.bytes, input.error) };
  let analysis: DocumentAnalysis;
  try {
    analysis = fn(input.text, input.file === undefined ? { id: input.id } : { id: input.id, file: input.file });
  } catch (err) {
    const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { result: failure(input.id, input.file, input.bytes, { code: 'failed', message: msg }) };
  }
  return shape(input.id, input.file, input.bytes, analysis, output);
}

/** An item off the wire, read as archive/read-item.ts reads every document. */
function readItem(item: WireItem, buffer: ArrayBuffer | null): ReadDocument {
  if (item.k === 2) return readText(item.id, item.text, item.bytes);
  const bytes = new Uint8Array(buffer!, item.start, item.end - item.start);
  return item.k === 0 ? readFileBytes(item.id, item.file, bytes) : readRecordBytes(item.file, item.line, bytes);
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
