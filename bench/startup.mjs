#!/usr/bin/env node
// Start-up benchmark: time from launching the production server to the first page
// served, on a brand-new data directory (migrate + seed) and on a restart.
// Baseline in the same run: a bare Node HTTP server, so the ratio survives a noisy
// shared machine.   node bench/startup.mjs [runs=3]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, buildOrExit, ROOT, SERVER_MAIN } from '../scripts/lib/build.mjs';
import { freePort } from '../scripts/lib/free-port.mjs';

const runs = Number(process.argv[2] ?? 3);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

async function waitFor200(url, child, deadline = 120_000) {
  const started = performance.now();
  while (performance.now() - started < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} did not answer 200 within ${deadline} ms`);
}

async function timeStart(command, args, env, pagePath) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, [...args(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: '',
      ...env,
      PORT: String(port),
      WIREDESK_HOSTNAME: '127.0.0.1',
    },
    stdio: 'ignore',
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}${pagePath}`, child);
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

// The production server; PORT and WIREDESK_HOSTNAME come from the environment above.
const nextStart = () => [SERVER_MAIN];
const bareNode = (port) => ['-e', `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`];

const samples = { baseline: [], fresh: [], restart: [] };
for (let i = 0; i < runs; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-'));
  try {
    samples.baseline.push(await timeStart(process.execPath, bareNode, {}, '/'));
    samples.fresh.push(await timeStart(process.execPath, nextStart, { WIREDESK_DATA_DIR: dataDir }, '/'));
    samples.restart.push(await timeStart(process.execPath, nextStart, { WIREDESK_DATA_DIR: dataDir }, '/'));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(samples.baseline);
const rows = [
  ['bare Node HTTP server (baseline)', base],
  ['Wiredesk, new data directory (migrate + seed)', median(samples.fresh)],
  ['Wiredesk, restart on existing data', median(samples.restart)],
];
console.log(`\nStart to first page served (\`/\`), median of ${runs} runs, ${os.cpus().length} cores\n`);
console.log('| server | ms | × baseline |');
console.log('|---|---:|---:|');
for (const [name, ms] of rows) console.log(`| ${name} | ${Math.round(ms)} | ${(ms / base).toFixed(1)} |`);
