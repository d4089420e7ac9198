import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // Holds every impact report a test produces to its schema.
    setupFiles: ['test/setup/validate-impact-reports.ts'],
  },
});
