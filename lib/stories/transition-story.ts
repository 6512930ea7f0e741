import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stories, storyComments, storyPublications, storyRevisions } from '@/db/schema';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { notifyOfTransition } from './notifications';
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
import { announceCollabEvents, deliverCollabEvents, type CollabEvent } from '@/lib/collab/collab-events';
import { foldStoryDocument } from '@/lib/collab/story-document-store';
import { removePublicCopy, writePublicCopy } from './public-copy';
import { TransitionSchema, type TransitionInput } from './story-input';
import { lockStory, recordStoryEvent, type LockedStory } from './story-record';

// Actions that change what readers see: public pages, feeds and sitemaps are invalidated.
const PUBLIC_ACTIONS: readonly WorkflowAction[] = ['publish', 'publish_update', 'unpublish', 'kill'];

// Actions that put the current content in front of readers, or vouch for it: they
// refuse to act on a newer version than the one the editor was looking at.
const CONTENT_AFFIRMING: readonly WorkflowAction[] = ['approve', 'schedule', 'publish', 'publish_update'];

// A scheduled publication more than this late was held up (the server was down).
const LATE_AFTER_MS = 60_000;

function scheduledNote(scheduledAt: Date | null, now: Date): string {
  if (!scheduledAt) return 'Published as scheduled';
  const lateMs = now.getTime() - scheduledAt.getTime();
  if (lateMs <= LATE_AFTER_MS) return `Published as scheduled for ${formatNewsroomTime(scheduledAt)}`;
  const minutes = Math.round(lateMs / 60_000);
  return `Published ${minutes} min late: it was due at ${formatNewsroomTime(scheduledAt)} while the server was not running`;
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
  options: {
    /**
     * The scheduler publishing a due story on behalf of the editor who scheduled it:
     * only a story still `scheduled` is published, one another server is already
     * publishing is skipped (SKIP LOCKED), and that editor's current role is not re-checked.
     */
    scheduledRun?: boolean;
  } = {},
): Promise<{ state: StoryState }> {
  const data = parseOrThrow(TransitionSchema, input);
  const { action } = data;
  const note = data.note || null;
  const correction = data.isCorrection ? (data.correction ?? '') : '';
  if (data.isCorrection && !correction) {
    throw new ValidationError('A correction needs the text readers will see', {
      correction: ['Write the correction readers will see'],
    });
  }
  const db = await getDb();
  const events: CollabEvent[] = [];

  const { state, publicTags } = await db.transaction(async (tx) => {
    let story = await lockStory(tx, storyId, { skipLocked: options.scheduledRun });
    // Everything typed live so far becomes a version first: the move (a submission, a
    // publication) acts on the text as its writers last saw it.
    const live = await foldStoryDocument(tx, story, now);
    if (live.kind !== 'none') events.push(...live.events);
    if (live.kind === 'saved') story = await lockStory(tx, storyId);
    const liveTags = live.kind === 'none' ? [] : live.publicTags;
    const to = nextState(action, story.state);
    if (options.scheduledRun && story.state !== 'scheduled') refuseUnavailable(action, story);
    if (to === null || !isTransitionAvailable(action, story)) refuseUnavailable(action, story);
    if (!options.scheduledRun && !can(actor, action, story)) {
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
      throw new ConflictError(
        `Embargoed until ${formatNewsroomTime(story.embargoUntil!)}: publishing is refused until then.`,
      );
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
        const message = `The story is embargoed until ${formatNewsroomTime(story.embargoUntil)}: schedule it for then or later`;
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
    if (action === 'publish' || action === 'publish_update') {
      await tx.insert(storyPublications).values({
        storyId,
        revisionId: changes.liveRevisionId!,
        action,
        correction: action === 'publish_update' && correction ? correction : null,
        actorId: actor.id,
        scheduled: options.scheduledRun ?? false,
        publishedAt: now,
      });
    }
    await notifyOfTransition(tx, {
      action,
      storyId,
      actorId: actor.id,
      authorIds: story.authorIds,
      scheduled: options.scheduledRun ?? false,
      at: now,
    });
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
      note: options.scheduledRun
        ? scheduledNote(story.scheduledAt, now)
        : correction
          ? `Correction: ${correction}`
          : note,
      at: now,
    });
    const publicTags = touchesPublic ? [...new Set([...tagsBefore, ...(await collectStoryTags(tx, storyId))])] : [];
    await announceInvalidation(tx, publicTags);
    // Pages with the story open re-check who may edit it now (a submission makes it
    // read-only for its reporter) and show the new state.
    const moved: CollabEvent = { kind: 'access', storyId, state: to!, version: story.version };
    await announceCollabEvents(tx, [moved]);
    events.push(moved);
    return { state: to!, publicTags: [...liveTags, ...publicTags] };
  });
  invalidatePublicPages(publicTags);
  deliverCollabEvents(events);
  return { state };
}
