import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { storyComments } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { can, canResolveNote, type Actor } from '@/lib/permissions';
import { parseOrThrow } from '@/lib/validation';
import { NoteSchema, StoryIdSchema } from './story-input';
import { lockStory, recordStoryEvent } from './story-record';

/** Adds a note to the story's thread (reporter–editor talk; never published). */
export async function addStoryNote(
  actor: Actor,
  storyId: number,
  input: { body: unknown },
  now = new Date(),
): Promise<{ id: number }> {
  const { body } = parseOrThrow(NoteSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    if (!can(actor, 'comment', story)) throw new ForbiddenError();
    const [note] = await tx
      .insert(storyComments)
      .values({ storyId, authorId: actor.id, body, createdAt: now })
      .returning({ id: storyComments.id });
    await recordStoryEvent(tx, { storyId, actorId: actor.id, action: 'comment', note: body, at: now });
    return note!;
  });
}

/** Marks a note as dealt with: the note's writer, the story's authors, or an editor may. */
export async function resolveStoryNote(actor: Actor, noteId: unknown, now = new Date()): Promise<void> {
  const id = parseOrThrow(StoryIdSchema, noteId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [note] = await tx.select().from(storyComments).where(eq(storyComments.id, id));
    if (!note) throw new NotFoundError('This note no longer exists.');
    const story = await lockStory(tx, note.storyId);
    if (!canResolveNote(actor, note, story)) throw new ForbiddenError('You cannot resolve this note.');
    if (note.resolvedAt) return;
    await tx.update(storyComments).set({ resolvedAt: now, resolvedById: actor.id }).where(eq(storyComments.id, id));
    await recordStoryEvent(tx, { storyId: note.storyId, actorId: actor.id, action: 'resolve_note', at: now });
  });
}
