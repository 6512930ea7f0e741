import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, forceStoryState, getTestSection } from '@/db/factories';
import { storyWireAlerts, wireFiles, wireItems } from '@/db/schema';
import { ConflictError } from '@/lib/errors';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { getPublishedArticle } from '@/lib/stories/public-article';
import { transitionStory } from '@/lib/stories/transition-story';
import type { StaffUser } from '@/lib/users';
import { newsmlG2Item } from '@/test/wire-documents';
import { ingestWireFile, ingestWireFiles } from './ingest';
import { unpackWireBytes } from './stored-bytes';
import {
  createStoryFromWire,
  getStoryWireInfo,
  getWireFilterOptions,
  getWireItem,
  getWireItemBytes,
  handleWireAlert,
  listOpenWireKills,
  listWireQueue,
} from './wire-queue';

let reporter: StaffUser;
let editor: StaffUser;
let guidCounter = 0;
// What authenticateApiToken hands the API route for a live token.
const feed = { kind: 'api-token', id: 1, name: 'agency feed' } as const;
const uniqueGuid = () => `urn:newsml:afp.com:20261128:test-${process.pid}-${++guidCounter}`;
const upload = (bytes: Uint8Array, filename = 'item.xml') => ingestWireFile(reporter, { bytes, filename });

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter' });
  editor = await createStaff({ role: 'editor' });
  await getTestSection('world', 'World');
  await getTestSection('sport', 'Sport');
});

async function rowsFor(guid: string) {
  const db = await getDb();
  return db.select().from(wireItems).where(eq(wireItems.guid, guid)).orderBy(wireItems.version);
}

test('a new item is stored once with its raw bytes; the same item again is a duplicate, no new row', async () => {
  const guid = uniqueGuid();
  const bytes = newsmlG2Item({ guid, headline: 'Ferry terminal approved' });
  const first = await upload(bytes);
  expect(first).toMatchObject({ status: 'new', items: [{ status: 'new', headline: 'Ferry terminal approved' }] });

  const again = await ingestWireFile(feed, { bytes });
  expect(again).toMatchObject({ id: first.id, status: 'duplicate' });
  const rows = await rowsFor(guid);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ agency: 'AFP', version: 1, status: 'new', latest: true, channel: 'upload' });

  const db = await getDb();
  const [file] = await db.select().from(wireFiles).where(eq(wireFiles.id, rows[0]!.fileId));
  expect(Buffer.compare(unpackWireBytes(file!.bytes), Buffer.from(bytes))).toBe(0);
  expect(file!.size).toBe(bytes.length);
  const download = await getWireItemBytes(editor, first.id);
  expect(Buffer.compare(download.bytes, Buffer.from(bytes))).toBe(0);
  expect(file!.filename).toBe('item.xml');
});

test('the same story re-sent under another id is a duplicate too', async () => {
  const text = { headline: 'Storm closes the airport', paragraphs: ['All flights were cancelled on Monday.'] };
  const first = await upload(newsmlG2Item({ guid: uniqueGuid(), ...text }));
  const copy = await upload(newsmlG2Item({ guid: uniqueGuid(), ...text }));
  expect(copy).toMatchObject({ status: 'duplicate', id: first.id });
});

test('a newer version is stored and linked, and only the newest shows in the queue', async () => {
  const guid = uniqueGuid();
  const v1 = await upload(newsmlG2Item({ guid, version: 1, headline: 'Quake hits the coast' }));
  const v2 = await upload(newsmlG2Item({ guid, version: 2, headline: 'Quake hits the coast, three dead' }));
  expect(v2.status).toBe('updated');
  const rows = await rowsFor(guid);
  expect(rows.map((r) => [r.version, r.latest, r.previousId])).toEqual([
    [1, false, null],
    [2, true, v1.id],
  ]);
  const queue = await listWireQueue(editor, { q: 'quake' });
  expect(queue.items.filter((i) => i.headline?.startsWith('Quake')).map((i) => i.version)).toEqual([2]);

  // A late copy of version 1 changes nothing; an older version arriving late stays out of the queue.
  expect((await upload(newsmlG2Item({ guid, version: 1, headline: 'Quake hits the coast' }))).status).toBe('duplicate');
  const late = await upload(newsmlG2Item({ guid: uniqueGuid(), version: 3 }));
  expect(late.status).toBe('new');
});

