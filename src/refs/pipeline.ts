/**
 * The stages that run before the finder, composed into one OffsetMap so the
 * finder's spans land in the caller's original string:
 *
 * 1. normalize (src/text): legacy encodings (TCVN3, VNI, VIQR, mojibake) to
 *    Unicode, NFC, invisible characters and look-alikes, when a first scan
 *    finds any (the finder reads dashes, quotes and spaces as they are);
 * 2. detect, for 'auto': clean, stripped or OCR'd (`detectKind`);
 * 3. restore (src/restore): tones (and OCR letters) for 'stripped' and 'ocr'
 *    input — only the windows around the places where a reference may start
 *    (`windows.ts`), unless the caller asks for the whole text (`restore:
 *    'full'`). Restoration costs 0.3 to 1.5 MB/s of CPU; the finder reads only
 *    the words around each symbol, and gives the same references either way.
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
import { identityMap, type OffsetMap } from '../text/offsets.js';
import { sampleOf } from '../text/detect.js';
import { scanText } from '../text/scan.js';
import { detectInputKind } from '../restore/detect.js';
import type { LanguageModel } from '../restore/model.js';
import { getDefaultModel, hasDefaultModel } from '../restore/provider.js';
import { restoreTones } from '../restore/tones.js';
import { CLEAN_CHECK_SAMPLE, provesClean } from './clean-check.js';
import { splicePieces, type RewrittenPiece } from './spliced-map.js';
import { anchorWindows } from './windows.js';

export interface PreparedText {
  /** The text the finder reads. */
  text: string;
  /** From the caller's input to `text`. */
  map: OffsetMap;
  /** What the text was taken to be (after detection for 'auto'). */
  kind: Exclude<InputKind, 'auto'>;
  /** Whether the input went through `normalizeText` (its first scan found something to rewrite). */
  normalized: boolean;
}

export interface PrepareOptions {
  model?: LanguageModel;
  /**
   * 'windows' (default): restore only the windows around the places where a
   * reference may start, enough for the finder; 'full': the whole text (for
   * a caller that wants the restored text itself).
   */
  restore?: 'windows' | 'full';
  /**
   * The caller knows the input needs no normalization (it is the start of a
   * text whose first scan found nothing to rewrite): the scan is skipped.
   */
  assumeNormalized?: boolean;
  /**
   * Whether text detected as 'stripped' is restored (default true). A caller
   * that reads text folded anyway (the citation graph's phrase analysis) gets
   * nothing from it but the cost.
   */
  restoreStripped?: boolean;
}

/**
 * True when the finder needs the text normalized first: legacy encodings,
 * VIQR, combining marks, or special characters it does not read through
 * (invisible ones, Đ look-alikes, line separators). Curly quotes, dashes and
 * unusual spaces it reads as they are, so clean Unicode text (the common
 * case) costs one scan and no rewrite.
 */
function needsNormalization(text: string): boolean {
  const p = scanText(text, 'keep', 1);
  return !p.complete || p.signature > 0 || p.viqr > 0 || p.nfc > 0 || p.disruptive > 0;
}

/** Detection reads a sample of a long text (evenly spaced windows), not all of it. */
const DETECT_SAMPLE = 32_768;

/**
 * What normalized text is: 'clean', 'stripped' or 'ocr', as `detectInputKind`
 * answers on a sample of it. Most text is clean, and `detectInputKind` costs
 * about 200 ns per character of its sample (3 ms for a 24 KB report), more
 * than extracting the references: a cheap check (`clean-check.ts`, about 10
 * ns per character of a 2 K sample) proves most clean text clean first; the
 * rest is detected.
 */
export function detectKind(text: string): Exclude<InputKind, 'auto'> {
  // A short sample proves most clean text; when it cannot (a cluster of foreign words, footnote digits), a larger one.
  if (provesClean(text, CLEAN_CHECK_SAMPLE) || (text.length > CLEAN_CHECK_SAMPLE && provesClean(text, 4 * CLEAN_CHECK_SAMPLE))) return 'clean';
  return detectInputKind(sampleOf(text, DETECT_SAMPLE));
}

/**
 * `text` (normalized) with tones restored, or OCR letters corrected, in the
 * windows the finder reads (`anchorWindows`), the rest as written; the map
 * leads from the result back to `text`.
 */
export function restoreWindows(text: string, model: LanguageModel, kind: 'stripped' | 'ocr'): { text: string; map: OffsetMap } {
  const pieces: RewrittenPiece[] = [];
  for (const w of anchorWindows(text)) {
    const r = restoreTones(text.slice(w.start, w.end), { model, input: kind });
    pieces.push({ start: w.start, end: w.end, text: r.text, map: r.map });
  }
  return splicePieces(text, pieces);
}

export function prepareText(input: string, kind: InputKind, options: PrepareOptions = {}): PreparedText {
  let text = input;
  let map: OffsetMap = identityMap(input.length);
  const normalize = options.assumeNormalized !== true && needsNormalization(input);
  if (normalize) {
    const normalized = normalizeText(input);
    text = normalized.text;
    map = normalized.map;
  }
  const detected = kind === 'auto' ? detectKind(text) : kind;
  if (detected === 'clean') return { text, map, kind: 'clean', normalized: normalize };
  if (detected === 'stripped' && options.restoreStripped === false) return { text, map, kind: 'stripped', normalized: normalize };
  const model = options.model ?? (kind !== 'auto' || hasDefaultModel() ? getDefaultModel('extractReferences') : null);
  if (model) {
    const restored = options.restore === 'full' ? restoreTones(text, { model, input: detected }) : restoreWindows(text, model, detected);
    text = restored.text;
    map = map.compose(restored.map);
  }
  return { text, map, kind: detected, normalized: normalize };
}
