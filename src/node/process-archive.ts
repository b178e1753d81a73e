/**
 * `processArchive(source, options)`: every document of an archive through the
 * per-document pipeline on a pool of worker threads, as an async iterable of
 * results.
 *
 * Flow: a reader task pulls items from the source into a queue; whenever a
 * worker has room (two batches in flight each), the queue is cut into a batch
 * (up to `batchBytes` / `batchDocs`: small documents travel together, one
 * big document goes alone) and sent; results come back per batch and go to
 * the consumer as they finish, or in input order with `ordered`.
 *
 * Memory: every document counts against `maxPendingDocs` / `maxPendingBytes`
 * from the moment it is read until the consumer takes its result, and the
 * reader waits while the bounds are reached. A slow consumer therefore slows
 * the readers; the reorder buffer of `ordered` lives inside the same bounds.
 *
 * Faults: unreadable, binary or badly encoded documents come out as results
 * with `error` set. A worker that dies or hangs is replaced; the document it
 * was working on comes out once with error `crash` or `timeout` (it is not
 * retried: a document that kills a worker would likely kill the next), and
 * the other documents of its batches are sent again, so each comes out
 * exactly once.
 */
import { availableParallelism } from 'node:os';
import { describe } from '../errors.js';
import type { DocDigest } from '../graph/document.js';
import type { DocumentError, DocumentResult, ResolvedProcessArchiveOptions } from '../schema.js';
import { ProcessArchiveOptionsSchema, type ProcessArchiveOptions } from '../schema.js';
import type { ErrorItem, FileItem, RecordItem, SourceItem, TextItem } from './archive/items.js';
import { itemSize } from './archive/items.js';
import { recordId } from './archive/jsonl.js';
import { openSource, type ArchiveSource, type OpenedSource } from './archive/sources.js';
import { Deque } from './deque.js';
import { handlerUrl, WorkerPool, type Loss, type PoolBatch } from './pool/pool.js';
import type { OutputMode, WireItem, WireResult } from './pool/protocol.js';

/** Live counters of a run (read them while iterating, e.g. for a progress bar). */
export interface ArchiveStats {
  /** Results produced so far (processed and failed). */
  documents: number;
  failed: number;
  references: number;
  /** Input bytes of the results produced so far. */
  bytes: number;
  /** Documents left out by `skip`. */
  skipped: number;
  /** Documents read but whose results the consumer has not taken yet. */
  pending: number;
  /** Milliseconds from the first `next()` to the first result, once there is one. */
  firstResultMs: number | null;
  /** Worker threads. */
  workers: number;
  /** Workers replaced after a crash or timeout. */
  restarts: number;
  /** Batches sent to the workers (documents / batches: how well small documents are grouped). */
  batches: number;
}

/** An async iterable of results with its live counters. */
export interface ArchiveRun<R> extends AsyncIterableIterator<R> {
  readonly stats: Readonly<ArchiveStats>;
  /** Total input bytes when known up front (paths), else null; starts a size scan on first call. */
  totalBytes(): Promise<number | null>;
}

/** A result serialized by the worker (`processArchiveJsonl`). */
export interface JsonlResult {
  id: string;
  file?: string;
  bytes: number;
  /** Number of references found. */
  references: number;
  /** The JSONL lines for this document, UTF-8 (empty for none, and for a failed document). */
  jsonl: Uint8Array;
  error?: DocumentError;
}

/**
 * Runs every document of `source` through the pipeline (references, header,
 * and with `text: true` the restored text) on worker threads.
 *
 * `source`: a directory (walked recursively), a file, a JSONL archive
 * (`.jsonl`, `.ndjson`, gzipped or not), a list of those, a Node stream of
 * JSONL, `{ jsonl: stream, name }`, or `{ documents: iterable of { id, text } }`.
 */
export function processArchive(source: ArchiveSource, options?: ProcessArchiveOptions): ArchiveRun<DocumentResult> {
  const opts = parseOptions('processArchive', options);
  return new ArchiveRunner(openSource(source, opts), opts, 'objects', toDocumentResult);
}

/**
 * Like `processArchive`, but the workers also serialize each result as JSONL
 * (one line per reference, or one line per document with `records:
 * 'documents'`) in UTF-8 bytes, so writing the output costs the main thread
 * no encoding. Every line starts with `{"doc":ID` (and `"file":PATH` when the
 * document came from a file).
 */
