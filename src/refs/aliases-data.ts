/**
 * Data for short forms: the type names a back-reference can use, the
 * abbreviations prose uses for them, and the determiners that turn a type name
 * into a reference ("Nghị quyết này", "Kế hoạch nêu trên"). Every entry
 * carries a real example; test/refs/resolve.test.ts checks each one resolves.
 *
 * Names are stored folded and lower-case ("nghi quyet"): matching runs on
 * `foldDiacritics(text)` so diacritic-stripped and OCR text match too; the
 * case of the first letter is read from the original.
 */

export interface ShortFormType {
  /** Canonical type name with diacritics, as a `Reference.docType` would carry it. */
  name: string;
  /** Folded, lower-case spellings of the name, longest first where they share a prefix. */
  folded: readonly string[];
  /** Type codes of the symbol this name matches (`Kế hoạch` ↔ `KH`); empty: matched by docType only. */
  codes: readonly string[];
  /** A real short form using the name. */
  example: string;
}

export const SHORT_FORM_TYPES: readonly ShortFormType[] = [
  { name: 'Nghị quyết', folded: ['nghi quyet'], codes: ['NQ'], example: 'Nghị quyết 52' },
  { name: 'Nghị định', folded: ['nghi dinh'], codes: ['NĐ'], example: 'Nghị định này' },
  { name: 'Quyết định', folded: ['quyet dinh'], codes: ['QĐ'], example: 'Quyết định nêu trên' },
  { name: 'Chỉ thị', folded: ['chi thi'], codes: ['CT'], example: 'Chỉ thị số 35' },
  { name: 'Thông tư liên tịch', folded: ['thong tu lien tich'], codes: ['TTLT'], example: 'Thông tư liên tịch nêu trên' },
  { name: 'Thông tư', folded: ['thong tu'], codes: ['TT'], example: 'Thông tư này' },
  { name: 'Thông tri', folded: ['thong tri'], codes: ['TT'], example: 'Thông tri này' },
  { name: 'Kết luận', folded: ['ket luan'], codes: ['KL'], example: 'Kết luận số 50' },
  { name: 'Kế hoạch', folded: ['ke hoach'], codes: ['KH'], example: 'Kế hoạch số 01' },
  { name: 'Chương trình', folded: ['chuong trinh'], codes: ['CTr'], example: 'Chương trình này' },
  { name: 'Thông báo', folded: ['thong bao'], codes: ['TB'], example: 'Thông báo nêu trên' },
  { name: 'Hướng dẫn', folded: ['huong dan'], codes: ['HD'], example: 'Hướng dẫn này' },
  { name: 'Quy định', folded: ['quy dinh'], codes: ['QĐ', 'QĐi', 'QyĐ'], example: 'Quy định này' },
  { name: 'Quy chế', folded: ['quy che'], codes: ['QC'], example: 'Quy chế này' },
  { name: 'Báo cáo', folded: ['bao cao'], codes: ['BC'], example: 'Báo cáo này' },
  { name: 'Tờ trình', folded: ['to trinh'], codes: ['TTr'], example: 'Tờ trình nêu trên' },
  { name: 'Đề án', folded: ['de an'], codes: ['ĐA'], example: 'Đề án này' },
  { name: 'Phương án', folded: ['phuong an'], codes: ['PA'], example: 'Phương án này' },
  { name: 'Công văn', folded: ['cong van'], codes: ['CV'], example: 'Công văn nêu trên' },
  { name: 'Công điện', folded: ['cong dien'], codes: ['CĐ'], example: 'Công điện này' },
  { name: 'Pháp lệnh', folded: ['phap lenh'], codes: [], example: 'Pháp lệnh này' },
  { name: 'Bộ luật', folded: ['bo luat'], codes: [], example: 'Bộ luật này' },
  { name: 'Luật', folded: ['luat'], codes: [], example: 'Luật này' },
];

/**
 * "Văn bản" names a document of any type: "văn bản nêu trên" is the nearest
 * earlier document whatever its type.
 */
export const ANY_TYPE_FOLDED = 'van ban';

/**
 * Abbreviated type names used with a bare number in prose ("NQ 52", "NQ57",
 * "TT39", "QĐ 1562"). Written upper-case as shown (the first letter decides);
 * `NĐ` and `QĐ` also match their ASCII spelling `ND`, `QD`.
 */
export const TYPE_ABBREVIATIONS: ReadonlyArray<{ abbr: string; name: string; example: string }> = [
  { abbr: 'NQ', name: 'Nghị quyết', example: 'NQ 52' },
  { abbr: 'NĐ', name: 'Nghị định', example: 'NĐ 73' },
  { abbr: 'QĐ', name: 'Quyết định', example: 'QĐ 1562' },
  { abbr: 'TT', name: 'Thông tư', example: 'TT39' },
  { abbr: 'CT', name: 'Chỉ thị', example: 'CT 35' },
  { abbr: 'KL', name: 'Kết luận', example: 'KL 50' },
  { abbr: 'KH', name: 'Kế hoạch', example: 'KH 539' },
  { abbr: 'CTr', name: 'Chương trình', example: 'CTr 95' },
  { abbr: 'CV', name: 'Công văn', example: 'CV 3720' },
];

/** Words allowed between a type name and its number ("Kế hoạch hành động số 359"). Folded. */
export const TYPE_MODIFIERS: readonly string[] = ['hanh dong', 'lien tich', 'lien nganh', 'cong tac'];

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
