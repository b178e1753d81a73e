/**
 * Relation words: the verb phrase that governs a reference tells how the
 * citing text relates to the cited document ("thực hiện Nghị quyết ..." →
 * implements). Each entry has a real example. Phrases are matched on folded,
 * lower-cased words; the longest phrase ending at a word wins ("hướng dẫn
 * thi hành" over "thi hành").
 */
import type { Relation } from '../../schema.js';

export interface RelationPhrase {
  words: string;
  relation: Relation;
  example: string;
}

export const RELATION_PHRASES: readonly RelationPhrase[] = [
  { words: 'thực hiện', relation: 'implements', example: 'Kế hoạch thực hiện Nghị quyết số 111/NQ-CP' },
  { words: 'triển khai', relation: 'implements', example: 'Về triển khai Nghị quyết 57-NQ/TW' },
  { words: 'quán triệt', relation: 'implements', example: 'quán triệt Nghị quyết 52-NQ/TW' },
  { words: 'cụ thể hóa', relation: 'implements', example: 'Để cụ thể hóa Nghị quyết 52-NQ/TW' },
  { words: 'hiện thực hóa', relation: 'implements', example: 'hiện thực hóa Nghị quyết số 57-NQ/TW' },
  { words: 'sơ kết', relation: 'implements', example: 'sơ kết việc thực hiện Nghị quyết số 52-NQ/TW' },
  { words: 'tổng kết', relation: 'implements', example: 'tổng kết việc thi hành Nghị định số 65/2023/NĐ-CP' },
  { words: 'thi hành', relation: 'implements', example: 'việc thi hành Nghị định số 65/2023/NĐ-CP' },
  { words: 'căn cứ', relation: 'based-on', example: 'Căn cứ Nghị định số 99/2012/NĐ-CP' },
  { words: 'sửa đổi', relation: 'amends', example: 'sửa đổi, bổ sung một số điều của Nghị định số 73/2019/NĐ-CP' },
  { words: 'bổ sung', relation: 'amends', example: 'sửa đổi, bổ sung một số điều của Nghị định số 73/2019/NĐ-CP' },
  { words: 'thay thế', relation: 'replaces', example: 'Thay thế Kế hoạch số 336-KH/TU' },
  { words: 'bãi bỏ', relation: 'repeals', example: 'bãi bỏ Quyết định số 62/2014/QĐ-UBND' },
  { words: 'hướng dẫn', relation: 'guides', example: 'hướng dẫn Quyết định số 571/QĐ-TTg' },
  { words: 'hướng dẫn thi hành', relation: 'guides', example: 'hướng dẫn thi hành Nghị định số 108/2008/NĐ-CP' },
  { words: 'quy định chi tiết thi hành', relation: 'guides', example: 'quy định chi tiết thi hành Nghị định số 15/2018/NĐ-CP' },
  { words: 'quy định chi tiết', relation: 'guides', example: 'quy định chi tiết thi hành một số điều của Luật Đất đai số 31/2024/QH15' },
  // Verbs that govern a reference without one of the relations above: the search stops there.
  { words: 'ban hành', relation: 'refers', example: 'Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 08-NQ/TU' },
  { words: 'phê duyệt', relation: 'refers', example: 'phê duyệt Quyết định số 12/QĐ-UBND' },
  { words: 'xét', relation: 'refers', example: 'Xét Tờ trình số 784/TTr-SKHCN' },
  { words: 'đề nghị', relation: 'refers', example: 'Theo đề nghị của Sở Tài chính tại Công văn số 4119/STC-QLN' },
  { words: 'công bố', relation: 'refers', example: 'thủ tục hành chính đã được công bố tại Quyết định số 2310/QĐ-BNNMT' },
  { words: 'dự thảo', relation: 'refers', example: 'Dự thảo Quyết định số 12/QĐ-UBND' },
  // "theo" before a noun that looks like a verb: "theo hướng dẫn của X tại <ref>" refers.
  { words: 'theo hướng dẫn', relation: 'refers', example: 'theo hướng dẫn của Thanh tra Chính phủ tại Kế hoạch thanh tra số 1505/KH-TTCP' },
  { words: 'theo đề nghị', relation: 'refers', example: 'Theo đề nghị của Sở Tài chính tại Công văn số 4119/STC-QLN' },
];

/**
 * Passive forms: "được sửa đổi, bổ sung bởi Luật số 56/2024/QH15" — the cited
 * document amends the citing one, so the citation only refers to it.
 */
export const PASSIVE_MARKERS: readonly string[] = ['được', 'bị'];
