/**
 * `npm run bench -- extract`: throughput of extractReferences on one core.
 *
 * 1. Seed text: the five seed reports (clean and OCR) repeated to at least
 *    10 MB of UTF-8, in one string; MB/s = UTF-8 megabytes per second.
 * 2. Adversarial inputs (long runs of digits, slashes, hyphens, "số số số",
 *    symbol-like debris): each timed at 0.25, 0.5 and 1 MB; linear time shows
 *    as a time ratio of about 2 between consecutive sizes (a catastrophic
 *    pattern would show 4 or far more).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReferences } from '../src/index.js';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, mbps } from './util.js';

const SEEDS = 'fixtures/seeds';
const TARGET_BYTES = 10_500_000;

function seedCorpus(): string {
  const parts = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
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

export default async function benchExtract(): Promise<Record<string, number>> {
  const text = seedCorpus();
  const bytes = Buffer.byteLength(text, 'utf8');
  let refs = 0;
  // Passes timed one by one, in CPU time of this process (user + system) and in wall time. CPU time is the
  // figure for "one core": the machine is shared, and wall time carries the others' load. Medians.
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 2; i++) extractReferences(text);
  for (let i = 0; i < 15; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    refs = extractReferences(text).length;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const cpuMs = median(cpu);
  const wallMs = median(wall);
  const seedMbps = mbps(bytes, cpuMs);
  console.log(`seed text: ${fmt(bytes / 1e6, 2)} MB (${text.length} UTF-16 units), ${refs} references, ${cpu.length} passes`);
  console.log(`extractReferences, one core: median ${fmt(cpuMs, 1)} ms CPU per pass = ${fmt(seedMbps)} MB/s`);
  console.log(`  (wall clock: median ${fmt(wallMs, 1)} ms = ${fmt(mbps(bytes, wallMs))} MB/s; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);

  const results: Record<string, number> = { seedMBps: seedMbps, seedWallMBps: mbps(bytes, wallMs), seedMB: bytes / 1e6 };
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
