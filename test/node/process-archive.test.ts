import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processArchive, processArchiveJsonl } from '../../src/node/process-archive.js';
import type { DocumentResult } from '../../src/schema.js';

const handler = fileURLToPath(new URL('./fixtures/handler.ts', import.meta.url));
const broken = fileURLToPath(new URL('./fixtures/broken-handler.ts', import.meta.url));
let dir: string;

function jsonl(docs: Array<{ id: string; text: string }>): string {
  return docs.map((d) => JSON.stringify(d)).join('\n') + '\n';
}
const doc = (i: number, extra = '') => ({ id: `d${i}`, text: `Báo cáo ${i}: thực hiện Nghị quyết số ${i}-NQ/TW và Quyết định ${i + 1}/QĐ-UBND.${extra}` });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of it) out.push(r);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnref-archive-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('processArchive', () => {
  it('gives every document of a JSONL archive exactly once, with its references', async () => {
    const docs = Array.from({ length: 300 }, (_, i) => doc(i));
    const path = join(dir, 'a.jsonl');
    writeFileSync(path, jsonl(docs));
    const run = processArchive(path, { jobs: 2, handler, batchDocs: 7 });
    const results = await collect(run);
    expect(results.map((r) => r.id).sort()).toEqual(docs.map((d) => d.id).sort());
    const d5 = results.find((r) => r.id === 'd5')!;
    expect(d5.references.map((r) => r.id)).toEqual(['5-NQ/TW', '6/QĐ-UBND']);
    expect(d5.file).toBe(path);
    expect(d5.bytes).toBe(Buffer.byteLength(JSON.stringify(docs[5])));
    expect(run.stats).toMatchObject({ documents: 300, failed: 0, references: 600, workers: 2, restarts: 0, pending: 0 });
    expect(run.stats.firstResultMs).toBeGreaterThan(0);
  });

  it('keeps input order with ordered: true', async () => {
    const docs = Array.from({ length: 200 }, (_, i) => doc(i, i % 17 === 0 ? ' dài'.repeat(5000) : ''));
    const results = await collect(processArchive({ documents: docs }, { jobs: 2, handler, ordered: true, batchDocs: 3 }));
    expect(results.map((r) => r.id)).toEqual(docs.map((d) => d.id));
  });

  it('goes on past a worker that dies: the culprit is reported once, every other document comes out exactly once', async () => {
    const docs = Array.from({ length: 400 }, (_, i) => doc(i, i === 37 || i === 250 ? ' @@EXIT@@' : ''));
    const path = join(dir, 'crash.jsonl');
    writeFileSync(path, jsonl(docs));
    for (const ordered of [false, true]) {
      const run = processArchive(path, { jobs: 2, handler, batchDocs: 16, ordered });
      const results = await collect(run);
      const ids = results.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(docs.map((d) => d.id).sort());
      const failed = results.filter((r) => r.error);
      expect(failed.map((r) => r.id).sort()).toEqual(['d250', 'd37']);
      for (const f of failed) {
        expect(f.error).toEqual({ code: 'crash', message: 'worker exited with code 7' });
        expect(f.references).toEqual([]);
      }
      for (const r of results.filter((r) => !r.error)) expect(r.references).toHaveLength(2);
      expect(run.stats).toMatchObject({ documents: 400, failed: 2, restarts: 2 });
    }
  });

  it('reports a document whose function throws, without replacing the worker', async () => {
    const docs = [doc(1), doc(2, ' @@THROW@@'), doc(3)];
    const run = processArchive({ documents: docs }, { jobs: 1, handler, ordered: true });
    const results = await collect(run);
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'failed', 'ok']);
    expect(results[1].error!.message).toBe('Error: handler threw on purpose');
    expect(run.stats.restarts).toBe(0);
  });

  it('gives up on a document that hangs (timeoutMs), replaces its worker and goes on', async () => {
    const docs = [doc(1), doc(2, ' @@HANG@@'), doc(3), doc(4)];
    const run = processArchive({ documents: docs }, { jobs: 1, handler, ordered: true, timeoutMs: 400 });
    const results = await collect(run);
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'timeout', 'ok', 'ok']);
    expect(results[1].error!.message).toBe('timed out after 400 ms');
    expect(run.stats.restarts).toBe(1);
  });

  it('fails alone a document that fills its worker\'s heap (workerHeapMb)', async () => {
    const docs = [doc(1), doc(2, ' @@OOM@@'), doc(3)];
    const run = processArchive({ documents: docs }, { jobs: 1, handler, ordered: true, workerHeapMb: 48 });
    const results = await collect(run);
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'crash', 'ok']);
    expect(results[1].error!.message).toMatch(/out of memory|memory limit/i);
  });

  it('reports bad files and records with the reason, and processes the rest', async () => {
    const sub = join(dir, 'faults');
    mkdirSync(sub);
    writeFileSync(join(sub, '1-good.txt'), 'Kế hoạch số 12-KH/TU');
    writeFileSync(join(sub, '2-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    writeFileSync(join(sub, '3-latin1.txt'), Buffer.from('Quy\xe9t \xf0\xfbnh 5/Q\xd0-UB', 'latin1'));
    writeFileSync(
      join(sub, '4-records.jsonl'),
      ['{"id":"ok","text":"Số 7/BC-UBND"}', '{"id":"broken",', '[1,2]', '{"id":"notext"}', '{"id":"nul","text":"a\\u0000b"}', ''].join('\n'),
    );
    const results = await collect(processArchive(sub, { jobs: 2, handler, ordered: true }));
    expect(results.map((r) => [r.id.replace(sub, ''), r.error?.code ?? r.references.map((x) => x.id).join(',')])).toEqual([
      ['/1-good.txt', '12-KH/TU'],
      ['/2-binary.txt', 'binary'],
      ['/3-latin1.txt', 'encoding'],
      ['ok', '7/BC-UBND'],
      ['/4-records.jsonl:2', 'invalid-record'],
      ['/4-records.jsonl:3', 'invalid-record'],
      ['notext', 'invalid-record'],
      ['nul', 'binary'],
    ]);
    expect(results[4].error!.message).toMatch(/^line 2: malformed JSON/);
  });

  it('returns the text when asked', async () => {
    const [r] = await collect(processArchive({ documents: [{ id: 'a', text: 'số 1' }] }, { jobs: 1, handler, text: true }));
    expect(r.text).toBe('SỐ 1');
  });

  it('hands over what a custom handler returns as data (structured clone: Maps too)', async () => {
    const [r] = await collect(processArchive({ documents: [{ id: 'a', text: 'số 5-NQ/TW @@DATA@@' }] }, { jobs: 1, handler }));
    expect(r.data).toEqual({ length: 19, codes: new Map([['5-NQ/TW', 3]]) });
  });

  it('leaves out the documents skip() names', async () => {
    const docs = Array.from({ length: 20 }, (_, i) => doc(i));
    const path = join(dir, 'skip.jsonl');
    writeFileSync(path, jsonl(docs));
    const run = processArchive(path, { jobs: 1, handler, skip: (id) => Number(id.slice(1)) % 2 === 0 });
    const ids = (await collect(run)).map((r) => r.id).sort();
    expect(ids).toEqual(docs.filter((_, i) => i % 2 === 1).map((d) => d.id).sort());
    expect(run.stats.skipped).toBe(10);
  });

  it('slows the reader to a slow consumer: read-but-untaken documents stay within the bound', async () => {
    const docs = Array.from({ length: 400 }, (_, i) => doc(i));
    const run = processArchive({ documents: docs }, { jobs: 2, handler, maxPendingDocs: 20, batchDocs: 4 });
    let most = 0;
    let n = 0;
    for await (const _ of run) {
      n++;
      most = Math.max(most, run.stats.pending);
      if (n % 50 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(n).toBe(400);
    expect(most).toBeLessThanOrEqual(20);
  });

  it('bounds pending bytes too (one document larger than the bound still passes alone)', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => doc(i, ' x'.repeat(i === 30 ? 50_000 : 500)));
    const run = processArchive({ documents: docs }, { jobs: 1, handler, maxPendingBytes: 20_000, ordered: true });
    let most = 0;
    const ids: string[] = [];
    for await (const r of run) {
      ids.push(r.id);
      most = Math.max(most, run.stats.pending);
    }
    expect(ids).toEqual(docs.map((d) => d.id));
    expect(most).toBeLessThanOrEqual(20);
  });

  it('stops on abort: finished results come out, then the abort reason; nothing twice', async () => {
    const docs = Array.from({ length: 5000 }, (_, i) => doc(i));
    const controller = new AbortController();
    const run = processArchive({ documents: docs }, { jobs: 2, handler, signal: controller.signal, batchDocs: 8 });
    const ids: string[] = [];
    let error: unknown;
    try {
      for await (const r of run) {
        ids.push(r.id);
        if (ids.length === 100) controller.abort(new Error('stop now'));
      }
    } catch (err) {
      error = err;
    }
    expect((error as Error).message).toBe('stop now');
    expect(ids.length).toBeGreaterThanOrEqual(100);
    expect(ids.length).toBeLessThan(5000);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('throws at once for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collect(processArchive({ documents: [doc(1)] }, { handler, signal: controller.signal }))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('ends cleanly when the consumer breaks out early', async () => {
    const docs = Array.from({ length: 2000 }, (_, i) => doc(i));
    const run = processArchive({ documents: docs }, { jobs: 2, handler });
    let n = 0;
    for await (const _ of run) if (++n === 10) break;
    expect(n).toBe(10);
    expect(await run.next()).toEqual({ value: undefined, done: true });
  });

  it('fails with a clear error when the workers cannot start', async () => {
    await expect(collect(processArchive({ documents: [doc(1)] }, { jobs: 1, handler: broken }))).rejects.toThrow(
      /failed 3 times in a row before finishing any batch: worker crashed: this handler cannot load/,
    );
  });

  it('rejects bad arguments with a TypeError naming them', () => {
    expect(() => processArchive(42 as never)).toThrow(/argument "source"/);
    expect(() => processArchive('x', { jobs: 0 })).toThrow(/"jobs"/);
    expect(() => processArchive('x', { ordered: 'yes' } as never)).toThrow(/"ordered"/);
    expect(() => processArchive('x', { nope: 1 } as never)).toThrow(TypeError);
    expect(() => processArchive('x', 5 as never)).toThrow(/argument "options"/);
    expect(() => processArchive('x', { skip: new Set() } as never)).toThrow(/"skip"/);
    expect(() => processArchiveJsonl('x', { records: 'lines' as never })).toThrow(/"records"/);
  });
});

describe('processArchiveJsonl', () => {
  it('serializes in the workers: one line per reference, or per document', async () => {
    const docs = [doc(1), { id: 'empty', text: 'không có gì' }];
    const refs = await collect(processArchiveJsonl({ documents: docs }, { jobs: 1, handler, ordered: true }));
    expect(refs.map((r) => r.references)).toEqual([2, 0]);
    expect(refs[1].jsonl).toHaveLength(0);
    const text = Buffer.from(refs[0].jsonl).toString('utf8');
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { doc: string; id: string });
    expect(lines.map((l) => [l.doc, l.id])).toEqual([
      ['d1', '1-NQ/TW'],
      ['d1', '2/QĐ-UBND'],
    ]);
    expect(text.startsWith('{"doc":"d1",')).toBe(true);

    const per = await collect(processArchiveJsonl({ documents: docs }, { jobs: 1, handler, ordered: true, records: 'documents' }));
    const recs = per.map((r) => JSON.parse(Buffer.from(r.jsonl).toString('utf8')) as { doc: string; references: unknown[]; header: unknown });
    expect(recs.map((r) => [r.doc, r.references.length, r.header])).toEqual([
      ['d1', 2, null],
      ['empty', 0, null],
    ]);
  });
});

