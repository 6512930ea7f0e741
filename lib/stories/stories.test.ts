import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createTestStory, forceStoryState, getTestSection } from '@/db/factories';
import { stories, storyEvents, storyRevisions } from '@/db/schema';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { createStory } from './create-story';
import { getStoryForEditor } from './get-story';
import { getDashboard, listBoard, listDeskStories } from './list-stories';
import { getPublishedArticle, resolveArticlePath } from './public-article';
import { saveStory } from './save-story';
import { storyBodyFromParagraphs } from './story-body';
import { addStoryNote, resolveStoryNote } from './story-notes';
import { transitionStory } from './transition-story';

let reporter: StaffUser;
let colleague: StaffUser;
let editor: StaffUser;
let worldId: number;
let sportId: number;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Rita Reporter' });
  colleague = await createStaff({ role: 'reporter', name: 'Colin Colleague' });
  editor = await createStaff({ role: 'editor', name: 'Eddie Editor' });
  worldId = await getTestSection('world', 'World');
  sportId = await getTestSection('sport', 'Sport');
});

async function eventsOf(storyId: number) {
  const db = await getDb();
  return db.select().from(storyEvents).where(eq(storyEvents.storyId, storyId)).orderBy(storyEvents.id);
}

async function revisionsOf(storyId: number) {
  const db = await getDb();
  return db.select().from(storyRevisions).where(eq(storyRevisions.storyId, storyId)).orderBy(storyRevisions.id);
}

function editorInput(story: Awaited<ReturnType<typeof getStoryForEditor>>, changes: Record<string, unknown> = {}) {
  return {
    headline: story.headline,
    standfirst: story.standfirst,
    slug: story.slug,
    sectionId: story.section.id,
    body: story.body,
    baseVersion: story.version,
    ...changes,
  };
}

async function publish(storyId: number) {
  await transitionStory(editor, storyId, { action: 'publish' });
}

test('a new story is a draft with the creator as first byline, a first revision and a "create" event', async () => {
  const { id, slug } = await createStory(reporter, {
    headline: 'Kim Jong Un travels by train to Russia',
    sectionId: worldId,
    body: storyBodyFromParagraphs(['Paragraph one.']),
    authorIds: [colleague.id, reporter.id],
  });
  expect(slug).toBe('kim-jong-un-travels-by-train-to-russia');
  const story = await getStoryForEditor(reporter, id);
  expect(story).toMatchObject({ state: 'draft', version: 1, section: { slug: 'world' } });
  expect(story.authors.map((a) => a.name)).toEqual(['Rita Reporter', 'Colin Colleague']);
  expect(story.revisions).toHaveLength(1);
  expect(story.events.map((e) => [e.action, e.toState])).toEqual([['create', 'draft']]);
  expect(story.allowedActions).toEqual(['submit', 'spike']);
  expect(story.canEdit).toBe(true);
});

test('the same headline twice gets a unique slug; a typed slug that is taken is refused', async () => {
  const first = await createTestStory(reporter, { headline: 'Storm hits the coast' });
  const second = await createTestStory(reporter, { headline: 'Storm hits the coast' });
  expect(first.slug).toBe('storm-hits-the-coast');
  expect(second.slug).toBe('storm-hits-the-coast-2');
  const clash = await createTestStory(reporter, { headline: 'Other', slug: 'storm-hits-the-coast' }).catch((e) => e);
  expect(clash).toBeInstanceOf(ValidationError);
  expect((clash as ValidationError).fieldErrors.slug).toEqual(['This slug is already used by another story']);
});

test.each([
  [{ headline: '   ' }, 'headline', 'Headline is required'],
  [
    { slug: 'Not A Slug' },
    'slug',
    'Use lower-case letters, digits and single hyphens only (e.g. kim-travels-to-russia)',
  ],
  [{ sectionId: 99_999 }, 'sectionId', 'Choose a section'],
  [{ body: { type: 'doc', content: [{ type: 'script' }] } }, 'body', undefined],
])('bad input is refused field by field and nothing is written: %o', async (overrides, field, message) => {
  const db = await getDb();
  const before = await db.$count(stories);
  const error = await createTestStory(reporter, overrides as never).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  const messages = Object.entries((error as ValidationError).fieldErrors).find(([key]) => key.startsWith(field));
  expect(messages).toBeDefined();
  if (message) expect(messages![1]).toEqual([message]);
  expect(await db.$count(stories)).toBe(before);
});

