import { BoundedMemo } from '../../memo.js';
/**
 * Codes that appear inside document symbols, with a real example for each
 * (tests check every example parses to its code). Sources: Nghị định
 * 30/2020/NĐ-CP Phụ lục III (state types), Hướng dẫn 36-HD/VPTW (Party),
 * Luật 64/2025/QH15 and Nghị định 78/2025 (normative), court templates; see
 * docs/vn-document-references.md.
 *
 * Codes are open vocabularies (each agency sets its own issuer and unit
 * codes): these tables serve to restore the official spelling of codes the
 * text wrote in ASCII or in the wrong case (`ND-CP` → `NĐ-CP`, `CT-TTG` →
 * `CT-TTg`, `Ctr` → `CTr`), to tell a type code from an issuer code, and to
 * tell a footnote marker from a code's own digits (`TW3` is `TW` + note 3,
 * `QH15` is one code).
 */

export interface TypeCode {
  /** Official spelling. */
  code: string;
  /** Canonical type name this code stands for (the state/normative reading). */
  name: string;
  /** Reading in Party documents when it differs (TT: Thông tri). */
  partyName?: string;
  /** A real symbol using it. */
  example: string;
}

/** Type codes of state, normative and Party documents. */
export const TYPE_CODES: readonly TypeCode[] = [
  // Nghị định 30/2020 Phụ lục III (administrative) and the normative types.
  { code: 'NQ', name: 'Nghị quyết', example: '111/NQ-CP' },
  { code: 'QĐ', name: 'Quyết định', example: '1562/QĐ-TTg' },
  { code: 'CT', name: 'Chỉ thị', example: '02/CT-UBND' },
  { code: 'QC', name: 'Quy chế', example: '05/QC-UBND' },
  { code: 'QyĐ', name: 'Quy định', example: '01/QyĐ-UBND' },
  { code: 'QĐi', name: 'Quy định', example: '08-QĐi/TW' },
  { code: 'TC', name: 'Thông cáo', example: '01/TC-VPCP' },
  { code: 'TB', name: 'Thông báo', example: '347/TB-VP' },
  { code: 'HD', name: 'Hướng dẫn', example: '36-HD/VPTW' },
  { code: 'CTr', name: 'Chương trình', example: '32-CTr/TU' },
  { code: 'KH', name: 'Kế hoạch', example: '51/KH-UBND' },
  { code: 'PA', name: 'Phương án', example: '12/PA-UBND' },
  { code: 'ĐA', name: 'Đề án', example: '01-ĐA/TU' },
  { code: 'DA', name: 'Dự án', example: '03/DA-SKHCN' },
  { code: 'BC', name: 'Báo cáo', example: '527/BC-SKHCN' },
  { code: 'BB', name: 'Biên bản', example: '15/BB-UBND' },
  { code: 'TTr', name: 'Tờ trình', example: '784/TTr-SKHCN' },
  { code: 'HĐ', name: 'Hợp đồng', example: '12/HĐ-SKHCN' },
  { code: 'CĐ', name: 'Công điện', example: '21/CĐ-TTg' },
  { code: 'BGN', name: 'Bản ghi nhớ', example: '02/BGN-UBND' },
  { code: 'BTT', name: 'Bản thỏa thuận', example: '01/BTT-UBND' },
  { code: 'GUQ', name: 'Giấy ủy quyền', example: '05/GUQ-UBND' },
  { code: 'GM', name: 'Giấy mời', example: '112/GM-UBND' },
  { code: 'GGT', name: 'Giấy giới thiệu', example: '09/GGT-SNV' },
  { code: 'GNP', name: 'Giấy nghỉ phép', example: '14/GNP-SNV' },
  { code: 'PG', name: 'Phiếu gửi', example: '03/PG-VP' },
  { code: 'PC', name: 'Phiếu chuyển', example: '08/PC-VP' },
  { code: 'PB', name: 'Phiếu báo', example: '02/PB-VP' },
  { code: 'SY', name: 'Bản sao y', example: '15/SY-UBND' },
  { code: 'TrS', name: 'Bản trích sao', example: '04/TrS-UBND' },
  { code: 'SL', name: 'Bản sao lục', example: '06/SL-UBND' },
  // Licences are numbered like administrative documents ("Giấy phép thăm dò số 01/GP-UBND").
  { code: 'GP', name: 'Giấy phép', example: '01/GP-UBND' },
  { code: 'CV', name: 'Công văn', example: '3720-CV/BKTTW' },
  { code: 'KL', name: 'Kết luận', example: '50-KL/TW' },
  { code: 'TT', name: 'Thông tư', partyName: 'Thông tri', example: '78/2021/TT-BTC' },
  { code: 'NĐ', name: 'Nghị định', example: '65/2023/NĐ-CP' },
  { code: 'TTLT', name: 'Thông tư liên tịch', example: '85/2016/TTLT-BTC-BCA' },
  { code: 'TTLB', name: 'Thông tư liên bộ', example: '12/1994/TTLB-BTC-BNV' },
  { code: 'NQLT', name: 'Nghị quyết liên tịch', example: '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN' },
  { code: 'PL', name: 'Pháp lệnh', example: '02/2012/PL-UBTVQH13' },
  { code: 'L', name: 'Lệnh', example: '07/2025/L-CTN' },
  { code: 'VBHN', name: 'Văn bản hợp nhất', example: '03/VBHN-VPQH' },
];

