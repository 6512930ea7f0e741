import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { stories, storyRevisionAuthors, storyRevisions } from '@/db/schema';
import { countWordChanges } from '@/lib/diff/word-diff';
import { announceInvalidation, collectStoryTags } from '@/lib/public-cache/invalidate-public-pages';
import type { StoryBody } from './story-body';
import { assertActiveStaff, assertSectionExists, assertSlugFree, writeBylines } from './story-fields';
import { recordStoryEvent, type LockedStory } from './story-record';

// The working copy is the `stories` row the workflow, the preview and the revisions read.
// Three paths write it — an API save, a restored revision, and the live document's fold
// (docs/decisions/013-real-time-co-editing.md) — and all of them through writeWorkingCopy.

/** A value as JSON with sorted object keys: jsonb does not keep key order, so bodies are compared so. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Headline, standfirst and body as one text: what "words changed" is counted over. */
export function revisionText(story: { headline: string; standfirst: string; bodyText: string }): string {
  return [story.headline, story.standfirst, story.bodyText].filter(Boolean).join('\n\n');
}

/** Validated content of the working copy (images already resolved against the media table). */
export type WorkingCopyContent = {
  headline: string;
  standfirst: string;
  slug: string;
  /** '' for none. */
  dateline: string;
  sectionId: number;
  authorIds: readonly number[];
  body: StoryBody;
  bodyText: string;
};

/** Whether the working copy already holds exactly this content. */
export function isSameWorkingCopy(story: LockedStory, content: WorkingCopyContent): boolean {
  return (
    content.headline === story.headline &&
    content.standfirst === story.standfirst &&
    content.slug === story.slug &&
    (content.dateline || null) === story.dateline &&
    content.sectionId === story.sectionId &&
    content.authorIds.join(',') === story.authorIds.join(',') &&
    canonicalJson(content.body) === canonicalJson(story.body)
  );
}

/**
 * Makes `content` the working copy's next version, inside the caller's transaction (which
 * holds the story's row lock): checks the section, the slug and the bylines, writes the
 * bylines (a published story's bylines are live, so its public pages are announced for
 * invalidation), the story row, one `save` revision naming everyone in `authorIds` (in
 * the order they started typing) and one `save` event.
 * Returns the new version and the public tags to drop once the transaction has committed.
 */
export async function writeWorkingCopy(
  tx: Transaction,
  story: LockedStory,
  content: WorkingCopyContent,
  options: {
    authorIds: readonly number[];
    /** Who changed it last (the revision's and the event's author); the last of authorIds if absent. */
    lastAuthorId?: number;
    now: Date;
    note?: string;
    restoredFromId?: number;
  },
): Promise<{ version: number; publicTags: string[] }> {
  const { now } = options;
  const authors = [...new Set(options.authorIds)];
  const author = options.lastAuthorId ?? authors.at(-1);
  if (author === undefined) throw new Error('A revision needs an author');
  if (!authors.includes(author)) authors.push(author);
  const bylinesChanged = content.authorIds.join(',') !== story.authorIds.join(',');

  if (content.sectionId !== story.sectionId) await assertSectionExists(tx, content.sectionId);
  if (content.slug !== story.slug) await assertSlugFree(tx, content.slug, story.id);
  // Bylines are read live by the public site (story_authors), so on a published story a
  // byline change shows at once: its pages and both authors' pages are invalidated.
  const bylinesLive = bylinesChanged && story.state === 'published';
  const tagsBefore = bylinesLive ? await collectStoryTags(tx, story.id) : [];
  if (bylinesChanged) {
    await assertActiveStaff(tx, content.authorIds);
    await writeBylines(tx, story.id, content.authorIds);
  }
  const publicTags = bylinesLive ? [...new Set([...tagsBefore, ...(await collectStoryTags(tx, story.id))])] : [];
  await announceInvalidation(tx, publicTags);

  const words = countWordChanges(revisionText(story), revisionText(content));
  const version = story.version + 1;
  await tx
    .update(stories)
    .set({
      headline: content.headline,
      standfirst: content.standfirst,
      slug: content.slug,
      dateline: content.dateline || null,
      sectionId: content.sectionId,
      body: content.body,
      bodyText: content.bodyText,
      version,
      updatedAt: now,
      updatedById: author,
    })
    .where(eq(stories.id, story.id));
  const [revision] = await tx
    .insert(storyRevisions)
    .values({
      storyId: story.id,
      version,
      kind: 'save',
      headline: content.headline,
      standfirst: content.standfirst,
      body: content.body,
      bodyText: content.bodyText,
      authorId: author,
      wordsAdded: words.added,
      wordsRemoved: words.removed,
      restoredFromId: options.restoredFromId ?? null,
      createdAt: now,
    })
    .returning({ id: storyRevisions.id });
  await tx
    .insert(storyRevisionAuthors)
    .values(authors.map((userId, position) => ({ revisionId: revision!.id, userId, position })));
  await recordStoryEvent(tx, {
    storyId: story.id,
    actorId: author,
    action: options.restoredFromId === undefined ? 'save' : 'restore_revision',
    note: options.note ?? `Version ${version}`,
    at: now,
  });
  return { version, publicTags };
}
