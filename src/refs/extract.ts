/**
 * Reference extraction: finds every document the text cites by number and
 * symbol, and reads around each one its type name, date, issuer and relation.
 *
 * ```
 * extractReferences(input)
 *   = prepare (normalize; detect; restore the windows around      → text + OffsetMap
 *     reference anchors of stripped/OCR text: pipeline.ts)
 *   → findReferences(text)                                       → references on the prepared text
 *   → spans mapped back through the OffsetMap                    → references on the input
 * ```
 *
 * `findReferences` works on one string in one pass: the prefilter (scan.ts)
 * yields the few places where a symbol may start, the grammar (grammar.ts)
 * parses the symbol there, and small readers look at the words around it
 * (doctype.ts before, dates.ts and issuer.ts after, relation.ts before).
 * A last pass carries an issuer, a type and a relation along lists ("Nghị
 * quyết số 03/NQ-CP và số 71/NQ-CP của Chính phủ").
 */
import { assertString, describe as describeValue } from '../errors.js';
import { ExtractOptionsSchema, type DocumentHeader, type ExtractOptions, type Family, type Reference, type Relation } from '../schema.js';
import { isLetter, isSpace } from './chars.js';
import { typeCodeInfo } from './data/codes.js';
import type { DocTypeName } from './data/doc-types.js';
import { docTypeByName, readBefore, typeNameEndingAt, type Before } from './doctype.js';
import { issueDateAfter, type IssueDate } from './dates.js';
import { numberStartBefore, parseSymbol, type ParsedSymbol } from './grammar.js';
import { HEADER_PREPARE, headerOfPrepared, locateHeaderNumber } from './header.js';
import { issuerAfter, issuerBefore, issuerClosingTitle, jointIssuerAfter, opensTitleAt, typeAndIssuerBefore, type IssuerMatch } from './issuer.js';
import { prepareText, type PreparedText } from './pipeline.js';
import type { OffsetMap } from '../text/offsets.js';
import { LineBounds } from './lines.js';
import { ListContext, boundaryAt, linesAreParagraphs, listItemLead, listItemLeadToken } from './lists.js';
import { readRelationBefore, relationAfter } from './relation.js';
import { nextAnchor } from './scan.js';
import { PUNCT, WORD, tokenBefore } from './tokens.js';

type IssuerVia = 'cua' | 'before' | 'run' | 'run-after' | 'list' | 'title';

interface Found {
  sym: ParsedSymbol;
  before: Before;
  start: number;
  end: number;
  date: IssueDate | null;
  issuer: IssuerMatch | null;
  issuerVia: IssuerVia | null;
  /** End of the reference with its date and issuer: where a list goes on. */
  tail: number;
  relation: Relation | null;
  docType: string | null;
  typeAgrees: boolean;
  header: boolean;
}

/** The canonical type name a symbol's code stands for, when the text names none. */
function typeFromCode(sym: ParsedSymbol): string | null {
  if (sym.family === 'court') {
    if (sym.typeCode === 'AL') return 'Án lệ';
    return sym.typeCode === 'QĐ' ? 'Quyết định' : 'Bản án';
  }
  if (sym.typeCode === null) return sym.family === 'state' ? 'Công văn' : null;
  const info = typeCodeInfo(sym.typeCode);
  if (!info) return null;
  return sym.family === 'party' && info.partyName ? info.partyName : info.name;
}

function agrees(entry: DocTypeName, sym: ParsedSymbol): boolean {
  if (entry.codes.length === 0 || sym.typeCode === null) return true;
  return entry.codes.includes(sym.typeCode);
}

/** A joint document (TTLT, NQLT, TTLB, or a normative symbol of several issuers without a type): its issuer lists bodies. */
function isJoint(sym: ParsedSymbol): boolean {
  if (sym.typeCode === 'TTLT' || sym.typeCode === 'NQLT' || sym.typeCode === 'TTLB') return true;
  return sym.typeCode === null && sym.family === 'normative' && sym.groups.length >= 2;
}

