import 'server-only';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { frontPageSlots, publishedStories, sections, storyAuthors, users } from '@/db/schema';
import { PUBLIC_PAGE_SIZE } from '@/lib/public-routes';
import { FRONT_PAGE_SLOTS } from '@/lib/stories/front-page';
import { STORY_CARD_COLUMNS, toStoryCards, type StoryCard } from './story-card';

// Every list here reads the public read model (published_stories) only: what is not
// published right now cannot appear, whatever state its working copy is in.

const newestFirst = [desc(publishedStories.firstPublishedAt), desc(publishedStories.storyId)];

export type FrontPage = {
  /** The pinned lead, else the newest story; null when nothing is published. */
  lead: StoryCard | null;
  /** The other pinned stories in their order, then the newest ones, to fill the slots. */
  top: StoryCard[];
  /** The newest stories whatever their place above: the front page's running list. */
  latest: StoryCard[];
  /** Per section, its newest stories not already in the lead or the top stories. */
  sections: { slug: string; name: string; stories: StoryCard[] }[];
};

/**
 * The home page: the lead and top stories as editors pinned them (lib/stories/front-page),
 * the newest filling any slot left; the most recent stories; a rail per section.
 */
export async function getFrontPage(
  options: { slots?: number; perSection?: number; latest?: number } = {},
): Promise<FrontPage> {
  const db = await getDb();
  const slots = options.slots ?? FRONT_PAGE_SLOTS;
  const latestCount = options.latest ?? 8;
  const pinnedRows = await db
    .select(STORY_CARD_COLUMNS)
    .from(frontPageSlots)
    .innerJoin(publishedStories, eq(publishedStories.storyId, frontPageSlots.storyId))
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .orderBy(asc(frontPageSlots.position), asc(frontPageSlots.storyId))
    .limit(slots);
  const pinned = new Set(pinnedRows.map((row) => row.storyId));
  // Enough of the newest to fill the slots whichever of them are pinned, and the latest list.
  const newestRows = await db
    .select(STORY_CARD_COLUMNS)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .orderBy(...newestFirst)
    .limit(Math.max(slots, latestCount));
  const fill = newestRows.filter((row) => !pinned.has(row.storyId)).slice(0, slots - pinnedRows.length);
  const [lead = null, ...top] = await toStoryCards(db, [...pinnedRows, ...fill]);
  const latest = await toStoryCards(db, newestRows.slice(0, latestCount));
  const shown = new Set([lead, ...top].map((story) => story?.storyId));

  const sectionList = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(sections.position, sections.name);
  const perSection = options.perSection ?? 4;
  const bySection: FrontPage['sections'] = [];
  for (const section of sectionList) {
    // One indexed backward scan per section (section_id, first_published_at, story_id).
    const rows = await db
      .select(STORY_CARD_COLUMNS)
      .from(publishedStories)
      .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
      .where(eq(publishedStories.sectionId, section.id))
      .orderBy(...newestFirst)
      .limit(perSection + shown.size);
    const cards = await toStoryCards(db, rows.filter((row) => !shown.has(row.storyId)).slice(0, perSection));
    if (cards.length > 0) bySection.push({ slug: section.slug, name: section.name, stories: cards });
  }
  return { lead, top, latest, sections: bySection };
}

export type Paged<T> = { items: T[]; page: number; pageCount: number; total: number };

function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A section's stories, newest first, one page at a time; null if there is no such section. */
export async function getSectionPage(
  sectionSlug: string,
  page = 1,
  pageSize = PUBLIC_PAGE_SIZE,
): Promise<(Paged<StoryCard> & { section: { slug: string; name: string } }) | null> {
  const db = await getDb();
  const [section] = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .where(eq(sections.slug, sectionSlug));
  if (!section) return null;
  const total = await db.$count(publishedStories, eq(publishedStories.sectionId, section.id));
  const rows = await db
    .select(STORY_CARD_COLUMNS)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(eq(publishedStories.sectionId, section.id))
    .orderBy(...newestFirst)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    section: { slug: section.slug, name: section.name },
    items: await toStoryCards(db, rows),
    page,
    pageCount: pageCountOf(total, pageSize),
    total,
  };
}

/**
 * An author's published stories, newest first; null if the user has none (staff who
 * have published nothing get no public page: the staff list is not public).
 */
export async function getAuthorPage(
  userId: number,
  page = 1,
  pageSize = PUBLIC_PAGE_SIZE,
): Promise<(Paged<StoryCard> & { author: { id: number; name: string } }) | null> {
  const db = await getDb();
  const [author] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  if (!author) return null;
  const byAuthor = and(eq(storyAuthors.userId, userId), eq(storyAuthors.storyId, publishedStories.storyId));
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(storyAuthors)
    .innerJoin(publishedStories, eq(publishedStories.storyId, storyAuthors.storyId))
    .where(eq(storyAuthors.userId, userId));
  if (total === 0) return null;
  const rows = await db
    .select(STORY_CARD_COLUMNS)
    .from(publishedStories)
    .innerJoin(storyAuthors, byAuthor)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .orderBy(...newestFirst)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { author, items: await toStoryCards(db, rows), page, pageCount: pageCountOf(total, pageSize), total };
}

/** The latest other stories from the same section, for the foot of an article. */
export async function listRelatedStories(storyId: number, sectionSlug: string, limit = 4): Promise<StoryCard[]> {
  const db = await getDb();
  const rows = await db
    .select(STORY_CARD_COLUMNS)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(eq(sections.slug, sectionSlug), ne(publishedStories.storyId, storyId)))
    .orderBy(...newestFirst)
    .limit(limit);
  return toStoryCards(db, rows);
}
