/** vnref normalize, run in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { encodeBytes } from '../text/helpers/encode.js';

async function run(args: string[], stdin: Uint8Array | string = ''): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), isTTY: false };
  let out = '';
  let err = '';
  io.stdout.on('data', (d) => (out += d));
  io.stderr.on('data', (d) => (err += d));
  io.stdin.end(typeof stdin === 'string' ? stdin : Buffer.from(stdin));
  const code = await runCli(args, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'vnref-normalize-'));
const TEXT = 'Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách\n';
const files: Record<string, string> = {};
for (const form of ['tcvn3', 'vni', 'viscii', 'cp1258', 'utf16le'] as const) {
  files[form] = join(dir, `${form}.txt`);
  writeFileSync(files[form], encodeBytes(TEXT, form));
}

describe('vnref normalize', () => {
  it('reads files as bytes in any encoding and prints NFC UTF-8', async () => {
    const { code, out } = await run(['normalize', files.tcvn3, files.vni, files.utf16le]);
    expect(code).toBe(0);
    expect(out).toBe(TEXT + TEXT + TEXT);
  });

  it('--detect prints the encoding of each file', async () => {
    const { code, out } = await run(['normalize', '--detect', ...Object.values(files)]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual(Object.entries(files).map(([form, f]) => `${f}\t${form}`));
  });

  it('reads standard input (bytes), forces an encoding and a tone style', async () => {
    expect((await run(['normalize'], encodeBytes('hoà bình', 'tcvn3'))).out).toBe('hòa bình');
    expect((await run(['normalize', '--tone-style', 'old', '-'], 'hòa bình')).out).toBe('hoà bình');
    expect((await run(['normalize', '--encoding', 'viqr'], "Vie^.t Nam")).out).toBe('Việt Nam');
    expect((await run(['normalize', '--detect'], encodeBytes('Nghị quyết số', 'vni'))).out).toBe('-\tvni\n');
  });

  it('names a file it cannot read, goes on with the others, exits 1', async () => {
    const { code, out, err } = await run(['normalize', join(dir, 'missing.txt'), files.tcvn3]);
    expect(code).toBe(1);
    expect(err).toContain('missing.txt');
    expect(out).toBe(TEXT);
  });

  it('exits 2 with a one-line hint on a usage error', async () => {
    for (const args of [['normalize', '--encoding', 'latin1'], ['normalize', '--tone-style', 'middle'], ['normalize', '--bogus']]) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });
});
