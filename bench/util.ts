/** Small timing helpers shared by the benchmarks. */
import { performance } from 'node:perf_hooks';

/** Runs `fn` until at least `minMs` elapsed (after one warm-up call); returns ms per call. */
export function timeIt(fn: () => void, minMs = 1000): number {
  fn();
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    fn();
    calls++;
    t = performance.now();
  }
  return (t - t0) / calls;
}

/** MB/s (10^6 bytes of UTF-8) for `bytes` processed in `ms`. */
export function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}
