/**
 * One input document read for the graph: its own header, the references it
 * makes (full and short forms), the relation it bears to each, and the
 * relations it states between cited documents. The result (a digest) is what
 * the graph state aggregates; it holds no text beyond short attribute values.
 */
import type { DocumentHeader, Reference, Relation, ShortForm, ShortFormKind } from '../schema.js';
import { RelationSchema } from '../schema.js';
import { foldDiacritics } from '../text/fold.js';
import type { OffsetMap } from '../text/offsets.js';
import { resolveInFolded } from '../refs/resolve.js';
import { paragraphBreakPattern } from '../refs/aliases-clauses.js';
import { contentHash } from './hash.js';
import { contentKey, familyOfId, isYearless, mentionKey } from './keys.js';
import { analyzeRelations, type Span } from './relations.js';
import { documentTitle, topicAfter, typeNameOfCode } from './topics.js';

export interface Extractor {
  references(text: string): Reference[];
  header(text: string): DocumentHeader | null;
  /**
   * Optional: the text the phrase analysis (short forms, relation phrases,
   * titles, topics) should read instead of the input (OCR corrected, legacy
   * encoding decoded), with the map from the input to it; null to read the
   * input as it is. References and header still come from the input.
   */
  prepare?(text: string): { text: string; map: OffsetMap } | null;
}

export type MentionForm = 'full' | ShortFormKind;

export interface DigestMention {
  key: string;
  id: string;
  family: Reference['family'] | null;
  docType: string | null;
  typeCode: string | null;
  issuerCode: string | null;
  /** Stated at this mention (null for short forms, which state nothing). */
  issuer: string | null;
  date: string | null;
  topic: string | null;
  form: MentionForm;
  start: number;
  end: number;
  /** The citing document's relation to it. */
  relation: Relation;
}

export interface DigestStatement {
  from: string;
  to: string;
  relation: Relation;
  start: number;
  end: number;
}

export interface HeaderFacts {
  id: string | null;
  number: string | null;
  symbol: string | null;
  typeCode: string | null;
  issuerCode: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  start: number | null;
  end: number | null;
}

export interface DocDigest {
  hash: string;
  callerId: string | null;
  header: HeaderFacts | null;
  /** The key this document claims (before collisions are settled) and where it comes from. */
  key: string;
  keySource: 'header' | 'caller' | 'content';
  docType: string | null;
  title: string | null;
  length: number;
  mentions: DigestMention[];
  /** Short forms naming the document itself ("Báo cáo này"). */
  selfMentions: number;
  /** The short forms as resolved (spans into the text; not kept in the graph state). */
  shortForms: ShortForm[];
  statements: DigestStatement[];
}

export interface DigestOptions {
  shortForms: boolean;
  statedRelations: boolean;
}

interface Slot extends Span {
  form: MentionForm;
  /** Reference indices (sorted order) this slot names; -1 for the document itself. */
  targets: number[];
}

const RELATIONS = new Set<string>(RelationSchema.options);

function validReference(r: unknown, length: number): r is Reference {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Partial<Reference>;
  return (
    typeof x.id === 'string' &&
    x.id.length > 0 &&
    Number.isInteger(x.start) &&
    Number.isInteger(x.end) &&
    (x.start as number) >= 0 &&
    (x.end as number) <= length &&
    (x.start as number) < (x.end as number)
  );
}

function headerFacts(h: DocumentHeader | null | undefined): HeaderFacts | null {
  if (!h || typeof h !== 'object') return null;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  const facts: HeaderFacts = {
    id: str(h.id),
    number: str(h.number),
    symbol: str(h.symbol),
    typeCode: str(h.typeCode),
    issuerCode: str(h.issuerCode),
    issuer: str(h.issuer),
    place: str(h.place),
    date: typeof h.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(h.date) ? h.date : null,
    start: int(h.start),
    end: int(h.end),
  };
  return Object.values(facts).some((v) => v !== null) ? facts : null;
}

