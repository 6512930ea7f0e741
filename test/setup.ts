import { randomBytes } from 'node:crypto';
import { format } from 'node:util';
import postgres from 'postgres';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { closeDb } from '@/db/client';
import { createLogger, installLogger } from '@/lib/log.js';

/*
 * Each test file gets its own empty, migrated database: in-memory PGlite by default,
 * or a fresh database on the PostgreSQL server in DATABASE_URL (npm run test:db).
 * The database is opened lazily, so files that never touch it pay nothing.
 */
// The server URL is remembered apart, since DATABASE_URL is pointed at this file's database.
if (process.env.DATABASE_URL && !process.env.WIREDESK_TEST_SERVER_URL) {
  process.env.WIREDESK_TEST_SERVER_URL = process.env.DATABASE_URL;
}
const serverUrl = process.env.WIREDESK_TEST_SERVER_URL;
let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const name = `wiredesk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  process.env.WIREDESK_DATA_DIR = 'memory://';
}

// Structured log lines would drown the test report; tests about logging capture their own.
installLogger(createLogger({ level: 'silent' }));

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});

// A console.error nobody expected fails the test (tests that expect one replace this spy).
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`Unexpected console.error: ${format(...args)}`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
