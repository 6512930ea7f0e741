import { absoluteUrl } from '@/lib/public-routes';
import { formatByline } from '@/lib/byline';
import { storyTagUri, type FeedStory, type SiteInfo } from './feed-item';
import { escapeXml, XML_DECLARATION, xmlElement } from './xml';

/** RFC 822 dates, as RSS 2.0 requires ("Sat, 28 Nov 2026 14:05:00 GMT"). */
export function toRfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/**
 * An RSS 2.0 feed of published stories, newest first, with absolute links, the standfirst
 * as description and the sanitized body as content:encoded.
 */
export function buildRssFeed(options: {
  site: SiteInfo;
  title: string;
  description: string;
  /** Site-relative address of the page this feed mirrors (/ or /world). */
  pagePath: string;
  /** Site-relative address of the feed itself. */
  feedPath: string;
  stories: FeedStory[];
}): string {
  const { site, stories } = options;
  const newest = stories[0]?.lastPublishedAt;
  const items = stories.map((story) => {
    const byline = formatByline(story.bylines, story.agency);
    return [
      '<item>',
      xmlElement('title', story.headline),
      xmlElement('link', absoluteUrl(site.baseUrl, story.path)),
      `<guid isPermaLink="false">${escapeXml(storyTagUri(site.baseUrl, story.storyId))}</guid>`,
      xmlElement('pubDate', toRfc822(story.firstPublishedAt)),
      xmlElement('category', story.section.name),
      byline ? xmlElement('dc:creator', byline) : '',
      story.standfirst ? xmlElement('description', story.standfirst) : '',
      story.bodyHtml ? xmlElement('content:encoded', story.bodyHtml) : '',
      '</item>',
    ].join('');
  });
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    xmlElement('title', options.title),
    xmlElement('link', absoluteUrl(site.baseUrl, options.pagePath)),
    xmlElement('description', options.description),
    xmlElement('language', site.language),
    `<atom:link href="${escapeXml(absoluteUrl(site.baseUrl, options.feedPath))}" rel="self" type="application/rss+xml"/>`,
    newest ? xmlElement('lastBuildDate', toRfc822(newest)) : '',
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}
