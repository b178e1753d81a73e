/**
 * `npm run eval -- graph`: accuracy of the citation graph's resolve step.
 *
 * 1. Short forms against hand-made gold, a match being an overlapping span
 *    with the same target id: the seeds (fixtures/gold/aliases.jsonl: one
 *    short form in 000, 001, 002, 004, so recall is 0 or 1 and precision
 *    counts every short form resolved where the gold has none) and the
 *    hand-written report fixtures/aliases/short-forms.txt (every form).
 * 2. Number-only short forms derived from the gold references (synthetic, and
 *    said so): in a clean seed, one repeated reference at a time is rewritten
 *    to its short form ("Nghị quyết số 57-NQ/TW" → "Nghị quyết số 57") and
 *    must resolve to its id; likewise "<Type> nêu trên" where the nearest
 *    earlier reference of the type is the same document.
 * 3. The seed edges the issue names, and every relation the seeds state
 *    between cited documents, for reading.
 * 4. Real administrative text without gold (/work/shared/corpus/vi-admin.txt.xz,
 *    skipped when absent): cut into 40-paragraph pieces, how many short forms
 *    and stated relations come out, and a fixed sample of each to read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { prng } from '../tools/prng.js';
import { buildCitationGraph, defaultExtractor } from '../src/graph/build.js';
import { digestDocument } from '../src/graph/document.js';
import { SHORT_FORM_TYPES } from '../src/refs/aliases-data.js';

const SEEDS = 'fixtures/seeds';
const CLEAN = ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt'];
const OPTIONS = { shortForms: true, statedRelations: true };

interface GoldAlias {
  file: string;
  start: number;
  end: number;
  text: string;
  target: string;
}
interface GoldRef {
  start: number;
  end: number;
  text: string;
  id: string;
  docType: string | null;
  number: string;
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : (100 * x).toFixed(2).padStart(6));

function shortFormsOf(text: string) {
  return digestDocument({ text }, defaultExtractor, OPTIONS).shortForms;
}

function goldAliases(
  title: string,
  goldPath: string,
  dir: string,
  files: readonly string[],
): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  const gold = jsonl<GoldAlias>(goldPath);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const lines: string[] = [];
  for (const file of files) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const found = shortFormsOf(text);
    const want = gold.filter((g) => g.file === file);
    const matched = new Set<number>();
    for (const f of found) {
      const k = want.findIndex((g, i) => !matched.has(i) && g.start < f.end && f.start < g.end && g.target === f.targetId);
      if (k >= 0) {
        matched.add(k);
        tp++;
      } else {
        fp++;
        lines.push(`  fp   ${file} @${f.start} "${f.text}" → ${f.targetId}`);
      }
    }
    want.forEach((g, i) => {
      if (!matched.has(i)) {
        fn++;
        lines.push(`  miss ${file} @${g.start} "${g.text}" → ${g.target}`);
      }
    });
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(`-- short forms vs ${goldPath} (${title}) --`);
  console.log(`precision ${pct(precision)}  recall ${pct(recall)}   (tp ${tp}, fp ${fp}, fn ${fn}; the gold holds ${gold.length} short form${gold.length === 1 ? '' : 's'})`);
  for (const l of lines) console.log(l);
  return { precision, recall, tp, fp, fn };
}

/** Rewrites one repeated gold reference at a time and checks its short form resolves back. */
function derived(kind: 'number' | 'previous') {
  let tp = 0;
  let wrong = 0;
  let missed = 0;
  let total = 0;
  const lines: string[] = [];
  for (const file of CLEAN) {
    const text = readFileSync(`${SEEDS}/${file}`, 'utf8');
    const refs = jsonl<GoldRef>(`fixtures/gold/${file.replace('.txt', '.jsonl')}`);
    refs.forEach((r, i) => {
      if (!r.docType || !SHORT_FORM_TYPES.some((t) => t.name === r.docType)) return;
      const earlier = refs.slice(0, i);
      if (!earlier.some((e) => e.id === r.id)) return; // a first mention stays in full
      // The span must start at the type name ("Nghị quyết số 57-NQ/TW"), not at a list item's "số".
      if (!r.text.replace(/\s+/g, ' ').startsWith(r.docType)) return;
      if (kind === 'previous') {
        const nearest = [...earlier].reverse().find((e) => e.docType === r.docType);
        if (!nearest || nearest.id !== r.id) return;
      }
      const short = kind === 'number' ? `${r.docType} số ${r.number}` : `${r.docType} nêu trên`;
      const variant = text.slice(0, r.start) + short + text.slice(r.end);
      total++;
      const found = shortFormsOf(variant).filter((f) => f.start < r.start + short.length && r.start < f.end);
      if (found.length === 1 && found[0].targetId === r.id) tp++;
      else if (found.length === 0) {
        missed++;
        lines.push(`  miss  ${file} @${r.start} "${short}" (${r.id})`);
      } else {
        wrong++;
        lines.push(`  wrong ${file} @${r.start} "${short}" → ${found.map((f) => f.targetId).join(', ')} (gold ${r.id})`);
      }
    });
  }
  const precision = tp / (tp + wrong);
  const recall = tp / total;
  console.log(`\n-- derived from the gold references (synthetic): "<Type> ${kind === 'number' ? 'số N' : 'nêu trên'}" --`);
  console.log(`precision ${pct(precision)}  recall ${pct(recall)}   (${total} rewritten mentions: ${tp} right, ${wrong} wrong, ${missed} not resolved)`);
  for (const l of lines.slice(0, 12)) console.log(l);
  if (lines.length > 12) console.log(`  ... ${lines.length - 12} more`);
  return { precision, recall, total, right: tp, wrong, missed };
}

