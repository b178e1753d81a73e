import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordId, splitJsonl } from '../../../src/node/archive/jsonl.js';
import type { ErrorItem, RecordItem } from '../../../src/node/archive/items.js';

async function* chunks(parts: Array<string | Uint8Array>) {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

async function collect(parts: Array<string | Uint8Array>, maxLineBytes = 1000) {
  const out: Array<RecordItem | ErrorItem> = [];
  for await (const batch of splitJsonl(chunks(parts), { file: 'a.jsonl', maxLineBytes })) out.push(...batch);
  return out;
}

const text = (item: RecordItem | ErrorItem) => (item.kind === 'record' ? Buffer.from(item.bytes).toString() : `!${item.error.code}`);

describe('splitJsonl', () => {
  it('cuts lines across chunk boundaries and numbers them', async () => {
    const items = await collect(['{"id":1}\n{"i', 'd":2}\n', '\n{"id":3}']);
    expect(items.map(text)).toEqual(['{"id":1}', '{"id":2}', '{"id":3}']);
    expect(items.map((i) => (i as RecordItem).line)).toEqual([1, 2, 4]);
  });

  it('drops a byte order mark before the first record', async () => {
    const items = await collect([new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('{"id":1}\n{"id":2}\n')])]);
    expect(items.map(text)).toEqual(['{"id":1}', '{"id":2}']);
  });

  it('drops \\r of CRLF and skips blank lines', async () => {
    const items = await collect(['{"id":1}\r\n  \r\n\r\n{"id":2}\r\n']);
    expect(items.map(text)).toEqual(['{"id":1}', '{"id":2}']);
    expect(items.map((i) => (i as RecordItem).line)).toEqual([1, 4]);
  });

  it('reports a line over the limit without holding it, and goes on', async () => {
    const long = 'x'.repeat(50);
    const items = await collect(['{"id":1}\n' + long.slice(0, 20), long.slice(20), long + '\n{"id":2}\n'], 40);
    expect(items.map(text)).toEqual(['{"id":1}', '!too-large', '{"id":2}']);
    expect(items[1]).toMatchObject({ id: 'a.jsonl:2', bytes: 100 });
    expect((items[2] as RecordItem).line).toBe(3);
  });

  it('reports an over-long last line without a newline', async () => {
    const items = await collect(['{"id":1}\n' + 'y'.repeat(60)], 40);
    expect(items.map(text)).toEqual(['{"id":1}', '!too-large']);
  });

  it('gives the same lines however the input is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '\n', '\r', ' ', '{') }), { maxLength: 8 }),
        async (parts) => {
          const whole = parts.join('');
          const one = (await collect([whole])).map(text);
          const many = (await collect(parts.length ? parts : [''])).map(text);
          expect(many).toEqual(one);
          const expected = whole
            .split('\n')
            .map((l) => l.replace(/\r$/, ''))
            .filter((l) => !/^[ \t\r]*$/.test(l));
          expect(one).toEqual(expected);
        },
      ),
    );
  });
});

describe('recordId', () => {
  const rec = (s: string): RecordItem => ({ kind: 'record', file: 'x.jsonl', line: 7, bytes: new Uint8Array(Buffer.from(s)) });
  it.each([
    ['{"id":"doc-1","text":"a"}', 'doc-1'],
    ['{"id": "doc \\"2\\"","text":"a"}', 'doc "2"'],
    ['{"id":42,"text":"a"}', '42'],
    ['{"text":"a","id":"late"}', 'late'],
    ['{"id":"a","meta":{"id":"b"}}', 'a'],
    ['{"id":"first","id":"second"}', 'second'],
    ['{"text":"no id"}', 'x.jsonl:7'],
    ['{"id":"","text":"a"}', 'x.jsonl:7'],
    ['not json', 'x.jsonl:7'],
    ['{"id":"Nghị quyết","text":""}', 'Nghị quyết'],
  ])('%s -> %s', (line, id) => {
    expect(recordId(rec(line))).toBe(id);
  });
});