test('a save makes a new version and revision; a save that changes nothing writes nothing', async () => {
  const { id } = await createTestStory(reporter);
  const story = await getStoryForEditor(reporter, id);
  const result = await saveStory(reporter, id, editorInput(story, { headline: 'A sharper headline' }));
  expect(result).toEqual({ version: 2, changed: true });
  const again = await saveStory(reporter, id, editorInput(story, { headline: 'A sharper headline', baseVersion: 2 }));
  expect(again).toEqual({ version: 2, changed: false });
  expect((await revisionsOf(id)).map((r) => [r.version, r.kind, r.headline])).toEqual([
    [1, 'save', story.headline],
    [2, 'save', 'A sharper headline'],
  ]);
  expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create', 'save']);
});

test('two saves based on the same version: one wins, the other is a conflict, and both texts are kept', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id] });
  const story = await getStoryForEditor(reporter, id);
  const mine = saveStory(reporter, id, editorInput(story, { body: storyBodyFromParagraphs(['Rita’s version']) }));
  const theirs = saveStory(colleague, id, editorInput(story, { body: storyBodyFromParagraphs(['Colin’s version']) }));
  const results = await Promise.allSettled([mine, theirs]);
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(rejected[0]!.reason).toBeInstanceOf(StaleVersionError);
  expect(rejected[0]!.reason.message).toContain('Someone else saved this story a moment ago');

  const revisions = await revisionsOf(id);
  expect(revisions.map((r) => r.kind)).toEqual(['save', 'save', 'conflict']);
  const texts = revisions
    .slice(1)
    .map((r) => r.bodyText)
    .sort();
  expect(texts).toEqual(['Colin’s version', 'Rita’s version']);
  expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create', 'save', 'save_conflict']);
  expect((await getStoryForEditor(reporter, id)).version).toBe(2);
});

test('a reporter cannot edit another reporter’s draft, nor their own story once submitted', async () => {
  const { id } = await createTestStory(colleague);
  const story = await getStoryForEditor(reporter, id);
  expect(story.canEdit).toBe(false);
  await expect(saveStory(reporter, id, editorInput(story, { headline: 'Hijacked' }))).rejects.toBeInstanceOf(
    ForbiddenError,
  );

  const own = await createTestStory(reporter);
  await transitionStory(reporter, own.id, { action: 'submit' });
  const submitted = await getStoryForEditor(reporter, own.id);
  await expect(saveStory(reporter, own.id, editorInput(submitted, { headline: 'Late fix' }))).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  expect((await revisionsOf(own.id)).length).toBe(1);
  // The editor reviewing it can fix it.
  await expect(saveStory(editor, own.id, editorInput(submitted, { headline: 'Editor fix' }))).resolves.toMatchObject({
    changed: true,
  });
});

test('bylines name active staff only, and a co-author may edit', async () => {
  const { id } = await createTestStory(reporter);
  const story = await getStoryForEditor(reporter, id);
  await expect(saveStory(reporter, id, editorInput(story, { authorIds: [reporter.id, 999_999] }))).rejects.toThrow(
    'Bylines can only name active staff',
  );
  await saveStory(reporter, id, editorInput(story, { authorIds: [reporter.id, colleague.id] }));
  const updated = await getStoryForEditor(colleague, id);
  expect(updated.authors.map((a) => a.name)).toEqual(['Rita Reporter', 'Colin Colleague']);
  expect(updated.canEdit).toBe(true);
});

