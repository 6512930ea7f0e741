import postgres from 'postgres';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createTestStory, publishTestStory, walkStory } from '@/db/factories';
import { frontPageSlots, storyEvents } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { INVALIDATION_CHANNEL } from '@/lib/public-cache/invalidate-public-pages';
import { isInvalidatedSince } from '@/lib/public-cache/invalidation-registry.js';
import { PUBLIC_TAGS } from '@/lib/public-cache/public-tags';
import { getFrontPage } from '@/lib/public/listings';
import type { StaffUser } from '@/lib/users';
import { arrangeFrontPage, FRONT_PAGE_SLOTS, getFrontPageForDesk, getFrontPagePlacement } from './front-page';

let reporter: StaffUser;
let editor: StaffUser;
let admin: StaffUser;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Rita Reporter' });
  editor = await createStaff({ role: 'editor', name: 'Eddie Editor' });
  admin = await createStaff({ role: 'admin', name: 'Ada Admin' });
});

// Every test starts from an unarranged front page (the stories of earlier tests stay).
beforeEach(async () => {
  const db = await getDb();
  await db.delete(frontPageSlots).where(sql`true`);
});

let clock = Date.parse('2031-01-01T08:00:00Z');
/** Published a minute after the previous one, so the newest is always the last made. */
async function published(headline: string) {
  return publishTestStory(reporter, editor, { headline }, new Date((clock += 60_000)));
}

const headlines = (cards: { headline: string }[]) => cards.map((card) => card.headline);
const pin = (actor: StaffUser, storyId: number) => arrangeFrontPage(actor, { storyId, move: 'pin' });

test('an editor pins an older story as the lead; readers see it lead, with the newest after it', async () => {
  const older = await published('Harbour bridge closes to cars');
  await published('Ferry strike called off');
  await published('Storm warning for the coast');

  expect(await pin(editor, older.id)).toEqual({ changed: true, position: 0 });
  const front = await getFrontPage({ slots: 3 });
  expect(front.lead?.headline).toBe('Harbour bridge closes to cars');
  expect(headlines(front.top)).toEqual(['Storm warning for the coast', 'Ferry strike called off']);
  expect(await getFrontPagePlacement(editor, older.id)).toEqual({ position: 0, pinnedCount: 1, canArrange: true });
});

test('pinning puts the story on top and moves the others down; Move up and Move down swap neighbours', async () => {
  const a = await published('Story A');
  const b = await published('Story B');
  const c = await published('Story C');
  for (const story of [a, b, c]) await pin(editor, story.id);
  const order = async () => headlines((await getFrontPageForDesk(editor)).slots.slice(0, 3));
  expect(await order()).toEqual(['Story C', 'Story B', 'Story A']);

  expect(await arrangeFrontPage(admin, { storyId: a.id, move: 'up' })).toEqual({ changed: true, position: 1 });
  expect(await order()).toEqual(['Story C', 'Story A', 'Story B']);
  await arrangeFrontPage(editor, { storyId: c.id, move: 'down' });
  expect(await order()).toEqual(['Story A', 'Story C', 'Story B']);
  // Already at the top (or bottom): nothing to do, nothing written.
  expect(await arrangeFrontPage(editor, { storyId: a.id, move: 'up' })).toEqual({ changed: false, position: 0 });
  expect(await arrangeFrontPage(editor, { storyId: b.id, move: 'down' })).toEqual({ changed: false, position: 2 });
  expect(await pin(editor, a.id)).toEqual({ changed: false, position: 0 });

  await arrangeFrontPage(editor, { storyId: c.id, move: 'remove' });
  expect(await order()).toEqual(['Story A', 'Story B', 'Story C']);
  const desk = await getFrontPageForDesk(editor);
  expect(desk.pinnedCount).toBe(2);
  // C is back among the newest, filling a place: shown, but not pinned.
  expect(desk.slots[2]).toMatchObject({ headline: 'Story C', pinnedBy: null });
  expect(desk.slots[0]).toMatchObject({ headline: 'Story A', pinnedBy: 'Eddie Editor' });
});

test('each move is recorded on the story’s timeline with who and where it now stands', async () => {
  const first = await published('Timeline one');
  const second = await published('Timeline two');
  await pin(editor, first.id);
  await pin(editor, second.id);
  await arrangeFrontPage(editor, { storyId: first.id, move: 'up' });
  await arrangeFrontPage(editor, { storyId: first.id, move: 'remove' });
  const db = await getDb();
  const events = await db
    .select({ action: storyEvents.action, note: storyEvents.note, actorId: storyEvents.actorId })
    .from(storyEvents)
    .where(eq(storyEvents.storyId, first.id));
  expect(events.filter((e) => e.action.startsWith('front_'))).toEqual([
    { action: 'front_pin', note: 'Now the lead story', actorId: editor.id },
    { action: 'front_up', note: 'Now the lead story', actorId: editor.id },
    { action: 'front_remove', note: null, actorId: editor.id },
  ]);
});

