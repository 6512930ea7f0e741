import { findAgencyInId } from '../agency';
import {
  finalizeWireItem,
  itemWarnings,
  makeRendition,
  mapPubStatus,
  normalizeItemClass,
  parseCount,
  parseUrgency,
  parseVersion,
  type WireItemDraft,
} from '../build-item';
import { parseWireDate } from '../dates';
import { parseDatelineText } from '../dateline';
import { WireParseError } from '../errors';
import { assertItemCount } from '../limits';
import { looksLikeMarkup, reduceHtml, reduceToBlocks, textOf, visibleText } from '../html-blocks';
import { cleanText, quoteForMessage, splitParagraphs } from '../text';
import type { WarningCollector } from '../warnings';
import type { BodyBlock, RoleText, Subject, WireItem } from '../wire-item';
import {
  attr,
  childElement,
  childElements,
  findElement,
  parseMarkup,
  rootElement,
  textContent,
  type XmlElement,
} from '../xml';
import { readNitf, type NitfFields } from './nitf';

const SUB_HEADLINE_ROLE = /sub/i;
const TEASER_ROLE = /teaser|summary|abstract/i;

function qcodeOrLiteral(element: XmlElement | undefined): string | null {
  return cleanText(attr(element, 'qcode') ?? attr(element, 'literal') ?? attr(element, 'uri'));
}

// A concept's display name: the one in the item's language, else one without a special
// role (dpa adds mnemonic and short names), else the first.
function conceptName(element: XmlElement, language: string | null): string | null {
  const names = childElements(element, 'name');
  const primary = language?.split('-')[0];
  const pick =
    names.find((name) => primary && attr(name, 'lang')?.startsWith(primary) && !attr(name, 'role')) ??
    names.find((name) => !attr(name, 'role')) ??
    names[0];
  return textOf(pick);
}

function readSubjects(contentMeta: XmlElement | undefined, tag: string, language: string | null): Subject[] {
  return childElements(contentMeta, tag).flatMap((subject) => {
    // Points of interest (dpa's addresses) are places, not what the story is about.
    if (attr(subject, 'type') === 'cpnat:poi') return [];
    const code = qcodeOrLiteral(subject);
    return code ? [{ code, name: conceptName(subject, language) }] : [];
  });
}

function readEditorialNotes(itemMeta: XmlElement | undefined): RoleText[] {
  return childElements(itemMeta, 'ednote').flatMap((note) => {
    // Non-public notes (dpa's contacts) never leave the desk metadata; structured notepads
    // (XHTML inside the note) duplicate the plain notes next to them.
    if (/nonpublic|private/i.test(`${attr(note, 'pubconstraint') ?? ''} ${attr(note, 'role') ?? ''}`)) return [];
    if (note.children.some((child) => typeof child !== 'string')) return [];
    const text = cleanText(textContent(note));
    return text ? [{ role: attr(note, 'role') ?? null, text }] : [];
  });
}

function readBody(
  contentSet: XmlElement | undefined,
  warnings: WarningCollector,
): { blocks: BodyBlock[]; nitf?: NitfFields; teaser?: string; kicker?: string } {
  const inlineXml = childElements(contentSet, 'inlinexml');
  for (const inline of inlineXml) {
    const nitf = findElement(inline, 'nitf');
    if (nitf) {
      const fields = readNitf(nitf, warnings);
      return { blocks: fields.draft.body ?? [], nitf: fields };
    }
    const html = findElement(inline, 'html');
    const body = html ? (childElement(html, 'body') ?? html) : findElement(inline, 'body');
    if (body) {
      const { blocks, meta } = reduceToBlocks(body, { warnings });
      return { blocks, teaser: meta.teaser, kicker: meta.vignette };
    }
    if (inline.children.some((child) => typeof child !== 'string')) {
      return { blocks: reduceToBlocks(inline, { warnings }).blocks };
    }
  }
  // Plain or HTML text in inlineData. dpa sends several renditions; the public ones are the
  // body, the notebook and non-public contacts never are.
  const candidates = childElements(contentSet, 'inlinedata').filter(
    (data) => !/nonpublic|public|headline|teaser|notepad/i.test(attr(data, 'rendition') ?? ''),
  );
  const chosen = candidates.sort((a, b) => textContent(b).length - textContent(a).length)[0];
  if (!chosen) return { blocks: [] };
  const raw = textContent(chosen);
  const declaredMarkup = /html|xml/i.test(attr(chosen, 'contenttype') ?? '');
  if (declaredMarkup || looksLikeMarkup(raw)) {
    return { blocks: reduceHtml(raw, { warnings, plainTextLayout: !declaredMarkup }).blocks };
  }
  return { blocks: splitParagraphs(raw).map((text) => ({ type: 'paragraph' as const, text })) };
}

