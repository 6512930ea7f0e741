import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stories, storyComments, storyRevisions } from '@/db/schema';
import { ConflictError, ForbiddenError, InvalidTransitionError, ValidationError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parseOrThrow } from '@/lib/validation';
import {
  isTransitionAvailable,
  nextState,
  requiresNote,
  STATE_LABELS,
  TRANSITIONS,
  type StoryState,
  type WorkflowAction,
} from '@/lib/workflow';
import {
  announceInvalidation,
  collectStoryTags,
  invalidatePublicPages,
} from '@/lib/public-cache/invalidate-public-pages';
import { removePublicCopy, writePublicCopy } from './public-copy';
import { TransitionSchema, type TransitionInput } from './story-input';
import { lockStory, recordStoryEvent, type LockedStory } from './story-record';

// Actions that change what readers see: public pages, feeds and sitemaps are invalidated.
const PUBLIC_ACTIONS: readonly WorkflowAction[] = ['publish', 'publish_update', 'unpublish', 'kill'];

// Actions that put the current content in front of readers, or vouch for it: they
// refuse to act on a newer version than the one the editor was looking at.
const CONTENT_AFFIRMING: readonly WorkflowAction[] = ['approve', 'schedule', 'publish', 'publish_update'];

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function refuseUnavailable(action: WorkflowAction, story: LockedStory): never {
  const label = TRANSITIONS[action].label;
  if (action === 'publish_update' && story.state === 'published') {
    throw new InvalidTransitionError('Nothing to publish: the live version already matches the working copy.');
  }
  throw new InvalidTransitionError(`“${label}” is not possible for a story that is ${STATE_LABELS[story.state]}.`);
}

/**
 * Moves a story through the workflow (DESIGN.md): checks the move exists from the
 * current state, that this user may make it, its note or time, the embargo; then in one
 * transaction writes the new state guarded by the row lock and appends one audit event.
 * Publishing freezes the current working copy as the live revision readers see; once a
 * move that changes the public site has committed, the pages it touched (old addresses
 * included) are invalidated here and on every other instance.
 */
export async function transitionStory(
  actor: Actor,
  storyId: number,
  input: TransitionInput,
  now = new Date(),
): Promise<{ state: StoryState }> {
  const data = parseOrThrow(TransitionSchema, input);
  const { action } = data;
  const note = data.note || null;
  const db = await getDb();

  const { state, publicTags } = await db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    const to = nextState(action, story.state);
    if (to === null || !isTransitionAvailable(action, story)) refuseUnavailable(action, story);
    if (!can(actor, action, story)) {
      throw new ForbiddenError(`Your role cannot ${TRANSITIONS[action].label.toLowerCase()} this story.`);
    }
    if (requiresNote(action) && !note) {
      throw new ValidationError(`A note is required to ${TRANSITIONS[action].label.toLowerCase()}.`, {
        note: ['A note is required'],
      });
    }
    if (
      CONTENT_AFFIRMING.includes(action) &&
      data.expectedVersion !== undefined &&
      data.expectedVersion !== story.version
    ) {
      throw new ConflictError(
        `The story changed since you opened it (now version ${story.version}). Reload and check the latest text first.`,
      );
    }
    const embargoed = story.embargoUntil !== null && story.embargoUntil > now;
    if ((action === 'publish' || action === 'publish_update') && embargoed) {
      throw new ConflictError(`Embargoed until ${formatUtc(story.embargoUntil!)}: publishing is refused until then.`);
    }

    const changes: Partial<typeof stories.$inferInsert> = { state: to, updatedAt: now };
    if (to !== story.state) changes.stateChangedAt = now;

    if (action === 'schedule') {
      if (!data.publishAt)
        throw new ValidationError('Choose when to publish', { publishAt: ['Choose when to publish'] });
      if (data.publishAt <= now) {
        throw new ValidationError('The publishing time must be in the future', {
          publishAt: ['The publishing time must be in the future'],
        });
      }
      if (story.embargoUntil && data.publishAt < story.embargoUntil) {
        const message = `The story is embargoed until ${formatUtc(story.embargoUntil)}: schedule it for then or later`;
        throw new ValidationError(message, { publishAt: [message] });
      }
      changes.scheduledAt = data.publishAt;
    }
    if (action === 'unschedule') changes.scheduledAt = null;

    if (action === 'publish' || action === 'publish_update') {
      const [revision] = await tx
        .select({ id: storyRevisions.id })
        .from(storyRevisions)
        .where(
          and(
            eq(storyRevisions.storyId, storyId),
            eq(storyRevisions.version, story.version),
            eq(storyRevisions.kind, 'save'),
          ),
        );
      if (!revision) throw new Error(`Story ${storyId} has no revision for version ${story.version}`);
      changes.liveRevisionId = revision.id;
      changes.liveVersion = story.version;
      changes.firstPublishedAt = story.firstPublishedAt ?? now;
      changes.lastPublishedAt = now;
      changes.scheduledAt = null;
    }

    const touchesPublic = PUBLIC_ACTIONS.includes(action);
    const tagsBefore = touchesPublic ? await collectStoryTags(tx, storyId) : [];
    await tx.update(stories).set(changes).where(eq(stories.id, storyId));
    if (action === 'publish' || action === 'publish_update') {
      await writePublicCopy(tx, story, changes.liveRevisionId!, now);
    }
    if (action === 'unpublish' || action === 'kill') await removePublicCopy(tx, storyId);
    if (action === 'request_changes' && note) {
      // Change requests land in the notes thread, where the reporter works from them.
      await tx
        .insert(storyComments)
        .values({ storyId, authorId: actor.id, kind: 'change_request', body: note, createdAt: now });
    }
    await recordStoryEvent(tx, {
      storyId,
      actorId: actor.id,
      action,
      fromState: story.state,
      toState: to,
      note,
      at: now,
    });
    const publicTags = touchesPublic ? [...new Set([...tagsBefore, ...(await collectStoryTags(tx, storyId))])] : [];
    await announceInvalidation(tx, publicTags);
    return { state: to!, publicTags };
  });
  invalidatePublicPages(publicTags);
  return { state };
}
