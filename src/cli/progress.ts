/**
 * The progress bar of the bulk commands: one line on stderr, redrawn a few
 * times a second, only on a terminal (and never with --quiet):
 *
 *   1,234 docs  56.7/200.0 MB [=====>        ] 28%  2,345 docs/s  98.1 MB/s  ETA 0:01:23  3 failed
 *
 * Rates are over the last few seconds (so they follow the current pace); the
 * ETA divides the bytes left by that rate and shows only when the total is
 * known (paths; not streams or gzipped archives).
 */
import type { Writable } from 'node:stream';

export interface ProgressSnapshot {
  documents: number;
  bytes: number;
  failed: number;
  totalBytes: number | null;
}

export interface Rate {
  docsPerSec: number;
  bytesPerSec: number;
}

/** The line for a snapshot (pure: tested on its own). */
export function renderProgress(s: ProgressSnapshot, rate: Rate | null, width = 100): string {
  const parts: string[] = [`${fmtInt(s.documents)} docs`];
  if (s.totalBytes !== null && s.totalBytes > 0) {
    const share = Math.min(1, s.bytes / s.totalBytes);
    parts.push(`${fmtMB(s.bytes)}/${fmtMB(s.totalBytes)} MB`);
    if (width >= 90) parts.push(bar(share, 16));
    parts.push(`${Math.floor(share * 100)}%`);
  } else {
    parts.push(`${fmtMB(s.bytes)} MB`);
  }
  if (rate) {
    parts.push(`${fmtInt(Math.round(rate.docsPerSec))} docs/s`, `${rate.bytesPerSec / 1e6 >= 100 ? (rate.bytesPerSec / 1e6).toFixed(0) : (rate.bytesPerSec / 1e6).toFixed(1)} MB/s`);
    if (s.totalBytes !== null && rate.bytesPerSec > 0 && s.bytes < s.totalBytes) {
      parts.push(`ETA ${fmtDuration((s.totalBytes - s.bytes) / rate.bytesPerSec)}`);
    }
  }
  if (s.failed > 0) parts.push(`${fmtInt(s.failed)} failed`);
  const line = parts.join('  ');
  return line.length > width - 1 ? line.slice(0, Math.max(0, width - 1)) : line;
}

function bar(share: number, cells: number): string {
  const full = Math.floor(share * cells);
  return `[${'='.repeat(full)}${full < cells ? '>' : ''}${' '.repeat(Math.max(0, cells - full - 1))}]`;
}

export function fmtInt(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function fmtMB(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 100 ? mb.toFixed(0) : mb.toFixed(1);
}

/** Seconds as H:MM:SS (or M:SS under an hour). */
export function fmtDuration(seconds: number): string {
  const t = Math.max(0, Math.round(seconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Rate over a sliding window of samples. */
export class RateMeter {
  private samples: Array<{ t: number; docs: number; bytes: number }> = [];
  constructor(private readonly windowMs = 5000) {}

  add(t: number, docs: number, bytes: number): Rate | null {
    this.samples.push({ t, docs, bytes });
    while (this.samples.length > 2 && t - this.samples[1].t >= this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const dt = (t - first.t) / 1000;
    if (dt <= 0) return null;
    return { docsPerSec: (docs - first.docs) / dt, bytesPerSec: (bytes - first.bytes) / dt };
  }
}

export interface ProgressBarOptions {
  /** Draw at all (a terminal, not --quiet). */
  enabled: boolean;
  intervalMs?: number;
  now?: () => number;
}

/** Draws the line on `stream` every `intervalMs` from `read()`; `log` prints a message above it. */
export class ProgressBar {
  private timer: NodeJS.Timeout | null = null;
  private shown = false;
  private readonly meter = new RateMeter();
  private rate: Rate | null = null;
  private readonly now: () => number;

  constructor(
    private readonly stream: Writable & { columns?: number },
    private readonly options: ProgressBarOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  start(read: () => ProgressSnapshot): void {
    if (!this.options.enabled || this.timer) return;
    this.read = read;
    this.meter.add(this.now(), 0, 0);
    this.timer = setInterval(() => this.draw(), this.options.intervalMs ?? 200);
    this.timer.unref();
  }

  /** Prints a line (a failure) without tearing the bar. */
  log(line: string): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.stream.write(line.endsWith('\n') ? line : `${line}\n`);
    if (this.shown) this.draw(false);
  }

  /** Removes the bar (before the summary). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private read: () => ProgressSnapshot = () => ({ documents: 0, bytes: 0, failed: 0, totalBytes: null });

  private draw(sample = true): void {
    const s = this.read();
    if (sample) this.rate = this.meter.add(this.now(), s.documents, s.bytes) ?? this.rate;
    // A terminal that reports no width (0 under some pseudo-terminals) gets 100 columns.
    const width = this.stream.columns && this.stream.columns >= 20 ? this.stream.columns : 100;
    this.stream.write(`\r${renderProgress(s, this.rate, width)}\x1b[K`);
    this.shown = true;
  }
}
