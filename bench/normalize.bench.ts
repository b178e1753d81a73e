/**
 * `npm run bench -- normalize`: normalizeText throughput on clean NFC text
 * (the fast path: one scan, input returned as it is) and on legacy text
 * (TCVN3, VNI, mojibake, NFD), as strings and as bytes; tokenize throughput.
 *
 * Input: the seed reports 000, 001, 002, 004 (normalized), repeated to about
 * 8 MB of UTF-8; the legacy forms are made by the test encoder.
 * MB/s is 10^6 bytes of input per second: UTF-8 bytes for Unicode text, one
 * byte per character for the one-byte legacy forms. Wall-clock figures
 * depend on the load of the machine; CPU-time figures (user + system time
 * of this process) less so: both are printed.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { normalizeText } from '../src/text/normalize.js';
import { tokenize, tokenizeStream } from '../src/text/tokenize.js';
import { encodeBytes, encodeString } from '../test/text/helpers/encode.js';
import { fmt, mbps } from './util.js';

const SEEDS = ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt'];

/** A flat (not rope) copy of a string, as a file read gives. */
function flat(s: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(s));
}

/** Runs `fn` for at least `minMs` after a warm-up; returns wall ms and CPU ms per call. */
function measure(fn: () => unknown, minMs = 1500): { wall: number; cpu: number } {
  fn();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let calls = 0;
  let t = t0;
  while (t - t0 < minMs || calls < 3) {
    fn();
    calls++;
    t = performance.now();
  }
  const c = process.cpuUsage(c0);
  return { wall: (t - t0) / calls, cpu: (c.user + c.system) / 1000 / calls };
}

export default async function bench(): Promise<Record<string, number>> {
  const base = normalizeText(SEEDS.map((f) => readFileSync(new URL(`../fixtures/seeds/${f}`, import.meta.url), 'utf8')).join('\n')).text;
  let big = base;
  while (new TextEncoder().encode(big).length < 8e6) big += '\n' + big;
  const clean = flat(big);
  const cleanBytes = new TextEncoder().encode(clean);
  const tcvn3 = flat(encodeString(clean, 'tcvn3'));
  const tcvn3Bytes = encodeBytes(clean, 'tcvn3');
  const vni = flat(encodeString(clean, 'vni'));
  const moji = flat(encodeString(clean, 'mojibake'));
  const nfd = clean.normalize('NFD');

  const cases: Array<[string, () => unknown, number]> = [
    ['clean NFC string', () => normalizeText(clean), cleanBytes.length],
    ['clean UTF-8 bytes', () => normalizeText(cleanBytes), cleanBytes.length],
    ['TCVN3 string', () => normalizeText(tcvn3), tcvn3.length],
    ['TCVN3 bytes', () => normalizeText(tcvn3Bytes), tcvn3Bytes.length],
    ['VNI string', () => normalizeText(vni), vni.length],
    ['mojibake string', () => normalizeText(moji), new TextEncoder().encode(moji).length],
    ['NFD string', () => normalizeText(nfd), new TextEncoder().encode(nfd).length],
    ['tokenizeStream', () => tokenizeStream(clean), cleanBytes.length],
    ['tokenize (Token[])', () => tokenize(clean), cleanBytes.length],
  ];
  const out: Record<string, number> = {};
  console.log(`input: ${fmt(cleanBytes.length / 1e6)} MB of UTF-8 (${clean.length} characters)`);
  console.log(`${'case'.padEnd(20)} ${'MB/s wall'.padStart(10)} ${'MB/s cpu'.padStart(10)}`);
  for (const [name, fn, bytes] of cases) {
    const m = measure(fn);
    const wall = mbps(bytes, m.wall);
    const cpu = mbps(bytes, m.cpu);
    console.log(`${name.padEnd(20)} ${fmt(wall).padStart(10)} ${fmt(cpu).padStart(10)}`);
    out[`${name} MB/s`] = Number(fmt(wall));
    out[`${name} MB/s cpu`] = Number(fmt(cpu));
  }
  return out;
}
