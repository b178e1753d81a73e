/**
 * JSONL archives: a stream of bytes cut into lines, one document per line
 * (`{ "id": "...", "text": "..." }`). Streamed: only the current chunk and a
 * line that spans chunks are held; a line longer than `maxLineBytes` is
 * reported and skipped without being held. The lines are parsed in the
 * workers, not here; `recordId` reads just the id when the main thread needs
 * it (to skip documents when resuming).
 */
import { Buffer } from 'node:buffer';
import type { ErrorItem, RecordItem } from './items.js';
import { lineId } from './items.js';

export interface LineSplitOptions {
  /** The archive's path or name (for ids and messages). */
  file: string;
  maxLineBytes: number;
}

/**
 * Cuts a byte stream into JSONL records. Yields one array of items per input
 * chunk (arrays amortize the per-item cost of async iteration). Blank lines
 * are skipped (they still count for line numbers); a trailing `\r` is dropped.
 */
export async function* splitJsonl(
  chunks: AsyncIterable<Uint8Array | string>,
  options: LineSplitOptions,
): AsyncGenerator<Array<RecordItem | ErrorItem>> {
  const { file, maxLineBytes } = options;
  let line = 1;
  // Bytes of the current line from earlier chunks.
  let carry: Uint8Array[] = [];
  let carryBytes = 0;
  // Length of the current line when it is over the limit (its bytes are dropped).
  let overflow = -1;

  const emit = (out: Array<RecordItem | ErrorItem>, bytes: Uint8Array) => {
    // A UTF-8 byte order mark before the first record (Windows tools write one).
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    if (!isBlank(bytes, end)) {
      out.push({ kind: 'record', file, line, bytes: end === bytes.length ? bytes : bytes.subarray(0, end) });
    }
    line++;
  };
  const tooLong = (out: Array<RecordItem | ErrorItem>, bytes: number) => {
    out.push({
      kind: 'error',
      id: lineId(file, line),
      file,
      bytes,
      error: { code: 'too-large', message: `line ${line} is longer than ${maxLineBytes} bytes (${bytes}): skipped` },
    });
    line++;
  };

  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const out: Array<RecordItem | ErrorItem> = [];
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, pos);
      const end = nl === -1 ? chunk.length : nl;
      const piece = end - pos;
      if (overflow >= 0) {
        overflow += piece;
      } else if (carryBytes + piece > maxLineBytes) {
        overflow = carryBytes + piece;
        carry = [];
        carryBytes = 0;
      } else if (nl !== -1) {
        if (carryBytes === 0) emit(out, chunk.subarray(pos, end));
        else {
          carry.push(chunk.subarray(pos, end));
          emit(out, concat(carry, carryBytes + piece));
          carry = [];
          carryBytes = 0;
        }
      } else if (piece > 0) {
        carry.push(chunk.subarray(pos, end));
        carryBytes += piece;
      }
      if (nl === -1) break;
      if (overflow >= 0) {
        tooLong(out, overflow);
        overflow = -1;
      }
      pos = nl + 1;
    }
    if (out.length > 0) yield out;
  }
  const out: Array<RecordItem | ErrorItem> = [];
  if (overflow >= 0) tooLong(out, overflow);
  else if (carryBytes > 0) emit(out, concat(carry, carryBytes));
  if (out.length > 0) yield out;
}

function isBlank(bytes: Uint8Array, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const ID_PREFIX = Buffer.from('{"id":');

/**
 * The id of a JSONL record as the worker will see it (`id` when it is a string
 * or a number, else `ARCHIVE:LINE`), read cheaply: `{"id":` at the start of
 * the line is read directly; any other line is parsed whole.
 */
export function recordId(item: RecordItem): string {
  const b = item.bytes;
  if (b.length > ID_PREFIX.length && startsWith(b, ID_PREFIX)) {
    let i = ID_PREFIX.length;
    while (b[i] === 0x20) i++;
    if (b[i] === 0x22) {
      // A string: find its closing quote; escapes make us hand it to JSON.parse.
      let j = i + 1;
      let escaped = false;
      while (j < b.length && b[j] !== 0x22) {
        if (b[j] === 0x5c) {
          escaped = true;
          j++;
        }
        j++;
      }
      if (j < b.length && !hasLaterIdKey(b, j)) {
        const s = Buffer.from(b.buffer, b.byteOffset + i, j + 1 - i).toString('utf8');
        const id = escaped ? (JSON.parse(s) as string) : s.slice(1, -1);
        if (id.length > 0) return id;
      }
    }
  }
  return idOf(parseLine(b), item);
}

/** The id rule shared with the worker. */
export function idOf(record: unknown, item: { file: string; line: number }): string {
  if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
    const id = (record as { id?: unknown }).id;
    if (typeof id === 'string' && id.length > 0) return id;
    if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  }
  return lineId(item.file, item.line);
}

function parseLine(b: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
}

function startsWith(b: Uint8Array, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false;
  return true;
}

/** JSON.parse keeps the last of duplicate keys: a second top-level-looking `"id":` sends the line to the slow path. */
function hasLaterIdKey(b: Uint8Array, from: number): boolean {
  // `"id":` can occur inside a string value only as `\"id\":`, which this does not match.
  const at = Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf('"id":', from);
  return at !== -1;
}
