import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { BylineLinks } from '@/components/public/byline-links';
import { PublishedTime } from '@/components/public/published-time';
import { StoryList } from '@/components/public/story-list';
import { formatByline } from '@/lib/byline';
import { getConfig } from '@/lib/config';
import { getCachedArticlePage } from '@/lib/public/cached';
import { absoluteUrl, authorPath, sectionPath } from '@/lib/public-routes';
import { buildArticleJsonLd, serializeJsonLd } from '@/lib/seo/article-json-ld';

// Cached at run time, never prerendered at build (no static params): see [[...home]]/page.tsx.
// proxy.ts answers an old address with 301 and sets 410 for a story taken down before
// the cache is consulted; the cached page is the article, the 410 notice, or the 404.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { section: string; slug: string }[] {
  return [];
}

type Props = { params: Promise<{ section: string; slug: string }> };

// An update within a minute of first publication is not worth a second timestamp.
const UPDATE_THRESHOLD_MS = 60_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const result = await getCachedArticlePage(section, slug);
  if (result.status !== 'published') return { title: 'No longer available', robots: { index: false } };
  const { article } = result;
  const { siteName, baseUrl } = getConfig();
  const description = article.standfirst || undefined;
  const authors = article.bylines.map((byline) => absoluteUrl(baseUrl, authorPath(byline)));
  return {
    title: article.headline,
    description,
    authors: article.bylines.map((byline) => ({ name: byline.name, url: authorPath(byline) })),
    alternates: { canonical: article.path },
    openGraph: {
      type: 'article',
      siteName,
      title: article.headline,
      description,
      url: article.path,
      publishedTime: article.firstPublishedAt,
      modifiedTime: article.lastPublishedAt,
      section: article.section.name,
      authors,
    },
    twitter: { card: 'summary', title: article.headline, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const result = await getCachedArticlePage(section, slug);
  if (result.status === 'moved') permanentRedirect(result.location);
  if (result.status === 'gone') return <GoneNotice />;
  if (result.status === 'unknown') notFound();
  const { article, related } = result;
  const { siteName, baseUrl } = getConfig();
  const updated = Date.parse(article.lastPublishedAt) - Date.parse(article.firstPublishedAt) > UPDATE_THRESHOLD_MS;
  const jsonLd = buildArticleJsonLd(article, { name: siteName, baseUrl });
  const byline = formatByline(
    article.bylines.map((b) => b.name),
    article.agency,
  );
  return (
    <main id="main" className="page article">
      <article>
        <header>
          <p className="article__section">
            <a href={sectionPath(article.section.slug)}>{article.section.name}</a>
          </p>
          <h1>{article.headline}</h1>
          {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
          <div className="article__meta">
            {byline && (
              <p className="article__byline">
                <BylineLinks bylines={article.bylines} agency={article.agency} />
              </p>
            )}
            <p>
              Published <PublishedTime iso={article.firstPublishedAt} />
            </p>
            {updated && (
              <p>
                Updated <PublishedTime iso={article.lastPublishedAt} />
              </p>
            )}
          </div>
        </header>
        {article.dateline && <p className="article__dateline">{article.dateline}</p>}
        {/* renderStoryBody escapes all text and emits only allowlisted markup. */}
        <div className="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.corrections.length > 0 && (
          <aside aria-labelledby="corrections-heading" className="corrections">
            <h2 id="corrections-heading">Corrections</h2>
            <ul>
              {article.corrections.map((correction, i) => (
                <li key={i}>
                  <PublishedTime iso={correction.publishedAt} />: {correction.text}
                </li>
              ))}
            </ul>
          </aside>
        )}
      </article>
      {related.length > 0 && (
        <aside aria-labelledby="related-heading" className="related">
          <h2 id="related-heading">More from {article.section.name}</h2>
          <StoryList stories={related} headingLevel={3} showSection={false} />
        </aside>
      )}
      {/* serializeJsonLd escapes "<", so no headline can close this element early. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
    </main>
  );
}

function GoneNotice() {
  return (
    <main id="main" className="page notice-page">
      <h1>This story is no longer available</h1>
      <p>It has been withdrawn by the newsroom.</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </main>
  );
}
