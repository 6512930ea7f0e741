// Module resolution shared by the two Vitest configurations (vitest.config.ts,
// vitest.routes.config.ts): the `@/` alias of tsconfig.json, and `server-only`, which throws
// outside React's server bundler condition while tests run server code directly.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export const TEST_RESOLVE = {
  alias: [
    { find: /^@\//, replacement: `${root}/` },
    { find: /^server-only$/, replacement: path.join(root, 'test', 'server-only.ts') },
  ],
};