/**
 * A number glued to the letters before it is not a number, unless those
 * letters are "số" ("số78/2014/TT-BTC"), or end with it in a word PDF text
 * glued together ("Thông tưsố200/2014/TT-BTC").
 */
function gluedToWord(text: string, numStart: number): boolean {
  if (numStart === 0 || !isLetter(text.charCodeAt(numStart - 1))) return false;
  const t = tokenBefore(text, numStart);
  if (!t || t.kind !== WORD || t.end !== numStart) return true;
  if (t.key === 'so' || t.key === 's') return false;
  return !(t.key.endsWith('so') && text.charCodeAt(numStart - 1) === 0x1ed1 && text.charCodeAt(numStart - 2) === 0x73);
}

/** End of a bracketed unit code right after `pos` ("(C11)", "( X11-X14 )"), or -1. */
function unitInBrackets(text: string, pos: number): number {
  const m = /^[ \t\u00a0]*\([ \t\u00a0]*[A-ZĐ][A-ZĐ0-9]*(?:[ \t\u00a0]*[-,;][ \t\u00a0]*[A-ZĐ][A-ZĐ0-9]*){0,3}[ \t\u00a0]*\)/u.exec(text.slice(pos, pos + 40));
  return m ? pos + m[0].length : -1;
}

/** Only spaces, ",", ";", "và", "hoặc" between two references: they form a list (not across a paragraph). */
function joined(text: string, from: number, to: number, paragraphs: boolean): boolean {
  if (to < from) return false;
  let p = to;
  let words = 0;
  while (p > from) {
    const t = tokenBefore(text, p, from);
    if (!t) break;
    if (paragraphs && t.newlines > 0) return false;
    if (t.kind === PUNCT) {
      if (t.key !== ',' && t.key !== ';') return false;
    } else if (t.kind === WORD) {
      if ((t.key !== 'va' && t.key !== 'hoac') || ++words > 1) return false;
    } else return false;
    p = t.start;
  }
  return true;
}

/** No clause punctuation (";", ":", ". ") between two positions outside brackets, within 400 characters. */
function sameClause(text: string, from: number, to: number, paragraphs: boolean): boolean {
  if (to - from > 400) return false;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === 59 || c === 58 || (c === 46 && i + 1 < to && isSpace(text.charCodeAt(i + 1))))) return false;
    else if (paragraphs && (c === 10 || c === 13)) return false;
  }
  return true;
}

/** Whether a sentence ends between two positions (as lists.ts reads it: ". ", a bullet opening a line ...), or they are far apart. */
function sentenceEnds(text: string, from: number, to: number, paragraphs: boolean): boolean {
  if (to - from > 2500) return true;
  for (let i = from; i < to; i++) if (boundaryAt(text, i, paragraphs)) return true;
  return false;
}

/** Whether ";", ":", a bracket, ". " (or a paragraph's end) stands between two positions: a list item boundary. */
function itemBreak(text: string, from: number, to: number, paragraphs: boolean): boolean {
  if (to - from > 400) return true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 58 || c === 40 || c === 41) return true;
    if (c === 46 && i + 1 < to && isSpace(text.charCodeAt(i + 1))) return true;
    if (paragraphs && (c === 10 || c === 13)) return true;
  }
  return false;
}

function confidenceOf(f: Found): number {
  let c = 0.97;
  const s = f.sym;
  if (s.family === 'state' && s.groups.length === 1) c -= 0.1;
  if (s.unknownCodes > 0) c -= s.unknownCodes >= s.groups.length ? 0.25 : 0.05 * s.unknownCodes;
  if (!f.before.typeName && !f.before.hasSo) c -= 0.08;
  if (!f.typeAgrees) c -= 0.25;
  if (s.footnote) c -= 0.03;
  if (s.loose) c -= 0.03;
  if (s.pageBreak) c -= 0.1;
  if (f.date && !f.date.exact) c -= 0.05;
  return Math.max(0.05, Math.min(1, Math.round(c * 100) / 100));
}

