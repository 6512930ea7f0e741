import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createTestStory, forceStoryState, getTestSection } from '@/db/factories';
import { stories, storyEvents, storyPublications } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { getArticlePage } from '@/lib/public/article-page';
import { buildArticleJsonLd } from '@/lib/seo/article-json-ld';
import type { StaffUser } from '@/lib/users';
import { newsmlG2Item } from '@/test/wire-documents';
import { ingestWireFile } from '@/lib/wire/ingest';
import { createStoryFromWire } from '@/lib/wire/wire-queue';
import { setStoryEmbargo } from './embargo';
import { getStoryForEditor } from './get-story';
import { countUnreadNotifications, listNotifications, markNotificationsRead } from './notifications';
import { saveStory } from './save-story';
import { publishDueStories } from './scheduler';
import { transitionStory } from './transition-story';

let reporter: StaffUser;
let editor: StaffUser;
let otherEditor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter' });
  editor = await createStaff({ role: 'editor' });
  otherEditor = await createStaff({ role: 'editor' });
  await getTestSection('world', 'World');
});

const at = (iso: string) => new Date(iso);

async function scheduledStory(publishAt: Date, now: Date) {
  const { id, slug } = await createTestStory(reporter);
  await forceStoryState(id, 'approved');
  await transitionStory(editor, id, { action: 'schedule', publishAt }, now);
  return { id, slug };
}

async function eventsOf(storyId: number, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(storyEvents)
    .where(and(eq(storyEvents.storyId, storyId), eq(storyEvents.action, action)));
}

test('a due story is published once, on time, as the editor who scheduled it', async () => {
  const { id, slug } = await scheduledStory(at('2031-01-10T09:00:00Z'), at('2031-01-10T08:00:00Z'));
  expect((await publishDueStories(at('2031-01-10T08:59:59Z'))).published).not.toContain(id);
  expect((await publishDueStories(at('2031-01-10T09:00:02Z'))).published).toContain(id);
  expect((await publishDueStories(at('2031-01-10T09:00:03Z'))).published).not.toContain(id);

  const publishes = await eventsOf(id, 'publish');
  expect(publishes).toHaveLength(1);
  expect(publishes[0]).toMatchObject({ actorId: editor.id, fromState: 'scheduled', toState: 'published' });
  expect(publishes[0]!.note).toBe('Published as scheduled for 10 Jan 2031, 09:00 UTC');
  const db = await getDb();
  const [publication] = await db.select().from(storyPublications).where(eq(storyPublications.storyId, id));
  expect(publication).toMatchObject({ scheduled: true, action: 'publish' });
  expect((await getArticlePage('world', slug)).status).toBe('published');
});

test('a schedule missed while the server was down is published at the next start, marked late', async () => {
  const { id } = await scheduledStory(at('2031-02-01T06:00:00Z'), at('2031-02-01T05:00:00Z'));
  expect((await publishDueStories(at('2031-02-01T08:00:00Z'))).published).toContain(id);
  const [event] = await eventsOf(id, 'publish');
  expect(event!.note).toBe(
    'Published 120 min late: it was due at 1 Feb 2031, 06:00 UTC while the server was not running',
  );
});

test('two schedulers racing publish each due story exactly once', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 6; i++)
    ids.push((await scheduledStory(at('2031-03-01T10:00:00Z'), at('2031-03-01T09:00:00Z'))).id);
  const now = at('2031-03-01T10:00:01Z');
  const [a, b, c] = await Promise.all([publishDueStories(now), publishDueStories(now), publishDueStories(now)]);
  const all = [...a.published, ...b.published, ...c.published].filter((id) => ids.includes(id));
  expect(all.sort()).toEqual([...ids].sort());
  for (const id of ids) expect(await eventsOf(id, 'publish')).toHaveLength(1);
});

test('a due story that cannot be published does not hold up the ones behind it', async () => {
  // Scheduled behind the desk's back (an import, a hand edit): nobody's schedule to act on.
  const { id: stuck } = await createTestStory(reporter);
  await forceStoryState(stuck, 'scheduled');
  const db = await getDb();
  await db
    .update(stories)
    .set({ scheduledAt: at('2031-03-05T09:00:00Z') })
    .where(eq(stories.id, stuck));
  const { id: next } = await scheduledStory(at('2031-03-05T09:30:00Z'), at('2031-03-05T08:00:00Z'));
  const result = await publishDueStories(at('2031-03-05T10:00:00Z'));
  expect(result.published).toContain(next);
  expect(result.published).not.toContain(stuck);
  expect(result.failed).toEqual([{ id: stuck, reason: expect.stringContaining('schedule it again') }]);
  expect((await getStoryForEditor(editor, stuck)).state).toBe('scheduled');
});

