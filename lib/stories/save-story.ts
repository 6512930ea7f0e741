import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { stories, storyRevisions } from '@/db/schema';
import { countWordChanges } from '@/lib/diff/word-diff';
import { ForbiddenError, StaleVersionError, StoryLockedError } from '@/lib/errors';
import { resolveBodyImages } from '@/lib/media/media-store';
import { can, type Actor } from '@/lib/permissions';
import {
  announceInvalidation,
  collectStoryTags,
  invalidatePublicPages,
} from '@/lib/public-cache/invalidate-public-pages';
import { parseOrThrow } from '@/lib/validation';
import { storyBodyToText, type StoryBody } from './story-body';
import { assertActiveStaff, assertSectionExists, assertSlugFree, writeBylines } from './story-fields';
import { StoryEditorSchema, type StoryEditorInput } from './story-input';
import { findOtherLiveLock } from './story-lock';
import { lockStory, recordStoryEvent } from './story-record';

export type SaveResult = { version: number; changed: boolean };

/** A value as JSON with sorted object keys: jsonb does not keep key order, so bodies are compared so. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

type Outcome =
  | { kind: 'saved'; result: SaveResult; publicTags: string[] }
  | { kind: 'stale'; currentVersion: number; keptRevisionId: number }
  | { kind: 'locked'; holderName: string; keptRevisionId: number; byYou: boolean };

/** Headline, standfirst and body as one text: what "words changed" is counted over. */
export function revisionText(story: { headline: string; standfirst: string; bodyText: string }): string {
  return [story.headline, story.standfirst, story.bodyText].filter(Boolean).join('\n\n');
}

/**
 * Text that did not become the working copy — a save refused as stale or for someone
 * else's lock, or unsaved text sent after losing the lock — kept as a revision beside the
 * versions (at the version it was based on), so nothing typed is lost.
 */
export async function keepRefusedText(
  tx: Transaction,
  input: {
    storyId: number;
    actorId: number;
    kind: 'conflict' | 'takeover';
    draft: { headline: string; standfirst: string; body: StoryBody; baseVersion: number };
    bodyText: string;
    words: { added: number; removed: number };
    now: Date;
  },
): Promise<number> {
  const { draft, words } = input;
  const [kept] = await tx
    .insert(storyRevisions)
    .values({
      storyId: input.storyId,
      version: draft.baseVersion,
      kind: input.kind,
      headline: draft.headline,
      standfirst: draft.standfirst,
      body: draft.body,
      bodyText: input.bodyText,
      authorId: input.actorId,
      wordsAdded: words.added,
      wordsRemoved: words.removed,
      createdAt: input.now,
    })
    .returning({ id: storyRevisions.id });
  return kept!.id;
}

/**
 * Saves the working copy. The save names the version it was based on; if someone
 * saved since, it is refused with StaleVersionError — and the refused text is kept as a
 * revision first, so nothing typed is lost. A save that changes nothing writes nothing.
 * On a published story only the working copy changes; readers see the live revision.
 */
