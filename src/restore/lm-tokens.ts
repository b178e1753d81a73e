/**
 * How text becomes language-model tokens. Shared by training and decoding so
 * the two can never disagree.
 *
 * Words become syllable types (lower-case, NFC, tone placed in the 'new'
 * style: "Hoà" → "hòa"); everything that is not a word becomes one of a few
 * class tokens, so numbers, document symbols and punctuation still give the
 * model context ("số <num>", "ngày <num> / <num>") without a vocabulary
 * entry each. Line breaks are not tokens: report text is hard-wrapped in the
 * middle of sentences.
 */
import { KIND_ALNUM, KIND_NEWLINE, KIND_NUMBER, KIND_PUNCT, KIND_SYMBOL } from '../text/tokenize.js';
import { placeTone } from '../text/vietnamese.js';

/** Special token ids: the first ids of every model's vocabulary. */
export const TOK_BOS = 0;
export const TOK_EOS = 1;
export const TOK_UNK = 2;
export const TOK_NUM = 3;
export const TOK_SYM = 4;
export const TOK_COMMA = 5;
export const TOK_STOP = 6; // . ! ?
export const TOK_COLON = 7;
export const TOK_SEMI = 8;
export const TOK_OPEN = 9; // ( [ {
export const TOK_CLOSE = 10; // ) ] }
export const TOK_DASH = 11; // - ‐ ‑ – —
export const TOK_SLASH = 12;
export const TOK_QUOTE = 13;
export const TOK_PUNCT = 14; // any other punctuation
export const TOK_ELLIPSIS = 15; // … or a run of dots
/** Number of special ids; word types start here. */
export const FIRST_WORD_ID = 16;

/** Printable names of the special tokens, in id order (stored in the model's vocabulary). */
export const SPECIAL_NAMES = ['<s>', '</s>', '<unk>', '<num>', '<sym>', ',', '.', ':', ';', '(', ')', '-', '/', '"', '<p>', '…'];

/** The class token of one punctuation code unit. */
export function punctToken(code: number): number {
  switch (code) {
    case 0x2c: // ,
      return TOK_COMMA;
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
      return TOK_STOP;
    case 0x3a:
      return TOK_COLON;
    case 0x3b:
      return TOK_SEMI;
    case 0x28:
    case 0x5b:
    case 0x7b:
      return TOK_OPEN;
    case 0x29:
    case 0x5d:
    case 0x7d:
      return TOK_CLOSE;
    case 0x2d:
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2014:
      return TOK_DASH;
    case 0x2f:
      return TOK_SLASH;
    case 0x22:
    case 0x27:
    case 0x201c:
    case 0x201d:
    case 0x2018:
    case 0x2019:
      return TOK_QUOTE;
    case 0x2026:
      return TOK_ELLIPSIS;
    default:
      return TOK_PUNCT;
  }
}

/**
 * The class token of a non-word token kind, or -1 for a word (which needs
 * the vocabulary) and for a line break (which is not a token).
 */
export function classToken(kind: number, firstCode: number): number {
  switch (kind) {
    case KIND_NUMBER:
      return TOK_NUM;
    case KIND_SYMBOL:
    case KIND_ALNUM:
      return TOK_SYM;
    case KIND_PUNCT:
      return punctToken(firstCode);
    case KIND_NEWLINE:
    default:
      return -1;
  }
}

/** The vocabulary form of a word as written: lower-case, tone in the 'new' place ("Thuỷ" → "thủy"). */
export function wordType(word: string): string {
  return placeTone(word.toLowerCase(), 'new');
}
