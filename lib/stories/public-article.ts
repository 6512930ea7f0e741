import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections, stories, storyAuthors, storyRevisions, users } from '@/db/schema';
import type { StoryBody } from './story-body';

export type PublicArticle = {
  headline: string;
  standfirst: string;
  body: StoryBody;
  bylines: string[];
  section: { slug: string; name: string };
  firstPublishedAt: Date;
  lastPublishedAt: Date;
};

/**
 * The published article at /{section}/{slug}, from its live revision — never the
 * working copy. Null for anything readers must not see (drafts, unpublished, killed).
 */
export async function getPublishedArticle(sectionSlug: string, storySlug: string): Promise<PublicArticle | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      storyId: stories.id,
      headline: storyRevisions.headline,
      standfirst: storyRevisions.standfirst,
      body: storyRevisions.body,
      section: { slug: sections.slug, name: sections.name },
      firstPublishedAt: stories.firstPublishedAt,
      lastPublishedAt: stories.lastPublishedAt,
    })
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .innerJoin(storyRevisions, eq(storyRevisions.id, stories.liveRevisionId))
    .where(and(eq(stories.slug, storySlug), eq(sections.slug, sectionSlug), eq(stories.state, 'published')));
  if (!row || !row.firstPublishedAt || !row.lastPublishedAt) return null;
  const authors = await db
    .select({ name: users.name })
    .from(storyAuthors)
    .innerJoin(users, eq(users.id, storyAuthors.userId))
    .where(eq(storyAuthors.storyId, row.storyId))
    .orderBy(asc(storyAuthors.position));
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    body: row.body,
    bylines: authors.map((author) => author.name),
    section: row.section,
    firstPublishedAt: row.firstPublishedAt,
    lastPublishedAt: row.lastPublishedAt,
  };
}

export type ArticlePathStatus =
  { status: 'published' } | { status: 'gone' } | { status: 'moved'; location: string } | { status: 'unknown' };

/**
 * What an article URL should answer, for proxy.ts (pages cannot send 410): published
 * here, moved to its current section (301), gone after unpublish or kill (410), or
 * unknown (404 — drafts included, so their existence does not leak).
 */
export async function resolveArticlePath(sectionSlug: string, storySlug: string): Promise<ArticlePathStatus> {
  const db = await getDb();
  const [row] = await db
    .select({ state: stories.state, sectionSlug: sections.slug, firstPublishedAt: stories.firstPublishedAt })
    .from(stories)
    .innerJoin(sections, eq(sections.id, stories.sectionId))
    .where(eq(stories.slug, storySlug));
  if (!row || row.firstPublishedAt === null) return { status: 'unknown' };
  if (row.state === 'unpublished' || row.state === 'killed') return { status: 'gone' };
  if (row.state !== 'published') return { status: 'unknown' };
  if (row.sectionSlug !== sectionSlug) return { status: 'moved', location: `/${row.sectionSlug}/${storySlug}` };
  return { status: 'published' };
}
