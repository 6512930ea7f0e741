import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

// getAuthSecret reads configuration once per process: load a fresh copy per test.
async function freshSecretModule(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return import('./secret');
}

const saved = { ...process.env };
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-secret-'));
});

afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('without AUTH_SECRET, a secret is generated on first start and kept in the data directory', async () => {
  const { getAuthSecret } = await freshSecretModule({ WIREDESK_DATA_DIR: dataDir, AUTH_SECRET: undefined });
  const secret = getAuthSecret();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  const file = path.join(dataDir, 'auth-secret');
  expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);

  // A restart (fresh module) reads the same secret, so sessions survive restarts.
  const again = await freshSecretModule({ WIREDESK_DATA_DIR: dataDir, AUTH_SECRET: undefined });
  expect(again.getAuthSecret()).toBe(secret);
});

test('AUTH_SECRET wins and nothing is written', async () => {
  const configured = 'x'.repeat(40);
  const { getAuthSecret } = await freshSecretModule({ WIREDESK_DATA_DIR: dataDir, AUTH_SECRET: configured });
  expect(getAuthSecret()).toBe(configured);
  expect(fs.existsSync(path.join(dataDir, 'auth-secret'))).toBe(false);
});

test('a truncated secret file is refused with a message saying what to do', async () => {
  fs.writeFileSync(path.join(dataDir, 'auth-secret'), 'abc\n');
  const { getAuthSecret } = await freshSecretModule({ WIREDESK_DATA_DIR: dataDir, AUTH_SECRET: undefined });
  expect(() => getAuthSecret()).toThrow('shorter than 32 characters; delete it to generate a new one');
});
