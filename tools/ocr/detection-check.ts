/**
 * Measures OCR detection (`detectInputKind`) both ways, for eval/ocr.eval.ts
 * and tuning:
 * - false detection: held-out corpus text (lines whose 1-based number is
 *   divisible by 20), clean and diacritic-stripped, as single lines ("short")
 *   and as blocks of consecutive held-out lines ("long"), must never come
 *   out 'ocr';
 * - detection: synthetic OCR (whole files, and excerpts of a few lines) must.
 * Also what the corrector changes when it is run on clean text anyway
 * (`input: 'ocr'` forced on clean held-out lines).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../../src/text/fold.js';
import { detectInputKind } from '../../src/restore/detect.js';
import type { LanguageModel } from '../../src/restore/model.js';

/** Held-out lines (number divisible by 20) of a corpus file, in order, with their numbers. */
export function heldOutLines(shared: string, corpus: 'admin' | 'legal'): { no: number; text: string }[] {
  const file = join(shared, 'corpus', corpus === 'admin' ? 'vi-admin.txt.xz' : 'vi-legal.txt.xz');
  if (!existsSync(file)) return [];
  const all = execFileSync('xz', ['-dc', file], { maxBuffer: 1 << 30, encoding: 'utf8' }).split('\n');
  const out: { no: number; text: string }[] = [];
  for (let no = 20; no <= all.length; no += 20) {
    const t = all[no - 1];
    if (t !== undefined && t.trim().length > 0) out.push({ no, text: t });
  }
  return out;
}

export interface DetectionSample {
  name: string;
  texts: string[];
}

/**
 * Samples of clean text: `short` single lines (an evenly spaced pick of
 * `perSet` lines) and `long` blocks of `blockLines` consecutive held-out lines.
 */
export function cleanSamples(lines: { text: string }[], label: string, perSet: number, blockLines = 15): DetectionSample[] {
  const short: string[] = [];
  const step = Math.max(1, Math.floor(lines.length / perSet));
  for (let k = 0; k < lines.length && short.length < perSet; k += step) short.push(lines[k].text);
  const long: string[] = [];
  const blocks = Math.floor(lines.length / blockLines);
  const bstep = Math.max(1, Math.floor(blocks / Math.max(1, Math.floor(perSet / 4))));
  for (let b = 0; b < blocks && long.length < perSet / 4; b += bstep)
    long.push(lines.slice(b * blockLines, (b + 1) * blockLines).map((l) => l.text).join('\n'));
  return [
    { name: `${label} clean short`, texts: short },
    { name: `${label} clean long`, texts: long },
    { name: `${label} stripped short`, texts: short.map(foldDiacritics) },
    { name: `${label} stripped long`, texts: long.map(foldDiacritics) },
  ];
}

/** Excerpts of `lines` consecutive non-empty lines of an OCR text, every `lines` lines. */
export function excerpts(text: string, lines: number): string[] {
  const ls = text.split('\n').filter((l) => l.trim().length > 0);
  const out: string[] = [];
  for (let k = 0; k + lines <= ls.length; k += lines) out.push(ls.slice(k, k + lines).join('\n'));
  return out;
}

export interface DetectionCount {
  name: string;
  texts: number;
  ocr: number;
  /** A few of the texts detected as OCR (false detection) or not (missed). */
  examples: string[];
}

/** How many of each sample's texts `detectInputKind` calls 'ocr'. */
export function countOcr(samples: DetectionSample[], wantOcr: boolean, model: LanguageModel | null, keepExamples = 3): DetectionCount[] {
  return samples.map((s) => {
    let ocr = 0;
    const examples: string[] = [];
    for (const t of s.texts) {
      const isOcr = detectInputKind(t, { model }) === 'ocr';
      if (isOcr) ocr++;
      if (isOcr !== wantOcr && examples.length < keepExamples) examples.push(t.length > 160 ? t.slice(0, 160) + '…' : t);
    }
    return { name: s.name, texts: s.texts.length, ocr, examples };
  });
}
