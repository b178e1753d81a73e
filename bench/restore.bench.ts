/**
 * Tone restoration: model load time and restoration throughput on one core.
 *
 * Load: `loadModel(bytes)` on the shipped model (checksum, structure checks,
 * prefix sums) plus building its candidate index, median of 7 runs; and the
 * first `loadDefaultModel()` (file read included).
 * Throughput: seeds 000-002 (report prose, ~98 KB of UTF-8) stripped of their
 * diacritics, then the same text clean (nothing to restore). MB = 10^6 bytes
 * of UTF-8 input.
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
  const msStripped = timeIt(() => restoreTones(stripped, { model: model0 }).text, 3000);
  const msConfidence = timeIt(() => restoreTones(stripped, { model: model0 }).confidence, 3000);
  const msClean = timeIt(() => restoreTones(text, { model: model0 }).text, 2000);
  const strippedMBps = mbps(size, msStripped);
  const withConfidenceMBps = mbps(size, msConfidence);
  const cleanMBps = mbps(Buffer.byteLength(text), msClean);
  console.log(`restore stripped report text: ${fmt(strippedMBps, 2)} MB/s (${fmt(msStripped)} ms for ${size} bytes)`);
  console.log(`  and reading .confidence (computed on first read): ${fmt(withConfidenceMBps, 2)} MB/s`);
  console.log(`restore clean report text (nothing to do): ${fmt(cleanMBps, 2)} MB/s`);
  return { loadMs, firstLoadMs, strippedMBps, withConfidenceMBps, cleanMBps, modelBytes: bytes.length };
}
