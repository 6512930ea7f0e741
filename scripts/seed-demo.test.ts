import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEMO_STORIES } from '@/db/demo/demo-content';
import { runTs, spawnTs, waitForLine } from '@/test/child';

// A real data directory, as an operator has: the tool opens the embedded database itself.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-seed-demo-'));
const env = { WIREDESK_DATA_DIR: dataDir, DATABASE_URL: '', WIREDESK_DEMO: '1' };
const seedDemo = (args: string[] = [], extra: Record<string, string> = {}) =>
  runTs('scripts/seed-demo.ts', args, { ...env, ...extra });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('in production mode (WIREDESK_DEMO=0) it refuses with one line and adds nothing', async () => {
  const result = await seedDemo([], { WIREDESK_DEMO: '0' });
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toEqual([
    'Wiredesk: WIREDESK_DEMO=0 (production mode), so no demo content was added; run `npm run seed:demo -- --force` to add it anyway.',
  ]);
  // It did not even open the database.
  expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
});

test('seed:demo fills a database with the demo newsroom once; a second run adds nothing', async () => {
  const first = await seedDemo();
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(
    new RegExp(
      `^Wiredesk: added the demo newsroom: ${DEMO_STORIES.length + 1} stories, \\d+ wire items, in \\d+ ms\\.\\n$`,
    ),
  );
  const second = await seedDemo();
  expect(second).toMatchObject({
    code: 0,
    stdout: `Wiredesk: the demo newsroom is already there (${DEMO_STORIES.length + 1} stories); nothing added.\n`,
  });
});

test('--force adds it in production mode too, to a database that has none', async () => {
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-seed-demo-prod-'));
  try {
    const result = await runTs('scripts/seed-demo.ts', ['--force'], {
      WIREDESK_DATA_DIR: other,
      DATABASE_URL: '',
      WIREDESK_DEMO: '0',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wiredesk: added the demo newsroom:');
    // Without demo mode there is no known password: the accounts it needed are locked.
    expect(result.stdout).toContain('demo accounts were created without a usable password');
  } finally {
    fs.rmSync(other, { recursive: true, force: true });
  }
});

test('while a server holds the embedded database, it refuses with the pid instead of corrupting it', async () => {
  const server = spawnTs('test/fixtures/hold-database.ts', [dataDir]);
  try {
    await waitForLine(server, 'ready');
    const result = await seedDemo();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`is in use by pid ${server.pid}`);
  } finally {
    server.kill('SIGKILL');
  }
});
