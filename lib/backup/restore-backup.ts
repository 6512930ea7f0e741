import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { SCHEDULER_LEADER_KEY } from '@/lib/leadership';
import { getMigrationStatus } from '@/lib/migrations';
import { INVALIDATION_CHANNEL } from '@/lib/public-cache/invalidate-public-pages';
import { BackupManifestSchema, MANIFEST_NAME, type BackupManifest } from './backup-manifest';
import { useCanonicalOutput } from './create-backup';
import { DERIVED_TABLES, identifier, identifierList, planRestore, readTables, storedColumns } from './database-tables';
import { ArchiveError, extractTarGz, type ArchiveEntry } from './tar';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

export type RestoreSummary = {
  tables: { name: string; rows: number }[];
  mediaFiles: number;
  migrations: string;
  source: BackupManifest['source'] & { createdAt: string };
  /** Files in the media directory that the backup does not know (left alone). */
  strayMediaFiles: number;
};

// A batch of rows is sent as one JSON parameter: big enough to be fast, small enough
// for PGlite's single connection.
const BATCH_BYTES = 512 * 1024;
const BATCH_ROWS = 500;

/** Unpacks and checks an archive in a temporary folder; nothing outside it is touched. */
async function openArchive(file: string, into: string): Promise<BackupManifest> {
  let entries: ArchiveEntry[];
  try {
    entries = await extractTarGz(fs.createReadStream(file), into);
  } catch (error) {
    if (error instanceof ArchiveError) throw new RestoreError(`${file}: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RestoreError(`${file} does not exist.`);
    throw error;
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if (!byName.has(MANIFEST_NAME))
    throw new RestoreError(`${file} is not a Wiredesk backup (it has no ${MANIFEST_NAME}).`);
  let manifest: BackupManifest;
  try {
    const parsed = BackupManifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(into, MANIFEST_NAME), 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new RestoreError(`${file} has an unreadable manifest (${first.path.join('.')}: ${first.message}).`);
    }
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`${file} has an unreadable manifest (it is not JSON).`);
  }
  const listed = [...manifest.tables, ...manifest.media];
  for (const item of listed) {
    const entry = byName.get(item.file);
    if (!entry) throw new RestoreError(`${file} is incomplete: ${item.file} is listed in its manifest but missing.`);
    if (entry.size !== item.bytes || entry.sha256 !== item.sha256) {
      throw new RestoreError(`${file} is damaged: ${item.file} does not match its checksum.`);
    }
  }
  const known = new Set([MANIFEST_NAME, ...listed.map((item) => item.file)]);
  const extra = entries.find((entry) => !known.has(entry.name));
  if (extra) throw new RestoreError(`${file} holds ${extra.name}, which its manifest does not list.`);
  return manifest;
}

async function* readLines(file: string): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/** Groups JSON lines into batches for one statement each. */
async function* batches(lines: AsyncIterable<string>): AsyncGenerator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for await (const line of lines) {
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/** Whether a Wiredesk server is running on this database (one always holds the leader lock). */
async function isServedElsewhere(db: Database): Promise<boolean> {
  const rows = rowsOf<{ held: boolean }>(
    await db.execute(sql`
      select exists(
        select 1 from pg_locks
        where locktype = 'advisory' and granted and pid <> pg_backend_pid()
          and ((classid::bigint << 32) | objid::bigint) = ${SCHEDULER_LEADER_KEY}
      ) as held`),
  );
  return rows[0]?.held === true;
}

async function countRows(tx: Database | Transaction, table: string): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(
    await tx.execute(sql`select count(*)::text as n from ${identifier(table)}`),
  );
  return Number(row?.n ?? 0);
}

/** Writes a file into the media directory under a temporary name, then renames it. */
function placeMediaFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const temporary = `${to}.${randomBytes(6).toString('hex')}.tmp`;
  fs.copyFileSync(from, temporary);
  fs.renameSync(temporary, to);
  // Variants are made from the original on request; old ones may belong to other bytes.
  const dir = path.dirname(to);
  const base = path.basename(to);
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(`${base}.w`) && name.endsWith('.webp')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function countStrayMedia(mediaDir: string, keep: Set<string>): number {
  let stray = 0;
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (!/\.w\d+\.webp$/.test(entry.name) && !keep.has(relative)) stray++;
    }
  };
  if (fs.existsSync(mediaDir)) walk(mediaDir, '');
  return stray;
}

/**
 * Restores a backup made by createBackup into `db` and `mediaDir`. Everything is checked
 * before anything is written: the archive (manifest, every checksum, nothing extra), the
 * migration level (it must be this code's: restore with the version that made it, then
 * upgrade), the tables and columns, that no server runs on the database, and that the
 * database is empty unless `force`. Then the media files are put in place (each whole,
 * by rename) and all rows are written in one transaction — with `force`, after emptying
 * every table — so a failure leaves the database as it was.
 */
export async function restoreBackup(
  db: Database,
  options: { file: string; mediaDir: string; force?: boolean },
): Promise<RestoreSummary> {
  const file = path.resolve(options.file);
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-restore-'));
  try {
    const manifest = await openArchive(file, unpacked);

    const status = await getMigrationStatus(db);
    if (status.status !== 'current') {
      throw new RestoreError('This database is not at this version’s migration level; start Wiredesk once first.');
    }
    const level = status.level;
    if (manifest.migrations.count !== level.count || manifest.migrations.lastWhen !== level.lastWhen) {
      throw new RestoreError(
        `The backup was made at migration level ${manifest.migrations.count} (${manifest.migrations.last}); ` +
          `this Wiredesk is at ${level.count} (${level.last}). Restore it with the Wiredesk version that made it, ` +
          'then start this version on the restored database: it applies the newer migrations.',
      );
    }
    const tables = await readTables(db);
    const plan = planRestore(tables);
    const archived = new Map(manifest.tables.map((table) => [table.name, table]));
    for (const table of tables) {
      const entry = archived.get(table.name);
      if (!entry) throw new RestoreError(`The backup has no rows for table ${table.name}.`);
      if (entry.columns.join(',') !== storedColumns(table).join(',')) {
        throw new RestoreError(`The backup's columns for ${table.name} differ from this database's.`);
      }
    }
    const extraTable = manifest.tables.find((table) => !tables.some((t) => t.name === table.name));
    if (extraTable) throw new RestoreError(`The backup has a table this database does not: ${extraTable.name}.`);

    if (await isServedElsewhere(db)) {
      throw new RestoreError('A Wiredesk server is running on this database. Stop every instance, then restore.');
    }
    if (!options.force) {
      for (const table of tables) {
        if (DERIVED_TABLES.includes(table.name)) continue;
        if ((await countRows(db, table.name)) > 0) {
          throw new RestoreError(
            `The database is not empty (${table.name} has rows). Restore into an empty database, or add --force to replace everything in it.`,
          );
        }
      }
    }

    for (const item of manifest.media) {
      placeMediaFile(path.join(unpacked, item.file), path.join(options.mediaDir, item.file.slice('media/'.length)));
    }

    let step = 'starting';
    await db
      .transaction(async (tx) => {
        await useCanonicalOutput(tx);
        for (const table of tables) await tx.execute(sql`alter table ${identifier(table.name)} disable trigger user`);
        // Every table at once: no foreign key is left pointing at a row that went.
        await tx.execute(sql`truncate table ${identifierList(tables.map((t) => t.name))} restart identity`);
        for (const table of plan.order) {
          step = `writing ${table.name}`;
          const columns = storedColumns(table);
          const deferred = new Set(plan.deferred.get(table.name) ?? []);
          const select = sql.raw(
            columns.map((c) => (deferred.has(c) ? 'null' : `"${c.replace(/"/g, '""')}"`)).join(', '),
          );
          for await (const rows of batches(readLines(path.join(unpacked, archived.get(table.name)!.file)))) {
            await tx.execute(sql`
            insert into ${identifier(table.name)} (${identifierList(columns)}) overriding system value
            select ${select} from json_populate_recordset(null::${identifier(table.name)}, ${`[${rows.join(',')}]`}::json)`);
          }
        }
        // Second pass: the references that had to wait (self-references, one side of a cycle).
        for (const [name, columns] of plan.deferred) {
          step = `linking ${name}`;
          const table = tables.find((t) => t.name === name)!;
          const key = table.primaryKey;
          const keep = [...key, ...columns];
          const match = sql.raw(key.map((c) => `t."${c}" = s."${c}"`).join(' and '));
          const assign = sql.raw(columns.map((c) => `"${c}" = s."${c}"`).join(', '));
          const withValues = async function* () {
            for await (const line of readLines(path.join(unpacked, archived.get(name)!.file))) {
              const row = JSON.parse(line) as Record<string, unknown>;
              if (columns.some((c) => row[c] !== null && row[c] !== undefined)) {
                yield JSON.stringify(Object.fromEntries(keep.map((c) => [c, row[c]])));
              }
            }
          };
          for await (const rows of batches(withValues())) {
            await tx.execute(sql`
            update ${identifier(name)} as t set ${assign}
            from json_populate_recordset(null::${identifier(name)}, ${`[${rows.join(',')}]`}::json) as s
            where ${match}`);
          }
        }
        for (const table of tables) {
          const expected = archived.get(table.name)!.rows;
          const actual = await countRows(tx, table.name);
          if (actual !== expected) {
            throw new RestoreError(
              `${table.name}: ${actual} rows restored, the backup has ${expected}; nothing was changed.`,
            );
          }
          for (const column of table.columns.filter((c) => c.identity)) {
            // The next id continues after the restored ones.
            await tx.execute(sql`
            select setval(pg_get_serial_sequence(${`"${table.name}"`}, ${column.name}),
                          coalesce(max(${identifier(column.name)}), 0) + 1, false)
            from ${identifier(table.name)}`);
          }
          await tx.execute(sql`alter table ${identifier(table.name)} enable trigger user`);
        }
        // Any instance still caching pages drops them all when this commits.
        await tx.execute(
          sql`select pg_notify(${INVALIDATION_CHANNEL}, ${JSON.stringify({ origin: 'restore', everything: true })})`,
        );
      })
      .catch((error: unknown) => {
        if (error instanceof RestoreError) throw error;
        // The driver's message quotes the whole statement, rows and all; the cause says why.
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        throw new RestoreError(
          `Restoring failed while ${step} (${cause instanceof Error ? cause.message : String(cause)}); the database was left as it was.`,
        );
      });

    return {
      tables: manifest.tables.map((table) => ({ name: table.name, rows: table.rows })),
      mediaFiles: manifest.media.length,
      migrations: `${level.count} (${level.last ?? 'none'})`,
      source: { ...manifest.source, createdAt: manifest.createdAt },
      strayMediaFiles: countStrayMedia(
        options.mediaDir,
        new Set(manifest.media.map((item) => item.file.slice('media/'.length))),
      ),
    };
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
}
