/**
 * `npm run eval [-- NAME...]`: runs every eval/<name>.eval.ts (or the named
 * ones) and prints its figures. Each module's default export is an async
 * function that prints a report and returns its headline numbers, which are
 * also written to eval/results.json for the README.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.eval.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const results: Record<string, unknown> = {};
for (const f of files) {
  const name = f.replace(/\.eval\.ts$/, '');
  console.log(`\n=== eval: ${name} ===`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<unknown> };
  results[name] = await mod.default();
}
if (wanted.length === 0) writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
