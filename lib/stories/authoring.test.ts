import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createTestStory, forceStoryState } from '@/db/factories';
import { stories, storyEvents, storyLocks, storyRevisions } from '@/db/schema';
import { ForbiddenError, NotFoundError, StaleVersionError, StoryLockedError, ValidationError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { saveStory } from './save-story';
import { storyBodyFromParagraphs, type StoryBody } from './story-body';
import type { StoryEditorInput } from './story-input';
import { claimStoryLock, getStoryLock, LOCK_EXPIRY_MS, releaseStoryLock, takeOverStoryLock } from './story-lock';
import { compareRevisions, getWorkingCopy, keepUnsavedText, listRevisions, restoreRevision } from './story-revisions';
import { transitionStory } from './transition-story';

// Every lock, save and restore below is given its own clock, so a heartbeat's expiry is
// simulated by passing a later `now` rather than by waiting.
const T0 = new Date('2031-05-12T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;

let reporter: StaffUser;
let colleague: StaffUser;
let editor: StaffUser;
let otherEditor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Rita Reporter' });
  colleague = await createStaff({ role: 'reporter', name: 'Colin Colleague' });
  editor = await createStaff({ role: 'editor', name: 'Eddie Editor' });
  otherEditor = await createStaff({ role: 'editor', name: 'Erin Editor' });
});

/** The working copy as the editor form would send it back, with changes. */
async function editorInput(storyId: number, changes: Partial<StoryEditorInput> = {}): Promise<StoryEditorInput> {
  const copy = await getWorkingCopy(editor, storyId);
  return {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    dateline: copy.dateline,
    sectionId: copy.sectionId,
    authorIds: copy.authorIds,
    body: copy.body,
    baseVersion: copy.version,
    ...changes,
  };
}

const paragraphs = (...texts: string[]) => storyBodyFromParagraphs(texts);

/** The editing session (browser tab) a test user's editor page opens with; `n` for a second tab. */
const tabOf = (user: { id: number }, n = 0) => `tab-${user.id}-${n}`.padEnd(16, 'x');

async function revisionsOf(storyId: number) {
  const db = await getDb();
  return db.select().from(storyRevisions).where(eq(storyRevisions.storyId, storyId)).orderBy(storyRevisions.id);
}

async function eventsOf(storyId: number) {
  const db = await getDb();
  return db.select().from(storyEvents).where(eq(storyEvents.storyId, storyId)).orderBy(storyEvents.id);
}

async function storyRow(storyId: number) {
  const db = await getDb();
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId));
  return row!;
}

// ---------------------------------------------------------------------------------------
// The edit lock

test('whoever opens a free story holds its lock; colleagues see who holds it and since when', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id] });
  expect(await getStoryLock(editor, id, tabOf(editor), T0)).toEqual({ status: 'free' });

  expect(await claimStoryLock(reporter, id, tabOf(reporter), T0)).toEqual({ status: 'mine', keptRevisions: [] });
  expect(await getStoryLock(reporter, id, tabOf(reporter), at(SECOND))).toEqual({ status: 'mine', keptRevisions: [] });
  expect(await getStoryLock(editor, id, tabOf(editor), at(SECOND))).toEqual({
    status: 'held',
    holder: { id: reporter.id, name: 'Rita Reporter' },
    since: T0,
    takenFromYou: false,
    byYou: false,
  });
  // The co-author's editor page is refused the lock and told who holds it; nothing changes.
  expect(await claimStoryLock(colleague, id, tabOf(colleague), at(2 * SECOND))).toMatchObject({
    status: 'held',
    holder: { name: 'Rita Reporter' },
  });
  expect(await getStoryLock(editor, id, tabOf(editor), at(3 * SECOND))).toMatchObject({ holder: { id: reporter.id } });
  // Presence is not content: a lock writes no audit event.
  expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create']);
});

