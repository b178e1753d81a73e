/**
 * Repair of one-byte-per-letter encodings seen through Windows-1252 (TCVN3,
 * VISCII, Windows-1258): each character goes back to its byte, the byte
 * through the encoding's table. One character in, one out, so the offset map
 * is the identity (Windows-1258's separate tone marks are composed by the NFC
 * stage afterwards, which records its own map).
 *
 * For TCVN3 the pass notes where its lower-case-only letters are, and
 * `tcvn3-case.ts` gives them their case afterwards.
 */
import { identityMap } from '../offsets.js';
import { CASE_NONE, FLAGS, F_NFC, letterCase } from '../chars.js';
import { CP1252_DECODE, CP1252_ENCODE, CP1252_ENCODE_LIMIT } from '../encodings/cp1252.js';
import { unitsToString } from '../units.js';
import { restoreTcvn3Case } from './tcvn3-case.js';
import type { RepairOptions, RepairResult } from './types.js';

export interface SingleByteCodec {
  /** byte → UTF-16 code unit */
  decode: Uint16Array;
  /** 1 for bytes whose letter has no upper-case code (TCVN3's toned vowels): their case is restored from context. */
  caseAmbiguous?: Uint8Array;
}

/** Marks in {@link Direct.to}: no byte stands for the character / a line break. */
const NO_BYTE = 0xffff;
const LINE_BREAK = 0xfffe;

/**
 * Per table: every code unit below {@link CP1252_ENCODE_LIMIT} → its decoded
 * unit (ASCII and controls through the table too), {@link NO_BYTE} or
 * {@link LINE_BREAK}; and → 1 when its letter's case is not stored.
 */
interface Direct {
  to: Uint16Array;
  amb: Uint8Array;
}
const DIRECT = new WeakMap<Uint16Array, Direct>();

function directOf(codec: SingleByteCodec): Direct {
  let d = DIRECT.get(codec.decode);
  if (d === undefined) {
    const to = new Uint16Array(CP1252_ENCODE_LIMIT).fill(NO_BYTE);
    const amb = new Uint8Array(CP1252_ENCODE_LIMIT);
    for (let c = 0; c < CP1252_ENCODE_LIMIT; c++) {
      const b = CP1252_ENCODE[c];
      if (b < 0) continue;
      to[c] = codec.decode[b];
      if (codec.caseAmbiguous) amb[c] = codec.caseAmbiguous[b];
    }
    to[0x0a] = to[0x0d] = to[0x2028] = to[0x2029] = LINE_BREAK;
    d = { to, amb };
    DIRECT.set(codec.decode, d);
  }
  return d;
}

export function repairSingleByte(text: string, codec: SingleByteCodec, opts: RepairOptions): RepairResult {
  const n = text.length;
  const out = new Uint16Array(n);
  const { to, amb: toAmb } = directOf(codec);
  // positions of the letters whose case the encoding does not store
  const caseRule = codec.caseAmbiguous !== undefined;
  let ambPos = new Int32Array(caseRule ? Math.max(16, n >>> 3) : 1);
  let ambCount = 0;
  const revert = opts.wholeLinesOnly;
  let changed = 0;
  let surrogates = false;
  let nfcSeen = false;
  // the current line: whether it holds a letter no byte stands for, and its counts
  let lineStart = 0;
  let lineBad = false;
  let lineChanged = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) {
      out[i] = c; // ASCII: the same in every table
      continue;
    }
    const d = c < CP1252_ENCODE_LIMIT ? to[c] : NO_BYTE;
    if (d < LINE_BREAK) {
      out[i] = d;
      if (d !== c) {
        changed++;
        lineChanged++;
      }
      if (caseRule && toAmb[c] !== 0) {
        if (ambCount === ambPos.length) {
          const grown = new Int32Array(ambPos.length * 2);
          grown.set(ambPos);
          ambPos = grown;
        }
        ambPos[ambCount++] = i;
      }
    } else if (d === LINE_BREAK) {
      endLine(i);
    } else {
      out[i] = c;
      // a letter no byte stands for: a Unicode line (other characters, such
      // as zero-width spaces or minus signs, can sit in legacy text)
      if (letterCase(c) !== CASE_NONE) lineBad = true;
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      else if (FLAGS[c] & F_NFC) nfcSeen = true;
    }
  }
  if (lineBad && revert) changed -= revertLine(lineStart, n);
  const caseGuessed = caseRule ? restoreTcvn3Case(out, ambPos, ambCount) : 0;
  nfcSeen ||= surrogates;
  if (changed === 0 && caseGuessed === 0) return { text, map: identityMap(n), changed: 0, caseGuessed: 0, nfcSeen };
  return { text: unitsToString(out, surrogates), map: identityMap(n), changed, caseGuessed, nfcSeen };

  /** A line break at `i`: the line before it is done. */
  function endLine(i: number): void {
    out[i] = text.charCodeAt(i);
    if (lineBad && revert) changed -= revertLine(lineStart, i);
    lineStart = i + 1;
    lineBad = false;
    lineChanged = 0;
  }

  /** Puts the line [s, e) back as it was; returns the changes that undid. */
  function revertLine(s: number, e: number): number {
    for (let k = s; k < e; k++) out[k] = text.charCodeAt(k);
    while (ambCount > 0 && ambPos[ambCount - 1] >= s) ambCount--;
    return lineChanged;
  }
}

/**
 * The bytes of a one-byte encoding read directly through its table (the
 * same as the repair of their Windows-1252 view, without making the view).
 * `changed` counts the bytes whose character differs from their
 * Windows-1252 reading.
 */
export function decodeSingleByte(bytes: Uint8Array, codec: SingleByteCodec): RepairResult {
  const n = bytes.length;
  const out = new Uint16Array(n);
  const table = codec.decode;
  const ambTable = codec.caseAmbiguous;
  let ambPos = new Int32Array(ambTable ? Math.max(16, n >>> 3) : 1);
  let ambCount = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    const u = table[b];
    out[i] = u;
    if (b < 0x80 && b >= 0x20) continue;
    if (u !== CP1252_DECODE[b]) changed++;
    if (ambTable !== undefined && ambTable[b] !== 0) {
      if (ambCount === ambPos.length) {
        const grown = new Int32Array(ambPos.length * 2);
        grown.set(ambPos);
        ambPos = grown;
      }
      ambPos[ambCount++] = i;
    }
  }
  const caseGuessed = ambTable !== undefined ? restoreTcvn3Case(out, ambPos, ambCount) : 0;
  return { text: unitsToString(out, false), map: identityMap(n), changed, caseGuessed, nfcSeen: false };
}
