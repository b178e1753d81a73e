/**
 * A small worker pool on Node's worker_threads, made for the bulk path:
 *
 * - `size` workers, each with at most `depth` batches in flight (the next batch
 *   waits in the worker's queue, so it never idles on a round trip);
 * - a worker that dies (uncaught error, out of memory, `process.exit`) or
 *   hangs past `timeoutMs` on one document is replaced; the pool tells its
 *   owner which batches were lost and which item was being processed when it
 *   happened (read from the worker's shared progress array), so the owner can
 *   fail that one document and send the others again;
 * - a worker that dies before finishing anything, with no document to blame,
 *   three times in a row, is a fatal error (a broken install, a bad handler
 *   module): the pool stops instead of respawning forever.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchMessage, DoneMessage, WireItem, WireResult, WorkerInit } from './protocol.js';
import { PROGRESS_INDEX, PROGRESS_SINCE, PROGRESS_SLOTS, PROGRESS_TOKEN } from './protocol.js';

/** A batch as the pool sees it: the owner's items plus what goes on the wire. */
export interface PoolBatch<T> {
  token: number;
  items: T[];
  wire: WireItem[];
  /**
   * Bytes of the file and record items, concatenated (the wire items index
   * into it). Transferred to the worker on send (the pool sets it to null);
   * the owner keeps the items' own bytes, to build a new batch if this one is lost.
   */
  buffer: Uint8Array | null;
}

/** Why a batch did not come back. */
export interface Loss {
  /** Index of the item being processed when the worker died or hung, or -1 when none was. */
  culprit: number;
  kind: 'crash' | 'timeout';
  reason: string;
}

export interface PoolEvents<T> {
  done(batch: PoolBatch<T>, results: WireResult[], output: ArrayBuffer | null): void;
  lost(batch: PoolBatch<T>, loss: Loss): void;
  /** A worker has room for another batch. */
  ready(): void;
  fatal(error: Error): void;
}

export interface PoolOptions {
  size: number;
  depth?: number;
  timeoutMs?: number;
  /** Old-generation heap limit per worker (MB). */
  heapMb?: number;
  init: Omit<WorkerInit, 'progress' | 'epoch'>;
}

interface Slot<T> {
  worker: Worker;
  progress: Int32Array;
  inflight: Array<PoolBatch<T>>;
  finishedAny: boolean;
  /** Set when we end it on purpose (timeout, close): its exit is not a crash. */
  ending: { kind: 'crash' | 'timeout'; reason: string; culprit: number } | null;
  lastError: Error | null;
}

const MAX_STARTUP_FAILURES = 3;
/**
 * Young generation per worker (MB). V8's default (up to 3 x 16 MB semi-spaces
 * on 64-bit) lets each busy worker hold ~50 MB of short-lived garbage; 16 MB
 * saves ~25 MB per worker at no measurable cost in throughput (the pipeline's
 * garbage dies young).
 */
const YOUNG_GENERATION_MB = 16;

export class WorkerPool<T> {
  private readonly slots: Array<Slot<T>> = [];
  private readonly depth: number;
  private readonly epoch = Date.now();
  private readonly entry = workerEntry();
  private startupFailures = 0;
  private closed = false;
  private watchdog: NodeJS.Timeout | null = null;
  /** Workers replaced after a crash or timeout. */
  restarts = 0;