test('heartbeats keep the lock; a lock without one for LOCK_EXPIRY_MS is free for the next person', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id] });
  await claimStoryLock(reporter, id, tabOf(reporter), T0);
  const heartbeat = at(30 * SECOND);
  await claimStoryLock(reporter, id, tabOf(reporter), heartbeat);

  // Renewing keeps the time the lock was first taken.
  expect(await getStoryLock(editor, id, tabOf(editor), heartbeat)).toMatchObject({ status: 'held', since: T0 });
  const lastMoment = new Date(heartbeat.getTime() + LOCK_EXPIRY_MS - 1);
  expect(await getStoryLock(colleague, id, tabOf(colleague), lastMoment)).toMatchObject({ status: 'held' });
  expect(await claimStoryLock(colleague, id, tabOf(colleague), lastMoment)).toMatchObject({ status: 'held' });

  const expired = new Date(heartbeat.getTime() + LOCK_EXPIRY_MS);
  expect(await getStoryLock(colleague, id, tabOf(colleague), expired)).toEqual({ status: 'free' });
  expect(await getStoryLock(reporter, id, tabOf(reporter), expired)).toEqual({ status: 'free' });
  expect(await claimStoryLock(colleague, id, tabOf(colleague), expired)).toEqual({ status: 'mine', keptRevisions: [] });
  // The one whose browser went quiet comes back to find the lock with someone else.
  expect(await claimStoryLock(reporter, id, tabOf(reporter), at(LOCK_EXPIRY_MS + 31 * SECOND))).toEqual({
    status: 'held',
    holder: { id: colleague.id, name: 'Colin Colleague' },
    since: expired,
    takenFromYou: false,
    byYou: false,
  });
});

test('a saved text may go in once the holder’s lock has expired', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id] });
  await claimStoryLock(colleague, id, tabOf(colleague), T0);
  const input = await editorInput(id, { headline: 'Harbour plan approved after all-night sitting' });
  await expect(saveStory(reporter, id, input, at(LOCK_EXPIRY_MS - 1))).rejects.toBeInstanceOf(StoryLockedError);
  const saved = await saveStory(reporter, id, input, at(LOCK_EXPIRY_MS));
  expect(saved).toEqual({ version: 2, changed: true });
});

test('a writer’s second tab that opens and closes the story leaves the first tab’s lock in place', async () => {
  const { id } = await createTestStory(reporter);
  const [tabA, tabB] = [tabOf(reporter), tabOf(reporter, 1)];
  await claimStoryLock(reporter, id, tabA, T0);
  // The second tab is told it is the same writer, elsewhere, and does not get the lock.
  expect(await claimStoryLock(reporter, id, tabB, at(SECOND))).toEqual({
    status: 'held',
    holder: { id: reporter.id, name: 'Rita Reporter' },
    since: T0,
    takenFromYou: false,
    byYou: true,
  });
  await releaseStoryLock(reporter, id, tabB);
  // An editor still sees the writer at work, and may still take over.
  expect(await getStoryLock(editor, id, tabOf(editor), at(2 * SECOND))).toMatchObject({
    status: 'held',
    holder: { id: reporter.id },
    byYou: false,
  });
  expect(await claimStoryLock(reporter, id, tabA, at(3 * SECOND))).toMatchObject({ status: 'mine' });
  // A save from the tab without the lock is refused and kept; the holding tab saves.
  const input = await editorInput(id, { headline: 'Typed in the second tab' });
  const refused = await saveStory(reporter, id, input, at(4 * SECOND), tabB).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StoryLockedError);
  expect((refused as StoryLockedError).keptRevisionId).toEqual(expect.any(Number));
  expect(await saveStory(reporter, id, input, at(5 * SECOND), tabA)).toEqual({ version: 2, changed: true });
});

test('Edit here moves a writer’s lock to their other tab, which the first tab learns; no take-over is recorded', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [reporter.id, colleague.id] });
  const [tabA, tabB] = [tabOf(reporter), tabOf(reporter, 1)];
  await claimStoryLock(reporter, id, tabA, T0);
  expect(await takeOverStoryLock(reporter, id, tabB, at(SECOND))).toEqual({ status: 'mine', keptRevisions: [] });
  expect(await claimStoryLock(reporter, id, tabA, at(2 * SECOND))).toMatchObject({
    status: 'held',
    takenFromYou: true,
    byYou: true,
  });
  // A reporter still cannot take a colleague's lock.
  await claimStoryLock(colleague, id, tabOf(colleague), at(LOCK_EXPIRY_MS * 2));
  await expect(takeOverStoryLock(reporter, id, tabA, at(LOCK_EXPIRY_MS * 2 + SECOND))).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create']);
});

