/**
 * Document type names as the text writes them before a number ("Nghị quyết
 * số", "Kế hoạch hành động số", "NĐ 88/2025/NĐ-CP"), each with its canonical
 * head name, the type codes it goes with, and a real example (tests check
 * every example). Names are matched on folded, lower-cased words, so
 * "NGHỊ QUYẾT", "Nghị Quyết", "Nghi quyet" all read as "Nghị quyết".
 */

export interface DocTypeName {
  /** Canonical head name with diacritics, as the Reference reports it. */
  name: string;
  /** Spellings (with diacritics; folded at load). The first is the canonical one. */
  forms: readonly string[];
  /** Type codes this name agrees with; a code outside this list is a disagreement. */
  codes: readonly string[];
  /**
   * A title may stand between the name and "số" ("Luật Quản lý thuế số
   * 38/2019/QH14"): the span starts at the name.
   */
  titled?: boolean;
  /** A generic name ("văn bản"): the symbol's code decides the type. */
  generic?: boolean;
  /** A real citation with this name. */
  example: string;
  /**
   * A real short form with this name ("Nghị quyết 52", "Kế hoạch nêu trên"):
   * the name is one a back-reference can use (src/refs/aliases-data.ts).
   */
  shortForm?: string;
}

export const DOC_TYPE_NAMES: readonly DocTypeName[] = [
  { name: 'Nghị quyết', forms: ['nghị quyết'], codes: ['NQ', 'NQLT'], example: 'Nghị quyết số 52-NQ/TW', shortForm: 'Nghị quyết 52' },
  { name: 'Nghị quyết liên tịch', forms: ['nghị quyết liên tịch'], codes: ['NQLT'], example: 'Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN' },
  { name: 'Quyết định', forms: ['quyết định'], codes: ['QĐ', 'QĐST', 'QĐPT', 'QĐGĐT', 'QĐTT'], example: 'Quyết định số 1562/QĐ-TTg', shortForm: 'Quyết định nêu trên' },
  { name: 'Quy định', forms: ['quy định'], codes: ['QĐ', 'QĐi', 'QyĐ'], example: 'Quy định số 08-QĐi/TW', shortForm: 'Quy định này' },
  { name: 'Nghị định', forms: ['nghị định'], codes: ['NĐ'], example: 'Nghị định số 65/2023/NĐ-CP', shortForm: 'Nghị định này' },
  { name: 'Thông tư', forms: ['thông tư'], codes: ['TT', 'TTLT', 'TTLB'], example: 'Thông tư số 78/2021/TT-BTC', shortForm: 'Thông tư này' },
  { name: 'Thông tư liên tịch', forms: ['thông tư liên tịch'], codes: ['TTLT'], example: 'Thông tư liên tịch số 85/2016/TTLT-BTC-BCA', shortForm: 'Thông tư liên tịch nêu trên' },
  { name: 'Thông tư liên bộ', forms: ['thông tư liên bộ'], codes: ['TTLB'], example: 'Thông tư liên bộ số 12/1994/TTLB-BTC-BNV' },
  { name: 'Thông tri', forms: ['thông tri'], codes: ['TT'], example: 'Thông tri số 05-TT/TU', shortForm: 'Thông tri này' },
  { name: 'Chỉ thị', forms: ['chỉ thị'], codes: ['CT'], example: 'Chỉ thị số 38-CT/TW', shortForm: 'Chỉ thị số 35' },
  { name: 'Kế hoạch', forms: ['kế hoạch'], codes: ['KH'], example: 'Kế hoạch số 336-KH/TU', shortForm: 'Kế hoạch số 01' },
  { name: 'Chương trình', forms: ['chương trình'], codes: ['CTr'], example: 'Chương trình hành động số 32-CTr/TU', shortForm: 'Chương trình này' },
  { name: 'Công văn', forms: ['công văn'], codes: ['CV'], example: 'Công văn số 4119/STC-QLN', shortForm: 'Công văn nêu trên' },
  { name: 'Văn bản', forms: ['văn bản'], codes: [], generic: true, example: 'Văn bản số 1709/BKHCN-CĐSQG' },
  { name: 'Thông báo', forms: ['thông báo'], codes: ['TB'], example: 'Thông báo số 347/TB-VP', shortForm: 'Thông báo nêu trên' },
  { name: 'Thông cáo', forms: ['thông cáo'], codes: ['TC'], example: 'Thông cáo số 01/TC-VPCP' },
  { name: 'Kết luận', forms: ['kết luận'], codes: ['KL'], example: 'Kết luận số 50-KL/TW', shortForm: 'Kết luận số 50' },
  { name: 'Hướng dẫn', forms: ['hướng dẫn'], codes: ['HD'], example: 'Hướng dẫn số 36-HD/VPTW', shortForm: 'Hướng dẫn này' },
  { name: 'Báo cáo', forms: ['báo cáo'], codes: ['BC'], example: 'Báo cáo số 527/BC-SKHCN', shortForm: 'Báo cáo này' },
  { name: 'Đề án', forms: ['đề án'], codes: ['ĐA'], example: 'Đề án số 01-ĐA/TU', shortForm: 'Đề án này' },
  { name: 'Dự án', forms: ['dự án'], codes: ['DA'], example: 'Dự án số 03/DA-SKHCN' },
  { name: 'Tờ trình', forms: ['tờ trình'], codes: ['TTr'], example: 'Tờ trình số 784/TTr-SKHCN', shortForm: 'Tờ trình nêu trên' },
  { name: 'Quy chế', forms: ['quy chế'], codes: ['QC'], example: 'Quy chế số 05-QC/TU', shortForm: 'Quy chế này' },
  { name: 'Phương án', forms: ['phương án'], codes: ['PA'], example: 'Phương án số 12/PA-UBND', shortForm: 'Phương án này' },
  { name: 'Biên bản', forms: ['biên bản'], codes: ['BB'], example: 'Biên bản số 15/BB-UBND' },
  { name: 'Hợp đồng', forms: ['hợp đồng'], codes: ['HĐ'], example: 'Hợp đồng số 12/HĐ-SKHCN' },
  { name: 'Công điện', forms: ['công điện'], codes: ['CĐ'], example: 'Công điện số 21/CĐ-TTg', shortForm: 'Công điện này' },
  { name: 'Giấy mời', forms: ['giấy mời'], codes: ['GM'], example: 'Giấy mời số 112/GM-UBND' },
  { name: 'Giấy phép', forms: ['giấy phép'], codes: ['GP'], example: 'Giấy phép số 02/GP-UBND' },
  { name: 'Bản ghi nhớ', forms: ['bản ghi nhớ'], codes: ['BGN'], example: 'Bản ghi nhớ số 02/BGN-UBND' },
  { name: 'Luật', forms: ['luật'], codes: [], titled: true, example: 'Luật Quản lý thuế số 38/2019/QH14', shortForm: 'Luật này' },
  { name: 'Bộ luật', forms: ['bộ luật'], codes: [], titled: true, example: 'Bộ luật Dân sự số 91/2015/QH13', shortForm: 'Bộ luật này' },
  { name: 'Pháp lệnh', forms: ['pháp lệnh'], codes: ['PL'], titled: true, example: 'Pháp lệnh Chi phí tố tụng số 02/2012/UBTVQH13', shortForm: 'Pháp lệnh này' },
  { name: 'Hiến pháp', forms: ['hiến pháp'], codes: [], titled: true, example: 'Hiến pháp năm 2013' },
  { name: 'Lệnh', forms: ['lệnh'], codes: ['L'], example: 'Lệnh số 07/2025/L-CTN' },
  { name: 'Sắc lệnh', forms: ['sắc lệnh'], codes: ['SL'], example: 'Sắc lệnh số 103/SL' },
  { name: 'Văn bản hợp nhất', forms: ['văn bản hợp nhất'], codes: ['VBHN'], example: 'Văn bản hợp nhất số 03/VBHN-VPQH' },
  { name: 'Bản án', forms: ['bản án'], codes: [], example: 'Bản án số 12/2020/HS-ST' },
  { name: 'Án lệ', forms: ['án lệ'], codes: ['AL'], example: 'Án lệ số 01/2016/AL' },
];

