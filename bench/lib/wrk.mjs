// wrk, the HTTP load generator (Debian's package, installed here when missing, as root on
// Debian): written in C, so on a two-core machine it takes far less of the CPU the server
// under test needs than a Node.js load generator would.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { installDebianPackage } from '../../scripts/lib/debian-package.mjs';

const WRK = '/usr/bin/wrk';

/** The wrk executable; installs Debian's package if there is none (root on Debian), else exits with one line. */
export function ensureWrk() {
  if (fs.existsSync(WRK)) return WRK;
  if (installDebianPackage('wrk', 'for the benchmark') && fs.existsSync(WRK)) return WRK;
  console.error('Wiredesk: the benchmark needs wrk (Debian: apt-get install wrk).');
  process.exit(1);
}

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** "1.23ms" → 1.23 */
function toMs(text) {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: unreadable latency "${text}"`);
  return Number(match[1]) * UNIT_MS[/** @type {keyof typeof UNIT_MS} */ (match[2])];
}

/**
 * Reads wrk's report (`--latency`): requests per second, p50/p99 latency, and errors —
 * socket errors (connect, read, write, timeout) plus answers that were not 2xx/3xx.
 * @param {string} out
 */
export function parseWrkReport(out) {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p50 = /^\s+50%\s+(\S+)/m.exec(out);
  const p99 = /^\s+99%\s+(\S+)/m.exec(out);
  const requests = /(\d+) requests in/.exec(out);
  if (!rps || !p50 || !p99 || !requests) throw new Error(`wrk: unreadable report:\n${out}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const errors =
    (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return {
    rps: Number(rps[1]),
    p50: toMs(p50[1] ?? ''),
    p99: toMs(p99[1] ?? ''),
    requests: Number(requests[1]),
    errors,
  };
}

/**
 * One wrk run against `url` (loopback only): `connections` kept-alive connections on one
 * thread for `seconds`, with the request headers given.
 * @param {{ url: string, connections: number, seconds: number, headers?: Record<string, string> }} options
 * @returns {Promise<ReturnType<typeof parseWrkReport>>}
 */
export function runWrk({ url, connections, seconds, headers = {} }) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') throw new Error(`wrk: not a loopback address: ${url}`);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`wrk exited ${code}:\n${out}`));
      else {
        try {
          resolve(parseWrkReport(out));
        } catch (error) {
          reject(error);
        }
      }
    });
  });
}
