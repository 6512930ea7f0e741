import {
  finalizeWireItem,
  itemWarnings,
  mapPubStatus,
  parseUrgency,
  parseVersion,
  type WireItemDraft,
} from '../build-item';
import { parseWireDate } from '../dates';
import { parseDatelineText, splitPlaceAndDate, type Dateline } from '../dateline';
import { WireParseError } from '../errors';
import { reduceToBlocks, textOf, visibleText } from '../html-blocks';
import { cleanText, normalizeInline } from '../text';
import type { WarningCollector } from '../warnings';
import type { RoleText, Subject, WireItem } from '../wire-item';
import {
  attr,
  childElement,
  childElements,
  findElements,
  parseMarkup,
  pathElement,
  rootElement,
  type XmlElement,
} from '../xml';

/** What a NITF document says, before the item is finalised (NewsML 1 and G2 embed NITF too). */
export type NitfFields = {
  draft: Omit<WireItemDraft, 'format'>;
  agencyCandidates: (string | null | undefined)[];
};

function readByline(byline: XmlElement): string | null {
  // <byline>By BERNARD CONDON<byttl>AP Business Writer</byttl></byline>: the title is its own
  // part, or naive text joining gives "CONDONAP".
  const titles = childElements(byline, 'byttl').map((title) => normalizeInline(visibleText(title)));
  const name = normalizeInline(
    byline.children
      .map((child) => (typeof child === 'string' ? child : child.name === 'byttl' ? ' ' : visibleText(child)))
      .join(''),
  );
  return cleanText([name, ...titles].filter(Boolean).join(', '));
}

function readLocation(location: XmlElement): string | null {
  const parts = childElements(location, 'city', 'state', 'region', 'country', 'sublocation').map((part) =>
    normalizeInline(visibleText(part)),
  );
  const named = parts.filter(Boolean);
  return named.length > 0 ? named.join(', ') : cleanText(visibleText(location));
}

function readDateline(element: XmlElement | undefined): Dateline | null {
  if (!element) return null;
  const location = childElement(element, 'location');
  const storyDate = childElement(element, 'story.date');
  const storyDateText = cleanText(storyDate ? visibleText(storyDate) : null);
  const date = storyDateText && !/^\d{8}T\d{6}/.test(storyDateText) ? storyDateText : null;
  if (location) return { place: readLocation(location), date };
  const rest = normalizeInline(
    element.children
      .map((child) => (typeof child === 'string' ? child : child.name === 'story.date' ? ' ' : visibleText(child)))
      .join(''),
  );
  const parsed = parseDatelineText(rest);
  if (parsed) return { place: parsed.place, date: parsed.date ?? date };
  return date ? { ...splitPlaceAndDate(date), place: null } : null;
}

