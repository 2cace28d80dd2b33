import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // the workbench's bundled scenarios (web/build.mjs makes this module for the page)
    alias: { 'virtual:cases': fileURLToPath(new URL('./web/test/cases.node.ts', import.meta.url)) },
  },
  test: {
    include: ['engine/**/*.test.ts', 'cli/**/*.test.ts', 'scenarios/**/*.test.ts', 'notebooks/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on 2 cores (cores - 1), and most of the slow files wait
    // on a spawned hotline-sim process that uses one core: two files side by side keep both busy.
    maxWorkers: 2,
  },
});
