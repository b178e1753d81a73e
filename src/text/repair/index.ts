/** The string repairs by encoding name. */
import { CP1258_DECODE } from '../encodings/cp1258.js';
import { TCVN3_CASE_AMBIGUOUS, TCVN3_DECODE } from '../encodings/tcvn3.js';
import { VISCII_DECODE } from '../encodings/viscii.js';
import { repairMojibake } from './mojibake.js';
import { decodeSingleByte, repairSingleByte, type SingleByteCodec } from './single-byte.js';
import type { RepairOptions, RepairResult } from './types.js';
import { repairViqr } from './viqr.js';
import { repairVni } from './vni.js';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viscii' | 'cp1258' | 'viqr' | 'mojibake';

export const SINGLE_BYTE: Readonly<Record<'tcvn3' | 'viscii' | 'cp1258', SingleByteCodec>> = {
  tcvn3: { decode: TCVN3_DECODE, caseAmbiguous: TCVN3_CASE_AMBIGUOUS },
  viscii: { decode: VISCII_DECODE },
  cp1258: { decode: CP1258_DECODE },
};

/** One pass of the repair for `encoding` (mojibake: one round). */
export function repairAs(encoding: LegacyEncoding, text: string, opts: RepairOptions): RepairResult {
  switch (encoding) {
    case 'tcvn3':
    case 'viscii':
    case 'cp1258':
      return repairSingleByte(text, SINGLE_BYTE[encoding], opts);
    case 'vni':
      return repairVni(text, opts);
    case 'viqr':
      return repairViqr(text, opts);
    case 'mojibake':
      return repairMojibake(text);
  }
}

export type { RepairOptions, RepairResult } from './types.js';

/** Bytes of a one-byte encoding decoded at once (no Windows-1252 view), or null for VNI (a string repair). */
export function decodeOneByte(encoding: 'tcvn3' | 'vni' | 'viscii' | 'cp1258', bytes: Uint8Array): RepairResult | null {
  return encoding === 'vni' ? null : decodeSingleByte(bytes, SINGLE_BYTE[encoding]);
}
