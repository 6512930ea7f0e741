import 'server-only';
import { unstable_cache } from 'next/cache';
import { getConfig } from '@/lib/config';
import { PUBLIC_TAGS } from '@/lib/public-cache/public-tags';
import { listSections } from '@/lib/sections';
import { buildAtomFeed } from '@/lib/syndication/atom-feed';
import type { SiteInfo } from '@/lib/syndication/feed-item';
import { buildRssFeed } from '@/lib/syndication/rss-feed';
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlSet,
  PAGES_SITEMAP_PATH,
} from '@/lib/syndication/sitemaps';
import { sectionFeedPath, sectionPath } from '@/lib/public-routes';
import { getArticlePage } from './article-page';
import { getAuthorPage, getFrontPage, getSectionPage } from './listings';
import { searchPublishedStories } from './search';
import {
  getSectionName,
  listFeedStories,
  listNewsSitemapStories,
  listSitemapMonths,
  listSitemapPages,
  listSitemapStories,
} from './syndication';

// The public site's data, cached at run time (never at build: nothing here runs until a
// request asks for it) and tagged so a publish, update, unpublish or kill invalidates
// exactly what it touched (lib/public-cache). Pages that use these inherit the tags, so
// the cached HTML goes stale with its data. Results are cached as JSON: plain data only.

// A safety net, not the mechanism: invalidation is immediate; this bounds how long a
// missed one (a bug) could last.
const SAFETY_SECONDS = 3600;

function cached<Args extends unknown[], T>(
  name: string,
  load: (...args: Args) => Promise<T>,
  tagsOf: (...args: Args) => string[],
  revalidate = SAFETY_SECONDS,
): (...args: Args) => Promise<T> {
  return (...args: Args) =>
    unstable_cache(() => load(...args), ['wiredesk-public', name, JSON.stringify(args)], {
      tags: tagsOf(...args),
      revalidate,
    })();
}

/** Site name, address and language for feeds and sitemaps, from configuration. */
export function getSiteInfo(): SiteInfo {
  const { siteName, baseUrl } = getConfig();
  return { name: siteName, baseUrl, language: 'en' };
}

export const getCachedSections = cached('sections', listSections, () => [PUBLIC_TAGS.sections]);

export const getCachedFrontPage = cached(
  'front',
  () => getFrontPage(),
  () => [PUBLIC_TAGS.front],
);

export const getCachedSectionPage = cached(
  'section',
  (sectionSlug: string, page: number) => getSectionPage(sectionSlug, page),
  (sectionSlug) => [PUBLIC_TAGS.section(sectionSlug), PUBLIC_TAGS.sections],
);

export const getCachedAuthorPage = cached(
  'author',
  (userId: number, page: number) => getAuthorPage(userId, page),
  (userId) => [PUBLIC_TAGS.author(userId)],
);

export const getCachedArticlePage = cached('article', getArticlePage, (sectionSlug, storySlug) => [
  PUBLIC_TAGS.path(sectionSlug, storySlug),
  PUBLIC_TAGS.section(sectionSlug),
]);

export const getCachedSearch = cached(
  'search',
  (query: string, page: number) => searchPublishedStories(query, page),
  () => [PUBLIC_TAGS.search],
);

/** Feeds as finished XML: a cached feed costs one lookup, no rendering. */
export const getCachedFeed = cached(
  'feed',
  async (format: 'rss' | 'atom', sectionSlug: string | null): Promise<string | null> => {
    const site = getSiteInfo();
    const sectionName = sectionSlug ? await getSectionName(sectionSlug) : null;
    if (sectionSlug && !sectionName) return null;
    const stories = await listFeedStories({ sectionSlug: sectionSlug ?? undefined });
    const title = sectionName ? `${sectionName} · ${site.name}` : site.name;
    const pagePath = sectionSlug ? sectionPath(sectionSlug) : '/';
    const feedPath = sectionSlug ? sectionFeedPath(sectionSlug, format) : format === 'rss' ? '/feed.xml' : '/atom.xml';
    return format === 'rss'
      ? buildRssFeed({ site, title, description: `Latest stories from ${title}`, pagePath, feedPath, stories })
      : buildAtomFeed({ site, title, pagePath, feedPath, stories, emptyUpdated: new Date(0).toISOString() });
  },
  (_format, sectionSlug) => (sectionSlug ? [PUBLIC_TAGS.section(sectionSlug)] : [PUBLIC_TAGS.front]),
);

export const getCachedSitemapIndex = cached(
  'sitemap-index',
  async () => buildSitemapIndex(getSiteInfo(), [{ path: PAGES_SITEMAP_PATH }, ...(await listSitemapMonths())]),
  () => [PUBLIC_TAGS.sitemaps],
);

export const getCachedPagesSitemap = cached(
  'sitemap-pages',
  async () => buildUrlSet(getSiteInfo(), await listSitemapPages()),
  () => [PUBLIC_TAGS.sitemaps, PUBLIC_TAGS.sections],
);

export const getCachedStoriesSitemap = cached(
  'sitemap-month',
  async (month: string) => buildUrlSet(getSiteInfo(), await listSitemapStories(month)),
  () => [PUBLIC_TAGS.sitemaps],
);

// Stories leave the news sitemap 48 hours after publication, with no event to say so:
// this one is also rebuilt every five minutes.
export const getCachedNewsSitemap = cached(
  'news-sitemap',
  async () => {
    const now = new Date();
    return buildNewsSitemap(getSiteInfo(), await listNewsSitemapStories(now), now);
  },
  () => [PUBLIC_TAGS.sitemaps],
  300,
);

export function getRobotsTxt(): string {
  return buildRobotsTxt(getSiteInfo());
}
