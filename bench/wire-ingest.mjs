#!/usr/bin/env node
// Wire ingest benchmark.
//  1. 10,000 typical (~5 KB) items through ingestWireFile() one at a time, and 10,000 through
//     ingestWireFiles() in bulk, on the embedded database, against parsing alone (same run).
//  2. 10,000 items through POST /api/wire on the production server (4 requests in
//     flight), with the server's peak memory.
//  3. The wire queue with 100,000 items: p50/p95 server time of the first page, a filter
//     and searches, against /login (no wire read) as the same-run baseline.
//   node bench/wire-ingest.mjs [items=10000] [queue=100000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, buildOrExit, ROOT } from '../scripts/lib/build.mjs';
import { percentiles, signIn as signInAt, startBenchServer } from './lib/server.mjs';

const itemCount = Number(process.argv[2] ?? 10_000);
const queueSize = Number(process.argv[3] ?? 100_000);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

const tsx = ['--conditions=react-server', '--import', 'tsx'];
const baseEnv = { ...process.env, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' };
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

// 1. In process.
const inProcessDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-ingest-'));
const inProcess = spawnSync(process.execPath, [...tsx, 'bench/fixtures/ingest-throughput.ts', String(itemCount)], {
  cwd: ROOT,
  env: { ...baseEnv, WIREDESK_DATA_DIR: inProcessDir },
  encoding: 'utf8',
});
fs.rmSync(inProcessDir, { recursive: true, force: true });
if (inProcess.status !== 0) throw new Error(inProcess.stderr);
const local = JSON.parse(inProcess.stdout.trim().split('\n').pop());

// 2 and 3. Through the server.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-wire-'));
const prepared = spawnSync(
  process.execPath,
  [...tsx, 'bench/fixtures/generate-wire.ts', String(Math.max(0, queueSize - itemCount))],
  { cwd: ROOT, env: { ...baseEnv, WIREDESK_DATA_DIR: dataDir }, encoding: 'utf8' },
);
if (prepared.status !== 0) throw new Error(prepared.stderr);
const { token } = JSON.parse(prepared.stdout.trim().split('\n').pop());

const server = await startBenchServer({ ...baseEnv, WIREDESK_DATA_DIR: dataDir });
const { base } = server;

function peakMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const signIn = (email, password) => signInAt(base, email, password);

async function timed(url, cookie) {
  const started = performance.now();
  const response = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - started, body };
}

async function latency(url, cookie, requests = 60) {
  for (let i = 0; i < 5; i++) await timed(url, cookie);
  const samples = [];
  let body = '';
  for (let i = 0; i < requests; i++) {
    const result = await timed(url, cookie);
    samples.push(result.ms);
    body = result.body;
  }
  return { ...percentiles(samples), body };
}

try {
  // The documents are built by a TypeScript helper and read back here.
  const docsFile = path.join(dataDir, 'docs.json');
  const built = spawnSync(
    process.execPath,
    [...tsx, 'bench/fixtures/write-wire-documents.ts', String(itemCount), '1000000', docsFile],
    { cwd: ROOT, env: baseEnv, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(built.stderr);
  const documents = JSON.parse(fs.readFileSync(docsFile, 'utf8')).map((doc) => Buffer.from(doc, 'base64'));

  const statuses = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < documents.length) {
        const doc = documents[next++];
        const response = await fetch(`${base}/api/wire`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: doc,
        });
        const { status } = await response.json();
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const httpMs = performance.now() - started;
  const serverPeak = peakMemory(server.pid);

  const editor = await signIn('editor@wiredesk.test', 'wiredesk-demo');
  const rows = [
    ['baseline: /login (no wire read)', '/login', null],
    ['queue, first page', '/desk/wire', editor],
    ['queue, agency filter', '/desk/wire?agency=Reuters', editor],
    ['queue, urgent only', '/desk/wire?urgent=1', editor],
    ['queue, search "ferry"', '/desk/wire?q=ferry', editor],
    ['queue, search "talks capital"', '/desk/wire?q=talks%20capital', editor],
  ];
  const measured = [];
  for (const [name, url, cookie] of rows) measured.push([name, await latency(url, cookie)]);

  console.log(`\nWire ingest, ${os.cpus().length} cores, embedded PGlite, typical ~5 KB NewsML-G2 items\n`);
  console.log('| path | items | items/s | MB/s | peak memory |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| parseWire() alone (baseline) | ${local.count} | ${Math.round(local.count / (local.parseMs / 1000))} | ${(local.bytes / 1048576 / (local.parseMs / 1000)).toFixed(1)} | — |`,
  );
  const row = (name, ms) =>
    console.log(
      `| ${name} | ${local.count} | ${Math.round(local.count / (ms / 1000))} | ${(local.bytes / 1048576 / (ms / 1000)).toFixed(1)} | ${mb(local.peakRss)} |`,
    );
  row('ingestWireFile(), one at a time, awaited', local.singleMs);
  row('ingestWireFiles(), bulk (inbox, seed)', local.bulkMs);
  const httpBytes = documents.reduce((sum, doc) => sum + doc.length, 0);
  console.log(
    `| POST /api/wire, 4 in flight | ${documents.length} | ${Math.round(documents.length / (httpMs / 1000))} | ${(httpBytes / 1048576 / (httpMs / 1000)).toFixed(1)} | ${mb(serverPeak)} (server) |`,
  );
  console.log(`\nstatuses: in process ${JSON.stringify(local.statuses)}, HTTP ${JSON.stringify(statuses)}`);
  console.log(`\nWire queue with ${queueSize.toLocaleString('en')} items, 60 requests each\n`);
  console.log('| page | p50 ms | p95 ms | p50 × baseline |');
  console.log('|---|---:|---:|---:|');
  const baseline = measured[0][1].p50;
  for (const [name, { p50, p95 }] of measured) {
    console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${(p50 / baseline).toFixed(1)} |`);
  }
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
