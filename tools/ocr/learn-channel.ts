/**
 * Learns the OCR channel from the parallel data of generate.ts and writes it
 * as src/restore/ocr/channel-data.ts (committed).
 *
 *   npx tsx tools/ocr/learn-channel.ts [--data work-data/ocr/train] [--out src/restore/ocr/channel-data.ts] [--fonts all|dejavu]
 *
 * 1. Each OCR file is aligned with its clean chunk by words (align.ts: banded
 *    DP on folded words with merge/split steps).
 * 2. Aligned word pairs that are close enough are aligned by characters on
 *    their folded lower-case forms; runs of adjacent edits become one segment
 *    ("ua" → "tia", "đ" → "p", "ô" → "6"), and every edit segment is also
 *    counted with one character of context on either side (Brill and Moore).
 * 3. P(ocr segment | clean segment) = count(α → β) / count(α in the aligned
 *    clean words); edits seen once or rarer than 1 in 500 are dropped.
 *    Words in capitals are also counted apart (`upper`): used for OCR words
 *    in capitals, where confusions differ ("P" for "Đ").
 * 4. Segments compare letters with tones removed (quality kept: ô, ơ, đ);
 *    tones are counted once per word pair: P(tone the OCR shows | tone of
 *    the syllable), add-½ smoothed. Eng-model and vie-model channels are learned separately.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripTones, toneOfWord } from '../../src/restore/ocr/tones.js';
import type { ChannelTableJSON } from '../../src/restore/ocr/channel.js';
import { alignChars, alignWords, editDistance, key, words } from './align.js';

const REPO = resolve(new URL('../..', import.meta.url).pathname);
const MAX_CLEAN_SEG = 3;
const MAX_OCR_SEG = 4;
const MIN_COUNT = 2;
const MIN_PROB = 0.002;
/** Added to every denominator: an edit seen 2 times in 2 is not certain. */
const SMOOTH = 3;

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}

interface Acc {
  pairs: Map<string, number>; // "α\tβ" → count
  denom: Map<string, number>; // α → count
  tone: number[][];
  wordPairs: number;
  words: number;
  exact: number;
  chars: number;
  files: number;
}

function newAcc(): Acc {
  return {
    pairs: new Map(),
    denom: new Map(),
    tone: Array.from({ length: 6 }, () => new Array(6).fill(0)),
    wordPairs: 0,
    words: 0,
    exact: 0,
    chars: 0,
    files: 0,
  };
}

const inc = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const fold = (s: string) => stripTones(s);

function learnPair(acc: Acc, clean: string, ocr: string): void {
  const c = clean.toLowerCase();
  const o = ocr.toLowerCase();
  if (c.length !== clean.length || o.length !== ocr.length) return;
  const fc = fold(c);
  for (let i = 0; i < fc.length; i++)
    for (let l = 1; l <= MAX_CLEAN_SEG && i + l <= fc.length; l++) inc(acc.denom, fc.slice(i, i + l));
  const ops = alignChars(c, o);
  // Segments: identity ops alone; runs of edits grouped. An insertion is attached to
  // the clean character before it (or after it at the start) so α is never empty.
  type Seg = { a: string; b: string; edit: boolean };
  const segs: Seg[] = [];
  for (const [ca, ob] of ops) {
    const same = ca !== '' && ob !== '' && fold(ca) === fold(ob);
    if (same) {
      segs.push({ a: fold(ca), b: fold(ob), edit: false });
    } else {
      const last = segs[segs.length - 1];
      if (last && last.edit) {
        last.a += fold(ca);
        last.b += fold(ob);
      } else segs.push({ a: fold(ca), b: fold(ob), edit: true });
    }
  }
  // Pure insertions: glue to a neighbour.
  for (let k = 0; k < segs.length; k++) {
    if (segs[k].a !== '') continue;
    const nb = k > 0 ? k - 1 : k + 1;
    if (nb >= segs.length) continue;
    if (nb < k) {
      segs[nb] = { a: segs[nb].a, b: segs[nb].b + segs[k].b, edit: true };
    } else {
      segs[nb] = { a: segs[nb].a, b: segs[k].b + segs[nb].b, edit: true };
    }
    segs.splice(k, 1);
    k--;
  }
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    if (s.a === '') continue;
    if (s.a.length > MAX_CLEAN_SEG || s.b.length > MAX_OCR_SEG) continue;
    inc(acc.pairs, s.a + '\t' + s.b);
    if (!s.edit) continue;
    // With one character of context on each side.
    const L = k > 0 && !segs[k - 1].edit ? segs[k - 1] : null;
    const R = k + 1 < segs.length && !segs[k + 1].edit ? segs[k + 1] : null;
    if (L && s.a.length + 1 <= MAX_CLEAN_SEG && s.b.length + 1 <= MAX_OCR_SEG) inc(acc.pairs, L.a + s.a + '\t' + L.b + s.b);
    if (R && s.a.length + 1 <= MAX_CLEAN_SEG && s.b.length + 1 <= MAX_OCR_SEG) inc(acc.pairs, s.a + R.a + '\t' + s.b + R.b);
  }
}

