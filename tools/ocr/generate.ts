/**
 * Parallel clean/OCR data for learning the OCR channel (issue 6), made with
 * shared/tools/synth-ocr (Tesseract; slow: run under `nice`, one job at a time).
 *
 *   nice -n 10 npx tsx tools/ocr/generate.ts train   [--out work-data/ocr] [--kb 420] [--skip-seeds]
 *   nice -n 10 npx tsx tools/ocr/generate.ts heldout [--out work-data/ocr] [--kb 40]
 *   nice -n 10 npx tsx tools/ocr/generate.ts upper   [--out work-data/ocr] [--kb 16]
 *   nice -n 10 npx tsx tools/ocr/generate.ts dev     [--out work-data/ocr] [--kb 30]
 *   nice -n 10 npx tsx tools/ocr/generate.ts refs    [--out work-data/ocr] [--kb 15]
 *   nice -n 10 npx tsx tools/ocr/generate.ts font    [--out work-data/ocr] [--chunks N]  (FreeSerif: fonts-freefont-ttf)
 *   npx tsx tools/ocr/generate.ts fixtures           (copies seed chunks to fixtures/ocr/)
 *
 * train: a varied sample of corpus lines whose 1-based line number is NOT
 *   divisible by 20 (favouring vi-admin and report-like prose), plus seeds
 *   000-002 (never 003/004), cut into chunks of about 6 KB. Each chunk is read
 *   back under three channel settings, rotating over the seeds of synth-ocr:
 *   two English-model settings (degrade 0, 1, 2) and one Vietnamese-model
 *   setting (degrade 3 or 4). Written to OUT/train/<chunk>.clean.txt and
 *   OUT/train/<chunk>.<channel>.txt; nothing here is committed.
 * heldout: corpus lines whose line number IS divisible by 20, read back with
 *   eng-d1, eng-d2, vie-d3, vie-d4. The OCR output and the line numbers go to
 *   fixtures/ocr/heldout/ (committed); the clean text stays in the corpus and is
 *   read by eval/ocr.eval.ts at eval time.
 *
 * Existing outputs are kept, so an interrupted run resumes where it stopped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const SHARED = process.env.VNREF_SHARED ?? '/work/shared';
const SYNTH = join(SHARED, 'tools/synth-ocr');
const REPO = resolve(new URL('../..', import.meta.url).pathname);

export interface Channel {
  name: string;
  lang: 'eng' | 'vie';
  degrade: number;
  seed: number;
  /** A typeface other than synth-ocr's DejaVu Serif (a TrueType file), named in `name` ("-free"). */
  font?: string;
}

/**
 * A second typeface: GNU FreeSerif, a Times clone with Vietnamese glyphs
 * (Debian fonts-freefont-ttf). Vietnamese official documents are set in
 * Times New Roman; DejaVu Serif alone teaches the channel one typeface's
 * confusions.
 */
const FREESERIF = '/usr/share/fonts/truetype/freefont/FreeSerif.ttf';
const FONT: Channel[] = [
  { name: 'eng-d0-s1-free', lang: 'eng', degrade: 0, seed: 1, font: FREESERIF },
  { name: 'eng-d1-s2-free', lang: 'eng', degrade: 1, seed: 2, font: FREESERIF },
  { name: 'eng-d2-s3-free', lang: 'eng', degrade: 2, seed: 3, font: FREESERIF },
  { name: 'vie-d3-s1-free', lang: 'vie', degrade: 3, seed: 1, font: FREESERIF },
  { name: 'vie-d4-s3-free', lang: 'vie', degrade: 4, seed: 3, font: FREESERIF },
];

