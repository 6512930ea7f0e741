/** One published story as feeds and sitemaps need it (JSON-safe: dates are ISO strings). */
export type FeedStory = {
  storyId: number;
  headline: string;
  standfirst: string;
  /** Site-relative address, e.g. /world/quake-shakes-the-capital. */
  path: string;
  section: { slug: string; name: string };
  bylines: string[];
  agency: string | null;
  firstPublishedAt: string;
  lastPublishedAt: string;
  /** The body as sanitized HTML (renderStoryBody), for readers that show full text. */
  bodyHtml?: string;
};

/** What every feed and sitemap needs to know about the site. */
export type SiteInfo = { name: string; baseUrl: string; language: string };

/**
 * A permanent, globally unique id for a story (RSS guid, Atom id): unlike its URL it
 * survives a slug or section change, so readers do not see a moved story twice.
 */
export function storyTagUri(baseUrl: string, storyId: number): string {
  const host = new URL(baseUrl).hostname;
  return `tag:${host},2024:story:${storyId}`;
}