test('leaving the page releases the lock at once; nobody else can release it', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id] });
  await claimStoryLock(reporter, id, tabOf(reporter), T0);
  await releaseStoryLock(colleague, id, tabOf(colleague));
  await releaseStoryLock(editor, id, tabOf(editor));
  expect(await getStoryLock(colleague, id, tabOf(colleague), at(SECOND))).toMatchObject({
    status: 'held',
    holder: { id: reporter.id },
  });

  await releaseStoryLock(reporter, id, tabOf(reporter));
  expect(await getStoryLock(colleague, id, tabOf(colleague), at(SECOND))).toEqual({ status: 'free' });
  expect(await claimStoryLock(colleague, id, tabOf(colleague), at(2 * SECOND))).toMatchObject({ status: 'mine' });
  // Releasing a lock one does not hold is harmless.
  await releaseStoryLock(reporter, id, tabOf(reporter));
  expect(await getStoryLock(reporter, id, tabOf(reporter), at(3 * SECOND))).toMatchObject({
    holder: { id: colleague.id },
  });
});

test('only someone who may edit the story can take its lock', async () => {
  const colleagues = await createTestStory(colleague);
  await expect(claimStoryLock(reporter, colleagues.id, tabOf(reporter), T0)).rejects.toBeInstanceOf(ForbiddenError);

  const submitted = await createTestStory(reporter);
  await transitionStory(reporter, submitted.id, { action: 'submit' });
  await expect(claimStoryLock(reporter, submitted.id, tabOf(reporter), T0)).rejects.toThrow(
    'You cannot edit this story',
  );
  expect(await claimStoryLock(editor, submitted.id, tabOf(editor), T0)).toMatchObject({ status: 'mine' });

  const killed = await createTestStory(reporter);
  await forceStoryState(killed.id, 'killed');
  await expect(claimStoryLock(editor, killed.id, tabOf(editor), T0)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(takeOverStoryLock(editor, killed.id, tabOf(editor), T0)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(claimStoryLock(editor, 999_999, tabOf(editor), T0)).rejects.toBeInstanceOf(NotFoundError);
});

test('a reporter cannot take over a story someone is editing; an editor can, and the holder learns it', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id] });
  await claimStoryLock(reporter, id, tabOf(reporter), T0);

  await expect(takeOverStoryLock(colleague, id, tabOf(colleague), at(SECOND))).rejects.toThrow(
    'Only editors can take over a story someone is editing.',
  );
  await expect(takeOverStoryLock(colleague, id, tabOf(colleague), at(SECOND))).rejects.toBeInstanceOf(ForbiddenError);
  expect(await getStoryLock(editor, id, tabOf(editor), at(SECOND))).toMatchObject({ holder: { id: reporter.id } });

  expect(await takeOverStoryLock(editor, id, tabOf(editor), at(5 * SECOND))).toEqual({
    status: 'mine',
    keptRevisions: [],
  });
  // The reporter's next heartbeat is refused and says the lock was taken from them…
  expect(await claimStoryLock(reporter, id, tabOf(reporter), at(15 * SECOND))).toEqual({
    status: 'held',
    holder: { id: editor.id, name: 'Eddie Editor' },
    since: at(5 * SECOND),
    takenFromYou: true,
    byYou: false,
  });
  // …which a third person is not told.
  expect(await getStoryLock(colleague, id, tabOf(colleague), at(15 * SECOND))).toMatchObject({ takenFromYou: false });
  // The reporter's page closing does not release the editor's lock.
  await releaseStoryLock(reporter, id, tabOf(reporter));
  expect(await getStoryLock(reporter, id, tabOf(reporter), at(16 * SECOND))).toMatchObject({
    holder: { id: editor.id },
  });

  const takeOvers = (await eventsOf(id)).filter((e) => e.action === 'take_over');
  expect(takeOvers).toHaveLength(1);
  expect(takeOvers[0]).toMatchObject({ actorId: editor.id, note: 'Took over editing from Rita Reporter.' });
  expect(takeOvers[0]!.createdAt).toEqual(at(5 * SECOND));

  // One editor may take over from another.
  await takeOverStoryLock(otherEditor, id, tabOf(otherEditor), at(20 * SECOND));
  expect(await claimStoryLock(editor, id, tabOf(editor), at(21 * SECOND))).toMatchObject({
    holder: { name: 'Erin Editor' },
    takenFromYou: true,
  });
});

