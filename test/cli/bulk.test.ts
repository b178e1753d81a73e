import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isBulkInput, parseBulkFlags, runBulkExtract, runBulkDocuments, summaryLine } from '../../src/cli/bulk.js';
import { UsageError, type CliIO } from '../../src/cli/io.js';

const handler = fileURLToPath(new URL('../node/fixtures/handler.ts', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/bulk-extract-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

const doc = (i: number, extra = '') => ({ id: `d${i}`, text: `Báo cáo ${i}: Nghị quyết số ${i}-NQ/TW và Quyết định ${i + 1}/QĐ-UBND.${extra}` });
const jsonl = (docs: Array<{ id: string; text: string }>) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

function io(stdin = ''): CliIO & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const input = new PassThrough();
  input.end(stdin);
  return { stdin: input, stdout, stderr, isTTY: false, out: () => out, err: () => err };
}

const run = (args: string[], cio: CliIO, options: { signal?: AbortSignal } = {}) => {
  const { flags, rest } = parseBulkFlags(args);
  return runBulkExtract(rest, flags, { format: 'jsonl', input: 'auto', text: false }, cio, { handler, handleSignals: false, ...options });
};
const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { doc: string; id: string; file?: string });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnref-cli-bulk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseBulkFlags', () => {
  it('takes out the bulk flags and leaves the rest', () => {
    expect(parseBulkFlags(['a', '--jobs', '3', '--format', 'docs', '-q', '--resume=out.jsonl', '--ordered', '--timeout', '2.5', 'b'])).toEqual({
      flags: { jobs: 3, resume: 'out.jsonl', quiet: true, ordered: true, timeoutMs: 2500, jsonl: false, recordFailures: false, text: false },
      rest: ['a', '--format', 'docs', 'b'],
    });
  });

  it.each([
    [['--jobs', '0'], /--jobs takes a whole number/],
    [['--jobs', 'two'], /--jobs takes a whole number/],
    [['--jobs'], /--jobs needs a value/],
    [['--resume', '-'], /--resume takes the path/],
    [['--timeout', '-1'], /--timeout takes a number/],
  ])('%j is a usage error', (args, message) => {
    expect(() => parseBulkFlags(args)).toThrow(UsageError);
    expect(() => parseBulkFlags(args)).toThrow(message);
  });
});

describe('isBulkInput', () => {
  it('is true for directories, archives and bulk flags, false for plain files', () => {
    const none = parseBulkFlags([]).flags;
    expect(isBulkInput([dir], none)).toBe(true);
    expect(isBulkInput(['x.jsonl'], none)).toBe(true);
    expect(isBulkInput(['a.txt', 'b.txt'], none)).toBe(false);
    expect(isBulkInput(['a.txt'], parseBulkFlags(['--jobs', '2']).flags)).toBe(true);
    expect(isBulkInput([], parseBulkFlags(['--jsonl']).flags)).toBe(true);
  });
});

