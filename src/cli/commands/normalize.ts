/**
 * `vnref normalize [FILE...]`: each file read as bytes, its encoding detected
 * (or forced), printed as clean NFC UTF-8; `--detect` prints only the
 * encodings.
 */
import { readFile } from 'node:fs/promises';
import { EncodingOptionSchema, type EncodingOption } from '../../schema.js';
import { normalizeText } from '../../text/normalize.js';
import { parseCommandArgs, UsageError, write, type CliIO, type Command } from '../io.js';

const ENCODINGS = EncodingOptionSchema.options.join('|');

const USAGE = `usage: vnref normalize [options] [FILE...]

Reads each FILE as bytes (standard input when no FILE is given, or for "-"),
reads or repairs its encoding (UTF-8, UTF-16, TCVN3, VNI, VISCII,
Windows-1258, VIQR, UTF-8 mojibake) and prints it as NFC UTF-8: Đ look-alikes
fixed, tone marks of oa/oe/uy placed in one style, dashes, quotes, spaces
and invisible characters unified. Files are printed one after the other.

options:
  --encoding ${ENCODINGS}
                      read the files as this encoding (default auto: detect)
  --tone-style new|old|keep
                      new (default): hòa, thủy; old: hoà, thuỷ; keep: as written
  --detect            print only the encoding of each file: FILE<tab>ENCODING
  -h, --help          this help

exit status: 0 all files read, 1 some file could not be read (named on
stderr; the others are still processed), 2 usage error.
`;

async function readStdin(io: CliIO): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const normalizeCommand: Command = {
  name: 'normalize',
  summary: 'print text as clean NFC UTF-8, legacy encodings (TCVN3, VNI, VIQR…) repaired',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      encoding: { type: 'string', default: 'auto' },
      'tone-style': { type: 'string', default: 'new' },
      detect: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    });
    const { values, positionals } = parsed;
    const enc = EncodingOptionSchema.safeParse(values.encoding);
    if (!enc.success) throw new UsageError(`--encoding must be one of ${ENCODINGS.replaceAll('|', ', ')}, not "${values.encoding}"`);
    const toneStyle = values['tone-style'];
    if (toneStyle !== 'new' && toneStyle !== 'old' && toneStyle !== 'keep') throw new UsageError(`--tone-style must be new, old or keep, not "${toneStyle}"`);
    const encoding: EncodingOption = enc.data;
    const files = positionals.length ? positionals : ['-'];
    let failed = false;
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = file === '-' ? await readStdin(io) : await readFile(file);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        io.stderr.write(`vnref normalize: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}\n`);
        failed = true;
        continue;
      }
      const r = normalizeText(bytes, { encoding, toneStyle });
      await write(io.stdout, values.detect ? `${file}\t${r.encoding}\n` : r.text);
    }
    return failed ? 1 : 0;
  },
};
