import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getDb, openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { getConfig, MEMORY_DATA_DIR } from '@/lib/config';
import { SCHEDULER_LEADER_KEY, startLeadership } from '@/lib/leadership';
import { fillNewsroom } from '@/test/newsroom-fixture';
import { BackupManifestSchema, MANIFEST_NAME, type BackupManifest } from './backup-manifest';
import { createBackup } from './create-backup';
import { DERIVED_TABLES, planRestore, readTables } from './database-tables';
import { restoreBackup } from './restore-backup';
import { extractTarGz, writeTarGz } from './tar';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-backup-test-'));
const onPostgres = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const opened: (() => Promise<void>)[] = [];
let n = 0;

afterAll(async () => {
  for (const close of opened.reverse()) await close();
  fs.rmSync(work, { recursive: true, force: true });
});

beforeAll(async () => {
  await fillNewsroom();
});

/** Another empty, migrated database of the given kind, like a second newsroom server's. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<DatabaseHandle & { url?: string }> {
  let handle: DatabaseHandle & { url?: string };
  if (kind === 'pglite') {
    handle = await openDatabase({ kind: 'pglite', dataDir: MEMORY_DATA_DIR });
    opened.push(handle.close);
  } else {
    const server = process.env.WIREDESK_TEST_SERVER_URL!;
    const name = `wiredesk_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    handle = { ...(await openDatabase({ kind: 'postgres', url: url.toString() })), url: url.toString() };
    opened.push(async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    });
  }
  return handle;
}

const file = (label: string) => path.join(work, `${++n}-${label}.tar.gz`);
const mediaDir = (label: string) => fs.mkdtempSync(path.join(work, `media-${label}-`));

async function backupOf(db: Database, kind: 'pglite' | 'postgres', media: string, label: string) {
  const target = file(label);
  await createBackup(db, { file: target, mediaDir: media, databaseKind: kind });
  return { file: target, manifest: await readManifest(target) };
}

async function readManifest(archive: string): Promise<BackupManifest> {
  const dir = fs.mkdtempSync(path.join(work, 'unpacked-'));
  await extractTarGz(fs.createReadStream(archive), dir);
  return BackupManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_NAME), 'utf8')));
}

/** The parts of two manifests that must be equal for "every row and every file identical". */
const contents = (manifest: BackupManifest) => ({
  migrations: manifest.migrations,
  tables: manifest.tables,
  media: manifest.media,
});

test('the fixture newsroom has rows in every table, so the round trips below cover them all', async () => {
  const db = await getDb();
  const empty: string[] = [];
  for (const table of await readTables(db)) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${table.name}"`)));
    if (!row?.n) empty.push(table.name);
  }
  expect(empty).toEqual([]);
});

test('a restore order puts every referenced table first and defers only self-references and one side of a cycle', async () => {
  const plan = planRestore(await readTables(await getDb()));
  const names = plan.order.map((table) => table.name);
  expect(names.indexOf('users')).toBeLessThan(names.indexOf('stories'));
  expect(names.indexOf('stories')).toBeLessThan(names.indexOf('story_revisions'));
  expect(names.indexOf('wire_files')).toBeLessThan(names.indexOf('wire_items'));
  expect(Object.fromEntries(plan.deferred)).toEqual({
    stories: ['live_revision_id'],
    story_revisions: ['restored_from_id'],
    wire_items: ['previous_id'],
  });
});

