/**
 * Offset maps: every stage that rewrites text (normalization, tone restoration,
 * OCR correction) returns one, so positions found in its output can be carried
 * back to the caller's original string.
 *
 * A map is a list of aligned segments. A segment either copies `len` code units
 * unchanged (or replaced one for one: the alignment is the same) or replaces
 * `origLen` original code units by `normLen` output code units (an insertion
 * when `origLen` is 0, a deletion when `normLen` is 0).
 *
 * Positions inside a replaced segment have no exact image: `bias: 'start'`
 * (the default, right for span starts) maps them to the segment's start,
 * `bias: 'end'` (right for span ends) to its end.
 */

export type Bias = 'start' | 'end';

export interface OffsetMap {
  /** Length of the text the map starts from (the original). */
  readonly originalLength: number;
  /** Length of the text the map leads to (the normalized output). */
  readonly normalizedLength: number;
  /** True when every position maps to itself. */
  readonly isIdentity: boolean;
  /** Position in the original for a position in the output. */
  toOriginal(i: number, bias?: Bias): number;
  /** Position in the output for a position in the original. */
  toNormalized(i: number, bias?: Bias): number;
  /** A span in the output mapped to the original (start with 'start' bias, end with 'end' bias). */
  spanToOriginal(start: number, end: number): { start: number; end: number };
  /** A span in the original mapped to the output. */
  spanToNormalized(start: number, end: number): { start: number; end: number };
  /**
   * Chains this map (A → B) with the map of a later stage (B → C) into one map A → C.
   */
  compose(next: OffsetMap): OffsetMap;
}

function clampInt(i: number, max: number): number {
  if (!(i > 0)) return 0; // also catches NaN
  if (i >= max) return max;
  return Math.floor(i);
}

/** The span lookups and composition every map shares; a map defines its lengths and the two position lookups. */
export abstract class BaseMap implements OffsetMap {
  abstract readonly originalLength: number;
  abstract readonly normalizedLength: number;
  abstract readonly isIdentity: boolean;
  abstract toOriginal(i: number, bias?: Bias): number;
  abstract toNormalized(i: number, bias?: Bias): number;

  spanToOriginal(start: number, end: number): { start: number; end: number } {
    const s = this.toOriginal(start, 'start');
    const e = end <= start ? s : Math.max(s, this.toOriginal(end, 'end'));
    return { start: s, end: e };
  }

  spanToNormalized(start: number, end: number): { start: number; end: number } {
    const s = this.toNormalized(start, 'start');
    const e = end <= start ? s : Math.max(s, this.toNormalized(end, 'end'));
    return { start: s, end: e };
  }

  compose(next: OffsetMap): OffsetMap {
    if (next.isIdentity && next.originalLength === this.normalizedLength) return this;
    if (this.isIdentity && this.normalizedLength === next.originalLength) return next;
    return new ComposedMap(this, next);
  }
}

/** The map of a stage that changed nothing. */
export class IdentityMap extends BaseMap {
  readonly isIdentity = true;
  constructor(readonly originalLength: number) {
    super();
  }
  get normalizedLength(): number {
    return this.originalLength;
  }
  toOriginal(i: number): number {
    return clampInt(i, this.originalLength);
  }
  toNormalized(i: number): number {
    return clampInt(i, this.originalLength);
  }
}

class ComposedMap extends BaseMap {
  readonly isIdentity = false;
  constructor(
    private readonly first: OffsetMap,
    private readonly second: OffsetMap,
  ) {
    super();
  }
  get originalLength(): number {
    return this.first.originalLength;
  }
  get normalizedLength(): number {
    return this.second.normalizedLength;
  }
  toOriginal(i: number, bias: Bias = 'start'): number {
    return this.first.toOriginal(this.second.toOriginal(i, bias), bias);
  }
  toNormalized(i: number, bias: Bias = 'start'): number {
    return this.second.toNormalized(this.first.toNormalized(i, bias), bias);
  }
}

/**
 * A map made of segments. Built with {@link OffsetMapBuilder}; lookups are a
 * binary search over the segment starts.
 */
export class SegmentMap extends BaseMap {
  readonly isIdentity = false;
  /** Segment starts in the original and in the output, and their lengths. */
  private readonly oStart: Int32Array;
  private readonly nStart: Int32Array;
  private readonly oLen: Int32Array;
  private readonly nLen: Int32Array;
  /** 1 for a copy segment (positions map one for one), 0 for a replacement. */
  private readonly copy: Uint8Array;

