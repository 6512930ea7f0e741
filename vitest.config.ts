import { defineConfig } from 'vitest/config';
import { TEST_RESOLVE } from './test/vitest-resolve.mjs';

export default defineConfig({
  resolve: TEST_RESOLVE,
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'test/routes/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