  constructor(
    private readonly options: PoolOptions,
    private readonly events: PoolEvents<T>,
  ) {
    this.depth = Math.max(1, options.depth ?? 2);
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
    const timeout = options.timeoutMs ?? 0;
    if (timeout > 0) {
      this.watchdog = setInterval(() => this.checkTimeouts(timeout), Math.min(1000, Math.max(10, timeout / 10)));
      this.watchdog.unref();
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Batches in flight over all workers. */
  get inflight(): number {
    let n = 0;
    for (const s of this.slots) n += s.inflight.length;
    return n;
  }

  /** True when some worker can take another batch. */
  hasRoom(): boolean {
    return !this.closed && this.slots.some((s) => s.ending === null && s.inflight.length < this.depth);
  }

  /** Sends a batch to the least busy worker; false when none has room. */
  send(batch: PoolBatch<T>): boolean {
    let best: Slot<T> | null = null;
    for (const s of this.slots) {
      if (s.ending === null && s.inflight.length < this.depth && (!best || s.inflight.length < best.inflight.length)) best = s;
    }
    if (!best || this.closed) return false;
    const msg: BatchMessage = { type: 'batch', token: batch.token, buffer: null, items: batch.wire };
    const transfer: ArrayBuffer[] = [];
    if (batch.buffer) {
      const buf = batch.buffer;
      if (buf.byteOffset !== 0 || buf.byteLength !== buf.buffer.byteLength || !(buf.buffer instanceof ArrayBuffer)) {
        throw new Error('WorkerPool.send: a batch buffer must own its whole ArrayBuffer');
      }
      msg.buffer = buf.buffer;
      transfer.push(buf.buffer);
      batch.buffer = null;
    }
    best.inflight.push(batch);
    best.worker.postMessage(msg, transfer);
    return true;
  }

  /** Stops every worker (in-flight batches are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(
      this.slots.map((s) => {
        s.ending ??= { kind: 'crash', reason: 'closed', culprit: -1 };
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot<T> {
    const progress = new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * 4));
    progress[PROGRESS_TOKEN] = -1;
    progress[PROGRESS_INDEX] = -1;
    const workerData: WorkerInit = { ...this.options.init, progress: progress.buffer as SharedArrayBuffer, epoch: this.epoch };
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.options.heapMb ?? 1024 };
    const worker = this.entry.ts
      ? new Worker(tsBootstrap(this.entry.url), { eval: true, workerData, resourceLimits })
      : new Worker(this.entry.url, { workerData, resourceLimits });
    const slot: Slot<T> = { worker, progress, inflight: [], finishedAny: false, ending: null, lastError: null };
    worker.on('message', (msg: DoneMessage) => this.onMessage(slot, msg));
    worker.on('error', (err) => {
      slot.lastError = err;
    });
    worker.on('messageerror', (err) => {
      slot.lastError = err;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot<T>, msg: DoneMessage): void {
    if (msg?.type !== 'done') return;
    const at = slot.inflight.findIndex((b) => b.token === msg.token);
    if (at === -1) return;
    const [batch] = slot.inflight.splice(at, 1);
    slot.finishedAny = true;
    this.startupFailures = 0;
    this.events.done(batch, msg.results, msg.output);
    if (!this.closed && slot.ending === null) this.events.ready();
  }

  private onExit(slot: Slot<T>, code: number): void {
    const index = this.slots.indexOf(slot);
    if (index === -1 || this.closed) return;
    const ending = slot.ending;
    const lost = slot.inflight.splice(0);
    let culprit = -1;
    let culpritToken = -1;
    if (ending && ending.culprit >= 0) {
      culprit = ending.culprit;
      culpritToken = lost[0]?.token ?? -1;
    } else {
      const token = Atomics.load(slot.progress, PROGRESS_TOKEN);
      const i = Atomics.load(slot.progress, PROGRESS_INDEX);
      const first = lost[0];
      if (first && token === first.token && i >= 0 && i < first.items.length) {
        culprit = i;
        culpritToken = token;
      }
    }
    const reason =
      ending?.reason ??
      (slot.lastError
        ? `worker crashed: ${slot.lastError.message}`
        : `worker exited with code ${code}`);
    const kind = ending?.kind ?? 'crash';
    if (culprit === -1 && !slot.finishedAny && !ending) {
      this.startupFailures++;
      if (this.startupFailures >= MAX_STARTUP_FAILURES) {
        this.closed = true;
        this.events.fatal(new Error(`bulk worker failed ${MAX_STARTUP_FAILURES} times in a row before finishing any batch: ${reason}`));
        for (const s of this.slots) if (s !== slot) void s.worker.terminate();
        return;
      }
    }
    this.restarts++;
    this.slots[index] = this.spawn();
    for (const batch of lost) {
      this.events.lost(batch, { culprit: batch.token === culpritToken ? culprit : -1, kind, reason });
    }
    this.events.ready();
  }

  private checkTimeouts(timeoutMs: number): void {
    const now = Date.now() - this.epoch;
    for (const slot of this.slots) {
      const first = slot.inflight[0];
      if (!first || slot.ending) continue;
      const i = Atomics.load(slot.progress, PROGRESS_INDEX);
      const token = Atomics.load(slot.progress, PROGRESS_TOKEN);
      const since = Atomics.load(slot.progress, PROGRESS_SINCE);
      if (Atomics.load(slot.progress, PROGRESS_INDEX) !== i) continue; // changing under us
      if (token !== first.token || i < 0 || i >= first.items.length) continue;
      if (now - since > timeoutMs) {
        slot.ending = { kind: 'timeout', reason: `timed out after ${timeoutMs} ms`, culprit: i };
        void slot.worker.terminate();
      }
    }
  }
}

/** Where the worker script is: next to the built library, or the TypeScript source (tests, tsx). */
export function workerEntry(): { url: URL; ts: boolean } {
  const here = import.meta.url;
  for (const [rel, ts] of [
    ['./worker.js', false], // dist/node/index.js, dist/node/index.cjs
    ['../node/worker.js', false], // dist/cli/main.js
    ['./worker.ts', true], // src/node/pool/pool.ts
  ] as const) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { url, ts };
  }
  throw new Error(`vn-legal-refs: cannot find the bulk worker script next to ${here} (was the package built?)`);
}

/** Worker code that registers tsx's loader, then imports the TypeScript worker (development only). */
function tsBootstrap(entry: URL): string {
  // The ESM build of tsx's API, next to the CommonJS one that require.resolve finds.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return [
    `import(${JSON.stringify(api)})`,
    '  .then((tsx) => { tsx.register(); return import(' + JSON.stringify(entry.href) + '); })',
    '  .catch((err) => { setImmediate(() => { throw err; }); });',
  ].join('\n');
}

/** A file URL for a handler module given as a path or URL. */
export function handlerUrl(handler: string | { readonly href: string }): string {
  if (typeof handler !== 'string') return handler.href;
  return /^[a-z][a-z0-9+.-]*:/i.test(handler) && !/^[a-z]:[\\/]/i.test(handler) ? handler : pathToFileURL(handler).href;
}