/** A word in capitals (two letters or more): headings and issuer blocks, which OCR misreads in their own ways. */
const CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

function learnFile(acc: Acc, cleanText: string, ocrText: string, upper?: Acc): void {
  const pairs = alignWords(words(cleanText), words(ocrText));
  acc.files++;
  if (upper) upper.files++;
  for (const p of pairs) {
    if (!p.clean) continue;
    acc.words += p.clean.split(' ').length;
    if (!p.ocr) continue;
    const kc = key(p.clean);
    const ko = key(p.ocr);
    const L = Math.max(kc.length, ko.length);
    const d = editDistance(kc, ko, L);
    if (d > Math.max(2, Math.ceil(L * 0.6))) continue;
    acc.wordPairs++;
    acc.chars += p.clean.length;
    if (p.clean === p.ocr) acc.exact++;
    if (!p.clean.includes(' ') && /\p{L}/u.test(p.clean)) acc.tone[toneOfWord(p.clean)][toneOfWord(p.ocr)]++;
    learnPair(acc, p.clean, p.ocr);
    if (upper && CAPITALS.test(p.clean)) {
      upper.wordPairs++;
      upper.chars += p.clean.length;
      if (p.clean === p.ocr) upper.exact++;
      learnPair(upper, p.clean, p.ocr);
    }
  }
}

function finish(acc: Acc): ChannelTableJSON {
  const segs: [string, string, number][] = [];
  for (const [k, n] of acc.pairs) {
    const [a, b] = k.split('\t');
    const d = acc.denom.get(a) ?? 0;
    if (d === 0) continue;
    const p = Math.min(1, n / (d + SMOOTH));
    const identity = a === b;
    if (!identity && (n < MIN_COUNT || p < MIN_PROB)) continue;
    segs.push([a, b, round(-Math.log(p))]);
  }
  segs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[2] - y[2]));
  const mat = (m: number[][]) =>
    m.map((row) => {
      const tot = row.reduce((s, v) => s + v, 0) + 0.5 * row.length;
      return row.map((v) => round(-Math.log((v + 0.5) / tot)));
    });
  return {
    segs,
    tone: mat(acc.tone),
    stats: { files: acc.files, words: acc.words, alignedPairs: acc.wordPairs, exactWords: acc.exact, chars: acc.chars },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Chunks kept out of learning to tune the corrector on (admin-007, legal-015, ...): every 8th corpus chunk. */
export function isDevChunk(id: string): boolean {
  const m = /^(admin|legal)-(\d+)$/.exec(id);
  return m !== null && Number(m[2]) % 8 === 7;
}

function main(): void {
  const dir = resolve(arg('--data', join(REPO, 'work-data/ocr/train')));
  const out = resolve(arg('--out', join(REPO, 'src/restore/ocr/channel-data.ts')));
  // the runs in a second typeface (generate.ts font): learned from unless --fonts dejavu
  const withFonts = arg('--fonts', 'all') !== 'dejavu';
  const files = readdirSync(dir);
  const accs = { eng: newAcc(), vie: newAcc() };
  const uppers = { eng: newAcc(), vie: newAcc() };
  for (const f of files) {
    const m = /^(.+)\.((eng|vie)-d\d-s\d+(-free)?)\.txt$/.exec(f);
    if (!m) continue;
    if (m[4] && !withFonts) continue;
    if (/^(003|004)/.test(m[1])) throw new Error('003/004 are the measuring stick: never learn from them');
    if (isDevChunk(m[1])) continue;
    const clean = readFileSync(join(dir, `${m[1]}.clean.txt`), 'utf8');
    const ocr = readFileSync(join(dir, f), 'utf8');
    learnFile(accs[m[3] as 'eng' | 'vie'], clean, ocr, uppers[m[3] as 'eng' | 'vie']);
  }
  const data = { eng: finish(accs.eng), vie: finish(accs.vie) };
  for (const k of ['eng', 'vie'] as const) {
    data[k].upper = finish(uppers[k]).segs;
    console.error(`${k} capitals: ${uppers[k].wordPairs} aligned pairs, ${data[k].upper!.length} segment entries`);
  }
  for (const k of ['eng', 'vie'] as const) {
    const s = data[k].stats;
    console.error(`${k}: ${s.files} files, ${s.words} clean words, ${s.alignedPairs} aligned pairs (${((100 * s.exactWords) / s.alignedPairs).toFixed(1)}% exact), ${data[k].segs.length} segment entries`);
  }
  const body =
    '/**\n * The learned OCR channel: GENERATED by tools/ocr/learn-channel.ts from synth-ocr\n' +
    ' * runs of clean training text (see tools/ocr/generate.ts). Do not edit by hand.\n */\n' +
    'import type { ChannelData } from \'./channel.js\';\n\n' +
    'export const CHANNEL_DATA: ChannelData = ' +
    JSON.stringify(data) +
    ';\n';
  writeFileSync(out, body);
  console.error(`wrote ${out} (${(body.length / 1024).toFixed(0)} KiB)`);
}

if (process.argv[1] && process.argv[1].endsWith('learn-channel.ts')) main();
