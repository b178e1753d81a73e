/** `vnref restore`: puts the diacritics back on diacritic-stripped Vietnamese text. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { restoreTones } from '../../restore/tones.js';
import { parseCommandArgs, UsageError, write, type CliIO, type Command } from '../io.js';
import type { ToneStyle } from '../../text/vietnamese.js';
import { loadDefaultModel, loadModelFile } from '../../node/model.js';

const usage = `usage: vnref restore [options] [FILE...]

Restores the tones of Vietnamese written without diacritics ("Nghi quyet so
52-NQ/TW cua Bo Chinh tri" → "Nghị quyết số 52-NQ/TW của Bộ Chính trị").
Words that already carry diacritics, numbers, document symbols and English
are left as written. Reads standard input when no FILE is given; prints the
restored text.

  --out-dir DIR       write each FILE's restored text to DIR/<same name>
                      instead of printing it
  --tone-style STYLE  new ("hòa, thủy", default) or old ("hoà, thuỷ")
  --model FILE        a model built by vnref train-lm (default: the shipped one)
  --ocr               the text is OCR output: correct misread letters too
                      ("s6" → "số", "ciia" → "của"); OCR-looking text is
                      detected and corrected without it
`;

async function readStdin(io: CliIO): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore the tones of diacritic-stripped Vietnamese text',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { 'out-dir': { type: 'string' }, 'tone-style': { type: 'string' }, model: { type: 'string' }, ocr: { type: 'boolean' } });
    const style = (values['tone-style'] ?? 'new') as ToneStyle;
    if (style !== 'new' && style !== 'old') throw new UsageError(`--tone-style must be new or old, got "${values['tone-style']}"`);
    const outDir = values['out-dir'];
    if (outDir && positionals.length === 0) throw new UsageError('--out-dir needs FILE arguments');
    let model;
    try {
      model = values.model ? await loadModelFile(values.model) : loadDefaultModel();
    } catch (e) {
      await write(io.stderr, `vnref restore: ${(e as Error).message}\n`);
      return 1;
    }
    if (positionals.length === 0) {
      const text = await readStdin(io);
      await write(io.stdout, restoreTones(text, { model, toneStyle: style, input: values.ocr ? 'ocr' : 'auto' }).text);
      return 0;
    }
    if (outDir) await mkdir(outDir, { recursive: true });
    let failed = 0;
    const seen = new Set<string>();
    for (const file of positionals) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        await write(io.stderr, `vnref restore: ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        failed++;
        continue;
      }
      const restored = restoreTones(text, { model, toneStyle: style, input: values.ocr ? 'ocr' : 'auto' }).text;
      if (outDir) {
        const name = basename(file);
        if (seen.has(name)) {
          await write(io.stderr, `vnref restore: ${file}: another input has the same name ${name}; skipped\n`);
          failed++;
          continue;
        }
        seen.add(name);
        await writeFile(join(outDir, name), restored);
      } else {
        await write(io.stdout, restored);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
