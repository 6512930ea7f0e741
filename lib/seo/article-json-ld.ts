import { absoluteUrl, authorPath } from '@/lib/public-routes';

export type JsonLdArticle = {
  headline: string;
  standfirst: string;
  path: string;
  section: { name: string };
  bylines: { id: number; name: string }[];
  agency: string | null;
  dateline?: string | null;
  firstPublishedAt: string;
  lastPublishedAt: string;
  /** Absolute image URLs, when stories carry images (none yet). */
  images?: string[];
  /** Published corrections, oldest first. */
  corrections?: { text: string; publishedAt: string }[];
};

/**
 * schema.org NewsArticle for an article page. Authors are the staff bylines (with their
 * author pages); agency copy without a staff byline is credited to the agency.
 */
export function buildArticleJsonLd(article: JsonLdArticle, site: { name: string; baseUrl: string }) {
  const url = absoluteUrl(site.baseUrl, article.path);
  const authors =
    article.bylines.length > 0
      ? article.bylines.map((byline) => ({
          '@type': 'Person',
          name: byline.name,
          url: absoluteUrl(site.baseUrl, authorPath(byline)),
        }))
      : article.agency
        ? [{ '@type': 'Organization', name: article.agency }]
        : [];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline.slice(0, 110),
    ...(article.standfirst ? { description: article.standfirst } : {}),
    datePublished: article.firstPublishedAt,
    dateModified: article.lastPublishedAt,
    articleSection: article.section.name,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    author: authors,
    ...(article.images && article.images.length > 0 ? { image: article.images } : {}),
    publisher: { '@type': 'Organization', name: site.name, url: site.baseUrl },
    ...(article.agency ? { sourceOrganization: { '@type': 'Organization', name: article.agency } } : {}),
    ...(article.corrections && article.corrections.length > 0
      ? {
          correction: article.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.text,
            datePublished: c.publishedAt,
          })),
        }
      : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. JSON.stringify alone is not
 * safe there: a headline containing "</script>" would end the element, so every "<"
 * (and the two line separators JavaScript parsers trip on) is written as an escape.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
