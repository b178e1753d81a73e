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
  /**
   * The phrase only links a part to its document ("các nhiệm vụ quy định tại
   * <ref>", "Phụ lục ban hành kèm theo <ref>"): the verb before it governs the
   * reference through its content, and `relation` is the answer when none
   * does. 'all' lets any verb through; 'not-implements' all but the
   * implementing ones ("thực hiện điều chỉnh theo mẫu ban hành kèm theo <ref>"
   * only refers).
   */
  through?: 'all' | 'not-implements';
  /** What the example reads as, when the phrase lets another verb decide. */
  reads?: Relation;
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
  { words: 'hướng dẫn thực hiện', relation: 'guides', example: 'Thông tư số 120/2005/TT-BTC ngày 30/12/2005 của Bộ Tài chính hướng dẫn thực hiện Nghị định số 142/2005/NĐ-CP' },
  { words: 'thay thế cụm từ', relation: 'amends', example: 'Thay thế cụm từ “Sở Nội vụ” bằng cụm từ “Sở Tư pháp” tại khoản 2 Điều 8 Thông tư số 44/2022/TT-BTC' },
  { words: 'thay thế từ', relation: 'amends', example: 'thay thế từ “huyện” bằng từ “xã” tại Điều 5 Nghị định số 17/2023/NĐ-CP' },
  // Verbs that govern a reference without one of the relations above: the search stops there.
  { words: 'ban hành', relation: 'refers', example: 'Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 08-NQ/TU' },
  { words: 'phê duyệt', relation: 'refers', example: 'phê duyệt Quyết định số 12/QĐ-UBND' },
  { words: 'xét', relation: 'refers', example: 'Xét Tờ trình số 784/TTr-SKHCN' },
  { words: 'đề nghị', relation: 'refers', example: 'Theo đề nghị của Sở Tài chính tại Công văn số 4119/STC-QLN' },
  { words: 'công bố', relation: 'refers', example: 'thủ tục hành chính đã được công bố tại Quyết định số 2310/QĐ-BNNMT' },
  { words: 'dự thảo', relation: 'refers', example: 'Dự thảo Quyết định số 12/QĐ-UBND' },
  // A pointer to a provision: "(thực hiện) theo quy định tại <ref>" refers.
  { words: 'theo quy định tại', relation: 'refers', example: 'Thực hiện theo quy định tại Điều 4 Nghị định số 105/2014/NĐ-CP' },
  { words: 'theo quy định của', relation: 'refers', example: 'thực hiện theo quy định của Nghị định số 17/1999/NĐ-CP' },
  { words: 'theo quy định', relation: 'refers', example: 'thực hiện theo quy định Nghị định số 15/2020/NĐ-CP' },
  // Links from a part to its document: the verb before governs through the content.
  { words: 'quy định tại', relation: 'refers', through: 'all', reads: 'based-on', example: 'Căn cứ quy định tại Điều 216, 217 Luật Sở hữu trí tuệ số 50/2005/QH11' },
  { words: 'ban hành kèm theo', relation: 'refers', through: 'not-implements', reads: 'amends', example: 'sửa đổi, bổ sung Phụ lục 4 ban hành kèm theo Thông tư số 26/2013/TT-BNNPTNT' },
  // Nouns that hold a relation word: "hướng dẫn viên" (a guide), "hiệu lực thi hành" (in force), "chỉ đạo".
  { words: 'hướng dẫn viên', relation: 'refers', example: 'cấp thẻ hướng dẫn viên du lịch quy định tại Điều 60 của Luật Du lịch số 09/2017/QH14' },
  { words: 'hiệu lực thi hành', relation: 'refers', example: 'có hiệu lực thi hành kể từ ngày ký, Quyết định số 15/QĐ-UBND' },
  { words: 'theo chỉ đạo', relation: 'refers', example: 'văn bản quy định chi tiết, theo chỉ đạo của Thủ tướng Chính phủ tại Công điện số 36/CĐ-TTg' },
  // "theo" before a noun that looks like a verb: "theo hướng dẫn của X tại <ref>" refers.
  { words: 'theo hướng dẫn', relation: 'refers', example: 'theo hướng dẫn của Thanh tra Chính phủ tại Kế hoạch thanh tra số 1505/KH-TTCP' },
  { words: 'theo đề nghị', relation: 'refers', example: 'Theo đề nghị của Sở Tài chính tại Công văn số 4119/STC-QLN' },
];

/**
 * Passive forms: "được sửa đổi, bổ sung bởi Luật số 56/2024/QH15" — the cited
 * document amends another one, not the citing text: the citation takes the
 * relation of the reference it describes when that one is a legal basis
 * ("Căn cứ Luật ... số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số
 * 56/2024/QH15": based-on), else refers.
 */
export const PASSIVE_MARKERS: readonly string[] = ['được', 'bị'];

export interface RelationAfter {
  /** Words right after the reference (and its date and issuer), folded on match. */
  words: string;
  /** Words that must close the phrase within a few words ("như sau"), or none. */
  closing?: string;
  relation: Relation;
  example: string;
}

/**
 * The amending instrument's own formulas, after the reference: "Khoản 8 Điều
 * 37 Nghị định số 77/2016/NĐ-CP được sửa đổi như sau:" — the citing text
 * amends it; "... Thông tư số 12/2019/TT-BTC bị bãi bỏ" — it repeals it.
 */
export const RELATIONS_AFTER: readonly RelationAfter[] = [
  { words: 'được sửa đổi, bổ sung', closing: 'như sau', relation: 'amends', example: 'Điều 5 Thông tư số 12/2019/TT-BTC được sửa đổi, bổ sung như sau:' },
  { words: 'được sửa đổi', closing: 'như sau', relation: 'amends', example: '14. Khoản 8 Điều 37 Nghị định số 77/2016/NĐ-CP được sửa đổi như sau:' },
  { words: 'được bổ sung', closing: 'như sau', relation: 'amends', example: 'Điều 3 Quyết định số 15/2020/QĐ-TTg được bổ sung khoản 4 như sau:' },
  { words: 'bị bãi bỏ', relation: 'repeals', example: 'khoản 2 Điều 9 Thông tư số 12/2019/TT-BTC bị bãi bỏ.' },
  { words: 'được bãi bỏ', relation: 'repeals', example: 'Điều 10 Nghị định số 67/2012/NĐ-CP được bãi bỏ.' },
];
