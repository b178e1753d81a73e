import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { isArchivePath, openSource, readDocument } from '../../../src/node/archive/sources.js';
import type { SourceItem } from '../../../src/node/archive/items.js';

const opts = { extensions: ['.txt', '.md'], maxDocumentBytes: 1000 };
let dir: string;

async function all(source: unknown, options = opts): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const batch of openSource(source, options).items) out.push(...batch);
  return out;
}
const label = (i: SourceItem) => (i.kind === 'record' ? `${i.file}:${i.line}` : i.kind === 'error' ? `!${i.id}:${i.error.code}` : i.id);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnref-sources-'));
  mkdirSync(join(dir, 'b/deep'), { recursive: true });
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'a/2.txt'), 'hai');
  writeFileSync(join(dir, 'a/10.TXT'), 'mười');
  writeFileSync(join(dir, 'b/deep/x.md'), 'x');
  writeFileSync(join(dir, 'b/notes.pdf'), '%PDF');
  writeFileSync(join(dir, 'b/shard.jsonl'), '{"id":"r1","text":"a"}\n{"id":"r2","text":"b"}\n');
  writeFileSync(join(dir, 'b/shard2.jsonl.gz'), gzipSync('{"id":"g1","text":"c"}\n'));
  writeFileSync(join(dir, '.git/HEAD.txt'), 'hidden');
  writeFileSync(join(dir, '.hidden.txt'), 'hidden');
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(1001));
  writeFileSync(join(dir, 'c.txt'), 'c');
  symlinkSync(join(dir, 'c.txt'), join(dir, 'link.txt'));
  symlinkSync(dir, join(dir, 'loop'));
  symlinkSync(join(dir, 'missing.txt'), join(dir, 'dangling.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('directories', () => {
  it('walks in name order, reads documents and archives, skips hidden names, other extensions and directory links', async () => {
    const items = await all(dir);
    expect(items.map(label)).toEqual([
      join(dir, 'a/10.TXT'),
      join(dir, 'a/2.txt'),
      `${join(dir, 'b/deep/x.md')}`,
      `${join(dir, 'b/shard.jsonl')}:1`,
      `${join(dir, 'b/shard.jsonl')}:2`,
      `${join(dir, 'b/shard2.jsonl.gz')}:1`,
      `!${join(dir, 'big.txt')}:too-large`,
      join(dir, 'c.txt'),
      join(dir, 'link.txt'),
    ]);
    const doc = items[1];
    expect(doc.kind === 'file' && Buffer.from(doc.bytes).toString()).toBe('hai');
  });

  it('honours the extensions option', async () => {
    const items = await all(join(dir, 'b'), { ...opts, extensions: ['.pdf'] });
    expect(items.filter((i) => i.kind === 'file').map(label)).toEqual([join(dir, 'b/notes.pdf')]);
  });

  it('totals the bytes of documents and plain archives, and gives up on gzip', async () => {
    expect(await openSource(join(dir, 'a'), opts).totalBytes()).toBe(3 + Buffer.byteLength('mười'));
    expect(await openSource(dir, opts).totalBytes()).toBeNull();
  });
});

describe('lists of paths', () => {
  it('reads named files whatever their extension, and reports missing ones without stopping', async () => {
    const items = await all([join(dir, 'b/notes.pdf'), join(dir, 'nope.txt'), join(dir, 'c.txt')]);
    expect(items.map(label)).toEqual([join(dir, 'b/notes.pdf'), `!${join(dir, 'nope.txt')}:unreadable`, join(dir, 'c.txt')]);
    expect((items[1] as { error: { message: string } }).error.message).toMatch(/no such file/);
  });

  it('reports an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const p = join(dir, 'locked.txt');
    writeFileSync(p, 'secret');
    chmodSync(p, 0o000);
    try {
      expect((await all([p])).map(label)).toEqual([`!${p}:unreadable`]);
    } finally {
      chmodSync(p, 0o644);
      rmSync(p);
    }
  });

  it('rejects what is not a source with a TypeError naming the argument', () => {
    expect(() => openSource(42, opts)).toThrow(/argument "source"/);
    expect(() => openSource([dir, 3], opts)).toThrow(TypeError);
    expect(() => openSource({ jsonl: Readable.from([]), name: 5 }, opts)).toThrow(/source.name/);
  });
});

describe('streams and documents', () => {
  it('reads a Node stream as JSONL', async () => {
    const items = await all(Readable.from([Buffer.from('{"id":"s1","text":"a"}\n{"id":"s2"'), Buffer.from(',"text":"b"}')]));
    expect(items.map(label)).toEqual(['stdin:1', 'stdin:2']);
  });

  it('reads { jsonl, name } with the name in ids', async () => {
    const items = await all({ jsonl: Readable.from(['{"text":"a"}\n']), name: 'dump' });
    expect(items.map(label)).toEqual(['dump:1']);
  });

  it('reports a stream that fails midway as an error item', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('{"id":"ok","text":"a"}\n'));
        this.destroy(new Error('disk gone'));
      },
    });
    const items = await all(failing);
    expect(items.map(label)).toEqual(['stdin:1', '!stdin:unreadable']);
  });

  it('takes documents in memory, numbering those without an id, and flags bad ones', async () => {
    const items = await all({ documents: [{ id: 'x', text: 'a' }, { text: 'b' }, { id: 5, text: 'c' }, 'nope'] });
    expect(items.map(label)).toEqual(['x', '#2', '!#3:invalid-record', '!#4:invalid-record']);
    expect(await openSource({ documents: [{ text: 'ab' }, { text: 'ố' }] }, opts).totalBytes()).toBe(5);
  });

  it('takes async iterables of documents', async () => {
    async function* gen() {
      yield { id: 'a', text: 'x' };
      yield { id: 'b', text: 'y' };
    }
    expect((await all({ documents: gen() })).map(label)).toEqual(['a', 'b']);
  });
});

describe('helpers', () => {
  it('isArchivePath', () => {
    expect(['a.jsonl', 'A.JSONL', 'b.ndjson', 'c.jsonl.gz'].every(isArchivePath)).toBe(true);
    expect(['a.json', 'a.txt', 'jsonl', 'a.gz'].some(isArchivePath)).toBe(false);
  });

  it('readDocument refuses a directory', async () => {
    expect(await readDocument(dir, 10)).toMatchObject({ kind: 'error', error: { code: 'unreadable' } });
  });
});
