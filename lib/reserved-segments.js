// Plain JavaScript: lib/public-routes.ts and the production server's page cache share it.

/**
 * First path segments the application uses itself. A section with one of these slugs
 * would be unreachable (the fixed route wins) or would swallow the fixed route, so
 * section slugs are checked against this list and proxy.ts never treats them as sections.
 */
export const RESERVED_TOP_LEVEL_SEGMENTS = Object.freeze([
  '_next',
  'api',
  'atom.xml',
  'authors',
  'desk',
  'favicon.ico',
  'favicon.svg',
  'feed.xml',
  'healthz',
  'login',
  'media',
  'news-sitemap.xml',
  'preview',
  'readyz',
  'robots.txt',
  'search',
  'sitemap.xml',
  'sitemaps',
]);

const RESERVED = new Set(RESERVED_TOP_LEVEL_SEGMENTS);

/**
 * Whether a first path segment belongs to the application rather than to a section.
 * @param {string} segment
 * @returns {boolean}
 */
export function isReservedSegment(segment) {
  return RESERVED.has(segment);
}
