import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stories, storyAuthors, storyLocks, storyRevisionAuthors, storyRevisions, users } from '@/db/schema';
import { deliverCollabEvents, type CollabEvent } from '@/lib/collab/collab-events';
import { foldStoryDocument, writeContentToStoryDocument } from '@/lib/collab/story-document-store';
import { invalidatePublicPages } from '@/lib/public-cache/invalidate-public-pages';
import { diffRevisions, type RevisionDiff } from '@/lib/diff/revision-diff';
import { countWordChanges } from '@/lib/diff/word-diff';
import { ForbiddenError, NotFoundError, StoryLockedError, ValidationError } from '@/lib/errors';
import { resolveBodyImages } from '@/lib/media/media-store';
import { can, requirePermission, type Actor } from '@/lib/permissions';
import { parseOrThrow } from '@/lib/validation';
import { keepRefusedText } from './save-story';
import { storyBodyToText, type StoryBody } from './story-body';
import { StoryEditorSchema, StoryIdSchema, type StoryEditorInput } from './story-input';
import { findOtherLiveLock } from './story-lock';
import { lockStory, recordStoryEvent } from './story-record';
import { canonicalJson, revisionText, writeWorkingCopy } from './working-copy';

export type RevisionKind = 'save' | 'conflict' | 'takeover';

export type RevisionSummary = {
  id: number;
  version: number;
  kind: RevisionKind;
  /** Everyone whose typing is in it, as one line ("Riya Kapoor and Elena Marsh"). */
  authorName: string;
  createdAt: Date;
  wordsAdded: number | null;
  wordsRemoved: number | null;
  restoredFromId: number | null;
};

/** The working copy as the editor form holds it: what a conflict shows as "theirs". */
export type WorkingCopy = {
  version: number;
  headline: string;
  standfirst: string;
  slug: string;
  dateline: string;
  sectionId: number;
  authorIds: number[];
  body: StoryBody;
  bodyText: string;
  updatedByName: string;
  updatedAt: Date;
};

/** The story's current working copy (any staff member may read it). */
export async function getWorkingCopy(actor: Actor, storyId: number): Promise<WorkingCopy> {
  const db = await getDb();
  const [row] = await db
    .select({ story: stories, updatedByName: users.name })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.updatedById))
    .where(eq(stories.id, storyId));
  if (!row) throw new NotFoundError('This story does not exist.');
  const authors = await db
    .select({ userId: storyAuthors.userId })
    .from(storyAuthors)
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
  if (!can(actor, 'view', { state: row.story.state, authorIds: authors.map((a) => a.userId) })) {
    throw new ForbiddenError();
  }
  const { story } = row;
  return {
    version: story.version,
    headline: story.headline,
    standfirst: story.standfirst,
    slug: story.slug,
    dateline: story.dateline ?? '',
    sectionId: story.sectionId,
    authorIds: authors.map((a) => a.userId),
    body: story.body,
    bodyText: story.bodyText,
    updatedByName: row.updatedByName,
    updatedAt: story.updatedAt,
  };
}

/**
 * Keeps text that could not be saved to the story as a `takeover` revision, without
 * touching the working copy: the unsaved text of someone whose edit lock an editor took
 * over, or of someone who lost the right to edit meanwhile. Its writer must be able to
 * edit the story, be one of its authors, or be the one the lock was taken from.
 */
export async function keepUnsavedText(
  actor: Actor,
  storyId: number,
  input: StoryEditorInput,
  now = new Date(),
): Promise<{ revisionId: number }> {
  const data = parseOrThrow(StoryEditorSchema, input);
  const bodyText = storyBodyToText(data.body);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    const [lock] = await tx
      .select({ previousHolderId: storyLocks.previousHolderId })
      .from(storyLocks)
      .where(eq(storyLocks.storyId, storyId));
    const tookFrom = lock?.previousHolderId === actor.id;
    if (!can(actor, 'edit', story) && !story.authorIds.includes(actor.id) && !tookFrom) {
      throw new ForbiddenError('You cannot keep text on this story.');
    }
    const revisionId = await keepRefusedText(tx, {
      storyId,
      actorId: actor.id,
      kind: 'takeover',
      draft: data,
      bodyText,
      words: countWordChanges(revisionText(story), revisionText({ ...data, bodyText })),
      now,
    });
    await recordStoryEvent(tx, {
      storyId,
      actorId: actor.id,
      action: 'keep_unsaved',
      note: 'Unsaved text kept as a revision after losing the edit lock.',
      at: now,
    });
    return { revisionId };
  });
}

// A revision as the panel lists it (joined with its author's name).
const revisionSummaryColumns = {
  id: storyRevisions.id,
  version: storyRevisions.version,
  kind: storyRevisions.kind,
  authorName: users.name,
  createdAt: storyRevisions.createdAt,
  wordsAdded: storyRevisions.wordsAdded,
  wordsRemoved: storyRevisions.wordsRemoved,
  restoredFromId: storyRevisions.restoredFromId,
};

/** "A", "A and B", "A, B and C". */
function nameList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Names every author of these revisions: a revision made from a live document can have
 * several (story_revision_authors); older ones have only their `author_id`.
 */