test('taking over twice (a double click, a retried request) still remembers whom it was taken from', async () => {
  const { id } = await createTestStory(reporter);
  await claimStoryLock(reporter, id, tabOf(reporter), T0);
  await takeOverStoryLock(editor, id, tabOf(editor), at(5 * SECOND));
  const refused = (await saveStory(
    reporter,
    id,
    await editorInput(id, { headline: 'Typed before the take-over' }),
    at(6 * SECOND),
  ).catch((e: unknown) => e)) as StoryLockedError;
  expect(refused).toBeInstanceOf(StoryLockedError);

  expect(await takeOverStoryLock(editor, id, tabOf(editor), at(7 * SECOND))).toEqual({
    status: 'mine',
    keptRevisions: [{ id: refused.keptRevisionId, authorName: 'Rita Reporter', createdAt: at(6 * SECOND) }],
  });
  expect(await claimStoryLock(reporter, id, tabOf(reporter), at(8 * SECOND))).toMatchObject({
    status: 'held',
    since: at(5 * SECOND),
    takenFromYou: true,
    byYou: false,
  });
  expect((await eventsOf(id)).filter((e) => e.action === 'take_over')).toHaveLength(1);
});

test('taking a lock nobody holds, or one that has expired, is no take-over', async () => {
  const { id } = await createTestStory(reporter);
  expect(await takeOverStoryLock(editor, id, tabOf(editor), T0)).toMatchObject({ status: 'mine' });
  await releaseStoryLock(editor, id, tabOf(editor));

  await claimStoryLock(reporter, id, tabOf(reporter), at(SECOND));
  expect(await takeOverStoryLock(editor, id, tabOf(editor), at(SECOND + LOCK_EXPIRY_MS))).toMatchObject({
    status: 'mine',
  });
  expect(await claimStoryLock(reporter, id, tabOf(reporter), at(2 * SECOND + LOCK_EXPIRY_MS))).toMatchObject({
    status: 'held',
    takenFromYou: false,
  });
  expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create']);
});

// ---------------------------------------------------------------------------------------
// Saving while someone else holds the lock, and stale saves

test('a save refused because an editor took over is kept as a takeover revision, and the editor is told', async () => {
  const { id } = await createTestStory(reporter, { headline: 'Ferry strike enters second day' });
  await claimStoryLock(reporter, id, tabOf(reporter), T0);
  await takeOverStoryLock(editor, id, tabOf(editor), at(5 * SECOND));

  const mine = await editorInput(id, {
    headline: 'Ferry strike enters third day',
    body: paragraphs('Crews walked out again on Thursday.'),
  });
  const refused = await saveStory(reporter, id, mine, at(10 * SECOND)).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StoryLockedError);
  const error = refused as StoryLockedError;
  expect(error.holderName).toBe('Eddie Editor');
  expect(error.message).toBe(
    'Eddie Editor is editing this story, so your changes were not saved to it. They were kept as a revision.',
  );
  expect(error.keptRevisionId).toEqual(expect.any(Number));

  // The working copy is untouched; the refused text is a revision of its own.
  const story = await storyRow(id);
  expect(story).toMatchObject({ version: 1, headline: 'Ferry strike enters second day' });
  const revisions = await revisionsOf(id);
  expect(revisions.map((r) => [r.kind, r.version])).toEqual([
    ['save', 1],
    ['takeover', 1],
  ]);
  expect(revisions[1]).toMatchObject({
    id: error.keptRevisionId,
    authorId: reporter.id,
    headline: 'Ferry strike enters third day',
    bodyText: 'Crews walked out again on Thursday.',
  });
  const events = await eventsOf(id);
  expect(events.map((e) => e.action)).toEqual(['create', 'take_over', 'save_refused_locked']);
  expect(events[2]!.note).toBe('Eddie Editor is editing the story; the refused text was kept as a revision.');

  // The editor's next heartbeat lists the text kept from the take-over.
  expect(await claimStoryLock(editor, id, tabOf(editor), at(15 * SECOND))).toEqual({
    status: 'mine',
    keptRevisions: [{ id: error.keptRevisionId, authorName: 'Rita Reporter', createdAt: at(10 * SECOND) }],
  });
  // The lock holder's own save goes through.
  expect(await saveStory(editor, id, await editorInput(id, { standfirst: 'Tidied.' }), at(20 * SECOND))).toEqual({
    version: 2,
    changed: true,
  });
});