/** Court field codes (Bản án symbols `N/YEAR/FIELD-LEVEL`). */
export const COURT_FIELDS: readonly string[] = ['HS', 'DS', 'HNGĐ', 'KDTM', 'LĐ', 'HC'];
/** Court levels: sơ thẩm, phúc thẩm, giám đốc thẩm, tái thẩm. */
export const COURT_LEVELS: readonly string[] = ['ST', 'PT', 'GĐT', 'TT'];
/** Court decision codes: `37/2023/QĐST-HNGĐ`, `37/2021/QĐPT-DS`. */
export const COURT_DECISIONS: readonly string[] = ['QĐST', 'QĐPT', 'QĐGĐT', 'QĐTT', 'QĐ'];
/** Precedent symbol: `Án lệ số 01/2016/AL`. */
export const PRECEDENT = 'AL';

export interface IssuerCode {
  code: string;
  /** A real symbol using it. */
  example: string;
  /** The official code this spelling stands for, when it is a variant (`TƯ` for `TW`): ids use the official one. */
  canonical?: string;
}

/**
 * Issuer and unit codes whose spelling matters (a Đ, or lower-case letters),
 * or which are common enough that a glued footnote digit must be told apart
 * (`TW3`). Codes that are plain upper-case ASCII need no entry to be read.
 */
