/**
 * Repair of one-byte-per-letter encodings seen through Windows-1252 (TCVN3,
 * VISCII, Windows-1258): each character goes back to its byte, the byte
 * through the encoding's table. One character in, one out, so the offset map
 * is the identity (Windows-1258's separate tone marks are composed by the NFC
 * stage afterwards, which records its own map).
 *
 * For TCVN3 the same pass follows words to give its lower-case-only letters
 * their case (`tcvn3-case.ts`).
 */
import { identityMap } from '../offsets.js';
import { CASE_LOWER, CASE_NONE, CASE_UPPER, letterCase } from '../chars.js';
import { CP1252_ENCODE, CP1252_ENCODE_LIMIT } from '../encodings/cp1252.js';
import { unitsToString } from '../units.js';
import { CaseRestorer } from './tcvn3-case.js';
import type { RepairOptions, RepairResult } from './types.js';

export interface SingleByteCodec {
  /** byte → UTF-16 code unit */
  decode: Uint16Array;
  /** 1 for bytes whose letter has no upper-case code (TCVN3's toned vowels): their case is restored from context. */
  caseAmbiguous?: Uint8Array;
}

/** Letter case of the code units below U+2000 (all a one-byte table decodes to, but punctuation). */
const CASE_2000: Uint8Array = (() => {
  const t = new Uint8Array(0x2000);
  for (let c = 0; c < 0x2000; c++) t[c] = letterCase(c);
  return t;
})();

export function repairSingleByte(text: string, codec: SingleByteCodec, opts: RepairOptions): RepairResult {
  const n = text.length;
  const out = new Uint16Array(n);
  const table = codec.decode;
  const ambTable = codec.caseAmbiguous;
  const restorer = ambTable ? new CaseRestorer(out, n) : null;
  const revert = opts.wholeLinesOnly;
  let changed = 0;
  let surrogates = false;
  // the current line: whether it holds a character no byte stands for, and its counts
  let lineStart = 0;
  let lineBad = false;
  let lineChanged = 0;
  // the current word
  let wordStart = -1;
  let up = 0;
  let low = 0;
  let ambs = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let u = c;
    let amb = 0;
    if (c >= 0x80) {
      const b = c < CP1252_ENCODE_LIMIT ? CP1252_ENCODE[c] : -1;
      if (b >= 0) {
        u = table[b];
        if (u !== c) {
          changed++;
          lineChanged++;
        }
        if (ambTable !== undefined) amb = ambTable[b];
      } else if (c === 0x2028 || c === 0x2029) {
        endLine(i);
        continue;
      } else {
        // a letter no byte stands for: a Unicode line (other characters, such
        // as zero-width spaces or minus signs, can sit in legacy text)
        if (letterCase(c) !== CASE_NONE) lineBad = true;
        if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      }
    } else if (c === 0x0a || c === 0x0d) {
      endLine(i);
      continue;
    } else if (c < 0x20) {
      // VISCII puts six capitals among the control codes
      u = table[c];
      if (u !== c) {
        changed++;
        lineChanged++;
      }
    }
    out[i] = u;
    if (restorer === null) continue;
    const lc = u < 0x2000 ? CASE_2000[u] : letterCase(u);
    if (lc === CASE_NONE) {
      if (wordStart >= 0) {
        restorer.word(wordStart, i, up, low, ambs);
        wordStart = -1;
      }
      continue;
    }
    if (wordStart < 0) {
      wordStart = i;
      up = low = ambs = 0;
    }
    if (amb !== 0) {
      ambs++;
      restorer.ambiguous(i);
    } else if (lc === CASE_UPPER) up++;
    else if (lc === CASE_LOWER) low++;
  }
  if (wordStart >= 0 && restorer !== null) restorer.word(wordStart, n, up, low, ambs);
  if (lineBad && revert) changed -= revertLine(lineStart, n);
  const caseGuessed = restorer !== null ? restorer.finish() : 0;
  if (changed === 0 && caseGuessed === 0) return { text, map: identityMap(n), changed: 0, caseGuessed: 0 };
  return { text: unitsToString(out, surrogates), map: identityMap(n), changed, caseGuessed };

  /** A line break at `i`: the line before it is done. */
  function endLine(i: number): void {
    out[i] = text.charCodeAt(i);
    if (wordStart >= 0 && restorer !== null) restorer.word(wordStart, i, up, low, ambs);
    wordStart = -1;
    if (lineBad && revert) changed -= revertLine(lineStart, i);
    lineStart = i + 1;
    lineBad = false;
    lineChanged = 0;
  }

  /** Puts the line [s, e) back as it was; returns the changes that undid. */
  function revertLine(s: number, e: number): number {
    for (let k = s; k < e; k++) out[k] = text.charCodeAt(k);
    restorer?.revert(s, e);
    return lineChanged;
  }
}