test('a save based on an old version is refused with the current version, and the refused text is kept', async () => {
  const { id } = await createTestStory(reporter, { headline: 'Museum reopens after flood' });
  const base = await editorInput(id);
  await saveStory(editor, id, { ...base, headline: 'Museum reopens after the flood' }, T0);

  const refused = await saveStory(
    reporter,
    id,
    { ...base, body: paragraphs('Visitors queued from dawn.') },
    at(SECOND),
  ).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StaleVersionError);
  const error = refused as StaleVersionError;
  expect(error.currentVersion).toBe(2);
  expect(error.message).toContain('it is now at version 2');
  const revisions = await revisionsOf(id);
  expect(revisions.map((r) => [r.kind, r.version, r.authorId])).toEqual([
    ['save', 1, reporter.id],
    ['save', 2, editor.id],
    ['conflict', 1, reporter.id],
  ]);
  expect(revisions[2]).toMatchObject({ id: error.keptRevisionId, bodyText: 'Visitors queued from dawn.' });
  expect(await storyRow(id)).toMatchObject({ version: 2, headline: 'Museum reopens after the flood' });
  const events = await eventsOf(id);
  expect(events.at(-1)).toMatchObject({
    action: 'save_conflict',
    actorId: reporter.id,
    note: 'Based on version 1, but the story was at version 2; the refused text was kept as a revision.',
  });

  // Reloaded on the current version, the same text saves.
  const retried = await saveStory(reporter, id, await editorInput(id, { body: paragraphs('Visitors queued.') }));
  expect(retried).toEqual({ version: 3, changed: true });
});

test('a save retried after its answer was lost is no conflict: it already went through', async () => {
  const { id } = await createTestStory(reporter);
  const input = await editorInput(id, { headline: 'Sent once, answered never' });
  expect(await saveStory(reporter, id, input, T0)).toEqual({ version: 2, changed: true });
  // The browser never heard back, so it sends the same text on the same base version.
  expect(await saveStory(reporter, id, input, at(SECOND))).toEqual({ version: 2, changed: false });
  expect((await revisionsOf(id)).map((r) => r.kind)).toEqual(['save', 'save']);
  expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create', 'save']);
  // Anything more than the saved text on that old base is still a conflict.
  await expect(
    saveStory(reporter, id, { ...input, standfirst: 'And one more change.' }, at(2 * SECOND)),
  ).rejects.toBeInstanceOf(StaleVersionError);
});

test('a save both stale and locked out is refused for the lock, and its text kept', async () => {
  const { id } = await createTestStory(reporter);
  const base = await editorInput(id);
  await takeOverStoryLock(editor, id, tabOf(editor), T0);
  await saveStory(editor, id, { ...base, headline: 'Newer headline' }, at(SECOND));
  await expect(saveStory(reporter, id, { ...base, headline: 'Older base' }, at(2 * SECOND))).rejects.toBeInstanceOf(
    StoryLockedError,
  );
  expect((await revisionsOf(id)).map((r) => r.kind)).toEqual(['save', 'save', 'takeover']);
});

test('each save and kept revision records the words it added and removed', async () => {
  const { id } = await createTestStory(reporter, {
    headline: 'Bridge closes for repairs',
    standfirst: '',
    body: paragraphs('The bridge will close in spring.'),
  });
  await saveStory(
    reporter,
    id,
    await editorInput(id, { body: paragraphs('The bridge will close in autumn. Drivers face long detours.') }),
    T0,
  );
  const base = await editorInput(id, { baseVersion: 1 });
  await saveStory(reporter, id, { ...base, headline: 'Bridge closes' }, at(SECOND)).catch(() => undefined);

  const revisions = await revisionsOf(id);
  // The first revision counts every word of the new story.
  expect(revisions.map((r) => [r.kind, r.wordsAdded, r.wordsRemoved])).toEqual([
    ['save', 10, 0],
    ['save', 5, 1],
    ['conflict', 0, 2],
  ]);
});

// ---------------------------------------------------------------------------------------
// Revisions: listing, comparing, restoring, keeping

