/**
 * The public types, as zod schemas: one source of truth for the shape of a
 * value and for validating it (CLI input, API options, JSONL read back).
 * Types are inferred from the schemas.
 */
import { z } from 'zod';
import type { LanguageModel } from './restore/model.js';

/** How the citing text relates to the cited document (the phrase before the reference). */
export const RelationSchema = z.enum([
  'implements', // thực hiện, triển khai (thực hiện), quán triệt
  'based-on', // căn cứ
  'amends', // sửa đổi, bổ sung
  'replaces', // thay thế
  'repeals', // bãi bỏ
  'guides', // hướng dẫn (thi hành), quy định chi tiết
  'refers', // anything else: theo, tại, như ...
]);
export type Relation = z.infer<typeof RelationSchema>;

/** Which numbering system an id follows (see docs: Party, state administrative, normative, court). */
export const FamilySchema = z.enum(['party', 'state', 'normative', 'court']);
export type Family = z.infer<typeof FamilySchema>;

/** ISO date `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One document cited in the text. */
export const ReferenceSchema = z.object({
  /** Canonical number-and-symbol: `52-NQ/TW`, `111/NQ-CP`, `65/2023/NĐ-CP`, `4119/STC-QLN`. */
  id: z.string().min(1),
  /** Type name with diacritics, as the text names it ("Kế hoạch"), or from the code. */
  docType: z.string().nullable(),
  /** Type code from the symbol (`NQ`, `QĐ`, `KH`); null for a Công văn, which has none. */
  typeCode: z.string().nullable(),
  /** The number as written ("05", "336"). */
  number: z.string(),
  /** The symbol after the number, canonical (`NQ/TW`, `NQ-CP`, `2023/NĐ-CP`). */
  symbol: z.string(),
  /** Year carried by the symbol (normative documents, court), else null. */
  year: z.number().int().nullable(),
  /** Issuer code from the symbol (`TW`, `CP`, `UBND`, `STC`, `QH15`). */
  issuerCode: z.string().nullable(),
  /** Issuing body named in the text ("Bộ Chính trị"), else null. */
  issuer: z.string().nullable(),
  /** Issue date, ISO `YYYY-MM-DD`, else null. */
  date: IsoDateSchema.nullable(),
  family: FamilySchema,
  relation: RelationSchema,
  /** UTF-16 offsets into the caller's original string; `text === input.slice(start, end)`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** 0..1: how sure the extractor is of the id and its fields. */
  confidence: z.number().min(0).max(1),
});
export type Reference = z.infer<typeof ReferenceSchema>;

