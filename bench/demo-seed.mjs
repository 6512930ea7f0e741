#!/usr/bin/env node
// Demo newsroom benchmark: how long seedDemoNewsroom takes on a fresh database, each
// run in its own process (a first start is a cold process too). Baseline in the same
// run: seedDatabase, the accounts-and-sections seed that precedes it (one password hash).
// Goal: under 2 s on a fresh in-memory database.   node bench/demo-seed.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../scripts/lib/build.mjs';

const runs = Number(process.argv[2] ?? 5);
const tsx = ['--conditions=react-server', '--import', 'tsx'];

function once(dataDir) {
  const result = spawnSync(process.execPath, [...tsx, 'bench/fixtures/seed-demo-once.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', WIREDESK_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const [name, dir] of [
  ['in memory', () => 'memory://'],
  ['new data directory', () => fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-demo-'))],
]) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = dir();
    results.push(once(dataDir));
    if (dataDir !== 'memory://') fs.rmSync(dataDir, { recursive: true, force: true });
  }
  rows.push({
    database: name,
    'seedDatabase ms (baseline)': median(results.map((r) => r.baseMs)),
    'seedDemoNewsroom ms': median(results.map((r) => r.demoMs)),
    'fastest–slowest': `${Math.min(...results.map((r) => r.demoMs))}–${Math.max(...results.map((r) => r.demoMs))}`,
    stories: results[0].stories,
  });
}
console.table(rows);
