/**
 * One document of an archive to text, or the reason it is not one: the same
 * rules wherever it is read (a bulk worker, or in this thread for `vnref
 * graph` and `vnref extract` on single files):
 *
 * - a file's bytes: decoded by `decodeDocument` (UTF-8, UTF-16 with a BOM,
 *   TCVN3/VNI/VISCII/Windows-1258 through the normalizer; binary refused);
 * - a JSONL line: UTF-8, a JSON object with a string `text`; its `id` (a
 *   non-empty string or a number) names it, else `ARCHIVE:LINE`;
 * - a string given by the caller: refused only when it looks binary.
 */
import { Buffer } from 'node:buffer';
import type { DocumentError } from '../../schema.js';
import { binaryTextReason, decodeDocument, decodeUtf8 } from './decode.js';
import { idOf } from './jsonl.js';
import { lineId, type SourceItem } from './items.js';

/** A document read: its text, or why it could not be (`reason` without the "line N: " that `error.message` starts with). */
export type ReadDocument =
  | { id: string; file?: string; line?: number; bytes: number; text: string; error?: undefined }
  | { id: string; file?: string; line?: number; bytes: number; text?: undefined; error: DocumentError; reason: string };

function failed(id: string, file: string | undefined, line: number | undefined, bytes: number, code: DocumentError['code'], reason: string): ReadDocument {
  const message = line === undefined ? reason : `line ${line}: ${reason}`;
  const doc: ReadDocument = { id, bytes, error: { code, message }, reason };
  if (file !== undefined) doc.file = file;
  if (line !== undefined) doc.line = line;
  return doc;
}

/** A whole file's bytes. */
export function readFileBytes(id: string, file: string, bytes: Uint8Array): ReadDocument {
  const decoded = decodeDocument(bytes);
  if (decoded.error) return failed(id, file, undefined, bytes.length, decoded.error.code, decoded.error.message);
  return { id, file, bytes: bytes.length, text: decoded.text };
}

/** One JSONL line (without its line break). */
export function readRecordBytes(file: string, line: number, bytes: Uint8Array): ReadDocument {
  const n = bytes.length;
  const fallback = lineId(file, line);
  const json = decodeUtf8(bytes);
  if (json === null) return failed(fallback, file, line, n, 'encoding', 'not UTF-8');
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (err) {
    return failed(fallback, file, line, n, 'invalid-record', `malformed JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const id = idOf(record, { file, line });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return failed(id, file, line, n, 'invalid-record', 'not a JSON object { "id", "text" }');
  const text = (record as { text?: unknown }).text;
  if (typeof text !== 'string') return failed(id, file, line, n, 'invalid-record', '"text" must be a string');
  // JSON has control characters only as escapes (and DEL raw): without those bytes, no need to scan the text.
  if (mayHoldControl(bytes)) {
    const binary = binaryTextReason(text);
    if (binary) return failed(id, file, line, n, 'binary', binary);
  }
  return { id, file, line, bytes: n, text };
}

/** A string given by the caller. */
export function readText(id: string, text: string, bytes: number): ReadDocument {
  const binary = binaryTextReason(text);
  return binary ? failed(id, undefined, undefined, bytes, 'binary', binary) : { id, bytes, text };
}

/** An item of an archive reader (archive/sources.ts), read in this thread. */
export function readSourceItem(item: SourceItem): ReadDocument {
  switch (item.kind) {
    case 'file':
      return readFileBytes(item.id, item.file, item.bytes);
    case 'record':
      return readRecordBytes(item.file, item.line, item.bytes);
    case 'text':
      return readText(item.id, item.text, item.bytes);
    default: {
      const doc: ReadDocument = { id: item.id, bytes: item.bytes, error: item.error, reason: item.error.message };
      if (item.file !== undefined) doc.file = item.file;
      return doc;
    }
  }
}

/**
 * False when a JSON line cannot hold a control character: no escape
 * `\u0000`-`\u001F` or `\u007F`, no `\b`, no raw DEL. (Escaped letters,
 * `\u00e0` and the like, are told apart by the digit after `\u00`.)
 */
function mayHoldControl(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.indexOf(0x7f) !== -1 || b.indexOf('\\b') !== -1) return true;
  for (let at = b.indexOf('\\u00'); at !== -1; at = b.indexOf('\\u00', at + 4)) {
    const d = b[at + 4];
    if (d === 0x30 || d === 0x31 || (d === 0x37 && (b[at + 5] | 0x20) === 0x66)) return true;
  }
  return false;
}
