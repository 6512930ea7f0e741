import 'server-only';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { publishedStories, sections, storyAuthors, users } from '@/db/schema';
import { renderStoryBody } from '@/lib/render/render-story-body';
import { articlePath, authorPath, sectionPath } from '@/lib/public-routes';
import type { FeedStory } from '@/lib/syndication/feed-item';
import {
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_MS,
  SITEMAP_MAX_URLS,
  storySitemapPath,
  type NewsSitemapStory,
  type SitemapUrl,
} from '@/lib/syndication/sitemaps';
import { loadBylines, STORY_CARD_COLUMNS } from './story-card';

// Feeds and sitemaps read the public read model only, like the pages.

export const FEED_SIZE = 30;

/** The newest published stories for a feed, site-wide or for one section, with their bodies. */
export async function listFeedStories(options: { sectionSlug?: string; limit?: number } = {}): Promise<FeedStory[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...STORY_CARD_COLUMNS, body: publishedStories.body })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(options.sectionSlug ? eq(sections.slug, options.sectionSlug) : undefined)
    .orderBy(desc(publishedStories.firstPublishedAt), desc(publishedStories.storyId))
    .limit(options.limit ?? FEED_SIZE);
  const bylines = await loadBylines(
    db,
    rows.map((row) => row.storyId),
  );
  return rows.map((row) => ({
    storyId: row.storyId,
    headline: row.headline,
    standfirst: row.standfirst,
    path: articlePath(row.sectionSlug, row.slug),
    section: { slug: row.sectionSlug, name: row.sectionName },
    bylines: (bylines.get(row.storyId) ?? []).map((byline) => byline.name),
    agency: row.agency,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    lastPublishedAt: row.lastPublishedAt.toISOString(),
    bodyHtml: renderStoryBody(row.body),
  }));
}

/** Whether a section exists (section feeds answer 404 for unknown sections). */
export async function getSectionName(sectionSlug: string): Promise<string | null> {
  const db = await getDb();
  const [section] = await db.select({ name: sections.name }).from(sections).where(eq(sections.slug, sectionSlug));
  return section?.name ?? null;
}

const monthOf = sql<string>`to_char(${publishedStories.firstPublishedAt} at time zone 'UTC', 'YYYY-MM')`;

/** One sitemap file per month that has published stories (by first publication, UTC), newest first. */
export async function listSitemapMonths(): Promise<SitemapUrl[]> {
  const db = await getDb();
  const rows = await db
    .select({ month: monthOf, lastModified: sql<Date>`max(${publishedStories.lastPublishedAt})` })
    .from(publishedStories)
    .groupBy(monthOf)
    .orderBy(desc(monthOf));
  return rows.map((row) => ({
    path: storySitemapPath(row.month),
    lastModified: new Date(row.lastModified).toISOString(),
  }));
}

/** The stories first published in one month ("2026-11", UTC), for its sitemap file. */
export async function listSitemapStories(month: string): Promise<SitemapUrl[]> {
  const start = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return [];
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const db = await getDb();
  const rows = await db
    .select({ slug: publishedStories.slug, sectionSlug: sections.slug, lastModified: publishedStories.lastPublishedAt })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(gte(publishedStories.firstPublishedAt, start), lt(publishedStories.firstPublishedAt, end)))
    .orderBy(desc(publishedStories.firstPublishedAt), desc(publishedStories.storyId))
    // A month past 50,000 stories would need day files; until a newsroom that large
    // arrives, the newest 50,000 of the month are listed.
    .limit(SITEMAP_MAX_URLS);
  return rows.map((row) => ({
    path: articlePath(row.sectionSlug, row.slug),
    lastModified: row.lastModified.toISOString(),
  }));
}

/** The site's other pages: home, every section, every author with published stories. */
export async function listSitemapPages(): Promise<SitemapUrl[]> {
  const db = await getDb();
  const sectionRows = await db.select({ slug: sections.slug }).from(sections).orderBy(sections.position, sections.name);
  const authors = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(storyAuthors)
    .innerJoin(publishedStories, eq(publishedStories.storyId, storyAuthors.storyId))
    .innerJoin(users, eq(users.id, storyAuthors.userId))
    .orderBy(users.id);
  return [
    { path: '/' },
    ...sectionRows.map((section) => ({ path: sectionPath(section.slug) })),
    ...authors.map((author) => ({ path: authorPath(author) })),
  ];
}

/** Stories first published in the 48 hours before `now`, newest first, for the Google News sitemap. */
export async function listNewsSitemapStories(now = new Date()): Promise<NewsSitemapStory[]> {
  const db = await getDb();
  const rows = await db
    .select({
      slug: publishedStories.slug,
      sectionSlug: sections.slug,
      headline: publishedStories.headline,
      firstPublishedAt: publishedStories.firstPublishedAt,
    })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(gte(publishedStories.firstPublishedAt, new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS)))
    .orderBy(desc(publishedStories.firstPublishedAt), desc(publishedStories.storyId))
    .limit(NEWS_SITEMAP_MAX_URLS);
  return rows.map((row) => ({
    path: articlePath(row.sectionSlug, row.slug),
    headline: row.headline,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
  }));
}
