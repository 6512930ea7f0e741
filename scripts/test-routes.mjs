#!/usr/bin/env node
// `npm run test:routes`: the route × role and hostile-input suites (test/routes/), which call
// the production server (server/main.mjs) over HTTP on data directories of their own and
// open pages in Chromium. Builds first if the build is not current. Extra arguments go to
// vitest (e.g. `npm run test:routes -- test/routes/route-role.test.ts`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIsCurrent, buildOrExit, ROOT } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';

const chromiumPath = await ensureChromium();
if (!buildIsCurrent()) buildOrExit('no production build of the current sources');

const run = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'vitest.routes.config.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_CHROMIUM_PATH: chromiumPath },
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
