import { defineConfig } from 'vitest/config';
import { offline } from './scripts/offline-plugin.js';

// `base: './'` makes the built folder work from any sub-path of any static host; `offline()` makes
// it work without a network once loaded.
export default defineConfig({
  base: './',
  plugins: [offline()],
  build: { outDir: 'dist-app', target: 'es2022' },
  worker: { format: 'es' },
  test: {
    // every core: vitest's default leaves one free, which on a 2-core machine runs the files one by one.
    // The browser tests, which time what a user waits for, run after the others, one file at a time.
    maxWorkers: '100%',
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // the JSON report gives CI its `N passed, N failed` line (scripts/test-summary.mjs)
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
  },
});
