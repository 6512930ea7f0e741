import 'server-only';
import { isInvalidatedSince } from '@/lib/public-cache/invalidation-registry.js';
import { PUBLIC_TAGS } from '@/lib/public-cache/public-tags';
import { resolveArticlePath, type ArticlePathStatus } from '@/lib/stories/public-article';

// Bots ask for endless made-up addresses: keep the answers for the most recent ones only.
const MAX_ENTRIES = 20_000;

type Entry = { status: ArticlePathStatus; at: number };
const entries = new Map<string, Entry>();

/**
 * What an article address answers (resolveArticlePath), remembered until a publish,
 * update, unpublish or kill touches that address or the sections change: proxy.ts asks
 * on every article request, and the answer rarely changes. Invalidation comes through
 * the same registry as the page cache, so it is exactly as fresh as the pages.
 */
export async function resolveArticlePathCached(sectionSlug: string, storySlug: string): Promise<ArticlePathStatus> {
  const key = `${sectionSlug}/${storySlug}`;
  const tags = [PUBLIC_TAGS.path(sectionSlug, storySlug), PUBLIC_TAGS.sections];
  const cached = entries.get(key);
  if (cached && !isInvalidatedSince(tags, cached.at)) {
    // Refresh its place in the LRU order.
    entries.delete(key);
    entries.set(key, cached);
    return cached.status;
  }
  // Stamped before the lookup: a publish committing during it makes this entry stale.
  const at = Date.now();
  const status = await resolveArticlePath(sectionSlug, storySlug);
  entries.set(key, { status, at });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return status;
}
