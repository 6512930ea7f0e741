#!/usr/bin/env node
// `npm run test:db`: the unit and integration suite against real PostgreSQL.
// Uses DATABASE_URL when set (each test file gets its own fresh database there);
// otherwise starts a throw-away cluster with scripts/with-postgres.sh.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/build.mjs';

const vitest = [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)];
const result = process.env.DATABASE_URL
  ? spawnSync(process.execPath, vitest, { cwd: ROOT, stdio: 'inherit' })
  : spawnSync(path.join(ROOT, 'scripts', 'with-postgres.sh'), [process.execPath, ...vitest], {
      cwd: ROOT,
      stdio: 'inherit',
    });
process.exit(result.status ?? 1);