test('a story made from an older version shows "version N available" with the new text', async () => {
  const guid = uniqueGuid();
  const v1 = await upload(
    newsmlG2Item({ guid, version: 1, headline: 'Bridge collapse', paragraphs: ['Two people were hurt.'] }),
  );
  const { id: storyId } = await createStoryFromWire(reporter, v1.id);
  expect((await getStoryWireInfo(editor, { id: storyId, sourceWireItemId: v1.id }))?.latest).toBeNull();
  await upload(newsmlG2Item({ guid, version: 2, headline: 'Bridge collapse', paragraphs: ['Five people were hurt.'] }));
  const info = await getStoryWireInfo(editor, { id: storyId, sourceWireItemId: v1.id });
  expect(info?.latest).toMatchObject({ version: 2, bodyText: 'Five people were hurt.' });
  expect(info?.source).toMatchObject({ version: 1, agency: 'AFP', bodyText: 'Two people were hurt.' });
});

test('"Create story" makes a draft with crossheads as H2, the agency credit, the embargo, the section and the link', async () => {
  const guid = uniqueGuid();
  const { id } = await upload(
    newsmlG2Item({
      guid,
      headline: 'Kim travels to Russia by train',
      paragraphs: ['Kim Jong Un headed for Russia on Tuesday.', 'The White House warned of arms deals.'],
      crosshead: 'Pay a price',
      embargoUntil: '2030-01-01T06:00:00Z',
      section: 'Sport',
    }),
  );
  const { id: storyId } = await createStoryFromWire(reporter, id);
  const story = await getStoryForEditor(reporter, storyId);
  expect(story).toMatchObject({
    headline: 'Kim travels to Russia by train',
    state: 'draft',
    section: { slug: 'sport' },
    embargoUntil: new Date('2030-01-01T06:00:00Z'),
  });
  expect(story.body.content.map((block) => block.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  expect(story.body.content[1]).toEqual({
    type: 'heading',
    attrs: { level: 2 },
    content: [{ type: 'text', text: 'Pay a price' }],
  });
  expect(story.events[0]?.note).toBe(`From AFP item ${guid}, version 1`);
  const db = await getDb();
  const [item] = await db.select({ status: wireItems.status }).from(wireItems).where(eq(wireItems.id, id));
  expect(item?.status).toBe('used');

  // The embargo is inherited: publishing is refused until it has passed.
  await forceStoryState(storyId, 'approved');
  await expect(
    transitionStory(editor, storyId, { action: 'publish' }, new Date('2029-12-31T23:00:00Z')),
  ).rejects.toThrow('Embargoed until 1 Jan 2030, 06:00 UTC');
  await transitionStory(editor, storyId, { action: 'publish' }, new Date('2030-01-01T06:00:01Z'));
  const article = await getPublishedArticle('sport', story.slug);
  expect(article?.agency).toBe('AFP');
});

test('a kill notice alerts every story made from the item; a published one stays on editors’ dashboards until handled', async () => {
  const guid = uniqueGuid();
  const v1 = await upload(newsmlG2Item({ guid, version: 1, headline: 'Minister resigns' }));
  const draft = await createStoryFromWire(reporter, v1.id);
  const live = await createStoryFromWire(reporter, v1.id);
  await forceStoryState(live.id, 'approved');
  await transitionStory(editor, live.id, { action: 'publish' });

  const kill = await upload(
    newsmlG2Item({
      guid,
      version: 2,
      pubStatus: 'canceled',
      headline: 'KILL: Minister resigns',
      paragraphs: ['Kill this story.'],
    }),
  );
  expect(kill.status).toBe('updated');
  expect(
    (await getStoryWireInfo(editor, { id: draft.id, sourceWireItemId: v1.id }))?.alerts.map((a) => a.kind),
  ).toEqual(['canceled']);
  const kills = await listOpenWireKills(editor);
  expect(kills.filter((k) => k.storyId === live.id || k.storyId === draft.id).map((k) => k.storyId)).toEqual([live.id]);

  await expect(createStoryFromWire(reporter, kill.id)).rejects.toBeInstanceOf(ConflictError);
  const alert = kills.find((k) => k.storyId === live.id)!;
  await expect(handleWireAlert(reporter, alert.alertId)).rejects.toThrow();
  await handleWireAlert(editor, alert.alertId);
  expect((await listOpenWireKills(editor)).some((k) => k.storyId === live.id)).toBe(false);
  const events = (await getStoryForEditor(editor, live.id)).events.map((e) => e.action);
  expect(events).toContain('wire_alert_handled');
});

test('a kill re-sent with the same version number still alerts, and replaces the stored copy', async () => {
  const guid = uniqueGuid();
  const v1 = await upload(newsmlG2Item({ guid, version: 1, headline: 'Factory fire' }));
  const { id: storyId } = await createStoryFromWire(reporter, v1.id);
  const kill = await upload(newsmlG2Item({ guid, version: 1, pubStatus: 'withheld', headline: 'Factory fire' }));
  expect(kill).toMatchObject({ id: v1.id, status: 'updated' });
  const db = await getDb();
  const alerts = await db.select().from(storyWireAlerts).where(eq(storyWireAlerts.storyId, storyId));
  expect(alerts.map((a) => a.kind)).toEqual(['withheld']);
});

test.each([
  ['an empty file', new Uint8Array(), 'Empty file'],
  ['binary junk', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]), 'Not a wire format'],
  [
    'truncated XML',
    new TextEncoder().encode(
      '<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1"><itemMeta>',
    ),
    'Truncated XML',
  ],
])('%s is rejected with its reason and its bytes kept, visible in the queue', async (_name, bytes, reason) => {
  const result = await upload(bytes, 'bad.bin');
  expect(result.status).toBe('rejected');
  expect(result.error).toContain(reason);
  const detail = await getWireItem(editor, result.id);
  expect(detail).toMatchObject({ status: 'rejected', filename: 'bad.bin', size: bytes.length });
  expect(detail.rejectReason).toContain(reason);
  const queue = await listWireQueue(editor, { status: 'rejected' });
  expect(queue.items.map((i) => i.id)).toContain(result.id);
  // The same bad file again is the same rejected row.
  expect((await upload(bytes, 'bad.bin')).id).toBe(result.id);
});

