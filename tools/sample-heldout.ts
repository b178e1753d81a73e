/**
 * Draws the paragraphs of the held-out extraction gold (fixtures/gold-heldout/)
 * from the corpus' held-out slice: the lines whose 1-based number is divisible
 * by 20 (never trained on by the language model).
 *
 *   npx tsx tools/sample-heldout.ts [CORPUS_DIR]      # default ../shared/corpus
 *   npx tsx tools/sample-heldout.ts CORPUS_DIR uniform SEED N_ADMIN N_LEGAL
 *
 * Prints `corpus<TAB>line<TAB>strata` for each drawn paragraph. Deterministic:
 * a fixed seed (SEED below) drives a mulberry32 generator, and the strata are
 * drawn in the order listed, without replacement across strata. The
 * `uniform` form draws a later batch: N paragraphs of each corpus uniformly
 * from the candidates, leaving out the lines fixtures/gold-heldout already
 * holds (batch 2: seed 20260611, 30 and 10).
 *
 * A candidate is a held-out line of 40 to 1,500 characters holding a digit
 * followed by "/" or "-" and a capital letter (a loose test, independent of the
 * extractor: it also admits form numbers, standards and other look-alikes, which
 * test precision), with at most 12 such places (so each paragraph can be read
 * whole by an annotator). Strata favour variety: Party and state documents,
 * "căn cứ", amendments, joint circulars, old numbers, laws cited by name,
 * dates in both forms, lists, letters, drafts with a blank number.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng.js';

const SEED = 20260520;
const CORPUS_DIR = process.argv[2] ?? '../shared/corpus';

const CANDIDATE = /\d\s?[-/]\s?[A-ZĐ]/gu;

/** Strata: name, pattern, how many to draw from vi-admin and from vi-legal. */
const STRATA: [string, RegExp, number, number][] = [
  ['party', /\d+-[A-ZĐ][A-Za-zĐ]*\/[A-ZĐ]/u, 10, 3],
  ['party-body', /Bộ Chính trị|Tỉnh ủy|Tỉnh uỷ|Ban Bí thư|Ban Chấp hành|Thành ủy|Đảng ủy/u, 5, 1],
  ['blank-number', /số\s*(?:…|\.{2,}|_{2,})?\s*\/\s*20\d\d\//u, 4, 2],
  ['joint', /TTLT|NQLT|TTLB/u, 3, 5],
  ['old-number', /HĐBT|\/SL\b|HĐNN|\d\/19\d\d\/|\d-CP\b/u, 3, 5],
  ['law-name', /(?:Luật|Bộ luật|Pháp lệnh) [A-ZĐ][^.;]{0,80} số \d/u, 8, 5],
  ['can-cu', /^Căn cứ/u, 12, 5],
  ['amends', /sửa đổi|thay thế|bãi bỏ/u, 10, 6],
  ['letter', /(?:Công văn|Văn bản|Công điện|Thông báo) số/u, 6, 1],
  ['plan-decision', /(?:Kế hoạch|Quyết định|Chỉ thị|Chương trình) số/u, 10, 2],
  ['list', /(?:[,;]|\svà)\s+(?:số\s+)?\d{1,5}\s?[-/]\s?(?:(?:19|20)\d\d\/)?[A-ZĐ]/u, 8, 4],
  ['date-text', /ngày \d+ tháng \d+ năm \d{4}/u, 6, 3],
  ['date-num', /ngày \d+\/\d+\/\d{4}/u, 6, 3],
  ['any', /./u, 24, 2],
];

interface Line {
  corpus: string;
  line: number;
  text: string;
}

function heldOut(corpus: string): Line[] {
  const raw = execFileSync('xz', ['-dc', join(CORPUS_DIR, `${corpus}.txt.xz`)], { maxBuffer: 1 << 30 }).toString('utf8');
  const lines = raw.split('\n');
  const out: Line[] = [];
  for (let i = 19; i < lines.length; i += 20) {
    const text = lines[i];
    if (text.length < 40 || text.length > 1500) continue;
    const n = text.match(CANDIDATE)?.length ?? 0;
    if (n === 0 || n > 12) continue;
    out.push({ corpus, line: i + 1, text });
  }
  return out;
}

const uniform = process.argv[3] === 'uniform';
const rand = prng(uniform ? Number(process.argv[4]) : SEED);
const drawn: { l: Line; strata: string[] }[] = [];
const taken = new Set<string>();
if (uniform) {
  for (const f of ['vi-admin', 'vi-legal']) {
    const path = join('fixtures/gold-heldout', `${f}.jsonl`);
    if (!existsSync(path)) continue;
    for (const row of readFileSync(path, 'utf8').split('\n')) if (row.trim()) taken.add(`${f}:${(JSON.parse(row) as { line: number }).line}`);
  }
}
const strata: [string, RegExp, number, number][] = uniform ? [['uniform', /./u, Number(process.argv[5]), Number(process.argv[6])]] : STRATA;
for (const corpus of ['vi-admin', 'vi-legal']) {
  const pool = heldOut(corpus);
  for (const [name, re, nAdmin, nLegal] of strata) {
    const want = corpus === 'vi-admin' ? nAdmin : nLegal;
    const cands = pool.filter((l) => !taken.has(`${l.corpus}:${l.line}`) && re.test(l.text));
    for (let k = 0; k < want && cands.length > 0; k++) {
      const i = Math.floor(rand() * cands.length);
      const l = cands.splice(i, 1)[0];
      taken.add(`${l.corpus}:${l.line}`);
      drawn.push({ l, strata: [name] });
    }
  }
}
// Every stratum a paragraph also belongs to, for the record.
for (const d of drawn) for (const [name, re] of STRATA) if (name !== 'any' && !d.strata.includes(name) && re.test(d.l.text)) d.strata.push(name);
drawn.sort((a, b) => (a.l.corpus === b.l.corpus ? a.l.line - b.l.line : a.l.corpus < b.l.corpus ? -1 : 1));
for (const d of drawn) console.log(`${d.l.corpus}\t${d.l.line}\t${d.strata.join(',')}`);