export const ISSUER_CODES: readonly IssuerCode[] = [
  // Party (Hướng dẫn 36-HD/VPTW and practice)
  { code: 'TW', example: '52-NQ/TW' },
  { code: 'TƯ', example: '69-QĐ/TƯ', canonical: 'TW' },
  { code: 'TU', example: '398-BC/TU' },
  { code: 'HU', example: '15-NQ/HU' },
  { code: 'ĐU', example: '2537-NQ/ĐU' },
  { code: 'ĐUK', example: '10-NQ/ĐUK' },
  { code: 'CB', example: '03-NQ/CB' },
  { code: 'ĐH', example: '01-NQ/ĐH' },
  { code: 'VPTW', example: '36-HD/VPTW' },
  { code: 'BTCTW', example: '15-HD/BTCTW' },
  { code: 'BTGTW', example: '120-HD/BTGTW' },
  { code: 'BDVTW', example: '05-HD/BDVTW' },
  { code: 'BTGDVTW', example: '1147-QĐ/BTGDVTW' },
  { code: 'BNCTW', example: '12-HD/BNCTW' },
  { code: 'BKTTW', example: '3720-CV/BKTTW' },
  { code: 'UBKTTW', example: '05-HD/UBKTTW' },
  { code: 'BCĐTW', example: '02-KH/BCĐTW' },
  { code: 'BCĐ', example: '08-KH/BCĐ' },
  { code: 'BTGTU', example: '94-KH/BTGTU' },
  { code: 'ĐUTCT', example: '11-NQ/ĐUTCT' },
  // Central state bodies
  { code: 'CP', example: '65/2023/NĐ-CP' },
  { code: 'TTg', example: '1562/QĐ-TTg' },
  { code: 'VPCP', example: '8356/VPCP-KSTT' },
  { code: 'VPQH', example: '03/VBHN-VPQH' },
  { code: 'VPCTN', example: '12/VPCTN-PL' },
  { code: 'CTN', example: '07/2025/L-CTN' },
  { code: 'TANDTC', example: '01/2017/NQ-HĐTP-TANDTC' },
  { code: 'HĐTP', example: '01/2019/NQ-HĐTP' },
  { code: 'VKSNDTC', example: '09/2013/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC' },
  { code: 'VKSTC', example: '51/QĐ-VKSTC-V12' },
  { code: 'KTNN', example: '05/2012/QĐ-KTNN' },
  { code: 'ĐCTUBTWMTTQVN', example: '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN' },
  // Ministries (current and former codes stay valid in citations)
  { code: 'BQP', example: '195/2019/TT-BQP' },
  { code: 'BCA', example: '7886/QĐ-BCA' },
  { code: 'BNG', example: '10/2019/TT-BNG' },
  { code: 'BTP', example: '09/2013/TTLT-BTP-BCA' },
  { code: 'BCT', example: '28/2010/TT-BCT' },
  { code: 'BGDĐT', example: '5588/BGDĐT-GDPT' },
  { code: 'BYT', example: '41/2011/TT-BYT' },
  { code: 'BNV', example: '15/QĐ-BNV' },
  { code: 'BTC', example: '78/2021/TT-BTC' },
  { code: 'BNNMT', example: '75/2025/TT-BNNMT' },
  { code: 'BXD', example: '08/2024/TT-BXD' },
  { code: 'BKHCN', example: '3515/BKHCN-ATBXHN' },
  { code: 'BVHTTDL', example: '12/2022/TT-BVHTTDL' },
  { code: 'BDTTG', example: '01/2025/TT-BDTTG' },
  { code: 'NHNN', example: '06/VBHN-NHNN' },
  { code: 'TTCP', example: '05/2014/TT-TTCP' },
  { code: 'BKHĐT', example: '05/2019/TT-BKHĐT' },
  { code: 'BTTTT', example: '1552/BTTTT-TTH' },
  { code: 'BGTVT', example: '12/2020/TT-BGTVT' },
  { code: 'BLĐTBXH', example: '06/2024/TT-BLĐTBXH' },
  { code: 'BNNPTNT', example: '10/2020/TT-BNNPTNT' },
  { code: 'BTNMT', example: '02/2022/TT-BTNMT' },
  { code: 'UBDT', example: '01/2020/TT-UBDT' },
  // Local bodies and departments
  { code: 'UBND', example: '51/KH-UBND' },
  { code: 'HĐND', example: '23/2022/NQ-HĐND' },
  { code: 'UB', example: '139/2005/QĐ-UB' },
  { code: 'STC', example: '4119/STC-QLN' },
  { code: 'SKHĐT', example: '120/SKHĐT-TH' },
  { code: 'SKHCN', example: '527/BC-SKHCN' },
  { code: 'STTTT', example: '85/STTTT-BCVT' },
  { code: 'SCT', example: '2526/SCT-QLCN' },
  { code: 'SGDĐT', example: '1245/SGDĐT-VP' },
  { code: 'SLĐTBXH', example: '230/SLĐTBXH-LĐ' },
  { code: 'SYT', example: '1200/SYT-NVY' },
  { code: 'SNV', example: '2114/TTr-SNV' },
  { code: 'STP', example: '450/STP-VP' },
  { code: 'SXD', example: '310/SXD-QLXD' },
  { code: 'SNNMT', example: '215/SNNMT-VP' },
  { code: 'VP', example: '347/TB-VP' },
  { code: 'KGVX', example: '2164/UBND-KGVX' },
  { code: 'BCĐS', example: '12/KH-BCĐS' },
  { code: 'CĐSQG', example: '687/BKHCN-CĐSQG' },
  { code: 'BCVT&CĐS', example: '639/SKHCN-BCVT&CĐS' },
];

