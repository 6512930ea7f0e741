import {
  finalizeWireItem,
  itemWarnings,
  makeRendition,
  mapPubStatus,
  normalizeItemClass,
  parseCount,
  parseUrgency,
  parseVersion,
} from '../build-item';
import { parseWireDate } from '../dates';
import { parseDatelineText } from '../dateline';
import { WireParseError } from '../errors';
import { assertItemCount } from '../limits';
import { reduceToBlocks, textOf } from '../html-blocks';
import { cleanText } from '../text';
import type { WarningCollector } from '../warnings';
import type { BodyBlock, RoleText, Subject, WireItem } from '../wire-item';
import {
  attr,
  childElement,
  childElements,
  findElement,
  findElements,
  parseMarkup,
  pathElement,
  rootElement,
  type XmlElement,
} from '../xml';
import { readNitf, type NitfFields } from './nitf';

function formalName(element: XmlElement | undefined): string | null {
  return cleanText(attr(element, 'formalname'));
}

function properties(scope: XmlElement | undefined, name: string): string[] {
  return childElements(scope, 'property').flatMap((property) =>
    attr(property, 'formalname')?.toLowerCase() === name.toLowerCase()
      ? (cleanText(attr(property, 'value')) ?? [])
      : [],
  );
}

// AFP's PublicIdentifier ends with the revision (":1"); the guid must stay the same across
// revisions so that ingest can tell a new version from a new story.
function stableGuid(
  publicId: string | null,
  revision: string | null,
  identifier: XmlElement | undefined,
): string | null {
  if (publicId) {
    return revision && publicId.endsWith(`:${revision}`) ? publicId.slice(0, -revision.length - 1) : publicId;
  }
  const provider = textOf(childElement(identifier, 'providerid'));
  const dateId = textOf(childElement(identifier, 'dateid'));
  const itemId = textOf(childElement(identifier, 'newsitemid'));
  return provider && itemId ? `urn:newsml:${provider}:${dateId ?? ''}:${itemId}` : null;
}

function readContent(component: XmlElement, warnings: WarningCollector): { blocks: BodyBlock[]; nitf?: NitfFields } {
  for (const item of findElements(component, ['contentitem'])) {
    const mediaType = formalName(childElement(item, 'mediatype'))?.toLowerCase();
    if (mediaType && mediaType !== 'text') continue;
    const data = childElement(item, 'datacontent');
    if (!data) continue;
    const nitf = findElement(data, 'nitf');
    if (nitf) {
      const fields = readNitf(nitf, warnings);
      return { blocks: fields.draft.body ?? [], nitf: fields };
    }
    // AFP's "bcNITF2.5": bare <p> elements straight inside DataContent.
    return { blocks: reduceToBlocks(data, { warnings }).blocks };
  }
  return { blocks: [] };
}

