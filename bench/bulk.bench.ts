/**
 * `npm run bench -- bulk [--1gb] [--keep]`: the bulk fast path, measured
 * through the whole built CLI (`node dist/cli/main.js extract ARCHIVE
 * --jobs N --quiet`, output to a file), on synthetic archives made from the
 * seeds (bench/archive/generate.ts) in a temporary directory:
 *
 * - clean JSONL, 200 MB: MB/s and docs/s for 1 and 2 workers, the speed-up,
 *   peak RSS of the process (main thread and workers: they are threads of
 *   the one process, so its VmHWM counts them all), time to the first result;
 * - mixed JSONL, 200 MB (70% clean, 15% stripped, 15% OCR-like noise): the
 *   same with 2 workers;
 * - a directory tree of .txt files, 100 MB: 2 workers;
 * - with --1gb: a 1 GB clean archive with 2 workers, for peak RSS at scale;
 * - messaging: what a document costs on the wire alone, one message per
 *   document vs batches (strings vs bytes in a transferred buffer).
 *
 * Every run starts a fresh process; the machine's load average is printed
 * with each figure (other jobs on the machine lower the rates). The archives
 * are deleted at the end unless --keep.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeDirectoryArchive, writeJsonlArchive, type ArchiveInfo } from './archive/generate.js';
import type { BatchMessage, WireItem } from '../src/node/pool/protocol.js';
import { fmt } from './util.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const args = process.argv.slice(2);
const hasGnuTime = existsSync('/usr/bin/time');

interface CliRun {
  label: string;
  jobs: number;
  seconds: number;
  mbps: number;
  /** User + system CPU seconds of the process (all its threads). */
  cpuSeconds: number;
  /** MB per CPU second: the rate the work would have on cores of its own. */
  mbPerCpuSecond: number;
  docsPerSec: number;
  peakRssMB: number;
  firstResultMs: number;
  load: string;
  summary: string;
}