/**
 * Codes that carry their own number: the Quốc hội term (`QH15`), its
 * Standing Committee (`UBTVQH14`), regional procuracies (`VKSKV7`),
 * military regions. Digits after these are part of the code, not a footnote.
 */
export const NUMBERED_CODE_PREFIXES: readonly string[] = ['QH', 'UBTVQH', 'VKSKV', 'TANDKV', 'QK', 'V'];

/** Upper-cased, diacritic-folded key of a code ("NĐ" → "ND", "TTg" → "TTG"). */
export function codeKey(code: string): string {
  let s = '';
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 0x110 || c === 0x111 || c === 0xd0 || c === 0xf0) s += 'D';
    else if (c >= 97 && c <= 122) s += String.fromCharCode(c - 32);
    else if (c === 0x1b0) s += '\u01af';
    else s += code.charAt(i);
  }
  return s;
}

/** Official spellings by folded key; a key may have two (HD Hướng dẫn / HĐ Hợp đồng, DA / ĐA). */
const SPELLINGS = new Map<string, string[]>();
function addSpelling(code: string): void {
  const k = codeKey(code);
  const list = SPELLINGS.get(k);
  if (!list) SPELLINGS.set(k, [code]);
  else if (!list.includes(code)) list.push(code);
}
for (const t of TYPE_CODES) addSpelling(t.code);
for (const i of ISSUER_CODES) addSpelling(i.code);
for (const c of [...COURT_FIELDS, ...COURT_LEVELS, ...COURT_DECISIONS, PRECEDENT]) addSpelling(c);

const TYPE_BY_CODE = new Map<string, TypeCode>(TYPE_CODES.map((t) => [t.code, t]));
/** QĐi and QyĐ are Quy định; QĐ alone reads Quyết định (the Party also uses it for Quy định). */
export function typeCodeInfo(code: string): TypeCode | undefined {
  return TYPE_BY_CODE.get(code);
}

const NUMBERED_RE = new RegExp(`^(?:${[...NUMBERED_CODE_PREFIXES].sort((a, b) => b.length - a.length).join('|')})\\d{1,3}$`);

/** Replaces the look-alikes Ð/ð by Đ/đ. */
function fixEth(s: string): string {
  if (s.indexOf('\u00d0') < 0 && s.indexOf('\u00f0') < 0) return s;
  return s.replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111');
}

/** Memo of the per-group answers: symbols repeat a great deal. */
const CANONICAL_MEMO = new BoundedMemo<string>(4096);
const KNOWN_MEMO = new BoundedMemo<boolean>(4096);

/**
 * The official spelling of one symbol group as written in the text:
 * known codes get their spelling back (`ND` → `NĐ`, `ttg` → `TTg`, `Ctr` →
 * `CTr`); when a key has two spellings the one the text wrote wins, and
 * ASCII text gets the first listed (`HD` → Hướng dẫn's `HD`). Unknown codes
 * keep the text's spelling, upper-cased when the text wrote them all in
 * lower case.
 */
export function canonicalCode(raw: string): string {
  return CANONICAL_MEMO.get(raw, canonicalCodeUncached);
}

