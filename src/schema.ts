/**
 * The public types, as zod schemas: one source of truth for the shape of a
 * value and for validating it (CLI input, API options, JSONL read back).
 * Types are inferred from the schemas.
 */
import { z } from 'zod';

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
