import { BylineLinks } from '@/components/public/byline-links';
import { PublishedTime } from '@/components/public/published-time';
import { formatByline } from '@/lib/byline';
import type { ArticleView } from '@/lib/public/article-page';
import { sectionPath } from '@/lib/public-routes';

// An update within a minute of first publication is not worth a second timestamp.
const UPDATE_THRESHOLD_MS = 60_000;

/** The article as readers see it: shared by the public page and the desk's Preview. */
export function ArticleContent({ article }: { article: ArticleView }) {
  const updated = Date.parse(article.lastPublishedAt) - Date.parse(article.firstPublishedAt) > UPDATE_THRESHOLD_MS;
  const byline = formatByline(
    article.bylines.map((b) => b.name),
    article.agency,
  );
  return (
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
  );
}