test('the queue filters by agency, urgency and words, newest first, and pages with a cursor', async () => {
  const marker = `marker${process.pid}x`;
  for (let i = 0; i < 5; i++) {
    await ingestWireFile(feed, {
      bytes: newsmlG2Item({
        guid: uniqueGuid(),
        agency: i % 2 ? 'Reuters' : 'AFP',
        urgency: i === 4 ? 1 : 5,
        headline: `${marker} item ${i}`,
        paragraphs: [`Paragraph ${marker} ${i}.`],
      }),
      receivedAt: new Date(Date.UTC(2026, 10, 28, 9, i)),
    });
  }
  const headlines = async (filters: Record<string, unknown>) =>
    (await listWireQueue(editor, { q: marker, ...filters })).items.map((i) => i.headline);
  expect(await headlines({})).toEqual([4, 3, 2, 1, 0].map((i) => `${marker} item ${i}`));
  expect(await headlines({ agency: 'Reuters' })).toEqual([`${marker} item 3`, `${marker} item 1`]);
  expect(await headlines({ urgent: '1' })).toEqual([`${marker} item 4`]);
  const options = await getWireFilterOptions(editor);
  expect(options.agencies).toEqual(expect.arrayContaining(['AFP', 'Reuters']));
  expect(options.languages).toContain('en');
  const page = await listWireQueue(editor, { q: marker }, 2);
  const next = await listWireQueue(editor, { q: marker, after: page.next! }, 2);
  expect(next.items.map((i) => i.headline)).toEqual([`${marker} item 2`, `${marker} item 1`]);
});

test('text with quotes, backslashes and line breaks survives storage exactly', async () => {
  const headline = 'He said "no" \\ she said \'yes\' {braces} , commas';
  const { id } = await upload(
    newsmlG2Item({ guid: uniqueGuid(), headline, paragraphs: ['Line one\\nstill one', 'Two'] }),
  );
  const detail = await getWireItem(editor, id);
  expect(detail.item?.headline).toBe(headline);
  expect(detail.item?.body.map((b) => b.text)).toEqual(['Line one\\nstill one', 'Two']);
  expect((await listWireQueue(editor, { q: 'braces commas' })).items.map((i) => i.id)).toEqual([id]);
});

test('a batch keeps each file’s own outcome: new, rejected, and a duplicate of one earlier in the batch', async () => {
  const good = newsmlG2Item({ guid: uniqueGuid(), headline: 'Batch story' });
  const results = await ingestWireFiles({ kind: 'system', channel: 'inbox' }, [
    { bytes: good, filename: 'a.xml' },
    { bytes: new TextEncoder().encode('not news'), filename: 'b.txt' },
    { bytes: good, filename: 'a-again.xml' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['new', 'rejected', 'duplicate']);
  expect(results[2]!.id).toBe(results[0]!.id);
  expect(results[1]!.error).toContain('Not a wire format');
});

test('many uploads at once are grouped, and each gets its own answer', async () => {
  const guids = Array.from({ length: 20 }, () => uniqueGuid());
  const results = await Promise.all(
    guids.map((guid, i) => upload(newsmlG2Item({ guid, headline: `Concurrent ${i}`, paragraphs: [`Body ${guid}`] }))),
  );
  expect(results.map((r) => r.status)).toEqual(guids.map(() => 'new'));
  expect(new Set(results.map((r) => r.id)).size).toBe(20);
  expect(results.map((r) => r.items[0]!.headline)).toEqual(guids.map((_, i) => `Concurrent ${i}`));
  const again = await Promise.all(
    guids.map((guid, i) => upload(newsmlG2Item({ guid, headline: `Concurrent ${i}`, paragraphs: [`Body ${guid}`] }))),
  );
  expect(again.map((r) => r.status)).toEqual(guids.map(() => 'duplicate'));
});
