/**
 * Archive readers: turn what the caller names (paths, a JSONL stream, documents
 * in memory) into a stream of items, one per document, in a stable order.
 *
 * - A directory is walked recursively in name order (code-point order at
 *   each level). Files ending in one of `extensions` (default `.txt`, `.md`,
 *   case-insensitive) are documents; `.jsonl`/`.ndjson` files, optionally
 *   gzipped (`.jsonl.gz`), are archives and are read line by line. Names
 *   starting with "." are skipped; symbolic links to files are followed, to
 *   directories not (no cycles).
 * - A file named explicitly is a document whatever its extension (an archive
 *   when it ends in `.jsonl`, `.ndjson` or those plus `.gz`).
 * - A Node stream or `{ jsonl: stream }` is a JSONL archive.
 * - `{ documents: iterable }` gives `{ id, text }` objects directly.
 *
 * Nothing here throws for a bad file: an unreadable path, file or archive
 * becomes an error item with the reason, and the rest goes on.
 */
import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import * as fs from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describe } from '../../errors.js';
import type { ErrorItem, SourceItem } from './items.js';
import { splitJsonl } from './jsonl.js';

/** A document given in memory. */
export interface DocumentInput {
  /** Its id in the results; default `#N` (1-based position). */
  id?: string;
  text: string;
}

/** What `processArchive` reads; see the module comment. */
export type ArchiveSource =
  | string
  | readonly string[]
  | Readable
  | { jsonl: AsyncIterable<Uint8Array | string>; name?: string }
  | { documents: Iterable<DocumentInput> | AsyncIterable<DocumentInput> };

export interface SourceOptions {
  extensions: readonly string[];
  maxDocumentBytes: number;
  /** Files read at once (the reads run on libuv's thread pool). */
  readAhead?: number;
}

export interface OpenedSource {
  /** The items, in batches (one array per chunk of input). */
  items: AsyncIterable<SourceItem[]>;
  /** Total input bytes when they can be known up front (files, plain JSONL files), else null. Computed on first call. */
  totalBytes(): Promise<number | null>;
  /** Releases what the source holds open (a stream given by the caller is destroyed). */
  close?(): void;
}

const ARCHIVE = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;
const CHUNK_BYTES = 1024 * 1024;

/** True for a path read as a JSONL archive. */
export function isArchivePath(path: string): boolean {
  return ARCHIVE.test(path);
}

/** Checks `source` and opens it lazily (nothing is read until `items` is iterated). */
export function openSource(source: unknown, options: SourceOptions): OpenedSource {
  if (typeof source === 'string') return openPaths([source], options);
  if (Array.isArray(source)) {
    source.forEach((p, i) => {
      if (typeof p !== 'string') {
        throw new TypeError(`processArchive: argument "source" must be a list of paths, got ${describe(p)} at index ${i}`);
      }
    });
    return openPaths(source as string[], options);
  }
  if (source instanceof Readable) return { ...openJsonl(source, 'stdin', options), close: () => source.destroy() };
  if (typeof source === 'object' && source !== null) {
    if ('jsonl' in source && isAsyncIterable((source as { jsonl: unknown }).jsonl)) {
      const { jsonl, name } = source as { jsonl: AsyncIterable<Uint8Array | string>; name?: unknown };
      if (name !== undefined && typeof name !== 'string') {
        throw new TypeError(`processArchive: "source.name" must be a string, got ${describe(name)}`);
      }
      const opened = openJsonl(jsonl, name ?? 'stdin', options);
      return jsonl instanceof Readable ? { ...opened, close: () => jsonl.destroy() } : opened;
    }
    if ('documents' in source) {
      const docs = (source as { documents: unknown }).documents;
      if (isAsyncIterable(docs) || isIterable(docs)) return openDocuments(docs as Iterable<DocumentInput>);
    }
  }
  throw new TypeError(
    `processArchive: argument "source" must be a path, a list of paths, a Node stream, { jsonl } or { documents }, got ${describe(source)}`,
  );
}

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}
function isIterable(v: unknown): v is Iterable<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function';
}

