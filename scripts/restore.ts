// `npm run restore -- FILE [--force]`: puts a backup made by `npm run backup` into the
// configured database (DATABASE_URL, or the embedded one in WIREDESK_DATA_DIR) and media
// folder. Checks the whole archive first; writes the rows in one transaction. Refuses a
// database with content unless --force, and a database a server is running on.
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { DataDirectoryInUseError } from '@/db/lock';
import { RestoreError, restoreBackup } from '@/lib/backup/restore-backup';
import { ConfigError, getConfig } from '@/lib/config';

const USAGE = `Usage: npm run restore -- FILE [--force]

Restores a backup made by npm run backup: every table and every uploaded image.
The database must be empty (a new data directory, or a new PostgreSQL database)
unless --force is given, which replaces everything in it. Stop the server first.`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(`Name the backup file to restore.\n\n${USAGE}`);
  const config = getConfig();
  const db = await getDb();
  const started = performance.now();
  const summary = await restoreBackup(db, { file: positionals[0]!, mediaDir: config.mediaDir, force: values.force });
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Restored ${rows.toLocaleString('en')} rows in ${summary.tables.length} tables and ${summary.mediaFiles} media files ` +
      `(backup of ${summary.source.createdAt} from ${summary.source.database}, migration level ${summary.migrations}) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (summary.strayMediaFiles > 0) {
    console.log(
      `${summary.strayMediaFiles} file(s) in ${config.mediaDir} are not in the backup; they were left alone.`,
    );
  }
}

try {
  await run(process.argv.slice(2));
  await closeDb();
} catch (error) {
  const known =
    error instanceof UsageError ||
    error instanceof RestoreError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof ConfigError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(known ? `Wiredesk restore: ${(error as Error).message}` : error);
  process.exitCode = 1;
  await closeDb().catch(() => undefined);
}
