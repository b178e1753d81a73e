/**
 * `npm run bench [-- NAME...]`: runs every bench/<name>.bench.ts (or the named
 * ones). Each module's default export is an async function that prints its
 * figures and returns them; all are written to bench/results.json.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})`);
const results: Record<string, unknown> = {};
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<unknown> };
  results[name] = await mod.default();
}
if (wanted.length === 0) writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
