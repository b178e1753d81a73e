import { defineConfig } from 'tsup';

// Two library entry points (the portable core and the Node-only helpers), the
// bulk worker, the CLI. ESM + CJS + .d.ts for the library entries; the CLI is ESM only.
export default defineConfig([
  {
    // The portable core: its .d.ts build sees no Node or DOM types (tsconfig
    // "types": []), which keeps Node APIs out of it.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true,
    splitting: false,
  },
  {
    entry: { 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { types: ['node'] } },
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
