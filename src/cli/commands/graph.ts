/** `vnref graph`: the citation graph of a set of documents, or the merge of partial graphs. */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { CitationGraphBuilder, readGraphState, type CitationGraph } from '../../graph/build.js';
import { toNeo4jCsv } from '../../graph/export/csv.js';
import { toDot } from '../../graph/export/dot.js';
import { toGraphML } from '../../graph/export/graphml.js';
import { graphologyJSONChunks } from '../../graph/export/json.js';
import { readFileBytes } from '../../node/archive/read-item.js';
import { readSources, type SourceProblem } from '../../node/sources.js';
import { parseCommandArgs, UsageError, write, type CliIO, type Command } from '../io.js';
// Bulk path (issue 8): --jobs and the other bulk flags; see src/cli/bulk.ts.
import { BULK_USAGE, parseBulkFlags, runBulkGraph, wantsBulkGraph } from '../bulk.js';

const FORMATS = ['json', 'graphml', 'dot', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const usage = `usage: vnref graph [options] [PATH...]
       vnref graph --merge [options] PART.json...

Builds the citation graph of the documents: one node per document (cited or
given), one edge per relation (implements, based-on, amends, replaces,
repeals, guides, refers), with counts and evidence spans. A PATH is a text
file (UTF-8, UTF-16, TCVN3, VNI, VISCII or Windows-1258), a directory (its
.txt and .md files and JSONL archives, recursively) or a JSONL archive
(.jsonl/.ndjson, optionally .gz; one {"id": ..., "text": ...} per line).
Reads one document from standard input when no PATH is given.

  --format FMT        json (graphology serialization, default), graphml,
                      dot (Graphviz) or csv (Neo4j nodes.csv + edges.csv)
  --out FILE|DIR      write there instead of standard output (csv: a DIR)
  --merge             the PATHs are JSON graphs written by this command
                      (on shards of an archive): merge them into one
  --no-state          json: leave out the mergeable state (smaller file,
                      cannot be merged later)
  --max-evidence N    evidence spans kept per edge and per value (default 8)
  --no-short-forms    do not resolve short forms ("Nghị quyết 52", "Kế hoạch này")

Malformed JSONL lines and unreadable paths are reported on stderr (with the
line number) and skipped; the exit code is then 1.

With --jobs N (or --jsonl, --timeout, --ordered) the documents are read on a
pool of worker threads (a progress bar on a terminal, each failed document
reported with its reason, a summary line; the graph is the same). Bulk
options (--resume and --record-failures are for vnref extract):

${BULK_USAGE}
`;

function problemLine(p: SourceProblem): string {
  return `vnref graph: ${p.path}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}\n`;
}

/** Standard input as one document, decoded as a file is (UTF-8, UTF-16, legacy Vietnamese encodings); null after reporting why not. */
async function readStdin(io: CliIO): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const doc = readFileBytes('-', '-', Buffer.concat(chunks));
  if (doc.error) {
    await write(io.stderr, `vnref graph: standard input: ${doc.reason}\n`);
    return null;
  }
  return doc.text;
}

async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let buf = '';
  for (const c of chunks) {
    buf += c;
    if (buf.length >= 1 << 16) {
      await write(out, buf);
      buf = '';
    }
  }
  await write(out, buf + '\n');
}

async function emit(graph: CitationGraph, format: Format, out: string | undefined, state: boolean, io: CliIO): Promise<void> {
  if (format === 'csv') {
    const { nodes, edges } = toNeo4jCsv(graph);
    await mkdir(out as string, { recursive: true });
    await writeFile(join(out as string, 'nodes.csv'), nodes);
    await writeFile(join(out as string, 'edges.csv'), edges);
    return;
  }
  const chunks = format === 'json' ? graphologyJSONChunks(graph, { state }) : [format === 'graphml' ? toGraphML(graph) : toDot(graph)];
  if (out === undefined) {
    await writeChunks(io.stdout, chunks);
    return;
  }
  const file = createWriteStream(out);
  const opened = new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  await opened;
  await writeChunks(file, chunks);
  await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

export const graphCommand: Command = {
  name: 'graph',
  summary: 'build (or merge) the citation graph of documents: json, graphml, dot, csv',
  usage,
  async run(rawArgs: string[], io: CliIO): Promise<number> {
    // Bulk flags are taken out first (bulk.ts); the rest is parsed as before.
    const bulk = parseBulkFlags(rawArgs);
    const args = bulk.rest;
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      merge: { type: 'boolean' },
      'no-state': { type: 'boolean' },
      'max-evidence': { type: 'string' },
      'no-short-forms': { type: 'boolean' },
    });
    const format = (values.format ?? 'json') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    if (format === 'csv' && values.out === undefined) throw new UsageError('--format csv writes nodes.csv and edges.csv: give --out DIR');
    let maxEvidence: number | undefined;
    if (values['max-evidence'] !== undefined) {
      maxEvidence = Number(values['max-evidence']);
      if (!Number.isInteger(maxEvidence) || maxEvidence < 0) {
        throw new UsageError(`--max-evidence must be a whole number ≥ 0, got "${values['max-evidence']}"`);
      }
    }
    if (values.merge && positionals.length === 0) throw new UsageError('--merge needs the JSON graphs to merge');

    let failed = 0;
    let interrupted = false;
    // Merging keeps the parts' own evidence limit unless --max-evidence lowers it.
    const builder = new CitationGraphBuilder({
      maxEvidence: maxEvidence ?? (values.merge ? Number.MAX_SAFE_INTEGER : undefined),
      shortForms: !values['no-short-forms'],
    });
    if (values.merge) {
      for (const part of positionals) {
        try {
          const json: unknown = JSON.parse(await readFile(part, 'utf8'));
          builder.merge(readGraphState(json, part));
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          await write(io.stderr, `vnref graph: ${part}: ${err.code ?? (err instanceof SyntaxError ? 'not JSON: ' + err.message : err.message)}\n`);
          failed++;
        }
      }
    } else if (wantsBulkGraph(bulk.flags)) {
      // Interrupted (Ctrl-C): the graph of the documents read so far is still written; exit code 130.
      const outcome = await runBulkGraph(positionals, bulk.flags, builder, { shortForms: !values['no-short-forms'] }, io);
      failed += outcome.failures.length;
      if (outcome.interrupted) interrupted = true;
    } else if (positionals.length === 0) {
      const text = await readStdin(io);
      if (text === null) failed++;
      else builder.add({ text });
    } else {
      const problems: SourceProblem[] = [];
      let n = 0;
      for await (const doc of readSources(positionals, { onProblem: (p) => problems.push(p) })) {
        builder.add({ id: doc.id, text: doc.text });
        n++;
        if (io.isTTY && n % 1000 === 0) io.stderr.write(`\r${n} documents`);
        while (problems.length > 0) {
          await write(io.stderr, problemLine(problems.shift() as SourceProblem));
          failed++;
        }
      }
      if (io.isTTY && n >= 1000) io.stderr.write('\n');
      for (const p of problems) {
        await write(io.stderr, problemLine(p));
        failed++;
      }
    }
    const graph = builder.build();
    if (graph.stats.duplicates > 0) {
      await write(io.stderr, `vnref graph: note: ${graph.stats.duplicates} input(s) repeated a text already read (counted once; across merged parts their mentions count twice)\n`);
    }
    try {
      await emit(graph, format, values.out, !values['no-state'], io);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      await write(io.stderr, `vnref graph: ${values.out ?? 'stdout'}: ${err.code ?? err.message}\n`);
      return 1;
    }
    return interrupted ? 130 : failed > 0 ? 1 : 0;
  },
};
