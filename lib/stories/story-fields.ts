import 'server-only';
import { and, eq, inArray, like, ne, or } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Transaction } from '@/db/client';
import { publishedStories, sections, stories, storyAuthors, users } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { slugify } from './slug';

// Checks and writes shared by createStory and saveStory; each runs inside the caller's transaction.

/** Refuses a section that does not exist (a forged form, or one deleted meanwhile). */
export async function assertSectionExists(tx: Transaction, sectionId: number): Promise<void> {
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  if (!section) throw new ValidationError('Choose a section', { sectionId: ['Choose a section'] });
}

/** Refuses bylines naming anyone but active staff. */
export async function assertActiveStaff(tx: Transaction, userIds: readonly number[]): Promise<void> {
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.active, true)));
  if (found.length !== new Set(userIds).size) {
    throw new ValidationError('Bylines can only name active staff', {
      authorIds: ['Bylines can only name active staff'],
    });
  }
}

/** Whether another story uses this slug, in its working copy or on the public site. */
async function isSlugTaken(tx: Transaction, slug: string, exceptStoryId?: number): Promise<boolean> {
  const other = (column: typeof stories.id | typeof publishedStories.storyId) =>
    exceptStoryId === undefined ? undefined : ne(column, exceptStoryId);
  const [draft] = await tx
    .select({ id: stories.id })
    .from(stories)
    .where(and(eq(stories.slug, slug), other(stories.id)))
    .limit(1);
  if (draft) return true;
  const [live] = await tx
    .select({ id: publishedStories.storyId })
    .from(publishedStories)
    .where(and(eq(publishedStories.slug, slug), other(publishedStories.storyId)))
    .limit(1);
  return live !== undefined;
}

/** Refuses a typed slug another story already uses. */
export async function assertSlugFree(tx: Transaction, slug: string, exceptStoryId?: number): Promise<void> {
  if (await isSlugTaken(tx, slug, exceptStoryId)) {
    throw new ValidationError('This slug is already used by another story', {
      slug: ['This slug is already used by another story'],
    });
  }
}

/** A free slug made from the headline: `kim-visits-russia`, else `kim-visits-russia-2`, `-3`… */
export async function deriveFreeSlug(tx: Transaction, headline: string, now: Date): Promise<string> {
  const base = slugify(headline) || `story-${now.toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  const taken = new Set(
    (
      await tx
        .select({ slug: stories.slug })
        .from(stories)
        .where(or(eq(stories.slug, base), like(stories.slug, `${base}-%`)))
    ).map((row) => row.slug),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    // A published story may still be live under a slug it has since left.
    if (!taken.has(candidate) && !(await isSlugTaken(tx, candidate))) return candidate;
  }
}

/** Replaces the bylines with these users, in this order. */
export async function writeBylines(tx: Transaction, storyId: number, userIds: readonly number[]): Promise<void> {
  await tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId));
  await tx.insert(storyAuthors).values(userIds.map((userId, position) => ({ storyId, userId, position })));
}
