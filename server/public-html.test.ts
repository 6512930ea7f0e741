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

test('only GET and HEAD of reader pages are answered from the cache, under one key per page', () => {
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
    // A query string the page does not read is not a new page to keep.
    ['GET', '/world?utm_source=x'],
    ['GET', '/search?q=x&extra=1'],
    ['GET', '/search?q=x&page=zero'],
  ] as const) {
    expect(publicPageRequest(method, url), `${method} ${url}`).toBeNull();
  }
  // Searches are kept per query (normalized) and page.
  expect(publicPageRequest('GET', '/search?q=%20harbour%20%20plan')?.key).toBe('/search?q=harbour%20plan&page=1');
  expect(publicPageRequest('GET', '/search?q=harbour+plan&page=2')?.key).toBe('/search?q=harbour%20plan&page=2');
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
