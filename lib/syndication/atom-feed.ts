import { absoluteUrl } from '@/lib/public-routes';
import { storyTagUri, type FeedStory, type SiteInfo } from './feed-item';
import { escapeXml, XML_DECLARATION, xmlElement } from './xml';

/** An Atom 1.0 feed of published stories, newest first. */
export function buildAtomFeed(options: {
  site: SiteInfo;
  title: string;
  pagePath: string;
  feedPath: string;
  stories: FeedStory[];
  /** When the feed last changed if it has no stories (Atom requires `updated`). */
  emptyUpdated: string;
}): string {
  const { site, stories } = options;
  const feedUrl = absoluteUrl(site.baseUrl, options.feedPath);
  const updated = stories.reduce(
    (latest, story) => (story.lastPublishedAt > latest ? story.lastPublishedAt : latest),
    stories.length > 0 ? '' : options.emptyUpdated,
  );
  const entries = stories.map((story) => {
    const url = absoluteUrl(site.baseUrl, story.path);
    const authors = story.bylines.length > 0 ? story.bylines : story.agency ? [story.agency] : [];
    return [
      '<entry>',
      xmlElement('id', storyTagUri(site.baseUrl, story.storyId)),
      `<title type="text">${escapeXml(story.headline)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      xmlElement('published', story.firstPublishedAt),
      xmlElement('updated', story.lastPublishedAt),
      ...authors.map((name) => `<author>${xmlElement('name', name)}</author>`),
      `<category term="${escapeXml(story.section.slug)}" label="${escapeXml(story.section.name)}"/>`,
      story.standfirst ? `<summary type="text">${escapeXml(story.standfirst)}</summary>` : '',
      story.bodyHtml ? `<content type="html">${escapeXml(story.bodyHtml)}</content>` : '',
      '</entry>',
    ].join('');
  });
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">`,
    xmlElement('id', feedUrl),
    `<title type="text">${escapeXml(options.title)}</title>`,
    xmlElement('updated', updated),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site.baseUrl, options.pagePath))}"/>`,
    `<author>${xmlElement('name', site.name)}</author>`,
    ...entries,
    '</feed>',
  ].join('\n');
}
