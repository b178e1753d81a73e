import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadModelFileSync } from '../../src/node/model.js';

async function cli(args: string[], stdin = '') {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runCli(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, isTTY: false });
  return { code, stdout, stderr };
}

describe('vnref restore', () => {
  it('restores standard input', async () => {
    const r = await cli(['restore'], 'Quyet dinh so 1562/QD-TTg cua Thu tuong Chinh phu\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Quyết định số 1562/QD-TTg của Thủ tướng Chính phủ\n');
  });

  it('restores files, to stdout or to --out-dir, with --tone-style', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnref-restore-'));
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, 'Tinh uy Quang Ngai\n');
    writeFileSync(b, 'hoa binh\n');
    const r = await cli(['restore', '--tone-style', 'old', a]);
    expect(r.stdout).toBe('Tỉnh uỷ Quảng Ngãi\n');
    const out = join(dir, 'out');
    const r2 = await cli(['restore', '--out-dir', out, a, b]);
    expect(r2.code).toBe(0);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('Tỉnh ủy Quảng Ngãi\n');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('hòa bình\n');
  });

  it('exits 1 for a missing file and 2 for a bad option', async () => {
    const r = await cli(['restore', '/nonexistent/x.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.txt: ENOENT/);
    expect((await cli(['restore', '--tone-style', 'sideways'])).code).toBe(2);
    expect((await cli(['restore', '--bogus'])).code).toBe(2);
    expect((await cli(['restore', '--out-dir', '/tmp/x'])).code).toBe(2);
  });

  it('reports a corrupt --model file and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnref-model-'));
    const bad = join(dir, 'bad.vnlm');
    writeFileSync(bad, 'VNLM but not really a model');
    const r = await cli(['restore', '--model', bad], 'Bo Chinh tri');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.vnlm');
  });
});

describe('vnref train-lm', () => {
  it('builds a model from a corpus and a weighted document, keeping out the held-out lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnref-train-'));
    const corpus = join(dir, 'corpus.txt');
    const lines: string[] = [];
    for (let i = 1; i <= 40; i++) lines.push(i % 20 === 0 ? `Dòng giữ lại số ${i} không được học.` : `Nghị quyết số ${i} của Bộ Chính trị về chuyển đổi số.`);
    writeFileSync(corpus, lines.join('\n') + '\n');
    const doc = join(dir, 'doc.txt');
    writeFileSync(doc, 'Ban Thường vụ Tỉnh ủy Quảng Ngãi\nbáo cáo như sau:\n');
    const out = join(dir, 'm.vnlm');
    const r = await cli(['train-lm', '--corpus', corpus, '--doc', doc, '--doc-weight', '2', '--out', out, '--min-bigram', '1', '--min-trigram', '1', '--min-fourgram', '1', '--quiet']);
    expect(r.code).toBe(0);
    const m = loadModelFileSync(out);
    expect(m.idOf('chính')).toBeGreaterThan(15);
    expect(m.idOf('tỉnh')).toBeGreaterThan(15);
    expect(m.idOf('giữ')).toBe(2); // only in held-out lines: never seen
    expect((m.meta.sources as { used: number }[])[0].used).toBe(38);
  });

  it('exits 2 without --out or a corpus, and 1 for a missing corpus', async () => {
    expect((await cli(['train-lm', '--out', '/tmp/x.vnlm'])).code).toBe(2);
    expect((await cli(['train-lm', '--corpus', 'x.txt'])).code).toBe(2);
    expect((await cli(['train-lm', '--corpus', 'x.txt', '--out', '/tmp/x.vnlm', '--order', '5'])).code).toBe(2);
    const r = await cli(['train-lm', '--corpus', '/nonexistent/c.txt', '--out', '/tmp/never.vnlm', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('c.txt');
  });
});
