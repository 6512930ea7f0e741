import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { stories } from '@/db/schema';
import { ConflictError } from '@/lib/errors';
import { formatNewsroomTime, NewsroomTimeSchema } from '@/lib/newsroom-time';
import { can, requirePermission, type Actor } from '@/lib/permissions';
import { parseOrThrow } from '@/lib/validation';
import { lockStory, recordStoryEvent } from './story-record';

/** `null` lifts the embargo; a Date or a `datetime-local` value in newsroom time sets it. */
export const EmbargoSchema = z.object({
  embargoUntil: NewsroomTimeSchema.refine((value) => value !== undefined, {
    error: 'Choose when the embargo lifts',
  }),
});

/**
 * Sets, moves or lifts a story's embargo (editors: an embargo protects the newsroom's
 * word to the agency). Audited with the old and new times. A scheduled story cannot be
 * embargoed past its publishing time — reschedule first — and once readers have seen a
 * story (published, unpublished, killed) it has nothing left to embargo.
 */
export async function setStoryEmbargo(
  actor: Actor,
  storyId: number,
  input: { embargoUntil: Date | string | null },
  now = new Date(),
): Promise<void> {
  requirePermission(actor, 'story:publish');
  const { embargoUntil } = parseOrThrow(EmbargoSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    // The one embargo rule (can 'embargo'), which the story page also uses to offer the panel.
    if (!can(actor, 'embargo', story)) {
      throw new ConflictError('This story has already been published: an embargo cannot apply to it any more.');
    }
    if (story.state === 'scheduled' && embargoUntil && story.scheduledAt && story.scheduledAt < embargoUntil) {
      throw new ConflictError(
        `The story is scheduled for ${formatNewsroomTime(story.scheduledAt)}, before this embargo: reschedule it first.`,
      );
    }
    const before = story.embargoUntil ? formatNewsroomTime(story.embargoUntil) : 'none';
    const after = embargoUntil ? formatNewsroomTime(embargoUntil) : 'none';
    if (before === after) return;
    await tx.update(stories).set({ embargoUntil, updatedAt: now }).where(eq(stories.id, storyId));
    await recordStoryEvent(tx, {
      storyId,
      actorId: actor.id,
      action: 'embargo',
      note: embargoUntil ? `Embargo until ${after} (was ${before})` : `Embargo lifted (was ${before})`,
      at: now,
    });
  });
}
