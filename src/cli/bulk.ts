/**
 * The bulk path shared by `vnref extract` and `vnref graph`: directories and
 * JSONL archives through the worker pool, with `--jobs`, a progress bar,
 * fault reports, a summary line, `--resume` and a clean stop on Ctrl-C.
 *
 * Commands call `parseBulkFlags` on their arguments (it takes out the flags
 * below and leaves the rest), `isBulkInput` to decide, then
 * `runBulkExtract` (extract) or `runBulk` with their own per-document sink
 * (graph).
 *
 *   --jobs N        worker threads (default: the number of cores)
 *   --resume FILE   skip documents already in FILE (a JSONL output of an
 *                   earlier run) and append the rest to it
 *   --quiet, -q     no progress bar (it is shown only on a terminal anyway)
 *   --ordered       results in input order (default: as they finish)
 *   --timeout SEC   give up on a document after SEC seconds (its worker is replaced)
 *   --jsonl         read standard input as a JSONL archive
 *   --record-failures  write failed documents to the output as error records
 *                   and exit 0 (for engines that fail a task on a non-zero
 *                   exit: Hadoop Streaming, Spark RDD.pipe)
 */
import { Buffer } from 'node:buffer';
import { createWriteStream, statSync } from 'node:fs';
import type { DocumentError } from '../schema.js';
import { isArchivePath } from '../node/archive/sources.js';
import type { ArchiveSource } from '../node/archive/sources.js';
import type { CitationGraphBuilder } from '../graph/build.js';
import { addDigest } from '../graph/state.js';
import { digestArchive, processArchive, processArchiveJsonl, type ArchiveRun, type ArchiveStats } from '../node/process-archive.js';
import type { DocumentResult, InputKind } from '../schema.js';
import { ChunkWriter } from './bulk-output.js';
import { loadResume } from './bulk-resume.js';
import { UsageError, type CliIO } from './io.js';
import { fmtInt, fmtMB, ProgressBar } from './progress.js';

export interface BulkFlags {
  jobs?: number;
  resume?: string;
  quiet: boolean;
  ordered: boolean;
  timeoutMs: number;
  /** Read stdin as JSONL. */
  jsonl: boolean;
  /** Failed documents become `{"doc","file","error"}` output records; the exit code stays 0. */
  recordFailures: boolean;
  /** Include each document's (restored) text (`vnref extract --format docs --text`). */
  text: boolean;
}

/** Usage lines for the flags, for a command's --help. */
export const BULK_USAGE = `bulk options (directories, JSONL archives, many files):
  --jobs N        worker threads (default: the number of cores)
  --resume FILE   skip the documents already in FILE (output of an earlier,
                  interrupted run) and append the others to it
  --ordered       write results in input order (default: as they finish)
  --timeout SEC   give up on a document after SEC seconds
  --jsonl         read standard input as a JSONL archive ({"id","text"} lines)
  --record-failures
                  write each failed document to the output as a record
                  {"doc","file","error":{"code","message"}} and exit 0 (for
                  Hadoop Streaming, Spark RDD.pipe: a failed document is data,
                  not a failed task); still reported on stderr
  --quiet, -q     no progress bar (shown only on a terminal anyway)`;

/** Takes the bulk flags out of `args`; returns them and the remaining arguments. */
export function parseBulkFlags(args: readonly string[]): { flags: BulkFlags; rest: string[] } {
  const flags: BulkFlags = { quiet: false, ordered: false, timeoutMs: 0, jsonl: false, recordFailures: false, text: false };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--jobs':
      case '-j': {
        const v = value();
        if (!/^[1-9]\d{0,3}$/.test(v)) throw new UsageError(`--jobs takes a whole number from 1 to 9999, got "${v}"`);
        flags.jobs = Number(v);
        break;
      }
      case '--resume': {
        const v = value();
        if (v === '' || v === '-') throw new UsageError('--resume takes the path of an output file');
        flags.resume = v;
        break;
      }
      case '--timeout': {
        const v = value();
        const s = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(s > 0)) throw new UsageError(`--timeout takes a number of seconds > 0, got "${v}"`);
        flags.timeoutMs = Math.max(1, Math.round(s * 1000));
        break;
      }
      case '--quiet':
      case '-q':
        flags.quiet = true;
        break;
      case '--ordered':
        flags.ordered = true;
        break;
      case '--jsonl':
        flags.jsonl = true;
        break;
      case '--record-failures':
        flags.recordFailures = true;
        break;
      case '--text':
        flags.text = true;
        break;
      default:
        rest.push(arg);
    }
  }
  return { flags, rest };
}