function readNewsItem(item: XmlElement, envelope: XmlElement | undefined, fileWarnings: WarningCollector): WireItem {
  const warnings = itemWarnings(fileWarnings);
  const identification = childElement(item, 'identification');
  const identifier = childElement(identification, 'newsidentifier');
  const management = childElement(item, 'newsmanagement');
  const component = childElement(item, 'newscomponent');
  // NewsLines and metadata may sit on a nested component (EFE, AFP's French service).
  const lines = findElement(component, 'newslines');
  const descriptive = findElement(component, 'descriptivemetadata');
  const administrative = findElement(component, 'administrativemetadata');
  const rights = findElement(component, 'rightsmetadata');

  const revision = textOf(childElement(identifier, 'revisionid'));
  const status = formalName(childElement(management, 'status'));
  let embargoUntil: string | null = null;
  const statusChange = childElement(management, 'statuswillchange');
  if (status?.toLowerCase() === 'embargoed' && statusChange) {
    embargoUntil = parseWireDate(textOf(childElement(statusChange, 'dateandtime')), warnings);
  }

  const content = component ? readContent(component, warnings) : { blocks: [] };
  const nitf = content.nitf?.draft;
  const datelineText = textOf(childElement(lines, 'dateline'));
  const dateline = parseDatelineText(datelineText);

  const subjects: Subject[] = findElements(descriptive, ['subjectcode']).flatMap((code) =>
    childElements(code, 'subject', 'subjectmatter', 'subjectdetail').flatMap((subject) => {
      const formal = formalName(subject);
      return formal ? [{ code: formal, name: null }] : [];
    }),
  );
  const editorialNotes: RoleText[] = findElements(rights, ['usagetype']).map((usage) => ({
    role: 'usage',
    text: textOf(usage) ?? '',
  }));
  const location = childElement(descriptive, 'location');
  const mediaType = findElements(component, ['mediatype']).map(formalName).find(Boolean);

  const renditions = findElements(component, ['contentitem']).flatMap((contentItem) => {
    const href = attr(contentItem, 'href');
    if (!href) return [];
    const characteristics = childElement(contentItem, 'characteristics');
    return [
      makeRendition({
        rendition: formalName(childElement(contentItem, 'role')) ?? formalName(childElement(contentItem, 'format')),
        href,
        contentType: formalName(childElement(contentItem, 'mimetype')),
        sizeBytes: parseCount(textOf(childElement(characteristics, 'sizeinbytes'))),
        width: parseCount(properties(characteristics, 'Width')[0]),
        height: parseCount(properties(characteristics, 'Height')[0]),
      }),
    ];
  });

  return finalizeWireItem(
    {
      format: 'newsml-1',
      guid: stableGuid(textOf(childElement(identifier, 'publicidentifier')), revision, identifier),
      version: parseVersion(revision, warnings),
      pubStatus: mapPubStatus(status, warnings),
      urgency:
        parseUrgency(formalName(childElement(management, 'urgency')), warnings) ??
        nitf?.urgency ??
        parseUrgency(formalName(childElement(envelope, 'priority')), warnings),
      headline: textOf(childElement(lines, 'headline')) ?? nitf?.headline,
      subheadline: textOf(childElement(lines, 'subheadline')) ?? nitf?.subheadline,
      slugline: textOf(childElement(lines, 'slugline')) ?? textOf(childElement(identification, 'namelabel')),
      byline: textOf(childElement(lines, 'byline')) ?? nitf?.byline,
      dateline: dateline ? { place: dateline.place, date: dateline.date } : (nitf?.dateline ?? null),
      language: formalName(childElement(descriptive, 'language')) ?? attr(item, 'lang') ?? nitf?.language ?? null,
      keywords: [
        ...properties(descriptive, 'Keyword'),
        ...(textOf(childElement(lines, 'keywordline'))?.split(/[,;]/) ?? []),
        ...(nitf?.keywords ?? []),
      ],
      subjects: subjects.length > 0 ? subjects : (nitf?.subjects ?? []),
      genres: childElements(descriptive, 'genre').flatMap((genre) => {
        const code = formalName(genre);
        return code ? [{ code, name: null }] : [];
      }),
      embargoUntil: embargoUntil ?? nitf?.embargoUntil ?? null,
      firstCreated: parseWireDate(textOf(childElement(management, 'firstcreated')), warnings),
      versionCreated: parseWireDate(textOf(childElement(management, 'thisrevisioncreated')), warnings),
      imageCredit: null,
      body: content.blocks,
      itemClass: normalizeItemClass(mediaType),
      located: properties(location, 'City')[0] ?? nitf?.located ?? null,
      descriptions: nitf?.descriptions ?? [],
      editorialNotes: [...editorialNotes, ...(nitf?.editorialNotes ?? [])],
      copyrightHolder: textOf(childElement(lines, 'copyrightline')) ?? nitf?.copyrightHolder ?? null,
      renditions,
    },
    {
      warnings,
      warnIfNoId: true,
      agencyCandidates: [
        formalName(pathElement(administrative, 'provider', 'party')),
        textOf(childElement(identifier, 'providerid')),
        formalName(pathElement(envelope, 'sentfrom', 'party')),
        textOf(childElement(lines, 'creditline')),
        ...(content.nitf?.agencyCandidates ?? []),
        dateline?.agency,
      ],
    },
  );
}

/** Parses a NewsML 1.x document (AFP's and EFE's feed format) into one item per NewsItem. */
export function parseNewsml1(text: string, fileWarnings: WarningCollector): WireItem[] {
  const document = parseMarkup(text, { mode: 'xml', warnings: fileWarnings });
  const root = rootElement(document);
  if (!root || root.name !== 'newsml')
    throw new WireParseError('Not a NewsML 1 document: the root element is not <NewsML>');
  const envelope = childElement(root, 'newsenvelope');
  const items = childElements(root, 'newsitem');
  if (items.length === 0) throw new WireParseError('The NewsML document has no NewsItem');
  assertItemCount(items.length, 'NewsML document');
  return items.map((item) => readNewsItem(item, envelope, fileWarnings));
}