/** Builds dist/ when it is missing or older than the sources (the bench measures the built CLI). */
function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const built = [cli, join(root, 'dist/node/worker.js')];
  if (built.every(existsSync) && Math.min(...built.map((p) => statSync(p).mtimeMs)) > newest(join(root, 'src'))) return;
  console.log('building dist/ (npm run build) ...');
  const r = spawnSync('npx', ['tsup'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

/**
 * How to run `vnref extract` on the bulk path: the built CLI once its extract
 * command takes --jobs; before that, the same code (src/cli/bulk.ts through
 * bench/archive/extract-child.ts) bundled by tsup like the CLI, next to a copy
 * of the built worker, in node_modules/.cache (so its dependencies resolve).
 */
function extractCommand(): { argv: string[]; how: string } {
  const help = spawnSync(process.execPath, [cli, 'extract', '--help'], { encoding: 'utf8' });
  if (help.status === 0 && help.stdout.includes('--jobs')) return { argv: [cli, 'extract'], how: 'node dist/cli/main.js extract' };
  const out = join(root, 'node_modules/.cache/vnref-bulk-bench');
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync('npx', ['tsup', 'bench/archive/extract-child.ts', '--no-config', '--format', 'esm', '--target', 'node20', '--out-dir', out, '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('bundling bench/archive/extract-child.ts failed');
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  copyFileSync(join(root, 'dist/node/worker.js'), join(out, 'worker.js'));
  return {
    argv: [join(out, 'extract-child.js')],
    how: 'src/cli/bulk.ts bundled like the CLI (bench/archive/extract-child.ts): vnref extract has no bulk flags on this branch yet',
  };
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/**
 * Runs the CLI on `input` and measures wall time, CPU time and peak RSS (GNU
 * time's rusage of the child: every thread of the process), and the time to
 * the first output byte (the output file polled).
 */
async function runCli(label: string, base: string[], input: string, bytes: number, jobs: number, outDir: string): Promise<CliRun> {
  const outPath = join(outDir, `out-${label.replace(/\W+/g, '_')}-${jobs}.jsonl`);
  const usagePath = join(outDir, 'usage.txt');
  const fd = openSync(outPath, 'w');
  const loadBefore = load();
  const t0 = performance.now();
  const argv = [process.execPath, ...base, input, '--jobs', String(jobs), '--quiet'];
  const child = hasGnuTime
    ? spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', usagePath, ...argv], { cwd: root, stdio: ['ignore', fd, 'pipe'] })
    : spawn(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  let first = -1;
  let peakKB = 0;
  const poll = setInterval(() => {
    if (first < 0 && statSync(outPath).size > 0) first = performance.now() - t0;
    if (!hasGnuTime) {
      // No GNU time: poll the process's high-water mark (VmHWM only grows).
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKB = Math.max(peakKB, Number(m[1]));
      } catch {
        // exited
      }
    }
  }, 2);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`${label}: exit code ${code}\n${stderr}`);
  let cpuSeconds = NaN;
  if (hasGnuTime) {
    const [user, sys, maxKB] = readFileSync(usagePath, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
    cpuSeconds = user + sys;
    peakKB = maxKB;
  }
  const summary = stderr.trim().split('\n').pop() ?? '';
  const docs = Number(/([\d,]+) documents/.exec(summary)?.[1].replace(/,/g, '') ?? NaN);
  rmSync(outPath);
  return {
    label,
    jobs,
    seconds,
    mbps: bytes / 1e6 / seconds,
    cpuSeconds,
    mbPerCpuSecond: bytes / 1e6 / cpuSeconds,
    docsPerSec: docs / seconds,
    peakRssMB: peakKB / 1024,
    firstResultMs: first,
    load: `${loadBefore} -> ${load()}`,
    summary,
  };
}

function report(r: CliRun): void {
  console.log(
    `${r.label.padEnd(14)} jobs ${r.jobs}: ${fmt(r.mbps).padStart(6)} MB/s  ${fmt(r.docsPerSec, 0).padStart(5)} docs/s  ` +
      `${fmt(r.seconds)} s wall, ${fmt(r.cpuSeconds)} s CPU (${fmt(r.mbPerCpuSecond)} MB per CPU-second)  ` +
      `peak RSS ${fmt(r.peakRssMB, 0)} MB  first result ${fmt(r.firstResultMs, 0)} ms  (load ${r.load})`,
  );
}

/**
 * Cost of the wire alone, from bytes as read from disk to a small result back,
 * with an echo worker: the main thread's busy time per document (the serial
 * part that caps scaling) and the round trip. Three ways: one message per
 * document (decoded in the main thread), batches of 100 strings (decoded in
 * the main thread), batches of 100 documents as bytes in one transferred
 * buffer (decoded in the worker: what the pool does).
 */
async function messaging(): Promise<Record<string, number>> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (m) => {
      if (m.texts) parentPort.postMessage(m.texts.map((t) => t.length));
      else if (m.buf) { const b = Buffer.from(m.buf); const out = []; for (let i = 0; i + 1 < m.offsets.length; i++) out.push(b.toString('utf8', m.offsets[i], m.offsets[i + 1]).length); parentPort.postMessage(out); }
      else parentPort.postMessage(m.text.length);
    });`;
  const worker = new Worker(code, { eval: true });
  const docs = 20_000;
  const bytes = Buffer.from('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị. '.repeat(40)); // ~2.6 KB
  const roundTrip = (msg: unknown, transfer: ArrayBuffer[] = []) =>
    new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage(msg, transfer);
    });
  const time = async (fn: () => Promise<void>) => {
    await fn();
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    await fn();
    const elu = performance.eventLoopUtilization(elu0);
    return { mainUs: (elu.active * 1000) / docs, roundUs: ((performance.now() - t0) * 1000) / docs };
  };
  const perDoc = await time(async () => {
    for (let i = 0; i < docs; i++) await roundTrip({ text: bytes.toString('utf8') });
  });
  const strings = await time(async () => {
    for (let i = 0; i < docs; i += 100) await roundTrip({ texts: Array.from({ length: 100 }, () => bytes.toString('utf8')) });
  });
  const transferred = await time(async () => {
    for (let i = 0; i < docs; i += 100) {
      const buf = new Uint8Array(bytes.length * 100);
      const offsets = [0];
      for (let k = 0; k < 100; k++) {
        buf.set(bytes, k * bytes.length);
        offsets.push((k + 1) * bytes.length);
      }
      await roundTrip({ buf: buf.buffer, offsets }, [buf.buffer]);
    }
  });
  await worker.terminate();
  const show = (name: string, t: { mainUs: number; roundUs: number }) =>
    `${name}: main thread ${fmt(t.mainUs, 2)} µs/doc, round trip ${fmt(t.roundUs, 2)} µs/doc`;
  console.log('messaging, 2.6 KB documents from bytes to an echo worker and back:');
  console.log(`  ${show('one message per document', perDoc)}`);
  console.log(`  ${show('batches of 100 strings', strings)}`);
  console.log(`  ${show('batches of 100 as bytes, transferred', transferred)}`);
  return {
    msgPerDocMainUs: perDoc.mainUs,
    msgBatchStringsMainUs: strings.mainUs,
    msgBatchBytesMainUs: transferred.mainUs,
  };
}

/**
 * The ceiling and the worker's own cost, in one thread and CPU time (other
 * jobs on the machine matter less): on the first `mb` MB of an archive's
 * records, warm (second of two passes), (1) the extractor alone
 * (extractReferences + extractDocumentHeader on the parsed texts) and (2) what
 * a worker does for the same records (runBatch: decode, JSON.parse, prefilter,
 * extraction, header, JSONL serialization and UTF-8 encoding), in 256 KB
 * batches like the pool's.
 */
async function workerCost(path: string, mb: number): Promise<{ extractor: number; worker: number }> {
  const { extractDocumentHeader, extractReferences } = await import('../src/index.js');
  const { runBatch } = await import('../src/node/pool/run-batch.js');
  const { createHandler } = await import('../src/node/default-handler.js');
  const raw = readFileSync(path).subarray(0, mb * 1e6);
  const lines: Buffer[] = [];
  for (let pos = 0; ; ) {
    const nl = raw.indexOf(10, pos);
    if (nl === -1) break;
    lines.push(raw.subarray(pos, nl));
    pos = nl + 1;
  }
  const bytes = lines.reduce((n, l) => n + l.length, 0);
  const texts = lines.map((l) => (JSON.parse(l.toString('utf8')) as { text: string }).text);
  const batches: BatchMessage[] = [];
  for (let i = 0; i < lines.length; ) {
    const items: WireItem[] = [];
    const parts: Buffer[] = [];
    let size = 0;
    while (i < lines.length && (items.length === 0 || size + lines[i].length <= 256 * 1024)) {
      items.push({ k: 1, file: path, line: i + 1, start: size, end: size + lines[i].length });
      parts.push(lines[i]);
      size += lines[i++].length;
    }
    const buf = Buffer.concat(parts);
    batches.push({ type: 'batch', token: batches.length, buffer: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer, items });
  }
  const fn = createHandler({ input: 'auto', text: false });
  const cpu = (f: () => void) => {
    f();
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return bytes / 1e6 / ((c.user + c.system) / 1e6);
  };
  const extractor = cpu(() => {
    for (const t of texts) {
      extractReferences(t);
      extractDocumentHeader(t);
    }
  });
  const worker = cpu(() => {
    for (const b of batches) runBatch(b, fn, 'references');
  });
  console.log(
    `one thread, warm, CPU time, ${fmt(bytes / 1e6)} MB of records: extractor alone ${fmt(extractor)} MB per CPU-second; ` +
      `the worker's whole per-record work ${fmt(worker)} MB per CPU-second (its own cost: ${fmt(100 * (extractor / worker - 1), 0)}% on top)`,
  );
  return { extractor, worker };
}

export default async function bulkBench(): Promise<Record<string, number>> {
  ensureBuilt();
  const { argv, how } = extractCommand();
  console.log(`CLI path: ${how}`);
  const dir = mkdtempSync(join(tmpdir(), 'vnref-bulk-bench-'));
  const results: Record<string, number> = {};
  try {
    Object.assign(results, await messaging());

    const gen = async (name: string, mb: number, mix: Record<string, number>): Promise<ArchiveInfo> => {
      const t0 = performance.now();
      const info = await writeJsonlArchive(join(dir, `${name}.jsonl`), { bytes: mb * 1e6, mix });
      console.log(
        `archive ${name}: ${info.documents} documents, ${fmt(info.bytes / 1e6)} MB (clean ${info.variants.clean}, stripped ${info.variants.stripped}, ocr-like ${info.variants.ocr}), made in ${fmt((performance.now() - t0) / 1000)} s`,
      );
      return info;
    };

    const clean = await gen('clean', 200, { clean: 1 });
    const cost = await workerCost(clean.path, 40);
    results.extractorAloneMBperCpuS = cost.extractor;
    results.workerPipelineMBperCpuS = cost.worker;
    const c1 = await runCli('clean 200 MB', argv, clean.path, clean.bytes, 1, dir);
    report(c1);
    const c2 = await runCli('clean 200 MB', argv, clean.path, clean.bytes, 2, dir);
    report(c2);
    console.log(`speed-up 1 -> 2 workers: ${fmt(c2.mbps / c1.mbps, 2)}x; per core with 2 workers: ${fmt(c2.mbps / 2)} MB/s`);
    console.log(`CPU per MB: ${fmt((c1.cpuSeconds / clean.bytes) * 1e6 * 1000, 2)} ms with 1 worker, ${fmt((c2.cpuSeconds / clean.bytes) * 1e6 * 1000, 2)} ms with 2`);
    Object.assign(results, {
      clean1MBperCpuS: c1.mbPerCpuSecond,
      clean2MBperCpuS: c2.mbPerCpuSecond,
      clean1MBps: c1.mbps,
      clean1DocsPerSec: c1.docsPerSec,
      clean2MBps: c2.mbps,
      clean2DocsPerSec: c2.docsPerSec,
      speedup: c2.mbps / c1.mbps,
      peakRss200MB_1w: c1.peakRssMB,
      peakRss200MB_2w: c2.peakRssMB,
      firstResultMs_1w: c1.firstResultMs,
      firstResultMs_2w: c2.firstResultMs,
    });
    rmSync(clean.path);

    const mixed = await gen('mixed', 200, { clean: 0.7, stripped: 0.15, ocr: 0.15 });
    const m2 = await runCli('mixed 200 MB', argv, mixed.path, mixed.bytes, 2, dir);
    report(m2);
    Object.assign(results, { mixed2MBps: m2.mbps, mixed2DocsPerSec: m2.docsPerSec, peakRssMixed_2w: m2.peakRssMB });
    rmSync(mixed.path);

    const tree = join(dir, 'tree');
    const t0 = performance.now();
    const files = writeDirectoryArchive(tree, { bytes: 100e6, mix: { clean: 1 } });
    console.log(`directory tree: ${files.documents} .txt files, ${fmt(files.bytes / 1e6)} MB, made in ${fmt((performance.now() - t0) / 1000)} s`);
    const d2 = await runCli('tree 100 MB', argv, tree, files.bytes, 2, dir);
    report(d2);
    Object.assign(results, { tree2MBps: d2.mbps, tree2DocsPerSec: d2.docsPerSec, peakRssTree_2w: d2.peakRssMB });
    rmSync(tree, { recursive: true, force: true });

    if (args.includes('--1gb')) {
      const big = await gen('clean-1gb', 1000, { clean: 1 });
      const b2 = await runCli('clean 1 GB', argv, big.path, big.bytes, 2, dir);
      report(b2);
      Object.assign(results, { clean1GB_2wMBps: b2.mbps, peakRss1GB_2w: b2.peakRssMB });
      rmSync(big.path);
    } else {
      console.log('(1 GB run: npm run bench -- bulk --1gb)');
    }
  } finally {
    if (args.includes('--keep')) console.log(`archives kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
