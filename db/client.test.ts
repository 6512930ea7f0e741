import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { spawnTs, waitForLine } from '@/test/child';
import { getDb, openDatabase, pgliteDirectory } from './client';
import { DataDirectoryInUseError } from './lock';
import { sections } from './schema';

const children: ReturnType<typeof spawnTs>[] = [];
const tempDirs: string[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-db-'));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('the database is migrated on first use: users, sections and sign-in attempts exist', async () => {
  const db = await getDb();
  const result = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table_name: string }[];
  expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['sections', 'sign_in_attempts', 'users']));
});

test('a second process opening the same data directory is refused with "in use by pid N"', async () => {
  const dataDir = tempDataDir();
  const holder = spawnTs('test/fixtures/hold-database.ts', [dataDir]);
  children.push(holder);
  await waitForLine(holder, 'ready');

  const attempt = openDatabase({ kind: 'pglite', dataDir });
  await expect(attempt).rejects.toBeInstanceOf(DataDirectoryInUseError);
  await expect(attempt).rejects.toThrow(`in use by pid ${holder.pid}`);
});

test('after the owner is killed with -9, its committed writes are there and the stale lock is taken over', async () => {
  const dataDir = tempDataDir();
  const holder = spawnTs('test/fixtures/hold-database.ts', [dataDir, 'obituaries']);
  children.push(holder);
  await waitForLine(holder, 'ready');
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  holder.kill('SIGKILL');
  await exited;
  expect(fs.existsSync(`${pgliteDirectory(dataDir)}.lock.pid`)).toBe(true);

  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const rows = await handle.db.select({ slug: sections.slug }).from(sections);
    expect(rows).toEqual([{ slug: 'obituaries' }]);
  } finally {
    await handle.close();
  }
  expect(fs.existsSync(`${pgliteDirectory(dataDir)}.lock.pid`)).toBe(false);
});
