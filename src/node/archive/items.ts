/** What the archive readers produce: one item per document, or per document that could not be read. */
import type { DocumentError } from '../../schema.js';

/** The bytes of one whole file (decoded in a worker). */
export interface FileItem {
  kind: 'file';
  id: string;
  file: string;
  bytes: Uint8Array;
}

/** One line of a JSONL archive, undecoded (parsed in a worker). */
export interface RecordItem {
  kind: 'record';
  /** The archive's path or name. */
  file: string;
  /** 1-based line number in the archive. */
  line: number;
  bytes: Uint8Array;
}

/** A document given as a string by the caller. */
export interface TextItem {
  kind: 'text';
  id: string;
  text: string;
  /** UTF-8 length of `text`. */
  bytes: number;
}

/** A document (or a whole archive) that could not be read: reported, never sent to a worker. */
export interface ErrorItem {
  kind: 'error';
  id: string;
  file?: string;
  bytes: number;
  error: DocumentError;
}

export type SourceItem = FileItem | RecordItem | TextItem | ErrorItem;

/** Input bytes an item stands for (for progress, bounds and the result's `bytes`). */
export function itemSize(item: SourceItem): number {
  return typeof item.bytes === 'number' ? item.bytes : item.bytes.byteLength;
}

/** The id a JSONL record gets when it has none (or its line is broken): `ARCHIVE:LINE`. */
export function lineId(file: string, line: number): string {
  return `${file}:${line}`;
}
