/** `vnref graph --jobs`: the digests made on the worker pool give the graph a single pass gives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';

const seedDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
let dir: string;

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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnref-graph-bulk-'));
  mkdirSync(join(dir, 'docs'));
  for (const f of seeds) copyFileSync(join(seedDir, f), join(dir, 'docs', f));
  mkdirSync(join(dir, 'faulty'));
  copyFileSync(join(seedDir, seeds[0]), join(dir, 'faulty', seeds[0]));
  writeFileSync(join(dir, 'faulty', 'broken.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
  writeFileSync(join(dir, 'seeds.jsonl'), seeds.map((f) => JSON.stringify({ id: f, text: readFileSync(join(seedDir, f), 'utf8') })).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vnref graph --jobs', () => {
  it('builds the same graph as the single pass from a directory', async () => {
    const one = io();
    await runCli(['graph', join(dir, 'docs')], one);
    const pool = io();
    expect(await runCli(['graph', join(dir, 'docs'), '--jobs', '2'], pool)).toBe(0);
    expect(JSON.parse(pool.out())).toEqual(JSON.parse(one.out()));
    expect(JSON.parse(pool.out()).nodes.length).toBeGreaterThan(50);
    expect(pool.err()).toMatch(/^vnref graph: 5 documents; [1-9][\d,]* references; .* 2 workers\)\n$/);
  });

  it('reports a binary file with its reason, leaves it out, and exits 1', async () => {
    const pool = io();
    expect(await runCli(['graph', join(dir, 'faulty'), '--jobs', '2'], pool)).toBe(1);
    expect(pool.err()).toContain(`vnref graph: ${join(dir, 'faulty', 'broken.txt')}: binary: NUL byte at offset 0 (binary)`);
    expect(pool.err()).toMatch(/vnref graph: 1 document; [1-9][\d,]* references; .*; 1 failed \(binary 1\)/);
    expect(JSON.parse(pool.out()).attributes.documents).toBe(1);
  });

  it('reads a JSONL archive, and standard input with --jsonl, to the same graph', async () => {
    const one = io();
    await runCli(['graph', join(dir, 'seeds.jsonl')], one);
    const pool = io();
    expect(await runCli(['graph', join(dir, 'seeds.jsonl'), '-j', '2', '--format', 'dot'], pool)).toBe(0);
    const dotOne = io();
    await runCli(['graph', join(dir, 'seeds.jsonl'), '--format', 'dot'], dotOne);
    expect(pool.out()).toBe(dotOne.out());
    const stdin = io(readFileSync(join(dir, 'seeds.jsonl'), 'utf8'));
    expect(await runCli(['graph', '--jsonl', '--jobs', '1'], stdin)).toBe(0);
    const a = JSON.parse(stdin.out());
    const b = JSON.parse(one.out());
    // Ids from standard input name the archive "stdin" in evidence; the nodes and edges are the same.
    expect(a.nodes.map((n: { key: string }) => n.key).sort()).toEqual(b.nodes.map((n: { key: string }) => n.key).sort());
    expect(a.edges.length).toBe(b.edges.length);
  });

  it('refuses --resume and --record-failures', async () => {
    for (const flag of [['--resume', 'x.jsonl'], ['--record-failures']]) {
      const cio = io();
      expect(await runCli(['graph', dir, '--jobs', '2', ...flag], cio)).toBe(2);
      expect(cio.err()).toMatch(/vnref extract/);
    }
  });
});
