/**
 * `npm run bench -- extract`: throughput of extractReferences on one core.
 *
 * 1. Seed text repeated to at least 10 MB of UTF-8, in one string (MB/s =
 *    UTF-8 megabytes per second of CPU time): the clean seeds (the target:
 *    ≥ 50 MB/s on one core), all five seeds (003 is raw OCR, so the
 *    pipeline normalizes the whole string first), and the finder alone.
 * 2. Stripped and OCR'd text, where restoration runs before the finder:
 *    extractReferences restoring only the windows around reference anchors
 *    (the default) against restoring the whole text first (as before windows;
 *    `extractReferencesAndText`): the clean seeds stripped of their
 *    diacritics (about 1 MB), and OCR output (seed 003 and the held-out OCR
 *    fixtures read by the English OCR model, about 0.1 MB; the corrector's
 *    per-word caches are warm after the first pass, as in a bulk run). Median
 *    CPU time of 5 passes each, alternating.
 * 3. Adversarial inputs (long runs of digits, slashes, hyphens, "số số số",
 *    symbol-like debris): each timed at 0.25, 0.5 and 1 MB; linear time shows
 *    as a time ratio of about 2 between consecutive sizes (a catastrophic
 *    pattern would show 4 or far more).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReferences, foldDiacritics } from '../src/index.js';
import { extractReferencesAndText, findReferences } from '../src/refs/extract.js';
import { anchorWindows } from '../src/refs/windows.js';
import { loadDefaultModel } from '../src/node/model.js';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, mbps } from './util.js';

const SEEDS = 'fixtures/seeds';
const TARGET_BYTES = 10_500_000;

/** The seed files (all five, or the clean ones: not 003, the raw OCR) repeated to TARGET_BYTES, in one string. */
function seedCorpus(cleanOnly = false): string {
  const parts = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt') && (!cleanOnly || !f.startsWith('003_')))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const one = parts.join('\n\n');
  const oneBytes = Buffer.byteLength(one, 'utf8');
  return Array.from({ length: Math.ceil(TARGET_BYTES / oneBytes) }, () => one).join('\n\n');
}

/** Repeats `unit` to `bytes` UTF-8 bytes. */
function fill(unit: string, bytes: number): string {
  const u = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.max(1, Math.floor(bytes / u)));
}

const ADVERSARIAL: Record<string, string> = {
  digits: '1234567890',
  slashes: '/',
  hyphens: '-',
  'số số số': 'số ',
  'digit-slash runs': '1/1/1/1/1/',
  'digit-hyphen runs': '1-1-1-1-1-',
  'symbol debris': '1-A/B-C/D-',
  'unclosed symbols': 'số 12/QĐ- ',
  'long groups': '12/ABCDEFGHIJKLMNOPQRSTUVWXYZ-',
  'dates without refs': 'ngày 27/9/2019 ',
  'broken page breaks': '359-\n                                           \n1 x\n',
  'nested list separators': 'Nghị quyết số 1/NQ-CP, ; và ',
};

/** Least CPU milliseconds (user + system) of `runs` calls: the shape of the cost, without other work's noise (GC, load). */
function cpuMin(fn: () => void, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    t.push((c.user + c.system) / 1000);
  }
  return Math.min(...t);
}

