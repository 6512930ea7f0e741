// `npm run backup [-- FILE]`: the whole newsroom (database + uploaded images) in one
// portable .tar.gz. On PostgreSQL it runs while the servers do (one consistent
// snapshot); with the embedded database, stop the server first (only one process may
// open the data directory). docs/decisions/010-production-server-and-scale-out.md
import { parseArgs } from 'node:util';
import { closeDb, configuredTarget, getDb } from '@/db/client';
import { DataDirectoryInUseError } from '@/db/lock';
import { BackupError, createBackup } from '@/lib/backup/create-backup';
import { ConfigError, getConfig } from '@/lib/config';

const USAGE = `Usage: npm run backup [-- FILE]

Writes every table and every uploaded image to FILE (default:
wiredesk-backup-YYYYMMDD-HHMMSS.tar.gz in the current folder). Restore it with
npm run restore -- FILE.`;

class UsageError extends Error {}

function defaultName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `wiredesk-backup-${stamp}.tar.gz`;
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 1) throw new UsageError(`One file name at most.\n\n${USAGE}`);
  const config = getConfig();
  const target = configuredTarget();
  const db = await getDb();
  const started = performance.now();
  const summary = await createBackup(db, {
    file: positionals[0] ?? defaultName(new Date()),
    mediaDir: config.mediaDir,
    databaseKind: target.kind,
  });
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Backed up ${rows.toLocaleString('en')} rows in ${summary.tables.length} tables and ${summary.mediaFiles} media files ` +
      `(migration level ${summary.migrations}) to ${summary.file} ` +
      `(${(summary.bytes / 1024 / 1024).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
}

try {
  await run(process.argv.slice(2));
  await closeDb();
} catch (error) {
  const known =
    error instanceof UsageError ||
    error instanceof BackupError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof ConfigError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(known ? `Wiredesk backup: ${(error as Error).message}` : error);
  process.exitCode = 1;
  await closeDb().catch(() => undefined);
}
