import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runTs, spawnTs, waitForLine } from '@/test/child';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
const env = { WIREDESK_DATA_DIR: dataDir, DATABASE_URL: '' };
const user = (args: string[], stdin?: string) => runTs('scripts/user.ts', args, env, stdin);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('create makes an account with the password from standard input', async () => {
  const result = await user(
    ['create', '--role', 'admin', '--email', 'Chief@Example.org', '--name', 'Chief Editor'],
    'a long enough password\n',
  );
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('Created admin Chief Editor <chief@example.org>');
  expect(result.code).toBe(0);

  const list = await user(['list']);
  expect(list.stdout).toMatch(/chief@example\.org\s+admin\s+active\s+Chief Editor/);
});

test('bad input names every problem and exits 1 without creating anything', async () => {
  const result = await user(['create', '--role', 'boss', '--email', 'nope', '--name', 'X'], 'short\n');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Enter a valid email address');
  expect(result.stderr).toContain('Role must be one of reporter, editor, admin');
  expect(result.stderr).toContain('Password must be at least 8 characters');
  expect((await user(['list'])).stdout).not.toContain('nope');
});

test('a missing option or unknown command is a usage error', async () => {
  const missing = await user(['create', '--role', 'admin', '--name', 'X'], 'long enough pw\n');
  expect(missing).toMatchObject({ code: 1, stderr: '--email is required.\n' });
  const unknown = await user(['promote']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('Unknown command "promote"');
});

test('role changes and deactivation; the last admin is protected', async () => {
  await user(['create', '--role', 'reporter', '--email', 'cub@example.org', '--name', 'Cub'], 'long enough pw\n');
  expect((await user(['set-role', '--email', 'cub@example.org', '--role', 'editor'])).stdout).toContain(
    'Updated: Cub <cub@example.org>, editor.',
  );
  expect((await user(['deactivate', '--email', 'cub@example.org'])).code).toBe(0);
  expect((await user(['list'])).stdout).toMatch(/cub@example\.org\s+editor\s+deactivated/);
  const lastAdmin = await user(['deactivate', '--email', 'chief@example.org']);
  expect(lastAdmin).toMatchObject({ code: 1, stderr: 'Wiredesk needs at least one active admin.\n' });
});

test('while a server holds the embedded database, the tool refuses with the pid instead of corrupting it', async () => {
  const server = spawnTs('test/fixtures/hold-database.ts', [dataDir]);
  try {
    await waitForLine(server, 'ready');
    const result = await user(['list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`is in use by pid ${server.pid}`);
  } finally {
    server.kill('SIGKILL');
  }
});