/**
 * Finds the references in text that needs no preparation (clean Unicode, or
 * text the finder tolerates as it is: folded letters, dash variants, odd
 * spaces, ASCII codes). Spans index `text`. Sync and pure.
 */
export function findReferences(text: string, includeHeader = false): Reference[] {
  assertString(text, 'findReferences', 'text');
  const n = text.length;
  if (n === 0) return [];
  const header = locateHeaderNumber(text);
  // Line breaks end paragraphs (web text) or wrap lines inside sentences (PDF text): readers stop at the former.
  const paragraphs = linesAreParagraphs(text);
  const line = new LineBounds(text);
  const found: Found[] = [];
  let pos = 0;
  let lastEnd = 0;
  let lastFormEnd = -1;
  for (;;) {
    const a = nextAnchor(text, pos);
    if (a < 0) break;
    pos = a + 1;
    const numStart = numberStartBefore(text, a);
    if (numStart < 0 || numStart < lastEnd || gluedToWord(text, numStart)) continue;
    const lineStart = paragraphs ? line.startOf(numStart) : 0;
    const before = readBefore(text, numStart, Math.max(lastEnd, lineStart));
    const sym = parseSymbol(text, numStart, before.typeName !== null || before.hasSo);
    if (!sym) continue;
    // A form's number ("Mẫu số 05/DS-TNCN"), and the items listed after it ("mẫu số 01/TB-KTDL, 02/TB-KTDL").
    if (before.notDocument || (!before.typeName && lastFormEnd >= 0 && joined(text, lastFormEnd, before.spanStart, paragraphs))) {
      lastFormEnd = sym.end;
      pos = sym.pageBreak ? pos : Math.max(pos, sym.end);
      continue;
    }
    const isHeader = header !== null && numStart >= header.start && numStart < header.end;
    if (isHeader && !includeHeader) {
      pos = Math.max(pos, sym.end);
      lastEnd = sym.end;
      continue;
    }
    // "Kế hoạch thanh tra số 1505/KH-TTCP": a type name a word or two before "số" counts when the code agrees.
    // A law's title in lower case counts when the symbol is the legislature's ("…/QH13", "…/UBTVQH14", "…/PL-…").
    const legislative = sym.family === 'normative' && (/^(?:UB)?(?:TV)?QH\d*$/.test(sym.issuerCode ?? '') || sym.typeCode === 'PL');
    if (
      !before.typeName &&
      before.gapType &&
      (before.gapType.titled || before.gapType.entry.titled ? legislative : sym.typeCode !== null && before.gapType.entry.codes.includes(sym.typeCode))
    ) {
      before.typeName = before.gapType.entry;
      before.spanStart = before.gapType.start;
    }
    // "Nghị định của Chính phủ số 132/2008/NĐ-CP": the type before "của X", X the issuer.
    let issuerBetween: IssuerMatch | null = null;
    if (!before.typeName && before.hasSo) {
      const tb = typeAndIssuerBefore(text, before.spanStart, Math.max(lastEnd, lineStart));
      if (tb) {
        before.typeName = tb.entry;
        before.spanStart = tb.start;
        issuerBetween = tb.issuer;
      }
    }
    // "Thông báo kết luận số 123-TB/TW": in a compound type name the head noun comes first; when the
    // name right before the number disagrees with the code and the one before it agrees, the head is that one.
    if (before.typeName && !before.typeName.generic && !agrees(before.typeName, sym)) {
      const outer = typeNameEndingAt(text, before.spanStart, Math.max(lastEnd, lineStart));
      if (outer && !outer.abbr && !outer.entry.generic && agrees(outer.entry, sym)) {
        before.typeName = outer.entry;
        before.spanStart = outer.start;
      }
    }
    const entry = before.typeName;
    let docType: string | null = null;
    let typeAgrees = true;
    if (entry && !entry.generic) {
      docType = entry.name;
      typeAgrees = agrees(entry, sym);
    } else if (entry && entry.generic) {
      docType = typeFromCode(sym) ?? 'Công văn';
    }
    // Date and issuer after the symbol.
    let tail = sym.end + sym.footnote.length;
    let date = issueDateAfter(text, tail);
    if (!date) {
      // A unit code in brackets between symbol and date: "06/2009/TT-BCA (C11) ngày 11/3/2009".
      const after = unitInBrackets(text, tail);
      if (after > 0) date = issueDateAfter(text, after);
    }
    if (date) tail = date.end;
    const stop = paragraphs ? line.endOf(tail) : n;
    let issuer = issuerAfter(text, tail, stop);
    let issuerVia: IssuerVia | null = null;
    if (!issuer && issuerBetween) {
      issuer = issuerBetween;
      issuerVia = 'before';
    } else if (issuer) {
      issuerVia = 'cua';
      // A joint document's bodies: "của Viện kiểm sát nhân dân tối cao, Bộ Công an, Bộ Quốc phòng".
      if (isJoint(sym)) issuer = jointIssuerAfter(text, issuer, stop);
      tail = issuer.end;
      // "Nghị định số 44/2011/NĐ-CP của Chính phủ ngày 14 tháng 6 năm 2011": the date after the issuer.
      if (!date) {
        date = issueDateAfter(text, tail);
        if (date) tail = date.end;
      }
    } else {
      issuer = issuerBefore(text, before.spanStart, lineStart);
      if (issuer) issuerVia = 'before';
    }
    let relation: Relation | null = 'refers';
    if (!isHeader) {
      const reading = readRelationBefore(text, before.spanStart, lineStart);
      relation = reading.relation;
      if (reading.passive) {
        // "Căn cứ Luật ... số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15": part of the legal basis.
        const prev = found.length > 0 ? found[found.length - 1] : null;
        relation = prev && prev.relation === 'based-on' && sameClause(text, prev.end, before.spanStart, paragraphs) ? 'based-on' : 'refers';
      }
      // The amending instrument's formula after it: "Khoản 8 Điều 37 Nghị định số 77/2016/NĐ-CP được sửa đổi như sau".
      if (relation === null) relation = relationAfter(text, tail, stop);
    }
    found.push({
      sym,
      before,
      start: before.spanStart,
      end: sym.end,
      date,
      issuer,
      issuerVia,
      tail,
      relation,
      docType,
      typeAgrees,
      header: isHeader,
    });
    // A symbol broken by a page break spans the page's footnotes: keep scanning inside them.
    if (!sym.pageBreak) {
      pos = Math.max(pos, sym.end);
      lastEnd = sym.end;
    }
  }

  // Lists: a reference joined to the one before by ",", ";", "và" shares its list.
  const linked: boolean[] = found.map((f, i) => i > 0 && !found[i - 1].sym.pageBreak && joined(text, found[i - 1].tail, f.start, paragraphs));
  // "của X" closing a run applies back to the references of the run that have no issuer, as far as
  // they carry the same issuer code ("Luật ... số 31/2024/QH15, Nghị định số 151/2025/NĐ-CP ... của
  // Chính phủ": the Luật is not the Chính phủ's).
  for (let i = found.length - 1; i > 0; i--) {
    if (found[i].issuerVia !== 'cua' && found[i].issuerVia !== 'run') continue;
    const code = found[i].sym.issuerCode;
    for (let j = i; j > 0 && linked[j] && !found[j - 1].issuer && found[j - 1].sym.issuerCode === code; j--) {
      found[j - 1].issuer = found[i].issuer;
      found[j - 1].issuerVia = 'run';
    }
  }
  // "(đề nghị) của X tại A, B và C", "X ban hành A, B": X goes on to the run's references after A that have none
  // (same issuer code).
  for (let i = 1; i < found.length; i++) {
    const p = found[i - 1];
    if (found[i].issuer || !linked[i] || (p.issuerVia !== 'before' && p.issuerVia !== 'run-after') || p.sym.issuerCode !== found[i].sym.issuerCode) continue;
    found[i].issuer = p.issuer;
    found[i].issuerVia = 'run-after';
  }
  const lists = new ListContext(text, { starts: found.map((f) => f.start), ends: found.map((f) => f.end) }, paragraphs);
  /** The relation of the current list item's first reference, and the sentence it is in. */
  let itemRelation: Relation | null = null;
  /** Start of the current item's first reference (-1: none yet). */
  let itemStart = -1;
  /** End of the last reference not inside another's span, and the largest end so far. */
  let mainEnd = -1;
  let spansEnd = -1;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const prev = i > 0 && linked[i] ? found[i - 1] : null;
    // Type of a list item without its own: the list's, when the codes agree; else from the code.
    if (f.docType === null) {
      const prevEntry = prev?.docType ? docTypeByName(prev.docType) : undefined;
      if (prev && prevEntry && prev.sym.typeCode === f.sym.typeCode && agrees(prevEntry, f.sym)) f.docType = prev.docType;
      else f.docType = typeFromCode(f.sym);
    }
    const lead = f.header ? null : listItemLead(text, f.start);
    // "X ban hành A; B; C", "X ban hành các Nghị quyết ...; trong đó, A".
    if (!f.issuer && lead !== null) {
      const x = lists.listIssuer(f.start, f.docType);
      if (x) {
        f.issuer = x;
        f.issuerVia = 'list';
      }
    }
    // A title closed by "do X ban hành" ("Quyết định 2811/QĐ-UBND năm 2025 công bố ... do tỉnh Đồng Nai ban hành").
    if (!f.issuer && !f.header && opensTitleAt(text, f.start, paragraphs)) {
      const x = issuerClosingTitle(text, f.tail, paragraphs ? line.endOf(f.tail) : n);
      if (x) {
        f.issuer = x;
        f.issuerVia = 'title';
      }
    }
    // Relation: its own clause's, else its run's, else (coordinated by "và") the previous reference's
    // in the same clause ("Thực hiện A về ... (sau đây gọi tắt là ...) và B"), else the list head's.
    // A run joined by "," or "và" shares a relation; a ";" item takes its list's (below), not the previous item's
    // inner verb ("... B sửa đổi, bổ sung C; D" does not amend D).
    if (f.relation === null && lead !== ';') f.relation = prev?.relation ?? null;
    if (f.relation === null && lead === 'va' && i > 0 && sameClause(text, found[i - 1].end, f.start, paragraphs)) f.relation = found[i - 1].relation;
    // A new item of a ";" list: the relation of the previous item's first reference in the sentence ("thay thế
    // Thông tư số 36/2004/TT-BTC ...; Thông tư số 98/2011/TT-BTC ..."), else the list head's. References inside an
    // earlier one's span (the footnotes of a symbol broken by a page) are no items of the list.
    const inside = f.start < spansEnd;
    const newItem = !inside && (mainEnd < 0 || itemBreak(text, mainEnd, f.start, paragraphs));
    // "theo quy định tại các Quyết định: số 39/2021/QĐ-TTg, ...": a ":" list takes the relation read back from its colon.
    if (f.relation === null && lead === ':') {
      const colon = listItemLeadToken(text, f.start);
      if (colon) f.relation = readRelationBefore(text, colon.start, paragraphs ? line.startOf(colon.start) : 0).relation;
    }
    if (f.relation === null && (lead === ';' || lead === ':')) {
      f.relation = itemStart >= 0 && itemRelation !== null && !sentenceEnds(text, itemStart, f.start, paragraphs) ? itemRelation : lists.listRelation(f.start);
    }
    if (newItem) {
      itemRelation = f.relation;
      itemStart = f.header ? -1 : f.start;
    }
    if (!inside) mainEnd = f.end;
    spansEnd = Math.max(spansEnd, f.end);
  }

  const out: Reference[] = [];
  for (const f of found) {
    const s = f.sym;
    out.push({
      id: s.id,
      docType: f.docType,
      typeCode: s.typeCode,
      number: s.number,
      symbol: s.symbol,
      year: s.year,
      issuerCode: s.issuerCode,
      issuer: f.issuer ? f.issuer.name : null,
      date: f.date ? f.date.iso : null,
      family: s.family as Family,
      relation: f.relation ?? 'refers',
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      confidence: confidenceOf(f),
    });
  }
  return out;
}