/** Reads one <nitf> element: metadata from head and body.head, blocks from body.content. */
export function readNitf(nitf: XmlElement, warnings: WarningCollector): NitfFields {
  const head = childElement(nitf, 'head');
  const docdata = childElement(head, 'docdata');
  const body = childElement(nitf, 'body');
  const bodyHead = childElement(body, 'body.head');

  const docId = childElement(docdata, 'doc-id');
  const status = attr(docdata, 'management-status');
  const issued = parseWireDate(attr(childElement(docdata, 'date.issue'), 'norm'), warnings);
  const release = parseWireDate(attr(childElement(docdata, 'date.release'), 'norm'), warnings);
  parseWireDate(attr(childElement(docdata, 'date.expire'), 'norm'), warnings);
  // NITF's date.release is when the receiver may publish: an embargo when it lies after issue.
  const embargoUntil =
    release && (status?.toLowerCase() === 'embargoed' || (issued !== null && release > issued) || issued === null)
      ? release
      : null;

  const keywords = findElements(childElement(docdata, 'key-list'), ['keyword']).map(
    (keyword) => attr(keyword, 'key') ?? visibleText(keyword),
  );
  const subjects: Subject[] = findElements(childElement(head, 'tobject'), ['tobject.subject']).flatMap((subject) => {
    const code = attr(subject, 'tobject.subject.refnum') ?? attr(subject, 'tobject.subject.code');
    if (!code) return [];
    const name =
      attr(subject, 'tobject.subject.detail') ??
      attr(subject, 'tobject.subject.matter') ??
      attr(subject, 'tobject.subject.type') ??
      null;
    return [{ code, name }];
  });
  const genres: Subject[] = findElements(childElement(head, 'tobject'), ['tobject.property']).flatMap((property) => {
    const code = attr(property, 'tobject.property.type');
    return code ? [{ code, name: null }] : [];
  });

  const editorialNotes: RoleText[] = [];
  for (const message of childElements(docdata, 'ed-msg')) {
    const text = attr(message, 'info');
    if (text) editorialNotes.push({ role: attr(message, 'msg-type') ?? null, text });
  }
  for (const note of childElements(bodyHead, 'note')) {
    editorialNotes.push({ role: attr(note, 'noteclass') ?? null, text: visibleText(note) });
  }

  const hedline = childElement(bodyHead, 'hedline');
  const headline = textOf(childElement(hedline, 'hl1'));
  const subheadline =
    childElements(hedline, 'hl2')
      .map((hl2) => cleanText(visibleText(hl2)))
      .find((text) => text && text !== headline) ?? null;
  const bylines = childElements(bodyHead, 'byline')
    .map(readByline)
    .filter((line): line is string => line !== null);
  const descriptions: RoleText[] = childElements(bodyHead, 'abstract').map((abstract) => ({
    role: 'abstract',
    text: visibleText(abstract),
  }));

  const blocks = childElements(body, 'body.content').flatMap((content) => reduceToBlocks(content, { warnings }).blocks);
  const evloc = childElement(docdata, 'evloc');
  const fromSource = findElements(childElement(docdata, 'del-list'), ['from-src']).find(
    (source) => attr(source, 'level-number') === '1',
  );

  return {
    draft: {
      guid: attr(docId, 'id-string'),
      version: parseVersion(attr(childElement(docdata, 'du-key'), 'version'), warnings),
      pubStatus: mapPubStatus(status, warnings),
      urgency: parseUrgency(
        attr(childElement(docdata, 'urgency'), 'ed-urg') ?? attr(childElement(head, 'urgency'), 'ed-urg'),
        warnings,
      ),
      headline: headline ?? textOf(childElement(head, 'title')),
      subheadline,
      byline: bylines.length > 0 ? bylines.join('; ') : null,
      dateline: readDateline(childElement(bodyHead, 'dateline')),
      language: attr(nitf, 'baselang') ?? attr(nitf, 'lang') ?? attr(body, 'lang') ?? null,
      keywords,
      subjects,
      genres,
      embargoUntil,
      versionCreated: issued,
      body: blocks,
      located: evloc ? (attr(evloc, 'city') ?? attr(evloc, 'state-prov') ?? attr(evloc, 'county-dist') ?? null) : null,
      descriptions,
      editorialNotes,
      copyrightHolder: attr(childElement(docdata, 'doc.copyright'), 'holder') ?? null,
    },
    agencyCandidates: [
      attr(docId, 'regsrc'),
      textOf(childElement(bodyHead, 'distributor')),
      attr(childElement(docdata, 'doc.copyright'), 'holder'),
      attr(fromSource, 'src-name'),
    ],
  };
}

/** Parses a NITF 3.x document into its one WireItem. */
export function parseNitf(text: string, fileWarnings: WarningCollector): WireItem[] {
  const document = parseMarkup(text, { mode: 'xml', warnings: fileWarnings });
  const nitf = rootElement(document);
  if (!nitf || nitf.name !== 'nitf') throw new WireParseError('Not a NITF document: the root element is not <nitf>');
  const warnings = itemWarnings(fileWarnings);
  const { draft, agencyCandidates } = readNitf(nitf, warnings);
  if (!pathElement(nitf, 'body')) warnings.add('NITF without a <body>');
  return [finalizeWireItem({ ...draft, format: 'nitf' }, { warnings, agencyCandidates, warnIfNoId: true })];
}
