/**
 * The document's own header: its number line ("Số 398-BC/TU", "Số:
 * /BC-SKHCN" with a blank number in a draft), the issuer block above it
 * ("UBND TỈNH QUẢNG NGÃI / SỞ KHOA HỌC VÀ CÔNG NGHỆ"), the place and date
 * line ("Quảng Ngãi, ngày 15 tháng 9 năm 2023"; "ngày    tháng 11 năm 2025"
 * is a draft with no date). The header is not a citation: the finder leaves
 * its number out.
 */
import { assertString, describe } from '../errors.js';
import { HeaderOptionsSchema, type DocumentHeader, type HeaderOptions } from '../schema.js';
import { prepareText, type PreparedText } from './pipeline.js';
import { foldLower, isLineBreak, isSlash } from './chars.js';
import { asTypeCode, canonicalCode, isKnownCode } from './data/codes.js';
import { LOCALITY_WORDS, NAME_WORDS } from './data/issuers.js';
import { isoDate } from './dates.js';
import { parseSymbol } from './grammar.js';
import { NUM, PUNCT, WORD, tokenAfter } from './tokens.js';

/** How far into the text a header may stand. */
const HEADER_REACH = 4000;
/** How much of the text is prepared for the header: its reach plus room for the place-and-date lines. */
export const HEADER_PREPARE = HEADER_REACH + 1000;
/** Lines above the number line read for the issuer block. */
const BLOCK_LINES = 8;

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string, limit: number): Line[] {
  const out: Line[] = [];
  let s = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      out.push({ start: s, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  if (s < n) out.push({ start: s, end: n });
  return out;
}

function fold(s: string): string {
  let f = '';
  for (let i = 0; i < s.length; i++) f += String.fromCharCode(foldLower(s.charCodeAt(i)));
  return f;
}

export interface HeaderNumber {
  /** Span of the number line from "Số" to the end of the symbol. */
  start: number;
  end: number;
  id: string | null;
  number: string | null;
  symbol: string;
  typeCode: string | null;
  issuerCode: string | null;
  line: number;
}

/**
 * Finds the header's number line: a line in the first part of the text that
 * opens with "Số" (or "Số:"), followed by a number and symbol or by a blank
 * and "/SYMBOL".
 */
export function locateHeaderNumber(text: string): HeaderNumber | null {
  const lines = linesOf(text, HEADER_REACH);
  for (let li = 0; li < lines.length; li++) {
    const { start, end } = lines[li];
    const t = tokenAfter(text, start, end);
    if (!t || t.kind !== WORD || t.key !== 's' && t.key !== 'so' || !t.cap) continue;
    let p = t.end;
    // OCR "S6": the digit is the "ố".
    if (t.key === 's') {
      const d = tokenAfter(text, p, end);
      if (!d || d.kind !== NUM || d.start !== p || d.key.length !== 1) continue;
      p = d.end;
    }
    let u = tokenAfter(text, p, end);
    if (u && u.kind === PUNCT && u.key === ':') {
      p = u.end;
      u = tokenAfter(text, p, end);
    }
    if (!u) continue;
    if (u.kind === NUM) {
      const sym = parseSymbol(text, u.start, true);
      if (!sym) continue;
      return {
        start: t.start,
        end: sym.end,
        id: sym.id,
        number: sym.number,
        symbol: sym.symbol,
        typeCode: sym.typeCode,
        issuerCode: sym.issuerCode,
        line: li,
      };
    }
    if (u.kind === PUNCT && isSlash(text.charCodeAt(u.start))) {
      // A draft: "Số:      /BC-SKHCN".
      const groups: string[] = [];
      let q = u.end;
      for (;;) {
        const g = /^[A-Za-zĐđÐð][A-Za-z0-9&ĐđÐð]*/.exec(text.slice(q, Math.min(end, q + 24)));
        if (!g) break;
        groups.push(canonicalCode(g[0]));
        q += g[0].length;
        if (q < end && (text.charCodeAt(q) === 45 || text.charCodeAt(q) === 0x2013)) q++;
        else break;
      }
      if (groups.length === 0) continue;
      const tc = asTypeCode(groups[0]);
      return {
        start: t.start,
        end: q,
        id: null,
        number: null,
        symbol: groups.join('-'),
        typeCode: tc ?? null,
        issuerCode: tc ? (groups[1] ?? null) : groups[0],
        line: li,
      };
    }
  }
  return null;
}

/** Lines that are not the issuer: the national and Party mottos, decorations. */
const MOTTOS = ['cong hoa xa hoi chu nghia viet nam', 'doc lap - tu do - hanh phuc', 'doc lap tu do hanh phuc', 'dang cong san viet nam'];
/** Tails of a motto that two merged columns may put after the issuer ("TỈNH ỦY QUẢNG NGÃI ĐẢNG CỘNG SẢN VIỆT NAM"). */
const MOTTO_TAILS = ['cong san viet nam', 'xa hoi chu nghia viet nam'];

function isMotto(folded: string): boolean {
  const f = folded.replace(/\s+/g, ' ').trim();
  return MOTTOS.some((m) => f === m || f.startsWith(m));
}

/** Removes a motto glued on the right of the issuer ("... ĐẢNG CỘNG SẢN VIỆT NAM"): returns the kept length. */
function cutMotto(line: string): string {
  const f = fold(line);
  // A whole motto in the right-hand column ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  // "TỈNH BẮC NINH   Độc lập - Tự do - Hạnh phúc"): the folded text keeps the line's offsets.
  let cut = -1;
  for (const m of MOTTOS) {
    const at = f.indexOf(m);
    if (at > 0 && (cut < 0 || at < cut)) cut = at;
  }
  if (cut > 0) return line.slice(0, cut).trimEnd();
  for (const tail of MOTTO_TAILS) {
    const at = f.indexOf(tail);
    if (at > 0) {
      // Cut the word before the tail too ("ĐẢNG", "CỘNG HÒA").
      const head = line.slice(0, at).trimEnd();
      const sp = head.lastIndexOf(' ');
      return sp > 0 ? head.slice(0, sp).trimEnd() : '';
    }
  }
  return line;
}

const NAME_FORMS: { words: string[]; form: string[] }[] = [...NAME_WORDS, ...LOCALITY_WORDS].map((w) => ({ words: fold(w).split(' '), form: w.split(' ') })).sort(
  (a, b) => b.words.length - a.words.length,
);

function titleCase(w: string): string {
  const lower = w.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * Writes an all-capital name in ordinary capitalization: known words of
 * body names take their usual form ("Sở Khoa học và Công nghệ", "Tỉnh ủy"),
 * codes stay in capitals (UBND), locality words go lower case, and other
 * words (place names) get each syllable capitalized ("Quảng Ngãi").
 */
export function ordinaryCase(upper: string): string {
  const words = upper.normalize('NFC').split(/\s+/).filter(Boolean);
  const folded = words.map(fold);
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (const nf of NAME_FORMS) {
      if (i + nf.words.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < nf.words.length; k++) {
        if (folded[i + k] !== nf.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // Keep the text's letters (diacritics as written), in the name's capitalization.
      for (let k = 0; k < nf.words.length; k++) {
        const w = words[i + k];
        const cap = nf.form[k].charAt(0) !== nf.form[k].charAt(0).toLowerCase();
        out.push(cap ? titleCase(w) : w.toLocaleLowerCase('vi'));
      }
      i += nf.words.length;
      matched = true;
      break;
    }
    if (matched) continue;
    const w = words[i];
    if (isKnownCode(w) && /^[A-ZĐ]+$/.test(w)) out.push(w);
    else out.push(titleCase(w));
    i++;
  }
  return out.join(' ').normalize('NFC');
}

/** Locality words that open a line naming a place ("TỈNH BẮC NINH"), unless a Party committee follows ("TỈNH ỦY"). */
const LOCALITY_OPENERS = LOCALITY_WORDS.map((w) => fold(w).split(' '));

/** True when an issuer-block line is a locality alone ("TỈNH BẮC NINH", "THÀNH PHỐ HÀ NỘI"), not a body ("TỈNH ỦY ..."). */
function isLocalityLine(line: string): boolean {
  const words = fold(line).split(/\s+/).filter(Boolean);
  for (const lw of LOCALITY_OPENERS) {
    if (words.length <= lw.length || !lw.every((w, k) => words[k] === w)) continue;
    return words[lw.length] !== 'uy';
  }
  return false;
}

/** Bodies whose name a locality line completes ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BAN CHỈ ĐẠO", "CÔNG AN"). */
const BODY_ENDINGS = ['uy ban nhan dan', 'hoi dong nhan dan', 'ubnd', 'hdnd', 'ban chi dao', 'cong an', 'toa an nhan dan', 'vien kiem sat nhan dan', 'uy ban mat tran to quoc viet nam', 'doan dai bieu quoc hoi', 'bo chi huy quan su', 'van phong'];

function endsWithBodyNoun(line: string): boolean {
  const f = fold(line).replace(/\s+/g, ' ').trim();
  return BODY_ENDINGS.some((b) => f === b || f.endsWith(' ' + b));
}

/** True when a line's letters are mostly capitals (an issuer block line). */
function mostlyUpper(s: string): boolean {
  let up = 0;
  let low = 0;
  for (const ch of s) {
    if (ch !== ch.toLowerCase()) up++;
    else if (ch !== ch.toUpperCase()) low++;
  }
  return up >= 3 && up > low * 3;
}

/** Reads "<Place>, ngày D tháng M năm Y" from `from` to `end`: place and date (null for a blank day). */
function placeAndDate(text: string, from: number, end: number): { place: string | null; date: string | null } | null {
  const seg = text.slice(from, end);
  const f = fold(seg);
  const m = /,\s*ng[a-z]?y\b/.exec(f);
  if (!m) return null;
  const place = seg.slice(0, m.index).replace(/\s+/g, ' ').trim();
  const rest = f.slice(m.index + m[0].length);
  const d = /^\s*(\d{1,2})?\s*th[a-z]{1,2}ng\s*(\d{1,2})?\s*n[a-z]{1,2}m\s*(\d{4})?/.exec(rest);
  let date: string | null = null;
  if (d && d[1] && d[2] && d[3]) date = isoDate(Number(d[3]), Number(d[2]), Number(d[1]));
  else if (!d) {
    const n = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(rest);
    if (n) date = isoDate(Number(n[3]), Number(n[2]), Number(n[1]));
  }
  return { place: place.length > 0 && place.length <= 60 ? place : null, date };
}

/**
 * The document's own header, or null when the text has none (a report that
 * starts at its title). Fields the header lacks are null: `id` and `number`
 * for a draft's blank number, `date` for a blank day, `issuer` when there is
 * no issuer block.
 */
export function extractDocumentHeader(text: string, options?: HeaderOptions): DocumentHeader | null {
  assertString(text, 'extractDocumentHeader', 'text');
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`extractDocumentHeader: argument "options" must be an object, got ${describe(options)}`);
  }
  const checked = HeaderOptionsSchema.safeParse(options ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(`extractDocumentHeader: argument "options${issue.path.length ? '.' + issue.path.join('.') : ''}": ${issue.message}`);
  }
  // Only the head of the text can hold the header: prepare (normalize, restore) just that.
  const head = text.length > HEADER_PREPARE ? text.slice(0, HEADER_PREPARE) : text;
  return headerOfPrepared(prepareText(head, checked.data.input, { model: checked.data.model }));
}

/** The header read from the prepared head of a text (its first HEADER_PREPARE code units), span mapped back. */
export function headerOfPrepared(prepared: PreparedText): DocumentHeader | null {
  const header = readDocumentHeader(prepared.text);
  if (header && header.start !== null && header.end !== null) {
    const span = prepared.map.spanToOriginal(header.start, header.end);
    header.start = span.start;
    header.end = span.end;
  }
  return header;
}

/** The header read from text that is already prepared (normalized and restored). */
export function readDocumentHeader(text: string): DocumentHeader | null {
  const num = locateHeaderNumber(text);
  if (!num) return null;
  const lines = linesOf(text, HEADER_REACH);
  // Place and date: on the number line after the symbol, or on one of the next three lines.
  let pd: { place: string | null; date: string | null } | null = null;
  for (let li = num.line; li < Math.min(lines.length, num.line + 4) && !pd; li++) {
    const from = li === num.line ? num.end : lines[li].start;
    pd = placeAndDate(text, from, lines[li].end);
  }
  // Issuer block: the last upper-case line above the number line that is not a motto; a line that is
  // only the locality of the body named on the line above ("ỦY BAN NHÂN DÂN / TỈNH BẮC NINH") joins it.
  let issuer: string | null = null;
  const blockLine = (li: number): string | null => {
    const raw = text.slice(lines[li].start, lines[li].end).trim();
    if (!raw || !/\p{L}/u.test(raw) || isMotto(fold(raw))) return null;
    const kept = cutMotto(raw);
    return kept && mostlyUpper(kept) ? kept : null;
  };
  for (let li = num.line - 1; li >= 0 && li >= num.line - BLOCK_LINES; li--) {
    const kept = blockLine(li);
    if (kept === null) continue;
    let name = kept;
    if (isLocalityLine(kept)) {
      for (let up = li - 1; up >= 0 && up >= li - 2; up--) {
        const above = blockLine(up);
        if (above === null) continue;
        if (endsWithBodyNoun(above)) name = `${above} ${kept}`;
        break;
      }
    }
    issuer = ordinaryCase(name);
    break;
  }
  return {
    id: num.id,
    number: num.number,
    symbol: num.symbol,
    typeCode: num.typeCode,
    issuerCode: num.issuerCode,
    issuer,
    place: pd?.place ?? null,
    date: pd?.date ?? null,
    start: num.start,
    end: num.end,
  };
}
