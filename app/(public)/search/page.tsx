import type { Metadata } from 'next';
import { Pagination } from '@/components/public/pagination';
import { PublishedTime } from '@/components/public/published-time';
import { getCachedSearch } from '@/lib/public/cached';
import { SearchParamsSchema } from '@/lib/public/search';
import type { SnippetPart } from '@/lib/public/search-snippet';
import { PUBLIC_PAGE_SIZE, searchPath } from '@/lib/public-routes';

// Rendered per request (the query is in the URL); the results are cached per query
// and dropped whenever anything is published or taken down. Declared dynamic so the
// build does not try to prerender it (the shared layout would read the database).
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = SearchParamsSchema.parse(await searchParams);
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text));
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = SearchParamsSchema.parse(await searchParams);
  const results = q ? await getCachedSearch(q, page) : null;
  return (
    <main id="main" className="page search">
      <h1>Search</h1>
      <form role="search" action="/search" method="get" className="search__form">
        <label htmlFor="search-q">Search published stories</label>
        <input id="search-q" name="q" type="search" defaultValue={q} aria-describedby="search-hint" />
        <button type="submit" className="button button--primary">
          Search
        </button>
        <p id="search-hint" className="field-hint">
          Use quotes for an exact phrase, a minus sign to leave a word out, and &ldquo;or&rdquo; for either word.
        </p>
      </form>
      {results && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" role="status">
            {results.total === 0
              ? `No stories match “${q}”`
              : `${results.capped ? 'More than ' : ''}${results.total.toLocaleString('en')} ${
                  results.total === 1 ? 'story matches' : 'stories match'
                } “${q}”`}
          </h2>
          <ol className="story-list search__results" start={(results.page - 1) * PUBLIC_PAGE_SIZE + 1}>
            {results.results.map((result) => (
              <li key={result.storyId} className="story-card">
                <h3 className="story-card__headline">
                  <a href={result.path}>
                    <Highlighted parts={result.headline} />
                  </a>
                </h3>
                <p className="story-card__standfirst">
                  <Highlighted parts={result.snippet} />
                </p>
                <p className="story-card__meta">
                  <span>{result.section.name}</span>
                  <PublishedTime iso={result.firstPublishedAt} />
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            page={results.page}
            pageCount={results.pageCount}
            hrefFor={(n) => searchPath(q, n)}
            label="Result pages"
            previousLabel="Previous results"
            nextLabel="More results"
          />
        </section>
      )}
    </main>
  );
}
