#!/usr/bin/env node
// `npm start`: builds when there is no production build of the current sources,
// then serves it with `next start`. The server itself migrates and seeds the
// database before it answers the first request (instrumentation.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { buildIsCurrent, buildOrExit, NEXT_BIN, ROOT } from './lib/build.mjs';

if (!fs.existsSync(NEXT_BIN)) {
  console.error('Wiredesk: dependencies are missing. Run `npm ci` first.');
  process.exit(1);
}

if (!buildIsCurrent()) buildOrExit('first start or changed sources');

const server = spawn(process.execPath, [NEXT_BIN, 'start', '--port', process.env.PORT || '3000'], {
  cwd: ROOT,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
