/**
 * A synthetic archive for the bulk benchmark, built from the seed reports
 * (fixtures/seeds): every document is a seed's header followed by paragraphs
 * drawn from all seeds and shuffled, with the numbers of the cited documents,
 * their dates and years varied, in one of three forms:
 *
 * - clean: the text as drawn;
 * - stripped: diacritics removed (`foldDiacritics`), as old e-mail and databases hold it;
 * - ocr: a simple character-noise channel (letters lose their diacritics,
 *   look-alikes swap: o/0, l/1/I, rn/m, e/c, S/5; characters drop or double;
 *   lines break in new places). This is NOT the real OCR channel (which is
 *   not available to the bench); it only makes text of the same roughness.
 *
 * Deterministic for a given seed. Written as JSONL (`{"id","text"}` lines) or
 * as a directory tree of .txt files. Never committed: the bench writes it to a
 * temporary directory and deletes it.
 */
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldDiacritics } from '../../src/text/fold.js';
import { prng } from '../../tools/prng.js';

export type Variant = 'clean' | 'stripped' | 'ocr';

export interface ArchiveSpec {
  /** Stop once this many bytes of text are written. */
  bytes: number;
  /** Share of each variant (normalized). */
  mix?: Partial<Record<Variant, number>>;
  /** PRNG seed. */
  seed?: number;
  /** Mean document size in bytes (sizes are log-normal around it, 1 KB..200 KB). */
  meanDocBytes?: number;
}

export interface ArchiveInfo {
  path: string;
  documents: number;
  bytes: number;
  variants: Record<Variant, number>;
}

const SEED_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

interface Seed {
  header: string;
  paragraphs: string[];
}

function loadSeeds(): Seed[] {
  // 003 is real OCR output: it stays out, the ocr variant makes its own noise.
  const files = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt') && !f.startsWith('003'));
  return files.map((f) => {
    const lines = readFileSync(join(SEED_DIR, f), 'utf8').split('\n');
    const header = lines.slice(0, 12).join('\n');
    const paragraphs: string[] = [];
    let current: string[] = [];
    for (const line of lines.slice(12)) {
      current.push(line);
      // A paragraph ends at a blank line or a line ending a sentence; keep them short enough to mix.
      if (line.trim() === '' || /[.;:]\s*$/.test(line) || current.length >= 6) {
        const p = current.join('\n').trim();
        if (p) paragraphs.push(p);
        current = [];
      }
    }
    if (current.length) paragraphs.push(current.join('\n').trim());
    return { header, paragraphs };
  });
}

/** Makes documents one at a time. */
export class DocumentMaker {
  private readonly seeds = loadSeeds();
  private readonly all: string[];
  private readonly rand: () => number;
  private readonly mix: Array<[Variant, number]>;
  private readonly mean: number;

  constructor(spec: Pick<ArchiveSpec, 'mix' | 'seed' | 'meanDocBytes'> = {}) {
    this.rand = prng(spec.seed ?? 20250927);
    this.all = this.seeds.flatMap((s) => s.paragraphs);
    const mix = { clean: 1, stripped: 0, ocr: 0, ...spec.mix };
    const total = mix.clean + mix.stripped + mix.ocr;
    let acc = 0;
    this.mix = (['clean', 'stripped', 'ocr'] as Variant[]).map((v) => [v, (acc += mix[v] / total)]);
    this.mean = spec.meanDocBytes ?? 24_000;
  }

  /** The next document: its text and variant. */
  next(): { text: string; variant: Variant } {
    const r = this.rand;
    const seed = this.seeds[Math.floor(r() * this.seeds.length)];
    // Log-normal size around the mean (sigma 0.8), clipped.
    const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const target = Math.min(200_000, Math.max(1000, this.mean * Math.exp(0.8 * z - 0.32)));
    const parts = [this.vary(seed.header)];
    let size = seed.header.length * 1.3;
    while (size < target) {
      const p = this.vary(this.all[Math.floor(r() * this.all.length)]);
      parts.push(p);
      size += p.length * 1.3; // about 1.3 UTF-8 bytes per character in Vietnamese
    }
    const text = parts.join('\n\n');
    const u = r();
    const variant = this.mix.find(([, upTo]) => u < upTo)?.[0] ?? 'clean';
    if (variant === 'stripped') return { text: foldDiacritics(text), variant };
    if (variant === 'ocr') return { text: this.noise(text), variant };
    return { text, variant };
  }

