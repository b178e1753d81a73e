/**
 * Documents read in this thread (for `vnref graph PATH...` and `vnref extract
 * FILE...` without the worker pool, and for callers of `readSources`): the
 * one archive reader of the bulk path (archive/sources.ts: a file, a
 * directory walked in name order with its .txt/.md files and its JSONL
 * archives, a JSONL archive, optionally gzipped, a stream), each document
 * decoded as a bulk worker decodes it (archive/read-item.ts: UTF-8, UTF-16,
 * legacy Vietnamese encodings; binary refused). Problems (a path that cannot
 * be read, a malformed line, a binary file) go to `onProblem` with the path
 * and line number, and reading goes on with the rest.
 */
import { createReadStream } from 'node:fs';
import type { DocumentError } from '../schema.js';
import { readSourceItem } from './archive/read-item.js';
import { isArchivePath, openSource, type ArchiveSource } from './archive/sources.js';

export { isArchivePath };

export interface SourceDocument {
  /** The file path as given (directory entries joined to it), or the archive line's `id` (`ARCHIVE:LINE` without one). */
  id: string;
  text: string;
  /** The file, or the archive the line came from. */
  path: string;
  /** 1-based line in a JSONL archive. */
  line?: number;
}

export interface SourceProblem {
  path: string;
  line?: number;
  message: string;
  /** What went wrong: 'unreadable', 'too-large', 'binary', 'encoding', 'invalid-record'. */
  code?: DocumentError['code'];
}

export interface ReadSourcesOptions {
  /** Extensions read from directories (with the dot, any case). Default .txt and .md. */
  extensions?: readonly string[];
  /** Larger files and lines are reported, not read. Default 64 MiB. */
  maxDocumentBytes?: number;
  onProblem?: (problem: SourceProblem) => void;
}

/** Reads the documents of every path (or of a JSONL stream) in order. */
export async function* readSources(source: readonly string[] | ArchiveSource, options: ReadSourcesOptions = {}): AsyncGenerator<SourceDocument> {
  const problem = options.onProblem ?? (() => undefined);
  const opened = openSource(source, {
    extensions: options.extensions ?? ['.txt', '.md'],
    maxDocumentBytes: options.maxDocumentBytes ?? 64 * 1024 * 1024,
  });
  try {
    for await (const items of opened.items) {
      for (const item of items) {
        const doc = readSourceItem(item);
        const path = doc.file ?? doc.id;
        if (doc.error) {
          const p: SourceProblem = { path, message: doc.reason, code: doc.error.code };
          if (doc.line !== undefined) p.line = doc.line;
          problem(p);
          continue;
        }
        const out: SourceDocument = { id: doc.id, text: doc.text, path };
        if (doc.line !== undefined) out.line = doc.line;
        yield out;
      }
    }
  } finally {
    opened.close?.();
  }
}

/** Streams one JSONL archive (whatever its name): `{ "id", "text" }` per line, malformed lines reported and skipped. */
export function readArchive(path: string, problem: (p: SourceProblem) => void): AsyncGenerator<SourceDocument> {
  if (isArchivePath(path)) return readSources([path], { onProblem: problem });
  return readSources({ jsonl: createReadStream(path), name: path }, { onProblem: problem });
}