export async function saveStory(
  actor: Actor,
  storyId: number,
  input: StoryEditorInput,
  now = new Date(),
  /** The editing session (browser tab) saving; null for callers that are not an editor page. */
  session: string | null = null,
): Promise<SaveResult> {
  const data = parseOrThrow(StoryEditorSchema, input);
  const bodyText = storyBodyToText(data.body);
  const db = await getDb();

  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const story = await lockStory(tx, storyId);
    if (!can(actor, 'edit', story)) {
      throw new ForbiddenError('You cannot edit this story in its current state.');
    }
    const words = countWordChanges(revisionText(story), revisionText({ ...data, bodyText }));
    const keep = (kind: 'conflict' | 'takeover') =>
      keepRefusedText(tx, { storyId, actorId: actor.id, kind, draft: data, bodyText, words, now });

    // Another session holds the edit lock (an editor took over, or the same writer's
    // other tab): refused, and kept.
    const lockedBy = await findOtherLiveLock(tx, storyId, actor, session, now);
    if (lockedBy) {
      const keptRevisionId = await keep('takeover');
      await recordStoryEvent(tx, {
        storyId,
        actorId: actor.id,
        action: 'save_refused_locked',
        note: `${lockedBy.holderName} is editing the story; the refused text was kept as a revision.`,
        at: now,
      });
      return { kind: 'locked', holderName: lockedBy.holderName, keptRevisionId, byYou: lockedBy.holderId === actor.id };
    }

    const authorIds = data.authorIds ?? story.authorIds;
    const bylinesChanged = authorIds.join(',') !== story.authorIds.join(',');
    const sameAsWorkingCopy = (body: StoryBody) =>
      data.headline === story.headline &&
      data.standfirst === story.standfirst &&
      data.slug === story.slug &&
      (data.dateline || null) === story.dateline &&
      data.sectionId === story.sectionId &&
      !bylinesChanged &&
      canonicalJson(body) === canonicalJson(story.body);

    if (data.baseVersion !== story.version) {
      // A save retried after its answer was lost (it went through) carries exactly the
      // working copy: nothing conflicts and nothing needs keeping, so it is a save of nothing.
      if (sameAsWorkingCopy(data.body)) {
        return { kind: 'saved', result: { version: story.version, changed: false }, publicTags: [] };
      }
      const keptRevisionId = await keep('conflict');
      await recordStoryEvent(tx, {
        storyId,
        actorId: actor.id,
        action: 'save_conflict',
        note: `Based on version ${data.baseVersion}, but the story was at version ${story.version}; the refused text was kept as a revision.`,
        at: now,
      });
      return { kind: 'stale', currentVersion: story.version, keptRevisionId };
    }
    const body = await resolveBodyImages(tx, data.body);

    if (sameAsWorkingCopy(body))
      return { kind: 'saved', result: { version: story.version, changed: false }, publicTags: [] };

    if (data.sectionId !== story.sectionId) await assertSectionExists(tx, data.sectionId);
    if (data.slug !== story.slug) await assertSlugFree(tx, data.slug, storyId);
    // Bylines are read live by the public site (story_authors), so on a published story
    // a byline change shows at once: its pages and both authors' pages are invalidated.
    const bylinesLive = bylinesChanged && story.state === 'published';
    const tagsBefore = bylinesLive ? await collectStoryTags(tx, storyId) : [];
    if (bylinesChanged) {
      await assertActiveStaff(tx, authorIds);
      await writeBylines(tx, storyId, authorIds);
    }
    const publicTags = bylinesLive ? [...new Set([...tagsBefore, ...(await collectStoryTags(tx, storyId))])] : [];
    await announceInvalidation(tx, publicTags);

    const version = story.version + 1;
    await tx
      .update(stories)
      .set({
        headline: data.headline,
        standfirst: data.standfirst,
        slug: data.slug,
        dateline: data.dateline || null,
        sectionId: data.sectionId,
        body,
        bodyText,
        version,
        updatedAt: now,
        updatedById: actor.id,
      })
      .where(eq(stories.id, storyId));
    await tx.insert(storyRevisions).values({
      storyId,
      version,
      kind: 'save',
      headline: data.headline,
      standfirst: data.standfirst,
      body,
      bodyText,
      authorId: actor.id,
      wordsAdded: words.added,
      wordsRemoved: words.removed,
      createdAt: now,
    });
    await recordStoryEvent(tx, { storyId, actorId: actor.id, action: 'save', note: `Version ${version}`, at: now });
    return { kind: 'saved', result: { version, changed: true }, publicTags };
  });

  if (outcome.kind === 'locked') {
    throw new StoryLockedError(
      outcome.byYou
        ? 'You are editing this story in another tab or window, so these changes were not saved to it. They were kept as a revision.'
        : `${outcome.holderName} is editing this story, so your changes were not saved to it. They were kept as a revision.`,
      outcome.holderName,
      outcome.keptRevisionId,
      outcome.byYou,
    );
  }
  if (outcome.kind === 'stale') {
    throw new StaleVersionError(
      `Someone else saved this story a moment ago (it is now at version ${outcome.currentVersion}). Your text was kept as a revision; reload to see theirs.`,
      outcome.currentVersion,
      outcome.keptRevisionId,
    );
  }
  invalidatePublicPages(outcome.publicTags);
  return outcome.result;
}
