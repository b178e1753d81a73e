/**
 * Code groups a document symbol may contain, from the citation grammar
 * (shared/docs/vn-document-references.md §2-§6): document types, Party and
 * state issuers. The OCR symbol repair only ever turns a group that is NOT
 * one of these into one that is (with a channel edit, "QD" → "QĐ"), so it
 * cannot invent a form the grammar does not allow. Examples are in the
 * comments.
 */

/** Type codes: state (Nghị định 30/2020 Phụ lục III) and Party (Hướng dẫn 36), plus VBQPPL ones. */
export const TYPE_CODES = [
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ', 'BGN', 'BTT',
  'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'SY', 'TrS', 'SL', // 15/QĐ-BNV, 05/BNV-VP
  'NĐ', 'TT', 'TTLT', 'NQLT', 'VBHN', 'L', 'PL', 'KL', 'CV', 'QĐi', 'SL', 'TTLB', 'TTLN', // 65/2023/NĐ-CP, 52-NQ/TW, 08-QĐi/TW
  'HS', 'DS', 'HNGĐ', 'KDTM', 'LĐ', 'HC', 'ST', 'PT', 'GĐT', 'QĐST', 'QĐPT', 'AL', 'QĐKNPT', // 12/2020/HS-ST
] as const;

/** Issuer codes: central and local, state and Party. */
export const ISSUER_CODES = [
  'TW', 'TU', 'HU', 'ĐU', 'ĐUK', 'CB', 'ĐH', 'VPTW', 'BTCTW', 'BTGTW', 'BDVTW', 'BTGDVTW', 'BNCTW', 'BKTTW', 'UBKTTW', 'BCĐTW', 'BCĐ', 'BTGTU', 'ĐUTCT', // 52-NQ/TW
  'QH', 'UBTVQH', 'CTN', 'CP', 'TTg', 'VPCP', 'VPQH', 'VPCTN', 'TANDTC', 'HĐTP', 'VKSNDTC', 'VKSTC', 'VKS', 'KTNN', 'ĐCTUBTWMTTQVN', // 111/NQ-CP, 1562/QĐ-TTg
  'BQP', 'BCA', 'BNG', 'BTP', 'BCT', 'BGDĐT', 'BYT', 'BNV', 'BTC', 'BNNMT', 'BXD', 'BKHCN', 'BVHTTDL', 'BDTTG', 'NHNN', 'NHNNVN', 'TTCP', // 78/2021/TT-BTC
  'BKHĐT', 'BTTTT', 'BGTVT', 'BLĐTBXH', 'BNNPTNT', 'BNN', 'BTNMT', 'UBDT',
  'UBND', 'HĐND', 'STC', 'SKHĐT', 'SKHCN', 'STTTT', 'SCT', 'SGDĐT', 'SYT', 'SNV', 'STP', 'SXD', 'SNNMT', 'SNNPTNT', 'STNMT', 'SVHTTDL', 'SLĐTBXH', 'SGTVT', // 327/QĐ-UBND, 2526/SCT-QLCN
  'VP', 'QLCN', 'QLN', 'THQH', 'TTHT', 'GDPT', 'VX', 'KTTH', 'KTN', 'NC', 'TCCB', 'TH', 'KHTC', 'QLKH', 'KHCN', 'QLĐT', // 4119/STC-QLN
  'MTTQ', 'MTTQVN', 'LĐLĐ', 'HLHPN', 'ĐTN', 'HND', 'HCCB', 'BHXH', 'CA', 'BCH', 'BTV', 'BTG', 'BDV', 'BTC', 'UBKT',
] as const;
