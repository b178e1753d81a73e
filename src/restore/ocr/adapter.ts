/** The tone restorer's trigram model and decoder, seen as the OCR corrector's language model. */
import { decodeConfidence, decodeLattice } from '../decode.js';
import { FIRST_WORD_ID, TOK_NUM, TOK_SYM, TOK_UNK, punctToken } from '../lm-tokens.js';
import type { LanguageModel } from '../model.js';
import type { OcrLanguageModel } from './language.js';

const adapted = new WeakMap<LanguageModel, OcrLanguageModel>();

/** Wraps a {@link LanguageModel} (cached per model). */
export function ocrLanguageModel(model: LanguageModel): OcrLanguageModel {
  let m = adapted.get(model);
  if (!m) {
    m = {
      vocab: model.vocab,
      firstWordId: FIRST_WORD_ID,
      unkId: TOK_UNK,
      idOf: (type) => model.idOf(type),
      classId: (kind, code) => (kind === 'number' ? TOK_NUM : kind === 'symbol' ? TOK_SYM : punctToken(code)),
      unigram: (id) => model.uniProb[id],
      decode: (lattice, beam) => decodeLattice(model, lattice, { confidence: false, beam }),
      confidence: (lattice, choice) => decodeConfidence(model, lattice, choice),
    };
    adapted.set(model, m);
  }
  return m;
}
