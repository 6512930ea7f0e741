// Starting and stopping real production servers (server/main.mjs) for the durability,
// scale-out and soak runs: each on a free loopback port, its JSON log kept in a file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { ROOT, SERVER_MAIN } from './build.mjs';
import { freePort } from './free-port.mjs';

/**
 * Waits until `url` answers 200 (or the process exits, or `timeoutMs` passes).
 * @param {string} url
 * @param {{ exitCode: number | null, signalCode: string | null }} child
 * @param {number} [timeoutMs]
 */
export async function waitForOk(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * @typedef {{
 *   port: number,
 *   base: string,
 *   pid: number,
 *   child: import('node:child_process').ChildProcess,
 *   exited: Promise<{ code: number | null, signal: string | null }>,
 *   stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null, signal: string | null }>,
 * }} RunningServer
 */

/**
 * Starts the production server and resolves once /readyz answers 200.
 * @param {{ env: Record<string, string | undefined>, port?: number, log: string, baseUrl?: string }} options
 * @returns {Promise<RunningServer>}
 */
export async function startProductionServer({ env, port, log, baseUrl }) {
  const listenPort = port ?? (await freePort());
  const base = `http://127.0.0.1:${listenPort}`;
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
      PORT: String(listenPort),
      WIREDESK_HOSTNAME: '127.0.0.1',
      WIREDESK_BASE_URL: baseUrl ?? base,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal: signal ?? null })),
  );
  const server = {
    port: listenPort,
    base,
    pid: /** @type {number} */ (child.pid),
    child,
    exited: /** @type {Promise<{ code: number | null, signal: string | null }>} */ (exited),
    /** @param {NodeJS.Signals} [signal] */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return server.exited;
    },
  };
  try {
    await waitForOk(`${base}/readyz`, child);
  } catch (error) {
    await server.stop('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}; see ${log}`);
  }
  return server;
}
