import { expect, test } from 'vitest';
import { checkNewsArticle } from '@/test/schema-org';
import { buildArticleJsonLd, serializeJsonLd, type JsonLdArticle } from './article-json-ld';

const site = { name: 'Gazette', baseUrl: 'https://news.example.org' };
const logo = { '@type': 'ImageObject', url: 'https://news.example.org/wiredesk-logo.png', width: 512, height: 512 };
const photo = {
  mediaId: 'abcdefghijklmnopqrstuvwxyz',
  width: 1600,
  height: 900,
  caption: 'The quay at dawn',
  credit: 'Wiredesk demo image (CC0)',
};
const article: JsonLdArticle = {
  headline: 'Quake shakes the capital',
  description: 'Buildings swayed.',
  path: '/world/quake-shakes-the-capital',
  section: { name: 'World' },
  bylines: [{ id: 12, name: 'Ana Ruiz' }],
  agency: 'AFP',
  dateline: 'PARIS',
  firstPublishedAt: '2026-11-28T14:05:00.000Z',
  lastPublishedAt: '2026-11-28T15:00:00.000Z',
  images: [photo],
};

test('NewsArticle carries headline, description, image with its size, dates, authors with their pages, section, publisher with logo and source', () => {
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
    // The 1280-pixel variant, at the size sharp makes it (never enlarged).
    image: [
      {
        '@type': 'ImageObject',
        url: 'https://news.example.org/media/abcdefghijklmnopqrstuvwxyz/w1280',
        width: 1280,
        height: 720,
        caption: 'The quay at dawn',
        creditText: 'Wiredesk demo image (CC0)',
      },
    ],
    publisher: { '@type': 'Organization', name: 'Gazette', url: 'https://news.example.org', logo },
    sourceOrganization: { '@type': 'Organization', name: 'AFP' },
  });
});

test('the JSON-LD of an article with a picture is a valid schema.org NewsArticle', () => {
  expect(checkNewsArticle(buildArticleJsonLd(article, site))).toEqual([]);
  const corrected = { ...article, corrections: [{ text: 'Fixed a name.', publishedAt: '2026-11-28T16:00:00.000Z' }] };
  expect(checkNewsArticle(buildArticleJsonLd(corrected, site))).toEqual([]);
});

test('the shape checker catches what search engines would reject', () => {
  const good = buildArticleJsonLd(article, site);
  const withoutSize = { ...good, image: [{ '@type': 'ImageObject', url: 'https://news.example.org/a.jpg' }] };
  expect(checkNewsArticle(withoutSize)).toEqual([
    'NewsArticle.image[0].width: missing (required on ImageObject)',
    'NewsArticle.image[0].height: missing (required on ImageObject)',
  ]);
  const anonymous = { ...good, author: [{ '@type': 'Person', name: 'Ana Ruiz' }] };
  expect(checkNewsArticle(anonymous)).toEqual(['NewsArticle.author[0].url: missing (required on Person)']);
  const noLogo = { ...good, publisher: { '@type': 'Organization', name: 'Gazette' } };
  expect(checkNewsArticle(noLogo)).toEqual(['NewsArticle.publisher.logo: missing']);
  const { dateModified: _dropped, ...undated } = good;
  expect(checkNewsArticle(undated)).toEqual(['NewsArticle.dateModified: missing (required on NewsArticle)']);
  expect(checkNewsArticle({ ...good, headline: 'x'.repeat(111) })).toEqual([
    'NewsArticle.headline: 111 characters, at most 110',
  ]);
  expect(checkNewsArticle({ ...good, datePublished: '28/11/2026' })).toEqual([
    'NewsArticle.datePublished: expected an ISO 8601 date-time',
  ]);
});

test('agency copy without a staff byline is authored by the agency; an article without pictures has no image', () => {
  const data = buildArticleJsonLd({ ...article, bylines: [] }, site);
  expect(data.author).toEqual([{ '@type': 'Organization', name: 'AFP' }]);
  const plain = buildArticleJsonLd({ ...article, images: [] }, site);
  expect(plain).not.toHaveProperty('image');
  expect(checkNewsArticle(plain)).toEqual(['NewsArticle.image: missing (required on NewsArticle)']);
});

test('an image narrower than the search variant is given at its own size', () => {
  const small = buildArticleJsonLd({ ...article, images: [{ ...photo, width: 800, height: 533 }] }, site);
  expect(small.image).toEqual([expect.objectContaining({ width: 800, height: 533 })]);
});

test('serialized JSON-LD cannot close its script element, and still parses to the same data', () => {
  const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
  const json = serializeJsonLd(data);
  expect(json).not.toMatch(/[<>]/);
  expect(json).not.toContain('\u2028');
  expect(JSON.parse(json)).toEqual(data);
});
