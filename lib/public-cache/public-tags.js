// Cache tags for the public site. Cached pages and data carry them (unstable_cache in
// lib/public/cached.ts, the production server's page cache in server/public-page-cache.mjs);
// a story's publish, update, unpublish or kill invalidates them. Sections and paths are
// named by slug because pages are looked up by address. Plain JavaScript: the server,
// which Node.js runs directly, derives a page's tags from its address with these.

export const PUBLIC_TAGS = Object.freeze({
  /** Home page and the site-wide feeds. */
  front: 'public:front',
  /** Search results (any query). */
  search: 'public:search',
  /** Sitemap index, month sitemaps, pages sitemap, news sitemap. */
  sitemaps: 'public:sitemaps',
  /** The section list (navigation). */
  sections: 'public:sections',
  /**
   * A section's pages and feeds, and related-story lists of its articles.
   * @param {string} sectionSlug
   */
  section: (sectionSlug) => `public:section:${sectionSlug}`,
  /**
   * An author's pages.
   * @param {number} userId
   */
  author: (userId) => `public:author:${userId}`,
  /**
   * Whatever answers at one article address: the article, the 410 notice, or a 404.
   * @param {string} sectionSlug
   * @param {string} storySlug
   */
  path: (sectionSlug, storySlug) => `public:path:${sectionSlug}/${storySlug}`,
});

/**
 * Every tag a change to one story touches, from where it is and was and who wrote it.
 * @param {{ paths: { sectionSlug: string, slug: string }[], authorIds: number[] }} change
 * @returns {string[]}
 */
export function tagsForStoryChange(change) {
  const tags = new Set([PUBLIC_TAGS.front, PUBLIC_TAGS.search, PUBLIC_TAGS.sitemaps]);
  for (const path of change.paths) {
    tags.add(PUBLIC_TAGS.path(path.sectionSlug, path.slug));
    tags.add(PUBLIC_TAGS.section(path.sectionSlug));
  }
  for (const id of change.authorIds) tags.add(PUBLIC_TAGS.author(id));
  return [...tags].sort();
}
