/**
 * Tuning figures for the OCR corrector, on data that is neither learned from
 * nor reported as the held-out figure: the dev set of generate.ts (more
 * held-out corpus lines read under other seeds, work-data/ocr/dev/) and the
 * dev chunks of the training data (every 8th corpus chunk, kept out of the
 * channel). Never seeds 003/004.
 *
 *   npx tsx tools/ocr/dev-eval.ts [--errors N] [--data work-data/ocr]
 *
 * Prints syllable accuracy per channel setting and, with --errors, the most
 * frequent remaining errors (reference ← output).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ocrLanguageModel } from '../../src/restore/ocr/adapter.js';
import { CHANNEL_DATA } from '../../src/restore/ocr/channel-data.js';
import { OcrCorrector } from '../../src/restore/ocr/correct.js';
import { alignWords, bareWord, syllableAccuracy, words } from './align.js';
import { findModel } from './find-model.js';
import { isDevChunk } from './learn-channel.js';
import { extractReferences } from '../../src/index.js';

const REPO = resolve(new URL('../..', import.meta.url).pathname);

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}

function main(): void {
  const lm = findModel(REPO);
  if (!lm) throw new Error('no language model');
  const data = resolve(arg('--data', join(REPO, 'work-data/ocr')));
  const nErrors = Number(arg('--errors', '0'));
  // OCR_OPTIONS: corrector options as JSON, to try settings ('{"candidates":{"beam":4}}')
  const corrector = new OcrCorrector(ocrLanguageModel(lm), CHANNEL_DATA, JSON.parse(process.env.OCR_OPTIONS ?? '{}'));
  const pairs: { set: string; clean: string; ocr: string }[] = [];
  const devDir = join(data, 'dev');
  if (existsSync(devDir)) {
    const clean = readFileSync(join(devDir, 'dev.clean.txt'), 'utf8');
    for (const f of readdirSync(devDir).sort()) {
      const m = /^dev\.((eng|vie)-d\d-s\d+(-free)?)\.txt$/.exec(f);
      if (m) pairs.push({ set: `dev ${m[1]}`, clean, ocr: readFileSync(join(devDir, f), 'utf8') });
    }
  }
  const refsDir = join(data, 'refs');
  if (existsSync(refsDir)) {
    const clean = readFileSync(join(refsDir, 'refs.clean.txt'), 'utf8');
    for (const f of readdirSync(refsDir).sort()) {
      const m = /^refs\.((eng|vie)-d\d-s\d+(-free)?)\.txt$/.exec(f);
      if (m) pairs.push({ set: `refs ${m[1]}`, clean, ocr: readFileSync(join(refsDir, f), 'utf8') });
    }
  }
  const trainDir = join(data, 'train');
  if (existsSync(trainDir)) {
    for (const f of readdirSync(trainDir).sort()) {
      const m = /^(.+)\.((eng|vie)-d(\d)-s\d+)\.txt$/.exec(f);
      if (!m || !isDevChunk(m[1])) continue;
      pairs.push({ set: `dev chunks ${m[3]}-d${m[4]}`, clean: readFileSync(join(trainDir, `${m[1]}.clean.txt`), 'utf8'), ocr: readFileSync(join(trainDir, f), 'utf8') });
    }
  }
  const agg = new Map<string, { total: number; before: number; after: number; folded: number }>();
  const errors = new Map<string, Map<string, number>>();
  for (const p of pairs) {
    const r = corrector.correct(p.ocr);
    const b = syllableAccuracy(p.clean, p.ocr);
    const a = syllableAccuracy(p.clean, r.text);
    const g = agg.get(p.set) ?? { total: 0, before: 0, after: 0, folded: 0 };
    g.total += a.total;
    g.before += b.correct;
    g.after += a.correct;
    g.folded += a.foldedCorrect;
    agg.set(p.set, g);
    if (nErrors > 0) {
      const kind = p.set.includes('vie') ? 'vie' : 'eng';
      const e = errors.get(kind) ?? new Map<string, number>();
      errors.set(kind, e);
      for (const w of alignWords(words(p.clean).map(bareWord), words(r.text).map(bareWord))) {
        if (w.clean === w.ocr || !/\p{L}/u.test(w.clean)) continue;
        const k = `${w.clean} ← ${w.ocr}`;
        e.set(k, (e.get(k) ?? 0) + 1);
      }
    }
  }
  const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(2)}%`;
  if (process.argv.includes('--refs')) {
    // references of the corrected OCR against those of the clean text: same id, date and issuer
    const refs = new Map<string, { gold: number; found: number; matched: number }>();
    const key = (r: { id: string; date: string | null; issuer: string | null }) => `${r.id}|${r.date}|${r.issuer}`;
    for (const p of pairs) {
      const gold = extractReferences(p.clean, { model: lm, input: 'clean' }).map(key);
      const got = extractReferences(p.ocr, { model: lm, input: 'ocr' }).map(key);
      const g = refs.get(p.set) ?? { gold: 0, found: 0, matched: 0 };
      const pool = new Map<string, number>();
      for (const k of gold) pool.set(k, (pool.get(k) ?? 0) + 1);
      for (const k of got) {
        const n = pool.get(k) ?? 0;
        if (n > 0) {
          g.matched++;
          pool.set(k, n - 1);
        } else if (nErrors > 0) console.log(`  ${p.set}: found ${k}`);
      }
      if (nErrors > 0) for (const [k, n] of pool) if (n > 0) console.log(`  ${p.set}: missed ${k}`);
      g.gold += gold.length;
      g.found += got.length;
      refs.set(p.set, g);
    }
    for (const [set, g] of refs) console.log(`${set}: references ${g.gold}, recall ${pct(g.matched, g.gold)}, precision ${pct(g.matched, g.found)}`);
    return;
  }
  for (const [set, g] of agg) console.log(`${set}: ${g.total} syllables, before ${pct(g.before, g.total)}, after ${pct(g.after, g.total)} (${pct(g.folded, g.total)} but for diacritics)`);
  for (const [kind, e] of errors) {
    console.log(`\n${kind}: most frequent errors (reference ← output)`);
    console.log([...e].sort((a, b) => b[1] - a[1]).slice(0, nErrors).map(([k, n]) => `${n} ${k}`).join(' | '));
  }
}

main();
