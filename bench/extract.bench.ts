/**
 * `npm run bench -- extract`: throughput of extractReferences on one core.
 *
 * 1. Seed text repeated to at least 10 MB of UTF-8, in one string (MB/s =
 *    UTF-8 megabytes per second of CPU time): the clean seeds (the target:
 *    ≥ 50 MB/s on one core), all five seeds (003 is raw OCR, so the
 *    pipeline normalizes the whole string first), and the finder alone.
 * 2. Adversarial inputs (long runs of digits, slashes, hyphens, "số số số",
 *    symbol-like debris): each timed at 0.25, 0.5 and 1 MB; linear time shows
 *    as a time ratio of about 2 between consecutive sizes (a catastrophic
 *    pattern would show 4 or far more).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReferences } from '../src/index.js';
import { findReferences } from '../src/refs/extract.js';
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
