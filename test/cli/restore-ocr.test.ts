import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { correctOcr } from '../../src/restore/ocr/index.js';
import { loadModel } from '../../src/restore/model.js';
import { ocrFixture, testModelBytes } from '../restore/ocr/model.js';

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

describe('vnref restore --ocr', () => {
  it('corrects OCR output read from standard input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnref-ocr-'));
    const modelFile = join(dir, 'test.vnlm');
    writeFileSync(modelFile, testModelBytes());
    const ocr = ocrFixture('seed001-00.eng-d1-s4.txt');
    const want = correctOcr(ocr, { model: loadModel(testModelBytes()) }).text;
    const r = await cli(['restore', '--ocr', '--model', modelFile], ocr);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want);
    expect(r.stdout).not.toBe(ocr);
    // A short OCR line is not detected as OCR on its own; --ocr says it is.
    const line = await cli(['restore', '--ocr', '--model', modelFile], 'Nghi quyét s6 57-NQ/TW ngay 22/12/2024\n');
    expect(line.stdout).toContain('số 57-NQ/TW ngày 22/12/2024');
  });
});
