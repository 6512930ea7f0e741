import { notFound, permanentRedirect } from 'next/navigation';
import { getCachedAuthorPage } from '@/lib/public/cached';
import { authorPath, authorSegment, parseAuthorSegment, parsePageSegment } from '@/lib/public-routes';
import { StoryListingPage } from './story-listing-page';

type AuthorPageData = NonNullable<Awaited<ReturnType<typeof getCachedAuthorPage>>>;

/**
 * The author page for an address segment ("12-ana-ruiz") and page segment ("1", "2"…):
 * 404 for anyone without published stories, 308 to the current address when the name
 * part is stale or missing (the id is what identifies the author).
 */
export async function loadAuthorPage(
  segment: string,
  pageSegment: string | null,
): Promise<{ author: AuthorPageData; page: number }> {
  const id = parseAuthorSegment(segment);
  // Page 1 has one address, without /page/1.
  const page = pageSegment === null || pageSegment === '1' ? 1 : parsePageSegment(pageSegment);
  if (id === null || page === null) notFound();
  const author = await getCachedAuthorPage(id, page);
  if (!author || page > author.pageCount) notFound();
  if (segment !== authorSegment(author.author) || pageSegment === '1') {
    permanentRedirect(authorPath(author.author, page));
  }
  return { author, page };
}

export function AuthorListing({ author, page }: { author: AuthorPageData; page: number }) {
  return (
    <StoryListingPage
      title={author.author.name}
      intro={<p className="listing__intro">Stories by {author.author.name}</p>}
      stories={author.items}
      page={page}
      pageCount={author.pageCount}
      hrefFor={(n) => authorPath(author.author, n)}
      showSection
      empty=""
    />
  );
}