// A DocumentResult is what the schema says.
describe('result shape', () => {
  it('parses with DocumentResultSchema', async () => {
    const { DocumentResultSchema } = await import('../../src/schema.js');
    const results: DocumentResult[] = await collect(processArchive({ documents: [doc(1), doc(2, '@@THROW@@')] }, { jobs: 1, handler }));
    for (const r of results) expect(DocumentResultSchema.parse(r)).toEqual(r);
  });
});

describe('the default pipeline', () => {
  it('gives for each seed what extractReferences and extractDocumentHeader give with the shipped model (as from vn-legal-refs/node)', async () => {
    const { extractDocumentHeader, extractReferences, setDefaultModelProvider } = await import('../../src/index.js');
    const { loadDefaultModel } = await import('../../src/node/model.js');
    // The workers register the shipped model, as importing vn-legal-refs/node does: OCR'd 003 is restored.
    setDefaultModelProvider(loadDefaultModel);
    const seedDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
    const results = await collect(processArchive(seedDir, { jobs: 2, ordered: true }));
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort();
    expect(results.map((r) => r.id)).toEqual(files.map((f) => join(seedDir, f)));
    for (const r of results) {
      const text = readFileSync(r.id, 'utf8');
      expect(r.error).toBeUndefined();
      expect(r.references).toEqual(extractReferences(text));
      expect(r.header).toEqual(extractDocumentHeader(text));
    }
    expect(results.reduce((n, r) => n + r.references.length, 0)).toBeGreaterThan(100);
    setDefaultModelProvider(null);
  });

  it('skips a document without triggers and returns its text when asked', async () => {
    const [r] = await collect(processArchive({ documents: [{ id: 'plain', text: 'Không có gì để trích.' }] }, { jobs: 1, text: true }));
    expect(r).toEqual({ id: 'plain', references: [], header: null, text: 'Không có gì để trích.', bytes: Buffer.byteLength('Không có gì để trích.') });
  });
});