test('the revision list says who saved, when, what kind and how many words changed, newest first', async () => {
  const { id } = await createTestStory(reporter, {
    headline: 'Tram line opens',
    standfirst: '',
    body: paragraphs('The first tram left at six.'),
  });
  await saveStory(reporter, id, await editorInput(id, { headline: 'Tram line opens today' }), T0);
  await saveStory(editor, id, await editorInput(id, { body: paragraphs('The first tram left at dawn.') }), at(SECOND));

  const list = await listRevisions(editor, id);
  expect(list.map((r) => [r.version, r.kind, r.authorName, r.wordsAdded, r.wordsRemoved, r.restoredFromId])).toEqual([
    [3, 'save', 'Eddie Editor', 1, 1, null],
    [2, 'save', 'Rita Reporter', 1, 0, null],
    [1, 'save', 'Rita Reporter', 9, 0, null],
  ]);
  expect(list[0]!.createdAt).toEqual(at(SECOND));
  expect(list[1]!.createdAt).toEqual(T0);
  expect(await listRevisions(editor, 999_999)).toEqual([]);
});

test('any two revisions compare word by word, field by field', async () => {
  const { id } = await createTestStory(reporter, {
    headline: 'Three hurt in blast',
    standfirst: 'Police closed the street.',
    body: paragraphs('The blast happened at noon.', 'Windows were broken.'),
  });
  await saveStory(reporter, id, await editorInput(id, { headline: 'Five hurt in blast' }), T0);
  await saveStory(
    reporter,
    id,
    await editorInput(id, { body: paragraphs('The blast happened at noon.', 'Windows were broken.', 'More later.') }),
    at(SECOND),
  );
  const [third, , first] = await listRevisions(editor, id);

  const comparison = await compareRevisions(colleague, id, first!.id, String(third!.id));
  expect(comparison.from).toMatchObject({ id: first!.id, version: 1 });
  expect(comparison.to).toMatchObject({ id: third!.id, version: 3 });
  expect(comparison.diff.headline).toEqual([
    { kind: 'removed', text: 'Three' },
    { kind: 'added', text: 'Five' },
    { kind: 'same', text: ' hurt in blast' },
  ]);
  expect(comparison.diff.standfirst).toEqual([{ kind: 'same', text: 'Police closed the street.' }]);
  expect(comparison.diff.body.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'added', text: '\n\nMore later.' }]);
  expect(comparison.diff).toMatchObject({ added: 3, removed: 1 });

  // And backwards: what was added is now removed.
  const backwards = await compareRevisions(editor, id, third!.id, first!.id);
  expect(backwards.diff).toMatchObject({ added: 1, removed: 3 });

  const other = await createTestStory(reporter);
  const [otherRevision] = await listRevisions(editor, other.id);
  await expect(compareRevisions(editor, id, first!.id, otherRevision!.id)).rejects.toThrow(
    'This revision does not belong to this story.',
  );
  await expect(compareRevisions(editor, id, 'latest', first!.id)).rejects.toBeInstanceOf(ValidationError);
});

test('restoring an old revision makes a new version from it; nothing is deleted or overwritten', async () => {
  const { id } = await createTestStory(reporter, {
    headline: 'Airport expansion approved',
    body: paragraphs('The runway will be extended.'),
  });
  await saveStory(reporter, id, await editorInput(id, { headline: 'Airport expansion halted' }), T0);
  await saveStory(reporter, id, await editorInput(id, { body: paragraphs('Judges halted the work.') }), at(SECOND));
  const before = await revisionsOf(id);
  expect(before).toHaveLength(3);

  const result = await restoreRevision(editor, id, String(before[0]!.id), at(2 * SECOND));
  expect(result).toEqual({ version: 4, changed: true });

  const after = await revisionsOf(id);
  expect(after.slice(0, 3)).toEqual(before);
  expect(after[3]).toMatchObject({
    version: 4,
    kind: 'save',
    authorId: editor.id,
    restoredFromId: before[0]!.id,
    headline: 'Airport expansion approved',
    bodyText: 'The runway will be extended.',
    wordsAdded: 6,
    wordsRemoved: 5,
  });
  expect(after[3]!.body).toEqual(before[0]!.body);
  const copy = await getWorkingCopy(reporter, id);
  expect(copy).toMatchObject({
    version: 4,
    headline: 'Airport expansion approved',
    bodyText: 'The runway will be extended.',
    updatedByName: 'Eddie Editor',
    updatedAt: at(2 * SECOND),
  });
  expect((await eventsOf(id)).at(-1)).toMatchObject({
    action: 'restore_revision',
    actorId: editor.id,
    note: `Restored version 1 (revision ${before[0]!.id}) as version 4.`,
  });
  expect((await listRevisions(editor, id))[0]).toMatchObject({
    restoredFromId: before[0]!.id,
    authorName: 'Eddie Editor',
  });

  // Restoring what the story already says changes nothing and writes nothing.
  expect(await restoreRevision(editor, id, before[0]!.id, at(3 * SECOND))).toEqual({ version: 4, changed: false });
  expect(await revisionsOf(id)).toHaveLength(4);
});

