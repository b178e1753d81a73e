/** vnref extract and vnref header, run in-process. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { encodeBytes } from '../text/helpers/encode.js';

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

  it('reads legacy-encoded files (TCVN3, VNI, Windows-1258, UTF-16) as the bulk path does, and refuses binary ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnref-legacy-'));
    try {
      const clean = readFileSync(S002, 'utf8');
      const want = (await run(['extract', S002])).out.trim().split('\n').map((l) => JSON.parse(l));
      expect(want.length).toBeGreaterThan(10);
      for (const form of ['tcvn3', 'vni', 'cp1258', 'utf16le'] as const) {
        const file = join(dir, `002.${form}.txt`);
        writeFileSync(file, encodeBytes(clean, form));
        const r = await run(['extract', file]);
        expect(r.code, form).toBe(0);
        const got = r.out.trim().split('\n').map((l) => JSON.parse(l));
        // (Not the text: TCVN3 has no en dash, "57/NQ – CP" comes back as "57/NQ - CP".)
        const fields = (x: { id: string; date: string | null; issuer: string | null; docType: string | null; relation: string }) => [x.id, x.date, x.issuer, x.docType, x.relation];
        expect(got.map(fields), form).toEqual(want.map(fields));
      }
      const header = await run(['header', join(dir, '002.tcvn3.txt')]);
      expect(JSON.parse(header.out)).toMatchObject({ id: JSON.parse((await run(['header', S002])).out).id });
      writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x00, 0x01, 0x02, 0x41]));
      const bin = await run(['extract', join(dir, 'bin.txt'), S000]);
      expect(bin.code).toBe(1);
      expect(bin.err).toContain('bin.txt: binary: NUL byte');
      expect(bin.out.trim().split('\n').length).toBe(16);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads legacy-encoded standard input', async () => {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), isTTY: false };
    let out = '';
    io.stdout.on('data', (d) => (out += d));
    io.stdin.end(Buffer.from(encodeBytes('Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.', 'vni')));
    expect(await runCli(['extract'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: '52-NQ/TW', issuer: 'Bộ Chính trị', date: '2019-09-27' });
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
