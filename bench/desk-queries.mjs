#!/usr/bin/env node
// Desk benchmark: with 100,000 stories on the embedded database, the server time
// (request to last byte, over loopback, production build) of the desk list — first
// page, filtered, searched, 50,000 stories deep — the board and the dashboards.
// Baseline in the same run: /login, a page that touches no story.
//   node bench/desk-queries.mjs [stories=100000] [requests=60]
import fs from 'node:fs';
import os from 'node:os';
import { buildIsCurrent, buildOrExit } from '../scripts/lib/build.mjs';
import { generateStoriesDataDir, percentiles, signIn as signInAt, startBenchServer } from './lib/server.mjs';

const storyCount = Number(process.argv[2] ?? 100_000);
const requests = Number(process.argv[3] ?? 60);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

const { dataDir, env } = generateStoriesDataDir(storyCount, 'desk');

const server = await startBenchServer(env);
const { base } = server;
const signIn = (email, password) => signInAt(base, email, password);

async function time(url, cookie) {
  const started = performance.now();
  const response = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms, body };
}

async function measure(url, cookie, check) {
  for (let i = 0; i < 5; i++) await time(url, cookie); // warm caches and JIT
  const samples = [];
  let body = '';
  for (let i = 0; i < requests; i++) {
    const result = await time(url, cookie);
    samples.push(result.ms);
    body = result.body;
  }
  if (check && !check(body)) throw new Error(`${url}: unexpected page`);
  return percentiles(samples);
}

try {
  const editor = await signIn('editor@wiredesk.test', 'wiredesk-demo');
  // "Bench Staff 0" is a reporter with about 2,500 stories of their own.
  const reporterEmail = await (async () => {
    const admin = await signIn('admin@wiredesk.test', 'wiredesk-demo');
    const { body } = await time('/desk/admin', admin);
    const match = /<td>Bench Staff 0<\/td><td>([^<]+)<\/td>/.exec(body);
    if (!match) throw new Error('bench reporter not found');
    return match[1];
  })();
  const reporter = await signIn(reporterEmail, 'correct horse battery');

  // Story g was updated at 2024-11-28 + g × 631 s, and has id g: the cursor 50,000 stories deep.
  const deep = storyCount / 2;
  const deepCursor = `${Date.parse('2024-11-28T00:00:00Z') + deep * 631_000}.${deep}`;
  const hasRows = (body) => body.includes('/desk/stories/');

  const rows = [
    ['baseline: /login (no stories read)', '/login', null, null],
    ['desk list, first page', '/desk/stories', editor, hasRows],
    ['desk list, filtered (state + section)', '/desk/stories?state=in_review&section=3', editor, hasRows],
    ['desk list, text search "harbour"', '/desk/stories?q=harbour', editor, hasRows],
    ['desk list, author filter', '/desk/stories?author=10', editor, hasRows],
    [`desk list, deep page (${deep.toLocaleString('en')} in)`, `/desk/stories?after=${deepCursor}`, editor, hasRows],
    ['board (one column per state)', '/desk/stories?view=board', editor, hasRows],
    ['dashboard, editor (queue + counts)', '/desk', editor, hasRows],
    ['dashboard, reporter (~2,500 own stories)', '/desk', reporter, hasRows],
  ];
  const results = [];
  for (const [name, url, cookie, check] of rows) results.push([name, await measure(url, cookie, check)]);
  const baseline = results[0][1].p50;
  console.log(
    `\nDesk pages with ${storyCount.toLocaleString('en')} stories, embedded PGlite, ${requests} requests each, ${os.cpus().length} cores\n`,
  );
  console.log('| page | p50 ms | p95 ms | p50 × baseline |');
  console.log('|---|---:|---:|---:|');
  for (const [name, { p50, p95 }] of results) {
    console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${(p50 / baseline).toFixed(1)} |`);
  }
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