test('an embargo is refused at every entry point until it has passed', async () => {
  const now = at('2031-04-01T10:00:00Z');
  const embargo = at('2031-04-01T12:00:00Z');
  const { id } = await createTestStory(reporter);
  await forceStoryState(id, 'approved', { embargoUntil: embargo });
  await expect(transitionStory(editor, id, { action: 'publish' }, now)).rejects.toThrow(
    'Embargoed until 1 Apr 2031, 12:00 UTC: publishing is refused until then.',
  );
  await expect(
    transitionStory(editor, id, { action: 'schedule', publishAt: at('2031-04-01T11:00:00Z') }, now),
  ).rejects.toBeInstanceOf(ValidationError);
  await transitionStory(editor, id, { action: 'schedule', publishAt: embargo }, now);
  // Moving the embargo past the schedule is refused…
  await expect(setStoryEmbargo(editor, id, { embargoUntil: at('2031-04-01T13:00:00Z') }, now)).rejects.toThrow(
    'reschedule it first',
  );
  // …and if it were moved behind the desk's back, the scheduler still would not publish early.
  const db = await getDb();
  await db
    .update(stories)
    .set({ embargoUntil: at('2031-04-01T13:00:00Z') })
    .where(eq(stories.id, id));
  expect((await publishDueStories(at('2031-04-01T12:00:01Z'))).published).not.toContain(id);
  expect((await getStoryForEditor(editor, id)).state).toBe('scheduled');
  expect((await publishDueStories(at('2031-04-01T13:00:01Z'))).published).toContain(id);

  // A published story with changes cannot go out as an update while embargoed either.
  const live = await createTestStory(reporter);
  await forceStoryState(live.id, 'published', { pendingChanges: true, embargoUntil: embargo });
  await expect(transitionStory(editor, live.id, { action: 'publish_update' }, now)).rejects.toBeInstanceOf(
    ConflictError,
  );
});

test('setting and lifting an embargo is for editors, and audited', async () => {
  const { id } = await createTestStory(reporter);
  const now = at('2031-05-01T10:00:00Z');
  await expect(setStoryEmbargo(reporter, id, { embargoUntil: at('2031-05-02T10:00:00Z') }, now)).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await setStoryEmbargo(editor, id, { embargoUntil: at('2031-05-02T10:00:00Z') }, now);
  await setStoryEmbargo(editor, id, { embargoUntil: null }, now);
  expect((await eventsOf(id, 'embargo')).map((e) => e.note)).toEqual([
    'Embargo until 2 May 2031, 10:00 UTC (was none)',
    'Embargo lifted (was 2 May 2031, 10:00 UTC)',
  ]);
  expect((await getStoryForEditor(editor, id)).embargoUntil).toBeNull();
});

test('times typed in the desk are read in the newsroom zone; a blank or impossible one is refused for its field', async () => {
  const { id } = await createTestStory(reporter);
  await forceStoryState(id, 'approved');
  const now = at('2031-05-01T10:00:00Z');
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error as ValidationError,
    );
  const blank = await refusal(setStoryEmbargo(editor, id, { embargoUntil: '' }, now));
  expect(blank).toBeInstanceOf(ValidationError);
  expect(blank!.fieldErrors).toEqual({ embargoUntil: ['Choose when the embargo lifts'] });
  const garbled = await refusal(transitionStory(editor, id, { action: 'schedule', publishAt: 'soon' }, now));
  expect(garbled!.fieldErrors).toEqual({ publishAt: ['Enter a valid date and time'] });

  await setStoryEmbargo(editor, id, { embargoUntil: '2031-05-01T11:00' }, now);
  await transitionStory(editor, id, { action: 'schedule', publishAt: '2031-05-01T12:30' }, now);
  const story = await getStoryForEditor(editor, id);
  expect(story.embargoUntil).toEqual(at('2031-05-01T11:00:00Z'));
  expect(story.scheduledAt).toEqual(at('2031-05-01T12:30:00Z'));
});