test('a published story’s public content does not change until "Publish update"', async () => {
  const { id, slug } = await createTestStory(reporter, { headline: 'Original headline for readers' });
  await transitionStory(reporter, id, { action: 'submit' });
  await publish(id);
  expect((await getPublishedArticle('world', slug))?.headline).toBe('Original headline for readers');

  const story = await getStoryForEditor(reporter, id);
  expect(story.allowedActions).toEqual([]);
  expect(story.canEdit).toBe(true); // the reporter's own published story: its working copy
  await saveStory(reporter, id, editorInput(story, { headline: 'Corrected headline' }));
  expect((await getPublishedArticle('world', slug))?.headline).toBe('Original headline for readers');

  const pending = await getStoryForEditor(editor, id);
  expect(pending.hasPendingChanges).toBe(true);
  expect(pending.allowedActions).toContain('publish_update');
  await transitionStory(editor, id, { action: 'publish_update', expectedVersion: pending.version });
  const article = await getPublishedArticle('world', slug);
  expect(article?.headline).toBe('Corrected headline');
  expect(article!.lastPublishedAt.getTime()).toBeGreaterThanOrEqual(article!.firstPublishedAt.getTime());
  await expect(transitionStory(editor, id, { action: 'publish_update' })).rejects.toThrow('Nothing to publish');
});

test('unpublish and kill make the public URL gone; a draft’s URL is simply unknown', async () => {
  const { id, slug } = await createTestStory(reporter);
  expect(await resolveArticlePath('world', slug)).toEqual({ status: 'unknown' });
  await transitionStory(reporter, id, { action: 'submit' });
  await publish(id);
  expect(await resolveArticlePath('world', slug)).toEqual({ status: 'published' });
  expect(await resolveArticlePath('sport', slug)).toEqual({ status: 'unknown' });

  await transitionStory(editor, id, { action: 'unpublish' });
  expect(await resolveArticlePath('world', slug)).toEqual({ status: 'gone' });
  expect(await getPublishedArticle('world', slug)).toBeNull();

  await publish(id);
  expect(await getPublishedArticle('world', slug)).not.toBeNull();
  await expect(transitionStory(editor, id, { action: 'kill' })).rejects.toThrow('A note is required to kill.');
  await transitionStory(editor, id, { action: 'kill', note: 'Legal complaint' });
  expect(await resolveArticlePath('world', slug)).toEqual({ status: 'gone' });
  expect(await getPublishedArticle('world', slug)).toBeNull();
  const killed = await getStoryForEditor(editor, id);
  expect(killed.allowedActions).toEqual([]);
  expect(killed.canEdit).toBe(false);
});

test('an embargo refuses publishing until it has passed, and scheduling before it', async () => {
  const now = new Date('2026-11-28T10:00:00Z');
  const embargo = new Date('2026-11-28T12:00:00Z');
  const { id } = await createTestStory(reporter);
  await forceStoryState(id, 'approved', { embargoUntil: embargo });
  await expect(transitionStory(editor, id, { action: 'publish' }, now)).rejects.toThrow(
    'Embargoed until 28 Nov 2026, 12:00 UTC: publishing is refused until then.',
  );
  await expect(
    transitionStory(editor, id, { action: 'schedule', publishAt: new Date('2026-11-28T11:00:00Z') }, now),
  ).rejects.toThrow('embargoed until 28 Nov 2026, 12:00 UTC');
  await expect(transitionStory(editor, id, { action: 'schedule', publishAt: embargo }, now)).resolves.toEqual({
    state: 'scheduled',
  });
  await expect(transitionStory(editor, id, { action: 'publish' }, new Date('2026-11-28T12:00:01Z'))).resolves.toEqual({
    state: 'published',
  });
});

test('a schedule time in the past is refused', async () => {
  const { id } = await createTestStory(reporter);
  await forceStoryState(id, 'approved');
  const error = await transitionStory(editor, id, {
    action: 'schedule',
    publishAt: new Date(Date.now() - 60_000),
  }).catch((e: unknown) => e);
  expect((error as ValidationError).fieldErrors.publishAt).toEqual(['The publishing time must be in the future']);
});

