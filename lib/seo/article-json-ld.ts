import { absoluteUrl, authorPath } from '@/lib/public-routes';
import { searchImage } from './search-image';
import { SITE_LOGO } from './site-logo';

export type JsonLdArticle = {
  headline: string;
  /** The meta description (describeArticle): standfirst, else the first paragraph. */
  description: string;
  path: string;
  section: { name: string };
  bylines: { id: number; name: string }[];
  agency: string | null;
  dateline?: string | null;
  firstPublishedAt: string;
  lastPublishedAt: string;
  /** The body's images, in order: the first is the one search engines show. */
  images?: { mediaId: string; width: number; height: number; caption?: string; credit?: string }[];
  /** Published corrections, oldest first. */
  corrections?: { text: string; publishedAt: string }[];
};

/**
 * schema.org NewsArticle for an article page, with what Google's article guidelines ask
 * for: images as ImageObjects with their pixel size, authors as Persons with their author
 * pages (agency copy without a staff byline is credited to the agency), the publisher
 * with its raster logo, and both dates.
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
    ...(article.description ? { description: article.description } : {}),
    datePublished: article.firstPublishedAt,
    dateModified: article.lastPublishedAt,
    articleSection: article.section.name,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    author: authors,
    ...(article.images && article.images.length > 0
      ? {
          image: article.images.map((image) => ({
            '@type': 'ImageObject',
            ...searchImage(image, site.baseUrl),
            ...(image.caption ? { caption: image.caption } : {}),
            ...(image.credit ? { creditText: image.credit } : {}),
          })),
        }
      : {}),
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: site.baseUrl,
      logo: {
        '@type': 'ImageObject',
        url: absoluteUrl(site.baseUrl, SITE_LOGO.path),
        width: SITE_LOGO.width,
        height: SITE_LOGO.height,
      },
    },
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
