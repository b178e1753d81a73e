/**
 * `npm run eval -- extract`: accuracy of reference extraction.
 *
 * 1. Seeds (fixtures/gold/<seed>.jsonl, hand-made): precision, recall and F1
 *    per file and overall, a match being the same `id` at an overlapping
 *    span; on matches, the accuracy of date, issuer, docType, relation (and
 *    the other fields, and exact spans). Clean seeds make the headline; 003
 *    (raw OCR of 004) is reported apart. Misses and false positives listed.
 * 2. Headers (fixtures/gold/headers.jsonl): field accuracy of extractDocumentHeader.
 * 3. Held-out gold (fixtures/gold-heldout/, hand-made on paragraphs of the
 *    corpus' held-out slice that the rules were not written from; batch 1
 *    drawn and annotated before the fixes it led to, batch 2 after them):
 *    the same scores as the seeds, per batch. The gold holds offsets only; the paragraphs are read
 *    from /work/shared/corpus/*.txt.xz at eval time (skipped when absent, and
 *    paragraph by paragraph when a line's hash differs).
 * 4. Legal corpus (/work/shared/corpus/refs, VNLegalText-derived; not in the
 *    repo, skipped when absent): recall on the reference spans that carry a
 *    number and symbol, and how many found references fall outside every
 *    span (the corpus' recall is incomplete, so these are "unconfirmed", not
 *    all false).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The Node entry: it registers the shipped language model, which the pipeline needs to restore OCR'd and
// stripped text (seed 003 is read as 'ocr'; 'auto' restores what it detects as stripped).
import { extractDocumentHeader, extractReferences } from '../src/node/index.js';
import type { Reference } from '../src/schema.js';

const GOLD = 'fixtures/gold';
const SEEDS = 'fixtures/seeds';
const CORPUS_REFS = '/work/shared/corpus/refs';
const HELDOUT = 'fixtures/gold-heldout';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface GoldRef {
  file: string;
  start: number;
  end: number;
  text: string;
  id: string;
  family: string;
  docType: string | null;
  typeCode: string | null;
  number: string;
  year: number | null;
  issuerCode: string | null;
  issuer: string | null;
  date: string | null;
  relation: string;
}

const FIELDS = ['date', 'issuer', 'docType', 'relation', 'typeCode', 'issuerCode', 'year', 'family', 'number'] as const;
type Field = (typeof FIELDS)[number];

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  exactSpan: number;
  fields: Record<Field, [number, number]>;
}

function newTally(): Tally {
  const fields = {} as Record<Field, [number, number]>;
  for (const f of FIELDS) fields[f] = [0, 0];
  return { tp: 0, fp: 0, fn: 0, exactSpan: 0, fields };
}

function add(into: Tally, t: Tally): void {
  into.tp += t.tp;
  into.fp += t.fp;
  into.fn += t.fn;
  into.exactSpan += t.exactSpan;
  for (const f of FIELDS) {
    into.fields[f][0] += t.fields[f][0];
    into.fields[f][1] += t.fields[f][1];
  }
}

function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const pct = (x: number) => (100 * x).toFixed(2);
const short = (s: string) => s.replace(/\s+/g, ' ').slice(0, 70);

function scoreFile(gold: GoldRef[], found: Reference[], errors: string[]): Tally {
  const t = newTally();
  const used = new Set<number>();
  for (const g of gold) {
    const k = found.findIndex((r, i) => !used.has(i) && r.id === g.id && overlaps(r, g));
    if (k < 0) {
      t.fn++;
      errors.push(`  miss  ${g.start}-${g.end} ${g.id}  "${short(g.text)}"`);
      continue;
    }
    used.add(k);
    const r = found[k];
    t.tp++;
    if (r.start === g.start && r.end === g.end) t.exactSpan++;
    else errors.push(`  span  ${g.id}: gold "${short(g.text)}" found "${short(r.text)}"`);
    for (const f of FIELDS) {
      t.fields[f][1]++;
      if (r[f] === g[f]) t.fields[f][0]++;
      else errors.push(`  ${f.padEnd(5)} ${g.id} @${g.start}: gold ${JSON.stringify(g[f])} found ${JSON.stringify(r[f])}`);
    }
  }
  found.forEach((r, i) => {
    if (!used.has(i)) {
      t.fp++;
      errors.push(`  fp    ${r.start}-${r.end} ${r.id}  "${short(r.text)}"`);
    }
  });
  return t;
}

function report(label: string, t: Tally): void {
  const { p, r, f1 } = prf(t);
  console.log(
    `${label.padEnd(36)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}   (tp ${t.tp}, fp ${t.fp}, fn ${t.fn}; exact spans ${t.exactSpan}/${t.tp})`,
  );
}

function seedsSection(): Record<string, number> {
  console.log('\n-- seeds (fixtures/gold) --');
  if (!existsSync(GOLD)) {
    console.log('no fixtures/gold: skipped');
    return {};
  }
  const files = readdirSync(GOLD).filter((f) => /^\d{3}_.*\.jsonl$/.test(f)).sort();
  const clean = newTally();
  const ocr = newTally();
  const errors: string[] = [];
  for (const f of files) {
    const seedFile = f.replace(/\.jsonl$/, '.txt');
    const path = join(SEEDS, seedFile);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const gold = readJsonl<GoldRef>(join(GOLD, f));
    const isOcr = seedFile.startsWith('003_');
    const found = extractReferences(text, { input: isOcr ? 'ocr' : 'clean' });
    const fileErrors: string[] = [];
    const t = scoreFile(gold, found, fileErrors);
    report(`${seedFile}${isOcr ? ' (OCR)' : ''}`, t);
    if (fileErrors.length) errors.push(`${seedFile}:`, ...fileErrors);
    add(isOcr ? ocr : clean, t);
  }
  report('overall, clean seeds', clean);
  const acc: Record<string, number> = {};
  const line = FIELDS.map((f) => {
    const [ok, all] = clean.fields[f];
    acc[f] = all ? ok / all : 1;
    return `${f} ${pct(acc[f])}`;
  }).join('  ');
  console.log(`field accuracy on matches (clean): ${line}`);
  if (ocr.tp + ocr.fn > 0) {
    const line2 = FIELDS.slice(0, 4)
      .map((f) => `${f} ${pct(ocr.fields[f][1] ? ocr.fields[f][0] / ocr.fields[f][1] : 1)}`)
      .join('  ');
    console.log(`field accuracy on matches (OCR 003, read as input 'ocr'): ${line2}`);
  }
  if (errors.length) {
    console.log('\ndifferences (miss = gold not found, fp = found not in gold, field = value differs on a match):');
    for (const e of errors) console.log(e);
  }
  const c = prf(clean);
  const o = prf(ocr);
  return {
    precision: c.p,
    recall: c.r,
    f1: c.f1,
    dateAccuracy: acc.date,
    issuerAccuracy: acc.issuer,
    docTypeAccuracy: acc.docType,
    relationAccuracy: acc.relation,
    exactSpans: clean.tp ? clean.exactSpan / clean.tp : 1,
    ocrF1: o.f1,
  };
}

interface GoldHeader {
  file: string;
  [k: string]: unknown;
}

function headersSection(): Record<string, number> {
  console.log('\n-- headers (fixtures/gold/headers.jsonl) --');
  const path = join(GOLD, 'headers.jsonl');
  if (!existsSync(path)) {
    console.log('no headers.jsonl: skipped');
    return {};
  }
  const keys = ['id', 'number', 'symbol', 'typeCode', 'issuerCode', 'issuer', 'place', 'date', 'start', 'end'] as const;
  let ok = 0;
  let all = 0;
  for (const g of readJsonl<GoldHeader>(path)) {
    const seed = join(SEEDS, g.file);
    if (!existsSync(seed)) continue;
    const h = extractDocumentHeader(readFileSync(seed, 'utf8'));
    const diffs: string[] = [];
    for (const k of keys) {
      all++;
      const v = h ? h[k] : null;
      if (v === g[k]) ok++;
      else diffs.push(`${k}: gold ${JSON.stringify(g[k])} found ${JSON.stringify(v)}`);
    }
    console.log(`${g.file.padEnd(36)} ${diffs.length ? diffs.join('; ') : 'all fields match'}`);
  }
  console.log(`header fields correct: ${ok}/${all} (${pct(all ? ok / all : 1)}%)`);
  return { headerFieldAccuracy: all ? ok / all : 1 };
}

interface LabelStudio {
  data: { value: string };
  annotations: { result: { value: { start: number; end: number; text: string; labels: string[] } }[] }[];
}

/** A number and symbol inside a corpus span ("Nghị định số 108/2008/NĐ-CP ngày ..."). */
const HAS_SYMBOL = /\d{1,5}\s*[-/]\s*(?:\d{4}\s*\/\s*)?[A-ZĐ][A-Za-zĐđ]*/u;

