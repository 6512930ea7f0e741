import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { publishedStories, sections, storyPaths, storyRevisions } from '@/db/schema';
import { dropFromFrontPage } from './front-page';
import type { StoryRow } from './story-record';

/**
 * Puts a revision in front of readers: the story's row in the public read model, and
 * its current address in the path history (so old addresses redirect to it).
 */
export async function writePublicCopy(
  tx: Transaction,
  story: Pick<StoryRow, 'id' | 'sectionId' | 'slug' | 'agency' | 'dateline' | 'firstPublishedAt'>,
  revisionId: number,
  now: Date,
): Promise<void> {
  const [revision] = await tx.select().from(storyRevisions).where(eq(storyRevisions.id, revisionId));
  const [section] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, story.sectionId));
  if (!revision || !section) throw new Error(`Story ${story.id}: revision or section missing`);
  const row = {
    storyId: story.id,
    sectionId: story.sectionId,
    slug: story.slug,
    revisionId,
    headline: revision.headline,
    standfirst: revision.standfirst,
    body: revision.body,
    bodyText: revision.bodyText,
    agency: story.agency,
    dateline: story.dateline,
    firstPublishedAt: story.firstPublishedAt ?? now,
    lastPublishedAt: now,
  };
  await tx.insert(publishedStories).values(row).onConflictDoUpdate({ target: publishedStories.storyId, set: row });
  // The newest story to publish under an address owns it.
  await tx
    .insert(storyPaths)
    .values({ sectionSlug: section.slug, slug: story.slug, storyId: story.id, createdAt: now })
    .onConflictDoUpdate({ target: [storyPaths.sectionSlug, storyPaths.slug], set: { storyId: story.id } });
}

/**
 * Takes a story off the public site at once (unpublish, kill); its addresses will answer
 * 410, and it leaves the front page (publishing it again does not pin it again).
 */
export async function removePublicCopy(tx: Transaction, storyId: number): Promise<void> {
  await tx.delete(publishedStories).where(eq(publishedStories.storyId, storyId));
  await dropFromFrontPage(tx, storyId);
}
