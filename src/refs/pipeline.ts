/**
 * The stages that run before the finder, composed into one OffsetMap so the
 * finder's spans land in the caller's original string:
 *
 * 1. normalize (src/text): legacy encodings (TCVN3, VNI, VIQR, mojibake) to
 *    Unicode, NFC, one tone style, dashes and spaces;
 * 2. restore (src/restore): tones and OCR letters, for 'stripped' and 'ocr'
 *    input (or what 'auto' detects as such).
 *
 * Until those stages are wired here (each is one call:
 * `const n = normalizeText(text); map = map.compose(n.map)`), the text goes
 * to the finder as it is; `mapReferences` (extract.ts) already carries the
 * finder's spans back through whatever map this returns. The finder does not depend on them for what it can
 * read itself: symbols in any dash or space variant and in ASCII, type names,
 * "số", date words and "của" folded, so stripped text and most OCR text
 * already yield their references; what the stages add is type names,
 * issuers and dates that only restored letters reveal.
 */
import type { InputKind } from '../schema.js';
import { identityMap, type OffsetMap } from '../text/offsets.js';

export interface PreparedText {
  /** The text the finder reads. */
  text: string;
  /** From the caller's input to `text`. */
  map: OffsetMap;
}

export function prepareText(input: string, kind: InputKind): PreparedText {
  void kind;
  return { text: input, map: identityMap(input.length) };
}
