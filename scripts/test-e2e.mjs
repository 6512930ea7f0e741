#!/usr/bin/env node
// `npm run test:e2e`: Playwright against the production server (server/main.mjs) on a
// fresh temporary data directory and a free loopback port. Extra arguments go to
// `playwright test` (e.g. `npm run test:e2e -- e2e/auth.spec.ts`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, buildOrExit, ROOT } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { freePort } from './lib/free-port.mjs';

const chromiumPath = await ensureChromium();
if (!buildIsCurrent()) buildOrExit('no production build of the current sources');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-e2e-'));
const wireInbox = `${dataDir}-inbox`;
fs.mkdirSync(wireInbox);
const port = await freePort();
// The e2e server always runs on the embedded database, whatever the shell says.
const env = {
  ...process.env,
  DATABASE_URL: '',
  WIREDESK_DATA_DIR: dataDir,
  WIREDESK_WIRE_INBOX: wireInbox,
  NEXT_TELEMETRY_DISABLED: '1',
  E2E_PORT: String(port),
  PLAYWRIGHT_CHROMIUM_PATH: chromiumPath,
};

const prepare = spawnSync(
  process.execPath,
  ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'e2e', 'prepare.ts')],
  { cwd: ROOT, env, stdio: 'inherit' },
);
if (prepare.status !== 0) {
  console.error('Wiredesk: preparing the e2e database failed.');
  process.exit(prepare.status ?? 1);
}

const run = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)],
  { cwd: ROOT, env, stdio: 'inherit' },
);
if (run.status === 0) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(wireInbox, { recursive: true, force: true });
} else console.error(`Wiredesk: e2e data directory kept for inspection: ${dataDir}`);
process.exit(run.status ?? 1);
