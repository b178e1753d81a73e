/**
 * `vnref extract [FILE...]`: the documents each file cites, one JSON object
 * per reference (JSONL) with the Reference fields plus `file`.
 */
import { extractReferences } from '../../refs/extract.js';
import { InputKindSchema, type InputKind, type Reference } from '../../schema.js';
import { parseCommandArgs, UsageError, write, type CliIO, type Command } from '../io.js';
import { parseFormat, readInputs, type Format } from './text-inputs.js';
// Bulk path (issue 8): directories, JSONL archives, --jobs, --resume; see src/cli/bulk.ts.
import { BULK_USAGE, isBulkInput, parseBulkFlags, runBulkExtract } from '../bulk.js';

const USAGE = `usage: vnref extract [options] [FILE...]

Finds the documents cited in each FILE (UTF-8, UTF-16 with a BOM, or the
legacy TCVN3, VNI, VISCII and Windows-1258 encodings; standard input when no
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

A directory (its .txt and .md files, recursively) or a JSONL archive
(.jsonl/.ndjson, optionally .gz; one {"id","text"} per line) goes through
the worker pool: records then start with "doc" (the document id) and "file",
failed documents are reported on stderr and in a summary line, and
  --format docs               one record per document: {"doc","file",
                              "header","references"} (jsonl or docs only)
  --text                      with --format docs: add the text, tones
                              restored when it was stripped

${BULK_USAGE}
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
  async run(rawArgs, io) {
    // Bulk flags are taken out first (bulk.ts); the rest is parsed as before.
    const bulk = parseBulkFlags(rawArgs);
    const args = bulk.rest;
    const parsed = parseCommandArgs(args, {
      format: { type: 'string', default: 'jsonl' },
      input: { type: 'string', default: 'auto' },
      'min-confidence': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    const { values, positionals } = parsed;
    const docs = values.format === 'docs';
    const format = parseFormat(docs ? 'jsonl' : values.format);
    const kind = InputKindSchema.safeParse(values.input);
    if (!kind.success) throw new UsageError(`--input must be auto, clean, stripped or ocr, not "${values.input}"`);
    let minConfidence = 0;
    if (values['min-confidence'] !== undefined) {
      minConfidence = Number(values['min-confidence']);
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence must be a number from 0 to 1, not "${values['min-confidence']}"`);
    }
    const input: InputKind = kind.data;
    if (docs || bulk.flags.text || isBulkInput(positionals, bulk.flags)) {
      if (format !== 'jsonl') throw new UsageError(`--format ${format} is for single files; directories and archives write jsonl or docs`);
      if (bulk.flags.text && !docs) throw new UsageError('--text goes with --format docs');
      const extract = { format: docs ? ('docs' as const) : ('jsonl' as const), input, text: bulk.flags.text, minConfidence };
      return runBulkExtract(positionals, bulk.flags, extract, io);
    }
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
