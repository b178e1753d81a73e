/** Reading the files a command is given (standard input when none), shared by extract and header. */
import { readFile } from 'node:fs/promises';
import { UsageError, type CliIO } from '../io.js';

export type Format = 'json' | 'jsonl' | 'table';

export function parseFormat(value: string | undefined): Format {
  const f = value ?? 'jsonl';
  if (f !== 'json' && f !== 'jsonl' && f !== 'table') throw new UsageError(`--format must be json, jsonl or table, not "${f}"`);
  return f;
}

async function readStdin(io: CliIO): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Calls `each` with every file's text in order ("-" or no file at all:
 * standard input, named "-"). A file that cannot be read is named on stderr
 * and skipped; returns whether any failed.
 */
export async function readInputs(files: string[], io: CliIO, each: (file: string, text: string) => Promise<void>): Promise<boolean> {
  const list = files.length ? files : ['-'];
  let failed = false;
  for (const file of list) {
    let text: string;
    try {
      text = file === '-' ? await readStdin(io) : await readFile(file, 'utf8');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      io.stderr.write(`vnref: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}\n`);
      failed = true;
      continue;
    }
    await each(file, text);
  }
  return failed;
}