function readNewsItem(item: XmlElement, sender: string | null, fileWarnings: WarningCollector): WireItem {
  const warnings = itemWarnings(fileWarnings);
  const itemMeta = childElement(item, 'itemmeta');
  const contentMeta = childElement(item, 'contentmeta');
  const contentSet = childElement(item, 'contentset');
  const rights = childElement(item, 'rightsinfo');

  const language = cleanText(attr(childElement(contentMeta, 'language'), 'tag') ?? attr(item, 'lang'));
  const headlines = childElements(contentMeta, 'headline');
  const mainHeadline = headlines.find((headline) => !SUB_HEADLINE_ROLE.test(attr(headline, 'role') ?? ''));
  const subHeadline = headlines.find((headline) => SUB_HEADLINE_ROLE.test(attr(headline, 'role') ?? ''));
  const descriptions: RoleText[] = childElements(contentMeta, 'description').map((description) => ({
    role: attr(description, 'role') ?? null,
    text: visibleText(description),
  }));
  const teaser = descriptions.find((description) => TEASER_ROLE.test(description.role ?? ''))?.text;

  const datelineText = textOf(childElement(contentMeta, 'dateline'));
  const dateline = parseDatelineText(datelineText);
  if (datelineText && !dateline) {
    warnings.add(
      `The dateline element holds "${quoteForMessage(datelineText)}", not a place; the body's dateline was used`,
    );
  }

  const body = readBody(contentSet, warnings);
  const nitf = body.nitf?.draft;
  const renditions = childElements(contentSet, 'remotecontent').map((remote) =>
    makeRendition({
      rendition: attr(remote, 'rendition'),
      href: attr(remote, 'href') ?? attr(remote, 'residref'),
      contentType: attr(remote, 'contenttype'),
      width: parseCount(attr(remote, 'width')),
      height: parseCount(attr(remote, 'height')),
      sizeBytes: parseCount(attr(remote, 'size')),
      durationSeconds: parseCount(attr(remote, 'duration')),
    }),
  );

  const provider = childElement(itemMeta, 'provider');
  const copyrightHolder = childElement(rights, 'copyrightholder');
  const guid = attr(item, 'guid');
  const embargo = textOf(childElement(itemMeta, 'embargoed'));

  const draft: WireItemDraft = {
    format: 'newsml-g2',
    guid,
    version: parseVersion(attr(item, 'version'), warnings),
    pubStatus: mapPubStatus(attr(childElement(itemMeta, 'pubstatus'), 'qcode'), warnings),
    urgency: parseUrgency(textOf(childElement(contentMeta, 'urgency')), warnings),
    headline: textOf(mainHeadline) ?? nitf?.headline,
    subheadline: textOf(subHeadline) ?? nitf?.subheadline ?? teaser ?? body.teaser,
    slugline: textOf(childElement(contentMeta, 'slugline')),
    byline: textOf(childElement(contentMeta, 'by')) ?? nitf?.byline,
    dateline: dateline ? { place: dateline.place, date: dateline.date } : (nitf?.dateline ?? null),
    language: language ?? nitf?.language,
    keywords: [...childElements(contentMeta, 'keyword').map((keyword) => textOf(keyword)), ...(nitf?.keywords ?? [])],
    subjects: readSubjects(contentMeta, 'subject', language),
    genres: readSubjects(contentMeta, 'genre', language),
    embargoUntil: embargo ? parseWireDate(embargo, warnings) : (nitf?.embargoUntil ?? null),
    firstCreated: parseWireDate(textOf(childElement(itemMeta, 'firstcreated')), warnings),
    versionCreated: parseWireDate(textOf(childElement(itemMeta, 'versioncreated')), warnings),
    body: body.blocks,
    itemClass: normalizeItemClass(attr(childElement(itemMeta, 'itemclass'), 'qcode')),
    located:
      textOf(childElement(childElement(contentMeta, 'located'), 'name')) ??
      attr(childElement(contentMeta, 'located'), 'literal'),
    kicker: body.kicker,
    descriptions,
    editorialNotes: readEditorialNotes(itemMeta),
    signals: childElements(itemMeta, 'signal').flatMap((signal) => qcodeOrLiteral(signal) ?? []),
    copyrightHolder: textOf(childElement(copyrightHolder, 'name')) ?? attr(copyrightHolder, 'literal'),
    renditions,
  };
  const providerQcode = attr(provider, 'qcode') ?? '';
  return finalizeWireItem(draft, {
    warnings,
    warnIfNoId: true,
    agencyCandidates: [
      providerQcode.startsWith('nprov:') ? providerQcode.slice('nprov:'.length) : null,
      attr(provider, 'literal'),
      textOf(childElement(provider, 'name')),
      findAgencyInId(guid),
      sender,
      textOf(childElement(contentMeta, 'creditline')),
      ...(body.nitf?.agencyCandidates ?? []),
      draft.copyrightHolder,
      dateline?.agency,
    ],
  });
}

/** Parses a NewsML-G2 newsItem, or a newsMessage with any number of items. */
export function parseNewsmlG2(text: string, fileWarnings: WarningCollector): WireItem[] {
  const document = parseMarkup(text, { mode: 'xml', warnings: fileWarnings });
  const root = rootElement(document);
  if (!root) throw new WireParseError('Not a NewsML-G2 document: no root element');
  if (root.name === 'newsitem') return [readNewsItem(root, null, fileWarnings)];
  if (root.name !== 'newsmessage') {
    throw new WireParseError(`NewsML-G2 <${root.qname}> is not supported; Wiredesk reads newsItem and newsMessage`);
  }
  const sender = textOf(childElement(childElement(root, 'header'), 'sender'));
  const itemSet = childElement(root, 'itemset');
  const items = childElements(itemSet, 'newsitem');
  if (items.length === 0) throw new WireParseError('The NewsML-G2 newsMessage has no newsItem');
  assertItemCount(items.length, 'newsMessage');
  return items.map((item) => readNewsItem(item, sender, fileWarnings));
}
