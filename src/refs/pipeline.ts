/**
 * The stages that run before the finder, composed into one OffsetMap so the
 * finder's spans land in the caller's original string:
 *
 * 1. normalize (src/text): legacy encodings (TCVN3, VNI, VIQR, mojibake) to
 *    Unicode, NFC, one tone style, dashes and spaces;
 * 2. restore (src/restore): tones (and OCR letters) for 'stripped' and 'ocr'
 *    input, or for what 'auto' detects as such.
 *
 * Restoration needs a language model: the caller's `model`, else the
 * registered default (`vn-legal-refs/node` registers the shipped one). With
 * `input: 'auto'` and no model available, restoration is skipped: the finder
 * still reads symbols, type names, "số", dates and "của" on folded text, so
 * stripped text keeps its ids and dates; only issuer names stay unrestored.
 * An explicit 'stripped' or 'ocr' without a model is an error.
 */
import type { InputKind } from '../schema.js';
import { normalizeText } from '../text/normalize.js';
import type { OffsetMap } from '../text/offsets.js';
import { detectInputKind } from '../restore/detect.js';
import type { LanguageModel } from '../restore/model.js';
import { getDefaultModel, hasDefaultModel } from '../restore/provider.js';
import { restoreTones } from '../restore/tones.js';

export interface PreparedText {
  /** The text the finder reads. */
  text: string;
  /** From the caller's input to `text`. */
  map: OffsetMap;
  /** What the text was taken to be (after detection for 'auto'). */
  kind: Exclude<InputKind, 'auto'>;
}

export interface PrepareOptions {
  model?: LanguageModel;
}

export function prepareText(input: string, kind: InputKind, options: PrepareOptions = {}): PreparedText {
  const normalized = normalizeText(input);
  let text = normalized.text;
  let map = normalized.map;
  const detected = kind === 'auto' ? detectInputKind(text) : kind;
  if (detected === 'clean') return { text, map, kind: 'clean' };
  const model = options.model ?? (kind !== 'auto' || hasDefaultModel() ? getDefaultModel('extractReferences') : null);
  if (model) {
    const restored = restoreTones(text, { model });
    text = restored.text;
    map = map.compose(restored.map);
  }
  return { text, map, kind: detected };
}
