import { finalizeWireItem, itemWarnings, makeRendition, parseCount } from '../build-item';
import { parseWireDate } from '../dates';
import { isPageFurniture, isRelatedLink } from '../page-furniture';
import { WireParseError } from '../errors';
import { assertItemCount } from '../limits';
import { looksLikeMarkup, reduceHtml, reduceToBlocks, textOf } from '../html-blocks';
import { cleanText, splitParagraphs } from '../text';
import type { WarningCollector } from '../warnings';
import type { BodyBlock, Rendition, WireItem } from '../wire-item';
import {
  attr,
  childElement,
  childElements,
  findElement,
  findElements,
  parseMarkup,
  rootElement,
  textContent,
  type XmlElement,
} from '../xml';

/*
 * RSS 2.0 (and RSS 1.0/RDF) and Atom: one WireItem per item or entry. Agencies often put
 * the real story in an extension element (content:encoded, WENN's wenn_cm:body) and a
 * placeholder or teaser in the standard one, so every body candidate is read and the
 * longest wins.
 */

type BodyCandidate = { element: XmlElement; html: boolean };

function isExtension(element: XmlElement): boolean {
  const colon = element.qname.indexOf(':');
  return colon !== -1 && element.qname.slice(0, colon).toLowerCase() !== 'atom';
}

function candidateText(candidate: BodyCandidate): string {
  return textContent(candidate.element);
}

function readCandidate(candidate: BodyCandidate, warnings: WarningCollector): BodyBlock[] {
  const { element } = candidate;
  if (element.children.some((child) => typeof child !== 'string')) {
    // Inline XHTML (Atom type="xhtml", or unescaped markup in a description).
    return reduceToBlocks(element, { warnings }).blocks;
  }
  const text = candidateText(candidate);
  if (candidate.html || looksLikeMarkup(text)) return reduceHtml(text, { warnings }).blocks;
  return splitParagraphs(text).map((paragraph) => ({ type: 'paragraph' as const, text: paragraph }));
}

function pickBody(candidates: BodyCandidate[], warnings: WarningCollector): BodyBlock[] {
  let best: BodyBlock[] = [];
  let bestLength = -1;
  for (const candidate of candidates) {
    const blocks = readCandidate(candidate, warnings).filter(
      (block) => !isPageFurniture(block.text) && !isRelatedLink(block.text),
    );
    const length = blocks.reduce((sum, block) => sum + block.text.length, 0);
    if (length > bestLength) {
      best = blocks;
      bestLength = length;
    }
  }
  return best;
}

function readMedia(item: XmlElement): { renditions: Rendition[]; credit: string | null } {
  const renditions: Rendition[] = [];
  let credit: string | null = null;
  for (const media of findElements(item, ['content', 'enclosure']).filter(
    (element) => isExtension(element) || element.name === 'enclosure',
  )) {
    const href = attr(media, 'url') ?? attr(media, 'href');
    if (!href) continue;
    renditions.push(
      makeRendition({
        rendition: attr(media, 'medium') ?? media.name,
        href,
        contentType: attr(media, 'type'),
        width: parseCount(attr(media, 'width')),
        height: parseCount(attr(media, 'height')),
        sizeBytes: parseCount(attr(media, 'filesize') ?? attr(media, 'length')),
        durationSeconds: parseCount(attr(media, 'duration')),
      }),
    );
    credit ??= textOf(findElement(media, 'credit'));
  }
  credit ??= textOf(childElement(item, 'credit'));
  return { renditions, credit };
}

const STANDARD_RSS = new Set([
  'title',
  'link',
  'description',
  'guid',
  'pubdate',
  'category',
  'author',
  'comments',
  'source',
  'enclosure',
]);

function extensionBodies(item: XmlElement): BodyCandidate[] {
  return findElements(item, ['encoded', 'body', 'fulltext', 'full-text', 'story'])
    .filter((element) => isExtension(element) || !STANDARD_RSS.has(element.name))
    .map((element) => ({ element, html: element.name === 'encoded' }));
}

function firstLine(item: XmlElement): BodyBlock[] {
  const line = findElements(item, ['first_line', 'firstline', 'lede']).find(isExtension);
  const text = textOf(line);
  return text ? [{ type: 'paragraph', text }] : [];
}

// Feed-level facts, read once: scanning the channel per item would be quadratic on big feeds.
type FeedContext = { title: string | null; author: string | null; language: string | null };

function readRssItem(item: XmlElement, feed: FeedContext, fileWarnings: WarningCollector): WireItem {
  const warnings = itemWarnings(fileWarnings);
  const link = textOf(childElement(item, 'link'));
  const { renditions, credit } = readMedia(item);
  const candidates: BodyCandidate[] = [
    ...childElements(item, 'description').map((element) => ({ element, html: true })),
    ...extensionBodies(item),
  ];
  const published = textOf(childElement(item, 'pubdate')) ?? textOf(childElement(item, 'date'));
  const language =
    childElements(item, 'language')
      .map((element) => textOf(element))
      .find(Boolean) ?? feed.language;
  return finalizeWireItem(
    {
      format: 'rss',
      guid: textOf(childElement(item, 'guid')) ?? link,
      headline: textOf(childElement(item, 'title')),
      byline: textOf(childElement(item, 'creator')) ?? textOf(childElement(item, 'author')),
      language,
      keywords: childElements(item, 'category').map((category) => textOf(category)),
      firstCreated: parseWireDate(published, warnings),
      versionCreated: parseWireDate(
        textOf(childElement(item, 'updated')) ?? textOf(childElement(item, 'modified')) ?? published,
        warnings,
      ),
      imageCredit: credit,
      body: [...firstLine(item), ...pickBody(candidates, warnings)],
      slugline: textOf(findElements(item, ['slug']).find(isExtension)),
      section: textOf(findElements(item, ['section', 'feedarticle_section']).find(isExtension)),
      renditions,
      url: link,
      itemClass: 'text',
    },
    {
      warnings,
      preferDatelineAgency: true,
      agencyCandidates: [textOf(childElement(item, 'source')), feed.title],
    },
  );
}