function seedEdges() {
  const docs = ['000', '001', '002', '003', '004'].map((p) => {
    const file = CLEAN.concat('003_0e471ed369bb78c5.part1.txt').find((f) => f.startsWith(p))!;
    return { id: file, text: readFileSync(`${SEEDS}/${file}`, 'utf8') };
  });
  const g = buildCitationGraph(docs);
  const want: Array<[string, string, string]> = [
    ['539-KH/TU', '57-NQ/TW', 'implements'],
    ['327/QĐ-UBND', '71/NQ-CP', 'implements'],
    ['82/2024/NĐ-CP', '73/2019/NĐ-CP', 'amends'],
  ];
  console.log('\n-- seed graph --');
  const n57 = g.node('57-NQ/TW')!.attributes;
  console.log(
    `57-NQ/TW: cited by ${n57.mentionedBy.join(', ')}; dates ${Object.entries(n57.dates)
      .map(([d, v]) => `${d}×${v.count}`)
      .join(', ')}; conflict ${n57.conflict}`,
  );
  console.log(`52-NQ/TW: ${g.node('52-NQ/TW')!.attributes.mentions} mentions on one node; report 004 is node ${g.nodes.find((n) => n.attributes.inputIds.includes(CLEAN[3]))?.key}`);
  let present = 0;
  for (const [s, t, r] of want) {
    const ok = g.edges.some((e) => e.source === s && e.target === t && e.attributes.relation === r);
    if (ok) present++;
    console.log(`${ok ? 'ok  ' : 'MISS'} ${s} ${r} ${t}`);
  }
  const stated = g.edges.filter((e) => e.attributes.stated === 'text');
  console.log(`relations stated between cited documents (${stated.length}):`);
  for (const e of stated) console.log(`  ${e.source} ${e.attributes.relation} ${e.target}   [${e.attributes.documents.join(', ')}]`);
  console.log(`graph: ${g.stats.nodes} nodes, ${g.stats.edges} edges, ${g.stats.conflicts} nodes with conflicting sources`);
  return { issueEdges: `${present}/${want.length}`, statedEdges: stated.length, nodes: g.stats.nodes, edges: g.stats.edges };
}

const ADMIN = '/work/shared/corpus/vi-admin.txt.xz';

function adminText() {
  if (!existsSync(ADMIN)) {
    console.log(`\n-- ${ADMIN} not here: skipped --`);
    return null;
  }
  let lines: string[];
  try {
    lines = execFileSync('xz', ['-dc', ADMIN], { maxBuffer: 1 << 30 }).toString('utf8').split('\n');
  } catch (e) {
    console.log(`\n-- ${ADMIN}: cannot decompress (${(e as Error).message.split('\n')[0]}): skipped --`);
    return null;
  }
  const rand = prng(2024);
  const kinds: Record<string, number> = {};
  const relations: Record<string, number> = {};
  const shortSample: string[] = [];
  const relationSample: string[] = [];
  let pieces = 0;
  const t0 = performance.now();
  for (let i = 0; i < lines.length; i += 40) {
    const text = lines.slice(i, i + 40).join('\n');
    pieces++;
    const d = digestDocument({ text }, defaultExtractor, OPTIONS);
    for (const f of d.shortForms) {
      const k = f.self ? 'self (the text itself)' : f.kind;
      kinds[k] = (kinds[k] ?? 0) + 1;
      if (!f.self && rand() < 0.15) shortSample.push(`  ${f.text.replace(/\s+/g, ' ')} → ${f.targetId}   | …${text.slice(Math.max(0, f.start - 90), f.end + 20).replace(/\s+/g, ' ')}…`);
    }
    for (const st of d.statements) {
      relations[st.relation] = (relations[st.relation] ?? 0) + 1;
      if (rand() < 0.02) relationSample.push(`  ${st.from} ${st.relation} ${st.to}   | ${text.slice(st.start, st.end).replace(/\s+/g, ' ').slice(0, 220)}`);
    }
  }
  const ms = performance.now() - t0;
  console.log(`\n-- real administrative text, no gold (${ADMIN}: ${pieces} pieces of 40 paragraphs, ${(ms / 1000).toFixed(1)} s) --`);
  console.log(`short forms resolved: ${JSON.stringify(kinds)}`);
  console.log(`relations stated between cited documents: ${JSON.stringify(relations)}`);
  console.log('a sample of short forms, to read:');
  for (const l of shortSample.slice(0, 15)) console.log(l);
  console.log('a sample of stated relations, to read:');
  for (const l of relationSample.slice(0, 15)) console.log(l);
  return { pieces, shortForms: kinds, statedRelations: relations };
}

export default async function run() {
  const gold = goldAliases('clean seeds 000, 001, 002, 004', 'fixtures/gold/aliases.jsonl', SEEDS, CLEAN);
  console.log();
  const hand = goldAliases('hand-written report', 'fixtures/aliases/short-forms.gold.jsonl', 'fixtures/aliases', ['short-forms.txt']);
  const number = derived('number');
  const previous = derived('previous');
  const seeds = seedEdges();
  const admin = adminText();
  return {
    adminCorpus: admin,
    aliasGoldSeeds: gold,
    aliasGoldHandWritten: hand,
    derivedNumberOnly: number,
    derivedPrevious: previous,
    seeds,
  };
}
