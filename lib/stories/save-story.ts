import 'server-only';
import { getDb, type Transaction } from '@/db/client';
import { storyRevisions } from '@/db/schema';
import { deliverCollabEvents, type CollabEvent } from '@/lib/collab/collab-events';
import { foldStoryDocument, writeContentToStoryDocument } from '@/lib/collab/story-document-store';
import { countWordChanges } from '@/lib/diff/word-diff';
import { ForbiddenError, StaleVersionError, StoryLockedError } from '@/lib/errors';
import { resolveBodyImages } from '@/lib/media/media-store';
import { can, type Actor } from '@/lib/permissions';
import { invalidatePublicPages } from '@/lib/public-cache/invalidate-public-pages';
import { parseOrThrow } from '@/lib/validation';
import { storyBodyToText, type StoryBody } from './story-body';
import { StoryEditorSchema, type StoryEditorInput } from './story-input';
import { findOtherLiveLock } from './story-lock';
import { lockStory, recordStoryEvent } from './story-record';
import { isSameWorkingCopy, revisionText, writeWorkingCopy, type WorkingCopyContent } from './working-copy';

export type SaveResult = { version: number; changed: boolean };

type Outcome =
  | { kind: 'saved'; result: SaveResult }
  | { kind: 'stale'; currentVersion: number; keptRevisionId: number }
  | { kind: 'locked'; holderName: string; keptRevisionId: number; byYou: boolean };

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
 * With the story open live (docs/decisions/013-real-time-co-editing.md), what was typed
 * there is folded into a version first, and a saved text is written into the live
 * document, so every open page shows it.
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
  // Whatever the answer, the fold and the save commit together: their consequences (pages
  // to drop, live pages to tell) are handled once the transaction is through.
  const events: CollabEvent[] = [];
  const publicTags: string[] = [];

  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    let story = await lockStory(tx, storyId);
    if (!can(actor, 'edit', story)) {
      throw new ForbiddenError('You cannot edit this story in its current state.');
    }
    // What people are typing live becomes a version first: a save based on the version
    // before it is then a conflict (kept as a revision), never an overwrite of their text.
    const live = await foldStoryDocument(tx, story, now);
    if (live.kind !== 'none') {
      events.push(...live.events);
      publicTags.push(...live.publicTags);
    }
    if (live.kind === 'saved') story = await lockStory(tx, storyId);

    const words = countWordChanges(revisionText(story), revisionText({ ...data, bodyText }));
    const keep = (kind: 'conflict' | 'takeover') =>
      keepRefusedText(tx, { storyId, actorId: actor.id, kind, draft: data, bodyText, words, now });

    // Another session holds the edit lock (an API client's, or the same writer's other
    // tab's): refused, and kept.
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

    const content = (body: StoryBody): WorkingCopyContent => ({
      headline: data.headline,
      standfirst: data.standfirst,
      slug: data.slug,
      dateline: data.dateline,
      sectionId: data.sectionId,
      authorIds: data.authorIds ?? story.authorIds,
      body,
      bodyText,
    });

    if (data.baseVersion !== story.version) {
      // A save retried after its answer was lost (it went through) carries exactly the
      // working copy: nothing conflicts and nothing needs keeping, so it is a save of nothing.
      if (isSameWorkingCopy(story, content(data.body))) {
        return { kind: 'saved', result: { version: story.version, changed: false } };
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
    const saved = content(await resolveBodyImages(tx, data.body));
    if (isSameWorkingCopy(story, saved)) {
      return { kind: 'saved', result: { version: story.version, changed: false } };
    }
    const written = await writeWorkingCopy(tx, story, saved, { authorIds: [actor.id], now });
    // Pages with the story open show the saved text at once, and it stays theirs to edit on.
    events.push(...(await writeContentToStoryDocument(tx, storyId, saved, actor.id)));
    publicTags.push(...written.publicTags);
    return { kind: 'saved', result: { version: written.version, changed: true } };
  });
  invalidatePublicPages(publicTags);
  deliverCollabEvents(events);

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
  return outcome.result;
}
