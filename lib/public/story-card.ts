import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { publishedStories, sections, storyAuthors, users } from '@/db/schema';
import { articlePath } from '@/lib/public-routes';

/** A published story as lists show it. JSON-safe (ISO dates): it is cached as JSON. */
export type StoryCard = {
  storyId: number;
  headline: string;
  standfirst: string;
  path: string;
  section: { slug: string; name: string };
  bylines: { id: number; name: string }[];
  agency: string | null;
  firstPublishedAt: string;
  lastPublishedAt: string;
};

/** The columns every story list selects from published_stories joined to sections. */
export const STORY_CARD_COLUMNS = {
  storyId: publishedStories.storyId,
  headline: publishedStories.headline,
  standfirst: publishedStories.standfirst,
  slug: publishedStories.slug,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  agency: publishedStories.agency,
  firstPublishedAt: publishedStories.firstPublishedAt,
  lastPublishedAt: publishedStories.lastPublishedAt,
};

export type StoryCardRow = {
  storyId: number;
  headline: string;
  standfirst: string;
  slug: string;
  sectionSlug: string;
  sectionName: string;
  agency: string | null;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
};

/** Bylines (in order) for many stories in one query. */
export async function loadBylines(
  db: Database,
  storyIds: number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const byStory = new Map<number, { id: number; name: string }[]>();
  if (storyIds.length === 0) return byStory;
  const rows = await db
    .select({ storyId: storyAuthors.storyId, id: users.id, name: users.name })
    .from(storyAuthors)
    .innerJoin(users, eq(users.id, storyAuthors.userId))
    .where(inArray(storyAuthors.storyId, storyIds))
    .orderBy(asc(storyAuthors.storyId), asc(storyAuthors.position));
  for (const row of rows) {
    const list = byStory.get(row.storyId) ?? [];
    list.push({ id: row.id, name: row.name });
    byStory.set(row.storyId, list);
  }
  return byStory;
}

/** Rows → cards, with their bylines. */
export async function toStoryCards(db: Database, rows: StoryCardRow[]): Promise<StoryCard[]> {
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
    bylines: bylines.get(row.storyId) ?? [],
    agency: row.agency,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    lastPublishedAt: row.lastPublishedAt.toISOString(),
  }));
}
