import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import type { SiteInfo } from './feed-item';
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlSet,
  NEWS_SITEMAP_MAX_URLS,
  parseStorySitemapFile,
  SITEMAP_MAX_URLS,
  storySitemapPath,
} from './sitemaps';

const site: SiteInfo = { name: 'Gazette & Co', baseUrl: 'https://news.example.org', language: 'en' };
const parser = new XMLParser({ ignoreAttributes: false });
const now = new Date('2026-11-28T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

test('a sitemap index lists absolute addresses of its files with their last change', () => {
  const xml = buildSitemapIndex(site, [
    { path: '/sitemaps/pages.xml' },
    { path: storySitemapPath('2026-11'), lastModified: '2026-11-28T10:00:00.000Z' },
  ]);
  expect(XMLValidator.validate(xml)).toBe(true);
  const index = parser.parse(xml).sitemapindex;
  expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  expect(index.sitemap).toEqual([
    { loc: 'https://news.example.org/sitemaps/pages.xml' },
    { loc: 'https://news.example.org/sitemaps/stories-2026-11.xml', lastmod: '2026-11-28T10:00:00.000Z' },
  ]);
});

test('a urlset escapes addresses and refuses more URLs than a sitemap may hold', () => {
  const xml = buildUrlSet(site, [{ path: '/search?q=a&b' }, { path: '/world/x', lastModified: hoursAgo(1) }]);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).toContain('<loc>https://news.example.org/search?q=a&amp;b</loc>');
  const many = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({ path: `/world/s-${i}` }));
  expect(() => buildUrlSet(site, many)).toThrow('at most 50000');
});

test('the news sitemap keeps the last 48 hours only, with Google News publication data', () => {
  const xml = buildNewsSitemap(
    site,
    [
      { path: '/world/fresh', headline: 'Fresh <news> & more', firstPublishedAt: hoursAgo(1) },
      { path: '/world/edge', headline: 'Just inside', firstPublishedAt: hoursAgo(47.9) },
      { path: '/world/old', headline: 'Too old', firstPublishedAt: hoursAgo(48.1) },
    ],
    now,
  );
  expect(XMLValidator.validate(xml)).toBe(true);
  const urls = parser.parse(xml).urlset.url;
  expect(urls.map((url: { loc: string }) => url.loc)).toEqual([
    'https://news.example.org/world/fresh',
    'https://news.example.org/world/edge',
  ]);
  expect(urls[0]['news:news']).toEqual({
    'news:publication': { 'news:name': 'Gazette & Co', 'news:language': 'en' },
    'news:publication_date': hoursAgo(1),
    'news:title': 'Fresh <news> & more',
  });
});

test('the news sitemap stops at 1,000 stories', () => {
  const stories = Array.from({ length: NEWS_SITEMAP_MAX_URLS + 5 }, (_, i) => ({
    path: `/world/s-${i}`,
    headline: `Story ${i}`,
    firstPublishedAt: hoursAgo(1),
  }));
  expect(parser.parse(buildNewsSitemap(site, stories, now)).urlset.url).toHaveLength(NEWS_SITEMAP_MAX_URLS);
});

test('robots.txt keeps crawlers out of the desk and search, and names both sitemaps', () => {
  const robots = buildRobotsTxt(site);
  expect(robots).toContain('Disallow: /desk\n');
  expect(robots).toContain('Disallow: /search\n');
  expect(robots).toContain('Sitemap: https://news.example.org/sitemap.xml\n');
  expect(robots).toContain('Sitemap: https://news.example.org/news-sitemap.xml\n');
});

test.each([
  ['stories-2026-11.xml', '2026-11'],
  ['stories-2026-01.xml', '2026-01'],
  ['stories-2026-13.xml', null],
  ['stories-2026-1.xml', null],
  ['pages.xml', null],
  ['stories-2026-11.xml.gz', null],
])('sitemap file %s is month %s', (file, month) => {
  expect(parseStorySitemapFile(file)).toBe(month);
});