test('a correction appears in the article with its date, oldest first, and in the JSON-LD', async () => {
  const { id, slug } = await createTestStory(reporter, { headline: 'Bridge toll rises' });
  await forceStoryState(id, 'approved');
  await transitionStory(editor, id, { action: 'publish' }, at('2031-06-01T08:00:00Z'));

  const edit = async (headline: string) => {
    const story = await getStoryForEditor(editor, id);
    await saveStory(editor, id, {
      headline,
      standfirst: story.standfirst,
      slug: story.slug,
      sectionId: story.section.id,
      body: story.body,
      baseVersion: story.version,
    });
  };
  await edit('Bridge toll rises by 50 cents');
  await expect(
    transitionStory(editor, id, { action: 'publish_update', isCorrection: true, correction: ' ' }),
  ).rejects.toThrow('A correction needs the text readers will see');
  await transitionStory(
    editor,
    id,
    { action: 'publish_update', isCorrection: true, correction: 'An earlier version gave the rise as one euro.' },
    at('2031-06-01T09:00:00Z'),
  );
  await edit('Bridge toll rises by 50 cents from July');
  await transitionStory(editor, id, { action: 'publish_update' }, at('2031-06-01T10:00:00Z'));
  await edit('Bridge toll rises by 50 cents from July 1');
  await transitionStory(
    editor,
    id,
    { action: 'publish_update', isCorrection: true, correction: 'The rise applies from July 1, not June 1.' },
    at('2031-06-01T11:00:00Z'),
  );

  const page = await getArticlePage('world', slug);
  if (page.status !== 'published') throw new Error(page.status);
  expect(page.article.corrections).toEqual([
    { text: 'An earlier version gave the rise as one euro.', publishedAt: '2031-06-01T09:00:00.000Z' },
    { text: 'The rise applies from July 1, not June 1.', publishedAt: '2031-06-01T11:00:00.000Z' },
  ]);
  expect(page.article.lastPublishedAt).toBe('2031-06-01T11:00:00.000Z');
  const jsonLd = buildArticleJsonLd(page.article, { name: 'Test', baseUrl: 'https://news.example' });
  expect(jsonLd.dateModified).toBe('2031-06-01T11:00:00.000Z');
  expect(jsonLd.correction).toEqual([
    {
      '@type': 'CorrectionComment',
      text: 'An earlier version gave the rise as one euro.',
      datePublished: '2031-06-01T09:00:00.000Z',
    },
    {
      '@type': 'CorrectionComment',
      text: 'The rise applies from July 1, not June 1.',
      datePublished: '2031-06-01T11:00:00.000Z',
    },
  ]);
  const history = (await getStoryForEditor(editor, id)).publications;
  expect(history.map((p) => [p.action, p.correction !== null])).toEqual([
    ['publish', false],
    ['publish_update', true],
    ['publish_update', false],
    ['publish_update', true],
  ]);
});

test('reporters hear of approval, requests, schedules and publication; editors of submissions and agency kills', async () => {
  const before = {
    reporter: await countUnreadNotifications(reporter),
    editor: await countUnreadNotifications(editor),
    other: await countUnreadNotifications(otherEditor),
  };
  const { id } = await createTestStory(reporter, { headline: 'Notified story' });
  await transitionStory(reporter, id, { action: 'submit' });
  expect(await countUnreadNotifications(editor)).toBe(before.editor + 1);
  expect(await countUnreadNotifications(otherEditor)).toBe(before.other + 1);
  expect(await countUnreadNotifications(reporter)).toBe(before.reporter);

  await transitionStory(editor, id, { action: 'request_changes', note: 'Shorter, please.' });
  await transitionStory(reporter, id, { action: 'submit' });
  await transitionStory(editor, id, { action: 'approve' });
  await transitionStory(editor, id, { action: 'schedule', publishAt: new Date(Date.now() + 60_000) });
  await publishDueStories(new Date(Date.now() + 61_000));
  const mine = (await listNotifications(reporter)).filter((n) => n.storyId === id);
  expect(mine.map((n) => n.kind)).toEqual(['published', 'scheduled', 'approved', 'changes_requested']);
  expect(mine[0]!.actorName).toBeNull(); // the server published it
  expect(mine[1]!.actorName).toBe(editor.name);

  await markNotificationsRead(reporter);
  expect(await countUnreadNotifications(reporter)).toBe(0);

  // An agency kill tells every editor (a trigger on the alert, whichever path raised it).
  const wire = await ingestWireFile(reporter, {
    bytes: newsmlG2Item({ guid: 'urn:lifecycle:kill', headline: 'Wire story' }),
  });
  const fromWire = await createStoryFromWire(reporter, wire.id);
  const editorBefore = await countUnreadNotifications(otherEditor);
  await ingestWireFile(reporter, {
    bytes: newsmlG2Item({ guid: 'urn:lifecycle:kill', version: 2, pubStatus: 'canceled' }),
  });
  expect(await countUnreadNotifications(otherEditor)).toBe(editorBefore + 1);
  expect((await listNotifications(otherEditor))[0]).toMatchObject({ kind: 'wire_kill', storyId: fromWire.id });
});
