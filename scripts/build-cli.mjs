// Bundles the command line, its worker and the benchmark into dist/ with esbuild.
// Runs on `npm install`/`npm ci` (prepare) and before `npm test`, so `npx stratum`
// works from a fresh clone with no other step.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  stratum: 'src/cli/main.ts',
  'stratum-worker': 'src/cli/worker.ts',
  bench: 'bench/bench.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await build({
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // the benchmark's page section builds the app and drives Chromium with these, from node_modules
  external: ['vite', 'playwright-core'],
  // CommonJS dependencies (seedrandom) call require(); give the ESM bundle one.
  banner: {
    js:
      "import { createRequire as __stratumRequire } from 'node:module'; " +
      'const require = __stratumRequire(import.meta.url);',
  },
});
