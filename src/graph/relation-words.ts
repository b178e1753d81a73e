/**
 * Relation words (docs/vn-document-references.md §8), folded and lower-case,
 * as the citation graph reads them between two references: "A <words> B"
 * states that A implements, amends, replaces, repeals, guides or is based on
 * B. Each entry has a real example; test/graph/relations.test.ts checks them.
 *
 * Order matters: at one position the first alternative that matches wins, so
 * longer phrases come before their prefixes ("hướng dẫn thực hiện" before
 * "thực hiện").
 */
import type { Relation } from '../schema.js';

export interface RelationPhrase {
  /** Folded, lower-case regular-expression source; words separated by one space (matched as any whitespace). */
  pattern: string;
  relation: Relation;
  example: string;
}

export const RELATION_PHRASES: readonly RelationPhrase[] = [
  {
    pattern: 'sua doi,? bo sung(?: mot so dieu(?: va phu luc)?(?: cua)?)?',
    relation: 'amends',
    example: 'Nghị định số 82/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 73/2019/NĐ-CP',
  },
  { pattern: 'sua doi(?: mot so dieu(?: cua)?)?', relation: 'amends', example: 'Thông tư số 10/2024/TT-BTC sửa đổi Thông tư số 78/2021/TT-BTC' },
  { pattern: 'bo sung mot so dieu(?: cua)?', relation: 'amends', example: 'Nghị định số 12/2025/NĐ-CP bổ sung một số điều của Nghị định số 65/2023/NĐ-CP' },
  { pattern: 'thay the', relation: 'replaces', example: 'Nghị quyết số 05/2025/NQ-HĐND thay thế Nghị quyết số 23/2022/NQ-HĐND' },
  { pattern: 'bai bo|huy bo', relation: 'repeals', example: 'Quyết định số 40/2025/QĐ-UBND bãi bỏ Quyết định số 62/2014/QĐ-UBND' },
  {
    pattern: 'quy dinh chi tiet(?: va huong dan thi hanh)?(?: mot so dieu(?: va bien phap)?(?: thi hanh)?(?: cua)?)?',
    relation: 'guides',
    example: 'Nghị định số 65/2023/NĐ-CP quy định chi tiết một số điều của Luật số 07/2022/QH15',
  },
  {
    pattern: 'huong dan (?:thi hanh|thuc hien|trien khai)(?: mot so dieu(?: cua)?)?',
    relation: 'guides',
    example: 'Hướng dẫn số 05-HD/BTGTU hướng dẫn thực hiện Nghị quyết số 57-NQ/TW',
  },
  {
    pattern: '(?:trien khai )?thuc hien|trien khai|quan triet|cu the hoa|hien thuc hoa|so ket|tong ket',
    relation: 'implements',
    example: 'Kế hoạch số 539-KH/TU ngày 29/4/2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW',
  },
  { pattern: 'can cu(?: vao)?', relation: 'based-on', example: 'Quyết định số 327/QĐ-UBND căn cứ Nghị quyết số 71/NQ-CP' },
];

/** Before a relation word: the passive "(đã) được" reverses it ("A được sửa đổi, bổ sung bởi B": B amends A). */
export const PASSIVE_BEFORE = /(?:^|[^\p{L}])(?:da\s+)?duoc\s*$/iu;
/** After a passive relation word: the agent marker that introduces the acting document. */
export const PASSIVE_AGENT = /^\s*(?:boi|tai|theo)(?![\p{L}\p{N}])/iu;
/** "bởi" marks the passive even without "được" ("Nghị định A sửa đổi, bổ sung bởi Nghị định B"). */
export const PASSIVE_BY = /^\s*(?:cac\s+)?boi(?![\p{L}\p{N}])/iu;
/** "tại" right after "sửa đổi, bổ sung" / "thay thế" / "bãi bỏ" also marks the passive ("sửa đổi bổ sung tại Thông tư số ..."). */
export const PASSIVE_AT = /^\s*tai(?![\p{L}\p{N}])/iu;

/**
 * Words that start a new predicate between a reference and a relation word:
 * the actor of "thực hiện" is then not the reference ("Kế hoạch A; UBND tỉnh
 * đã thực hiện B"). Matched on the original text, whole words, any case.
 */
export const SUBJECT_BREAKERS = /(?<![\p{L}\p{N}])(?:đã|đang|sẽ|để|nhằm|thì|đồng thời|trong đó|tham mưu|đề nghị|yêu cầu|chỉ đạo các)(?![\p{L}\p{N}])/iu;

/**
 * Nouns naming a document without its number ("các Kế hoạch", "chương trình
 * hành động"), folded: between a reference and a relation word they take the
 * relation for themselves, unless `NOUN_CARRIERS` precedes them.
 */
export const DOCUMENT_NOUN_RE =
  /(?<![\p{L}\p{N}])(?:nghi quyet|nghi dinh|quyet dinh|chi thi|thong tu|ket luan|ke hoach|chuong trinh|thong bao|huong dan|quy dinh|quy che|bao cao|to trinh|de an|phuong an|du an|quy hoach|cong van|van ban)(?![\p{L}\p{N}])/gu;

/** Words before such a noun that keep the reference as the actor: "về (việc) ban hành Kế hoạch", "phê duyệt Đề án". */
export const NOUN_CARRIERS = /(?:^|[^\p{L}])(?:ve|ve viec|ban hanh|phe duyet)(?:\s+cac)?$/u;

/** After a relation word: "theo" makes it "done as the document provides" ("thực hiện theo quy định tại"), no relation between documents. */
export const PER_RULES = /^\s*theo(?![a-z])/i;