/** The document's own header: its number, issuer block, place and date. */
export const DocumentHeaderSchema = z.object({
  /** Canonical id (`398-BC/TU`), or null for a draft with a blank number (`Số: /BC-SKHCN`). */
  id: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  typeCode: z.string().nullable(),
  issuerCode: z.string().nullable(),
  /** The issuing body from the header block ("Ban Thường vụ Tỉnh ủy", "Sở Khoa học và Công nghệ"). */
  issuer: z.string().nullable(),
  /** Place from the place-and-date line ("Quảng Ngãi"). */
  place: z.string().nullable(),
  date: IsoDateSchema.nullable(),
  /** Span of the number line in the original text, when found. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
});
export type DocumentHeader = z.infer<typeof DocumentHeaderSchema>;

/** What kind of text the caller passes: detected when 'auto'. */
export const InputKindSchema = z.enum(['auto', 'clean', 'stripped', 'ocr']);
export type InputKind = z.infer<typeof InputKindSchema>;

/** Tone mark placement: 'new' "hòa, thủy" (default) or 'old' "hoà, thuỷ". */
export const ToneStyleSchema = z.enum(['new', 'old']);
export type ToneStyle = z.infer<typeof ToneStyleSchema>;

// ---- text normalization (src/text/normalize.ts) ----

/** An encoding `normalizeText` reads or repairs. */
export const EncodingSchema = z.enum(['utf8', 'utf16le', 'utf16be', 'tcvn3', 'vni', 'viqr', 'viscii', 'cp1258', 'mojibake']);
export type Encoding = z.infer<typeof EncodingSchema>;

/** The `encoding` option: 'auto' (detect) or one to force. */
export const EncodingOptionSchema = z.enum(['auto', ...EncodingSchema.options]);
export type EncodingOption = z.infer<typeof EncodingOptionSchema>;

export const NormalizeOptionsSchema = z.object({
  /** 'auto' (default) detects; any other value forces that reading. */
  encoding: EncodingOptionSchema.default('auto'),
  /** Tone placement for oa/oe/uy: 'new' "hòa" (default), 'old' "hoà", or 'keep' as written. */
  toneStyle: z.enum(['new', 'old', 'keep']).default('new'),
});
export type NormalizeOptions = z.input<typeof NormalizeOptionsSchema>;

/** What `normalizeText` changed, by kind (counts). */
export const NormalizeChangesSchema = z.object({
  /** Invalid bytes (UTF-8/UTF-16) replaced by U+FFFD. */
  invalid: z.number().int().nonnegative(),
  /** Characters repaired from a legacy encoding, mojibake or VIQR (characters written). */
  legacy: z.number().int().nonnegative(),
  /** TCVN3 letters put in upper case from the words around them. */
  caseGuess: z.number().int().nonnegative(),
  /** Clusters NFC recomposed. */
  nfc: z.number().int().nonnegative(),
  /** Ð ð Ɖ → Đ đ. */
  lookalike: z.number().int().nonnegative(),
  /** oa/oe/uy syllables whose tone mark moved to the requested style. */
  tone: z.number().int().nonnegative(),
  /** Dashes and minus signs → "-". */
  dash: z.number().int().nonnegative(),
  /** No-break and other spaces → " ". */
  space: z.number().int().nonnegative(),
  /** Zero-width characters, soft hyphens and byte order marks removed. */
  invisible: z.number().int().nonnegative(),
  /** Curly quotes → ' and ". */
  quote: z.number().int().nonnegative(),
  /** U+2028/U+2029 → "\n". */
  newline: z.number().int().nonnegative(),
});
export type NormalizeChanges = z.infer<typeof NormalizeChangesSchema>;

// ---------------------------------------------------------------- extraction (src/refs)

/** A language model from `loadModel(bytes)` (checked by shape: the model is a class instance). */
export const LanguageModelSchema = z.custom<LanguageModel>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { child?: unknown }).child === 'function' && Array.isArray((v as { vocab?: unknown }).vocab),
  'must be a language model from loadModel()',
);

/** Options of `extractReferences`. */
export const ExtractOptionsSchema = z
  .object({
    /**
     * What kind of text this is: 'clean' Unicode, diacritic-'stripped', raw
     * 'ocr', or 'auto' (detected). Selects the stages run before the finder
     * (normalization always, tone restoration for stripped and OCR text).
     */
    input: InputKindSchema.default('auto'),
    /** Drop references whose confidence is below this (0..1). */
    minConfidence: z.number().min(0).max(1).default(0),
    /** Also return the document's own header number as a reference (relation `refers`). Off by default: the header is not a citation. */
    includeHeader: z.boolean().default(false),
    /** The language model for stripped and OCR input; default: the registered one (`vn-legal-refs/node` registers the shipped model). */
    model: LanguageModelSchema.optional(),
  })
  .strict();
export type ExtractOptions = z.input<typeof ExtractOptionsSchema>;
export type ResolvedExtractOptions = z.infer<typeof ExtractOptionsSchema>;

/** Options of `extractDocumentHeader`: what kind of text it is, and the model for stripped/OCR text. */
export const HeaderOptionsSchema = ExtractOptionsSchema.pick({ input: true, model: true });
export type HeaderOptions = z.input<typeof HeaderOptionsSchema>;

// ---------------------------------------------------------------- tone restoration (src/restore)

