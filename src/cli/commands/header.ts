/** `vnref header [FILE...]`: each file's own header (number, issuer block, place, date) as one JSON object. */
import { extractDocumentHeader } from '../../refs/header.js';
import { parseCommandArgs, UsageError, write, type Command } from '../io.js';
import { parseFormat, readInputs } from './text-inputs.js';

const USAGE = `usage: vnref header [options] [FILE...]

Prints the document's own header of each FILE (standard input when no FILE
is given, or for "-") as one JSON object: file, id, number, symbol, typeCode,
issuerCode, issuer, place, date, start, end. A draft's blank number gives
"id": null and "number": null; fields a text does not have are null (all of
them for a text with no header).

options:
  --format json|jsonl|table   jsonl (default): one object per line; json: one
                              array; table: aligned columns
  -h, --help                  this help

exit status: 0 all files read, 1 some file could not be read, 2 usage error.
`;

const KEYS = ['id', 'number', 'symbol', 'typeCode', 'issuerCode', 'issuer', 'place', 'date', 'start', 'end'] as const;

export const headerCommand: Command = {
  name: 'header',
  summary: "print a document's own header: number, issuer, place, date",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'jsonl' }, help: { type: 'boolean', short: 'h' } });
    const format = parseFormat(parsed.values.format);
    const rows: Record<string, unknown>[] = [];
    const failed = await readInputs(parsed.positionals, io, async (file, text) => {
      const h = extractDocumentHeader(text);
      const row: Record<string, unknown> = { file };
      for (const k of KEYS) row[k] = h ? h[k] : null;
      if (format === 'jsonl') await write(io.stdout, JSON.stringify(row) + '\n');
      else rows.push(row);
    });
    if (format === 'json') await write(io.stdout, JSON.stringify(rows, null, 2) + '\n');
    else if (format === 'table') {
      const cols = ['file', 'id', 'issuer', 'place', 'date'];
      const cells = rows.map((r) => cols.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
      const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((x) => x[i].length)));
      const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
      await write(io.stdout, [line(cols), ...cells.map(line)].join('\n') + '\n');
    }
    return failed ? 1 : 0;
  },
};
