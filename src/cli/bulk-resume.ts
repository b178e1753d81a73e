/**
 * `--resume FILE`: which documents an output JSONL already holds, so a rerun
 * after an interruption skips them and appends the rest.
 *
 * Every record the bulk commands write starts with `{"doc":ID` (the document's
 * id), and each document's records are written together, so a file cut short
 * (a kill, a full disk) can only end in a torn last line. When it does, the
 * torn line and the records of the document before it (it may be incomplete)
 * are cut off the file, and that document is done again.
 */
import { Buffer } from 'node:buffer';
import { createReadStream, promises as fsp } from 'node:fs';
import { IdSet } from './bulk-idset.js';

export interface ResumeState {
  /** Ids of the documents present in the file. */
  done: IdSet;
  /** Complete records kept. */
  records: number;
  /** Bytes cut off the end of the file (a torn tail), 0 when it was whole. */
  truncatedBytes: number;
  /** Lines that were not JSON records with a document id (kept, not counted). */
  unreadable: number;
}

const DOC_PREFIX = Buffer.from('{"doc":"');

/**
 * Reads the output file (missing: nothing done yet), truncates a torn tail,
 * and returns the ids done. Streams the file; memory is the id set.
 */
export async function loadResume(path: string): Promise<ResumeState> {
  const state: ResumeState = { done: new IdSet(), records: 0, truncatedBytes: 0, unreadable: 0 };
  let size: number;
  try {
    const st = await fsp.stat(path);
    if (!st.isFile()) throw new Error(`--resume ${path}: not a regular file`);
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw err;
  }
  if (size === 0) return state;

  // One pass: ids of complete lines; the last document's run of lines is
  // held back (its id and where it starts) until the next id shows up.
  let offset = 0; // file offset of the current chunk's start
  let carry: Buffer | null = null;
  let carryStart = 0;
  let lastId: string | null = null;
  let lastStart = 0; // file offset where the run of lastId's lines starts
  let endsWithNewline = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, pos);
      if (nl === -1) break;
      const line: Buffer = carry ? Buffer.concat([carry, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl);
      const lineStart: number = carry ? carryStart : offset + pos;
      carry = null;
      const id = docIdOf(line);
      if (id === null) {
        if (line.length > 0 && !isBlank(line)) state.unreadable++;
      } else {
        state.records++;
        if (id !== lastId) {
          if (lastId !== null) state.done.add(lastId);
          lastId = id;
          lastStart = lineStart;
        }
      }
      pos = nl + 1;
    }
    if (pos < chunk.length) {
      if (!carry) carryStart = offset + pos;
      carry = carry ? Buffer.concat([carry, chunk.subarray(pos)]) : Buffer.from(chunk.subarray(pos));
    }
    offset += chunk.length;
    endsWithNewline = chunk[chunk.length - 1] === 0x0a;
  }
  if (endsWithNewline || carry === null) {
    if (lastId !== null) state.done.add(lastId);
    return state;
  }
  // Torn tail: cut the partial line and the last document's records (which may be incomplete).
  const cutAt = lastId === null ? carryStart : lastStart;
  await fsp.truncate(path, cutAt);
  state.truncatedBytes = size - cutAt;
  return state;
}

/** The document id of an output record (`doc`, or `file` for records written without one), or null. */
export function docIdOf(line: Uint8Array): string | null {
  let end = line.length;
  if (end > 0 && line[end - 1] === 0x0d) end--;
  if (end > DOC_PREFIX.length && DOC_PREFIX.every((b, i) => line[i] === b)) {
    let j = DOC_PREFIX.length;
    let escaped = false;
    while (j < end && line[j] !== 0x22) {
      if (line[j] === 0x5c) {
        escaped = true;
        j++;
      }
      j++;
    }
    if (j < end) {
      const raw = Buffer.from(line.buffer, line.byteOffset + DOC_PREFIX.length - 1, j - DOC_PREFIX.length + 2).toString('utf8');
      try {
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      } catch {
        return null;
      }
    }
  }
  try {
    const rec = JSON.parse(Buffer.from(line.buffer, line.byteOffset, end).toString('utf8')) as { doc?: unknown; file?: unknown };
    if (typeof rec?.doc === 'string') return rec.doc;
    if (typeof rec?.file === 'string') return rec.file;
  } catch {
    // not a record
  }
  return null;
}

function isBlank(line: Uint8Array): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
