import { defineConfig } from 'vitest/config';

// `base: './'` makes the built folder work from any sub-path of any static host.
export default defineConfig({
  base: './',
  build: { outDir: 'dist-app', target: 'es2022' },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // the JSON report gives CI its `N passed, N failed` line (scripts/test-summary.mjs)
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
  },
});