describe('runBulkExtract', () => {
  it('writes one JSONL record per reference, carrying the document id and file, and a summary on stderr', async () => {
    const path = join(dir, 'ok.jsonl');
    writeFileSync(path, jsonl([doc(1), doc(2), { id: 'none', text: 'không có' }]));
    const cio = io();
    expect(await run([path, '--jobs', '2', '--ordered'], cio)).toBe(0);
    expect(lines(cio.out()).map((l) => [l.doc, l.id, l.file])).toEqual([
      ['d1', '1-NQ/TW', path],
      ['d1', '2/QĐ-UBND', path],
      ['d2', '2-NQ/TW', path],
      ['d2', '3/QĐ-UBND', path],
    ]);
    expect(cio.err()).toMatch(/^vnref extract: 3 documents; 4 references; 0\.0 MB in [\d.]+ s \([\d.]+ MB\/s, [\d,]+ docs\/s, 2 workers\)\n$/);
  });

  it('reads JSONL from standard input', async () => {
    const cio = io(jsonl([doc(5)]));
    expect(await run(['--jobs', '1'], cio)).toBe(0);
    expect(lines(cio.out()).map((l) => [l.doc, l.file])).toEqual([
      ['d5', 'stdin'],
      ['d5', 'stdin'],
    ]);
  });

  it('reports each bad document with its id and reason, goes on, and exits 1', async () => {
    const sub = join(dir, 'faults');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.txt'), 'Kế hoạch số 12-KH/TU');
    writeFileSync(join(sub, 'b.txt'), Buffer.from([0x00, 0x01, 0x02]));
    writeFileSync(join(sub, 'c.jsonl'), jsonl([doc(1, ' @@EXIT@@'), doc(2)]) + '{oops\n');
    const cio = io();
    expect(await run([sub, '--jobs', '2'], cio)).toBe(1);
    expect(lines(cio.out()).map((l) => l.doc).sort()).toEqual([join(sub, 'a.txt'), 'd2', 'd2']);
    const err = cio.err();
    expect(err).toContain(`vnref extract: ${join(sub, 'b.txt')}: binary: NUL byte at offset 0 (binary)\n`);
    expect(err).toContain('vnref extract: d1: worker exited with code 7 (crash)\n');
    expect(err).toContain(`vnref extract: ${join(sub, 'c.jsonl')}:3: line 3: malformed JSON`);
    expect(err).toMatch(/2 documents; 3 references; .*; 3 failed \((binary 1|crash 1|invalid-record 1)(, (binary 1|crash 1|invalid-record 1)){2}\); 1 worker restart\n/);
    expect(err).toContain(`  failed: d1: worker exited with code 7 (crash)`);
  });

  it('writes failed documents as records and exits 0 with --record-failures', async () => {
    const path = join(dir, 'rf.jsonl');
    writeFileSync(path, jsonl([doc(1), doc(2, ' @@THROW@@')]) + 'nope\n');
    const cio = io();
    expect(await run([path, '--jobs', '1', '--ordered', '--record-failures'], cio)).toBe(0);
    const recs = cio.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((r) => [r.doc, r.id ?? r.error.code])).toEqual([
      ['d1', '1-NQ/TW'],
      ['d1', '2/QĐ-UBND'],
      ['d2', 'failed'],
      [`${path}:3`, 'invalid-record'],
    ]);
    expect(recs[2]).toEqual({ doc: 'd2', file: path, error: { code: 'failed', message: 'Error: handler threw on purpose' } });
    expect(cio.err()).toContain('vnref extract: d2: Error: handler threw on purpose (failed)');
  });

  it('resumes an interrupted run: appends what is missing, and every reference ends up exactly once', async () => {
    const docs = Array.from({ length: 3000 }, (_, i) => doc(i));
    const path = join(dir, 'big.jsonl');
    writeFileSync(path, jsonl(docs));
    const out = join(dir, 'out.jsonl');

    const controller = new AbortController();
    const first = io();
    const stop = setInterval(() => {
      try {
        if (readFileSync(out, 'utf8').length > 20_000) controller.abort();
      } catch {
        // not there yet
      }
    }, 5);
    const code = await run([path, '--jobs', '2', '--resume', out], first, { signal: controller.signal });
    clearInterval(stop);
    expect(code).toBe(130);
    expect(first.err()).toMatch(/interrupted: finished results were written; run again with --resume to continue/);
    const partial = lines(readFileSync(out, 'utf8'));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(6000);

    // A torn last record, as a kill would leave it.
    writeFileSync(out, readFileSync(out, 'utf8') + '{"doc":"d2999","id":"29');
    const second = io();
    expect(await run([path, '--jobs', '2', '--resume', out], second)).toBe(0);
    expect(second.err()).toMatch(/cut \d+ bytes of a torn last record/);
    expect(second.err()).toMatch(/[\d,]+ skipped \(already in .*out\.jsonl\)/);
    const all = lines(readFileSync(out, 'utf8'));
    const keys = all.map((l) => `${l.doc} ${l.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(6000);
    expect(new Set(all.map((l) => l.doc)).size).toBe(3000);
  });

  it('writes one record per document with --format docs', async () => {
    const { flags, rest } = parseBulkFlags([join(dir, 'ok.jsonl'), '--ordered']);
    const cio = io();
    expect(await runBulkExtract(rest, flags, { format: 'docs', input: 'auto', text: false }, cio, { handler, handleSignals: false })).toBe(0);
    const recs = cio.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((r) => [r.doc, r.references.length])).toEqual([
      ['d1', 2],
      ['d2', 2],
      ['none', 0],
    ]);
  });

  it('stops and exits 1 when the output cannot be written', async () => {
    const failing = new Writable({
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const cio = { ...io(), stdout: failing };
    const docs = Array.from({ length: 20000 }, (_, i) => doc(i));
    writeFileSync(join(dir, 'many.jsonl'), jsonl(docs));
    expect(await run([join(dir, 'many.jsonl'), '--jobs', '1'], cio)).toBe(1);
    expect(cio.err()).toMatch(/writing the output failed: write EPIPE/);
  });

  it('fails at once when the --resume file cannot be written', async () => {
    const cio = io();
    expect(await run([join(dir, 'ok.jsonl'), '--resume', join(dir, 'no/such/dir/out.jsonl')], cio)).toBe(1);
    expect(cio.err()).toMatch(/^vnref extract: cannot write .*out\.jsonl: ENOENT/);
  });

  it('refuses "-" mixed with paths, and --jsonl with paths', async () => {
    await expect(run(['-', dir], io())).rejects.toThrow(UsageError);
    await expect(run(['--jsonl', dir], io())).rejects.toThrow(UsageError);
  });
});

describe('runBulkDocuments', () => {
  it('hands DocumentResults to the sink and refuses --resume', async () => {
    const got: string[] = [];
    const { flags } = parseBulkFlags(['--ordered']);
    const outcome = await runBulkDocuments([join(dir, 'ok.jsonl')], flags, (r) => void got.push(`${r.id}:${r.references.length}`), io(), {
      handler,
      handleSignals: false,
    });
    expect(got).toEqual(['d1:2', 'd2:2', 'none:0']);
    expect(outcome.exitCode).toBe(0);
    await expect(runBulkDocuments([dir], parseBulkFlags(['--resume', 'x']).flags, () => {}, io())).rejects.toThrow(/--resume/);
  });
});

describe('summaryLine', () => {
  it('lists at most ten failures', () => {
    const failures = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, error: { code: 'binary' as const, message: 'binary' } }));
    const text = summaryLine('extract', { documents: 20, failed: 12, references: 5, bytes: 2e6, skipped: 0, pending: 0, firstResultMs: 1, workers: 1, restarts: 0, batches: 1 }, 2, failures, false);
    expect(text.split('\n')).toHaveLength(12);
    expect(text).toContain('8 documents; 5 references; 2.0 MB in 2.0 s (1.0 MB/s, 10 docs/s, 1 worker); 12 failed (binary 12)');
    expect(text).toContain('  ... and 2 more (each reported above)');
  });
});

describe('Ctrl-C', () => {
  it('stops a real process on SIGINT with every finished result flushed, exit code 130', async () => {
    const docs = Array.from({ length: 20000 }, (_, i) => doc(i, ' x'.repeat(200)));
    const path = join(dir, 'sigint.jsonl');
    writeFileSync(path, jsonl(docs));
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path, '--jobs', '2'], {
      cwd: root,
      env: { ...process.env, HANDLER: handler },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    let sent = false;
    proc.stdout.on('data', (d) => {
      out += d;
      if (!sent && out.length > 50_000) {
        sent = true;
        proc.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(out.endsWith('\n')).toBe(true);
    const recs = lines(out);
    // Whole documents only: each document's two references are both there.
    const perDoc = new Map<string, number>();
    for (const r of recs) perDoc.set(r.doc, (perDoc.get(r.doc) ?? 0) + 1);
    expect([...perDoc.values()].every((n) => n === 2)).toBe(true);
    expect(perDoc.size).toBeLessThan(20000);
    expect(err).toMatch(/interrupted/);
  });
});
