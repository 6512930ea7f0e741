import { defineConfig } from 'vitest/config';
import { TEST_RESOLVE } from './test/vitest-resolve.mjs';

// `npm run test:routes`: the route × role and hostile-input suites, against the production
// server on a data directory of their own (test/routes/setup.ts). Not part of `vitest run`.
export default defineConfig({
  resolve: TEST_RESOLVE,
  test: {
    include: ['test/routes/**/*.test.ts'],
    setupFiles: ['test/routes/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
