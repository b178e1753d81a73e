/**
 * Tone restoration: model load time and restoration throughput on one core.
 *
 * Load: `loadModel(bytes)` on the shipped model (checksum, structure checks,
 * prefix sums) plus building its candidate index, median of 7 runs; and the
 * first `loadDefaultModel()` (file read included).
 * Throughput: seeds 000-002 (report prose, ~98 KB of UTF-8) stripped of their
 * diacritics, then the same text clean (nothing to restore). MB = 10^6 bytes
 * of UTF-8 input. Reported against wall time and against the process's CPU
 * time (the honest one-core figure when the machine is shared: this process
 * is single-threaded, so CPU time is the time it had a core).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultModelPath, loadDefaultModel } from '../src/node/model.js';
import { loadModel } from '../src/restore/model.js';
import { restoreTones } from '../src/restore/tones.js';
import { foldDiacritics } from '../src/text/fold.js';
import { fmt, mbps, timeIt } from './util.js';

/** Like timeIt, also returning CPU ms per call. */
function timeCpu(fn: () => void, minMs: number): { wall: number; cpu: number } {
  fn();
  const c0 = process.cpuUsage();
  let calls = 0;
  const wall = timeIt(() => {
    fn();
    calls++;
  }, minMs);
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 / Math.max(1, calls) };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function restoreBench(): Promise<Record<string, number>> {
  let t = performance.now();
  const model0 = loadDefaultModel();
  model0.candidates;
  const firstLoadMs = performance.now() - t;
  const bytes = new Uint8Array(readFileSync(defaultModelPath()));
  const loads: number[] = [];
  for (let r = 0; r < 7; r++) {
    t = performance.now();
    loadModel(bytes, 'bench').candidates;
    loads.push(performance.now() - t);
  }
  loads.sort((a, b) => a - b);
  const loadMs = loads[3];
  console.log(`model: ${(bytes.length / 1e6).toFixed(2)} MB, order ${model0.order}`);
  console.log(`load (bytes → model + candidate index): ${fmt(loadMs)} ms median; first loadDefaultModel(): ${fmt(firstLoadMs)} ms`);

  let text = '';
  for (const f of ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt']) {
    text += readFileSync(join(root, 'fixtures/seeds', f), 'utf8');
  }
  const stripped = foldDiacritics(text);
  const size = Buffer.byteLength(stripped);
  const tStripped = timeCpu(() => restoreTones(stripped, { model: model0 }).text, 3000);
  const tConfidence = timeCpu(() => restoreTones(stripped, { model: model0 }).confidence, 3000);
  const tClean = timeCpu(() => restoreTones(text, { model: model0 }).text, 2000);
  const cleanSize = Buffer.byteLength(text);
  const line = (what: string, t: { wall: number; cpu: number }, n: number) =>
    console.log(`${what}: ${fmt(mbps(n, t.wall), 2)} MB/s wall, ${fmt(mbps(n, t.cpu), 2)} MB/s of CPU time (${fmt(t.wall)} ms wall for ${n} bytes)`);
  line('restore stripped report text', tStripped, size);
  line('  and read .confidence (computed on first read)', tConfidence, size);
  line('restore clean report text (nothing to do)', tClean, cleanSize);
  return {
    loadMs,
    firstLoadMs,
    strippedMBps: mbps(size, tStripped.wall),
    strippedCpuMBps: mbps(size, tStripped.cpu),
    withConfidenceCpuMBps: mbps(size, tConfidence.cpu),
    cleanCpuMBps: mbps(cleanSize, tClean.cpu),
    modelBytes: bytes.length,
  };
}