test('reporters cannot arrange the front page, and a refused move changes nothing', async () => {
  const story = await published('Reporter wants the lead');
  await expect(pin(reporter, story.id)).rejects.toThrow(ForbiddenError);
  await expect(arrangeFrontPage(editor, { storyId: story.id, move: 'promote' })).rejects.toThrow(ValidationError);
  await expect(arrangeFrontPage(editor, { storyId: 'x', move: 'pin' })).rejects.toThrow(ValidationError);
  await expect(arrangeFrontPage(editor, { storyId: story.id, move: 'up' })).rejects.toThrow(
    'This story is not pinned to the front page.',
  );
  expect((await getFrontPageForDesk(reporter)).pinnedCount).toBe(0);
});

test('only a published story can be pinned', async () => {
  const draft = await createTestStory(reporter, { headline: 'Not ready yet' });
  await expect(pin(editor, draft.id)).rejects.toThrow(ConflictError);
  await expect(pin(editor, draft.id)).rejects.toThrow('Only a published story can go on the front page.');
  expect(await getFrontPagePlacement(editor, draft.id)).toEqual({ position: null, pinnedCount: 0, canArrange: true });
});

test('unpublishing or killing a pinned story takes it off the front page; publishing again does not pin it', async () => {
  const lead = await published('Pinned then unpublished');
  const second = await published('Pinned then killed');
  await pin(editor, lead.id);
  await pin(editor, second.id);
  await walkStory(second.id, [{ by: editor, action: 'kill', note: 'Legal', at: new Date((clock += 60_000)) }]);
  await walkStory(lead.id, [{ by: editor, action: 'unpublish', at: new Date((clock += 60_000)) }]);
  expect((await getFrontPageForDesk(editor)).pinnedCount).toBe(0);
  const front = await getFrontPage({ slots: 6, latest: 50 });
  expect(JSON.stringify(front)).not.toContain('Pinned then');

  await walkStory(lead.id, [{ by: editor, action: 'publish', at: new Date((clock += 60_000)) }]);
  expect(await getFrontPagePlacement(editor, lead.id)).toEqual({ position: null, pinnedCount: 0, canArrange: true });
});

test(`pinning a story when all ${FRONT_PAGE_SLOTS} places are pinned pushes the last one off, with a note`, async () => {
  const stories = [];
  for (let i = 0; i <= FRONT_PAGE_SLOTS; i++) stories.push(await published(`Full front ${i}`));
  for (const story of stories) await pin(editor, story.id);
  const desk = await getFrontPageForDesk(editor);
  expect(desk.pinnedCount).toBe(FRONT_PAGE_SLOTS);
  expect(desk.slots[0]!.headline).toBe(`Full front ${FRONT_PAGE_SLOTS}`);
  // The first pinned went down one place at each pin, and off the end at the last.
  expect(await getFrontPagePlacement(editor, stories[0]!.id)).toEqual({
    position: null,
    pinnedCount: FRONT_PAGE_SLOTS,
    canArrange: true,
  });
  const db = await getDb();
  const [pushed] = await db
    .select({ note: storyEvents.note })
    .from(storyEvents)
    .where(eq(storyEvents.storyId, stories[0]!.id))
    .orderBy(storyEvents.id)
    .then((events) => events.slice(-1));
  expect(pushed?.note).toBe('Pushed off: a newly pinned story took the last place');
});

test('every change of order drops the cached front page, after commit; a change of nothing does not', async () => {
  const story = await published('Cache watcher');
  await new Promise((resolve) => setTimeout(resolve, 2));
  const before = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 2));
  expect(isInvalidatedSince([PUBLIC_TAGS.front], before)).toBe(false);
  await pin(editor, story.id);
  expect(isInvalidatedSince([PUBLIC_TAGS.front], before)).toBe(true);

  const later = Date.now() + 1;
  await new Promise((resolve) => setTimeout(resolve, 2));
  await pin(editor, story.id);
  expect(isInvalidatedSince([PUBLIC_TAGS.front], later)).toBe(false);
});

test('the change of order is broadcast to the other instances through the database', async () => {
  const story = await published('Broadcast watcher');
  const messages: string[] = [];
  const stop = await listen((payload) => messages.push(payload));
  try {
    await expect(pin(reporter, story.id)).rejects.toThrow(ForbiddenError);
    await pin(editor, story.id);
    await expect.poll(() => messages.length).toBe(1);
    expect((JSON.parse(messages[0]!) as { tags: string[] }).tags).toEqual([PUBLIC_TAGS.front]);
  } finally {
    await stop();
  }
});

// PostgreSQL (npm run test:db): a second connection, like another instance. PGlite: its own listen().
async function listen(onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    const client = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await client.listen(INVALIDATION_CHANNEL, onMessage);
    return () => client.end();
  }
  const db = (await getDb()) as unknown as {
    $client: { listen: (channel: string, cb: (payload: string) => void) => Promise<() => Promise<void>> };
  };
  return db.$client.listen(INVALIDATION_CHANNEL, onMessage);
}
