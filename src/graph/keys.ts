/**
 * Node keys. A node is one document; its key must be the same whichever
 * input, shard or citation form names it, and must keep apart documents that
 * share a number.
 *
 * - Party ids (`57-NQ/TW`) are numbered through a committee's term, and
 *   normative and court ids carry their year (`65/2023/NĐ-CP`): the id is the
 *   key. Two dates for one such id are a conflict on one node (the seeds cite
 *   57-NQ/TW once with 2025 instead of 2024).
 * - State administrative ids without a year (`327/QĐ-UBND`, `4119/STC-QLN`)
 *   restart every year (Nghị định 30/2020 Điều 15): a dated mention is keyed
 *   `id@YYYY-MM-DD` while reading, and the final graph clusters those keys
 *   (see finalize.ts): dates in the same year, or with the same day and month
 *   (a typo in the year), are one document. An undated mention attaches to a
 *   dated mention of the same id in the same input; with none there it is
 *   keyed by the bare id and joins the only dated document of that id in the
 *   archive, or stays apart, flagged ambiguous, when there are several.
 */

/** Does this id need its date to name one document (a state id without a year)? */
export function isYearless(id: string): boolean {
  const slash = id.indexOf('/');
  if (slash < 0) return false;
  const dash = id.indexOf('-');
  if (dash >= 0 && dash < slash) return false; // Party: N-TYPE/ISSUER
  return !/\/(?:19|20)\d\d\//.test(id); // normative and court ids carry /YYYY/
}

/** The key a mention reads as: the id, or `id@date` for a dated yearless id. */
export function mentionKey(id: string, date: string | null): string {
  return date !== null && isYearless(id) ? `${id}@${date}` : id;
}

/** Splits an internal key into id and date qualifier. */
export function splitKey(key: string): { id: string; date: string | null } {
  const at = key.lastIndexOf('@');
  if (at < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(key.slice(at + 1))) return { id: key, date: null };
  return { id: key.slice(0, at), date: key.slice(at + 1) };
}

/** Family from the shape of an id (for a header id, which the extractor gives without one). */
export function familyOfId(id: string): 'party' | 'state' | 'normative' | 'court' {
  const slash = id.indexOf('/');
  const dash = id.indexOf('-');
  if (dash >= 0 && (slash < 0 || dash < slash)) return 'party';
  if (/\/(?:19|20)\d\d\/(?:HS|DS|HNGĐ|KDTM|LĐ|HC|AL|QĐ(?:ST|PT)?)\b/u.test(id)) return 'court';
  if (/\/(?:19|20)\d\d\//.test(id)) return 'normative';
  return 'state';
}

/** The key of an input document that has neither header id nor caller id. */
export function contentKey(hash: string): string {
  return `doc-${hash}`;
}