export function processArchiveJsonl(
  source: ArchiveSource,
  options?: ProcessArchiveOptions & { records?: 'references' | 'documents' },
): ArchiveRun<JsonlResult> {
  const { records = 'references', ...rest } = options ?? {};
  if (records !== 'references' && records !== 'documents') {
    throw new TypeError(`processArchiveJsonl: option "records" must be 'references' or 'documents', got ${JSON.stringify(records)}`);
  }
  const opts = parseOptions('processArchiveJsonl', rest);
  return new ArchiveRunner(openSource(source, opts), opts, records, toJsonlResult);
}

/** A document's citation-graph digest, made in a worker (`digestArchive`). */
export interface DigestResult {
  id: string;
  file?: string;
  bytes: number;
  /** The graph builder's digest of the document (`addDigest` folds it into a graph state). */
  digest?: DocDigest;
  error?: DocumentError;
}

/**
 * The citation graph's per-document work (`CitationGraphBuilder.add` without
 * the folding) on the worker pool, for `vnref graph --jobs`: yields each
 * document's digest, to be folded into a graph state in the main thread.
 */
export function digestArchive(
  source: ArchiveSource,
  options?: ProcessArchiveOptions & { shortForms?: boolean; statedRelations?: boolean },
): ArchiveRun<DigestResult> {
  const { shortForms = true, statedRelations = true, ...rest } = options ?? {};
  if (rest.handler !== undefined) throw new TypeError('digestArchive: option "handler" is not available here');
  const opts = parseOptions('digestArchive', rest);
  const toDigest = (w: WireResult): DigestResult => {
    const r: DigestResult = { id: w.id, bytes: w.bytes };
    if (w.file !== undefined) r.file = w.file;
    if (w.error) r.error = w.error;
    else r.digest = w.data as DocDigest;
    return r;
  };
  return new ArchiveRunner(
    openSource(source, opts),
    opts,
    'objects',
    toDigest,
    { handler: 'builtin:graph', options: { shortForms, statedRelations } },
    (w) => (w.data as DocDigest | undefined)?.mentions?.length ?? 0,
  );
}