test('publishing refuses a newer version than the one the editor was looking at', async () => {
  const { id } = await createTestStory(reporter);
  await transitionStory(reporter, id, { action: 'submit' });
  const seen = await getStoryForEditor(editor, id);
  await saveStory(editor, id, editorInput(seen, { headline: 'Changed by a colleague meanwhile' }));
  await expect(
    transitionStory(editor, id, { action: 'publish', expectedVersion: seen.version }),
  ).rejects.toBeInstanceOf(ConflictError);
  expect((await getStoryForEditor(editor, id)).state).toBe('in_review');
});

test('a change request lands in the notes thread and on the reporter’s dashboard until resolved', async () => {
  const { id } = await createTestStory(reporter, { headline: 'Needs a second source' });
  await transitionStory(reporter, id, { action: 'submit' });
  await transitionStory(editor, id, { action: 'request_changes', note: 'Get a second source for the figures.' });
  const story = await getStoryForEditor(reporter, id);
  expect(story.state).toBe('changes_requested');
  expect(story.notes.map((n) => [n.kind, n.body, n.authorName])).toEqual([
    ['change_request', 'Get a second source for the figures.', 'Eddie Editor'],
  ]);
  const dashboard = await getDashboard(reporter);
  expect(dashboard.reviewQueue).toBeNull();
  expect(dashboard.myStories.find((s) => s.id === id)?.openChangeRequest).toBe('Get a second source for the figures.');

  await addStoryNote(reporter, id, { body: 'Added the ministry figures.' });
  await resolveStoryNote(reporter, story.notes[0]!.id);
  const after = await getStoryForEditor(reporter, id);
  expect(after.notes.map((n) => [n.body, n.resolvedAt !== null])).toEqual([
    ['Get a second source for the figures.', true],
    ['Added the ministry figures.', false],
  ]);
  expect((await getDashboard(reporter)).myStories.find((s) => s.id === id)?.openChangeRequest).toBeNull();
  await expect(addStoryNote(reporter, id, { body: '   ' })).rejects.toBeInstanceOf(ValidationError);
  await expect(resolveStoryNote(colleague, after.notes[1]!.id)).rejects.toBeInstanceOf(ForbiddenError);
});

test('the review queue is oldest submission first, with counts per state', async () => {
  const first = await createTestStory(reporter, { headline: 'Queue first' });
  const second = await createTestStory(reporter, { headline: 'Queue second' });
  await transitionStory(reporter, first.id, { action: 'submit' }, new Date('2026-11-28T08:00:00Z'));
  await transitionStory(reporter, second.id, { action: 'submit' }, new Date('2026-11-28T09:00:00Z'));
  const dashboard = await getDashboard(editor);
  const queue = dashboard.reviewQueue!.map((s) => s.headline).filter((h) => h.startsWith('Queue'));
  expect(queue).toEqual(['Queue first', 'Queue second']);
  const db = await getDb();
  expect(dashboard.stateCounts!.in_review).toBe(await db.$count(stories, eq(stories.state, 'in_review')));
  expect(Object.values(dashboard.stateCounts!).reduce((a, b) => a + b, 0)).toBe(await db.$count(stories));
});