/**
 * Extracts the documents cited in `text`: every mention by number and
 * symbol, with its type, issuer, date and relation, spans into `text`.
 * Synchronous and pure; `[]` for empty text; throws a TypeError naming the
 * argument for a non-string; never throws on a string. Stripped and OCR'd
 * text is restored only around the places where a reference may start.
 */
export function extractReferences(text: string, options?: ExtractOptions): Reference[] {
  return extract('extractReferences', text, options, 'windows').references;
}

/**
 * {@link extractReferences}, and the text the references were read from:
 * normalized, and restored as a whole (tones, OCR letters) when it is
 * stripped or OCR'd, for a caller that wants that text too (one restoration
 * of the whole text instead of the windows and then the whole). The spans
 * still index the input.
 */
export function extractReferencesAndText(text: string, options?: ExtractOptions): { references: Reference[]; text: string } {
  return extract('extractReferencesAndText', text, options, 'full');
}

/**
 * {@link extractReferences} and `extractDocumentHeader(text, { input, model })`
 * at once, with the same results, for the bulk path: the first scan of the
 * text serves the header's head too, and a text no longer than the head is
 * prepared once for both.
 */
export function extractReferencesAndHeader(text: string, options?: ExtractOptions): { references: Reference[]; header: DocumentHeader | null } {
  const opts = checkOptions('extractReferencesAndHeader', text, options);
  if (text.length === 0) return { references: [], header: null };
  const prepared = prepareText(text, opts.input, { model: opts.model });
  const head =
    text.length <= HEADER_PREPARE
      ? prepared
      : // the head of a text found clean is clean (detection on the head alone would cost as much again:
        // a header block of capitals and codes seldom passes the cheap clean check)
        prepareText(text.slice(0, HEADER_PREPARE), prepared.kind === 'clean' ? 'clean' : opts.input, { model: opts.model, assumeNormalized: !prepared.normalized });
  return { references: referencesOf(prepared, text, opts), header: headerOfPrepared(head) };
}

