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

// ---------------------------------------------------------------- extraction (src/refs)

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
  })
  .strict();
export type ExtractOptions = z.input<typeof ExtractOptionsSchema>;
export type ResolvedExtractOptions = z.infer<typeof ExtractOptionsSchema>;

// ---------------------------------------------------------------- tone restoration (src/restore)

/** Options of `restoreTones` (tone restoration of diacritic-stripped text). */
export const RestoreTonesOptionsSchema = z
  .object({
    /** Tone placement of restored syllables: 'new' "hòa, thủy" (default) or 'old' "hoà, thuỷ". */
    toneStyle: ToneStyleSchema.optional(),
    /** A model from `loadModel(bytes)`; default: the registered one (`vn-legal-refs/node` registers the shipped model). */
    model: z
      .custom<LanguageModel>(
        (v) => typeof v === 'object' && v !== null && typeof (v as { child?: unknown }).child === 'function' && Array.isArray((v as { vocab?: unknown }).vocab),
        'must be a language model from loadModel()',
      )
      .optional(),
    /** Also return one entry per decided syllable (`details`). Default false. */
    details: z.boolean().optional(),
  })
  .strict();
export type RestoreTonesOptions = z.infer<typeof RestoreTonesOptionsSchema>;
