/**
 * Synthetic documents made from seed fragments, for the shard-merge test and
 * the graph benchmark: each document is a header ("Số N-BC/TU", a place and
 * date) plus a few paragraphs cut from the seed reports, with the numbers of
 * the cited documents redrawn from a small range so that documents share
 * cited nodes (and sometimes disagree on their dates), as in a real archive.
 * Deterministic for a given seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../tools/prng.js';

const SEEDS = 'fixtures/seeds';

export function seedTexts(): Array<{ file: string; text: string }> {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(SEEDS, file), 'utf8') }));
}

/** Paragraph-sized fragments of the clean seeds (cut at line ends), those that cite something. */
export function seedFragments(): string[] {
  const out: string[] = [];
  for (const { file, text } of seedTexts()) {
    if (file.startsWith('003')) continue; // the OCR twin of 004
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start + 500);
      if (end < 0) end = text.length;
      const frag = text.slice(start, end + 1);
      if (/\d+\s*[-/]\s*\p{Lu}/u.test(frag)) out.push(frag);
      start = end + 1;
    }
  }
  return out;
}

/** A reference number inside a symbol: "số 57-NQ/TW", "số 327/QĐ-UBND". */
const NUMBER_IN_SYMBOL = /(\b(?:số|số:)\s*)(\d{1,4})(?=\s*[-/]\s*(?:\d{4}\/)?\p{Lu})/gu;

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Fragments per document (min, max). */
  fragments?: [number, number];
  /** Cited numbers are drawn from 1..numberRange. */
  numberRange?: number;
}

/** Lazily generates `count` synthetic documents `{ id, text }`. */
export function* syntheticDocuments(options: SyntheticOptions): Generator<{ id: string; text: string }> {
  const rand = prng(options.seed ?? 7);
  const frags = seedFragments();
  const [lo, hi] = options.fragments ?? [2, 4];
  const range = options.numberRange ?? 60;
  for (let i = 0; i < options.count; i++) {
    const n = lo + Math.floor(rand() * (hi - lo + 1));
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const year = 2019 + Math.floor(rand() * 7);
    const parts = [
      `TỈNH ỦY QUẢNG NGÃI\n\nSố ${100 + i}-BC/TU Quảng Ngãi, ngày ${day} tháng ${month} năm ${year}\n\nBÁO CÁO\n\n`,
    ];
    for (let k = 0; k < n; k++) {
      const frag = frags[Math.floor(rand() * frags.length)];
      parts.push(frag.replace(NUMBER_IN_SYMBOL, (_, lead: string) => `${lead}${1 + Math.floor(rand() * range)}`));
    }
    yield { id: `synthetic-${i}`, text: parts.join('\n') };
  }
}
