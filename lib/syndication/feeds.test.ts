import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { buildAtomFeed } from './atom-feed';
import { storyTagUri, type FeedStory, type SiteInfo } from './feed-item';
import { buildRssFeed, toRfc822 } from './rss-feed';
import { escapeXml } from './xml';

const site: SiteInfo = { name: 'The Harbour & Hill <Gazette>', baseUrl: 'https://news.example.org', language: 'en' };

function story(overrides: Partial<FeedStory> = {}): FeedStory {
  return {
    storyId: 7,
    headline: 'Quake shakes the capital',
    standfirst: 'Buildings swayed for twenty seconds.',
    path: '/world/quake-shakes-the-capital',
    section: { slug: 'world', name: 'World' },
    bylines: ['Ana Ruiz', 'Tom Berg'],
    agency: 'AFP',
    firstPublishedAt: '2026-11-28T14:05:00.000Z',
    lastPublishedAt: '2026-11-28T15:00:00.000Z',
    bodyHtml: '<p>The <strong>first</strong> tremor came at dawn.</p>',
    ...overrides,
  };
}

// Markup, entities, a CDATA terminator, an XML-illegal control character and a lone surrogate.
const hostile = story({
  storyId: 8,
  headline: 'Tom & Jerry <script>alert(1)</script> ]]> "quoted" \u000b\ud800 end',
  standfirst: 'a < b && c > d',
  bylines: ['O’Brien & <Sons>'],
  agency: null,
});

const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false });

test('escapeXml escapes markup and drops characters XML 1.0 cannot carry', () => {
  expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  expect(escapeXml('tab\tnew\nline\u0000\u0008\u000b\u000c\u001f\ufffe\uffff')).toBe('tab\tnew\nline');
  expect(escapeXml('lone \ud800 high, lone \udc00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀');
});

test('the RSS feed is well-formed RSS 2.0 with absolute links, stable guids and RFC 822 dates', () => {
  const xml = buildRssFeed({
    site,
    title: site.name,
    description: 'Latest stories',
    pagePath: '/',
    feedPath: '/feed.xml',
    stories: [story(), hostile],
  });
  expect(XMLValidator.validate(xml)).toBe(true);
  const channel = parser.parse(xml).rss.channel;
  expect(channel.title).toBe('The Harbour & Hill <Gazette>');
  expect(channel.link).toBe('https://news.example.org/');
  expect(channel['atom:link']['@_href']).toBe('https://news.example.org/feed.xml');
  expect(channel.lastBuildDate).toBe('Sat, 28 Nov 2026 15:00:00 GMT');
  const [first, second] = channel.item;
  expect(first.link).toBe('https://news.example.org/world/quake-shakes-the-capital');
  expect(first.guid['#text']).toBe('tag:news.example.org,2024:story:7');
  expect(first.guid['@_isPermaLink']).toBe('false');
  expect(first.pubDate).toBe('Sat, 28 Nov 2026 14:05:00 GMT');
  expect(first['dc:creator']).toBe('By Ana Ruiz and Tom Berg, with AFP');
  expect(first['content:encoded']).toBe('<p>The <strong>first</strong> tremor came at dawn.</p>');
  expect(second.title).toBe('Tom & Jerry <script>alert(1)</script> ]]> "quoted"  end');
  expect(second.description).toBe('a < b && c > d');
  expect(xml).not.toContain('<script>');
});

test('the Atom feed is well-formed Atom 1.0, updated when its newest story was', () => {
  const older = story({ storyId: 3, lastPublishedAt: '2026-11-29T09:00:00.000Z' });
  const xml = buildAtomFeed({
    site,
    title: 'World',
    pagePath: '/world',
    feedPath: '/world/atom.xml',
    stories: [story(), older, hostile],
    emptyUpdated: '2026-01-01T00:00:00.000Z',
  });
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = parser.parse(xml).feed;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toBe('https://news.example.org/world/atom.xml');
  expect(feed.updated).toBe('2026-11-29T09:00:00.000Z');
  const [entry, , agencyless] = feed.entry;
  expect(entry.id).toBe(storyTagUri(site.baseUrl, 7));
  expect(entry.link['@_href']).toBe('https://news.example.org/world/quake-shakes-the-capital');
  expect(entry.author.map((author: { name: string }) => author.name)).toEqual(['Ana Ruiz', 'Tom Berg']);
  expect(entry.content['#text']).toBe('<p>The <strong>first</strong> tremor came at dawn.</p>');
  expect(agencyless.author.name).toBe('O’Brien & <Sons>');
});

test('an empty feed is still valid (Atom needs an updated date, RSS no items)', () => {
  const atom = buildAtomFeed({
    site,
    title: 'Empty',
    pagePath: '/',
    feedPath: '/atom.xml',
    stories: [],
    emptyUpdated: '2026-01-01T00:00:00.000Z',
  });
  expect(XMLValidator.validate(atom)).toBe(true);
  expect(parser.parse(atom).feed.updated).toBe('2026-01-01T00:00:00.000Z');
  const rss = buildRssFeed({
    site,
    title: 'Empty',
    description: 'd',
    pagePath: '/',
    feedPath: '/feed.xml',
    stories: [],
  });
  expect(XMLValidator.validate(rss)).toBe(true);
  expect(parser.parse(rss).rss.channel.item).toBeUndefined();
});

test('toRfc822 gives RSS dates in GMT', () => {
  expect(toRfc822('2026-02-03T04:05:06.000Z')).toBe('Tue, 03 Feb 2026 04:05:06 GMT');
});