/** Options of `restoreTones` (tone restoration of diacritic-stripped text). */
export const RestoreTonesOptionsSchema = z
  .object({
    /** Tone placement of restored syllables: 'new' "hòa, thủy" (default) or 'old' "hoà, thuỷ". */
    toneStyle: ToneStyleSchema.optional(),
    /** A model from `loadModel(bytes)`; default: the registered one (`vn-legal-refs/node` registers the shipped model). */
    model: LanguageModelSchema.optional(),
    /** Also return one entry per decided syllable (`details`). Default false. */
    details: z.boolean().optional(),
  })
  .strict();
export type RestoreTonesOptions = z.infer<typeof RestoreTonesOptionsSchema>;
// ---------------------------------------------------------------------------
// Short forms and the citation graph (issue 7: src/refs/resolve.ts, src/graph/)
// ---------------------------------------------------------------------------

/**
 * How a short form names its document: `alias` (a name the text defined,
 * "(sau đây gọi tắt là Kế hoạch 01)"), `number` ("Nghị quyết 52", "NQ57"),
 * `previous` ("Nghị quyết nêu trên", "văn bản đã dẫn": the nearest earlier
 * one), `self` ("<Type> này": the citing document itself, or the nearest
 * earlier document of that type when the citing one is of another type).
 */
export const ShortFormKindSchema = z.enum(['alias', 'number', 'previous', 'self']);
export type ShortFormKind = z.infer<typeof ShortFormKindSchema>;

/** A mention of a document without its number and symbol, resolved in context. */
export const ShortFormSchema = z.object({
  /** UTF-16 offsets into the caller's text; `text === input.slice(start, end)`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  kind: ShortFormKindSchema,
  /** The type the short form names ("Nghị quyết"), null for "văn bản" and aliases. */
  docType: z.string().nullable(),
  /** Index into the references it was resolved against; null for the citing document itself. */
  target: z.number().int().nonnegative().nullable(),
  /** Canonical id of the target (the citing document's own id for a self-reference, null when it has none). */
  targetId: z.string().nullable(),
  /** True when it names the citing document itself ("Báo cáo này" in a Báo cáo). */
  self: z.boolean(),
});
export type ShortForm = z.infer<typeof ShortFormSchema>;

/** Options of `resolveShortForms`. */
export const ResolveOptionsSchema = z.object({
  /** The citing document's own type name ("Báo cáo") and id, for "<Type> này". */
  self: z
    .object({ docType: z.string().nullable().optional(), id: z.string().nullable().optional() })
    .optional(),
  /**
   * Indices of references governed by another reference of their sentence
   * (B in "A sửa đổi, bổ sung B"): "<Type> này/nêu trên" prefers the governing one.
   */
  governed: z.array(z.number().int().nonnegative()).optional(),
  /** How far back (UTF-16 units) "<Type> nêu trên/này" looks for its document. Default 2000. */
  window: z.number().int().positive().optional(),
});
export type ResolveOptions = z.infer<typeof ResolveOptionsSchema>;