test(`a backup restores into an empty ${onPostgres} database with every row and every media file identical`, async () => {
  const source = await getDb();
  const sourceMedia = getConfig().mediaDir;
  const original = await backupOf(source, onPostgres, sourceMedia, 'original');
  expect(original.manifest.media.length).toBeGreaterThan(0);
  expect(original.manifest.tables.find((t) => t.name === 'story_revisions')!.rows).toBeGreaterThan(3);

  const target = await emptyDatabase(onPostgres);
  const targetMedia = mediaDir('target');
  const summary = await restoreBackup(target.db, { file: original.file, mediaDir: targetMedia });
  expect(summary.mediaFiles).toBe(original.manifest.media.length);
  const again = await backupOf(target.db, onPostgres, targetMedia, 'restored');
  expect(contents(again.manifest)).toEqual(contents(original.manifest));
  for (const item of original.manifest.media) {
    const relative = item.file.slice('media/'.length);
    expect(fs.readFileSync(path.join(targetMedia, relative))).toEqual(
      fs.readFileSync(path.join(sourceMedia, relative)),
    );
  }

  // New rows continue after the restored ids, and the triggers are back on.
  const [maxUser] = rowsOf<{ max: number }>(await target.db.execute(sql`select max(id)::int as max from users`));
  const [section] = rowsOf<{ id: number }>(
    await target.db.execute(sql`insert into sections (slug, name) values ('after-restore', 'After') returning id`),
  );
  expect(section!.id).toBeGreaterThan(0);
  const [maxSection] = rowsOf<{ max: number }>(
    await target.db.execute(sql`select max(id)::int as max from sections where slug <> 'after-restore'`),
  );
  expect(section!.id).toBeGreaterThan(maxSection!.max);
  expect(maxUser!.max).toBeGreaterThan(0);
  const disabled = rowsOf<{ name: string }>(
    await target.db.execute(sql`
      select tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal and t.tgenabled = 'D'`),
  );
  expect(disabled).toEqual([]);
});

test('a database with content is refused unless --force, which replaces all of it', async () => {
  const original = await backupOf(await getDb(), onPostgres, getConfig().mediaDir, 'force');
  const target = await emptyDatabase(onPostgres);
  const media = mediaDir('force');
  await target.db.execute(sql`insert into sections (slug, name) values ('already-here', 'Already here')`);
  await expect(restoreBackup(target.db, { file: original.file, mediaDir: media })).rejects.toThrow(
    'The database is not empty (sections has rows). Restore into an empty database, or add --force to replace everything in it.',
  );
  expect(fs.readdirSync(media)).toEqual([]);
  await restoreBackup(target.db, { file: original.file, mediaDir: media, force: true });
  const after = await backupOf(target.db, onPostgres, media, 'forced');
  expect(contents(after.manifest)).toEqual(contents(original.manifest));
});

test('a damaged, incomplete or foreign archive is refused before anything is written', async () => {
  const original = await backupOf(await getDb(), onPostgres, getConfig().mediaDir, 'damage');
  const target = await emptyDatabase(onPostgres);
  const media = mediaDir('damage');
  const bytes = fs.readFileSync(original.file);

  const truncated = file('truncated');
  fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await expect(restoreBackup(target.db, { file: truncated, mediaDir: media })).rejects.toThrow(
    /damaged or incomplete|incomplete/,
  );
  const notOurs = file('not-ours');
  fs.writeFileSync(notOurs, 'just some text\n');
  await expect(restoreBackup(target.db, { file: notOurs, mediaDir: media })).rejects.toThrow(
    'is damaged or incomplete (it is not a readable .tar.gz)',
  );
  await expect(restoreBackup(target.db, { file: path.join(work, 'nope.tar.gz'), mediaDir: media })).rejects.toThrow(
    'does not exist',
  );

  // A row changed inside the archive: the checksum in the manifest no longer matches.
  const dir = fs.mkdtempSync(path.join(work, 'tamper-'));
  const entries = await extractTarGz(fs.createReadStream(original.file), dir);
  const users = path.join(dir, 'tables', 'users.ndjson');
  fs.writeFileSync(users, fs.readFileSync(users, 'utf8').replace('"role":"reporter"', '"role":"admin"'));
  const tampered = file('tampered');
  await writeTarGz(
    fs.createWriteStream(tampered),
    entries.map((entry) => ({ name: entry.name, file: path.join(dir, entry.name) })),
  );
  await expect(restoreBackup(target.db, { file: tampered, mediaDir: media })).rejects.toThrow(
    'is damaged: tables/users.ndjson does not match its checksum.',
  );

  // A backup from another migration level: refused, with what to do instead.
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_NAME), 'utf8')) as BackupManifest;
  fs.writeFileSync(
    path.join(dir, MANIFEST_NAME),
    JSON.stringify({ ...manifest, migrations: { count: 5, last: '0004_wire_ingest', lastWhen: 1 } }),
  );
  fs.writeFileSync(users, fs.readFileSync(users, 'utf8').replace('"role":"admin"', '"role":"reporter"'));
  const older = file('older');
  await writeTarGz(
    fs.createWriteStream(older),
    entries.map((entry) => ({ name: entry.name, file: path.join(dir, entry.name) })),
  );
  await expect(restoreBackup(target.db, { file: older, mediaDir: media })).rejects.toThrow(
    /The backup was made at migration level 5 \(0004_wire_ingest\); this Wiredesk is at \d+ \(\d{4}_\w+\)\. Restore it with the Wiredesk version that made it/,
  );

  // Nothing reached the database or the media folder.
  for (const table of await readTables(target.db)) {
    if (DERIVED_TABLES.includes(table.name)) continue;
    const [row] = rowsOf<{ n: number }>(
      await target.db.execute(sql.raw(`select count(*)::int as n from "${table.name}"`)),
    );
    expect(row?.n, table.name).toBe(0);
  }
  expect(fs.readdirSync(media)).toEqual([]);
});

