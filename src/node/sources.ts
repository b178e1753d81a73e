/// <reference types="node" />
/**
 * Documents from paths, for `vnref graph PATH...`: a text file, a directory
 * (recursively, its .txt and .md files, in sorted order), or a JSONL archive
 * (`.jsonl`/`.ndjson`, one `{ "id": ..., "text": ... }` per line, streamed).
 * Problems (a path that cannot be read, a malformed line) go to `onProblem`
 * with the path and line number, and reading goes on with the rest.
 *
 * Kept small on purpose: the bulk pipeline (issue 8) has its own archive
 * readers; this one is what the graph command needs.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SourceDocument {
  /** The file path as given (directory entries joined to it), or the archive line's `id`. */
  id: string;
  text: string;
  path: string;
  /** 1-based line in a JSONL archive. */
  line?: number;
}

export interface SourceProblem {
  path: string;
  line?: number;
  message: string;
}

export interface ReadSourcesOptions {
  /** Extensions read from directories (lower-case, with the dot). Default .txt and .md. */
  extensions?: readonly string[];
  onProblem?: (problem: SourceProblem) => void;
}

const ARCHIVE_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

function posix(p: string): string {
  return p.replace(/\\/g, '/');
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function errorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message.replace(/^[A-Z]+: /, '')}` : String((e as Error)?.message ?? e);
}

/** Whether a path names a JSONL archive (by its extension). */
export function isArchivePath(path: string): boolean {
  return ARCHIVE_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Reads the documents of every path in order. */
export async function* readSources(paths: readonly string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceDocument> {
  const extensions = new Set((options.extensions ?? ['.txt', '.md']).map((e) => e.toLowerCase()));
  const problem = options.onProblem ?? (() => undefined);
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      problem({ path, message: errorMessage(e) });
      continue;
    }
    if (info.isDirectory()) {
      yield* readDirectory(path, extensions, problem);
    } else if (isArchivePath(path)) {
      yield* readArchive(path, problem);
    } else {
      const doc = await readTextFile(path, problem);
      if (doc) yield doc;
    }
  }
}

async function readTextFile(path: string, problem: (p: SourceProblem) => void): Promise<SourceDocument | null> {
  try {
    return { id: posix(path), text: stripBom(await readFile(path, 'utf8')), path };
  } catch (e) {
    problem({ path, message: errorMessage(e) });
    return null;
  }
}

async function* readDirectory(
  dir: string,
  extensions: Set<string>,
  problem: (p: SourceProblem) => void,
): AsyncGenerator<SourceDocument> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problem({ path: dir, message: errorMessage(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* readDirectory(path, extensions, problem); // symbolic links to directories are not followed
    } else if ((entry.isFile() || entry.isSymbolicLink()) && extensions.has(extname(entry.name).toLowerCase())) {
      const doc = await readTextFile(path, problem);
      if (doc) yield doc;
    }
  }
}

/**
 * Streams a JSONL archive: each non-blank line must be a JSON object with a
 * string `text`; `id` (string or number) is optional (default `path:line`).
 */
export async function* readArchive(path: string, problem: (p: SourceProblem) => void): AsyncGenerator<SourceDocument> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const failed: { error?: unknown } = {};
  stream.on('error', (e) => {
    failed.error = e;
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      const line = n === 1 ? stripBom(raw) : raw;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        problem({ path, line: n, message: `malformed JSON (${(e as Error).message}); line skipped` });
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problem({ path, line: n, message: 'not a JSON object { "id", "text" }; line skipped' });
        continue;
      }
      const o = value as { id?: unknown; text?: unknown };
      if (typeof o.text !== 'string') {
        problem({ path, line: n, message: `"text" must be a string; line skipped` });
        continue;
      }
      if (o.id !== undefined && o.id !== null && typeof o.id !== 'string' && typeof o.id !== 'number') {
        problem({ path, line: n, message: `"id" must be a string or a number; line skipped` });
        continue;
      }
      const id = o.id === undefined || o.id === null || o.id === '' ? `${posix(path)}:${n}` : String(o.id);
      yield { id, text: o.text, path, line: n };
    }
  } catch (e) {
    failed.error ??= e;
  }
  if (failed.error) problem({ path, message: errorMessage(failed.error) });
}