/** Where a fact was read: an input document (its node key) and the span in its text. */
export const EvidenceSchema = z.object({
  document: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One value of a node attribute the sources state (a date, an issuer), how often, and where. */
export const ValueEvidenceSchema = z.object({
  count: z.number().int().positive(),
  evidence: z.array(EvidenceSchema),
});
export type ValueEvidence = z.infer<typeof ValueEvidenceSchema>;

/** Attributes of a node of the citation graph: a document, cited or given as input or both. */
export const GraphNodeAttributesSchema = z.object({
  /** Text for drawing: the id, else the document's key. */
  label: z.string(),
  /** Canonical id (`57-NQ/TW`), null for an input document without a number. */
  id: z.string().nullable(),
  family: FamilySchema.nullable(),
  docType: z.string().nullable(),
  typeCode: z.string().nullable(),
  issuerCode: z.string().nullable(),
  /** Majority issuer over the mentions (the header's for an input document that is never cited). */
  issuer: z.string().nullable(),
  /** Majority issue date (ISO). */
  date: IsoDateSchema.nullable(),
  /** The "về ..." phrase when the text gives one (the most frequent). */
  topic: z.string().nullable(),
  /** Every date the sources give, with count and evidence. */
  dates: z.record(z.string(), ValueEvidenceSchema),
  /** Every issuer the sources name, with count and evidence. */
  issuers: z.record(z.string(), ValueEvidenceSchema),
  /** Attributes whose sources disagree ('date', 'issuer'). */
  conflicts: z.array(z.enum(['date', 'issuer'])),
  conflict: z.boolean(),
  /** Mentions of it in the inputs (full references and resolved short forms). */
  mentions: z.number().int().nonnegative(),
  /** How it was mentioned: full reference or each short-form kind. */
  forms: z.record(z.string(), z.number().int().nonnegative()),
  /** Keys of the input documents that mention it. */
  mentionedBy: z.array(z.string()),
  /** True when the document is one of the inputs. */
  input: z.boolean(),
  /** For an input: where its key came from. */
  keySource: z.enum(['header', 'caller', 'content']).nullable(),
  /** For an input: the caller's ids for it. */
  inputIds: z.array(z.string()),
  /** For an input: content hashes of its texts (two when an OCR and a clean rendition share a header). */
  contentHashes: z.array(z.string()),
  /** For an input: place from its header. */
  place: z.string().nullable(),
  /** True when two different input documents claim the same id; `collidesWith` lists the other keys. */
  idCollision: z.boolean(),
  collidesWith: z.array(z.string()),
  /** A state administrative id cited without a date while the archive holds it in several years. */
  ambiguous: z.boolean(),
  candidates: z.array(z.string()),
});
export type GraphNodeAttributes = z.infer<typeof GraphNodeAttributesSchema>;

/** Attributes of an edge: source cites (implements, amends ...) target. */
export const GraphEdgeAttributesSchema = z.object({
  relation: RelationSchema,
  /** `document`: the citing input document's own relation; `text`: stated by an input between two cited documents. */
  stated: z.enum(['document', 'text']),
  count: z.number().int().positive(),
  evidence: z.array(EvidenceSchema),
  /** Keys of the input documents that state it. */
  documents: z.array(z.string()),
});
export type GraphEdgeAttributes = z.infer<typeof GraphEdgeAttributesSchema>;

/** Options of `buildCitationGraph` and `CitationGraphBuilder`. */
export const CitationGraphOptionsSchema = z.object({
  /** Evidence spans kept per edge and per attribute value (the first by document and offset). Default 8. */
  maxEvidence: z.number().int().nonnegative().optional(),
  /** Resolve short forms ("Nghị quyết 52", "Kế hoạch này"). Default true. */
  shortForms: z.boolean().optional(),
  /** Derive edges stated between cited documents ("Kế hoạch A thực hiện Nghị quyết B"). Default true. */
  statedRelations: z.boolean().optional(),
  /**
   * The extractor to use; default the library's `extractReferences` and
   * `extractDocumentHeader`. A function pair; not serialized.
   */
  extractor: z
    .custom<{
      references: (text: string) => Reference[];
      header: (text: string) => DocumentHeader | null;
    }>((v) => typeof v === 'object' && v !== null && typeof (v as { references?: unknown }).references === 'function' && typeof (v as { header?: unknown }).header === 'function', { message: 'extractor must be { references(text), header(text) }' })
    .optional(),
});
export type CitationGraphOptions = z.infer<typeof CitationGraphOptionsSchema>;

/** One input of `buildCitationGraph`: its text and, optionally, the caller's id for it. */
export const GraphInputSchema = z.object({
  id: z.string().optional(),
  text: z.string(),
});
export type GraphInput = z.infer<typeof GraphInputSchema>;

/** [document content hash, start, end]: evidence inside the serialized state. */
const EvidenceTupleSchema = z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative()]);
const ValueStatSchema = z.object({ count: z.number().int().nonnegative(), evidence: z.array(EvidenceTupleSchema) });
const CountsSchema = z.record(z.string(), z.number().int().nonnegative());
const NullableStr = z.string().nullable();

/**
 * The mergeable state of a citation graph, as the JSON export carries it in
 * `attributes.state` (`vnref graph --merge` reads it back). See src/graph/state.ts.
 */
