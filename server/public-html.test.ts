import { expect, test } from 'vitest';
import { pageTags, publicPageRequest, stripScripts } from './public-html.mjs';

test.each([
  ['/', ['public:sections', 'public:front']],
  ['/search', ['public:sections', 'public:search']],
  ['/world', ['public:sections', 'public:section:world']],
  ['/world/page/3', ['public:sections', 'public:section:world']],
  ['/world/harbour-plan', ['public:sections', 'public:path:world/harbour-plan', 'public:section:world']],
  ['/authors/12-riya-kapoor', ['public:sections', 'public:author:12']],
  ['/authors/12-riya-kapoor/page/2', ['public:sections', 'public:author:12']],
])('%s depends on %o', (path, tags) => {
  expect(pageTags(path)).toEqual(tags);
});

test.each([['/authors'], ['/preview'], ['/a/b/c'], ['/World/Upper'], ['/readyz'], ['/sitemaps']])(
  '%s is no page the cache keeps',
  (path) => {
    expect(pageTags(path)).toBeNull();
  },
);

test('only GET and HEAD of reader pages are answered by the cache; each page is kept under one key', () => {
  expect(publicPageRequest('GET', '/world/harbour-plan')).toMatchObject({ key: '/world/harbour-plan' });
  expect(publicPageRequest('HEAD', '/')).toMatchObject({ key: '/' });
  for (const [method, url] of [
    ['POST', '/'],
    ['GET', '/desk'],
    ['GET', '/login'],
    ['GET', '/preview/3'],
    ['GET', '/api/wire/latest'],
    ['GET', '/feed.xml'],
    ['GET', '/media/abc'],
    // The client router's payload requests are not HTML.
    ['GET', '/world?_rsc=1x2y'],
  ] as const) {
    expect(publicPageRequest(method, url), `${method} ${url}`).toBeNull();
  }
  for (const header of ['rsc', 'next-router-prefetch', 'next-router-state-tree']) {
    expect(publicPageRequest('GET', '/world', { [header]: '1' }), header).toBeNull();
  }
  // Pages read no query string: tracking parameters are the same page, kept once.
  expect(publicPageRequest('GET', '/world?utm_source=x')?.key).toBe('/world');
  expect(publicPageRequest('GET', '/world/harbour-plan?fbclid=abc&utm_medium=social')?.key).toBe('/world/harbour-plan');
});

test('searches are kept per query and page exactly as the page reads them', () => {
  expect(publicPageRequest('GET', '/search?q=%20harbour%20plan%20')?.key).toBe('/search?q=harbour%20plan&page=1');
  expect(publicPageRequest('GET', '/search?q=harbour+plan&page=2')?.key).toBe('/search?q=harbour%20plan&page=2');
  expect(publicPageRequest('GET', '/search?q=harbour&utm_source=x')?.key).toBe('/search?q=harbour&page=1');
  expect(publicPageRequest('GET', '/search')?.key).toBe('/search?q=&page=1');
  // Whitespace inside the query is shown back to the reader as typed: not folded together.
  expect(publicPageRequest('GET', '/search?q=harbour%20%20plan')?.key).toBe('/search?q=harbour%20%20plan&page=1');
  // Requests the page would read as another search are made script-free but not kept,
  // or they could leave their page under a real search's key.
  for (const url of [
    '/search?q=a&q=b',
    '/search?q=x&page=1&page=2',
    '/search?q=x&page=zero',
    `/search?q=${'a'.repeat(201)}`,
  ]) {
    expect(publicPageRequest('GET', url), url).toMatchObject({ key: null, path: '/search' });
  }
});

test('a public address that is no page the cache keeps is still made script-free, under no key', () => {
  for (const path of ['/authors', '/a/b/c', '/World/Upper']) {
    expect(publicPageRequest('GET', path), path).toEqual({ key: null, path, tags: [] });
  }
});

test('scripts and script preloads go; JSON-LD, styles and the page stay', () => {
  const html =
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/>' +
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/x.js"/>' +
    '<link rel="modulepreload" href="/m.js"/><link rel="preload" as="image" href="/i.webp"/>' +
    '<script src="/_next/a.js" async=""></script><title>T</title></head><body><h1>Story</h1>' +
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
    '<script id="_R_">self.__next_r="x"</script><script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
    '<SCRIPT>alert(1)</SCRIPT ></body></html>';
  expect(stripScripts(html)).toBe(
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/>' +
      '<link rel="preload" as="image" href="/i.webp"/><title>T</title></head><body><h1>Story</h1>' +
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script></body></html>',
  );
});

test('a page whose content a script would still have to reveal is never made script-free', () => {
  expect(
    stripScripts('<body><div hidden id="S:0"><p>Late</p></div><script>$RC("B:0","S:0")</script></body>'),
  ).toBeNull();
});
