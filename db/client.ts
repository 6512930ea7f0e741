import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { getConfig, MEMORY_DATA_DIR } from '@/lib/config';
import { acquireDataDirLock } from './lock';
import * as schema from './schema';

/** The one database type the app codes against: PGlite and PostgreSQL share it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The handle inside db.transaction(async (tx) => …). */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export type DatabaseHandle = {
  db: Database;
  target: DatabaseTarget;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same for every Wiredesk instance.
const MIGRATION_LOCK_KEY = 7_281_203_311;

/** Where PGlite keeps its files inside the Wiredesk data directory. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/** Opens (and migrates) a database. Most code wants getDb(); this is for tools and tests. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target) : openPglite(target);
}

async function openPglite(target: { kind: 'pglite'; dataDir: string }): Promise<DatabaseHandle> {
  if (target.dataDir === MEMORY_DATA_DIR) {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, target, close: () => client.close() };
  }

  fs.mkdirSync(target.dataDir, { recursive: true });
  const dir = pgliteDirectory(target.dataDir);
  const release = acquireDataDirLock(dir);
  try {
    const client = await PGlite.create(dir);
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      target,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(target: { kind: 'postgres'; url: string }): Promise<DatabaseHandle> {
  // Several instances may start at once against one database: one migrates, the
  // others wait on the advisory lock and then find nothing left to do.
  const migrationClient = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    const migrationDb = drizzlePostgres(migrationClient);
    await migrationDb.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(migrationDb, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await migrationDb.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await migrationClient.end();
  }

  const client = postgres(target.url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return { db, target, close: () => client.end() };
}

/** The database this process is configured for: DATABASE_URL, else PGlite in the data directory. */
export function configuredTarget(): DatabaseTarget {
  const config = getConfig();
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

type Holder = { handle?: Promise<DatabaseHandle> };

// Cached on globalThis so `next dev` module reloads reuse the open database
// instead of opening the data directory a second time.
const holder: Holder = ((globalThis as { __wiredeskDb?: Holder }).__wiredeskDb ??= {});

function getHandle(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // Loud rather than silent: a build that read the database would create ./data, bake
    // one database's content into the output, and fail in CI, which has none.
    return Promise.reject(
      new Error('Wiredesk: a page or layout read the database during `next build`; render it at request time.'),
    );
  }
  if (!holder.handle) {
    const opening = openDatabase(configuredTarget());
    holder.handle = opening;
    // A failed open must not be cached forever: the next call tries again.
    opening.catch(() => {
      if (holder.handle === opening) holder.handle = undefined;
    });
  }
  return holder.handle;
}

/** The process-wide database, opened and migrated on first use (never at import). */
export async function getDb(): Promise<Database> {
  return (await getHandle()).db;
}

/** Closes the process-wide database (tests, CLI tools). */
export async function closeDb(): Promise<void> {
  const handle = holder.handle;
  holder.handle = undefined;
  if (handle) await (await handle).close();
}
