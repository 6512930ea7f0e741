import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { acquireDataDirLock, DataDirectoryInUseError } from './lock';

const dirs: string[] = [];
function lockPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pgdata');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('taking the lock writes our pid; releasing removes the file', () => {
  const dataDir = lockPath();
  const release = acquireDataDirLock(dataDir);
  expect(fs.readFileSync(`${dataDir}.lock.pid`, 'utf8').trim()).toBe(String(process.pid));
  release();
  expect(fs.existsSync(`${dataDir}.lock.pid`)).toBe(false);
});

test('the lock is re-entrant within one process', () => {
  const dataDir = lockPath();
  const first = acquireDataDirLock(dataDir);
  expect(acquireDataDirLock(dataDir)).toBe(first);
  first();
});

test('a lock held by a live process is refused with its pid and what to do', async () => {
  const dataDir = lockPath();
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    fs.writeFileSync(`${dataDir}.lock.pid`, `${other.pid}\n`);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirectoryInUseError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(`is in use by pid ${other.pid}`);
    expect(() => acquireDataDirLock(dataDir)).toThrow(`delete ${dataDir}.lock.pid`);
  } finally {
    other.kill('SIGKILL');
  }
});

test('a lock left by a dead process is taken over', async () => {
  const dataDir = lockPath();
  const other = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => other.once('exit', resolve));
  fs.writeFileSync(`${dataDir}.lock.pid`, `${other.pid}\n`);
  const release = acquireDataDirLock(dataDir);
  expect(fs.readFileSync(`${dataDir}.lock.pid`, 'utf8').trim()).toBe(String(process.pid));
  release();
});

test('a half-written lock file (no pid) is taken over', () => {
  const dataDir = lockPath();
  fs.writeFileSync(`${dataDir}.lock.pid`, '');
  const release = acquireDataDirLock(dataDir);
  expect(fs.readFileSync(`${dataDir}.lock.pid`, 'utf8').trim()).toBe(String(process.pid));
  release();
});
