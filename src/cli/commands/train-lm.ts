/** `vnref train-lm`: builds a tone-restoration language model from plain-text (or .xz) corpora. */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { LmTrainer } from '../../restore/train.js';
import { UsageError, write, type CliIO, type Command } from '../io.js';

const usage = `usage: vnref train-lm --corpus FILE... --out FILE [options]

Builds a syllable trigram model (modified Kneser-Ney, pruned, 8-bit
quantized) for tone restoration, from Vietnamese text with diacritics.

  --corpus FILE       a corpus: one paragraph per line, plain text or .xz
                      (repeat for several)
  --doc FILE          a whole document (hard-wrapped lines are joined; line
                      breaks are not tokens), added --doc-weight times
  --doc-weight N      how many times each --doc counts (default 1)
  --out FILE          where to write the model
  --holdout-every N   skip every corpus line whose 1-based number is divisible
                      by N (default 20: the evaluation slice; 0 keeps all)
  --order N           n-gram order, 3 or 4 (default 4)
  --min-bigram N      drop bigrams seen fewer than N times (default 2)
  --min-trigram N     drop trigrams seen fewer than N times (default 2)
  --min-fourgram N    drop 4-grams seen fewer than N times (default 2)
  --prune-delta X     also drop n-grams whose backoff estimate is within X
                      (log10) below their own probability (default 0: off)
  --min-foreign N     words that are not Vietnamese syllables join the
                      vocabulary from N occurrences (default 5)
  --quiet             no progress on stderr
`;

/** Lines of a file; .xz is decompressed by the xz tool. */
export async function* readLines(file: string): AsyncGenerator<string> {
  let input: Readable;
  let child: ReturnType<typeof spawn> | null = null;
  if (file.endsWith('.xz')) {
    child = spawn('xz', ['-dc', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    input = child.stdout!;
  } else {
    input = createReadStream(file);
  }
  const done = child
    ? new Promise<void>((resolve, reject) => {
        let err = '';
        child!.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        child!.on('error', (e) => reject(new Error(`${file}: cannot run xz (${e.message})`)));
        child!.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${file}: xz failed: ${err.trim() || `exit ${code}`}`))));
      })
    : Promise.resolve();
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) yield line;
  await done;
}

function positiveInt(value: string | undefined, name: string, dflt: number, allowZero = false): number {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new UsageError(`--${name} must be an integer ≥ ${allowZero ? 0 : 1}, got "${value}"`);
  return n;
}

export const trainLmCommand: Command = {
  name: 'train-lm',
  summary: 'build a tone-restoration language model from a corpus',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          corpus: { type: 'string', multiple: true },
          doc: { type: 'string', multiple: true },
          'doc-weight': { type: 'string' },
          out: { type: 'string' },
          'holdout-every': { type: 'string' },
          'min-bigram': { type: 'string' },
          'min-trigram': { type: 'string' },
          'min-fourgram': { type: 'string' },
          order: { type: 'string' },
          'prune-delta': { type: 'string' },
          'min-foreign': { type: 'string' },
          quiet: { type: 'boolean' },
        },
        allowPositionals: false,
      }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const corpora = values.corpus ?? [];
    const docs = values.doc ?? [];
    if (corpora.length === 0 && docs.length === 0) throw new UsageError('give at least one --corpus or --doc');
    if (!values.out) throw new UsageError('--out FILE is required');
    const holdout = positiveInt(values['holdout-every'], 'holdout-every', 20, true);
    const docWeight = positiveInt(values['doc-weight'], 'doc-weight', 1);
    const order = positiveInt(values.order, 'order', 4);
    if (order !== 3 && order !== 4) throw new UsageError(`--order must be 3 or 4, got "${values.order}"`);
    const pruneDelta = values['prune-delta'] === undefined ? 0 : Number(values['prune-delta']);
    if (!(pruneDelta >= 0 && pruneDelta < 10)) throw new UsageError(`--prune-delta must be a number from 0 to 10, got "${values['prune-delta']}"`);
    const opts = {
      pruneDelta,
      order: order as 3 | 4,
      minFourgramCount: positiveInt(values['min-fourgram'], 'min-fourgram', 2),
      minBigramCount: positiveInt(values['min-bigram'], 'min-bigram', 2),
      minTrigramCount: positiveInt(values['min-trigram'], 'min-trigram', 2),
      minForeignCount: positiveInt(values['min-foreign'], 'min-foreign', 5),
    };
    const say = (s: string) => (values.quiet ? Promise.resolve() : write(io.stderr, s + '\n'));
    const t0 = Date.now();
    const trainer = new LmTrainer();
    const sources: Record<string, unknown>[] = [];
    try {
      for (const file of corpora) {
        let lineNo = 0;
        let used = 0;
        for await (const line of readLines(file)) {
          lineNo++;
          if (holdout > 0 && lineNo % holdout === 0) continue;
          trainer.addText(line);
          used++;
        }
        sources.push({ file: file.split(/[\\/]/).pop(), lines: lineNo, used, heldOutEvery: holdout });
        await say(`${file}: ${used} of ${lineNo} lines (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
      for (const file of docs) {
        trainer.addText(await readFile(file, 'utf8'), docWeight);
        sources.push({ file: file.split(/[\\/]/).pop(), weight: docWeight });
      }
    } catch (e) {
      await write(io.stderr, `vnref train-lm: ${(e as Error).message}\n`);
      return 1;
    }
    const { bytes, stats } = trainer.build({ ...opts, meta: { sources, trainedAt: new Date().toISOString().slice(0, 10) } });
    await writeFile(values.out, bytes);
    await say(
      `${values.out}: ${(bytes.length / 1e6).toFixed(2)} MB; order ${stats.order}, vocabulary ${stats.vocabulary}, ` +
        stats.kept.map((k, i) => `${i + 2}-grams ${k} of ${stats.seen[i]}`).join(', ') +
        '; ' +
        `${stats.tokens} tokens in ${stats.paragraphs} paragraphs; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    return 0;
  },
};
