import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'cli/**/*.test.ts', 'scenarios/**/*.test.ts', 'notebooks/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
