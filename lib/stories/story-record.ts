import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { stories, storyAuthors, storyEvents } from '@/db/schema';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { isRowId } from '@/lib/validation';

/** The story's row is locked by another transaction and the caller chose not to wait. */
export class StoryBusyError extends ConflictError {
  override name = 'StoryBusyError';
}
import type { StoryForPermission } from '@/lib/permissions';
import type { StoryState, WorkflowStory } from '@/lib/workflow';

export type StoryRow = typeof stories.$inferSelect;
export type LockedStory = StoryRow & StoryForPermission & WorkflowStory;

/** Whether readers see something other than the working copy (published stories). */
export function hasPendingChanges(story: Pick<StoryRow, 'version' | 'liveVersion'>): boolean {
  return story.liveVersion !== null && story.version > story.liveVersion;
}

/**
 * Reads a story for a mutation and holds its row lock until the transaction ends, so
 * two people acting on one story at once are serialized, never interleaved.
 */
export async function lockStory(
  tx: Transaction,
  storyId: number,
  options: { skipLocked?: boolean } = {},
): Promise<LockedStory> {
  // Story ids reach lib/ from server actions' bound arguments, which a client can replace
  // with anything: what is not an id the database could hold is simply no story.
  if (!isRowId(storyId)) {
    throw new NotFoundError('This story does not exist (it may have been deleted).');
  }
  const [story] = await tx
    .select()
    .from(stories)
    .where(eq(stories.id, storyId))
    .for('update', options.skipLocked ? { skipLocked: true } : {});
  if (!story && options.skipLocked) throw new StoryBusyError('Someone else is changing this story right now.');
  if (!story) throw new NotFoundError('This story does not exist (it may have been deleted).');
  const authors = await tx
    .select({ userId: storyAuthors.userId })
    .from(storyAuthors)
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
  return { ...story, authorIds: authors.map((a) => a.userId), hasPendingChanges: hasPendingChanges(story) };
}

/** Appends one audit event: every mutation writes exactly one. */
export async function recordStoryEvent(
  tx: Transaction,
  event: {
    storyId: number;
    actorId: number;
    action: string;
    fromState?: StoryState | null;
    toState?: StoryState | null;
    note?: string | null;
    at?: Date;
  },
): Promise<void> {
  await tx.insert(storyEvents).values({
    storyId: event.storyId,
    actorId: event.actorId,
    action: event.action,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    note: event.note ?? null,
    createdAt: event.at ?? new Date(),
  });
}
