/**
 * Data for short forms: the type names a back-reference can use, the
 * abbreviations prose uses for them, and the determiners that turn a type name
 * into a reference ("Nghị quyết này", "Kế hoạch nêu trên"). Every entry
 * carries a real example; test/refs/resolve.test.ts checks each one resolves.
 *
 * The type names, codes, abbreviations and modifiers come from the
 * extractor's tables (data/doc-types.ts, data/codes.ts): one source of truth.
 * What is only the resolver's (determiners, alias lead-ins) lives here.
 *
 * Names are stored folded and lower-case ("nghi quyet"): matching runs on
 * `foldDiacritics(text)` so diacritic-stripped and OCR text match too; the
 * case of the first letter is read from the original.
 */

import { foldDiacritics } from '../text/fold.js';
import { TYPE_CODES } from './data/codes.js';
import { DOC_TYPE_ABBREVIATIONS, DOC_TYPE_NAMES, TYPE_MODIFIERS as DOC_TYPE_MODIFIERS } from './data/doc-types.js';

export interface ShortFormType {
  /** Canonical type name with diacritics, as a `Reference.docType` would carry it. */
  name: string;
  /** Folded, lower-case spellings of the name. */
  folded: readonly string[];
  /** Type codes of the symbol this name matches (`Kế hoạch` ↔ `KH`); empty: matched by docType only. */
  codes: readonly string[];
  /** A real short form using the name. */
  example: string;
}

const foldName = (s: string) => foldDiacritics(s).toLowerCase();

/**
 * The type names a short form can use: the entries of the type table
 * (src/refs/data/doc-types.ts) that carry a short-form example, with their
 * spellings folded and the type codes the code table (data/codes.ts) names
 * them by (`TT` is Thông tư's, and Thông tri's in Party documents; `QĐ`
 * is Quyết định's, not Quy định's).
 */
export const SHORT_FORM_TYPES: readonly ShortFormType[] = DOC_TYPE_NAMES.filter((e) => e.shortForm !== undefined).map((e) => ({
  name: e.name,
  folded: e.forms.map(foldName),
  codes: TYPE_CODES.filter((c) => e.codes.includes(c.code) && (c.name === e.name || c.partyName === e.name)).map((c) => c.code),
  example: e.shortForm!,
}));

/**
 * "Văn bản" names a document of any type: "văn bản nêu trên" is the nearest
 * earlier document whatever its type (the type table's generic name).
 */
export const ANY_TYPE_FOLDED = foldName(DOC_TYPE_NAMES.find((e) => e.generic)!.forms[0]);

/**
 * Abbreviated type names used with a bare number in prose ("NQ 52", "NQ57",
 * "TT39", "QĐ 1562"): the type table's abbreviations that have such an
 * example. Written upper-case as shown (the first letter decides); `NĐ` and
 * `QĐ` also match their ASCII spelling `ND`, `QD`.
 */
export const TYPE_ABBREVIATIONS: ReadonlyArray<{ abbr: string; name: string; example: string }> = DOC_TYPE_ABBREVIATIONS.filter(
  (a) => a.numberOnly !== undefined,
).map((a) => ({ abbr: a.abbr, name: a.name, example: a.numberOnly! }));

/** Words allowed between a type name and its number ("Kế hoạch hành động số 359"): the type table's modifiers, folded. */
export const TYPE_MODIFIERS: readonly string[] = DOC_TYPE_MODIFIERS.map(foldName);

/**
 * Determiners that make a type name a reference back to a document. `self`:
 * "này" (this: the citing document itself when it is of that type, else the
 * nearest earlier one); `previous`: the nearest earlier document of the type.
 * Folded; matched as whole words right after the type name.
 */
export const BACK_DETERMINERS: ReadonlyArray<{ folded: string; kind: 'self' | 'previous'; example: string }> = [
  { folded: 'nay', kind: 'self', example: 'Nghị định này' },
  { folded: 'da neu tren', kind: 'previous', example: 'Nghị quyết đã nêu trên' },
  { folded: 'neu tren', kind: 'previous', example: 'Kế hoạch nêu trên' },
  { folded: 'noi tren', kind: 'previous', example: 'Quyết định nói trên' },
  { folded: 'ke tren', kind: 'previous', example: 'Thông báo kể trên' },
  { folded: 'vua neu', kind: 'previous', example: 'Công văn vừa nêu' },
  { folded: 'da dan', kind: 'previous', example: 'Nghị quyết đã dẫn' },
  { folded: 'tren', kind: 'previous', example: 'Kế hoạch trên' },
];

/**
 * After a bare "trên" the next word must end the phrase: "Kế hoạch trên địa
 * bàn" is "on the territory", not "the plan above". These words may follow
 * the determiner "trên" (folded); punctuation and the end of text may too.
 * Folded words that are two words ("có"/"cơ" in "trên cơ sở", "thì"/"thi")
 * are left out.
 */
export const AFTER_TREN_OK: readonly string[] = [
  'va', 'da', 'duoc', 'la', 'cho', 'nham', 'de', 'voi', 'cua', 've', 'tai', 'theo',
  'dang', 'se', 'can', 'phai', 'cung', 'nhu',
];

/**
 * Alias definitions: "(sau đây viết tắt là X)", "(sau đây gọi tắt là X)",
 * "(gọi chung là X)". Folded lead-ins; `group` when X names all the
 * documents of the run before it ("gọi chung là").
 */
export const ALIAS_LEADS: ReadonlyArray<{ folded: string; group: boolean; example: string }> = [
  { folded: 'sau day viet tat la', group: false, example: '(sau đây viết tắt là Nghị quyết 52)' },
  { folded: 'sau day goi tat la', group: false, example: '(sau đây gọi tắt là Kế hoạch 01)' },
  { folded: 'sau day goi chung la', group: true, example: '(sau đây gọi chung là các Nghị quyết)' },
  { folded: 'sau day goi la', group: false, example: '(sau đây gọi là Đề án)' },
  { folded: 'sau day duoc goi la', group: false, example: '(sau đây được gọi là Đề án)' },
  { folded: 'viet tat la', group: false, example: '(viết tắt là NQ 52)' },
  { folded: 'goi tat la', group: false, example: '(gọi tắt là Chương trình 06)' },
  { folded: 'goi chung la', group: true, example: '(gọi chung là các Kế hoạch)' },
  { folded: 'goi la', group: false, example: '(gọi là Đề án 06)' },
];
