#!/usr/bin/env node
// Public site benchmark: with a realistic newsroom on the embedded database (the desk
// benchmark's generator: N stories, about 27% of them published), the server time
// (request to last byte, loopback, production build) and throughput of the public
// pages, feeds and sitemaps, once cached. Baseline in the same run: a static file of
// about an article's size served by the same server from public/.
//   node bench/public-pages.mjs [stories=100000] [requests=200] [seconds=3] [concurrency=8]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, buildOrExit, ROOT } from '../scripts/lib/build.mjs';
import { generateStoriesDataDir, pageJavaScript, percentiles, startBenchServer } from './lib/server.mjs';

const storyCount = Number(process.argv[2] ?? 100_000);
const requests = Number(process.argv[3] ?? 200);
const seconds = Number(process.argv[4] ?? 3);
const concurrency = Number(process.argv[5] ?? 8);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');

const { dataDir, env } = generateStoriesDataDir(storyCount, 'public');

// The baseline: a static HTML file the size of a typical article page (~21 KB),
// written before the server starts so it serves it like any file in public/.
const STATIC_NAME = 'bench-static-baseline.html';
const staticFile = path.join(ROOT, 'public', STATIC_NAME);
const filler = '<p>Officials said more details would follow later in the day.</p>\n';
fs.writeFileSync(
  staticFile,
  `<!doctype html><title>baseline</title>\n${filler.repeat(Math.ceil(21_000 / filler.length))}`,
);

const server = await startBenchServer(env);
const { base } = server;

async function time(url) {
  const started = performance.now();
  const response = await fetch(`${base}${url}`, { redirect: 'manual' });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms, body, cache: response.headers.get('x-nextjs-cache') };
}

async function latency(url) {
  for (let i = 0; i < 10; i++) await time(url); // warm the cache and the JIT
  const samples = [];
  for (let i = 0; i < requests; i++) samples.push((await time(url)).ms);
  return percentiles(samples);
}

async function throughput(url) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      await time(url);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

try {
  const home = await time('/');
  const articlePath = /<a href="(\/[a-z0-9-]+\/[a-z0-9-]+)">/.exec(home.body)?.[1];
  if (!articlePath) throw new Error('no article link on the front page');
  const rows = [
    [`static file, ${STATIC_NAME} (baseline)`, `/${STATIC_NAME}`],
    ['home', '/'],
    ['section page (/world)', '/world'],
    ['article', articlePath],
    ['search "harbour" (rendered per request, results cached)', '/search?q=harbour'],
    ['feed.xml', '/feed.xml'],
    ['sitemap.xml (index)', '/sitemap.xml'],
  ];
  const results = [];
  for (const [name, url] of rows) {
    // A fresh page: what the first reader after a publish waits for.
    const first = url === '/' ? home : await time(url);
    const { p50, p95 } = await latency(url);
    const rps = await throughput(url);
    results.push({ name, first: first.ms, cache: first.cache, p50, p95, rps });
  }
  const [baseline] = results;
  const js = await pageJavaScript(base, articlePath);
  console.log(
    `\nPublic pages with ${storyCount.toLocaleString('en')} stories (embedded PGlite), ${requests} sequential requests each for p50/p95, ${concurrency} concurrent clients for ${seconds} s for req/s, ${os.cpus().length} cores\n`,
  );
  console.log('| page | first request ms | p50 ms | p95 ms | p50 × static | req/s | static req/s ÷ req/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.first.toFixed(1)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${(r.p50 / baseline.p50).toFixed(1)} | ${Math.round(r.rps).toLocaleString('en')} | ${(baseline.rps / r.rps).toFixed(1)} |`,
    );
  }
  console.log(
    `\nArticle page: ${(js.html / 1024).toFixed(1)} KB of HTML; client JavaScript (Next.js runtime only, no component of ours): ${js.files} files, ${(js.raw / 1024).toFixed(0)} KB (${(js.gzip / 1024).toFixed(0)} KB gzipped).`,
  );
} finally {
  await server.stop();
  fs.rmSync(staticFile, { force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}