const ENG: Channel[] = [
  { name: 'eng-d0-s1', lang: 'eng', degrade: 0, seed: 1 },
  { name: 'eng-d1-s1', lang: 'eng', degrade: 1, seed: 1 },
  { name: 'eng-d2-s1', lang: 'eng', degrade: 2, seed: 1 },
  { name: 'eng-d1-s2', lang: 'eng', degrade: 1, seed: 2 },
  { name: 'eng-d2-s3', lang: 'eng', degrade: 2, seed: 3 },
  { name: 'eng-d1-s4', lang: 'eng', degrade: 1, seed: 4 },
  { name: 'eng-d2-s5', lang: 'eng', degrade: 2, seed: 5 },
];
const VIE: Channel[] = [
  { name: 'vie-d3-s1', lang: 'vie', degrade: 3, seed: 1 },
  { name: 'vie-d4-s1', lang: 'vie', degrade: 4, seed: 1 },
  { name: 'vie-d3-s2', lang: 'vie', degrade: 3, seed: 2 },
  { name: 'vie-d4-s3', lang: 'vie', degrade: 4, seed: 3 },
];
const HELDOUT: Channel[] = [
  { name: 'eng-d1-s7', lang: 'eng', degrade: 1, seed: 7 },
  { name: 'eng-d2-s7', lang: 'eng', degrade: 2, seed: 7 },
  { name: 'vie-d3-s7', lang: 'vie', degrade: 3, seed: 7 },
  { name: 'vie-d4-s7', lang: 'vie', degrade: 4, seed: 7 },
];

/** A small deterministic hash of a line number (selection without Math.random). */
function hash01(n: number, salt: number): number {
  let h = (n * 2654435761 + salt * 40503) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909) >>> 0;
  h ^= h >>> 16;
  return h / 4294967296;
}

/** Lines that read like report prose or cite documents get picked more often. */
const REPORT_LIKE = /\b(số|Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Thông tư|Nghị định|Công văn|Báo cáo|ngày \d|tỉnh|UBND|thực hiện|triển khai)\b|\d+[/-][A-ZĐ]/u;

interface Picked {
  corpus: string;
  line: number;
  text: string;
}

