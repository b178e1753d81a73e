/** What a CLI command reads and writes, so commands can run in tests without a process. */
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

/** A mistake in how the command was called: exit code 2 with a one-line hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;
type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>;

/**
 * A command's arguments parsed by node:util's parseArgs (strict, positionals
 * allowed); a mistake is a UsageError with the first sentence of its message.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError((err as Error).message.split(/\.\s|\n/)[0]);
  }
}

export interface Command {
  name: string;
  /** One line for `vnref --help`. */
  summary: string;
  /** Full usage text for `vnref <command> --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 some input failed, 2 usage error). */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Writes a string and waits until the stream accepted it (back-pressure). */
export function write(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(chunk, (err) => (err ? reject(err) : undefined))) resolve();
    else stream.once('drain', resolve);
  });
}
