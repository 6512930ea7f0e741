import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { getMigrationStatus } from '@/lib/migrations';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_NAME,
  mediaEntryName,
  tableEntryName,
  type BackupManifest,
} from './backup-manifest';
import { identifier, identifierList, planRestore, readTables, storedColumns, type TableInfo } from './database-tables';
import { isSafeEntryName, writeTarGz, type ArchiveSource } from './tar';

export class BackupError extends Error {
  override name = 'BackupError';
}

export type BackupSummary = {
  file: string;
  bytes: number;
  tables: { name: string; rows: number }[];
  mediaFiles: number;
  migrations: string;
};

const FETCH_ROWS = 1000;

/**
 * Session settings that make row text canonical whichever engine and server produced
 * it (times in UTC, bytea in hex, floats exact), so the same rows give the same bytes.
 */
export async function useCanonicalOutput(tx: Transaction): Promise<void> {
  await tx.execute(sql`select set_config('TimeZone', 'UTC', true)`);
  await tx.execute(sql`select set_config('bytea_output', 'hex', true)`);
  await tx.execute(sql`select set_config('extra_float_digits', '1', true)`);
  await tx.execute(sql`select set_config('DateStyle', 'ISO, YMD', true)`);
}

/** Writes one table's rows as JSON lines, in primary-key order, through a cursor. */
async function dumpTable(tx: Transaction, table: TableInfo, file: string): Promise<{ rows: number }> {
  const columns = storedColumns(table);
  const order = table.primaryKey.length > 0 ? table.primaryKey : columns;
  const cursor = identifier(`wiredesk_backup_${table.name}`);
  await tx.execute(sql`
    declare ${cursor} no scroll cursor for
    select row_to_json(r)::text as line
    from (select ${identifierList(columns)} from ${identifier(table.name)} order by ${identifierList(order)}) r`);
  const out = fs.openSync(file, 'wx');
  let rows = 0;
  try {
    for (;;) {
      const batch = rowsOf<{ line: string }>(
        await tx.execute(sql`fetch forward ${sql.raw(String(FETCH_ROWS))} from ${cursor}`),
      );
      if (batch.length === 0) break;
      fs.writeSync(out, batch.map((row) => `${row.line}\n`).join(''));
      rows += batch.length;
    }
  } finally {
    fs.closeSync(out);
    await tx.execute(sql`close ${cursor}`);
  }
  return { rows };
}

function sha256OfFile(file: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let bytes = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version?: string };
    return `wiredesk ${pkg.version ?? 'unknown'}`;
  } catch {
    return 'wiredesk';
  }
}

/**
 * Writes a backup of the whole newsroom — every table's rows and every uploaded image —
 * to one `.tar.gz` at `file`. The rows come from one consistent snapshot (a repeatable-
 * read transaction), so on PostgreSQL it runs while the servers do. The archive is
 * written under a temporary name and renamed when complete: a backup file that exists
 * is whole. Portable: rows are JSON, so a backup of the embedded database restores into
 * PostgreSQL and the other way round.
 */
export async function createBackup(
  db: Database,
  options: { file: string; mediaDir: string; databaseKind: 'pglite' | 'postgres'; now?: Date },
): Promise<BackupSummary> {
  const file = path.resolve(options.file);
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists; choose another name.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-backup-'));
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  try {
    fs.mkdirSync(path.join(staging, 'tables'));
    const snapshot = await db.transaction(
      async (tx) => {
        await useCanonicalOutput(tx);
        const status = await getMigrationStatus(tx);
        if (status.status !== 'current') {
          throw new BackupError(
            'The database is not at this version’s migration level; start Wiredesk once (it migrates) and try again.',
          );
        }
        // In restore order, so the manifest also says how to put the rows back.
        const { order } = planRestore(await readTables(tx));
        const tables: BackupManifest['tables'] = [];
        for (const table of order) {
          const name = tableEntryName(table.name);
          const staged = path.join(staging, name);
          const { rows } = await dumpTable(tx, table, staged);
          tables.push({ name: table.name, file: name, columns: storedColumns(table), rows, ...sha256OfFile(staged) });
        }
        const mediaRows = order.some((table) => table.name === 'media')
          ? rowsOf<{ file_path: string }>(await tx.execute(sql`select file_path from media order by id`))
          : [];
        return { level: status.level, tables, mediaPaths: mediaRows.map((row) => row.file_path) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const media: BackupManifest['media'] = [];
    const mediaSources: ArchiveSource[] = [];
    const missing: string[] = [];
    for (const filePath of snapshot.mediaPaths) {
      const name = mediaEntryName(filePath);
      const source = path.join(options.mediaDir, filePath);
      if (!isSafeEntryName(name) || !fs.existsSync(source)) {
        missing.push(filePath);
        continue;
      }
      media.push({ file: name, ...sha256OfFile(source) });
      mediaSources.push({ name, file: source });
    }
    if (missing.length > 0) {
      throw new BackupError(
        `${missing.length} uploaded image(s) are recorded in the database but missing from ${options.mediaDir} ` +
          `(first: ${missing[0]}). Is WIREDESK_MEDIA_DIR the folder the server uses?`,
      );
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      source: { database: options.databaseKind, app: appVersion() },
      migrations: snapshot.level,
      tables: snapshot.tables,
      media,
    };
    const manifestFile = path.join(staging, MANIFEST_NAME);
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

    const out = fs.createWriteStream(partial, { flags: 'wx' });
    const written = await writeTarGz(out, [
      { name: MANIFEST_NAME, file: manifestFile },
      ...snapshot.tables.map((table) => ({ name: table.file, file: path.join(staging, table.file) })),
      ...mediaSources,
    ]);
    // What was archived must be what the manifest describes (a media file cannot change
    // under us — they are written once — but say so loudly if one ever does).
    const expected = new Map([...snapshot.tables, ...media].map((entry) => [entry.file, entry.sha256]));
    for (const entry of written) {
      if (entry.name !== MANIFEST_NAME && expected.get(entry.name) !== entry.sha256) {
        throw new BackupError(`${entry.name} changed while the backup was being written; run it again.`);
      }
    }
    const handle = fs.openSync(partial, 'r');
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    fs.renameSync(partial, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      tables: snapshot.tables.map((table) => ({ name: table.name, rows: table.rows })),
      mediaFiles: media.length,
      migrations: `${snapshot.level.count} (${snapshot.level.last ?? 'none'})`,
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}