function atomText(element: XmlElement | undefined, warnings: WarningCollector): string | null {
  if (!element) return null;
  if (attr(element, 'type') === 'html') {
    const text = textContent(element);
    if (!looksLikeMarkup(text)) return cleanText(text);
    return cleanText(
      reduceHtml(text, { warnings })
        .blocks.map((block) => block.text)
        .join(' '),
    );
  }
  return textOf(element);
}

function readAtomEntry(entry: XmlElement, feed: FeedContext, fileWarnings: WarningCollector): WireItem {
  const warnings = itemWarnings(fileWarnings);
  const links = childElements(entry, 'link');
  const alternate = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate');
  const candidates: BodyCandidate[] = [...childElements(entry, 'content'), ...childElements(entry, 'summary')]
    .filter((element) => !attr(element, 'src'))
    .map((element) => ({ element, html: attr(element, 'type') === 'html' }));
  candidates.push(...extensionBodies(entry));
  const metadataLanguage = findElements(entry, ['contentmetadata', 'metadata'])
    .map((element) => attr(element, 'lang'))
    .find(Boolean);
  const enclosures = links
    .filter((link) => attr(link, 'rel') === 'enclosure')
    .map((link) =>
      makeRendition({
        rendition: 'enclosure',
        href: attr(link, 'href'),
        contentType: attr(link, 'type'),
        sizeBytes: parseCount(attr(link, 'length')),
      }),
    );
  const media = readMedia(entry);
  return finalizeWireItem(
    {
      format: 'atom',
      guid: textOf(childElement(entry, 'id')) ?? attr(alternate, 'href'),
      headline: atomText(childElement(entry, 'title'), warnings),
      byline: textOf(childElement(childElement(entry, 'author'), 'name')),
      language: metadataLanguage ?? attr(entry, 'lang') ?? feed.language,
      keywords: childElements(entry, 'category').map((category) => attr(category, 'label') ?? attr(category, 'term')),
      firstCreated: parseWireDate(
        textOf(childElement(entry, 'published')) ?? textOf(findElements(entry, ['published']).find(isExtension)),
        warnings,
      ),
      versionCreated: parseWireDate(textOf(childElement(entry, 'updated')), warnings),
      body: [...firstLine(entry), ...pickBody(candidates, warnings)],
      slugline: textOf(findElements(entry, ['slug']).find(isExtension)),
      section: textOf(findElements(entry, ['feedarticle_section', 'section']).find(isExtension)),
      renditions: [...enclosures, ...media.renditions],
      imageCredit: media.credit,
      url: attr(alternate, 'href'),
      itemClass: 'text',
    },
    {
      warnings,
      preferDatelineAgency: true,
      agencyCandidates: [textOf(childElement(childElement(entry, 'author'), 'name')), feed.title, feed.author],
    },
  );
}

/** Parses an RSS 2.0 / RSS 1.0 feed or an Atom feed: one WireItem per item or entry. */
export function parseFeed(text: string, fileWarnings: WarningCollector): { format: 'rss' | 'atom'; items: WireItem[] } {
  const document = parseMarkup(text, { mode: 'xml', warnings: fileWarnings });
  const root = rootElement(document);
  if (root?.name === 'feed') {
    const entries = childElements(root, 'entry');
    if (entries.length === 0) throw new WireParseError('The Atom feed has no entries');
    assertItemCount(entries.length, 'Atom feed');
    const feed: FeedContext = {
      title: textOf(childElement(root, 'title')),
      author: textOf(childElement(childElement(root, 'author'), 'name')),
      language: attr(root, 'lang') ?? null,
    };
    return { format: 'atom', items: entries.map((entry) => readAtomEntry(entry, feed, fileWarnings)) };
  }
  if (root?.name === 'rss' || root?.name === 'rdf') {
    const channel = childElement(root, 'channel');
    const items = [...childElements(channel, 'item'), ...childElements(root, 'item')];
    if (items.length === 0) throw new WireParseError('The RSS feed has no items');
    assertItemCount(items.length, 'RSS feed');
    const feed: FeedContext = {
      title: textOf(childElement(channel, 'title')),
      author: textOf(childElement(channel, 'managingeditor')),
      language:
        childElements(channel, 'language')
          .map((element) => textOf(element))
          .find(Boolean) ?? null,
    };
    return { format: 'rss', items: items.map((item) => readRssItem(item, feed, fileWarnings)) };
  }
  throw new WireParseError('Not a feed: the root element is neither <rss> nor <feed>');
}
