// Cache tags for the public site. Cached pages and data carry them (unstable_cache in
// lib/public/cached.ts); a story's publish, update, unpublish or kill invalidates them.
// Sections and paths are named by slug because pages are looked up by address.

export const PUBLIC_TAGS = {
  /** Home page and the site-wide feeds. */
  front: 'public:front',
  /** Search results (any query). */
  search: 'public:search',
  /** Sitemap index, month sitemaps, pages sitemap, news sitemap. */
  sitemaps: 'public:sitemaps',
  /** The section list (navigation). */
  sections: 'public:sections',
  /** A section's pages and feeds, and related-story lists of its articles. */
  section: (sectionSlug: string) => `public:section:${sectionSlug}`,
  /** An author's pages. */
  author: (userId: number) => `public:author:${userId}`,
  /** Whatever answers at one article address: the article, the 410 notice, or a 404. */
  path: (sectionSlug: string, storySlug: string) => `public:path:${sectionSlug}/${storySlug}`,
} as const;

/** Every tag a change to one story touches, from where it is and was and who wrote it. */
export function tagsForStoryChange(change: {
  paths: { sectionSlug: string; slug: string }[];
  authorIds: number[];
}): string[] {
  const tags = new Set<string>([PUBLIC_TAGS.front, PUBLIC_TAGS.search, PUBLIC_TAGS.sitemaps]);
  for (const path of change.paths) {
    tags.add(PUBLIC_TAGS.path(path.sectionSlug, path.slug));
    tags.add(PUBLIC_TAGS.section(path.sectionSlug));
  }
  for (const id of change.authorIds) tags.add(PUBLIC_TAGS.author(id));
  return [...tags].sort();
}