export const GraphStateSchema = z.object({
  format: z.literal('vnref-citation-graph-state'),
  version: z.literal(1),
  maxEvidence: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  documents: z.array(
    z.object({
      hash: z.string().regex(/^[0-9a-f]{16}$/),
      callerIds: z.array(z.string()),
      header: z
        .object({
          id: NullableStr,
          number: NullableStr,
          symbol: NullableStr,
          typeCode: NullableStr,
          issuerCode: NullableStr,
          issuer: NullableStr,
          place: NullableStr,
          date: IsoDateSchema.nullable(),
          start: z.number().int().nonnegative().nullable(),
          end: z.number().int().nonnegative().nullable(),
        })
        .nullable(),
      key: z.string().min(1),
      keySource: z.enum(['header', 'caller', 'content']),
      docType: NullableStr,
      title: NullableStr,
      length: z.number().int().nonnegative(),
      selfMentions: z.number().int().nonnegative(),
      /** The document's own citations: target key, relation, count, evidence as flat [start, end, ...]. */
      cites: z.array(
        z.object({
          target: z.string().min(1),
          relation: RelationSchema,
          count: z.number().int().positive(),
          evidence: z.array(z.number().int().nonnegative()),
        }),
      ),
    }),
  ),
  nodes: z.array(
    z.object({
      key: z.string().min(1),
      id: z.string().min(1),
      family: NullableStr,
      mentions: z.number().int().nonnegative(),
      typeCode: NullableStr,
      issuerCode: NullableStr,
      docTypes: CountsSchema,
      issuers: z.record(z.string(), ValueStatSchema),
      dates: z.record(z.string(), ValueStatSchema),
      topics: CountsSchema,
      forms: z.partialRecord(z.enum(['full', 'alias', 'number', 'previous', 'self']), z.number().int().nonnegative()),
    }),
  ),
  /** Relations stated by the inputs between cited documents. */
  edges: z.array(
    z.object({
      source: z.string().min(1),
      target: z.string().min(1),
      relation: RelationSchema,
      count: z.number().int().positive(),
      evidence: z.array(EvidenceTupleSchema),
      docs: CountsSchema,
    }),
  ),
});
export type GraphStateData = z.infer<typeof GraphStateSchema>;


// ---------------------------------------------------------------------------
// Bulk processing (vn-legal-refs/node: processArchive, the `--jobs` CLI path).
// ---------------------------------------------------------------------------

/** Why a document of an archive could not be processed. */
export const DocumentErrorCodeSchema = z.enum([
  'unreadable', // the file or archive could not be read (permissions, vanished, I/O error)
  'too-large', // larger than `maxDocumentBytes`
  'binary', // NUL bytes or too many control characters
  'encoding', // bytes that are neither UTF-8 nor UTF-16 with a BOM
  'invalid-record', // a JSONL line that is not a `{ "id", "text" }` object
  'crash', // the worker died while processing it (reported once, not retried)
  'timeout', // took longer than `timeoutMs`; its worker was replaced
  'failed', // the per-document function threw
]);
export type DocumentErrorCode = z.infer<typeof DocumentErrorCodeSchema>;

export const DocumentErrorSchema = z.object({
  code: DocumentErrorCodeSchema,
  message: z.string(),
});
export type DocumentError = z.infer<typeof DocumentErrorSchema>;

/** The result for one document of an archive. */
export const DocumentResultSchema = z.object({
  /** The document's id: its path for a file, the record's `id` for JSONL (`ARCHIVE:LINE` when it has none). */
  id: z.string(),
  /** The file it came from (the archive's path for a JSONL record), when it came from a file. */
  file: z.string().optional(),
  /** References found (empty when `error` is set). */
  references: z.array(ReferenceSchema),
  /** The document's own header, or null. */
  header: DocumentHeaderSchema.nullable(),
  /**
   * The document's text, with tones restored when it was stripped or OCR'd;
   * only with `text: true`. Reference spans point into the original input,
   * not into this.
   */
  text: z.string().optional(),
  /** Size of the document's input in bytes (UTF-8 length for in-memory text). */
  bytes: z.number().int().nonnegative(),
  /** What a custom `handler` returned besides references (e.g. a graph digest); absent with the default pipeline. */
  data: z.unknown().optional(),
  /** Set when the document could not be processed; the other fields are then empty. */
  error: DocumentErrorSchema.optional(),
});
export type DocumentResult = z.infer<typeof DocumentResultSchema>;