type ParsedOptions = typeof DEFAULTS;

function checkOptions(name: string, text: string, options: ExtractOptions | undefined): ParsedOptions {
  assertString(text, name, 'text');
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`${name}: argument "options" must be an object, got ${describeValue(options)}`);
  }
  return options === undefined ? DEFAULTS : parseOptions(name, options);
}

function referencesOf(prepared: PreparedText, input: string, opts: ParsedOptions): Reference[] {
  const refs = findReferences(prepared.text, opts.includeHeader).filter((r) => r.confidence >= opts.minConfidence);
  return mapReferences(refs, input, prepared.map);
}

function extract(name: string, text: string, options: ExtractOptions | undefined, restore: 'windows' | 'full'): { references: Reference[]; text: string } {
  const opts = checkOptions(name, text, options);
  if (text.length === 0) return { references: [], text };
  const prepared = prepareText(text, opts.input, { model: opts.model, restore });
  return { references: referencesOf(prepared, text, opts), text: prepared.text };
}

/**
 * Carries references found on a prepared text back to the caller's input:
 * spans through the composed OffsetMap (a start maps to the start of what it
 * came from, an end to the end), `text` re-sliced from the input.
 */
export function mapReferences(refs: Reference[], input: string, map: OffsetMap): Reference[] {
  for (const r of refs) {
    // Restoration keeps lengths (an identity map) but not letters: the text is always re-sliced from the input.
    if (!map.isIdentity) {
      const span = map.spanToOriginal(r.start, r.end);
      r.start = span.start;
      r.end = span.end;
    }
    r.text = input.slice(r.start, r.end);
  }
  return refs;
}

const DEFAULTS = ExtractOptionsSchema.parse({});

function parseOptions(name: string, options: ExtractOptions) {
  const r = ExtractOptionsSchema.safeParse(options);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.length ? `options.${issue.path.join('.')}` : 'options';
    throw new TypeError(`${name}: argument "${path}": ${issue.message}`);
  }
  return r.data;
}