function parseOptions(fn: string, options: unknown): ResolvedProcessArchiveOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new TypeError(`${fn}: argument "options" must be an object, got ${describe(options)}`);
  }
  const parsed = ProcessArchiveOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? `"${i.path.join('.')}"` : 'options'}: ${i.message}`);
    throw new TypeError(`${fn}: invalid options: ${issues.join('; ')}`);
  }
  return parsed.data;
}

function toDocumentResult(w: WireResult, _output?: Uint8Array | null): DocumentResult {
  const r: DocumentResult = { id: w.id, references: w.references ?? [], header: w.header ?? null, bytes: w.bytes };
  if (w.file !== undefined) r.file = w.file;
  if (w.text !== undefined) r.text = w.text;
  if (w.data !== undefined) r.data = w.data;
  if (w.error) r.error = w.error;
  return r;
}

const NO_BYTES = new Uint8Array(0);

function toJsonlResult(w: WireResult, output: Uint8Array | null): JsonlResult {
  const jsonl = output && w.outEnd !== undefined && w.outEnd > w.outStart! ? output.subarray(w.outStart, w.outEnd) : NO_BYTES;
  const r: JsonlResult = { id: w.id, bytes: w.bytes, references: w.count, jsonl };
  if (w.file !== undefined) r.file = w.file;
  if (w.error) r.error = w.error;
  return r;
}

type WorkItem = FileItem | RecordItem | TextItem;

interface Queued {
  seq: number;
  item: WorkItem;
  size: number;
}

interface Finished<R> {
  result: R;
  size: number;
}

class ArchiveRunner<R> implements ArchiveRun<R> {
  readonly stats: ArchiveStats;
  private readonly ready = new Deque<Queued>();
  private readonly retry = new Deque<Queued>();
  private readonly output = new Deque<Finished<R>>();
  private readonly reorder = new Map<number, Finished<R>>();
  private nextOut = 0;
  private nextSeq = 0;
  private nextToken = 1;
  private pendingBytes = 0;
  private pool: WorkerPool<Queued> | null = null;
  private started = false;
  private readerDone = false;
  private stopped = false;
  private finished = false;
  private failure: unknown = null;
  private aborted = false;
  private startedAt = 0;
  private wakeConsumer: (() => void) | null = null;
  private wakeReader: (() => void) | null = null;
  private iterator: AsyncIterator<SourceItem[]> | null = null;
  private readonly onAbort = () => this.abort();
  private readonly maxPendingBytes: number;

  constructor(
    private readonly source: OpenedSource,
    private readonly opts: ResolvedProcessArchiveOptions,
    private readonly mode: OutputMode,
    private readonly shape: (w: WireResult, output: Uint8Array | null) => R,
    /** A built-in handler and its settings (used instead of `opts.handler`). */
    private readonly builtin: { handler: string; options: Record<string, unknown> } | null = null,
    /** References a result counts for in `stats.references`. */
    private readonly countOf: (w: WireResult) => number = (w) => w.count,
  ) {
    const jobs = opts.jobs ?? Math.max(1, availableParallelism());
    this.maxPendingBytes = opts.maxPendingBytes ?? Math.max(8, jobs) * 1024 * 1024;
    this.stats = {
      documents: 0,
      failed: 0,
      references: 0,
      bytes: 0,
      skipped: 0,
      pending: 0,
      firstResultMs: null,
      workers: jobs,
      restarts: 0,
      batches: 0,
    };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  totalBytes(): Promise<number | null> {
    return this.source.totalBytes();
  }

  async next(): Promise<IteratorResult<R>> {
    if (!this.started) this.start();
    for (;;) {
      const done = this.output.shift();
      if (done) {
        this.stats.pending--;
        this.pendingBytes -= done.size;
        this.wake('reader');
        return { value: done.result, done: false };
      }
      if (this.failure !== null) {
        const err = this.failure;
        this.failure = null;
        await this.shutdown();
        throw err;
      }
      if (this.aborted) {
        await this.shutdown();
        throw this.opts.signal?.reason ?? abortError();
      }
      if (this.finished || this.isComplete()) {
        await this.shutdown();
        return { value: undefined, done: true };
      }
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }

  async return(): Promise<IteratorResult<R>> {
    await this.shutdown();
    this.output.clear();
    return { value: undefined, done: true };
  }

  private start(): void {
    this.started = true;
    this.startedAt = performance.now();
    const signal = this.opts.signal;
    if (signal?.aborted) {
      this.aborted = true;
      return;
    }
    signal?.addEventListener('abort', this.onAbort, { once: true });
    this.pool = new WorkerPool<Queued>(
      {
        size: this.stats.workers,
        timeoutMs: this.opts.timeoutMs,
        heapMb: this.opts.workerHeapMb,
        init: {
          handler: this.builtin?.handler ?? (this.opts.handler === undefined ? null : handlerUrl(this.opts.handler)),
          config: {
            input: this.opts.input,
            text: this.opts.text,
            minConfidence: this.opts.minConfidence,
            ...(this.builtin ? { options: this.builtin.options } : {}),
          },
          output: this.mode,
        },
      },
      {
        done: (batch, results, output) => this.onDone(batch, results, output),
        lost: (batch, loss) => this.onLost(batch, loss),
        ready: () => this.pump(),
        fatal: (err) => {
          this.failure = err;
          this.stop();
        },
      },
    );
    void this.read();
  }

  private isComplete(): boolean {
    return (
      this.readerDone &&
      this.ready.length === 0 &&
      this.retry.length === 0 &&
      (this.pool === null || this.pool.inflight === 0) &&
      this.output.length === 0 &&
      this.reorder.size === 0
    );
  }

  private overLimit(): boolean {
    return this.stats.pending > 0 && (this.stats.pending >= this.opts.maxPendingDocs || this.pendingBytes >= this.maxPendingBytes);
  }

  /** The reader task: source → queue, waiting while the bounds are reached. */
  private async read(): Promise<void> {
    const skip = this.opts.skip;
    try {
      this.iterator = this.source.items[Symbol.asyncIterator]();
      for (;;) {
        const next = await this.iterator.next();
        if (next.done || this.stopped) break;
        for (const item of next.value) {
          if (this.stopped) break;
          if (skip && skip(item.kind === 'record' ? recordId(item) : item.id)) {
            this.stats.skipped++;
            continue;
          }
          while (this.overLimit() && !this.stopped) {
            this.pump();
            await new Promise<void>((resolve) => (this.wakeReader = resolve));
          }
          if (this.stopped) break;
          const size = itemSize(item);
          const seq = this.nextSeq++;
          this.stats.pending++;
          this.pendingBytes += size;
          if (item.kind === 'error') {
            const wire = errorResult(item);
            this.complete(seq, size, wire, this.shape(wire, null));
          }
          else this.ready.push({ seq, item, size });
        }
        this.pump();
      }
    } catch (err) {
      this.failure ??= err;
      this.stop();
    } finally {
      this.readerDone = true;
      this.pump();
      this.wake('consumer');
    }
  }

  /** Sends batches while workers have room. */
  private pump(): void {
    const pool = this.pool;
    if (!pool || this.stopped) return;
    while ((this.retry.length > 0 || this.ready.length > 0) && pool.hasRoom()) {
      pool.send(this.cut());
      this.stats.batches++;
    }
    if (this.isComplete()) this.wake('consumer');
  }

  /** The next batch: retried documents first, then the queue, up to the batch bounds. */
  private cut(): PoolBatch<Queued> {
    const items: Queued[] = [];
    let bytes = 0;
    let byteItems = 0;
    const { batchBytes, batchDocs } = this.opts;
    for (const queue of [this.retry, this.ready]) {
      while (queue.length > 0 && items.length < batchDocs) {
        const q = queue.peek()!;
        if (items.length > 0 && bytes + q.size > batchBytes) break;
        queue.shift();
        items.push(q);
        bytes += q.size;
        if (q.item.kind !== 'text') byteItems += q.item.bytes.byteLength;
      }
      if (items.length >= batchDocs || bytes >= batchBytes) break;
    }
    const buffer = byteItems > 0 ? new Uint8Array(byteItems) : null;
    let at = 0;
    const wire: WireItem[] = items.map(({ item }) => {
      if (item.kind === 'text') return { k: 2, id: item.id, text: item.text, bytes: item.bytes };
      const start = at;
      buffer!.set(item.bytes, at);
      at += item.bytes.byteLength;
      return item.kind === 'file'
        ? { k: 0, id: item.id, file: item.file, start, end: at }
        : { k: 1, file: item.file, line: item.line, start, end: at };
    });
    return { token: this.nextToken++, items, wire, buffer };
  }

  private onDone(batch: PoolBatch<Queued>, results: WireResult[], output: ArrayBuffer | null): void {
    try {
      const bytes = output ? new Uint8Array(output) : null;
      for (let i = 0; i < batch.items.length; i++) {
        const q = batch.items[i];
        this.complete(q.seq, q.size, results[i], this.shape(results[i], bytes));
      }
    } catch (err) {
      this.fail(err);
    }
  }

  /** A bug of ours in an event handler: the run ends with it instead of hanging. */
  private fail(err: unknown): void {
    this.failure ??= err;
    this.stop();
    this.wake('consumer');
  }

  private onLost(batch: PoolBatch<Queued>, loss: Loss): void {
    try {
      this.requeue(batch, loss);
    } catch (err) {
      this.fail(err);
    }
  }

  private requeue(batch: PoolBatch<Queued>, loss: Loss): void {
    this.stats.restarts = this.pool?.restarts ?? this.stats.restarts;
    for (let i = 0; i < batch.items.length; i++) {
      const q = batch.items[i];
      if (i !== loss.culprit) {
        this.retry.push(q);
        continue;
      }
      const item = q.item;
      const id = item.kind === 'record' ? recordId(item) : item.id;
      const file = item.kind === 'text' ? undefined : item.file;
      const error: DocumentError = { code: loss.kind, message: loss.reason };
      const wire: WireResult = file === undefined ? { id, bytes: q.size, count: 0, error } : { id, file, bytes: q.size, count: 0, error };
      this.complete(q.seq, q.size, wire, this.shape(wire, null));
    }
  }

  private complete(seq: number, size: number, wire: WireResult, result: R): void {
    const s = this.stats;
    s.documents++;
    s.bytes += size;
    if (wire.error) s.failed++;
    else s.references += this.countOf(wire);
    if (s.firstResultMs === null) s.firstResultMs = performance.now() - this.startedAt;
    if (!this.opts.ordered) {
      this.output.push({ result, size });
    } else {
      this.reorder.set(seq, { result, size });
      for (let f = this.reorder.get(this.nextOut); f !== undefined; f = this.reorder.get(this.nextOut)) {
        this.reorder.delete(this.nextOut++);
        this.output.push(f);
      }
    }
    this.wake('consumer');
  }

  private wake(who: 'consumer' | 'reader'): void {
    const fn = who === 'consumer' ? this.wakeConsumer : this.wakeReader;
    if (who === 'consumer') this.wakeConsumer = null;
    else this.wakeReader = null;
    fn?.();
  }

  private abort(): void {
    if (this.finished) return;
    this.aborted = true;
    this.stop();
  }

  /** Stops reading and the workers; results already finished stay in `output`. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ready.clear();
    this.retry.clear();
    // Results held back for order behind a document that will never finish are dropped with it.
    this.reorder.clear();
    void this.pool?.close();
    void this.iterator?.return?.();
    this.source.close?.();
    this.wake('reader');
    this.wake('consumer');
  }

  private async shutdown(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    this.stop();
    if (this.pool) {
      this.stats.restarts = this.pool.restarts;
      await this.pool.close();
    }
  }
}

function errorResult(item: ErrorItem): WireResult {
  return item.file === undefined
    ? { id: item.id, bytes: item.bytes, count: 0, error: item.error }
    : { id: item.id, file: item.file, bytes: item.bytes, count: 0, error: item.error };
}

function abortError(): Error {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}