/** True when the inputs call for the bulk path: a directory, a JSONL archive, `--jsonl`, `--jobs` or `--resume`. */
export function isBulkInput(paths: readonly string[], flags: BulkFlags): boolean {
  if (flags.jobs !== undefined || flags.resume !== undefined || flags.jsonl) return true;
  return paths.some((p) => {
    if (isArchivePath(p)) return true;
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
}

/** The source for the inputs: the paths, or standard input as JSONL when there are none (or "-"). */
export function bulkSource(paths: readonly string[], flags: BulkFlags, io: CliIO): ArchiveSource {
  const stdin = paths.length === 0 || (paths.length === 1 && paths[0] === '-');
  if (stdin) return { jsonl: io.stdin, name: 'stdin' };
  if (paths.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with paths in bulk mode');
  if (flags.jsonl) throw new UsageError('--jsonl reads standard input: give no paths with it');
  return [...paths];
}

export interface BulkRunOptions {
  command: string;
  io: CliIO;
  flags: BulkFlags;
  /** Writes a failed document to the output (with --record-failures). */
  recordFailure?: (failure: { id: string; file?: string; error: DocumentError }) => Promise<void> | void;
  /** Stop signal for tests; the CLI stops on SIGINT/SIGTERM by itself. */
  signal?: AbortSignal;
  /** Listen to SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
}

export interface BulkOutcome {
  exitCode: number;
  stats: ArchiveStats;
  interrupted: boolean;
  failures: Array<{ id: string; error: DocumentError }>;
}

/**
 * Drives a run: progress bar, one stderr line per failed document, the sink
 * per result, the summary line, and the stop on Ctrl-C (finished results are
 * handed to the sink and flushed; a second Ctrl-C quits at once). Exit code:
 * 0, 1 when any document failed, 130 when interrupted.
 */
export async function runBulk<R extends { id: string; file?: string; error?: DocumentError }>(
  makeRun: (signal: AbortSignal) => ArchiveRun<R>,
  sink: (result: R) => Promise<void> | void,
  options: BulkRunOptions,
  finish?: () => Promise<void>,
  skippedNote?: string,
): Promise<BulkOutcome> {
  const { io, flags, command } = options;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let sigints = 0;
  const onSignal = () => {
    sigints++;
    if (sigints > 1) process.exit(130);
    controller.abort(interruptError());
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  const run = makeRun(controller.signal);
  const bar = new ProgressBar(io.stderr, { enabled: io.isTTY && !flags.quiet });
  let total: number | null = null;
  if (io.isTTY && !flags.quiet) {
    run.totalBytes().then(
      (t) => (total = t),
      () => undefined,
    );
  }
  bar.start(() => ({ documents: run.stats.documents, bytes: run.stats.bytes, failed: run.stats.failed, totalBytes: total }));
  const failures: Array<{ id: string; error: DocumentError }> = [];
  let interrupted = false;
  let fatal: unknown = null;
  let outputError: unknown = null;
  const started = performance.now();
  try {
    for await (const result of run) {
      try {
        if (result.error) {
          failures.push({ id: result.id, error: result.error });
          bar.log(`vnref ${command}: ${result.id}: ${result.error.message} (${result.error.code})`);
          if (options.recordFailure) await options.recordFailure({ id: result.id, file: result.file, error: result.error });
          continue;
        }
        await sink(result);
      } catch (err) {
        outputError = err;
        break; // stops the run (its workers end)
      }
    }
  } catch (err) {
    if (controller.signal.aborted) interrupted = true;
    else fatal = err;
  } finally {
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    options.signal?.removeEventListener('abort', onOuterAbort);
    bar.stop();
  }
  try {
    await finish?.();
  } catch (err) {
    outputError ??= err;
  }
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(summaryLine(command, run.stats, seconds, failures, interrupted, skippedNote) + '\n');
  if (fatal) throw fatal;
  if (outputError) {
    io.stderr.write(`vnref ${command}: writing the output failed: ${(outputError as Error).message}\n`);
    return { exitCode: 1, stats: run.stats, interrupted, failures };
  }
  const failed = failures.length > 0 && !options.recordFailure;
  return { exitCode: interrupted ? 130 : failed ? 1 : 0, stats: run.stats, interrupted, failures };
}

/** The final line on stderr (plus the failed documents, up to 10). */
export function summaryLine(
  command: string,
  stats: ArchiveStats,
  seconds: number,
  failures: ReadonlyArray<{ id: string; error: DocumentError }>,
  interrupted: boolean,
  skippedNote?: string,
): string {
  const s = Math.max(seconds, 1e-9);
  const plural = (n: number, word: string) => `${fmtInt(n)} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    plural(stats.documents - stats.failed, 'document'),
    plural(stats.references, 'reference'),
    `${fmtMB(stats.bytes)} MB in ${seconds.toFixed(1)} s (${(stats.bytes / 1e6 / s).toFixed(1)} MB/s, ${fmtInt(stats.documents / s)} docs/s, ${stats.workers} ${stats.workers === 1 ? 'worker' : 'workers'})`,
  ];
  if (stats.skipped > 0) parts.push(`${fmtInt(stats.skipped)} skipped${skippedNote ? ` (${skippedNote})` : ''}`);
  if (failures.length > 0) {
    const byCode = new Map<string, number>();
    for (const f of failures) byCode.set(f.error.code, (byCode.get(f.error.code) ?? 0) + 1);
    parts.push(`${fmtInt(failures.length)} failed (${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')})`);
  }
  if (stats.restarts > 0) parts.push(`${stats.restarts} worker ${stats.restarts === 1 ? 'restart' : 'restarts'}`);
  let line = `vnref ${command}: ${parts.join('; ')}`;
  if (interrupted) line += '\nvnref ' + command + ': interrupted: finished results were written; run again with --resume to continue';
  const shown = failures.slice(0, 10).map((f) => `  failed: ${f.id}: ${f.error.message} (${f.error.code})`);
  if (failures.length > 10) shown.push(`  ... and ${fmtInt(failures.length - 10)} more (each reported above)`);
  return [line, ...shown].join('\n');
}

function interruptError(): Error {
  const err = new Error('interrupted');
  err.name = 'AbortError';
  return err;
}

export interface BulkExtractOptions {
  /** 'jsonl': one line per reference; 'docs': one line per document. */
  format: 'jsonl' | 'docs';
  input: InputKind;
  /** Include the (restored) text in 'docs' records. */
  text: boolean;
  /** Leave out references below this confidence. */
  minConfidence?: number;
}

/**
 * `vnref extract` over directories and archives: JSONL records (per reference
 * or per document) to stdout, or appended to the `--resume` file.
 */
export async function runBulkExtract(
  paths: readonly string[],
  flags: BulkFlags,
  extract: BulkExtractOptions,
  io: CliIO,
  options: { signal?: AbortSignal; handleSignals?: boolean; handler?: string } = {},
): Promise<number> {
  const source = bulkSource(paths, flags, io);
  let skip: ((id: string) => boolean) | undefined;
  let note: string | undefined;
  let out = io.stdout;
  let ownStream = false;
  if (flags.resume !== undefined) {
    const state = await loadResume(flags.resume);
    if (state.truncatedBytes > 0) {
      io.stderr.write(`vnref extract: ${flags.resume}: cut ${state.truncatedBytes} bytes of a torn last record; its document is done again\n`);
    }
    if (state.unreadable > 0) {
      io.stderr.write(`vnref extract: ${flags.resume}: ${state.unreadable} lines are not records with a "doc" id (kept as they are)\n`);
    }
    const done = state.done;
    if (done.size > 0) skip = (id) => done.has(id);
    note = `already in ${flags.resume}`;
    const file = createWriteStream(flags.resume, { flags: 'a' });
    // Fail before any work when the file cannot be written.
    const opened = await new Promise<Error | null>((resolve) => {
      file.once('open', () => resolve(null));
      file.once('error', (err) => resolve(err));
    });
    if (opened) {
      io.stderr.write(`vnref extract: cannot write ${flags.resume}: ${opened.message}\n`);
      return 1;
    }
    out = file;
    ownStream = true;
  }
  const writer = new ChunkWriter(out);
  const outcome = await runBulk(
    (signal) =>
      processArchiveJsonl(source, {
        records: extract.format === 'docs' ? 'documents' : 'references',
        jobs: flags.jobs,
        ordered: flags.ordered,
        timeoutMs: flags.timeoutMs,
        input: extract.input,
        text: extract.text,
        minConfidence: extract.minConfidence ?? 0,
        skip,
        signal,
        handler: options.handler,
      }),
    (r) => writer.write(r.jsonl),
    {
      command: 'extract',
      io,
      flags,
      signal: options.signal,
      handleSignals: options.handleSignals,
      recordFailure: flags.recordFailures ? (f) => writer.write(failureRecord(f)) : undefined,
    },
    () => writer.close(ownStream),
    note,
  );
  return outcome.exitCode;
}

/** The output record of a failed document (with --record-failures): `{"doc","file"?,"error"}`. */
export function failureRecord(f: { id: string; file?: string; error: DocumentError }): Uint8Array {
  const file = f.file === undefined ? '' : `,"file":${JSON.stringify(f.file)}`;
  return Buffer.from(`{"doc":${JSON.stringify(f.id)}${file},"error":${JSON.stringify(f.error)}}\n`, 'utf8');
}

/**
 * Documents of directories and archives as `DocumentResult`s, for commands
 * that consume them in the main thread (`vnref graph`): the same progress,
 * fault reports, summary and Ctrl-C handling.
 */
export async function runBulkDocuments(
  paths: readonly string[],
  flags: BulkFlags,
  sink: (result: DocumentResult) => void | Promise<void>,
  io: CliIO,
  options: { command?: string; text?: boolean; input?: InputKind; signal?: AbortSignal; handleSignals?: boolean; handler?: string } = {},
): Promise<BulkOutcome> {
  if (flags.resume !== undefined) throw new UsageError('--resume works with JSONL output (vnref extract), not here');
  const source = bulkSource(paths, flags, io);
  return runBulk(
    (signal) =>
      processArchive(source, {
        jobs: flags.jobs,
        ordered: flags.ordered,
        timeoutMs: flags.timeoutMs,
        input: options.input ?? 'auto',
        text: options.text ?? false,
        signal,
        handler: options.handler,
      }),
    sink,
    { command: options.command ?? 'graph', io, flags, signal: options.signal, handleSignals: options.handleSignals },
  );
}

/** True when `vnref graph` should take the bulk path: --jobs, --jsonl, --timeout or --ordered given. */
export function wantsBulkGraph(flags: BulkFlags): boolean {
  return flags.jobs !== undefined || flags.jsonl || flags.timeoutMs > 0 || flags.ordered;
}

/**
 * `vnref graph PATH... --jobs N`: the documents' digests are made on the
 * worker pool (in input order, so the graph is the one a single pass gives)
 * and folded into `builder` here; progress, fault reports and the summary as
 * for extract. Resolves to the number of failed documents (and whether the
 * run was interrupted).
 */
export async function runBulkGraph(
  paths: readonly string[],
  flags: BulkFlags,
  builder: CitationGraphBuilder,
  graph: { shortForms: boolean; statedRelations?: boolean },
  io: CliIO,
  options: { signal?: AbortSignal; handleSignals?: boolean } = {},
): Promise<BulkOutcome> {
  if (flags.resume !== undefined) throw new UsageError('--resume works with JSONL output (vnref extract), not here');
  if (flags.recordFailures) throw new UsageError('--record-failures works with JSONL output (vnref extract), not here');
  const source = bulkSource(paths, flags, io);
  const state = builder.internalState;
  return runBulk(
    (signal) =>
      digestArchive(source, {
        jobs: flags.jobs,
        ordered: true,
        timeoutMs: flags.timeoutMs,
        signal,
        shortForms: graph.shortForms,
        statedRelations: graph.statedRelations ?? true,
      }),
    (r) => {
      if (r.digest) addDigest(state, r.digest);
    },
    { command: 'graph', io, flags, signal: options.signal, handleSignals: options.handleSignals },
  );
}