/** Variant spellings → the official code (`TƯ` → `TW`). */
const OFFICIAL = new Map<string, string>(ISSUER_CODES.filter((i) => i.canonical).map((i) => [i.code, i.canonical as string]));

function canonicalCodeUncached(raw: string): string {
  const spelled = spellingOf(raw);
  return OFFICIAL.get(spelled) ?? spelled;
}

function spellingOf(raw: string): string {
  const fixed = fixEth(raw);
  const key = codeKey(fixed);
  const list = SPELLINGS.get(key);
  if (list) {
    if (list.length === 1) return list[0];
    const upper = fixed.toUpperCase();
    for (const s of list) if (s.toUpperCase() === upper) return s;
    const wroteD = /[Đđ]/.test(fixed);
    for (const s of list) if (/Đ/.test(s) === wroteD) return s;
    return list[0];
  }
  if (NUMBERED_RE.test(key)) return key;
  if (fixed === fixed.toLowerCase()) return fixed.toUpperCase();
  return fixed;
}

/** True when the group is a known code (any case, any Đ spelling). */
export function isKnownCode(raw: string): boolean {
  return KNOWN_MEMO.get(raw, (own) => {
    const key = codeKey(fixEth(own));
    return SPELLINGS.has(key) || NUMBERED_RE.test(key);
  });
}

/** The type code a group stands for (canonical spelling), or undefined when it is not a type code. */
export function asTypeCode(raw: string): string | undefined {
  const c = canonicalCode(raw);
  return TYPE_BY_CODE.has(c) ? c : undefined;
}

/**
 * Splits a footnote marker glued to the last group of a symbol: `TW3` →
 * [`TW`, "3"] because TW is a known code that carries no digits; `QH15`,
 * `VKSKV7` and unknown codes (`VNT19`) stay whole.
 */
export function splitFootnote(raw: string): [string, string] {
  const m = /^(.*?[A-Za-zĐđÐð&])(\d{1,3})$/.exec(raw);
  if (!m) return [raw, ''];
  if (isKnownCode(raw)) return [raw, ''];
  if (isKnownCode(m[1])) return [m[1], m[2]];
  return [raw, ''];
}

export function isCourtField(code: string): boolean {
  return COURT_FIELDS.includes(code);
}
export function isCourtLevel(code: string): boolean {
  return COURT_LEVELS.includes(code);
}
export function isCourtDecision(code: string): boolean {
  return COURT_DECISIONS.includes(code) && code !== 'QĐ';
}

/**
 * Words that text extracted from PDF glues to the end of a symbol ("Nghị
 * định số 35/2016/NĐ-CPngày 15/5/2016", "Quyết định số 30/2021/QĐ-TTGvà Chỉ
 * thị ..."): a group that runs into one of them ends before it. Folded,
 * lower-case; each with a real example (a test reads it).
 */
export const GLUED_WORDS: ReadonlyArray<{ word: string; example: string; id: string }> = [
  { word: 'ngay', example: 'Điều 20 Nghị định số 35/2016/NĐ-CPngày 15/5/2016 theo', id: '35/2016/NĐ-CP' },
  { word: 'va', example: 'Quyết định số 30/2021/QĐ-TTGvà Chỉ thị 21/CT-TTg', id: '30/2021/QĐ-TTg' },
  { word: 'cua', example: 'theo Thông tư số 26/2015/TT-BTCcủa Bộ Tài chính', id: '26/2015/TT-BTC' },
  { word: 've', example: 'Quyết định số 12/QĐ-UBNDvề việc', id: '12/QĐ-UBND' },
  { word: 'ban', example: 'theo mẫu ban hành kèm theo Thông tư số 80/2021/TT-BTCban hành', id: '80/2021/TT-BTC' },
  { word: 'huong', example: 'Thông tư số 12/2020/TT-BTChướng dẫn', id: '12/2020/TT-BTC' },
  { word: 'quy', example: 'Nghị định số 15/2020/NĐ-CPquy định', id: '15/2020/NĐ-CP' },
];
