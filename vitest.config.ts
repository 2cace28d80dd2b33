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
  },
});
