import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

// `npm run test:routes`: the route × role and hostile-input suites, against the production
// server on a data directory of their own (test/routes/setup.ts). Not part of `vitest run`.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, 'test', 'server-only.ts') },
    ],
  },
  test: {
    include: ['test/routes/**/*.test.ts'],
    setupFiles: ['test/routes/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