// ---- documents in memory -------------------------------------------------

function openDocuments(docs: Iterable<DocumentInput> | AsyncIterable<DocumentInput>): OpenedSource {
  async function* items(): AsyncGenerator<SourceItem[]> {
    let n = 0;
    let out: SourceItem[] = [];
    for await (const doc of docs as AsyncIterable<DocumentInput>) {
      n++;
      const fallback = `#${n}`;
      if (typeof doc !== 'object' || doc === null || typeof doc.text !== 'string') {
        out.push(errorItem(fallback, undefined, 'invalid-record', `document ${n} is not { id?, text: string } (got ${describe(doc)})`));
      } else if (doc.id !== undefined && typeof doc.id !== 'string') {
        out.push(errorItem(fallback, undefined, 'invalid-record', `document ${n}: "id" must be a string, got ${describe(doc.id)}`));
      } else {
        out.push({ kind: 'text', id: doc.id ?? fallback, text: doc.text, bytes: Buffer.byteLength(doc.text, 'utf8') });
      }
      if (out.length >= 64) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  }
  return {
    items: items(),
    totalBytes: async () =>
      Array.isArray(docs) ? docs.reduce((sum: number, d: DocumentInput) => sum + (typeof d?.text === 'string' ? Buffer.byteLength(d.text) : 0), 0) : null,
  };
}

// ---- JSONL streams -------------------------------------------------------

function openJsonl(stream: AsyncIterable<Uint8Array | string>, name: string, options: SourceOptions): OpenedSource {
  async function* items(): AsyncGenerator<SourceItem[]> {
    try {
      yield* splitJsonl(stream, { file: name, maxLineBytes: options.maxDocumentBytes });
    } catch (err) {
      yield [errorItem(name, name, 'unreadable', `archive read failed: ${message(err)}`)];
    }
  }
  return { items: items(), totalBytes: async () => null };
}

// ---- paths ---------------------------------------------------------------

type Entry = { kind: 'doc'; path: string } | { kind: 'archive'; path: string } | { kind: 'error'; item: ErrorItem };

function openPaths(paths: readonly string[], options: SourceOptions): OpenedSource {
  const exts = options.extensions.map((e) => e.toLowerCase());
  let total: Promise<number | null> | undefined;
  return {
    items: readEntries(walkPaths(paths, exts), options),
    totalBytes: () => (total ??= sumSizes(walkPaths(paths, exts))),
  };
}

/** The documents and archives under `paths`, in order. */
async function* walkPaths(paths: readonly string[], exts: string[]): AsyncGenerator<Entry> {
  for (const path of paths) {
    let st: fs.Stats;
    try {
      st = await stat(path);
    } catch (err) {
      yield { kind: 'error', item: errorItem(path, path, 'unreadable', message(err)) };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(path, exts);
    else yield { kind: isArchivePath(path) ? 'archive' : 'doc', path };
  }
}

async function* walkDir(dir: string, exts: string[]): AsyncGenerator<Entry> {
  let names: Array<{ name: string; dir: boolean; link: boolean; file: boolean }>;
  try {
    names = [];
    for await (const d of await opendir(dir)) {
      if (d.name.startsWith('.')) continue;
      names.push({ name: d.name, dir: d.isDirectory(), link: d.isSymbolicLink(), file: d.isFile() });
    }
  } catch (err) {
    yield { kind: 'error', item: errorItem(dir, dir, 'unreadable', `cannot list directory: ${message(err)}`) };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    const path = join(dir, e.name);
    if (e.dir) {
      yield* walkDir(path, exts);
      continue;
    }
    let isFile = e.file;
    if (e.link) {
      // Follow links to files only: a link to a directory could make a cycle.
      try {
        isFile = (await stat(path)).isFile();
      } catch {
        continue; // a dangling link is not a document
      }
    }
    if (!isFile) continue;
    if (isArchivePath(path)) yield { kind: 'archive', path };
    else if (hasExtension(e.name, exts)) yield { kind: 'doc', path };
  }
}

function hasExtension(name: string, exts: string[]): boolean {
  const lower = name.toLowerCase();
  return exts.some((e) => lower.endsWith(e) && lower.length > e.length);
}

/** Reads documents with a few reads in flight, archives line by line, all in walk order. */
async function* readEntries(entries: AsyncIterable<Entry>, options: SourceOptions): AsyncGenerator<SourceItem[]> {
  const ahead = Math.max(1, options.readAhead ?? 8);
  const reads: Array<Promise<SourceItem>> = [];
  const drain = async function* (keep: number): AsyncGenerator<SourceItem[]> {
    while (reads.length > keep) yield [await reads.shift()!];
  };
  for await (const entry of entries) {
    if (entry.kind === 'doc') {
      reads.push(readDocument(entry.path, options.maxDocumentBytes));
      yield* drain(ahead - 1);
      continue;
    }
    yield* drain(0);
    if (entry.kind === 'error') yield [entry.item];
    else yield* readArchive(entry.path, options);
  }
  yield* drain(0);
}

async function* readArchive(path: string, options: SourceOptions): AsyncGenerator<SourceItem[]> {
  let stream: AsyncIterable<Uint8Array>;
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (/\.gz$/i.test(path)) {
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    file.on('error', (err) => gunzip.destroy(err));
    stream = file.pipe(gunzip);
  } else {
    stream = file;
  }
  try {
    yield* splitJsonl(stream, { file: path, maxLineBytes: options.maxDocumentBytes });
  } catch (err) {
    yield [errorItem(path, path, 'unreadable', `archive read failed: ${message(err)}`)];
  } finally {
    file.destroy();
  }
}

/** One file's bytes, or why they could not be read (checks the size before reading). */
export function readDocument(path: string, maxBytes: number): Promise<SourceItem> {
  return new Promise((resolve) => {
    const fail = (code: 'unreadable' | 'too-large', msg: string, bytes = 0) =>
      resolve(errorItem(path, path, code, msg, bytes));
    fs.open(path, 'r', (err, fd) => {
      if (err) return fail('unreadable', message(err));
      const close = (then: () => void) => fs.close(fd, () => then());
      fs.fstat(fd, (err2, st) => {
        if (err2) return close(() => fail('unreadable', message(err2)));
        if (!st.isFile()) return close(() => fail('unreadable', 'not a regular file'));
        if (st.size > maxBytes) {
          return close(() => fail('too-large', `${st.size} bytes, more than the limit of ${maxBytes}`, st.size));
        }
        fs.readFile(fd, (err3, bytes) => {
          close(() => {
            if (err3) fail('unreadable', message(err3));
            else if (bytes.length > maxBytes) fail('too-large', `more than the limit of ${maxBytes} bytes`, bytes.length);
            else resolve({ kind: 'file', id: path, file: path, bytes });
          });
        });
      });
    });
  });
}

async function sumSizes(entries: AsyncIterable<Entry>): Promise<number | null> {
  let sum = 0;
  for await (const e of entries) {
    if (e.kind === 'error') continue;
    if (/\.gz$/i.test(e.path)) return null; // compressed size says little about the text
    try {
      sum += (await stat(e.path)).size;
    } catch {
      // reported when it is read
    }
  }
  return sum;
}

function errorItem(
  id: string,
  file: string | undefined,
  code: ErrorItem['error']['code'],
  msg: string,
  bytes = 0,
): ErrorItem {
  return file === undefined
    ? { kind: 'error', id, bytes, error: { code, message: msg } }
    : { kind: 'error', id, file, bytes, error: { code, message: msg } };
}

/** "ENOENT: no such file or directory": the system's code first (what scripts match), then what it means. */
function message(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as NodeJS.ErrnoException).code === 'string') {
    const e = err as NodeJS.ErrnoException;
    const reason: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
      EMFILE: 'too many open files',
      EIO: 'I/O error',
    };
    const code = e.code!;
    return `${code}: ${reason[code] ?? e.message.replace(new RegExp(`^${code}: `), '')}`;
  }
  return err instanceof Error ? err.message : String(err);
}
