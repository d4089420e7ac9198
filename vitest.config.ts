import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // The fast-path switch from the environment (CI runs the suite with it on and off), and every
    // impact report a test produces held to its schema.
    setupFiles: ['test/setup/fast-path.ts', 'test/setup/validate-impact-reports.ts'],
  },
});
