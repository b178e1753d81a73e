/**
 * Development harness: the tone restorer's model and decoder as an
 * OcrLanguageModel, from a snapshot of that work in work-data/lmsnap (not
 * committed) until it is merged. Replaced by src/restore/ocr/adapter.ts.
 */
import { readFileSync } from 'node:fs';
import type { OcrLanguageModel } from '../../src/restore/ocr/language.js';

export async function loadDevModel(path = 'work-data/lmsnap/model.bin'): Promise<OcrLanguageModel> {
  const base = '../../work-data/lmsnap/src/restore/';
  const { loadModel } = await import(base + 'model.js');
  const { decodeLattice } = await import(base + 'decode.js');
  const toks = await import(base + 'lm-tokens.js');
  const model = loadModel(new Uint8Array(readFileSync(path)), path);
  return {
    vocab: model.vocab,
    firstWordId: toks.FIRST_WORD_ID,
    unkId: toks.TOK_UNK,
    idOf: (t: string) => model.idOf(t),
    classId: (kind, code) => (kind === 'number' ? toks.TOK_NUM : kind === 'symbol' ? toks.TOK_SYM : toks.punctToken(code)),
    unigram: (id: number) => model.uniProb[id],
    decode: (l) => decodeLattice(model, l),
  };
}
