/**
 * OCR correction: `correctOcr(text)` turns scan output back into Vietnamese
 * ("Nghi quyét s6 52-NQ/TW ngay 27/9/2019 ciia B9 Chinh tri" → "Nghị quyết số
 * 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị"), with an OffsetMap back to the
 * input. `restoreTones(text, { input: 'ocr' })` calls it.
 */
import { assertString } from '../../errors.js';
import { CorrectOcrOptionsSchema } from '../../schema.js';
import type { ToneStyle } from '../../text/vietnamese.js';
import type { LanguageModel } from '../model.js';
import { getDefaultModel } from '../provider.js';
import { ocrLanguageModel } from './adapter.js';
import { CHANNEL_DATA } from './channel-data.js';
import type { ChannelKind } from './channel.js';
import { OcrCorrector, type OcrCorrectionResult } from './correct.js';

export interface CorrectOcrOptions {
  /** The language model (default: the registered one; `vn-legal-refs/node` registers the shipped model). */
  model?: LanguageModel;
  /** Which learned channel: 'eng' (read by an OCR model without Vietnamese: marks lost), 'vie' (marks kept, often wrong), 'auto' (default). */
  channel?: ChannelKind | 'auto';
  /** Tone placement of corrected words: 'new' (default) or 'old'. */
  toneStyle?: ToneStyle;
}

const correctors = new WeakMap<LanguageModel, Map<string, OcrCorrector>>();

function correctorFor(model: LanguageModel, channel: ChannelKind | 'auto', toneStyle: ToneStyle): OcrCorrector {
  let byChannel = correctors.get(model);
  if (!byChannel) {
    byChannel = new Map();
    correctors.set(model, byChannel);
  }
  let c = byChannel.get(channel + toneStyle);
  if (!c) {
    c = new OcrCorrector(ocrLanguageModel(model), CHANNEL_DATA, { channel, toneStyle });
    byChannel.set(channel + toneStyle, c);
  }
  return c;
}

/** Corrects OCR output; every correction carries its span in the input and a confidence. */
export function correctOcr(text: string, options: CorrectOcrOptions = {}): OcrCorrectionResult {
  assertString(text, 'correctOcr', 'text');
  if (options === null || typeof options !== 'object') throw new TypeError('correctOcr: argument "options" must be an object');
  const parsed = CorrectOcrOptionsSchema.safeParse({ channel: options.channel, toneStyle: options.toneStyle });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`correctOcr: option "${String(issue.path[0])}" is invalid: ${issue.message}`);
  }
  const { channel, toneStyle: style } = parsed.data;
  const model = options.model ?? getDefaultModel('correctOcr');
  return correctorFor(model, channel, style).correct(text);
}

export { OcrCorrector, type OcrCorrection, type OcrCorrectionResult, type CorrectorOptions } from './correct.js';
export { applyCase } from './casing.js';
export { pickChannel } from './pick-channel.js';
export { inspectOcr, looksLikeOcr, type OcrEvidence } from './detect.js';
export { OcrChannel, type ChannelData, type ChannelKind, type ChannelTableJSON } from './channel.js';
export type { OcrLanguageModel, OcrLattice, OcrDecodeResult } from './language.js';
export { ocrLanguageModel } from './adapter.js';
