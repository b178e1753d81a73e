/**
 * A builder of offset maps for stages that make many small replacements
 * (VNI letters, mojibake sequences, NFC clusters, removed characters): the
 * same records as {@link OffsetMapBuilder} of `offsets.ts`, kept in growing
 * typed arrays, so a million replacements cost a few megabytes and no
 * per-segment objects. Builds the same {@link SegmentMap}.
 */
import { SegmentMap, identityMap, type OffsetMap } from './offsets.js';

export class MapBuilder {
  private oStart = new Int32Array(64);
  private nStart = new Int32Array(64);
  private oLen = new Int32Array(64);
  private nLen = new Int32Array(64);
  private copy = new Uint8Array(64);
  private count = 0;
  private o = 0;
  private n = 0;
  private changed = false;

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
    this.changed = true;
    this.push(origLen, normLen, 0);
    this.o += origLen;
    this.n += normLen;
    return this;
  }

  build(): OffsetMap {
    if (!this.changed) return identityMap(this.o);
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
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.oStart = g32(this.oStart);
    this.nStart = g32(this.nStart);
    this.oLen = g32(this.oLen);
    this.nLen = g32(this.nLen);
    const c = new Uint8Array(size);
    c.set(this.copy);
    this.copy = c;
  }
}