  constructor(
    readonly originalLength: number,
    readonly normalizedLength: number,
    oStart: Int32Array,
    nStart: Int32Array,
    oLen: Int32Array,
    nLen: Int32Array,
    copy: Uint8Array,
  ) {
    super();
    this.oStart = oStart;
    this.nStart = nStart;
    this.oLen = oLen;
    this.nLen = nLen;
    this.copy = copy;
  }

  /** Number of segments (copies and replacements). */
  get segmentCount(): number {
    return this.copy.length;
  }

  toOriginal(i: number, bias: Bias = 'start'): number {
    return this.lookup(i, bias, this.nStart, this.oStart, this.oLen, this.normalizedLength, this.originalLength);
  }

  toNormalized(i: number, bias: Bias = 'start'): number {
    return this.lookup(i, bias, this.oStart, this.nStart, this.nLen, this.originalLength, this.normalizedLength);
  }

  private lookup(
    pos: number,
    bias: Bias,
    fromStart: Int32Array,
    toStart: Int32Array,
    toLen: Int32Array,
    fromTotal: number,
    toTotal: number,
  ): number {
    const i = clampInt(pos, fromTotal);
    if (fromStart.length === 0) return i === 0 ? 0 : toTotal;
    // Non-empty segments tile [0, total) on each side, so the last segment
    // starting at or before i (start bias), or before i (end bias), is the
    // non-empty one that holds the unit at i (or ends at i).
    if (bias === 'start') {
      if (i >= fromTotal) return toTotal;
      const k = upperBound(fromStart, i) - 1;
      return this.copy[k] ? toStart[k] + (i - fromStart[k]) : toStart[k];
    }
    if (i <= 0) return 0;
    const k = lowerBound(fromStart, i) - 1;
    return this.copy[k] ? toStart[k] + (i - fromStart[k]) : toStart[k] + toLen[k];
  }
}

/** Index of the first element > x. */
function upperBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= x. */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Records, left to right, how a stage turned its input into its output, then
 * builds the {@link OffsetMap}. Adjacent copies merge; a map with no
 * replacement builds to an {@link IdentityMap}. The records live in growing
 * typed arrays, so a million replacements (VNI letters, mojibake sequences,
 * NFC clusters) cost a few megabytes and no per-segment objects.
 */
export class OffsetMapBuilder {
  private oStart = new Int32Array(64);
  private nStart = new Int32Array(64);
  private oLen = new Int32Array(64);
  private nLen = new Int32Array(64);
  private copy = new Uint8Array(64);
  private count = 0;
  private o = 0;
  private n = 0;
  private changed = false;

  /** Position reached in the original so far. */
  get originalPosition(): number {
    return this.o;
  }
  /** Position reached in the output so far. */
  get normalizedPosition(): number {
    return this.n;
  }

  /** `len` units copied (or replaced one for one). */
  keep(len: number): this {
    if (len <= 0) return this;
    const last = this.count - 1;
    if (last >= 0 && this.copy[last] === 1) {
      this.oLen[last] += len;
      this.nLen[last] += len;
    } else this.push(len, len, 1);
    this.o += len;
    this.n += len;
    return this;
  }

  /** `origLen` original units became `normLen` output units. */
  replace(origLen: number, normLen: number): this {
    if (origLen === normLen) return this.keep(origLen);
    if (origLen < 0 || normLen < 0) throw new RangeError('replace: negative length');
    this.changed = true;
    this.push(origLen, normLen, 0);
    this.o += origLen;
    this.n += normLen;
    return this;
  }

  build(): OffsetMap {
    if (!this.changed) return new IdentityMap(this.o);
    const k = this.count;
    return new SegmentMap(this.o, this.n, this.oStart.slice(0, k), this.nStart.slice(0, k), this.oLen.slice(0, k), this.nLen.slice(0, k), this.copy.slice(0, k));
  }

  private push(ol: number, nl: number, c: number): void {
    if (this.count === this.copy.length) this.grow();
    const k = this.count++;
    this.oStart[k] = this.o;
    this.nStart[k] = this.n;
    this.oLen[k] = ol;
    this.nLen[k] = nl;
    this.copy[k] = c;
  }

  private grow(): void {
    const size = this.copy.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.oStart = grow32(this.oStart);
    this.nStart = grow32(this.nStart);
    this.oLen = grow32(this.oLen);
    this.nLen = grow32(this.nLen);
    const c = new Uint8Array(size);
    c.set(this.copy);
    this.copy = c;
  }
}

/** The identity map of a text of `length` code units. */
export function identityMap(length: number): OffsetMap {
  return new IdentityMap(length);
}
