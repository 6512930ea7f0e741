// Shared by `npm start` and the e2e runner: is there a production build of the current sources?
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
/** The production server (Next.js behind our request pipeline): what `npm start`, the tests and benchmarks run. */
export const SERVER_MAIN = path.join(ROOT, 'server', 'main.mjs');

const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'types',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when .next holds a production build newer than every source file. */
export function buildIsCurrent() {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(ROOT, source)) <= built);
}

/** Runs `next build`; exits the process if it fails. */
export function buildOrExit(reason) {
  console.log(`Wiredesk: building the app (${reason}; about a minute)…`);
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('Wiredesk: the build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
}
