/**
 * The bulk extract path as a process of its own, for the benchmark while
 * `vnref extract` has no bulk flags: `tsx bench/archive/extract-child.ts ARGS`
 * runs what `vnref extract ARGS` runs on directories and archives.
 */
import { parseBulkFlags, runBulkExtract } from '../../src/cli/bulk.js';

const { flags, rest } = parseBulkFlags(process.argv.slice(2));
const code = await runBulkExtract(rest, flags, { format: 'jsonl', input: 'auto', text: false }, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
