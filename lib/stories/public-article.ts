import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { publishedStories, sections, stories, storyAuthors, storyPaths, storyPublications, users } from '@/db/schema';
import type { StoryBody } from './story-body';

export type PublicArticle = {
  storyId: number;
  headline: string;
  standfirst: string;
  body: StoryBody;
  bylines: { id: number; name: string }[];
  /** The news agency to credit after the bylines ("with AFP"), if the story builds on wire copy. */
  agency: string | null;
  /** Where the story was filed from ("PARIS"), printed before the first paragraph. */
  dateline: string | null;
  section: { slug: string; name: string };
  slug: string;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  /** Every correction published with an update, oldest first. */
  corrections: { text: string; publishedAt: Date }[];
};

/**
 * The published article at /{section}/{slug}, from the public read model (the live
 * revision, never the working copy). Null for anything readers must not see.
 */
export async function getPublishedArticle(sectionSlug: string, storySlug: string): Promise<PublicArticle | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      storyId: publishedStories.storyId,
      headline: publishedStories.headline,
      standfirst: publishedStories.standfirst,
      body: publishedStories.body,
      section: { slug: sections.slug, name: sections.name },
      slug: publishedStories.slug,
      agency: publishedStories.agency,
      dateline: publishedStories.dateline,
      firstPublishedAt: publishedStories.firstPublishedAt,
      lastPublishedAt: publishedStories.lastPublishedAt,
    })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(eq(sections.slug, sectionSlug), eq(publishedStories.slug, storySlug)));
  if (!row) return null;
  const bylines = await db
    .select({ id: users.id, name: users.name })
    .from(storyAuthors)
    .innerJoin(users, eq(users.id, storyAuthors.userId))
    .where(eq(storyAuthors.storyId, row.storyId))
    .orderBy(asc(storyAuthors.position));
  return { ...row, bylines, corrections: await listStoryCorrections(row.storyId) };
}

/** Every correction published with an update of the story, oldest first. */
export async function listStoryCorrections(storyId: number): Promise<{ text: string; publishedAt: Date }[]> {
  const db = await getDb();
  const corrections = await db
    .select({ text: storyPublications.correction, publishedAt: storyPublications.publishedAt })
    .from(storyPublications)
    .where(and(eq(storyPublications.storyId, storyId), isNotNull(storyPublications.correction)))
    .orderBy(asc(storyPublications.publishedAt), asc(storyPublications.id));
  return corrections.map(({ text, publishedAt }) => ({ text: text!, publishedAt }));
}

export type ArticlePathStatus =
  { status: 'published' } | { status: 'gone' } | { status: 'moved'; location: string } | { status: 'unknown' };

/**
 * What an article URL should answer, for proxy.ts (pages cannot send 410 or 301): the
 * current address of a published story; an old address of one (301 to the current);
 * any address of a story taken down (410); or unknown (404 — never-published drafts
 * included, so their existence does not leak).
 */
export async function resolveArticlePath(sectionSlug: string, storySlug: string): Promise<ArticlePathStatus> {
  const db = await getDb();
  const [current] = await db
    .select({ storyId: publishedStories.storyId })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(eq(sections.slug, sectionSlug), eq(publishedStories.slug, storySlug)));
  if (current) return { status: 'published' };

  const [past] = await db
    .select({ state: stories.state, livePath: { section: sections.slug, slug: publishedStories.slug } })
    .from(storyPaths)
    .innerJoin(stories, eq(stories.id, storyPaths.storyId))
    .leftJoin(publishedStories, eq(publishedStories.storyId, storyPaths.storyId))
    .leftJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(eq(storyPaths.sectionSlug, sectionSlug), eq(storyPaths.slug, storySlug)));
  if (!past) return { status: 'unknown' };
  if (past.livePath?.section && past.livePath.slug) {
    return { status: 'moved', location: `/${past.livePath.section}/${past.livePath.slug}` };
  }
  return past.state === 'unpublished' || past.state === 'killed' ? { status: 'gone' } : { status: 'unknown' };
}
