import 'server-only';
import { and, eq, exists } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { publishedStories, storyAuthors, users } from '@/db/schema';

/**
 * The name of an author readers may know of — someone with a byline on a published
 * story — for proxy.ts to redirect stale author addresses; null for anyone else, so
 * an id never reveals the name of staff who have published nothing.
 */
export async function getPublicAuthorName(userId: number): Promise<string | null> {
  const db = await getDb();
  const [author] = await db
    .select({ name: users.name })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        exists(
          db
            .select({ one: storyAuthors.storyId })
            .from(storyAuthors)
            .innerJoin(publishedStories, eq(publishedStories.storyId, storyAuthors.storyId))
            .where(eq(storyAuthors.userId, userId)),
        ),
      ),
    );
  return author?.name ?? null;
}
