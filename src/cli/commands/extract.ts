/**
 * `vnref extract [FILE...]`: the documents each file cites, one JSON object
 * per reference (JSONL) with the Reference fields plus `file`.
 */
import { parseArgs } from 'node:util';
import { extractReferences } from '../../refs/extract.js';
import { InputKindSchema, type InputKind, type Reference } from '../../schema.js';
import { UsageError, write, type CliIO, type Command } from '../io.js';
import { parseFormat, readInputs, type Format } from './text-inputs.js';

const USAGE = `usage: vnref extract [options] [FILE...]

Finds the documents cited in each FILE (UTF-8 text; standard input when no
FILE is given, or for "-") and prints one JSON object per reference with its
fields (id, docType, typeCode, number, symbol, year, issuerCode, issuer, date,
family, relation, start, end, text, confidence) and the file it came from.

options:
  --format json|jsonl|table   jsonl (default): one object per line; json: one
                              array; table: aligned columns for reading
  --input auto|clean|stripped|ocr
                              what kind of text the files hold (default auto)
  --min-confidence N          leave out references below N (0..1)
  -h, --help                  this help

exit status: 0 all files read, 1 some file could not be read (named on
stderr; the others are still processed), 2 usage error.
`;

interface Row extends Reference {
  file: string;
}

function table(rows: Row[]): string {
  const head = ['file', 'span', 'id', 'docType', 'date', 'issuer', 'relation', 'conf'];
  const cells = rows.map((r) => [
    r.file,
    `${r.start}-${r.end}`,
    r.id,
    r.docType ?? '',
    r.date ?? '',
    r.issuer ?? '',
    r.relation,
    r.confidence.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (c: string[]) =>
    c
      .map((v, i) => (v.length > widths[i] ? v.slice(0, widths[i] - 1) + '…' : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)].join('\n') + '\n';
}

async function emit(io: CliIO, format: Format, rows: Row[]): Promise<void> {
  if (format === 'jsonl') {
    // Written as they come, file by file; see run().
    for (const r of rows) await write(io.stdout, JSON.stringify(r) + '\n');
  } else if (format === 'json') {
    await write(io.stdout, JSON.stringify(rows, null, 2) + '\n');
  } else {
    await write(io.stdout, table(rows));
  }
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'list the documents a text cites (JSONL, JSON or a table)',
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          format: { type: 'string', default: 'jsonl' },
          input: { type: 'string', default: 'auto' },
          'min-confidence': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (err) {
      throw new UsageError((err as Error).message.split(/\.\s|\n/)[0]);
    }
    const { values, positionals } = parsed;
    const format = parseFormat(values.format);
    const kind = InputKindSchema.safeParse(values.input);
    if (!kind.success) throw new UsageError(`--input must be auto, clean, stripped or ocr, not "${values.input}"`);
    let minConfidence = 0;
    if (values['min-confidence'] !== undefined) {
      minConfidence = Number(values['min-confidence']);
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence must be a number from 0 to 1, not "${values['min-confidence']}"`);
    }
    const input: InputKind = kind.data;
    const all: Row[] = [];
    const failed = await readInputs(positionals, io, async (file, text) => {
      const rows = extractReferences(text, { input, minConfidence }).map((r) => ({ file, ...r }));
      if (format === 'jsonl') await emit(io, format, rows);
      else all.push(...rows);
    });
    if (format !== 'jsonl') await emit(io, format, all);
    return failed ? 1 : 0;
  },
};
