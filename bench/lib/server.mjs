// What every HTTP benchmark needs: a production server on a free loopback port with its
// own data directory, signed-in sessions, timed requests, percentiles and the client
// JavaScript a page ships.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, SERVER_MAIN } from '../../scripts/lib/build.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { signIn } from '../../scripts/lib/staff-session.mjs';

/** Starts the production server (server/main.mjs) on 127.0.0.1 and waits until /login answers. */
export async function startBenchServer(env, { stdio = 'ignore' } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), WIREDESK_HOSTNAME: '127.0.0.1', WIREDESK_BASE_URL: base },
    stdio,
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return { base, stop, pid: server.pid, child: server };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('server did not start');
}

/** One request, timed to its last byte. */
export async function timeRequest(url, init = {}) {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual', ...init });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body, headers: response.headers };
}

/** p50, p95 and p99 of a list of milliseconds. */
export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: pick(0.5), p95: pick(0.95), p99: pick(0.99) };
}

/**
 * The JavaScript files a page makes a browser load (its <script src> tags), raw and
 * gzipped. `noModule` scripts are left out: they are Next.js's polyfills for browsers
 * without JavaScript modules (about 40 KB gzipped), which every browser the desk supports
 * skips without downloading.
 */
export async function pageJavaScript(base, path, headers = {}) {
  const { body } = await timeRequest(`${base}${path}`, { headers });
  const scripts = new Set(
    [...body.matchAll(/<script\b([^>]*)>/g)]
      .map((match) => match[1])
      .filter((attributes) => !/\bnomodule\b/i.test(attributes))
      .map((attributes) => attributes.match(/\bsrc="([^"]+)"/)?.[1])
      .filter((src) => src !== undefined),
  );
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const code = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    raw += code.length;
    gzip += zlib.gzipSync(code).length;
  }
  return { files: scripts.size, raw, gzip, html: Buffer.byteLength(body), scripts: [...scripts] };
}

export { ROOT, signIn };

/**
 * A fresh data directory filled by the desk benchmark's generator (the demo seed, 40
 * staff, `count` stories in every state); exits the benchmark if generation fails.
 */
export function generateStoriesDataDir(count, label) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `wiredesk-bench-${label}-`));
  const env = { ...process.env, DATABASE_URL: '', WIREDESK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  console.log(`Generating ${count} stories in ${dataDir}…`);
  const generated = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'bench/fixtures/generate-stories.ts', String(count)],
    { cwd: ROOT, env, stdio: 'inherit' },
  );
  if (generated.status !== 0) process.exit(1);
  return { dataDir, env };
}
