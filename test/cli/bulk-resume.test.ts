import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docIdOf, loadResume } from '../../src/cli/bulk-resume.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnref-resume-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rec = (doc: string, id: string) => JSON.stringify({ doc, id, start: 0 }) + '\n';

describe('loadResume', () => {
  it('is empty for a missing or empty file', async () => {
    expect((await loadResume(join(dir, 'none.jsonl'))).done.size).toBe(0);
    writeFileSync(join(dir, 'empty.jsonl'), '');
    expect((await loadResume(join(dir, 'empty.jsonl'))).done.size).toBe(0);
  });

  it('collects the documents of a whole file and leaves it alone', async () => {
    const p = join(dir, 'whole.jsonl');
    const body = rec('a', '1-NQ/TW') + rec('a', '2-NQ/TW') + rec('b\\"q', 'x') + rec('c', 'y');
    writeFileSync(p, body);
    const s = await loadResume(p);
    expect([...['a', 'b\\"q', 'c', 'd']].map((id) => s.done.has(id))).toEqual([true, true, true, false]);
    expect(s).toMatchObject({ records: 4, truncatedBytes: 0, unreadable: 0 });
    expect(readFileSync(p, 'utf8')).toBe(body);
  });

  it('cuts a torn tail and the last document before it, so that document is done again', async () => {
    const p = join(dir, 'torn.jsonl');
    const keep = rec('a', '1') + rec('b', '2');
    const last = rec('c', '3') + rec('c', '4');
    const torn = '{"doc":"d","id":"5","sta';
    writeFileSync(p, keep + last + torn);
    const s = await loadResume(p);
    expect(['a', 'b', 'c', 'd'].map((id) => s.done.has(id))).toEqual([true, true, false, false]);
    expect(readFileSync(p, 'utf8')).toBe(keep);
    expect(s.truncatedBytes).toBe(Buffer.byteLength(last) + torn.length);
  });

  it('works across read chunks (a large file)', async () => {
    const p = join(dir, 'large.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) lines.push(rec(`doc-${i}`, 'x'.repeat(i % 97)));
    writeFileSync(p, lines.join('') + '{"doc":"doc-30000"');
    const s = await loadResume(p);
    expect(s.done.size).toBe(29_999);
    expect(s.done.has('doc-29998')).toBe(true);
    expect(s.done.has('doc-29999')).toBe(false);
    expect(readFileSync(p, 'utf8')).toBe(lines.slice(0, -1).join(''));
  });

  it('counts lines that are not records, and reads records written with "file" only', async () => {
    const p = join(dir, 'mixed.jsonl');
    writeFileSync(p, 'garbage\n' + JSON.stringify({ file: 'x.txt', id: '1' }) + '\n\n');
    const s = await loadResume(p);
    expect(s.done.has('x.txt')).toBe(true);
    expect(s.unreadable).toBe(1);
  });
});

describe('docIdOf', () => {
  const b = (s: string) => new Uint8Array(Buffer.from(s));
  it.each([
    ['{"doc":"a/b.txt","file":"a/b.txt"}', 'a/b.txt'],
    ['{"doc":"q\\"x","id":1}', 'q"x'],
    ['{"doc":"Nghị quyết"}\r', 'Nghị quyết'],
    ['{"id":"1","doc":"late"}', 'late'],
    ['{"doc":"cut', null],
    ['[]', null],
  ])('%s -> %s', (line, id) => {
    expect(docIdOf(b(line))).toBe(id);
  });
});
