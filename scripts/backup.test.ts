import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runTs, spawnTs, waitForLine } from '@/test/child';

// The operator's commands, run as the operator runs them, on embedded data directories.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-backup-cli-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const envFor = (name: string) => ({ WIREDESK_DATA_DIR: path.join(work, name), DATABASE_URL: '' });
const user = (name: string, args: string[], stdin?: string) => runTs('scripts/user.ts', args, envFor(name), stdin);
const backup = (name: string, args: string[]) => runTs('scripts/backup.ts', args, envFor(name));
const restore = (name: string, args: string[]) => runTs('scripts/restore.ts', args, envFor(name));

test('backup, restore into a new data directory, and the refusals an operator meets', async () => {
  const created = await user(
    'source',
    ['create', '--role', 'admin', '--email', 'chief@example.org', '--name', 'Chief'],
    'a long enough password\n',
  );
  expect(created.code).toBe(0);
  const file = path.join(work, 'newsroom.tar.gz');
  const made = await backup('source', [file]);
  expect(made.stderr).toBe('');
  expect(made.stdout).toMatch(
    /^Backed up \d+ rows in \d+ tables and 0 media files \(migration level \d+ \(\d{4}_\w+\)\) to /,
  );
  expect(made.code).toBe(0);
  expect(await backup('source', [file])).toMatchObject({
    code: 1,
    stderr: `Wiredesk backup: ${file} already exists; choose another name.\n`,
  });

  const restored = await restore('copy', [file]);
  expect(restored.stderr).toBe('');
  expect(restored.stdout).toMatch(/^Restored \d+ rows in \d+ tables and 0 media files \(backup of .* from pglite/);
  expect(restored.code).toBe(0);
  expect((await user('copy', ['list'])).stdout).toMatch(/chief@example\.org\s+admin\s+active\s+Chief/);

  const again = await restore('copy', [file]);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/The database is not empty \(\w+ has rows\)\. .*add --force/);
  expect((await restore('copy', [file, '--force'])).code).toBe(0);
  expect(await restore('copy', [])).toMatchObject({ code: 1 });
  expect((await restore('copy', [path.join(work, 'missing.tar.gz')])).stderr).toContain('does not exist.');
}, 180_000);

test('with the embedded database, backup waits for the server to stop rather than read a live directory', async () => {
  const holder = spawnTs('test/fixtures/hold-database.ts', [envFor('busy').WIREDESK_DATA_DIR]);
  try {
    await waitForLine(holder, 'ready');
    const refused = await backup('busy', [path.join(work, 'busy.tar.gz')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is in use by pid ${holder.pid}`);
    expect(refused.stderr).toMatch(/^Wiredesk backup: The data directory /);
    expect(fs.existsSync(path.join(work, 'busy.tar.gz'))).toBe(false);
  } finally {
    holder.kill('SIGKILL');
  }
}, 60_000);
