import { expect, test } from 'vitest';
import { buildArticleJsonLd, serializeJsonLd, type JsonLdArticle } from './article-json-ld';

const site = { name: 'Gazette', baseUrl: 'https://news.example.org' };
const article: JsonLdArticle = {
  headline: 'Quake shakes the capital',
  standfirst: 'Buildings swayed.',
  path: '/world/quake-shakes-the-capital',
  section: { name: 'World' },
  bylines: [{ id: 12, name: 'Ana Ruiz' }],
  agency: 'AFP',
  dateline: 'PARIS',
  firstPublishedAt: '2026-11-28T14:05:00.000Z',
  lastPublishedAt: '2026-11-28T15:00:00.000Z',
};

test('NewsArticle carries headline, dates, authors with their pages, section, publisher and source', () => {
  expect(buildArticleJsonLd(article, site)).toEqual({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/world/quake-shakes-the-capital' },
    url: 'https://news.example.org/world/quake-shakes-the-capital',
    headline: 'Quake shakes the capital',
    description: 'Buildings swayed.',
    datePublished: '2026-11-28T14:05:00.000Z',
    dateModified: '2026-11-28T15:00:00.000Z',
    articleSection: 'World',
    dateline: 'PARIS',
    author: [{ '@type': 'Person', name: 'Ana Ruiz', url: 'https://news.example.org/authors/12-ana-ruiz' }],
    publisher: { '@type': 'Organization', name: 'Gazette', url: 'https://news.example.org' },
    sourceOrganization: { '@type': 'Organization', name: 'AFP' },
  });
});

test('agency copy without a staff byline is authored by the agency; images appear when there are some', () => {
  const data = buildArticleJsonLd({ ...article, bylines: [], images: ['https://news.example.org/a.jpg'] }, site);
  expect(data.author).toEqual([{ '@type': 'Organization', name: 'AFP' }]);
  expect(data.image).toEqual(['https://news.example.org/a.jpg']);
  expect(buildArticleJsonLd(article, site)).not.toHaveProperty('image');
});

test('serialized JSON-LD cannot close its script element, and still parses to the same data', () => {
  const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
  const json = serializeJsonLd(data);
  expect(json).not.toMatch(/[<>]/);
  expect(json).not.toContain('\u2028');
  expect(JSON.parse(json)).toEqual(data);
});
