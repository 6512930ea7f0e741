import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { newsmlG2Item } from '@/test/wire-documents';
import { startInboxWatcher, type InboxWatcher } from './inbox';
import { listWireQueue } from './wire-queue';

let inbox: string;
let watcher: InboxWatcher | undefined;
const lines: string[] = [];
const editor = { id: 1, role: 'editor' as const };

beforeEach(async () => {
  inbox = await fs.mkdtemp(path.join(os.tmpdir(), 'wiredesk-inbox-'));
  lines.length = 0;
});

afterEach(async () => {
  await watcher?.stop();
  watcher = undefined;
  await fs.rm(inbox, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; log: ${lines.join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const list = (dir: string) => fs.readdir(path.join(inbox, dir)).catch(() => [] as string[]);

test('a file dropped in the inbox is ingested and moved to processed/', async () => {
  watcher = startInboxWatcher(inbox, { intervalMs: 50, settleMs: 150, log: (l) => lines.push(l) });
  await fs.writeFile(
    path.join(inbox, 'afp-001.xml'),
    newsmlG2Item({ guid: 'urn:inbox:1', headline: 'Inbox story one' }),
  );
  await waitFor(async () => (await list('processed')).length === 1);
  expect((await list('processed'))[0]).toMatch(/^\d{8}-\d{6}-afp-001\.xml$/);
  expect(await fs.readdir(inbox)).toEqual(expect.not.arrayContaining(['afp-001.xml']));
  const queue = await listWireQueue(editor, { q: 'inbox story one' });
  expect(queue.items.map((i) => i.headline)).toEqual(['Inbox story one']);
  expect(lines).toContain('Wiredesk inbox: afp-001.xml ingested (new)');
});

test('a file still being written is not read half-way', async () => {
  watcher = startInboxWatcher(inbox, { intervalMs: 50, settleMs: 400, log: (l) => lines.push(l) });
  const bytes = newsmlG2Item({ guid: 'urn:inbox:2', headline: 'Slowly written story' });
  const file = path.join(inbox, 'slow.xml');
  const handle = await fs.open(file, 'w');
  // Write in pieces, pausing longer than a poll but shorter than the settle time.
  for (let offset = 0; offset < bytes.length; offset += 200) {
    await handle.write(bytes.subarray(offset, offset + 200));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await list('rejected')).toEqual([]);
    expect(await list('processed')).toEqual([]);
  }
  await handle.close();
  await waitFor(async () => (await list('processed')).length === 1);
  expect(await list('rejected')).toEqual([]);
  const queue = await listWireQueue(editor, { q: 'slowly written' });
  expect(queue.items).toHaveLength(1);
});

test('an unreadable file goes to rejected/ with a .reason.txt; nothing is deleted', async () => {
  watcher = startInboxWatcher(inbox, { intervalMs: 50, settleMs: 100, log: (l) => lines.push(l) });
  await fs.writeFile(path.join(inbox, 'junk.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]));
  await waitFor(async () => (await list('rejected')).length === 2);
  const names = (await list('rejected')).sort();
  expect(names[0]).toMatch(/-junk\.bin$/);
  expect(names[1]).toMatch(/-junk\.bin\.reason\.txt$/);
  const reason = await fs.readFile(path.join(inbox, 'rejected', names[1]!), 'utf8');
  expect(reason).toContain('Not a wire format');
  expect((await fs.readFile(path.join(inbox, 'rejected', names[0]!))).length).toBe(10);
});

test('temporary names (.part, .tmp) and dotfiles are left alone until renamed', async () => {
  watcher = startInboxWatcher(inbox, { intervalMs: 50, settleMs: 100, log: (l) => lines.push(l) });
  await fs.writeFile(
    path.join(inbox, 'upload.xml.part'),
    newsmlG2Item({ guid: 'urn:inbox:3', headline: 'Renamed when done' }),
  );
  await fs.writeFile(path.join(inbox, '.hidden.xml'), 'x');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect((await fs.readdir(inbox)).sort()).toEqual(['.hidden.xml', 'processed', 'rejected', 'upload.xml.part']);
  await fs.rename(path.join(inbox, 'upload.xml.part'), path.join(inbox, 'upload.xml'));
  await waitFor(async () => (await list('processed')).length === 1);
});
