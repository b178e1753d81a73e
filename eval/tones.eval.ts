/**
 * Tone restoration accuracy (`npm run eval -- tones`).
 *
 * Text the model never saw is stripped of its diacritics (`foldDiacritics`),
 * restored, and compared syllable by syllable with the original; the two
 * placements of one tone ("hòa"/"hoà") count as equal.
 *
 * - seed 004 part 1: report prose, the measuring stick (never trained on);
 * - the corpus held-out slice: every line of vi-legal and vi-admin whose
 *   1-based line number is divisible by 20 (the training recipe skips them),
 *   all of them, from ../shared/corpus (or $VNREF_CORPUS_DIR); skipped with
 *   a note when the corpus is not there.
 *
 * Reference words: syllables inside the phrases references depend on
 * (document types, "số", "ngày", "tháng", "năm", "của", issuer names), see
 * `tone-accuracy.ts`.
 *
 * The model: the shipped default, or $VNREF_MODEL. $VNREF_HELDOUT_SAMPLE=k
 * scores only every k-th line of the slice (for quick comparisons while
 * tuning; the reported figures use the whole slice).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLines } from '../src/cli/commands/train-lm.js';
import { extractReferences } from '../src/refs/extract.js';
import type { Reference } from '../src/schema.js';
import { loadDefaultModel, loadModelFileSync } from '../src/node/model.js';
import { restoreTones } from '../src/restore/tones.js';
import { foldDiacritics } from '../src/text/fold.js';
import { emptyScore, pct, scoreRestoration, type ToneScore } from './tone-accuracy.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function corpusDir(): string | null {
  const candidates = [process.env.VNREF_CORPUS_DIR, join(root, '..', 'shared', 'corpus'), '/work/shared/corpus'];
  for (const c of candidates) if (c && existsSync(join(c, 'vi-legal.txt.xz'))) return c;
  return null;
}

function report(name: string, sc: ToneScore): Record<string, number> {
  console.log(
    `${name.padEnd(34)} syllables ${String(sc.syllables).padStart(8)}  accuracy ${pct(sc.correct, sc.syllables).padStart(7)}` +
      `  reference words ${pct(sc.refCorrect, sc.refSyllables).padStart(7)} (${sc.refSyllables})`,
  );
  return {
    syllables: sc.syllables,
    accuracy: sc.syllables ? sc.correct / sc.syllables : 0,
    referenceSyllables: sc.refSyllables,
    referenceAccuracy: sc.refSyllables ? sc.refCorrect / sc.refSyllables : 0,
  };
}

function topConfusions(sc: ToneScore, k = 15): string {
  const counts = new Map<string, number>();
  for (const [want, got] of sc.errors) {
    const key = `${want.toLowerCase()}→${got.toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, k).map(([key, n]) => `${key} ${n}`).join(', ');
}

/**
 * `extractReferences` on each seed stripped and restored, against the same on
 * the clean seed: the same reference (start and id) with the same date,
 * issuer and docType. Seeds 000-002 are in the model's training text, 004 is
 * not; both are shown.
 */
function extractionAgreement(model: ReturnType<typeof loadDefaultModel>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, files] of [
    ['000-002 (trained on)', ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt']],
    ['004 part 1 (never seen)', ['004_879014f10c9673c0.part1.txt']],
  ] as const) {
    let total = 0;
    let found = 0;
    let same = 0;
    let foundBare = 0;
    let sameBare = 0;
    for (const f of files) {
      const clean = readFileSync(join(root, 'fixtures/seeds', f), 'utf8');
      const stripped = foldDiacritics(clean);
      const key = (r: Reference) => `${r.start}:${r.id}`;
      const fieldsEqual = (a: Reference, b: Reference) => a.date === b.date && a.issuer === b.issuer && a.docType === b.docType;
      const restored = new Map(extractReferences(restoreTones(stripped, { model, input: 'stripped' }).text).map((r) => [key(r), r]));
      const bare = new Map(extractReferences(stripped, { input: 'clean' }).map((r) => [key(r), r]));
      for (const g of extractReferences(clean)) {
        total++;
        const r = restored.get(key(g));
        const b = bare.get(key(g));
        if (r) found++;
        if (r && fieldsEqual(r, g)) same++;
        if (b) foundBare++;
        if (b && fieldsEqual(b, g)) sameBare++;
      }
    }
    console.log(
      `extraction on stripped seeds ${name}: restored ${found}/${total} references found, ${same} with the same date, issuer and docType ` +
        `(without restoration: ${foundBare} found, ${sameBare} the same)`,
    );
    out[name.slice(0, 7)] = total ? same / total : 0;
  }
  return out;
}