/** The part of an AbortSignal the bulk path uses (the core compiles without DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

const isAbortSignal = (v: unknown): v is AbortSignalLike =>
  typeof v === 'object' && v !== null && 'aborted' in v && typeof (v as AbortSignalLike).addEventListener === 'function';

/** Options of `processArchive` (vn-legal-refs/node). */
export const ProcessArchiveOptionsSchema = z
  .object({
    /** Worker threads; default: the number of cores (`os.availableParallelism()`). */
    jobs: z.number().int().min(1).max(512).optional(),
    /** Yield results in input order (a bounded reorder buffer) instead of as they finish. */
    ordered: z.boolean().default(false),
    /** Also return each document's text (restored when it was stripped or OCR'd). */
    text: z.boolean().default(false),
    /** What kind of text the documents are: detected per document when 'auto'. */
    input: InputKindSchema.default('auto'),
    /** Leave out references whose confidence is below this (as `extractReferences`). */
    minConfidence: z.number().min(0).max(1).default(0),
    /** File name endings read from directories (case-insensitive); `.jsonl`/`.ndjson` (optionally `.gz`) are always read as archives. */
    extensions: z.array(z.string().regex(/^\.[^/\\]+$/, 'an extension starts with "." and has no slash')).default(['.txt', '.md']),
    /** Target size of a batch sent to a worker (small documents travel together). */
    batchBytes: z.number().int().min(1).default(256 * 1024),
    /** Most documents in one batch. */
    batchDocs: z.number().int().min(1).default(256),
    /**
     * Bound on bytes read but not yet handed to the consumer (back-pressure);
     * one document may exceed it alone. Default: 8 MiB, or 1 MiB per worker
     * when that is more.
     */
    maxPendingBytes: z.number().int().min(1).optional(),
    /** Bound on documents read but not yet handed to the consumer (also the reorder window with `ordered`). */
    maxPendingDocs: z.number().int().min(1).default(4096),
    /** Larger documents are reported as `too-large` instead of read. */
    maxDocumentBytes: z.number().int().min(1).default(64 * 1024 * 1024),
    /**
     * Heap limit of each worker (MB): a document that needs more fails alone
     * (error `crash`, out of memory) instead of taking the process down.
     */
    workerHeapMb: z.number().int().min(16).default(1024),
    /** A document taking longer than this (ms) is reported as `timeout` and its worker replaced; 0: no limit. */
    timeoutMs: z.number().int().min(0).default(0),
    /** Documents to leave out, by id (e.g. those already in an output being resumed). */
    skip: z.custom<(id: string) => boolean>((v) => typeof v === 'function', 'skip must be a function (id) => boolean').optional(),
    /** Stops the run: finished results are still yielded, then the iterator throws the signal's reason. */
    signal: z.custom<AbortSignalLike>(isAbortSignal, 'signal must be an AbortSignal').optional(),
    /**
     * A module (path or file URL) whose `createHandler(config)` returns the
     * per-document function run in the workers, replacing the default
     * pipeline (extraction, header, restoration).
     */
    handler: z
      .union([
        z.string().min(1),
        z.custom<{ readonly href: string }>(
          (v) => typeof v === 'object' && v !== null && typeof (v as { href?: unknown }).href === 'string',
          'handler must be a path or a URL',
        ),
      ])
      .optional(),
  })
  .strict();
export type ProcessArchiveOptions = z.input<typeof ProcessArchiveOptionsSchema>;
export type ResolvedProcessArchiveOptions = z.output<typeof ProcessArchiveOptionsSchema>;
