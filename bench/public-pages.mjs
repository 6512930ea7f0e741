#!/usr/bin/env node
// Public pages against a static file server (issue 15), on the production build with the
// demo newsroom plus one long feature (~24 kB of HTML; bench/fixtures/long-article.ts).
//
// Load: wrk (C, one thread, keep-alive, `Accept-Encoding: br, gzip` like a browser) on the
// article and the front page at each connection count, interleaved A B A B …: Wiredesk,
// then the baseline — a minimal Node.js server (bench/lib/static-server.mjs, its own
// process) sending the very bytes Wiredesk sent for that page (the same brotli-compressed
// body, fetched from Wiredesk at the start) from memory. Reported per round and as
// medians: req/s, p50, p99, errors, and Wiredesk ÷ static.
// Then Lighthouse 12.2.3 (mobile, default config) on both pages, median of N runs.
// Goals: article at 50 connections ≥ 0.5 × static, p99 < 50 ms, 0 errors; Lighthouse
// performance ≥ 95, accessibility, best practices and SEO 100; JavaScript ≤ 15 kB.
//   npm run bench:public [-- --seconds 5] [--rounds 5] [--connections 8,50] [--lighthouse-runs 3]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { buildIsCurrent, buildOrExit, ROOT } from '../scripts/lib/build.mjs';
import { ensureChromium } from '../scripts/lib/chromium.mjs';
import { runTsTool } from '../scripts/lib/ts-tool.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { startBenchServer } from './lib/server.mjs';
import { ensureWrk, runWrk } from './lib/wrk.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8,50' },
    'lighthouse-runs': { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connectionCounts = values.connections.split(',').map(Number);
const lighthouseRuns = Number(values['lighthouse-runs']);
if (![seconds, rounds, lighthouseRuns, ...connectionCounts].every((n) => Number.isInteger(n) && n >= 0)) {
  console.error('bench:public: --seconds, --rounds, --lighthouse-runs and --connections take whole numbers');
  process.exit(1);
}

if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');
ensureWrk();
const chromiumPath = lighthouseRuns > 0 ? await ensureChromium() : '';

// What a browser sends: the pages go out brotli-compressed, from both servers.
const ACCEPT = { 'Accept-Encoding': 'br, gzip' };
const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fmt = (n, digits = 1) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A GET with the body as sent (still compressed): fetch() would decompress it. */
function getRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Starts the baseline server on `pages` and resolves with its address. */
async function startStaticServer(pagesFile) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'lib', 'static-server.mjs'), pagesFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the static server exited (${code})`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-public-'));
const dataDir = path.join(work, 'data');
const env = { ...process.env, DATABASE_URL: '', WIREDESK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
let wiredesk;
let baseline;
try {
  console.log('Making the newsroom: demo seed (15 published stories with pictures) and a long feature…');
  const { path: articlePath } = runTsTool('bench/fixtures/long-article.ts', [], env);
  wiredesk = await startBenchServer(env);

  // The pages, as Wiredesk sends them to a browser; their bytes become the baseline's.
  const pages = [
    { name: 'article', path: articlePath },
    { name: 'home', path: '/' },
  ];
  /** @type {Record<string, { file: string, encoding: string }>} */
  const staticPages = {};
  for (const page of pages) {
    await getRaw(`${wiredesk.base}${page.path}`, ACCEPT); // rendered and kept
    const sent = await getRaw(`${wiredesk.base}${page.path}`, ACCEPT);
    if (
      sent.status !== 200 ||
      sent.headers['x-wiredesk-cache'] !== 'hit' ||
      sent.headers['content-encoding'] !== 'br'
    ) {
      throw new Error(
        `${page.path}: expected a brotli page from memory, got ${sent.status} ${JSON.stringify(sent.headers)}`,
      );
    }
    const html = zlib.brotliDecompressSync(sent.body).toString('utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].filter(([tag]) => !tag.includes('application/ld+json'));
    page.html = Buffer.byteLength(html);
    page.sent = sent.body.length;
    page.scripts = scripts.length;
    const file = path.join(work, `${page.name}.html.br`);
    fs.writeFileSync(file, sent.body);
    staticPages[page.path] = { file, encoding: 'br' };
  }
  fs.writeFileSync(path.join(work, 'pages.json'), JSON.stringify(staticPages));
  baseline = await startStaticServer(path.join(work, 'pages.json'));
  for (const page of pages) {
    const copy = await getRaw(`${baseline.base}${page.path}`, ACCEPT);
    if (!copy.body.equals(fs.readFileSync(staticPages[page.path].file)))
      throw new Error('the baseline sends other bytes');
  }

  console.log(
    `\nPublic pages, production build, embedded PGlite, demo newsroom + the long feature; ${os.cpus().length} cores (shared), load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} at the start`,
  );
  for (const page of pages) {
    console.log(
      `  ${page.name} ${page.path}: ${fmt(page.html / 1024)} kB of HTML, ${fmt(page.sent / 1024)} kB brotli as sent, ${page.scripts} script elements besides JSON-LD`,
    );
  }
  console.log(
    `wrk: 1 thread, keep-alive, Accept-Encoding: br, gzip; ${seconds} s per run, ${rounds} rounds per cell, interleaved Wiredesk (A) / static (B).\n`,
  );

  const servers = [
    { name: 'Wiredesk', base: wiredesk.base },
    { name: 'static', base: baseline.base },
  ];
  console.log('| page | conns | round | server | req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---|---:|---:|---:|---:|');
  const cells = [];
  for (const page of pages) {
    for (const connections of connectionCounts) {
      // Warm both (JIT, connection set-up) before anything counts.
      for (const server of servers)
        await runWrk({ url: `${server.base}${page.path}`, connections, seconds: 2, headers: ACCEPT });
      const runs = { Wiredesk: [], static: [] };
      for (let round = 1; round <= rounds; round++) {
        for (const server of servers) {
          const result = await runWrk({ url: `${server.base}${page.path}`, connections, seconds, headers: ACCEPT });
          runs[server.name].push(result);
          console.log(
            `| ${page.name} | ${connections} | ${round} | ${server.name} | ${fmt(result.rps, 0)} | ${fmt(result.p50, 2)} | ${fmt(result.p99, 2)} | ${result.errors} |`,
          );
        }
      }
      cells.push({ page, connections, runs });
    }
  }

  console.log(`\nMedians of ${rounds} rounds (errors: the sum), Wiredesk ÷ static per round then the median:\n`);
  console.log(
    '| page | conns | Wiredesk req/s | p50 ms | p99 ms | errors | static req/s | p50 ms | p99 ms | errors | Wiredesk ÷ static |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const summaries = [];
  for (const { page, connections, runs } of cells) {
    const summary = (list) => ({
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
    });
    const a = summary(runs.Wiredesk);
    const b = summary(runs.static);
    const ratio = median(runs.Wiredesk.map((r, i) => r.rps / runs.static[i].rps));
    summaries.push({ page: page.name, connections, a, ratio });
    console.log(
      `| ${page.name} | ${connections} | ${fmt(a.rps, 0)} | ${fmt(a.p50, 2)} | ${fmt(a.p99, 2)} | ${a.errors} | ${fmt(b.rps, 0)} | ${fmt(b.p50, 2)} | ${fmt(b.p99, 2)} | ${b.errors} | ${fmt(ratio, 2)} |`,
    );
  }
  const goal = summaries.find((s) => s.page === 'article' && s.connections === 50);
  if (goal) {
    const met = goal.ratio >= 0.5 && goal.a.p99 < 50 && goal.a.errors === 0;
    console.log(
      `\nGoal (article, 50 connections: ≥ 0.5 × static, p99 < 50 ms, 0 errors): ${met ? 'met' : 'MISSED'} — ${fmt(goal.ratio, 2)} ×, p99 ${fmt(goal.a.p99, 2)} ms, ${goal.a.errors} errors`,
    );
  }

  if (lighthouseRuns > 0) {
    console.log(
      `\nLighthouse 12.2.3, mobile (default config), Debian Chromium, median of ${lighthouseRuns} runs by performance score:\n`,
    );
    console.log(
      '| page | performance | accessibility | best practices | SEO | TBT ms | JS bytes | FCP ms | LCP ms | CLS | all runs: performance |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    const findings = [];
    for (const page of pages) {
      const results = [];
      for (let i = 0; i < lighthouseRuns; i++)
        results.push(await runLighthouse(`${wiredesk.base}${page.path}`, { chromiumPath }));
      const sorted = [...results].sort((x, y) => x.performance - y.performance);
      const r = sorted[Math.floor(sorted.length / 2)];
      console.log(
        `| ${page.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${fmt(r.tbtMs, 0)} | ${r.jsBytes} | ${fmt(r.fcpMs, 0)} | ${fmt(r.lcpMs, 0)} | ${fmt(r.cls, 3)} | ${results.map((x) => x.performance).join(', ')} |`,
      );
      if (r.findings.length > 0) findings.push(`${page.name}: ${r.findings.join('; ')}`);
    }
    if (findings.length > 0) console.log(`\nWhat cost points (median run):\n  ${findings.join('\n  ')}`);
  }
} finally {
  await baseline?.stop();
  await wiredesk?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
