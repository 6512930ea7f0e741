#!/usr/bin/env node
// Live editing benchmark, against the production build on the embedded database: two real
// Chromium browsers (a reporter and an editor) in one story through the production server's
// collaboration socket. The reporter types one character at a time; for each keystroke,
// the time from its keydown in the reporter's browser to the character appearing in the
// editor's browser (both pages' clocks are the machine's). Baseline, interleaved in the
// same run and from the same browser: the lock heartbeat (POST …/lock, an authenticated
// request that writes one row), as in bench/authoring.mjs. Goal: p95 under 100 ms.
//   node bench/collab.mjs [keystrokes=300]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildIsCurrent, buildOrExit } from '../scripts/lib/build.mjs';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/lib/chromium.mjs';
import { percentiles, signIn, startBenchServer } from './lib/server.mjs';

const keystrokes = Number(process.argv[2] ?? 300);
if (!buildIsCurrent()) buildOrExit('the benchmark runs against a production build');
const executablePath = await ensureChromium();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-collab-'));
const env = { ...process.env, DATABASE_URL: '', WIREDESK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
const server = await startBenchServer(env);
const { base } = server;
const browsers = [];

/** A signed-in page in a browser of its own. */
async function pageFor(email) {
  const cookie = await signIn(base, email, 'wiredesk-demo');
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  browsers.push(browser);
  const context = await browser.newContext();
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    }),
  );
  return context.newPage();
}

const body = (page) => page.getByRole('textbox', { name: 'Story body' });

try {
  const reporter = await pageFor('reporter@wiredesk.test');
  const editor = await pageFor('editor@wiredesk.test');

  // A story written by the reporter, open in both browsers.
  await reporter.goto(`${base}/desk/stories/new`);
  await reporter.getByLabel('Headline').fill('Typing latency between two desks');
  await reporter.getByLabel('Section').selectOption({ label: 'World' });
  await body(reporter).click();
  await reporter.keyboard.type('Start.');
  await reporter.getByRole('button', { name: 'Save' }).click();
  await reporter.waitForURL(/\/desk\/stories\/\d+$/);
  const storyId = Number(new URL(reporter.url()).pathname.split('/').pop());
  await editor.goto(`${base}/desk/stories/${storyId}`);
  for (const page of [reporter, editor]) {
    await page.waitForSelector('[aria-label="Story body"][contenteditable="true"]', { timeout: 60_000 });
  }
  await body(reporter).click();
  await reporter.keyboard.press('Control+End');

  // The reporter's keydown times, and every change the editor's page sees, with its length.
  await reporter.evaluate(() => {
    window.__keydowns = [];
    document.addEventListener(
      'keydown',
      () => window.__keydowns.push(performance.timeOrigin + performance.now()),
      true,
    );
  });
  await editor.evaluate(() => {
    const root = document.querySelector('[aria-label="Story body"]');
    window.__seen = [];
    new MutationObserver(() =>
      window.__seen.push({ at: performance.timeOrigin + performance.now(), length: root.textContent.length }),
    ).observe(root, { subtree: true, childList: true, characterData: true });
  });
  const startLength = await editor.evaluate(
    () => document.querySelector('[aria-label="Story body"]').textContent.length,
  );

  const heartbeat = () =>
    reporter.evaluate(async (id) => {
      const started = performance.now();
      const response = await fetch(`/api/stories/${id}/lock`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', 'x-edit-session': 'bench-collab-session-0001' },
      });
      await response.text();
      return performance.now() - started;
    }, storyId);

  const warmup = 20;
  const heartbeats = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < warmup + keystrokes; i++) {
    await reporter.keyboard.type(letters[i % letters.length]);
    const expected = startLength + i + 1;
    await editor.waitForFunction(
      (length) => document.querySelector('[aria-label="Story body"]').textContent.length >= length,
      expected,
      { timeout: 10_000, polling: 'raf' },
    );
    const ms = await heartbeat();
    if (i >= warmup) heartbeats.push(ms);
    // About a typist's pace; the heartbeat's own time is part of the pause.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const keydowns = await reporter.evaluate(() => window.__keydowns);
  const seen = await editor.evaluate(() => window.__seen);
  const latencies = [];
  for (let i = warmup; i < warmup + keystrokes; i++) {
    const shown = seen.find((entry) => entry.length >= startLength + i + 1);
    if (!shown || keydowns[i] === undefined) throw new Error(`keystroke ${i} never arrived`);
    latencies.push(shown.at - keydowns[i]);
  }

  const keys = percentiles(latencies);
  const baseline = percentiles(heartbeats);
  const f = (ms) => ms.toFixed(1);
  console.log(
    `\nLive editing through the production server, ${keystrokes} keystrokes (after ${warmup} to warm up), two Chromium browsers, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log('| measure | p50 ms | p95 ms | p99 ms | p50 × baseline |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| lock heartbeat from the reporter's browser (baseline) | ${f(baseline.p50)} | ${f(baseline.p95)} | ${f(baseline.p99)} | 1.0 |`,
  );
  console.log(
    `| keystroke in one browser → shown in the other | ${f(keys.p50)} | ${f(keys.p95)} | ${f(keys.p99)} | ${(keys.p50 / baseline.p50).toFixed(1)} |`,
  );
  console.log(`\n${keys.p95 < 100 ? 'met' : 'NOT MET'}: keystroke → other browser p95 ${f(keys.p95)} ms < 100 ms`);
} finally {
  for (const browser of browsers) await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
