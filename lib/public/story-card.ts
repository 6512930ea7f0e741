import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { publishedStories, sections, storyAuthors, users } from '@/db/schema';
import { articlePath } from '@/lib/public-routes';
import { MEDIA_ID_PATTERN } from '@/lib/stories/story-body';

/** A story's picture as lists show it: the first image of its published body. */
export type CardImage = { mediaId: string; width: number; height: number; alt: string; credit: string };

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
  image: CardImage | null;
};

/** Reads the attrs of an image node as the database returns them (jsonb: parsed or text, by driver). */
export function toCardImage(value: unknown): CardImage | null {
  const attrs = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!attrs || typeof attrs !== 'object') return null;
  const { mediaId, width, height, alt, credit } = attrs as Record<string, unknown>;
  if (typeof mediaId !== 'string' || !MEDIA_ID_PATTERN.test(mediaId)) return null;
  if (!Number.isInteger(width) || !Number.isInteger(height)) return null;
  return {
    mediaId,
    width: width as number,
    height: height as number,
    alt: typeof alt === 'string' ? alt : '',
    credit: typeof credit === 'string' ? credit : '',
  };
}

// The first top-level image of the live body, picked out in the database so lists never
// carry whole bodies. Bodies are validated on save, so the attrs have the editor's shape.
const firstImage =
  sql<CardImage | null>`jsonb_path_query_first(${publishedStories.body}, '$.content[*] ? (@.type == "image").attrs')`.mapWith(
    toCardImage,
  );

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
  image: firstImage,
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
  image: CardImage | null;
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
    image: row.image,
  }));
}
