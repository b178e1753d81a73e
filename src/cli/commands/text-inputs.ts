/**
 * Reading the files a command is given (standard input when none), shared by
 * extract and header. Each file (and standard input) is read as bytes and
 * decoded as the bulk path decodes a file (node/archive/read-item.ts): UTF-8,
 * UTF-16 with a BOM, or TCVN3, VNI, VISCII, Windows-1258 through the
 * normalizer, so a legacy-encoded report works as it is; binary files and
 * bytes in no encoding we read are refused with the reason. Reference spans
 * then index the decoded text.
 */
import { readFileBytes, readSourceItem } from '../../node/archive/read-item.js';
import { readDocument } from '../../node/archive/sources.js';
import { UsageError, type CliIO } from '../io.js';

export type Format = 'json' | 'jsonl' | 'table';

/** Files larger than this are refused (as the bulk path's default `maxDocumentBytes`). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function parseFormat(value: string | undefined): Format {
  const f = value ?? 'jsonl';
  if (f !== 'json' && f !== 'jsonl' && f !== 'table') throw new UsageError(`--format must be json, jsonl or table, not "${f}"`);
  return f;
}

async function readStdin(io: CliIO): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Calls `each` with every file's text in order ("-" or no file at all:
 * standard input, named "-"). A file that cannot be read or decoded is named
 * on stderr with the reason and skipped; returns whether any failed.
 */
export async function readInputs(files: string[], io: CliIO, each: (file: string, text: string) => Promise<void>): Promise<boolean> {
  const list = files.length ? files : ['-'];
  let failed = false;
  for (const file of list) {
    const doc = file === '-' ? readFileBytes('-', '-', await readStdin(io)) : readSourceItem(await readDocument(file, MAX_FILE_BYTES));
    if (doc.error) {
      io.stderr.write(`vnref: cannot read ${file}: ${doc.reason}\n`);
      failed = true;
      continue;
    }
    await each(file, doc.text);
  }
  return failed;
}
