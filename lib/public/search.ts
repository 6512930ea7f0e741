import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publishedStories, sections } from '@/db/schema';
import { articlePath, PUBLIC_PAGE_SIZE } from '@/lib/public-routes';
import { HEADLINE_OPTIONS, SNIPPET_OPTIONS, splitHighlights, type SnippetPart } from './search-snippet';

/** Counting stops here: "more than 1,000 results" is all a reader needs to know. */
export const SEARCH_COUNT_LIMIT = 1000;
export const MAX_SEARCH_PAGE = Math.ceil(SEARCH_COUNT_LIMIT / PUBLIC_PAGE_SIZE);

/** The search form, from the URL: bad values mean "no search" or page 1, never an error page. */
export const SearchParamsSchema = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).catch(1).default(1),
});

export type SearchResult = {
  storyId: number;
  path: string;
  headline: SnippetPart[];
  snippet: SnippetPart[];
  section: { slug: string; name: string };
  firstPublishedAt: string;
};

export type SearchPage = {
  query: string;
  results: SearchResult[];
  page: number;
  pageCount: number;
  /** Matches counted up to SEARCH_COUNT_LIMIT; `capped` says there are more. */
  total: number;
  capped: boolean;
};

/**
 * Full-text search over published stories only, in PostgreSQL's websearch syntax
 * ("harbour strike", "ferry -bus", "\"all-night talks\"", "budget or tax"): best
 * matches first, newest first among equals, with the matching words highlighted.
 */
export async function searchPublishedStories(
  query: string,
  page = 1,
  pageSize = PUBLIC_PAGE_SIZE,
): Promise<SearchPage> {
  const empty = { query, results: [], page, pageCount: 1, total: 0, capped: false };
  if (!query.trim()) return empty;
  const db = await getDb();
  const tsquery = sql`websearch_to_tsquery('simple', ${query})`;
  // Words PostgreSQL ignores ("&&&") leave an empty query, which matches nothing.
  const [{ nodes } = { nodes: 0 }] = rowsOf<{ nodes: number }>(
    await db.execute(sql`select numnode(${tsquery}) as nodes`),
  );
  if (Number(nodes) === 0) return empty;

  const matches = sql`${publishedStories.searchVector} @@ ${tsquery}`;
  const matching = db
    .select({ one: sql`1` })
    .from(publishedStories)
    .where(matches)
    .limit(SEARCH_COUNT_LIMIT + 1)
    .as('matching');
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(matching);
  const counted = Math.min(Number(total), SEARCH_COUNT_LIMIT);
  const rows = await db
    .select({
      storyId: publishedStories.storyId,
      slug: publishedStories.slug,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      firstPublishedAt: publishedStories.firstPublishedAt,
      headline: sql<string>`ts_headline('simple', ${publishedStories.headline}, ${tsquery}, ${HEADLINE_OPTIONS})`,
      snippet: sql<string>`ts_headline('simple', ${publishedStories.standfirst} || ' ' || ${publishedStories.bodyText}, ${tsquery}, ${SNIPPET_OPTIONS})`,
    })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(matches)
    .orderBy(
      desc(sql`ts_rank_cd(${publishedStories.searchVector}, ${tsquery})`),
      desc(publishedStories.firstPublishedAt),
      desc(publishedStories.storyId),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    query,
    page,
    pageCount: Math.max(1, Math.ceil(counted / pageSize)),
    total: counted,
    capped: Number(total) > SEARCH_COUNT_LIMIT,
    results: rows.map((row) => ({
      storyId: row.storyId,
      path: articlePath(row.sectionSlug, row.slug),
      headline: splitHighlights(row.headline),
      snippet: splitHighlights(row.snippet),
      section: { slug: row.sectionSlug, name: row.sectionName },
      firstPublishedAt: row.firstPublishedAt.toISOString(),
    })),
  };
}