export interface TypeAbbreviation {
  /** As written, in capitals ("NĐ"). */
  abbr: string;
  /** The canonical type name it stands for. */
  name: string;
  /** A real citation with it before a number and symbol. */
  example: string;
  /** A real short form with it before a bare number ("NQ 52", "TT39"), when prose uses it so. */
  numberOnly?: string;
}

/**
 * Abbreviated type names written in capitals right before the number or
 * "số" ("NĐ 88/2025/NĐ-CP", "NQ 71/NQ-CP", "QĐ số 12/QĐ-UBND"); those used
 * with a bare number ("NQ 52") are short forms too.
 */
export const DOC_TYPE_ABBREVIATIONS: readonly TypeAbbreviation[] = [
  { abbr: 'NQ', name: 'Nghị quyết', example: 'NQ 71/NQ-CP', numberOnly: 'NQ 52' },
  { abbr: 'NĐ', name: 'Nghị định', example: 'NĐ 88/2025/NĐ-CP', numberOnly: 'NĐ 73' },
  { abbr: 'QĐ', name: 'Quyết định', example: 'QĐ số 12/QĐ-UBND', numberOnly: 'QĐ 1562' },
  { abbr: 'TT', name: 'Thông tư', example: 'TT 39/2016/TT-NHNN', numberOnly: 'TT39' },
  { abbr: 'TTLT', name: 'Thông tư liên tịch', example: 'TTLT số 85/2016/TTLT-BTC-BCA' },
  { abbr: 'CT', name: 'Chỉ thị', example: 'CT 35-CT/TW', numberOnly: 'CT 35' },
  { abbr: 'KL', name: 'Kết luận', example: 'KL 50-KL/TW', numberOnly: 'KL 50' },
  { abbr: 'KH', name: 'Kế hoạch', example: 'KH số 539-KH/TU', numberOnly: 'KH 539' },
  { abbr: 'TB', name: 'Thông báo', example: 'TB số 347/TB-VP' },
  { abbr: 'HD', name: 'Hướng dẫn', example: 'HD số 36-HD/VPTW' },
  { abbr: 'CV', name: 'Công văn', example: 'CV số 4119/STC-QLN', numberOnly: 'CV 3720' },
  { abbr: 'VB', name: 'Văn bản', example: 'VB số 1245/UBND-VP' },
  { abbr: 'CTr', name: 'Chương trình', example: 'CTr số 32-CTr/TU', numberOnly: 'CTr 95' },
  { abbr: 'TTr', name: 'Tờ trình', example: 'TTr số 784/TTr-SKHCN' },
  { abbr: 'BC', name: 'Báo cáo', example: 'BC số 527/BC-SKHCN' },
  { abbr: 'PL', name: 'Pháp lệnh', example: 'PL số 02/2012/UBTVQH13' },
];

/**
 * Words that may stand between a type name and "số" without being part of a
 * title: "Kế hoạch hành động số 359-KH/TU", "Kế hoạch công tác số
 * 12/KH-UBND", "Quyết định giám đốc thẩm số
 * 157/2024/DS-GĐT". The span starts at the type name; the name drops them.
 */
export const TYPE_MODIFIERS: readonly string[] = [
  'hành động',
  'công tác',
  'tổng thể',
  'liên tịch',
  'liên ngành',
  'liên bộ',
  'giám đốc thẩm',
  'phúc thẩm',
  'sơ thẩm',
  'tái thẩm',
  'hợp nhất',
  'chuyên đề',
  'cá biệt',
  'khẩn',
  'hỏa tốc',
];

/**
 * Nouns whose "số" numbers a form, an appendix or a table, not a document:
 * "Mẫu số 05/DS-TNCN", "Biểu số 113/LĐTL-Sở", "Phụ lục số 01/...".
 */
export const NOT_DOCUMENT_NOUNS: readonly string[] = ['mẫu', 'biểu', 'biểu mẫu', 'mẫu biểu', 'phụ lục', 'tờ khai', 'hóa đơn'];