test('text kept from a conflict can be restored as a new version', async () => {
  const { id } = await createTestStory(reporter);
  const base = await editorInput(id);
  await saveStory(editor, id, { ...base, headline: 'Editor’s headline' }, T0);
  const error = (await saveStory(reporter, id, { ...base, headline: 'Reporter’s headline' }, at(SECOND)).catch(
    (e: unknown) => e,
  )) as StaleVersionError;
  expect(error).toBeInstanceOf(StaleVersionError);

  expect(await restoreRevision(reporter, id, error.keptRevisionId, at(2 * SECOND))).toEqual({
    version: 3,
    changed: true,
  });
  expect(await storyRow(id)).toMatchObject({ headline: 'Reporter’s headline', version: 3 });
  expect((await eventsOf(id)).at(-1)!.note).toBe(
    `Restored the text kept at version 1 (revision ${error.keptRevisionId}) as version 3.`,
  );
});

test('a revision that differs only in formatting can still be restored', async () => {
  const emphasised: StoryBody = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Polls close at ten.', marks: [{ type: 'bold' }] }],
      },
    ],
  };
  const { id } = await createTestStory(reporter, { body: emphasised });
  await saveStory(reporter, id, await editorInput(id, { body: paragraphs('Polls close at ten.') }), T0);
  const [first] = await revisionsOf(id);

  expect(await restoreRevision(reporter, id, first!.id, at(SECOND))).toEqual({ version: 3, changed: true });
  expect((await storyRow(id)).body).toEqual(emphasised);
});

test('a kept revision naming an image never uploaded here cannot be restored into the story', async () => {
  const { id } = await createTestStory(reporter, { body: paragraphs('Before.') });
  const forged: StoryBody = {
    type: 'doc',
    content: [
      {
        type: 'image',
        attrs: { mediaId: 'a'.repeat(26), width: 10, height: 10, alt: '', caption: 'A picture', credit: 'Nobody' },
      },
    ],
  };
  // keepUnsavedText keeps text as it was typed: its images are not checked until it is saved.
  const { revisionId } = await keepUnsavedText(reporter, id, await editorInput(id, { body: forged }), T0);

  await expect(restoreRevision(reporter, id, revisionId, at(SECOND))).rejects.toThrow(
    'An image in the body was not uploaded here; upload it again.',
  );
  expect(await storyRow(id)).toMatchObject({ version: 1, bodyText: 'Before.' });
});

test('a reporter cannot restore a revision of a colleague’s story, nor of their own once submitted', async () => {
  const colleagues = await createTestStory(colleague, { headline: 'Colin’s first headline' });
  await saveStory(colleague, colleagues.id, await editorInput(colleagues.id, { headline: 'Colin’s second' }), T0);
  const [first] = await revisionsOf(colleagues.id);
  await expect(restoreRevision(reporter, colleagues.id, first!.id, at(SECOND))).rejects.toBeInstanceOf(ForbiddenError);
  expect(await revisionsOf(colleagues.id)).toHaveLength(2);
  await expect(restoreRevision(editor, colleagues.id, first!.id, at(SECOND))).resolves.toMatchObject({
    changed: true,
  });

  const own = await createTestStory(reporter, { headline: 'Rita’s first headline' });
  await saveStory(reporter, own.id, await editorInput(own.id, { headline: 'Rita’s second' }), T0);
  await transitionStory(reporter, own.id, { action: 'submit' });
  const [ownFirst] = await revisionsOf(own.id);
  await expect(restoreRevision(reporter, own.id, ownFirst!.id, at(SECOND))).rejects.toBeInstanceOf(ForbiddenError);

  // A revision of another story, or no revision at all, is not found.
  await expect(restoreRevision(editor, own.id, first!.id, at(SECOND))).rejects.toBeInstanceOf(NotFoundError);
  await expect(restoreRevision(editor, own.id, 'x', at(SECOND))).rejects.toBeInstanceOf(ValidationError);
});

