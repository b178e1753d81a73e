/**
 * What a document is about, read from the text around its mention: the "về
 * ..." phrase after a reference ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của
 * Bộ Chính trị về đột phá phát triển khoa học, công nghệ ..."), and an input
 * document's own type and title ("BÁO CÁO\nTình hình thực hiện ...").
 */
import { foldDiacritics } from '../text/fold.js';
import { SHORT_FORM_TYPES } from '../refs/aliases-data.js';
import { itemBreakAt, sentenceBreakAt } from '../refs/aliases-clauses.js';

const MAX_TOPIC = 300;

/**
 * After a reference: its date, "của <issuer>" (up to 14 words), an optional
 * opening quote, then "về", "về việc" or "V/v". Run on the folded text.
 */
const TOPIC_LEAD =
  /^[\s,]*(?:\(?\s*(?:ngay|nay)?\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+thang\s+\d{1,2}\s+nam\s+\d{4})\s*\)?)?[\s,]*(?:(?:cua|do)\s+(?:(?!ve\s|v\/v)[^\s;:.()"“”]+\s+){0,14}?)?\s*(["“]?)\s*(?:ve\s+viec|ve|v\/v)\s+/iu;

/** Cheap test before TOPIC_LEAD: the segment must hold "về" or "V/v". */
const TOPIC_HINT = /(?:^|[^A-Za-z])(?:ve|v\/v)(?![A-Za-z])/i;

const TRAILING = /[\s,;:.(\-–—"“”']+$/u;
const TRAILING_WORDS = /(?:\s+(?:va|cua|tai|theo|ve|voi|cho|de|nham))+$/iu;

/**
 * The "về ..." topic after a mention ending at `end`, read up to `limit` (the
 * next mention that is not part of it), the end of its sentence or list item,
 * a paragraph break (`paragraph`, see paragraphBreakPattern) or 300
 * characters. Whitespace collapsed; null when there is none.
 */
export function topicAfter(text: string, folded: string, end: number, limit: number, paragraph: RegExp): string | null {
  const max = Math.min(limit, text.length, end + 160 + MAX_TOPIC);
  if (max - end < 4) return null;
  const seg = folded.slice(end, Math.min(max, end + 260));
  if (!TOPIC_HINT.test(seg)) return null;
  const m = TOPIC_LEAD.exec(seg);
  if (!m) return null;
  const quoted = m[1] !== '';
  const start = end + m[0].length;
  let stop = Math.min(max, start + MAX_TOPIC);
  const s = sentenceBreakAt(text, start, stop);
  if (s >= 0) stop = s;
  const i = itemBreakAt(text, start, stop);
  if (i >= 0) stop = i;
  paragraph.lastIndex = start;
  const p = paragraph.exec(text);
  if (p && p.index < stop) stop = p.index;
  if (quoted) {
    const q = text.slice(start, stop).search(/["”]/u);
    if (q >= 0) stop = start + q;
  }
  // An unbalanced ")" closes the parenthesis the mention stood in.
  let depth = 0;
  for (let k = start; k < stop; k++) {
    const c = text[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) {
      stop = k;
      break;
    }
  }
  let topic = text
    .slice(start, stop)
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:V\/v|về việc|việc)\s+/iu, '');
  if (stop === start + MAX_TOPIC) topic = topic.replace(/\s+\S*$/u, ''); // cut at a word
  for (let prev = ''; prev !== topic; ) {
    prev = topic;
    topic = topic.replace(TRAILING, '');
    const f = foldDiacritics(topic);
    const t = TRAILING_WORDS.exec(f);
    if (t) topic = topic.slice(0, t.index);
  }
  return topic.length >= 3 ? topic : null;
}

const TITLE_TYPES = [...SHORT_FORM_TYPES]
  .map((t) => ({ name: t.name, upper: foldDiacritics(t.name).toUpperCase() }))
  .sort((a, b) => b.upper.length - a.upper.length);
const TITLE_RE = new RegExp(
  `^[ \\t\\u00a0*]*(${TITLE_TYPES.map((t) => t.upper.replace(/ /g, '[ \\t]+')).join('|')})[ \\t\\u00a0]*(?:\\r?\\n|$)`,
  'mu',
);

/**
 * The document's own type and title from its heading: a line holding only
 * the type name in capitals ("BÁO CÁO"), followed by the title up to the
 * first paragraph break, rule ("-----") or sentence end. Looks at the first
 * 3000 characters.
 */
export function documentTitle(text: string, folded: string, paragraph: RegExp): { docType: string | null; title: string | null } {
  const head = folded.slice(0, 3000);
  const m = TITLE_RE.exec(head);
  if (!m) return { docType: null, title: null };
  // Capitals in the original too (a sentence starting "Báo cáo" is not a heading).
  const orig = text.slice(m.index, m.index + m[0].length);
  if (orig !== orig.toUpperCase()) return { docType: null, title: null };
  const upper = m[1].replace(/\s+/g, ' ');
  const docType = TITLE_TYPES.find((t) => t.upper === upper)?.name ?? null;
  const start = m.index + m[0].length;
  let stop = Math.min(text.length, start + MAX_TOPIC);
  paragraph.lastIndex = start;
  const p = paragraph.exec(text);
  if (p && p.index < stop) stop = Math.max(start, p.index);
  const rule = /\n[ \t]*[-_=*]{3,}/u.exec(text.slice(start, stop));
  if (rule) stop = start + rule.index;
  const s = sentenceBreakAt(text, start, stop);
  if (s >= 0) stop = s;
  const title = text.slice(start, stop).replace(/\s+/gu, ' ').trim().replace(TRAILING, '');
  return { docType, title: title.length >= 3 ? title : null };
}

/** The type name of a type code (`BC` → "Báo cáo"), for the header of an input document. */
export function typeNameOfCode(code: string | null): string | null {
  if (!code) return null;
  const c = foldDiacritics(code).toUpperCase();
  for (const t of SHORT_FORM_TYPES) if (t.codes.some((k) => foldDiacritics(k).toUpperCase() === c)) return t.name;
  return null;
}
