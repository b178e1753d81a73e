/**
 * `npm run eval -- windows`: windowed restoration (src/refs/windows.ts)
 * changes nothing. Extraction on text whose windows around reference anchors
 * are restored must give the same references (id, span, date, issuer,
 * docType, relation, codes, confidence) as on the whole restored text:
 *
 * 1. the seeds: 000-002 and 004 stripped of their diacritics, 003 (raw OCR);
 * 2. the OCR fixtures (fixtures/ocr: seed excerpts and held-out corpus lines
 *    read back by Tesseract, English and Vietnamese models);
 * 3. held-out text, stripped: the held-out gold paragraphs
 *    (fixtures/gold-heldout) and documents made of 40 held-out corpus lines
 *    each (every 20th line, as the language model never trained on), read
 *    from /work/shared/corpus (skipped when absent);
 * 4. the same at smaller reaches, to show the margin (where differences start).
 *
 * Also the documents' headers (`extractDocumentHeader` prepares the first
 * 5,000 characters the same way), and how much of the text the windows cover.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The Node entry registers the shipped language model.
import { foldDiacritics } from '../src/node/index.js';
import { findReferences, mapReferences } from '../src/refs/extract.js';
import { readDocumentHeader } from '../src/refs/header.js';
import { prepareText } from '../src/refs/pipeline.js';
import { anchorWindows, WINDOW_REACH, type WindowReach } from '../src/refs/windows.js';
import type { Reference } from '../src/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

type Kind = 'stripped' | 'ocr';
interface TextSet {
  name: string;
  kind: Kind;
  texts: { name: string; text: string }[];
}

const txt = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(root, dir, f), 'utf8') }));

function corpusDir(): string | null {
  const candidates = [process.env.VNREF_CORPUS_DIR, join(root, '..', 'shared', 'corpus'), '/work/shared/corpus'];
  for (const c of candidates) if (c && existsSync(join(c, 'vi-admin.txt.xz'))) return c;
  return null;
}

function textSets(): TextSet[] {
  const seeds = txt('fixtures/seeds');
  const sets: TextSet[] = [
    { name: 'seeds 000-002, 004 stripped', kind: 'stripped', texts: seeds.filter((s) => !s.name.startsWith('003')).map((s) => ({ ...s, text: foldDiacritics(s.text) })) },
    { name: 'seed 003 (raw OCR)', kind: 'ocr', texts: seeds.filter((s) => s.name.startsWith('003')) },
    { name: 'OCR fixtures', kind: 'ocr', texts: [...txt('fixtures/ocr/seeds'), ...txt('fixtures/ocr/heldout')].filter((f) => !f.name.endsWith('.clean.txt')) },
  ];
  const dir = corpusDir();
  if (!dir) {
    console.log('corpus (vi-admin.txt.xz, vi-legal.txt.xz) not present: held-out text skipped');
    return sets;
  }
  const gold: TextSet = { name: 'held-out gold paragraphs, stripped', kind: 'stripped', texts: [] };
  const docs: TextSet = { name: 'held-out corpus documents (40 lines), stripped', kind: 'stripped', texts: [] };
  for (const corpus of ['vi-admin', 'vi-legal']) {
    const lines = execFileSync('xz', ['-dc', join(dir, `${corpus}.txt.xz`)], { maxBuffer: 1 << 30 }).toString('utf8').split('\n');
    for (const f of readdirSync(join(root, 'fixtures/gold-heldout')).filter((x) => x.startsWith(`${corpus}.`) && x.endsWith('.jsonl'))) {
      for (const l of readFileSync(join(root, 'fixtures/gold-heldout', f), 'utf8').split('\n').filter((x) => x.trim())) {
        const p = JSON.parse(l) as { line: number };
        gold.texts.push({ name: `${f}:${p.line}`, text: foldDiacritics(lines[p.line - 1] ?? '') });
      }
    }
    // 60 documents of 40 held-out lines, spread evenly over the held-out slice.
    const held = lines.filter((_, i) => (i + 1) % 20 === 0);
    const stride = Math.max(1, Math.floor(held.length / 2400));
    for (let d = 0; d < 60; d++) {
      const picked = Array.from({ length: 40 }, (_, k) => held[(d * 40 + k) * stride] ?? '');
      docs.texts.push({ name: `${corpus}#${d}`, text: foldDiacritics(picked.join('\n')) });
    }
  }
  return [...sets, gold, docs];
}

const key = (r: Reference) => JSON.stringify([r.id, r.start, r.end, r.date, r.issuer, r.docType, r.relation, r.typeCode, r.issuerCode, r.number, r.year, r.confidence]);

function references(text: string, kind: Kind, restore: 'full' | 'windows'): Reference[] {
  const p = prepareText(text, kind, { restore });
  return mapReferences(findReferences(p.text), text, p.map);
}

function header(text: string, kind: Kind, restore: 'full' | 'windows'): string {
  const p = prepareText(text.slice(0, 5000), kind, { restore });
  const h = readDocumentHeader(p.text);
  if (h && h.start !== null && h.end !== null) Object.assign(h, p.map.spanToOriginal(h.start, h.end));
  return JSON.stringify(h);
}

/** References (and headers) that differ between whole and windowed restoration, with the first few listed. */
function compare(set: TextSet, whole: Map<string, string[]>, reach: Readonly<WindowReach>): { refs: number; diffs: number; headers: number; headerDiffs: number; cover: number; shown: string[] } {
  const saved = { ...WINDOW_REACH };
  Object.assign(WINDOW_REACH as WindowReach, reach);
  try {
    let refs = 0;
    let diffs = 0;
    let chars = 0;
    let covered = 0;
    let headers = 0;
    let headerDiffs = 0;
    const shown: string[] = [];
    for (const t of set.texts) {
      const a = whole.get(t.name)!;
      const b = references(t.text, set.kind, 'windows').map(key);
      refs += a.length;
      const sa = new Set(a);
      const sb = new Set(b);
      for (const k of a) if (!sb.has(k) && ++diffs && shown.length < 5) shown.push(`  whole only   ${t.name}: ${k}`);
      for (const k of b) if (!sa.has(k) && ++diffs && shown.length < 5) shown.push(`  windows only ${t.name}: ${k}`);
      chars += t.text.length;
      covered += anchorWindows(t.text).reduce((s, w) => s + w.end - w.start, 0);
      const hw = header(t.text, set.kind, 'windows');
      const hf = whole.get(`${t.name}#header`)![0];
      if (hf !== 'null') headers++;
      if (hw !== hf) {
        headerDiffs++;
        if (shown.length < 5) shown.push(`  header ${t.name}: whole ${hf} windows ${hw}`);
      }
    }
    return { refs, diffs, headers, headerDiffs, cover: chars ? covered / chars : 0, shown };
  } finally {
    Object.assign(WINDOW_REACH as WindowReach, saved);
  }
}

