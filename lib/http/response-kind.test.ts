import { expect, test } from 'vitest';
import { responseKind } from './response-kind.js';

test.each([
  ['/desk', 'app'],
  ['/desk/stories/12', 'app'],
  ['/desk/account', 'app'],
  ['/login', 'app'],
  ['/preview/7', 'app'],
  ['/', 'public'],
  ['/world', 'public'],
  ['/world/page/2', 'public'],
  ['/world/harbour-plan-approved', 'public'],
  ['/authors/3-riya-kapoor', 'public'],
  ['/search', 'public'],
  ['/no-such-page', 'public'],
  ['/desk/wire/5/raw', 'resource'],
  ['/api/stories/1/save', 'resource'],
  ['/api/auth/session', 'resource'],
  ['/media/abc', 'resource'],
  ['/media/abc/640', 'resource'],
  ['/feed.xml', 'resource'],
  ['/world/feed.xml', 'resource'],
  ['/sitemaps/2026-11.xml', 'resource'],
  ['/robots.txt', 'resource'],
  ['/_next/static/chunks/app.js', 'resource'],
  ['/favicon.svg', 'resource'],
] as const)('%s is answered as %s', (path, kind) => {
  expect(responseKind(path)).toBe(kind);
});
