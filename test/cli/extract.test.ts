/** vnref extract and vnref header, run in-process. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), isTTY: false };
  let out = '';
  let err = '';
  io.stdout.on('data', (d) => (out += d));
  io.stderr.on('data', (d) => (err += d));
  io.stdin.end(stdin);
  const code = await runCli(args, io);
  return { code, out, err };
}

const S000 = 'fixtures/seeds/000_2dae4cc2179c821d.txt';
const S002 = 'fixtures/seeds/002_652940eb11e67dde.txt';

describe('vnref extract', () => {
  it('prints one JSON object per reference with its file (JSONL)', async () => {
    const { code, out } = await run(['extract', S000]);
    expect(code).toBe(0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBe(16);
    expect(rows[0]).toMatchObject({ file: S000, id: '111/NQ-CP', docType: 'Nghị quyết', date: '2024-07-22', issuer: 'Chính phủ', relation: 'implements' });
    for (const k of ['id', 'docType', 'typeCode', 'number', 'year', 'issuerCode', 'issuer', 'date', 'start', 'end', 'text', 'relation', 'confidence']) expect(rows[0]).toHaveProperty(k);
  });

  it('reads standard input, and prints json and table formats', async () => {
    const text = 'Căn cứ Nghị định số 65/2023/NĐ-CP ngày 23/8/2023 của Chính phủ.';
    const j = await run(['extract', '--format', 'json'], text);
    expect(JSON.parse(j.out)).toMatchObject([{ file: '-', id: '65/2023/NĐ-CP', relation: 'based-on' }]);
    const t = await run(['extract', '--format=table', '-'], text);
    expect(t.out.split('\n')[0]).toMatch(/^file\s+span\s+id/);
    expect(t.out).toContain('65/2023/NĐ-CP');
  });

  it('names a file it cannot read, goes on with the others, exits 1', async () => {
    const { code, out, err } = await run(['extract', 'no/such/file.txt', S000]);
    expect(code).toBe(1);
    expect(err).toContain('no/such/file.txt');
    expect(out.trim().split('\n').length).toBe(16);
  });

  it('exits 2 with a one-line hint on a usage error', async () => {
    for (const args of [['extract', '--format', 'xml'], ['extract', '--bogus'], ['extract', '--input', 'scan'], ['extract', '--min-confidence', '7']]) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain('vnref extract --help');
    }
  });

  it('filters by confidence', async () => {
    const all = (await run(['extract', S000])).out.trim().split('\n').length;
    const sure = (await run(['extract', '--min-confidence', '0.9', S000])).out.trim().split('\n').length;
    expect(sure).toBeLessThan(all);
  });
});

describe('vnref header', () => {
  it('prints the header as one JSON object', async () => {
    const { code, out } = await run(['header', S002]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ file: S002, id: null, number: null, typeCode: 'BC', issuerCode: 'SKHCN', issuer: 'Sở Khoa học và Công nghệ', place: 'Quảng Ngãi', date: null });
  });

  it('prints nulls for a text without a header; exits 1 on an unreadable file', async () => {
    const { out } = await run(['header', S000]);
    expect(JSON.parse(out)).toMatchObject({ id: null, issuer: null, place: null, date: null });
    const bad = await run(['header', 'missing.txt']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('missing.txt');
  });
});