test('a restore that fails half way leaves the database as it was', async () => {
  const original = await backupOf(await getDb(), onPostgres, getConfig().mediaDir, 'half');
  const target = await emptyDatabase(onPostgres);
  await target.db.execute(sql`insert into sections (slug, name) values ('kept', 'Kept')`);
  // A constraint the archive's rows cannot meet, on one of the last tables written: what
  // a full disk or a bug half way through would look like.
  await target.db.execute(sql`alter table notifications add constraint no_rows_please check (id < 0)`);
  await expect(
    restoreBackup(target.db, { file: original.file, mediaDir: mediaDir('half'), force: true }),
  ).rejects.toThrow(/no_rows_please/);
  const [kept] = rowsOf<{ n: number }>(await target.db.execute(sql`select count(*)::int as n from sections`));
  expect(kept!.n).toBe(1);
  const [users] = rowsOf<{ n: number }>(await target.db.execute(sql`select count(*)::int as n from users`));
  expect(users!.n).toBe(0);
});

test.skipIf(onPostgres !== 'postgres')(
  'PostgreSQL → embedded → PostgreSQL: the same rows and files on both engines',
  async () => {
    const fromPostgres = await backupOf(await getDb(), 'postgres', getConfig().mediaDir, 'pg');
    const embedded = await emptyDatabase('pglite');
    const embeddedMedia = mediaDir('embedded');
    await restoreBackup(embedded.db, { file: fromPostgres.file, mediaDir: embeddedMedia });
    const fromEmbedded = await backupOf(embedded.db, 'pglite', embeddedMedia, 'pglite');
    expect(contents(fromEmbedded.manifest)).toEqual(contents(fromPostgres.manifest));

    const postgresAgain = await emptyDatabase('postgres');
    const againMedia = mediaDir('pg-again');
    await restoreBackup(postgresAgain.db, { file: fromEmbedded.file, mediaDir: againMedia });
    const last = await backupOf(postgresAgain.db, 'postgres', againMedia, 'pg-again');
    expect(contents(last.manifest)).toEqual(contents(fromPostgres.manifest));
  },
);

test.skipIf(onPostgres !== 'postgres')(
  'a restore is refused while a Wiredesk server runs on the database',
  async () => {
    const original = await backupOf(await getDb(), 'postgres', getConfig().mediaDir, 'served');
    const target = await emptyDatabase('postgres');
    let leading = false;
    const server = startLeadership(target.url!, {
      key: SCHEDULER_LEADER_KEY,
      checkMs: 50,
      onLead: () => void (leading = true),
      onFollow: () => void (leading = false),
    });
    try {
      await expect.poll(() => leading).toBe(true);
      await expect(restoreBackup(target.db, { file: original.file, mediaDir: mediaDir('served') })).rejects.toThrow(
        'A Wiredesk server is running on this database. Stop every instance, then restore.',
      );
    } finally {
      await server.stop();
    }
    await restoreBackup(target.db, { file: original.file, mediaDir: mediaDir('served-after') });
  },
);
