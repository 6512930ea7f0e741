import 'server-only';
import { getDb, type Transaction } from '@/db/client';
import { stories, storyRevisions } from '@/db/schema';
import { resolveBodyImages } from '@/lib/media/media-store';
import { requirePermission, type Actor } from '@/lib/permissions';
import { parseOrThrow } from '@/lib/validation';
import { countWords, storyBodyToText } from './story-body';
import { assertActiveStaff, assertSectionExists, assertSlugFree, deriveFreeSlug, writeBylines } from './story-fields';
import { NewStorySchema, type NewStoryInput } from './story-input';
import { recordStoryEvent } from './story-record';

/**
 * Creates a draft with its first revision. The creator is the first byline; a blank
 * slug is made from the headline (and made unique), a typed one must be free.
 */
export async function createStory(
  actor: Actor,
  input: NewStoryInput,
  now = new Date(),
  options: {
    /** Written in the same transaction, after the story (e.g. marking its wire item used). */
    alsoInTransaction?: (tx: Transaction, story: { id: number }) => Promise<void>;
    /** The note on the "create" event. */
    note?: string;
  } = {},
): Promise<{ id: number; slug: string }> {
  requirePermission(actor, 'story:create');
  const data = parseOrThrow(NewStorySchema, input);
  const authorIds = [actor.id, ...(data.authorIds ?? []).filter((id) => id !== actor.id)];
  const bodyText = storyBodyToText(data.body);
  const db = await getDb();

  return db.transaction(async (tx) => {
    const body = await resolveBodyImages(tx, data.body);
    await assertSectionExists(tx, data.sectionId);
    await assertActiveStaff(tx, authorIds);
    if (data.slug) await assertSlugFree(tx, data.slug);

    // A derived slug can be taken by a colleague creating a story at the same moment:
    // the unique index decides, and we try the next free one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const slug = data.slug || (await deriveFreeSlug(tx, data.headline, now));
      const [story] = await tx
        .insert(stories)
        .values({
          slug,
          sectionId: data.sectionId,
          headline: data.headline,
          standfirst: data.standfirst,
          body,
          bodyText,
          state: 'draft',
          version: 1,
          sourceWireItemId: data.sourceWireItemId ?? null,
          agency: data.agency ?? null,
          dateline: data.dateline ?? null,
          embargoUntil: data.embargoUntil ?? null,
          stateChangedAt: now,
          createdById: actor.id,
          updatedById: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: stories.slug })
        .returning({ id: stories.id, slug: stories.slug });
      if (!story) {
        if (data.slug) await assertSlugFree(tx, data.slug);
        continue;
      }
      await tx.insert(storyRevisions).values({
        storyId: story.id,
        version: 1,
        kind: 'save',
        headline: data.headline,
        standfirst: data.standfirst,
        body,
        bodyText,
        authorId: actor.id,
        wordsAdded: countWords([data.headline, data.standfirst, bodyText].join(' ')),
        wordsRemoved: 0,
        createdAt: now,
      });
      await writeBylines(tx, story.id, authorIds);
      await recordStoryEvent(tx, {
        storyId: story.id,
        actorId: actor.id,
        action: 'create',
        toState: 'draft',
        note: options.note,
        at: now,
      });
      await options.alsoInTransaction?.(tx, story);
      return story;
    }
    throw new Error('Could not find a free slug after 5 attempts');
  });
}
