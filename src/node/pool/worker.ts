/**
 * The bulk worker (built to dist/node/worker.js): receives batches, runs the
 * per-document function over each item, posts the results back. The default
 * pipeline (and the language model, lazily) is loaded once per worker; a
 * custom handler module replaces the pipeline.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchMessage, CreateHandler, DocumentFunction, DoneMessage, WorkerInit } from './protocol.js';
import { PROGRESS_INDEX, PROGRESS_SINCE, PROGRESS_TOKEN } from './protocol.js';
import { runBatch } from './run-batch.js';
import { loadDefaultModel } from '../model.js';
import { hasDefaultModel, setDefaultModelProvider } from '../../restore/provider.js';

// Each worker is its own isolate: give it the shipped model as the default
// (read on the first text that needs restoring, never for clean text), as
// `vn-legal-refs/node` and the CLI do, so every handler sees the same library.
if (!hasDefaultModel()) setDefaultModelProvider(loadDefaultModel);

const init = workerData as WorkerInit;
const port = parentPort!;
const progress = new Int32Array(init.progress);

const create: CreateHandler =
  init.handler === null
    ? (await import('../default-handler.js')).createHandler
    : init.handler === 'builtin:graph'
      ? (await import('../graph-handler.js')).createHandler
      : ((await import(init.handler)) as { createHandler: CreateHandler }).createHandler;
if (typeof create !== 'function') throw new TypeError(`handler module ${init.handler} does not export createHandler()`);
const fn: DocumentFunction = await create(init.config);

port.on('message', (msg: BatchMessage) => {
  const token = msg.token;
  const { results, output } = runBatch(msg, fn, init.output, (i) => {
    Atomics.store(progress, PROGRESS_INDEX, -1);
    Atomics.store(progress, PROGRESS_TOKEN, token);
    Atomics.store(progress, PROGRESS_SINCE, Date.now() - init.epoch);
    Atomics.store(progress, PROGRESS_INDEX, i);
  });
  // Past the last item: the batch is finished, whatever happens next.
  Atomics.store(progress, PROGRESS_INDEX, msg.items.length);
  const done: DoneMessage = { type: 'done', token, results, output };
  port.postMessage(done, output ? [output] : []);
});
