import { CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';
import { defineConfig, devices } from '@playwright/test';

// Set by scripts/test-e2e.mjs (`npm run test:e2e`), which also prepares the data directory.
const port = process.env.E2E_PORT;
if (!port || !process.env.WIREDESK_DATA_DIR) {
  throw new Error('Run the browser tests with `npm run test:e2e` (it picks a port, a data directory and Chromium).');
}
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // One server with one embedded database on two cores: parallel workers only add noise.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'] },
  ],
  webServer: {
    // The production server (server/main.mjs), as `npm start` runs it.
    command: 'node server/main.mjs',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // One JSON line per request would bury the test report; warnings and errors still show.
    env: { WIREDESK_BASE_URL: baseURL, PORT: port, WIREDESK_HOSTNAME: '127.0.0.1', WIREDESK_LOG_LEVEL: 'warn' },
  },
});