async function withAllAuthors<T extends { id: number; authorName: string }>(revisions: T[]): Promise<T[]> {
  if (revisions.length === 0) return revisions;
  const db = await getDb();
  const rows = await db
    .select({ revisionId: storyRevisionAuthors.revisionId, name: users.name })
    .from(storyRevisionAuthors)
    .innerJoin(users, eq(users.id, storyRevisionAuthors.userId))
    .where(
      inArray(
        storyRevisionAuthors.revisionId,
        revisions.map((r) => r.id),
      ),
    )
    .orderBy(asc(storyRevisionAuthors.revisionId), asc(storyRevisionAuthors.position));
  const names = new Map<number, string[]>();
  for (const row of rows) names.set(row.revisionId, [...(names.get(row.revisionId) ?? []), row.name]);
  return revisions.map((r) => {
    const all = names.get(r.id);
    return all && all.length > 0 ? { ...r, authorName: nameList(all) } : r;
  });
}

/** Every revision of a story, newest first: who, when, what kind, how many words changed. */
export async function listRevisions(actor: Actor, storyId: number): Promise<RevisionSummary[]> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  return withAllAuthors(
    await db
      .select(revisionSummaryColumns)
      .from(storyRevisions)
      .innerJoin(users, eq(users.id, storyRevisions.authorId))
      .where(eq(storyRevisions.storyId, storyId))
      .orderBy(desc(storyRevisions.id)),
  );
}

export type RevisionComparison = {
  from: RevisionSummary;
  to: RevisionSummary;
  diff: RevisionDiff;
};

async function readRevision(storyId: number, revisionId: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      summary: revisionSummaryColumns,
      headline: storyRevisions.headline,
      standfirst: storyRevisions.standfirst,
      bodyText: storyRevisions.bodyText,
    })
    .from(storyRevisions)
    .innerJoin(users, eq(users.id, storyRevisions.authorId))
    .where(and(eq(storyRevisions.storyId, storyId), eq(storyRevisions.id, revisionId)));
  if (!row) throw new NotFoundError('This revision does not belong to this story.');
  const [summary] = await withAllAuthors([row.summary]);
  return { ...row, summary: summary! };
}

/** A word-level comparison of two revisions of one story (any staff member may look). */
export async function compareRevisions(
  actor: Actor,
  storyId: number,
  fromId: unknown,
  toId: unknown,
): Promise<RevisionComparison> {
  if (!can(actor, 'desk:view')) throw new ForbiddenError();
  const [from, to] = await Promise.all([
    readRevision(storyId, parseOrThrow(StoryIdSchema, fromId)),
    readRevision(storyId, parseOrThrow(StoryIdSchema, toId)),
  ]);
  return { from: from.summary, to: to.summary, diff: diffRevisions(from, to) };
}

/**
 * Brings back an old revision's headline, standfirst and body as a new version (a `save`
 * revision pointing at the one restored): nothing is overwritten, the current text stays
 * in the revisions. Refused while someone else holds the edit lock.
 */
export async function restoreRevision(
  actor: Actor,
  storyId: number,
  revisionId: unknown,
  now = new Date(),
): Promise<{ version: number; changed: boolean }> {
  const id = parseOrThrow(StoryIdSchema, revisionId);
  const db = await getDb();
  const events: CollabEvent[] = [];
  const publicTags: string[] = [];
  const result = await db.transaction(async (tx) => {
    let story = await lockStory(tx, storyId);
    if (!can(actor, 'edit', story)) throw new ForbiddenError('You cannot edit this story in its current state.');
    const lockedBy = await findOtherLiveLock(tx, storyId, actor, null, now);
    if (lockedBy) {
      throw new StoryLockedError(
        `${lockedBy.holderName} is editing this story; restore it when they are done (or take over).`,
        lockedBy.holderName,
      );
    }
    // What is being typed live becomes a version first, so the restore replaces it only
    // as a newer version: it stays in the revisions.
    const live = await foldStoryDocument(tx, story, now);
    if (live.kind !== 'none') {
      events.push(...live.events);
      publicTags.push(...live.publicTags);
    }
    if (live.kind === 'saved') story = await lockStory(tx, storyId);
    const [old] = await tx
      .select()
      .from(storyRevisions)
      .where(and(eq(storyRevisions.storyId, storyId), eq(storyRevisions.id, id)));
    if (!old) throw new NotFoundError('This revision does not belong to this story.');
    // The body is compared whole, not by its text: a revision that differs only in
    // formatting, links or an image's credit or alt text is a real change to bring back.
    if (
      old.headline === story.headline &&
      old.standfirst === story.standfirst &&
      canonicalJson(old.body) === canonicalJson(story.body)
    ) {
      return { version: story.version, changed: false };
    }
    if (!old.headline.trim()) throw new ValidationError('This revision has no headline and cannot be restored.');
    // Text kept from a refused save (or by keepUnsavedText) never had its images checked:
    // it goes through the same check as a save before it becomes the working copy.
    const body = await resolveBodyImages(tx, old.body);
    const content = {
      headline: old.headline,
      standfirst: old.standfirst,
      slug: story.slug,
      dateline: story.dateline ?? '',
      sectionId: story.sectionId,
      authorIds: story.authorIds,
      body,
      bodyText: old.bodyText,
    };
    const what = old.kind === 'save' ? `version ${old.version}` : `the text kept at version ${old.version}`;
    const written = await writeWorkingCopy(tx, story, content, {
      authorIds: [actor.id],
      now,
      restoredFromId: old.id,
      note: `Restored ${what} (revision ${old.id}) as version ${story.version + 1}.`,
    });
    events.push(...(await writeContentToStoryDocument(tx, storyId, content, actor.id)));
    return { version: written.version, changed: true };
  });
  invalidatePublicPages(publicTags);
  deliverCollabEvents(events);
  return result;
}