function sampleCorpus(file: string, corpus: string, targetChars: number, heldout: boolean, salt: number): Picked[] {
  const text = execFileSync('xz', ['-dc', join(SHARED, 'corpus', file)], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const lines = text.split('\n');
  const total = lines.reduce((a, l) => a + l.length, 0);
  // Base rate so that the expected sample is about targetChars; report-like lines weigh 3x.
  const rate = (targetChars / total) * (heldout ? 20 : 20 / 19) * 0.6;
  const out: Picked[] = [];
  let chars = 0;
  for (let i = 0; i < lines.length && chars < targetChars; i++) {
    const no = i + 1;
    if (heldout !== (no % 20 === 0)) continue;
    const l = lines[i];
    if (l.length < 40 || l.length > 1200) continue;
    const w = REPORT_LIKE.test(l) ? 3 : 1;
    if (hash01(no, salt) < rate * w) {
      out.push({ corpus, line: no, text: l });
      chars += l.length;
    }
  }
  return out;
}

function chunkLines(lines: string[], maxChars: number): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let n = 0;
  for (const l of lines) {
    if (n + l.length > maxChars && cur.length) {
      chunks.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(l);
    n += l.length + 1;
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

function runSynth(inFile: string, ch: Channel, outFile: string): void {
  if (existsSync(outFile)) return;
  let script = SYNTH;
  if (ch.font) {
    // synth-ocr with its font line pointed at another typeface; everything else as shared/ has it
    if (!existsSync(ch.font)) throw new Error(`${ch.font} is missing (apt-get install -y fonts-freefont-ttf)`);
    const text = readFileSync(SYNTH, 'utf8');
    if (!/^font=.*$/m.test(text)) throw new Error('synth-ocr has no font= line to point at another typeface');
    script = join(dirname(outFile), `.synth-ocr-${basename(ch.font, '.ttf')}.sh`);
    writeFileSync(script, text.replace(/^font=.*$/m, `font=${ch.font}`), { mode: 0o755 });
  }
  // one Tesseract thread: the machine is shared
  const r = spawnSync('bash', [script, '--lang', ch.lang, '--degrade', String(ch.degrade), '--seed', String(ch.seed), inFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (r.status !== 0) throw new Error(`synth-ocr failed on ${inFile} (${ch.name}): ${r.stderr}`);
  writeFileSync(outFile, r.stdout);
}

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}

function seedLines(file: string): string[] {
  return readFileSync(join(REPO, 'fixtures/seeds', file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const SEEDS = ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt'];

function train(out: string, kb: number, skipSeeds: boolean): void {
  const dir = join(out, 'train');
  mkdirSync(dir, { recursive: true });
  const admin = sampleCorpus('vi-admin.txt.xz', 'admin', kb * 1000 * 0.7, false, 1);
  const legal = sampleCorpus('vi-legal.txt.xz', 'legal', kb * 1000 * 0.3, false, 2);
  const jobs: { id: string; lines: string[] }[] = [];
  const seedChunks = SEEDS.reduce((n, s) => n + chunkLines(seedLines(s), 3000).length, 0);
  // Seeds first, in small chunks (they also provide the committed test fixtures).
  for (const s of skipSeeds ? [] : SEEDS) {
    chunkLines(seedLines(s), 3000).forEach((c, k) => jobs.push({ id: `seed${s.slice(0, 3)}-${String(k).padStart(2, '0')}`, lines: c }));
  }
  // Interleave admin and legal so a partial run is already a mix.
  const a = chunkLines(admin.map((p) => p.text), 6000);
  const l = chunkLines(legal.map((p) => p.text), 6000);
  for (let k = 0; k < Math.max(a.length, l.length); k++) {
    if (k < a.length) jobs.push({ id: `admin-${String(k).padStart(3, '0')}`, lines: a[k] });
    if (k < l.length) jobs.push({ id: `legal-${String(k).padStart(3, '0')}`, lines: l[k] });
  }
  writeFileSync(join(dir, 'lines.tsv'), [...admin, ...legal].map((p) => `${p.corpus}\t${p.line}`).join('\n') + '\n');
  console.error(`train: ${jobs.length} chunks, ${jobs.reduce((n, j) => n + j.lines.join('\n').length, 0)} chars`);
  jobs.forEach((job, k) => {
    // channel settings rotate by the job's place in the full list (seeds included), so a run with
    // --skip-seeds reads each corpus chunk as a full run would
    k += skipSeeds ? seedChunks : 0;
    const clean = join(dir, `${job.id}.clean.txt`);
    if (!existsSync(clean)) writeFileSync(clean, job.lines.join('\n') + '\n');
    const chans = [ENG[(2 * k) % ENG.length], ENG[(2 * k + 1) % ENG.length], VIE[k % VIE.length]];
    for (const ch of chans) runSynth(clean, ch, join(dir, `${job.id}.${ch.name}.txt`));
    console.error(`[${k + 1}] ${job.id} ${chans.map((c) => c.name).join(' ')}`);
  });
}

function heldout(out: string, kb: number): void {
  const dir = join(out, 'heldout');
  mkdirSync(dir, { recursive: true });
  const admin = sampleCorpus('vi-admin.txt.xz', 'admin', kb * 1000 * 0.6, true, 11);
  const legal = sampleCorpus('vi-legal.txt.xz', 'legal', kb * 1000 * 0.4, true, 12);
  const fix = join(REPO, 'fixtures/ocr/heldout');
  mkdirSync(fix, { recursive: true });
  const all = [...admin, ...legal];
  writeFileSync(join(fix, 'lines.tsv'), all.map((p) => `${p.corpus}\t${p.line}`).join('\n') + '\n');
  const clean = join(dir, 'heldout.clean.txt');
  writeFileSync(clean, all.map((p) => p.text).join('\n') + '\n');
  for (const ch of HELDOUT) {
    const o = join(dir, `heldout.${ch.name}.txt`);
    runSynth(clean, ch, o);
    copyFileSync(o, join(fix, `${ch.name}.txt`));
    console.error(`heldout ${ch.name} done`);
  }
}

const DEV: Channel[] = [
  { name: 'eng-d1-s8', lang: 'eng', degrade: 1, seed: 8 },
  { name: 'eng-d2-s8', lang: 'eng', degrade: 2, seed: 8 },
  { name: 'vie-d3-s8', lang: 'vie', degrade: 3, seed: 8 },
  { name: 'vie-d4-s8', lang: 'vie', degrade: 4, seed: 8 },
];

/**
 * dev: more held-out lines (number divisible by 20), none of those in
 * fixtures/ocr/heldout/lines.tsv, read back under other synth-ocr seeds: a
 * tuning set that is neither learned from (channel, language model) nor the
 * reported held-out figure. Written to OUT/dev/ (not committed).
 */
function dev(out: string, kb: number): void {
  const dir = join(out, 'dev');
  mkdirSync(dir, { recursive: true });
  const fixed = new Set(readFileSync(join(REPO, 'fixtures/ocr/heldout/lines.tsv'), 'utf8').trim().split('\n'));
  const fresh = (p: Picked) => !fixed.has(`${p.corpus}\t${p.line}`);
  const all = [
    ...sampleCorpus('vi-admin.txt.xz', 'admin', kb * 1000 * 0.6 * 1.3, true, 31).filter(fresh),
    ...sampleCorpus('vi-legal.txt.xz', 'legal', kb * 1000 * 0.4 * 1.3, true, 32).filter(fresh),
  ];
  writeFileSync(join(dir, 'lines.tsv'), all.map((p) => `${p.corpus}\t${p.line}`).join('\n') + '\n');
  const clean = join(dir, 'dev.clean.txt');
  writeFileSync(clean, all.map((p) => p.text).join('\n') + '\n');
  for (const ch of DEV) {
    runSynth(clean, ch, join(dir, `dev.${ch.name}.txt`));
    console.error(`dev ${ch.name} done`);
  }
}

const REFS: Channel[] = [
  { name: 'eng-d1-s9', lang: 'eng', degrade: 1, seed: 9 },
  { name: 'eng-d2-s9', lang: 'eng', degrade: 2, seed: 9 },
  { name: 'vie-d3-s9', lang: 'vie', degrade: 3, seed: 9 },
  { name: 'vie-d4-s9', lang: 'vie', degrade: 4, seed: 9 },
];

/** A document number with its symbol ("52-NQ/TW", "111/NQ-CP", "65/2023/NĐ-CP"). */
const CITES = /\d+[/-](\d{4}\/)?[A-ZĐ]{1,8}[-/][A-ZĐ]/u;

/**
 * refs: held-out lines that cite documents, none of the held-out fixtures'
 * or the dev set's, read back under other seeds: a tuning set for references
 * (tools/ocr/dev-eval.ts --refs). Written to OUT/refs/ (not committed).
 */
function refs(out: string, kb: number): void {
  const dir = join(out, 'refs');
  mkdirSync(dir, { recursive: true });
  const taken = new Set(readFileSync(join(REPO, 'fixtures/ocr/heldout/lines.tsv'), 'utf8').trim().split('\n'));
  const devLines = join(out, 'dev', 'lines.tsv');
  if (existsSync(devLines)) for (const l of readFileSync(devLines, 'utf8').trim().split('\n')) taken.add(l);
  const pick = (file: string, corpus: string, chars: number): Picked[] => {
    const lines = execFileSync('xz', ['-dc', join(SHARED, 'corpus', file)], { maxBuffer: 1 << 30, encoding: 'utf8' }).split('\n');
    const got: Picked[] = [];
    let n = 0;
    for (let no = 20; no <= lines.length && n < chars; no += 20) {
      const l = lines[no - 1];
      if (!l || l.length < 40 || l.length > 600 || !CITES.test(l) || taken.has(`${corpus}\t${no}`) || hash01(no, 41) > 0.35) continue;
      got.push({ corpus, line: no, text: l });
      n += l.length;
    }
    return got;
  };
  const all = [...pick('vi-admin.txt.xz', 'admin', kb * 1000 * 0.6), ...pick('vi-legal.txt.xz', 'legal', kb * 1000 * 0.4)];
  writeFileSync(join(dir, 'lines.tsv'), all.map((p) => `${p.corpus}\t${p.line}`).join('\n') + '\n');
  const clean = join(dir, 'refs.clean.txt');
  writeFileSync(clean, all.map((p) => p.text).join('\n') + '\n');
  for (const ch of REFS) {
    runSynth(clean, ch, join(dir, `refs.${ch.name}.txt`));
    console.error(`refs ${ch.name} done`);
  }
}

/**
 * font: the training chunks (not the dev chunks) read again in FreeSerif,
 * one English-model and one Vietnamese-model setting each (rotating), and
 * the dev lines under every FreeSerif setting. Needs `train` and `dev` first.
 */
function font(out: string, maxChunks: number): void {
  const dir = join(out, 'train');
  const chunks = readdirSync(dir)
    .filter((f) => f.endsWith('.clean.txt') && !f.startsWith('upper'))
    .map((f) => f.replace(/\.clean\.txt$/, ''))
    .filter((id) => !/^(admin|legal)-\d+$/.test(id) || Number(id.split('-')[1]) % 8 !== 7)
    .sort();
  const eng = FONT.filter((c) => c.lang === 'eng');
  const vie = FONT.filter((c) => c.lang === 'vie');
  chunks.slice(0, maxChunks).forEach((id, k) => {
    for (const ch of [eng[k % eng.length], vie[k % vie.length]]) runSynth(join(dir, `${id}.clean.txt`), ch, join(dir, `${id}.${ch.name}.txt`));
    console.error(`[${k + 1}] ${id}`);
  });
  const devClean = join(out, 'dev', 'dev.clean.txt');
  if (existsSync(devClean)) for (const ch of [FONT[1], FONT[2], FONT[3], FONT[4]]) runSynth(devClean, ch, join(out, 'dev', `dev.${ch.name}.txt`));
}

/**
 * Headings: reports set titles, issuer blocks and section heads in capitals
 * ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO"), which OCR misreads in its own ways
 * ("PANG" for "ĐẢNG"). Short corpus lines (not held out) in capitals, read
 * back with the English model (degrade 0-2) and the Vietnamese one (3-4).
 */
function upper(out: string, kb: number): void {
  const dir = join(out, 'train');
  mkdirSync(dir, { recursive: true });
  const picked = [...sampleCorpus('vi-admin.txt.xz', 'admin', kb * 1000 * 3, false, 21), ...sampleCorpus('vi-legal.txt.xz', 'legal', kb * 1000 * 2, false, 22)]
    .map((p) => p.text.slice(0, 90).replace(/\s+\S*$/, ''))
    .filter((t) => t.length >= 20);
  const text = picked.map((t) => t.toUpperCase()).slice(0, Math.ceil((kb * 1000) / 60));
  const chunks = chunkLines(text, 4000);
  const chans = [ENG[0], ENG[1], ENG[2], VIE[0], VIE[1]];
  chunks.forEach((c, k) => {
    const id = `upper-${String(k).padStart(3, '0')}`;
    const clean = join(dir, `${id}.clean.txt`);
    if (!existsSync(clean)) writeFileSync(clean, c.join('\n') + '\n');
    const ch = [chans[k % 5], chans[(k + 2) % 5]];
    for (const x of ch) runSynth(clean, x, join(dir, `${id}.${x.name}.txt`));
    console.error(`[${k + 1}/${chunks.length}] ${id} ${ch.map((x) => x.name).join(' ')}`);
  });
}

/** Copies a few OCR'd seed chunks (000-002) with their clean text into fixtures/ocr/seeds/. */
function fixtures(out: string): void {
  const dir = join(out, 'train');
  const fix = join(REPO, 'fixtures/ocr/seeds');
  mkdirSync(fix, { recursive: true });
  const picks = readdirSync(dir).filter((f) => /^seed\d{3}-0[0-1]\.(clean|eng-d[0-2]-s\d|vie-d[34]-s\d)\.txt$/.test(f));
  for (const f of picks) copyFileSync(join(dir, f), join(fix, f));
  console.error(`fixtures: ${picks.length} files`);
}

const mode = process.argv[2];
const out = resolve(arg('--out', join(REPO, 'work-data/ocr')));
if (mode === 'train') train(out, Number(arg('--kb', '420')), process.argv.includes('--skip-seeds'));
else if (mode === 'heldout') heldout(out, Number(arg('--kb', '40')));
else if (mode === 'fixtures') fixtures(out);
else if (mode === 'dev') dev(out, Number(arg('--kb', '30')));
else if (mode === 'font') font(out, Number(arg('--chunks', '1000')));
else if (mode === 'refs') refs(out, Number(arg('--kb', '15')));
else if (mode === 'upper') upper(out, Number(arg('--kb', '16')));
else {
  console.error('usage: generate.ts train|heldout|dev|refs|font|upper|fixtures [--out DIR] [--kb N] [--chunks N]');
  process.exit(2);
}