test('the desk list filters by state, section, author and words, and pages forwards and back', async () => {
  const author = await createStaff({ role: 'reporter' });
  const made: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { id } = await createStory(
      author,
      {
        headline: `Harbour ferry strike day ${i}`,
        sectionId: i % 2 ? sportId : worldId,
        body: storyBodyFromParagraphs([`Ferries stopped on day ${i}.`]),
      },
      new Date(Date.UTC(2026, 10, 1, 12, i)),
    );
    made.push(id);
  }
  await forceStoryState(made[0]!, 'in_review');

  const ids = async (filters: Record<string, unknown>) =>
    (await listDeskStories(editor, { author: author.id, ...filters })).stories.map((s) => s.id);
  expect(await ids({})).toEqual([...made].reverse());
  expect(await ids({ state: 'in_review' })).toEqual([made[0]]);
  expect(await ids({ section: sportId })).toEqual([made[5], made[3], made[1]]);
  expect(await ids({ q: 'ferr stri' })).toHaveLength(7);
  expect(await ids({ q: 'day 3' })).toEqual([made[3]]);
  expect(await ids({ q: 'nonexistentword' })).toEqual([]);

  const page1 = await listDeskStories(editor, { author: author.id }, 3);
  expect(page1.stories.map((s) => s.id)).toEqual([made[6], made[5], made[4]]);
  expect(page1.previous).toBeNull();
  const page2 = await listDeskStories(editor, { author: author.id, after: page1.next! }, 3);
  expect(page2.stories.map((s) => s.id)).toEqual([made[3], made[2], made[1]]);
  const page3 = await listDeskStories(editor, { author: author.id, after: page2.next! }, 3);
  expect(page3.stories.map((s) => s.id)).toEqual([made[0]]);
  expect(page3.next).toBeNull();
  const back = await listDeskStories(editor, { author: author.id, before: page3.previous! }, 3);
  expect(back.stories.map((s) => s.id)).toEqual([made[3], made[2], made[1]]);
  const backAgain = await listDeskStories(editor, { author: author.id, before: back.previous! }, 3);
  expect(backAgain.stories.map((s) => s.id)).toEqual([made[6], made[5], made[4]]);
  expect(backAgain.previous).toBeNull();

  const board = await listBoard(editor, { author: author.id });
  expect(board.in_review.map((s) => s.id)).toEqual([made[0]]);
  expect(board.draft).toHaveLength(6);
  expect(board.published).toEqual([]);
});

test('a new slug or section reaches readers with "Publish update", and the old address answers 301', async () => {
  const { id, slug } = await createTestStory(reporter, { headline: 'Ferry timetable changes' });
  await forceStoryState(id, 'approved');
  await publish(id);
  const story = await getStoryForEditor(editor, id);
  expect(story.publicPath).toBe(`/world/${slug}`);
  await saveStory(editor, id, editorInput(story, { slug: 'ferry-timetable-changes-winter', sectionId: sportId }));

  // Saved, not yet published: readers still get the old address and the old section.
  expect(await resolveArticlePath('world', slug)).toEqual({ status: 'published' });
  expect(await getPublishedArticle('sport', 'ferry-timetable-changes-winter')).toBeNull();
  expect((await getStoryForEditor(editor, id)).publicPath).toBe(`/world/${slug}`);

  await transitionStory(editor, id, { action: 'publish_update' });
  expect(await resolveArticlePath('sport', 'ferry-timetable-changes-winter')).toEqual({ status: 'published' });
  expect(await resolveArticlePath('world', slug)).toEqual({
    status: 'moved',
    location: '/sport/ferry-timetable-changes-winter',
  });
  expect((await getPublishedArticle('sport', 'ferry-timetable-changes-winter'))?.section.name).toBe('Sport');

  // Taken down: every address it ever had is gone.
  await transitionStory(editor, id, { action: 'unpublish' });
  expect(await resolveArticlePath('world', slug)).toEqual({ status: 'gone' });
  expect(await resolveArticlePath('sport', 'ferry-timetable-changes-winter')).toEqual({ status: 'gone' });
});

test('a slug still live on the public site is not handed to another story', async () => {
  const { id, slug } = await createTestStory(reporter, { headline: 'Bridge reopens after repairs' });
  await forceStoryState(id, 'approved');
  await publish(id);
  const story = await getStoryForEditor(editor, id);
  await saveStory(editor, id, editorInput(story, { slug: 'bridge-reopens-tuesday' }));
  // The working copy moved on, but readers still find the story at the old slug.
  const error = await createTestStory(reporter, { headline: 'Other', slug }).catch((e: unknown) => e);
  expect((error as ValidationError).fieldErrors.slug).toEqual(['This slug is already used by another story']);
  const derived = await createTestStory(reporter, { headline: 'Bridge reopens after repairs' });
  expect(derived.slug).toBe(`${slug}-2`);
});

test('a story built on agency copy credits the agency after the bylines, once published', async () => {
  const { id, slug } = await createTestStory(reporter, { headline: 'Quake shakes the capital', agency: 'AFP' });
  await forceStoryState(id, 'approved');
  await publish(id);
  const article = await getPublishedArticle('world', slug);
  expect(article?.agency).toBe('AFP');
  expect(article?.bylines.map((b) => b.name)).toEqual(['Rita Reporter']);
});
