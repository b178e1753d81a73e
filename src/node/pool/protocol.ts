/**
 * Messages between the main thread and the bulk workers.
 *
 * A batch carries the bytes of all its file and record items in one
 * ArrayBuffer (transferred, not copied: the main thread keeps the items' own
 * bytes until the results arrive, in case the worker dies and they must be
 * sent again); texts given in memory travel as strings.
 *
 * Each worker writes which item it is working on into a small shared array
 * (`progress`), so that when it dies or hangs the main thread knows exactly
 * which document was the cause.
 */
import type { DocumentError, DocumentHeader, InputKind, Reference } from '../../schema.js';

/** How the worker returns a result. */
export type OutputMode =
  /** `DocumentResult` objects. */
  | 'objects'
  /** JSONL text: one line per reference (`{"doc", "file"?, ...reference}`). */
  | 'references'
  /** JSONL text: one line per document (`{"doc", "file"?, "header", "references", "text"?}`). */
  | 'documents';

/** What every worker is started with. */
export interface WorkerInit {
  /**
   * File URL of a module exporting `createHandler`, a built-in handler
   * (`builtin:graph`: the citation graph's per-document digest), or null for
   * the default pipeline.
   */
  handler: string | null;
  config: HandlerConfig;
  output: OutputMode;
  /**
   * Int32Array(3) over it: [batch token, item index, when the item began (ms
   * since \`epoch\`)]. The worker sets the index to -1 while it changes the
   * others, and to the batch's length when the batch is finished.
   */
  progress: SharedArrayBuffer;
  /** Date.now() of the pool's start: the origin of the progress times. */
  epoch: number;
}

/** What the per-document function is configured with. */
export interface HandlerConfig {
  /** Kind of text: detected per document when 'auto'. */
  input: InputKind;
  /** Return the (restored) text as well. */
  text: boolean;
  /** Leave out references below this confidence (0: keep all). */
  minConfidence?: number;
  /** Settings of a built-in handler other than the default (the graph digest's `shortForms`, `statedRelations`). */
  options?: Record<string, unknown>;
}

/** What the per-document function returns for one text. */
export interface DocumentAnalysis {
  references: Reference[];
  header: DocumentHeader | null;
  /** The text the references point into (restored when it was not clean), when asked. */
  text?: string;
  /**
   * Anything else a custom handler computes per document (structured-
   * cloneable), handed to the consumer as `DocumentResult.data`: e.g. a
   * graph builder's per-document digest, merged in the main thread.
   */
  data?: unknown;
}

/** The per-document function run in the workers. */
export type DocumentFunction = (text: string, doc: { id: string; file?: string }) => DocumentAnalysis;

/** What a handler module exports. */
export type CreateHandler = (config: HandlerConfig) => DocumentFunction | Promise<DocumentFunction>;

/** One item of a batch on the wire (k: 0 file bytes, 1 JSONL record bytes, 2 text). */
export type WireItem =
  | { k: 0; id: string; file: string; start: number; end: number }
  | { k: 1; file: string; line: number; start: number; end: number }
  | { k: 2; id: string; text: string; bytes: number };

export interface BatchMessage {
  type: 'batch';
  token: number;
  buffer: ArrayBuffer | null;
  items: WireItem[];
}

/** A result on the wire: the document result, or its JSONL serialization. */
export interface WireResult {
  id: string;
  file?: string;
  bytes: number;
  error?: DocumentError;
  /** Count of references (all modes). */
  count: number;
  /** 'objects' mode. */
  references?: Reference[];
  header?: DocumentHeader | null;
  text?: string;
  data?: unknown;
  /**
   * 'references' and 'documents' modes: where the document's lines are in the
   * batch's `output` (UTF-8), `[outStart, outEnd)`; empty for none.
   */
  outStart?: number;
  outEnd?: number;
}

export interface DoneMessage {
  type: 'done';
  token: number;
  results: WireResult[];
  /** 'references' and 'documents' modes: the UTF-8 JSONL of all results, transferred. */
  output: ArrayBuffer | null;
}

/** Slots of the progress array. */
export const PROGRESS_TOKEN = 0;
export const PROGRESS_INDEX = 1;
export const PROGRESS_SINCE = 2;
export const PROGRESS_SLOTS = 3;