  /** New numbers for cited documents, new dates and years. */
  private vary(p: string): string {
    const r = this.rand;
    return p
      .replace(/\b(\d{1,4})(?=\s?[-/]\s?(?:\d{4}\/)?[A-ZĐ])/g, () => String(1 + Math.floor(r() * 2000)))
      .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, () => `${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/${2015 + Math.floor(r() * 11)}`)
      .replace(/\bnăm (\d{4})\b/g, () => `năm ${2015 + Math.floor(r() * 11)}`);
  }

  private noise(text: string): string {
    const r = this.rand;
    const swaps: Record<string, string[]> = {
      o: ['0'], O: ['0'], l: ['1', 'I'], I: ['l', '1'], e: ['c'], c: ['e'], S: ['5'], '5': ['S'], '0': ['o'], '1': ['l'], h: ['b'], n: ['ri'],
    };
    let out = '';
    for (let i = 0; i < text.length; i++) {
      let ch = text[i];
      const u = r();
      if (u < 0.35) ch = foldDiacritics(ch); // diacritics mostly lost
      const v = r();
      if (v < 0.01 && swaps[ch]) ch = swaps[ch][Math.floor(r() * swaps[ch].length)];
      else if (v < 0.013) ch = ''; // dropped
      else if (v < 0.015) ch += ch; // doubled
      else if (v < 0.017 && ch === ' ') ch = '\n'; // new line break
      else if (v < 0.019 && ch === 'm') ch = 'rn';
      out += ch;
    }
    return out;
  }
}

/** Writes a JSONL archive of at least `spec.bytes` bytes of text to `path`. */
export async function writeJsonlArchive(path: string, spec: ArchiveSpec): Promise<ArchiveInfo> {
  mkdirSync(dirname(path), { recursive: true });
  const maker = new DocumentMaker(spec);
  const out = createWriteStream(path);
  const info: ArchiveInfo = { path, documents: 0, bytes: 0, variants: { clean: 0, stripped: 0, ocr: 0 } };
  let chunk = '';
  while (info.bytes < spec.bytes) {
    const { text, variant } = maker.next();
    info.documents++;
    info.variants[variant]++;
    const line = `${JSON.stringify({ id: `doc-${String(info.documents).padStart(7, '0')}`, text })}\n`;
    info.bytes += Buffer.byteLength(line);
    chunk += line;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return info;
}

/** Writes a directory tree of .txt files (100 per folder) of at least `spec.bytes` bytes. */
export function writeDirectoryArchive(dir: string, spec: ArchiveSpec): ArchiveInfo {
  const maker = new DocumentMaker(spec);
  const info: ArchiveInfo = { path: dir, documents: 0, bytes: 0, variants: { clean: 0, stripped: 0, ocr: 0 } };
  while (info.bytes < spec.bytes) {
    const { text, variant } = maker.next();
    const n = info.documents++;
    info.variants[variant]++;
    const sub = join(dir, `box-${String(Math.floor(n / 100)).padStart(4, '0')}`);
    if (n % 100 === 0) mkdirSync(sub, { recursive: true });
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(join(sub, `doc-${String(n).padStart(7, '0')}.txt`), bytes);
    info.bytes += bytes.length;
  }
  return info;
}

// `tsx bench/archive/generate.ts OUT.jsonl MB [clean,stripped,ocr]`: writes an archive for manual runs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out, mb = '200', mixArg = '1,0,0'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: tsx bench/archive/generate.ts OUT(.jsonl|/) MB [clean,stripped,ocr]');
    process.exit(2);
  }
  const [clean, stripped, ocr] = mixArg.split(',').map(Number);
  const spec = { bytes: Number(mb) * 1e6, mix: { clean, stripped, ocr } };
  const info = out.endsWith('.jsonl') ? await writeJsonlArchive(out, spec) : writeDirectoryArchive(out, spec);
  console.log(JSON.stringify(info));
}
