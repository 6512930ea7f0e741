import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { publishedStories, sections, storyAuthors, storyPaths } from '@/db/schema';
import { getInvalidationRegistry, recordInvalidation } from './invalidation-registry.js';
import { tagsForStoryChange } from './public-tags';

/** The PostgreSQL channel instances broadcast invalidations on. */
export const INVALIDATION_CHANNEL = 'wiredesk_public_cache';
// NOTIFY payloads must stay under 8,000 bytes; past that we say "everything".
const MAX_PAYLOAD = 7_000;

export type InvalidationMessage = { origin: string; tags: string[] } | { origin: string; everything: true };

/**
 * The public cache tags one story touches right now: every address it ever had, its
 * live section, its bylines. Call it inside the transaction both before and after the
 * change, so old and new places are both covered.
 */
export async function collectStoryTags(tx: Transaction, storyId: number): Promise<string[]> {
  const paths = await tx
    .select({ sectionSlug: storyPaths.sectionSlug, slug: storyPaths.slug })
    .from(storyPaths)
    .where(eq(storyPaths.storyId, storyId));
  const live = await tx
    .select({ sectionSlug: sections.slug, slug: publishedStories.slug })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(eq(publishedStories.storyId, storyId));
  const authors = await tx
    .select({ userId: storyAuthors.userId })
    .from(storyAuthors)
    .where(eq(storyAuthors.storyId, storyId));
  return tagsForStoryChange({ paths: [...paths, ...live], authorIds: authors.map((a) => a.userId) });
}

/** The broadcast for other instances; PostgreSQL delivers it only if and when the transaction commits. */
export function encodeInvalidation(tags: string[], origin = getInvalidationRegistry().instanceId): string {
  const message: InvalidationMessage = { origin, tags };
  const payload = JSON.stringify(message);
  return payload.length <= MAX_PAYLOAD ? payload : JSON.stringify({ origin, everything: true });
}

/**
 * Announces, inside the transaction, that these tags change when it commits: every
 * instance listening (listenForInvalidations) drops the affected pages at commit.
 */
export async function announceInvalidation(tx: Transaction, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await tx.execute(sql`select pg_notify(${INVALIDATION_CHANNEL}, ${encodeInvalidation(tags)})`);
}

/**
 * Drops the affected pages from this process's cache. Call it after the transaction
 * has committed — before, a reader could re-cache the old version. Works anywhere (a
 * Next request, a test, a CLI tool): no framework context is needed.
 */
export function invalidatePublicPages(tags: string[], at = Date.now()): void {
  if (tags.length > 0) recordInvalidation(tags, at);
}