test('a restore is refused while someone else holds the lock, and allowed for the holder', async () => {
  const { id } = await createTestStory(reporter, { headline: 'First headline' });
  await saveStory(reporter, id, await editorInput(id, { headline: 'Second headline' }), T0);
  const [first] = await revisionsOf(id);
  await claimStoryLock(reporter, id, tabOf(reporter), at(SECOND));

  const refused = await restoreRevision(editor, id, first!.id, at(2 * SECOND)).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StoryLockedError);
  expect((refused as StoryLockedError).message).toBe(
    'Rita Reporter is editing this story; restore it when they are done (or take over).',
  );
  expect(await revisionsOf(id)).toHaveLength(2);

  expect(await restoreRevision(reporter, id, first!.id, at(3 * SECOND))).toMatchObject({ changed: true });
  expect(await storyRow(id)).toMatchObject({ headline: 'First headline', version: 3 });
});

test('unsaved text can be kept by the one the lock was taken from, even once they may no longer edit', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id], headline: 'Original headline' });
  await claimStoryLock(colleague, id, tabOf(colleague), T0);
  await takeOverStoryLock(editor, id, tabOf(editor), at(SECOND));
  // The editor takes the colleague off the byline: they are no longer an author or able to edit.
  await saveStory(editor, id, await editorInput(id, { authorIds: [reporter.id] }), at(2 * SECOND));

  const theirs = await editorInput(id, { headline: 'Colin’s unsaved headline', baseVersion: 1 });
  const { revisionId } = await keepUnsavedText(colleague, id, theirs, at(3 * SECOND));
  const kept = (await revisionsOf(id)).find((r) => r.id === revisionId);
  expect(kept).toMatchObject({
    kind: 'takeover',
    version: 1,
    authorId: colleague.id,
    headline: 'Colin’s unsaved headline',
    wordsAdded: 2,
    wordsRemoved: 1,
  });
  // Kept beside the story, not in it.
  expect(await storyRow(id)).toMatchObject({ headline: 'Original headline', version: 2 });
  expect((await eventsOf(id)).at(-1)).toMatchObject({
    action: 'keep_unsaved',
    actorId: colleague.id,
    note: 'Unsaved text kept as a revision after losing the edit lock.',
  });
  expect(await claimStoryLock(editor, id, tabOf(editor), at(4 * SECOND))).toMatchObject({
    keptRevisions: [{ id: revisionId, authorName: 'Colin Colleague' }],
  });

  // Someone with no part in the story cannot leave text on it.
  const stranger = await createStaff({ role: 'reporter' });
  await expect(keepUnsavedText(stranger, id, theirs, at(5 * SECOND))).rejects.toThrow(
    'You cannot keep text on this story.',
  );
  // An author keeps text even when the story is out of their hands (submitted).
  await transitionStory(reporter, id, { action: 'submit' });
  await expect(keepUnsavedText(reporter, id, theirs, at(6 * SECOND))).resolves.toEqual({
    revisionId: expect.any(Number),
  });
  // Kept text is still validated like a save.
  await expect(keepUnsavedText(reporter, id, { ...theirs, headline: '  ' }, at(7 * SECOND))).rejects.toThrow(
    'Headline is required',
  );
});

test('the working copy is what the editor form holds, for anyone on the desk', async () => {
  const { id } = await createTestStory(reporter, { authorIds: [colleague.id], headline: 'Rail fares rise' });
  const first = await getWorkingCopy(colleague, id);
  expect(first).toMatchObject({
    version: 1,
    headline: 'Rail fares rise',
    dateline: '',
    authorIds: [reporter.id, colleague.id],
    updatedByName: 'Rita Reporter',
  });
  await saveStory(
    editor,
    id,
    await editorInput(id, { dateline: 'LEEDS', authorIds: [colleague.id, reporter.id] }),
    at(SECOND),
  );
  expect(await getWorkingCopy(otherEditor, id)).toMatchObject({
    version: 2,
    dateline: 'LEEDS',
    authorIds: [colleague.id, reporter.id],
    updatedByName: 'Eddie Editor',
    updatedAt: at(SECOND),
  });
  await expect(getWorkingCopy(editor, 999_999)).rejects.toBeInstanceOf(NotFoundError);
});

test('renewing a lock keeps one lock row per story', async () => {
  const { id } = await createTestStory(reporter);
  await claimStoryLock(reporter, id, tabOf(reporter), T0);
  await claimStoryLock(reporter, id, tabOf(reporter), at(SECOND));
  const db = await getDb();
  expect(await db.$count(storyLocks, eq(storyLocks.storyId, id))).toBe(1);
});
