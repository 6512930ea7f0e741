import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { readMigrationJournal } from './migrations';
import { checkReadiness } from './readiness';

test('an instance is ready when its database answers and has every migration this code ships', async () => {
  const readiness = await checkReadiness();
  const journal = readMigrationJournal();
  expect(readiness).toEqual({
    status: 'ready',
    database: 'ok',
    migrations: `${journal.length} applied, last ${journal.at(-1)!.tag}`,
    scheduler: 'stopped',
  });
});

test('a database missing a migration, or with one this code does not know, is not ready, and says which', async () => {
  const db = await getDb();
  const last = readMigrationJournal().at(-1)!;
  await db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last.when}`);
  try {
    expect(await checkReadiness()).toEqual({ status: 'unavailable', reason: `migrations not applied: ${last.tag}` });
    await db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', ${last.when}), ('y', ${last.when + 1})`,
    );
    expect(await checkReadiness()).toEqual({
      status: 'unavailable',
      reason: 'the database has 1 migration(s) this version does not know: a newer Wiredesk ran on it',
    });
  } finally {
    await db.execute(sql`delete from drizzle.__drizzle_migrations where created_at >= ${last.when}`);
    await db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('restored', ${last.when})`,
    );
  }
  expect((await checkReadiness()).status).toBe('ready');
});
