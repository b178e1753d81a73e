/**
 * The OffsetMap of a text rewritten piece by piece: some stretches of the
 * input (windows) replaced by their rewritten text, each with its own map,
 * the rest copied. Windowed restoration (pipeline.ts) builds one: OCR
 * correction changes lengths inside a window ("ciia" → "của", merged words),
 * so the pieces shift everything after them, and positions inside a window
 * go through the window's own map.
 */
import { BaseMap, identityMap, type Bias, type OffsetMap } from '../text/offsets.js';

/** A window of the input and what it became. */
export interface RewrittenPiece {
  /** The window in the input. */
  start: number;
  end: number;
  /** Its new text, and the map from that text back to the window's text. */
  text: string;
  map: OffsetMap;
}

function clampInt(i: number, max: number): number {
  if (!(i > 0)) return 0; // also catches NaN
  if (i >= max) return max;
  return Math.floor(i);
}

/** Index of the last element <= x, or < x when `strict` (-1 when none). */
function lastBefore(a: Int32Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x || (!strict && a[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

class SplicedMap extends BaseMap {
  readonly isIdentity = false;
  /** Each piece's span in the input (o) and in the output (n). */
  private readonly oStart: Int32Array;
  private readonly oEnd: Int32Array;
  private readonly nStart: Int32Array;
  private readonly nEnd: Int32Array;

  constructor(
    readonly originalLength: number,
    readonly normalizedLength: number,
    pieces: readonly RewrittenPiece[],
  ) {
    super();
    const k = pieces.length;
    this.oStart = new Int32Array(k);
    this.oEnd = new Int32Array(k);
    this.nStart = new Int32Array(k);
    this.nEnd = new Int32Array(k);
    this.maps = pieces.map((p) => p.map);
    let shift = 0;
    pieces.forEach((p, i) => {
      this.oStart[i] = p.start;
      this.oEnd[i] = p.end;
      this.nStart[i] = p.start + shift;
      shift += p.text.length - (p.end - p.start);
      this.nEnd[i] = p.end + shift;
    });
  }

  private readonly maps: OffsetMap[];

  toOriginal(pos: number, bias: Bias = 'start'): number {
    return this.lookup(clampInt(pos, this.normalizedLength), bias, this.nStart, this.nEnd, this.oStart, this.oEnd, false);
  }

  toNormalized(pos: number, bias: Bias = 'start'): number {
    return this.lookup(clampInt(pos, this.originalLength), bias, this.oStart, this.oEnd, this.nStart, this.nEnd, true);
  }

  private lookup(i: number, bias: Bias, fromStart: Int32Array, fromEnd: Int32Array, toStart: Int32Array, toEnd: Int32Array, forward: boolean): number {
    // As one map of segments would: a position where pieces meet (or a piece inserts text) belongs, for a
    // span's start, to what starts there, and for a span's end, to what ends there.
    const k = lastBefore(fromStart, i, bias === 'end');
    if (k < 0) return i; // before the first piece: copied
    if (i > fromEnd[k]) return toEnd[k] + (i - fromEnd[k]); // after piece k, before the next: copied
    const local = i - fromStart[k];
    const m = this.maps[k];
    return toStart[k] + (forward ? m.toNormalized(local, bias) : m.toOriginal(local, bias));
  }
}

/**
 * The input with each piece's window replaced by its text, and the map from
 * that text back to the input. Pieces must be in order and disjoint. When no
 * piece changed its length or letters' positions (tone restoration), the map
 * is the identity.
 */
export function splicePieces(input: string, pieces: readonly RewrittenPiece[]): { text: string; map: OffsetMap } {
  if (pieces.length === 0) return { text: input, map: identityMap(input.length) };
  const parts: string[] = [];
  let at = 0;
  let identity = true;
  for (const p of pieces) {
    if (p.start < at || p.end < p.start || p.end > input.length) throw new RangeError('splicePieces: pieces must be in order, disjoint and inside the input');
    parts.push(input.slice(at, p.start), p.text);
    at = p.end;
    if (!p.map.isIdentity || p.text.length !== p.end - p.start) identity = false;
  }
  parts.push(input.slice(at));
  const text = parts.join('');
  return { text, map: identity ? identityMap(input.length) : new SplicedMap(input.length, text.length, pieces) };
}