/** "... ngày 28 tháng 6 năm 2010" / "... ngày 25/6/2007" at the end of a corpus span: ISO, or undefined. */
function spanDate(span: string): string | undefined {
  const m = /ngày\s+(\d{1,2})\s*(?:tháng\s+(\d{1,2})\s+năm\s+|[/.-](\d{1,2})[/.-])(\d{4})\s*$/u.exec(span);
  if (!m) return undefined;
  const d = Number(m[1]);
  const mo = Number(m[2] ?? m[3]);
  const y = Number(m[4]);
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function corpusSection(): Record<string, number> {
  console.log('\n-- legal corpus (VNLegalText-derived spans, /work/shared/corpus/refs) --');
  if (!existsSync(CORPUS_REFS)) {
    console.log('corpus not present: skipped');
    return {};
  }
  const files = readdirSync(CORPUS_REFS).filter((f) => f.endsWith('.jsonl'));
  let spans = 0;
  let hit = 0;
  let found = 0;
  let inside = 0;
  let outsideTyped = 0;
  let chars = 0;
  const misses: string[] = [];
  const outside: string[] = [];
  let dated = 0;
  let dateOk = 0;
  let sameStart = 0;
  const startErrors: string[] = [];
  const dateErrors: string[] = [];
  for (const f of files) {
    for (const line of readFileSync(join(CORPUS_REFS, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as LabelStudio;
      // Word-segmented: "_" joins syllables; one character for one, offsets stay valid.
      const text = rec.data.value.replace(/_/g, ' ');
      chars += text.length;
      const gold = rec.annotations.flatMap((a) => a.result.map((r) => r.value)).filter((v) => HAS_SYMBOL.test(v.text.replace(/_/g, ' ')));
      const refs = extractReferences(text, { input: 'clean' });
      found += refs.length;
      for (const g of gold) {
        spans++;
        const r0 = refs.find((r) => overlaps(r, g));
        if (r0) {
          hit++;
          // Where the span starts: at the type name (or its title), as the corpus marks it.
          if (r0.start === g.start) sameStart++;
          else if (startErrors.length < 10) startErrors.push(`  start gold "${short(text.slice(g.start, g.end))}" found "${short(r0.text)}"`);
          // The span's own issue date (when it holds one), read by a plain pattern independent of the extractor.
          const want = spanDate(text.slice(g.start, g.end));
          if (want !== undefined) {
            dated++;
            if (r0.date === want) dateOk++;
            else if (dateErrors.length < 10) dateErrors.push(`  date  gold ${want} found ${r0.date}: "${short(text.slice(g.start, g.end + 10))}"`);
          }
        } else if (misses.length < 15) misses.push(`  miss  "${short(text.slice(Math.max(0, g.start - 20), g.end + 10))}"`);
      }
      const all = rec.annotations.flatMap((a) => a.result.map((r) => r.value));
      for (const r of refs) {
        if (all.some((g) => overlaps(r, g))) inside++;
        else {
          if (/^(?:\S+\s+){0,3}s[ốo]\s/iu.test(r.text) || r.text !== text.slice(r.start, r.end)) outsideTyped++;
          if (outside.length < 15) outside.push(`  outside  "${short(text.slice(Math.max(0, r.start - 25), r.end + 10))}"`);
        }
      }
    }
  }
  const recall = spans ? hit / spans : 1;
  console.log(`${(chars / 1e6).toFixed(2)}M chars; spans with a number and symbol: ${spans}; found overlapping: ${hit} (recall ${pct(recall)}%)`);
  console.log(
    `references found: ${found}; inside a corpus span: ${inside} (${pct(found ? inside / found : 1)}%); outside every span: ${found - inside}` +
      ` (of which "<Type> số N" form, likely untagged mentions: ${outsideTyped})`,
  );
  console.log(`issue dates inside matched spans: ${dated}; read the same: ${dateOk} (${pct(dated ? dateOk / dated : 1)}%)`);
  console.log(`matched spans starting where the corpus starts them (type name, title): ${sameStart}/${hit} (${pct(hit ? sameStart / hit : 1)}%)`);
  if (misses.length) console.log('first misses:\n' + misses.join('\n'));
  if (dateErrors.length) console.log('first date differences:\n' + dateErrors.join('\n'));
  if (startErrors.length) console.log('first start differences:\n' + startErrors.join('\n'));
  if (outside.length) console.log('first found outside every span:\n' + outside.join('\n'));
  return { corpusRecall: recall, corpusInsideShare: found ? inside / found : 1, corpusDateAccuracy: dated ? dateOk / dated : 1, corpusSameStart: hit ? sameStart / hit : 1 };
}

function corpusDir(): string | null {
  const candidates = [process.env.VNREF_CORPUS_DIR, join(root, '..', 'shared', 'corpus'), '/work/shared/corpus'];
  for (const c of candidates) if (c && existsSync(join(c, 'vi-admin.txt.xz'))) return c;
  return null;
}

interface HeldOutRef extends Omit<GoldRef, 'file' | 'text'> {}
interface HeldOutParagraph {
  line: number;
  sha256: string;
  strata: string[];
  refs: HeldOutRef[];
}

function fieldLine(t: Tally, fields: readonly Field[]): string {
  return fields.map((f) => `${f} ${pct(t.fields[f][1] ? t.fields[f][0] / t.fields[f][1] : 1)}`).join('  ');
}

function heldOutSection(): Record<string, number> {
  console.log('\n-- held-out gold (fixtures/gold-heldout: corpus paragraphs the rules were not written from) --');
  const dir = corpusDir();
  if (!existsSync(HELDOUT) || dir === null) {
    console.log(dir === null ? 'corpus (vi-admin.txt.xz, vi-legal.txt.xz) not present: skipped' : 'no fixtures/gold-heldout: skipped');
    return {};
  }
  // Files: <corpus>.jsonl (batch 1), <corpus>.<batch>.jsonl (later batches, annotated after the fixes batch 1 led to).
  const files = readdirSync(HELDOUT).filter((x) => x.endsWith('.jsonl')).sort();
  const batches = [...new Set(files.map((f) => f.split('.').slice(1, -1).join('.') || 'batch1'))].sort();
  const lines = new Map<string, string[] | null>();
  const corpusLines = (corpus: string): string[] | null => {
    if (!lines.has(corpus)) {
      const xz = join(dir, `${corpus}.txt.xz`);
      let got: string[] | null = null;
      if (!existsSync(xz)) console.log(`${corpus}: ${xz} not present: skipped`);
      else {
        try {
          got = execFileSync('xz', ['-dc', xz], { maxBuffer: 1 << 30 }).toString('utf8').split('\n');
        } catch (e) {
          console.log(`${corpus}: cannot decompress (${(e as Error).message.split('\n')[0]}): skipped`);
        }
      }
      lines.set(corpus, got);
    }
    return lines.get(corpus)!;
  };
  const out: Record<string, number> = {};
  const all = newTally();
  const errors: string[] = [];
  for (const batch of batches) {
    const bt = newTally();
    for (const f of files.filter((x) => (x.split('.').slice(1, -1).join('.') || 'batch1') === batch)) {
      const corpus = f.split('.')[0];
      const text0 = corpusLines(corpus);
      if (!text0) continue;
      const t = newTally();
      let paragraphs = 0;
      let changed = 0;
      for (const p of readJsonl<HeldOutParagraph>(join(HELDOUT, f))) {
        const text = text0[p.line - 1] ?? '';
        if (createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16) !== p.sha256) {
          changed++;
          continue;
        }
        paragraphs++;
        const gold: GoldRef[] = p.refs.map((r) => ({ ...r, file: corpus, text: text.slice(r.start, r.end) }));
        const found = extractReferences(text);
        const fileErrors: string[] = [];
        add(t, scoreFile(gold, found, fileErrors));
        if (fileErrors.length) errors.push(`${batch} ${corpus}:${p.line}:`, ...fileErrors);
      }
      report(`${batch} ${corpus} (${paragraphs} paragraphs)`, t);
      if (changed) console.log(`  ${changed} paragraphs skipped: the corpus line differs from the one annotated`);
      add(bt, t);
    }
    report(`${batch}, both corpora`, bt);
    console.log(`field accuracy on matches (${batch}): ${fieldLine(bt, FIELDS.slice(0, 4))}`);
    const b = prf(bt);
    const acc = (f: Field) => (bt.fields[f][1] ? bt.fields[f][0] / bt.fields[f][1] : 1);
    const key = batch === 'batch1' ? 'heldout' : `heldout_${batch}`;
    Object.assign(out, {
      [`${key}Precision`]: b.p,
      [`${key}Recall`]: b.r,
      [`${key}F1`]: b.f1,
      [`${key}DateAccuracy`]: acc('date'),
      [`${key}IssuerAccuracy`]: acc('issuer'),
      [`${key}DocTypeAccuracy`]: acc('docType'),
      [`${key}RelationAccuracy`]: acc('relation'),
    });
    add(all, bt);
  }
  if (batches.length > 1) {
    report('all held-out batches', all);
    console.log(`field accuracy on matches (all): ${fieldLine(all, FIELDS)}`);
  }
  if (errors.length) {
    console.log('\ndifferences (miss = gold not found, fp = found not in gold, field = value differs on a match):');
    for (const e of errors) console.log(e);
  }
  return out;
}

export default async function evalExtract(): Promise<Record<string, number>> {
  return { ...seedsSection(), ...headersSection(), ...heldOutSection(), ...corpusSection() };
}
