/**
 * OCR correction throughput (issue 6 target: ≥ 300 KB/s on one core).
 * Input: the synthetic OCR fixtures of seed excerpts (English-model and
 * Vietnamese-model readings), concatenated. Measured warm (candidate caches
 * filled by a first call, as in bulk use where words repeat) and cold (a new
 * corrector for every call), and for the first pass alone (no re-correction
 * of changed sentences). Times are CPU time of this process (the machine is
 * shared; wall time there says more about the neighbours than about us).
 * Needs a language model: models/vi-tones.vnlm or work-data/lm/vi-tones.vnlm.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ocrLanguageModel } from '../src/restore/ocr/adapter.js';
import { CHANNEL_DATA } from '../src/restore/ocr/channel-data.js';
import { OcrCorrector } from '../src/restore/ocr/correct.js';
import { findModel } from '../tools/ocr/find-model.js';
import { detectInputKind } from '../src/restore/detect.js';
import { fmt } from './util.js';

/** CPU milliseconds per call (user + system of this process): steadier than wall time on a shared machine. */
function cpuTime(fn: () => void, minMs = 2000): number {
  fn();
  let calls = 0;
  const t0 = process.cpuUsage();
  let used = 0;
  while (used < minMs * 1000) {
    fn();
    calls++;
    const d = process.cpuUsage(t0);
    used = d.user + d.system;
  }
  return used / 1000 / calls;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function run(): Promise<Record<string, unknown>> {
  const lm = findModel(root);
  if (!lm) {
    console.log('no language model (models/vi-tones.vnlm or work-data/lm/vi-tones.vnlm): skipped');
    return { skipped: 'no model' };
  }
  const model = ocrLanguageModel(lm);
  const dir = join(root, 'fixtures/ocr/seeds');
  const files = readdirSync(dir).filter((f) => !f.endsWith('.clean.txt') && f.endsWith('.txt'));
  const byKind = { eng: '', vie: '' };
  for (const f of files) byKind[f.includes('.eng-') ? 'eng' : 'vie'] += readFileSync(join(dir, f), 'utf8') + '\n';
  const out: Record<string, unknown> = {};
  for (const kind of ['eng', 'vie'] as const) {
    const text = byKind[kind];
    const kb = Buffer.byteLength(text) / 1024;
    const warm = new OcrCorrector(model, CHANNEL_DATA);
    const msWarm = cpuTime(() => warm.correct(text), 2000);
    const msFirst = cpuTime(() => (warm as unknown as { pass(t: string, a: null, k: string): unknown }).pass(text, null, kind), 2000);
    const msCold = cpuTime(() => new OcrCorrector(model, CHANNEL_DATA).correct(text), 2000);
    // confidences are computed when first read (extraction reads only the text and the map)
    const msColdConf = cpuTime(() => void new OcrCorrector(model, CHANNEL_DATA).correct(text).confidence, 2000);
    console.log(
      `${kind} OCR, ${fmt(kb)} KB: warm ${fmt(kb / (msWarm / 1000), 0)} KB/s, first pass only ${fmt(kb / (msFirst / 1000), 0)} KB/s, cold ${fmt(kb / (msCold / 1000), 0)} KB/s (target 300 KB/s), cold and reading .confidence ${fmt(kb / (msColdConf / 1000), 0)} KB/s`,
    );
    out[kind] = { kb, warmKBps: kb / (msWarm / 1000), firstPassKBps: kb / (msFirst / 1000), coldKBps: kb / (msCold / 1000), coldConfidenceKBps: kb / (msColdConf / 1000) };
  }
  // Detection on clean text (what extractReferences with input 'auto' pays on every clean document):
  // spelling evidence only, unless it gives cause to ask the model.
  const clean = readdirSync(join(root, 'fixtures/seeds'))
    .filter((f) => /^00[0-2]_.*\.txt$/.test(f))
    .map((f) => readFileSync(join(root, 'fixtures/seeds', f), 'utf8'))
    .join('\n');
  const kbClean = Buffer.byteLength(clean) / 1024;
  const msDetect = cpuTime(() => detectInputKind(clean, { model: lm }), 2000);
  console.log(`detectInputKind on clean seeds 000-002, ${fmt(kbClean)} KB: ${fmt(kbClean / 1024 / (msDetect / 1000), 1)} MB/s`);
  out.detectCleanMBps = kbClean / 1024 / (msDetect / 1000);
  return out;
}
