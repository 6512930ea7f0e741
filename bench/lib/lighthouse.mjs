// Lighthouse (the exact devDependency, 12.2.3: 13 needs Node 22) on Debian's Chromium, with
// Lighthouse's default configuration — a mobile phone on a slow 4G network, simulated. The
// browser runs headless on a fresh profile, with nothing that would call out to Google.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';

const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Waits until Chromium's DevTools endpoint answers on `port`. */
async function waitForDevTools(port, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode}) before it listened`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}

/**
 * One Lighthouse run of `url` (mobile, default config) in a fresh Chromium. A run whose
 * trace Lighthouse could not record (NO_NAVSTART, NO_FCP…: it says "run Lighthouse
 * again", and it happens on a busy machine) is run again, up to three times in all.
 * @param {string} url
 * @param {{ chromiumPath: string }} options
 */
export async function runLighthouse(url, { chromiumPath }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouseOnce(url, { chromiumPath });
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt === 3) throw error;
      console.log(`  (Lighthouse: ${error.message}; running it again)`);
    }
  }
}

class LighthouseRuntimeError extends Error {}

/**
 * @param {string} url
 * @param {{ chromiumPath: string }} options
 */
async function runLighthouseOnce(url, { chromiumPath }) {
  const port = await freePort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-lighthouse-'));
  const chromium = spawn(
    chromiumPath,
    [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => chromium.once('exit', resolve));
  try {
    await waitForDevTools(port, chromium);
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRuntimeError(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (/** @type {string} */ id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const requests =
      /** @type {{ items?: { resourceType?: string, transferSize?: number }[] }} */ (
        lhr.audits['network-requests']?.details ?? {}
      ).items ?? [];
    /** Audits that cost points: the reasons a score is under 100. */
    const findings = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          findings.push(`${category.id}: ${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      // What the page downloaded as script, compressed as sent.
      jsBytes: requests
        .filter((request) => request.resourceType === 'Script')
        .reduce((sum, request) => sum + (request.transferSize ?? 0), 0),
      totalBytes: lhr.audits['total-byte-weight']?.numericValue ?? NaN,
      findings,
    };
  } finally {
    chromium.kill('SIGTERM');
    await exited;
    // Chromium's helper processes can still be writing to the profile as the browser exits.
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