describe('control characters in JSONL records', () => {
  it('are found whatever escape carries them, and escaped letters are not mistaken for them', async () => {
    const path = join(dir, 'controls.jsonl');
    const lines = [
      '{"id":"latin","text":"Quy\\u1ebft \\u0111\\u1ecbnh s\\u1ed1 5/Q\\u0110-UB"}',
      '{"id":"u0001","text":"a' + '\\u0001'.repeat(5) + '"}',
      '{"id":"u001F","text":"' + '\\u001F'.repeat(3) + 'b"}',
      '{"id":"b","text":"' + '\\b'.repeat(3) + 'c"}',
      '{"id":"del","text":"' + '\x7f'.repeat(3) + 'd"}',
      '{"id":"backslash-b","text":"\\\\begin 5/QĐ-UB"}',
    ];
    writeFileSync(path, lines.join('\n'));
    const results = await collect(processArchive(path, { jobs: 1, handler, ordered: true }));
    expect(results.map((r) => [r.id, r.error?.code ?? r.references.map((x) => x.id).join()])).toEqual([
      ['latin', '5/QĐ-UB'],
      ['u0001', 'binary'],
      ['u001F', 'binary'],
      ['b', 'binary'],
      ['del', 'binary'],
      ['backslash-b', '5/QĐ-UB'],
    ]);
  });
});
