import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-path.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
