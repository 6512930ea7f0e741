import { absoluteUrl } from '@/lib/public-routes';
import type { SiteInfo } from './feed-item';
import { XML_DECLARATION, xmlElement } from './xml';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Google reads at most 50,000 URLs per sitemap file and 1,000 per news sitemap. */
export const SITEMAP_MAX_URLS = 50_000;
export const NEWS_SITEMAP_MAX_URLS = 1_000;
/** Google News wants articles from the last two days only. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;

export type SitemapUrl = { path: string; lastModified?: string };

/** A sitemap index: one <sitemap> per child file. */
export function buildSitemapIndex(site: SiteInfo, files: SitemapUrl[]): string {
  const entries = files.map(
    (file) =>
      `<sitemap>${xmlElement('loc', absoluteUrl(site.baseUrl, file.path))}${
        file.lastModified ? xmlElement('lastmod', file.lastModified) : ''
      }</sitemap>`,
  );
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, '</sitemapindex>'].join('\n');
}

/** A sitemap <urlset>; more than SITEMAP_MAX_URLS is a programming error (split by month instead). */
export function buildUrlSet(site: SiteInfo, urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new Error(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs`);
  const entries = urls.map(
    (url) =>
      `<url>${xmlElement('loc', absoluteUrl(site.baseUrl, url.path))}${
        url.lastModified ? xmlElement('lastmod', url.lastModified) : ''
      }</url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`, ...entries, '</urlset>'].join('\n');
}

export type NewsSitemapStory = { path: string; headline: string; firstPublishedAt: string };

/** A Google News sitemap: the stories first published in the 48 hours before `now`, newest first. */
export function buildNewsSitemap(site: SiteInfo, stories: NewsSitemapStory[], now: Date): string {
  const since = now.getTime() - NEWS_SITEMAP_WINDOW_MS;
  const recent = stories.filter((story) => Date.parse(story.firstPublishedAt) >= since).slice(0, NEWS_SITEMAP_MAX_URLS);
  const entries = recent.map((story) =>
    [
      '<url>',
      xmlElement('loc', absoluteUrl(site.baseUrl, story.path)),
      '<news:news><news:publication>',
      xmlElement('news:name', site.name),
      xmlElement('news:language', site.language),
      '</news:publication>',
      xmlElement('news:publication_date', story.firstPublishedAt),
      xmlElement('news:title', story.headline),
      '</news:news></url>',
    ].join(''),
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...entries, '</urlset>'].join(
    '\n',
  );
}

/** robots.txt: everything public may be crawled; the desk, the API and search results may not. */
export function buildRobotsTxt(site: SiteInfo): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /desk',
    'Disallow: /api/',
    'Disallow: /login',
    'Disallow: /search',
    '',
    `Sitemap: ${absoluteUrl(site.baseUrl, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(site.baseUrl, '/news-sitemap.xml')}`,
    '',
  ].join('\n');
}

/** The month files stories are split into, e.g. /sitemaps/stories-2026-11.xml. */
export function storySitemapPath(month: string): string {
  return `/sitemaps/stories-${month}.xml`;
}

export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';

/** "stories-2026-11.xml" → "2026-11"; null for anything else. */
export function parseStorySitemapFile(file: string): string | null {
  const match = /^stories-(\d{4})-(0[1-9]|1[0-2])\.xml$/.exec(file);
  return match ? `${match[1]}-${match[2]}` : null;
}