/** Reads one input document into a digest. */
export function digestDocument(
  input: { id?: string | null; text: string },
  extractor: Extractor,
  options: DigestOptions,
): DocDigest {
  const original = input.text;
  const hash = contentHash(original);
  const callerId = typeof input.id === 'string' && input.id.length > 0 ? input.id : null;
  const header = headerFacts(extractor.header(original));
  const raw = extractor.references(original);
  const refs = (Array.isArray(raw) ? raw : []).filter((r) => validReference(r, original.length));
  refs.sort((a, b) => a.start - b.start || a.end - b.end);
  // Drop references overlapping an earlier one (an extractor should not return them).
  let sorted: Reference[] = [];
  for (const r of refs) if (sorted.length === 0 || r.start >= sorted[sorted.length - 1].end) sorted.push(r);

  // The analysis reads the prepared text when there is one; every span is mapped back at the end.
  const prepared = typeof extractor.prepare === 'function' ? extractor.prepare(original) : null;
  const text = prepared ? prepared.text : original;
  if (prepared) {
    const m = prepared.map;
    sorted = sorted.map((r) => ({ ...r, start: m.toNormalized(r.start, 'start'), end: m.toNormalized(r.end, 'end') }));
  }

  const folded = foldDiacritics(text);
  const paragraph = paragraphBreakPattern(text);
  const heading = documentTitle(text, folded, paragraph);
  const docType = typeNameOfCode(header?.typeCode ?? null) ?? heading.docType;

  const claim = header?.id
    ? { key: mentionKey(header.id, header.date), keySource: 'header' as const }
    : callerId
      ? { key: callerId, keySource: 'caller' as const }
      : { key: contentKey(hash), keySource: 'content' as const };

  // Short forms; "<Type> này / nêu trên" asks which full references another one governs ("A sửa đổi B": B).
  const shortForms = options.shortForms
    ? resolveInFolded(text, folded, sorted, { self: { docType, id: header?.id ?? callerId } }, () =>
        [...analyzeRelations(text, folded, sorted).governor].flatMap((g, i) => (g >= 0 ? [i] : [])),
      )
    : [];

  const slots: Slot[] = sorted.map((r, i) => ({ start: r.start, end: r.end, form: 'full', targets: [i] }));
  for (const s of shortForms) {
    const last = slots.length > 0 ? slots[slots.length - 1] : null;
    if (last && last.form !== 'full' && last.start === s.start && last.end === s.end) {
      last.targets.push(s.self ? -1 : (s.target as number));
      continue;
    }
    slots.push({ start: s.start, end: s.end, form: s.kind, targets: [s.self ? -1 : (s.target as number)] });
  }
  slots.sort((a, b) => a.start - b.start || a.end - b.end);
  // Short forms never overlap full references; guard anyway.
  const clean: Slot[] = [];
  for (const s of slots) if (clean.length === 0 || s.start >= clean[clean.length - 1].end) clean.push(s);

  const analysis = analyzeRelations(
    text,
    folded,
    clean,
    clean.map((slot) => {
      const t = slot.targets.find((x) => x >= 0);
      return t === undefined ? null : strOrNull(sorted[t].docType);
    }),
  );

  // Keys: a yearless state id takes its date; undated, the date of the same id elsewhere in this text.
  const keyOf = refKeys(sorted);

  const mentions: DigestMention[] = [];
  let selfMentions = 0;
  for (let k = 0; k < clean.length; k++) {
    const slot = clean[k];
    const g = analysis.governor[k];
    const governedBySelf = g >= 0 && clean[g].targets.includes(-1);
    for (const t of slot.targets) {
      if (t < 0) {
        selfMentions++;
        continue;
      }
      const r = sorted[t];
      const full = slot.form === 'full';
      let relation: Relation;
      if (governedBySelf) relation = analysis.governRelation[k];
      else if (g >= 0) relation = 'refers';
      else if (full && typeof r.relation === 'string' && RELATIONS.has(r.relation)) relation = r.relation;
      else relation = analysis.leadRelation[k];
      mentions.push({
        key: keyOf[t],
        id: r.id,
        family: r.family ?? familyOfId(r.id),
        docType: strOrNull(r.docType),
        typeCode: strOrNull(r.typeCode),
        issuerCode: strOrNull(r.issuerCode),
        issuer: full ? strOrNull(r.issuer) : null,
        date: full && typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
        topic: full ? topicAfter(text, folded, r.end, topicLimit(clean, analysis.governor, k, text.length), paragraph) : null,
        form: slot.form,
        start: slot.start,
        end: slot.end,
        relation,
      });
    }
  }

  const statements: DigestStatement[] = [];
  if (options.statedRelations) {
    for (const st of analysis.statements) {
      for (const a of clean[st.from].targets) {
        if (a < 0) continue; // the document itself: its own relation, recorded on its mention above
        for (const b of clean[st.to].targets) {
          if (b < 0) continue;
          const from = keyOf[a];
          const to = keyOf[b];
          if (from === to) continue;
          statements.push({ from, to, relation: st.relation, start: st.start, end: st.end });
        }
      }
    }
  }

  const digest: DocDigest = {
    hash,
    callerId,
    header,
    key: claim.key,
    keySource: claim.keySource,
    docType,
    title: heading.title,
    length: original.length,
    mentions,
    selfMentions,
    shortForms,
    statements,
  };
  if (!prepared) return digest;
  // Spans found in the prepared text, back into the input.
  const m = prepared.map;
  const back = <T extends { start: number; end: number }>(x: T): T => ({ ...x, ...m.spanToOriginal(x.start, x.end) });
  digest.mentions = mentions.map(back);
  digest.statements = statements.map(back);
  digest.shortForms = shortForms.map((f) => {
    const s = back(f);
    return { ...s, text: original.slice(s.start, s.end) };
  });
  return digest;
}

function strOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** Keys of the sorted references; undated yearless ids borrow the nearest dated mention of the same id. */
function refKeys(refs: readonly Reference[]): string[] {
  const dated = new Map<string, Array<{ pos: number; date: string }>>();
  const dateOf = (r: Reference) => (typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null);
  for (const r of refs) {
    const d = dateOf(r);
    if (d !== null && isYearless(r.id)) {
      let list = dated.get(r.id);
      if (!list) dated.set(r.id, (list = []));
      list.push({ pos: r.start, date: d });
    }
  }
  return refs.map((r) => {
    const d = dateOf(r);
    if (d !== null || !isYearless(r.id)) return mentionKey(r.id, d);
    const list = dated.get(r.id);
    if (!list) return r.id;
    let before: string | null = null;
    let after: string | null = null;
    for (const x of list) {
      if (x.pos < r.start) before = x.date;
      else if (after === null) after = x.date;
    }
    return mentionKey(r.id, before ?? after);
  });
}

/** Where the topic of mention k may run to: the next mention it does not govern (directly or through others). */
function topicLimit(slots: readonly Span[], governor: Int32Array, k: number, textEnd: number): number {
  for (let j = k + 1; j < slots.length; j++) {
    let g = governor[j];
    let hops = 0;
    while (g >= 0 && g !== k && g > k && hops++ < 32) g = governor[g];
    if (g !== k) return slots[j].start;
  }
  return textEnd;
}
