// Finds a Chromium for Playwright, installing one if none is there:
// PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
// browser; failing those, Debian's package via apt (root on Debian) or Playwright's
// download (where the network allows it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { installDebianPackage } from './debian-package.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * How every browser the tests and benchmarks start runs Chromium: as root, without network
 * — no sandbox, no GPU, and no background calls to Google (updates, sync, first-run pages).
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

async function playwrightBrowserPath() {
  try {
    const { chromium } = await import('@playwright/test');
    const executable = chromium.executablePath();
    return executable && fs.existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

function installWithApt() {
  return installDebianPackage('chromium', 'for the browser tests') && fs.existsSync(DEBIAN_CHROMIUM);
}

function installWithPlaywright() {
  console.log('Wiredesk: downloading Playwright’s Chromium for the browser tests…');
  const result = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], {
    stdio: 'inherit',
    timeout: 10 * 60_000,
  });
  return result.status === 0;
}

/** The Chromium executable to use; exits with one clear line if none can be had. */
export async function ensureChromium() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    console.error(`Wiredesk: PLAYWRIGHT_CHROMIUM_PATH=${configured} does not exist.`);
    process.exit(1);
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const own = await playwrightBrowserPath();
  if (own) return own;
  if (installWithApt()) return DEBIAN_CHROMIUM;
  if (installWithPlaywright()) {
    const downloaded = await playwrightBrowserPath();
    if (downloaded) return downloaded;
  }
  console.error(
    'Wiredesk: the browser tests need Chromium: install it (Debian: `apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set PLAYWRIGHT_CHROMIUM_PATH.',
  );
  process.exit(1);
}
