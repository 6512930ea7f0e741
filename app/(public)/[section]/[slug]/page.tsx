import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatByline } from '@/lib/byline';
import { formatDateTime } from '@/lib/format-time';
import { renderStoryBody } from '@/lib/render/render-story-body';
import { getPublishedArticle, resolveArticlePath } from '@/lib/stories/public-article';

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  return article
    ? { title: article.headline, description: article.standfirst || undefined }
    : { title: 'No longer available', robots: { index: false } };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  if (!article) {
    // proxy.ts has already set the 410 status for a story that was taken down.
    if ((await resolveArticlePath(section, slug)).status === 'gone') return <GoneNotice />;
    notFound();
  }
  const updated = article.lastPublishedAt.getTime() - article.firstPublishedAt.getTime() > 60_000;
  return (
    <main id="main" className="page article">
      <article>
        <header>
          <p className="article__section">{article.section.name}</p>
          <h1>{article.headline}</h1>
          {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
          <p className="article__meta">
            <span>
              {formatByline(
                article.bylines.map((byline) => byline.name),
                article.agency,
              )}
            </span>
            <span>
              Published{' '}
              <time dateTime={article.firstPublishedAt.toISOString()}>{formatDateTime(article.firstPublishedAt)}</time>
            </span>
            {updated && (
              <span>
                Updated{' '}
                <time dateTime={article.lastPublishedAt.toISOString()}>{formatDateTime(article.lastPublishedAt)}</time>
              </span>
            )}
          </p>
        </header>
        {/* renderStoryBody escapes all text and emits only allowlisted markup. */}
        <div className="article__body" dangerouslySetInnerHTML={{ __html: renderStoryBody(article.body) }} />
      </article>
    </main>
  );
}

function GoneNotice() {
  return (
    <main id="main" className="page notice-page">
      <h1>This story is no longer available</h1>
      <p>It has been withdrawn by the newsroom.</p>
    </main>
  );
}
