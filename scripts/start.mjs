#!/usr/bin/env node
// `npm start`: builds when there is no production build of the current sources, then
// runs the production server (server/main.mjs) in this process, so signals reach it
// directly. The server migrates and seeds the database before it answers the first
// request (instrumentation.ts).
import fs from 'node:fs';
import { buildIsCurrent, buildOrExit, NEXT_BIN } from './lib/build.mjs';

if (!fs.existsSync(NEXT_BIN)) {
  console.error('Wiredesk: dependencies are missing. Run `npm ci` first.');
  process.exit(1);
}

if (!buildIsCurrent()) buildOrExit('first start or changed sources');

await import('../server/main.mjs');
