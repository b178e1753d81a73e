/** UTF-16 code units → string, fast. */

const UTF16LE = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The string of `units`. `hasSurrogates` says whether any unit is a
 * surrogate: without, the native UTF-16 decoder does the work (it would turn
 * lone surrogates into U+FFFD, so they take the slower, exact path).
 */
export function unitsToString(units: Uint16Array, hasSurrogates: boolean): string {
  if (!hasSurrogates && LITTLE_ENDIAN && units.length > 64) return UTF16LE.decode(units);
  return decodeUnits(units);
}

/** Turns UTF-16 code units into a string in chunks (no argument-count overflow). */
export function decodeUnits(units: Uint16Array): string {
  const CHUNK = 0x2000;
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units as unknown as number[]);
  let s = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return s;
}
