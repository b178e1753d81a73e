/** `vnref extract` on the bulk path, end to end through the command, with the real pipeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';

const seedDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
let dir: string;

function io(): CliIO & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const stdin = new PassThrough();
  stdin.end();
  return { stdin, stdout, stderr, isTTY: false, out: () => out, err: () => err };
}
const parse = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnref-extract-bulk-'));
  for (const f of seeds) copyFileSync(join(seedDir, f), join(dir, f));
  writeFileSync(join(dir, 'seeds.jsonl'), seeds.map((f) => JSON.stringify({ id: f, text: readFileSync(join(seedDir, f), 'utf8') })).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vnref extract DIR / ARCHIVE', () => {
  // The workers register the shipped language model, as importing vn-legal-refs/node does, so OCR'd
  // and stripped text is restored before extraction (the single-file path of the CLI does not, yet).
  const expected = async (file: string) => {
    const { extractReferences, setDefaultModelProvider } = await import('../../src/index.js');
    const { loadDefaultModel } = await import('../../src/node/model.js');
    setDefaultModelProvider(loadDefaultModel);
    try {
      return JSON.parse(JSON.stringify(extractReferences(readFileSync(join(seedDir, file), 'utf8')))) as Record<string, unknown>[];
    } finally {
      setDefaultModelProvider(null);
    }
  };

  it('gives, per file, what extractReferences gives, with the document id and file', async () => {
    const bulk = io();
    expect(await runCli(['extract', dir, '--jobs', '2', '--ordered'], bulk)).toBe(0);
    const fromBulk = parse(bulk.out()).filter((r) => !String(r.file).endsWith('.jsonl'));
    const want: Record<string, unknown>[] = [];
    for (const f of seeds) for (const r of await expected(f)) want.push({ doc: join(dir, f), file: join(dir, f), ...r });
    expect(fromBulk).toEqual(want);
    expect(want.length).toBeGreaterThan(100);
    expect(bulk.err()).toMatch(/^vnref extract: 10 documents; \d+ references; .* 2 workers\)\n$/);
  });

  it('gives the same for clean files as the single-file path', async () => {
    const clean = seeds.filter((f) => !f.startsWith('003'));
    const single = io();
    expect(await runCli(['extract', ...clean.map((f) => join(dir, f))], single)).toBe(0);
    const bulk = io();
    expect(await runCli(['extract', ...clean.map((f) => join(dir, f)), '--jobs', '2', '--ordered'], bulk)).toBe(0);
    expect(parse(bulk.out()).map(({ doc, ...rest }) => (expect(doc).toBe(rest.file), rest))).toEqual(parse(single.out()));
  });

  it('reads a JSONL archive: ids from the records, the same references', async () => {
    const bulk = io();
    expect(await runCli(['extract', join(dir, 'seeds.jsonl'), '--jobs', '1', '--ordered'], bulk)).toBe(0);
    const want: Record<string, unknown>[] = [];
    for (const f of seeds) for (const r of await expected(f)) want.push({ doc: f, file: join(dir, 'seeds.jsonl'), ...r });
    expect(parse(bulk.out())).toEqual(want);
  });

  it('writes one record per document with --format docs, with the text when asked', async () => {
    const bulk = io();
    expect(await runCli(['extract', join(dir, 'seeds.jsonl'), '--format', 'docs', '--text', '--ordered', '-j', '2'], bulk)).toBe(0);
    const recs = parse(bulk.out());
    expect(recs.map((r) => r.doc)).toEqual(seeds);
    const r004 = recs.find((r) => String(r.doc).startsWith('004'))!;
    expect((r004.header as { id: string }).id).toBe('398-BC/TU');
    expect(r004.text).toBe(readFileSync(join(seedDir, String(r004.doc)), 'utf8'));
  });

  it('refuses table and json output, and --text without docs, in bulk mode', async () => {
    for (const args of [['--format', 'table'], ['--format', 'json'], ['--text']]) {
      const cio = io();
      expect(await runCli(['extract', dir, ...args], cio)).toBe(2);
      expect(cio.err()).toMatch(/vnref extract: .*\(try: vnref extract --help\)/);
    }
  });

  it('lists the bulk options in its help', async () => {
    const cio = io();
    expect(await runCli(['extract', '--help'], cio)).toBe(0);
    expect(cio.out()).toMatch(/--jobs N/);
    expect(cio.out()).toMatch(/--resume FILE/);
  });
});
