import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, type Database, type Transaction } from '@/db/client';
import { rowsOf } from '@/db/rows';

export type JournalEntry = { tag: string; when: number };

/** Where a database stands against the migrations folder this code ships with. */
export type MigrationStatus =
  | { status: 'current'; level: MigrationLevel }
  | { status: 'behind'; missing: string[] }
  | { status: 'ahead'; unknown: number };

/** A migration level, as backups record it: how many migrations, and the last one. */
export type MigrationLevel = { count: number; last: string | null; lastWhen: number | null };

let journal: JournalEntry[] | undefined;

/** The migrations this code ships with, oldest first (db/migrations/meta/_journal.json). */
export function readMigrationJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  if (folder === MIGRATIONS_FOLDER && journal) return journal;
  const text = fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8');
  const entries = (JSON.parse(text) as { entries: { tag: string; when: number }[] }).entries.map(({ tag, when }) => ({
    tag,
    when,
  }));
  if (folder === MIGRATIONS_FOLDER) journal = entries;
  return entries;
}

/** The migration level of this code: what a backup made now records. */
export function codeMigrationLevel(): MigrationLevel {
  const entries = readMigrationJournal();
  const last = entries.at(-1);
  return { count: entries.length, last: last?.tag ?? null, lastWhen: last?.when ?? null };
}

/**
 * Compares the migrations applied to a database (drizzle's own table) with the journal,
 * by the time stamp drizzle records for each: drizzle applies every journal entry newer
 * than the last one applied, so the two lists must be equal.
 */
export async function getMigrationStatus(db: Database | Transaction): Promise<MigrationStatus> {
  const rows = rowsOf<{ created_at: string }>(
    await db.execute(sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`),
  );
  const applied = new Set(rows.map((row) => Number(row.created_at)));
  const entries = readMigrationJournal();
  const known = new Set(entries.map((entry) => entry.when));
  const missing = entries.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
  const unknown = [...applied].filter((when) => !known.has(when)).length;
  if (unknown > 0) return { status: 'ahead', unknown };
  if (missing.length > 0) return { status: 'behind', missing };
  return { status: 'current', level: codeMigrationLevel() };
}