export default async function run(): Promise<Record<string, number>> {
  const sets = textSets();
  const out: Record<string, number> = {};
  let allDiffs = 0;
  const smaller: WindowReach[] = [
    { before: 200, after: 200, mergeGap: 200 },
    { before: 100, after: 150, mergeGap: 200 },
    { before: 60, after: 80, mergeGap: 0 },
  ];
  const margin: string[] = [];
  const diffsAt = smaller.map(() => 0);
  for (const set of sets) {
    const whole = new Map<string, string[]>();
    for (const t of set.texts) {
      whole.set(t.name, references(t.text, set.kind, 'full').map(key));
      whole.set(`${t.name}#header`, [header(t.text, set.kind, 'full')]);
    }
    const r = compare(set, whole, WINDOW_REACH);
    allDiffs += r.diffs + r.headerDiffs;
    const chars = set.texts.reduce((s, t) => s + t.text.length, 0);
    console.log(
      `${set.name.padEnd(48)} ${String(set.texts.length).padStart(4)} texts ${(chars / 1000).toFixed(0).padStart(5)}K chars  ` +
        `${String(r.refs).padStart(4)} references, ${r.diffs} differ; ${r.headers} headers, ${r.headerDiffs} differ; windows cover ${(100 * r.cover).toFixed(1)}%`,
    );
    for (const s of r.shown) console.log(s);
    smaller.forEach((reach, i) => {
      diffsAt[i] += compare(set, whole, reach).diffs;
    });
  }
  smaller.forEach((reach, i) => margin.push(`before ${reach.before}, after ${reach.after}: ${diffsAt[i]} differ`));
  console.log(`reach ${WINDOW_REACH.before} before, ${WINDOW_REACH.after} after (merged within ${WINDOW_REACH.mergeGap}): ${allDiffs} differences in all`);
  console.log(`smaller reaches (the margin): ${margin.join('; ')}`);
  out.windowDifferences = allDiffs;
  smaller.forEach((reach, i) => (out[`differencesAt${reach.before}_${reach.after}`] = diffsAt[i]));
  return out;
}
