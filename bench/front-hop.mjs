#!/usr/bin/env node
// What the front thread's extra hop costs the desk (docs/decisions/014-front-thread.md):
// the same requests, interleaved, sent to the server's port (front thread → Next.js
// thread) and straight to the Next.js thread's private loopback port, from one client
// with kept-alive connections. Production build, embedded database with the demo newsroom.
//   node bench/front-hop.mjs [rounds=300]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { EDIT_SESSION_HEADER, newEditSession } from '../scripts/lib/autosave-client.mjs';
import { buildIsCurrent, buildOrExit } from '../scripts/lib/build.mjs';
import { percentiles, signIn, startBenchServer } from './lib/server.mjs';

const rounds = Number(process.argv[2] ?? 300);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-front-hop-'));
const env = { ...process.env, DATABASE_URL: '', WIREDESK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
const server = await startBenchServer(env, { stdio: ['ignore', 'pipe', 'inherit'] });
// The Next.js thread says where it listens; the rest of the log is read and dropped.
let log = '';
const nextPort = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the Next.js thread did not log its port')), 30_000);
  server.child.stdout.on('data', (chunk) => {
    log += chunk.toString();
    const found = /"port":(\d+)[^\n]*Next\.js thread listening/.exec(log);
    if (found) {
      clearTimeout(timer);
      log = '';
      resolve(Number(found[1]));
    }
    if (log.length > 1_000_000) log = log.slice(-10_000);
  });
});

const frontPort = Number(new URL(server.base).port);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/**
 * One request to `port`, timed to its last byte. Host stays the server's address, as it
 * would through the front, so origin checks see the same request either way.
 */
function timed(port, method, requestPath, headers = {}, body = undefined) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: requestPath,
        agent,
        headers: { host: `127.0.0.1:${frontPort}`, ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

try {
  const cookie = await signIn(server.base, 'editor@wiredesk.test', 'wiredesk-demo');
  const listing = await fetch(`${server.base}/desk/stories?state=draft`, { headers: { cookie } });
  const storyId = Number(/href="\/desk\/stories\/(\d+)"/.exec(await listing.text())?.[1]);
  if (!storyId) throw new Error('no draft in the desk list');
  const lockHeaders = {
    cookie,
    origin: server.base,
    'content-type': 'application/json',
    [EDIT_SESSION_HEADER]: newEditSession(),
  };
  const REQUESTS = [
    { label: 'GET /healthz (no app code)', send: (port) => timed(port, 'GET', '/healthz') },
    {
      label: 'POST lock heartbeat (signed in, one-row write)',
      send: (port) => timed(port, 'POST', `/api/stories/${storyId}/lock`, lockHeaders, '{}'),
    },
    { label: 'GET desk story list (page render)', send: (port) => timed(port, 'GET', '/desk/stories', { cookie }) },
  ];
  console.log(
    `\nThe front thread's hop: ${rounds} rounds per request, front and direct interleaved; production build, embedded database, 2 cores (shared), load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| request | through the front p50 ms | p95 ms | straight to Next.js p50 ms | p95 ms | hop, p50 ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const request of REQUESTS) {
    const samples = { front: [], direct: [] };
    for (let i = 0; i < 20; i++) await request.send(frontPort);
    for (let i = 0; i < rounds; i++) {
      const [first, second] = i % 2 === 0 ? ['front', 'direct'] : ['direct', 'front'];
      for (const via of [first, second]) {
        const answer = await request.send(via === 'front' ? frontPort : nextPort);
        if (answer.status >= 400) throw new Error(`${request.label} via ${via}: ${answer.status}`);
        samples[via].push(answer.ms);
      }
    }
    const front = percentiles(samples.front);
    const direct = percentiles(samples.direct);
    console.log(
      `| ${request.label} | ${front.p50.toFixed(2)} | ${front.p95.toFixed(2)} | ${direct.p50.toFixed(2)} | ${direct.p95.toFixed(2)} | ${(front.p50 - direct.p50).toFixed(2)} |`,
    );
  }
} finally {
  agent.destroy();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