/** Median CPU and wall milliseconds of 15 timed passes of `fn` (after 2 warm-up passes), and its last result. */
function timePasses<T>(fn: () => T): { cpuMs: number; wallMs: number; last: T } {
  // CPU time of this process (user + system) is the figure for "one core": the machine is shared, and wall
  // time carries the others' load.
  const cpu: number[] = [];
  const wall: number[] = [];
  let last = fn();
  fn();
  for (let i = 0; i < 15; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  return { cpuMs: median(cpu), wallMs: median(wall), last };
}

/** Median CPU ms of `passes` timed calls of each of `fns`, called in turn (after one warm-up call each). */
function alternating(fns: (() => unknown)[], passes: number): number[] {
  for (const f of fns) f();
  const t: number[][] = fns.map(() => []);
  for (let i = 0; i < passes; i++) {
    fns.forEach((f, k) => {
      const c0 = process.cpuUsage();
      f();
      const c = process.cpuUsage(c0);
      t[k].push((c.user + c.system) / 1000);
    });
  }
  return t.map((a) => [...a].sort((x, y) => x - y)[a.length >> 1]);
}

/** Section 2: stripped and OCR'd text, restored in windows (the default) or as a whole first. */
function restorationRuns(): Record<string, number> {
  const model = loadDefaultModel();
  const clean = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt') && !f.startsWith('003_'))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
    .join('\n\n');
  const stripped = Array.from({ length: 7 }, () => foldDiacritics(clean)).join('\n\n');
  const ocr = [
    readFileSync(join(SEEDS, '003_0e471ed369bb78c5.part1.txt'), 'utf8'),
    ...['eng-d1-s7.txt', 'eng-d2-s7.txt'].map((f) => readFileSync(join('fixtures/ocr/heldout', f), 'utf8')),
  ].join('\n\n');
  const out: Record<string, number> = {};
  console.log('\nstripped and OCR text: restoring the windows around reference anchors (default) vs the whole text first');
  for (const [key, text, input] of [
    ['stripped', stripped, 'stripped'],
    ['ocr', ocr, 'ocr'],
  ] as const) {
    const bytes = Buffer.byteLength(text, 'utf8');
    const covered = anchorWindows(text).reduce((n, w) => n + w.end - w.start, 0) / text.length;
    const windows = () => extractReferences(text, { input, model });
    const whole = () => extractReferencesAndText(text, { input, model }).references;
    const same = JSON.stringify(windows()) === JSON.stringify(whole());
    const [w, f] = alternating([windows, whole], 5);
    console.log(
      `  ${key.padEnd(8)} ${fmt(bytes / 1e6, 2)} MB, windows cover ${fmt(100 * covered)}% of it; ${windows().length} references, ` +
        `${same ? 'the same' : 'NOT the same'} both ways`,
    );
    console.log(`           windows ${fmt(mbps(bytes, w), 2)} MB/s, whole text ${fmt(mbps(bytes, f), 2)} MB/s of CPU: ${fmt(f / w, 2)}x`);
    out[`${key}WindowsMBps`] = mbps(bytes, w);
    out[`${key}WholeMBps`] = mbps(bytes, f);
    out[`${key}WindowCover`] = covered;
  }
  return out;
}

export default async function benchExtract(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  // 1. Clean report text (seeds 000, 001, 002, 004): the pipeline's first scan finds nothing to rewrite.
  // 2. All five seeds: seed 003 (raw OCR) holds characters the normalizer rewrites, so the whole string is
  //    normalized before the finder reads it. 3. The finder alone on the same text.
  const runs: [string, string, (t: string) => number][] = [
    ['clean', seedCorpus(true), (t) => extractReferences(t).length],
    ['mixed', seedCorpus(false), (t) => extractReferences(t).length],
    ['finder', seedCorpus(false), (t) => findReferences(t).length],
  ];
  const labels: Record<string, string> = {
    clean: 'extractReferences, clean seeds (000-002, 004)',
    mixed: 'extractReferences, all five seeds (003 is raw OCR: the whole string is normalized)',
    finder: 'findReferences (the finder alone), all five seeds',
  };
  for (const [key, text, fn] of runs) {
    const bytes = Buffer.byteLength(text, 'utf8');
    const { cpuMs, wallMs, last } = timePasses(() => fn(text));
    const rate = mbps(bytes, cpuMs);
    console.log(`${labels[key]}: ${fmt(bytes / 1e6, 2)} MB, ${last} references`);
    console.log(`  one core: median ${fmt(cpuMs, 1)} ms CPU per pass = ${fmt(rate)} MB/s (wall clock: ${fmt(mbps(bytes, wallMs))} MB/s)`);
    results[`${key}MBps`] = rate;
    results[`${key}WallMBps`] = mbps(bytes, wallMs);
  }
  console.log(`(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  results.seedMBps = results.cleanMBps;
  Object.assign(results, restorationRuns());
  console.log('\nadversarial inputs (least CPU ms of 5 runs at 0.25 / 0.5 / 1 MB, and the ratio 1 MB : 0.5 MB):');
  let worstRatio = 0;
  let worstMs = 0;
  for (const [name, unit] of Object.entries(ADVERSARIAL)) {
    const times = [250_000, 500_000, 1_000_000].map((b) => {
      const s = fill(unit, b);
      extractReferences(s);
      return cpuMin(() => void extractReferences(s), 5);
    });
    const ratio = times[2] / times[1];
    worstRatio = Math.max(worstRatio, ratio);
    worstMs = Math.max(worstMs, times[2]);
    console.log(`  ${name.padEnd(24)} ${times.map((t) => fmt(t, 2).padStart(8)).join(' ')}   ratio ${fmt(ratio, 2)}`);
  }
  results.adversarialWorstRatio = worstRatio;
  results.adversarialWorstMsPerMB = worstMs;
  return results;
}