/** The line with the diacritics of every other word removed. */
function stripEveryOtherWord(line: string): string {
  let k = 0;
  return line.replace(/[\p{L}\p{M}]+/gu, (w) => (k++ % 2 === 0 ? foldDiacritics(w) : w));
}

export default async function tonesEval(): Promise<Record<string, unknown>> {
  const modelPath = process.env.VNREF_MODEL;
  const model = modelPath ? loadModelFileSync(modelPath) : loadDefaultModel();
  console.log(`model: ${modelPath ?? 'shipped default'} (order ${model.order}, ${(model.byteLength / 1e6).toFixed(2)} MB, vocabulary ${model.size})`);
  const out: Record<string, unknown> = {};

  // Seed 004 part 1.
  const seed = readFileSync(join(root, 'fixtures/seeds/004_879014f10c9673c0.part1.txt'), 'utf8');
  const s004 = emptyScore();
  scoreRestoration(seed, restoreTones(foldDiacritics(seed), { model, input: 'stripped' }).text, s004);
  out.seed004 = report('seed 004 part 1 (report prose)', s004);
  console.log(`  errors: ${s004.errors.map(([w, g]) => `${w}→${g}`).join(', ')}`);

  // References from stripped seeds, restored, against the references of the clean text.
  out.extraction = extractionAgreement(model);

  // Held-out corpus slice.
  const dir = corpusDir();
  if (!dir) {
    console.log('held-out slice: corpus not found (set VNREF_CORPUS_DIR); skipped');
    return out;
  }
  const sample = Math.max(1, Number(process.env.VNREF_HELDOUT_SAMPLE ?? 1) | 0);
  if (sample > 1) console.log(`held-out slice sampled: every ${sample}th line of the slice`);
  const all = emptyScore();
  const mixed = emptyScore();
  const mixedBefore = emptyScore();
  let cleanSyllables = 0;
  let cleanChanged = 0;
  for (const file of ['vi-legal.txt.xz', 'vi-admin.txt.xz']) {
    const sc = emptyScore();
    let lineNo = 0;
    for await (const line of readLines(join(dir, file))) {
      lineNo++;
      if (lineNo % 20 !== 0 || (lineNo / 20) % sample !== 0) continue;
      const restored = restoreTones(foldDiacritics(line), { model, input: 'stripped' }).text;
      scoreRestoration(line, restored, sc, 5000);
      // Every 10th line of the slice also: restored as it is (clean text must come back unchanged),
      // and with every other word stripped (mixed text).
      if ((lineNo / 20) % 10 === 0) {
        const again = restoreTones(line, { model, input: 'stripped' });
        cleanSyllables += again.decided;
        cleanChanged += again.changed;
        const half = stripEveryOtherWord(line);
        scoreRestoration(line, restoreTones(half, { model, input: 'stripped' }).text, mixed, 0);
        scoreRestoration(line, half, mixedBefore, 0);
      }
    }
    out[file.replace('.txt.xz', '')] = report(`held-out ${file} (every 20th line)`, sc);
    console.log(`  most frequent errors: ${topConfusions(sc)}`);
    all.syllables += sc.syllables;
    all.correct += sc.correct;
    all.refSyllables += sc.refSyllables;
    all.refCorrect += sc.refCorrect;
  }
  out.heldOut = report('held-out, both files', all);
  const damaged = mixedBefore.syllables - mixedBefore.correct;
  const left = mixed.syllables - mixed.correct;
  console.log(
    `mixed text (every other word stripped, every 10th line of the slice): ${damaged} syllables lost their diacritics, ` +
      `${left} wrong after restoration: ${pct(damaged - left, damaged)} of the damage repaired`,
  );
  console.log(`clean text restored as is: ${cleanChanged} of ${cleanSyllables} bare syllables changed (${pct(cleanChanged, cleanSyllables)})`);
  out.mixedRepaired = damaged ? (damaged - left) / damaged : 0;
  out.cleanChangedShare = cleanSyllables ? cleanChanged / cleanSyllables : 0;
  return out;
}
