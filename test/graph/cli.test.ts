/**
 * `vnref graph` end to end (through runCli, no process): paths, directories,
 * JSONL archives with malformed lines, the formats, --merge, exit codes.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import Graph from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { readSources, type SourceProblem } from '../../src/node/sources.js';
import { seedTexts } from './synthetic.js';

async function vnref(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, { stdin: Readable.from([stdin]), stdout, stderr, isTTY: false });
  return { code, out, err };
}

describe('vnref graph', () => {
  let dir: string;
  const seeds = seedTexts();
  const seed = (prefix: string) => seeds.find((s) => s.file.startsWith(prefix))!.text;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnref-graph-'));
    mkdirSync(join(dir, 'reports', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'reports', '000.txt'), seed('000'));
    writeFileSync(join(dir, 'reports', 'sub', '002.md'), '\uFEFF' + seed('002'));
    writeFileSync(join(dir, 'reports', 'sub', 'notes.pdf'), 'not read');
    writeFileSync(
      join(dir, 'archive.jsonl'),
      [
        JSON.stringify({ id: '001', text: seed('001') }),
        '{"id": "broken", "text": ',
        '',
        JSON.stringify({ id: 7, text: 'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.' }),
        JSON.stringify({ id: 'x', text: 42 }),
        '[1, 2]',
        JSON.stringify({ text: seed('004') }),
      ].join('\n') + '\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads files, directories (recursively, .txt/.md) and JSONL archives; reports malformed lines and goes on', async () => {
    const { code, out, err } = await vnref(['graph', join(dir, 'reports'), join(dir, 'archive.jsonl')]);
    expect(code).toBe(1);
    const archive = join(dir, 'archive.jsonl');
    expect(err).toContain(`${archive}:2: malformed JSON`);
    expect(err).toContain(`${archive}:5: "text" must be a string`);
    expect(err).toContain(`${archive}:6: not a JSON object`);
    expect(err.trim().split('\n')).toHaveLength(3);
    const json = JSON.parse(out);
    const graph = Graph.from(json);
    expect(json.attributes.documents).toBe(5);
    expect(graph.getNodeAttribute('57-NQ/TW', 'mentionedBy')).toEqual(['001', '7', join(dir, 'reports', '000.txt'), join(dir, 'reports', 'sub', '002.md')].sort());
    expect(graph.hasNode('398-BC/TU')).toBe(true);
    expect(graph.getNodeAttribute('398-BC/TU', 'inputIds')).toEqual([`${archive}:7`]);
  });

  it('writes GraphML, DOT and CSV', async () => {
    const file = join(dir, 'reports', '000.txt');
    const ml = await vnref(['graph', file, '--format', 'graphml']);
    expect(ml.code).toBe(0);
    expect(ml.out).toMatch(/^<\?xml/);
    const dot = await vnref(['graph', file, '--format', 'dot', '--out', join(dir, 'g.dot')]);
    expect(dot).toMatchObject({ code: 0, out: '' });
    expect(readFileSync(join(dir, 'g.dot'), 'utf8')).toContain('"539-KH/TU" -> "57-NQ/TW"');
    const csv = await vnref(['graph', file, '--format', 'csv', '--out', join(dir, 'csv')]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'csv', 'nodes.csv'), 'utf8')).toMatch(/^key:ID,:LABEL,/);
    expect(readFileSync(join(dir, 'csv', 'edges.csv'), 'utf8')).toMatch(/^:START_ID,:END_ID,:TYPE,/);
  });

  it('--merge combines shard graphs into the one-pass graph', async () => {
    const a = join(dir, 'reports', '000.txt');
    const b = join(dir, 'reports', 'sub', '002.md');
    expect((await vnref(['graph', a, '--out', join(dir, 'p1.json')])).code).toBe(0);
    expect((await vnref(['graph', b, '--out', join(dir, 'p2.json')])).code).toBe(0);
    const merged = await vnref(['graph', '--merge', join(dir, 'p2.json'), join(dir, 'p1.json')]);
    const whole = await vnref(['graph', a, b]);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.out)).toEqual(JSON.parse(whole.out));
    // A part that is not a graph is reported; the rest is merged.
    writeFileSync(join(dir, 'bad.json'), '{"nodes": []}');
    const bad = await vnref(['graph', '--merge', join(dir, 'p1.json'), join(dir, 'bad.json'), join(dir, 'missing.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.json');
    expect(bad.err).toContain('missing.json: ENOENT');
    expect(JSON.parse(bad.out).attributes.documents).toBe(1);
  });

  it('reads one document from standard input', async () => {
    const r = await vnref(['graph', '--format', 'json', '--no-state'], 'Căn cứ Nghị định số 65/2023/NĐ-CP ngày 23/8/2023 của Chính phủ.');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.attributes.state).toBeUndefined();
    expect(json.edges.map((e: { target: string; attributes: { relation: string } }) => [e.target, e.attributes.relation])).toEqual([
      ['65/2023/NĐ-CP', 'based-on'],
    ]);
  });

  it('exit codes: 2 for usage errors, 1 for unreadable paths', async () => {
    expect((await vnref(['graph', 'x.txt', '--format', 'png'])).code).toBe(2);
    expect((await vnref(['graph', 'x.txt', '--format', 'csv'])).code).toBe(2);
    expect((await vnref(['graph', '--merge'])).code).toBe(2);
    expect((await vnref(['graph', '--max-evidence', '-3', 'x'])).code).toBe(2);
    expect((await vnref(['graph', '--bogus'])).code).toBe(2);
    const missing = await vnref(['graph', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.txt: ENOENT');
    expect(JSON.parse(missing.out).nodes).toEqual([]);
  });
});

describe('readSources', () => {
  it('yields documents in path order and reports problems with line numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnref-src-'));
    try {
      writeFileSync(join(dir, 'b.txt'), 'B');
      writeFileSync(join(dir, 'a.md'), 'A');
      writeFileSync(join(dir, 'c.jsonl'), '{"id":"1","text":"one"}\r\nnot json\n{"text":"three"}');
      const problems: SourceProblem[] = [];
      const docs = [];
      for await (const d of readSources([dir, join(dir, 'c.jsonl'), join(dir, 'missing')], { onProblem: (p) => problems.push(p) })) docs.push(d);
      // The one archive reader (as vnref extract DIR): a directory's JSONL archives are read too, in name order.
      const archive = [
        ['1', 'one'],
        [`${join(dir, 'c.jsonl')}:3`, 'three'],
      ];
      expect(docs.map((d) => [d.id, d.text])).toEqual([[join(dir, 'a.md'), 'A'], [join(dir, 'b.txt'), 'B'], ...archive, ...archive]);
      expect(problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
        [2, 'malformed'],
        [2, 'malformed'],
        [undefined, 'ENOENT:'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
