import { defineConfig } from 'tsup';

// Two library entry points (the portable core and the Node-only helpers), the
// core as Node resolves it (with the shipped model), the bulk worker, the CLI. ESM + CJS + .d.ts for the library entries; the CLI is ESM only.
export default defineConfig([
  {
    // The .d.ts build sees Node's types: the Node entry needs them (tsconfig
    // has "types": [] so that editors and tsc do not offer Node globals to
    // the core by accident).
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { types: ['node'] } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true,
    splitting: false,
  },
  {
    // `vn-legal-refs` as Node resolves it (package.json "exports" → "node"):
    // the core with the shipped model registered; same types as the core.
    entry: { 'index.node': 'src/node/core.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    shims: true,
    splitting: false,
  },
  {
    // The bulk worker (vn-legal-refs/node's pool starts it by path: dist/node/worker.js).
    entry: { 'node/worker': 'src/node/pool/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    shims: true,
    splitting: false,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    shims: true,
    splitting: false,
  },
]);
