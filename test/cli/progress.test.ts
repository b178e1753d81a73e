import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { fmtDuration, fmtInt, ProgressBar, RateMeter, renderProgress } from '../../src/cli/progress.js';

describe('renderProgress', () => {
  it('shows documents, MB of the total, a bar, rates, ETA and failures', () => {
    const line = renderProgress(
      { documents: 12345, bytes: 50e6, failed: 3, totalBytes: 200e6 },
      { docsPerSec: 2345.4, bytesPerSec: 10e6 },
      120,
    );
    expect(line).toBe('12,345 docs  50.0/200 MB  [====>           ]  25%  2,345 docs/s  10.0 MB/s  ETA 0:15  3 failed');
  });

  it('leaves out the total, bar and ETA when the total is unknown, and fits the width', () => {
    expect(renderProgress({ documents: 5, bytes: 1.5e6, failed: 0, totalBytes: null }, { docsPerSec: 5, bytesPerSec: 150e6 })).toBe(
      '5 docs  1.5 MB  5 docs/s  150 MB/s',
    );
    expect(renderProgress({ documents: 5, bytes: 1.5e6, failed: 0, totalBytes: null }, null, 10)).toHaveLength(9);
  });

  it('formats numbers and durations', () => {
    expect(fmtInt(1234567)).toBe('1,234,567');
    expect(fmtDuration(59.6)).toBe('1:00');
    expect(fmtDuration(3725)).toBe('1:02:05');
  });
});

describe('RateMeter', () => {
  it('measures over a sliding window', () => {
    const m = new RateMeter(1000);
    expect(m.add(0, 0, 0)).toBeNull();
    expect(m.add(500, 10, 1000)).toEqual({ docsPerSec: 20, bytesPerSec: 2000 });
    m.add(1000, 20, 2000);
    m.add(2000, 20, 2000); // stalled for a second
    expect(m.add(2500, 25, 2500)!.docsPerSec).toBeCloseTo(5 / 1.5, 5);
  });
});

describe('ProgressBar', () => {
  it('draws nothing when disabled', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (d) => (written += d));
    const bar = new ProgressBar(out, { enabled: false, intervalMs: 5 });
    bar.start(() => ({ documents: 1, bytes: 1, failed: 0, totalBytes: null }));
    await new Promise((r) => setTimeout(r, 30));
    bar.log('vnref: x: failed');
    bar.stop();
    expect(written).toBe('vnref: x: failed\n');
  });

  it('draws at 100 columns on a terminal that reports width 0', async () => {
    const out = Object.assign(new PassThrough(), { columns: 0 });
    let written = '';
    out.on('data', (d) => (written += d));
    const bar = new ProgressBar(out, { enabled: true, intervalMs: 5 });
    bar.start(() => ({ documents: 3, bytes: 1e6, failed: 0, totalBytes: null }));
    await new Promise((r) => setTimeout(r, 30));
    bar.stop();
    expect(written).toContain('3 docs  1.0 MB');
  });

  it('redraws one line, prints messages above it, and clears it on stop', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (d) => (written += d));
    const bar = new ProgressBar(out, { enabled: true, intervalMs: 5 });
    bar.start(() => ({ documents: 7, bytes: 2e6, failed: 0, totalBytes: null }));
    await new Promise((r) => setTimeout(r, 30));
    bar.log('message');
    bar.stop();
    expect(written).toMatch(/^\r7 docs {2}2\.0 MB/);
    expect(written).toContain('\r\x1b[Kmessage\n\r7 docs');
    expect(written.endsWith('\r\x1b[K')).toBe(true);
    expect(written).not.toContain('\n\n');
  });
});
