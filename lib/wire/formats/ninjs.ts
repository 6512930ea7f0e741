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
import { WireParseError } from '../errors';
import { assertItemCount } from '../limits';
import { looksLikeMarkup, reduceHtml, type BodyMeta } from '../html-blocks';
import { cleanText, splitParagraphs } from '../text';
import type { WarningCollector } from '../warnings';
import type { BodyBlock, Rendition, RoleText, Subject, WireItem } from '../wire-item';

/*
 * IPTC ninjs 1.x (Superdesk: lower-case names, body_html), 2.x and 3.x (camelCase,
 * headlines[] and bodies[]), and the AP Media API envelope ({data: {item}}), which is a
 * ninjs derivative. Field names are matched without regard to case.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field by case-insensitive name (`versioncreated` and `versionCreated` are one field). */
function field(object: JsonObject | undefined, name: string): Json | undefined {
  if (!object) return undefined;
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

function str(value: Json | undefined): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function list(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function objects(value: Json | undefined): JsonObject[] {
  return list(value).filter(isObject);
}

function concepts(value: Json | undefined): Subject[] {
  return objects(value).flatMap((concept) => {
    const code =
      str(field(concept, 'code')) ??
      str(field(concept, 'literal')) ??
      str(field(concept, 'uri')) ??
      str(field(concept, 'qcode'));
    const name = str(field(concept, 'name'));
    if (!code && !name) return [];
    return [{ code: code ?? name!, name: code ? name : null }];
  });
}

function readHeadlines(item: JsonObject): { headline: string | null; subheadline: string | null } {
  const headlines = objects(field(item, 'headlines'));
  const main =
    headlines.find((headline) => /^(main|headline)?$/i.test(str(field(headline, 'role')) ?? '')) ?? headlines[0];
  const sub = headlines.find((headline) => /sub/i.test(str(field(headline, 'role')) ?? ''));
  return {
    headline: str(field(item, 'headline')) ?? str(field(main, 'value')),
    subheadline: str(field(item, 'subheadline')) ?? str(field(sub, 'value')),
  };
}

function readBylines(item: JsonObject): string | null {
  const direct = str(field(item, 'byline')) ?? str(field(item, 'by'));
  if (direct) return direct;
  const lines = objects(field(item, 'bylines')).map((line) =>
    [str(field(line, 'by')), str(field(line, 'title'))].filter(Boolean).join(', '),
  );
  return lines.filter(Boolean).join('; ') || null;
}

type BodyResult = { blocks: BodyBlock[]; meta: BodyMeta; found: boolean };

function htmlBody(value: string, warnings: WarningCollector): BodyResult {
  const { blocks, meta } = reduceHtml(value, { warnings });
  return { blocks, meta, found: true };
}

function textBody(value: string): BodyResult {
  return {
    blocks: splitParagraphs(value).map((text) => ({ type: 'paragraph' as const, text })),
    meta: {},
    found: true,
  };
}

function readBody(item: JsonObject, warnings: WarningCollector): BodyResult {
  const bodyHtml = str(field(item, 'body_html'));
  if (bodyHtml) return htmlBody(bodyHtml, warnings);
  const bodies = objects(field(item, 'bodies')).filter((body) => typeof field(body, 'value') === 'string');
  const kind = (body: JsonObject) =>
    `${str(field(body, 'contentType')) ?? ''} ${str(field(body, 'role')) ?? ''}`.toLowerCase();
  // Plain HTML first: "rich" renditions lead with figures and embeds.
  const html =
    bodies.find((body) => /html/.test(kind(body)) && !/rich/.test(kind(body))) ??
    bodies.find((body) => /html/.test(kind(body)));
  if (html) return htmlBody(field(html, 'value') as string, warnings);
  const text = bodies.find((body) => /text\/plain|\btext\b/.test(kind(body)));
  if (text) return textBody(field(text, 'value') as string);
  const xml = bodies.find((body) => /xml/.test(kind(body)));
  if (xml) return htmlBody(field(xml, 'value') as string, warnings);
  const bodyText = str(field(item, 'body_text'));
  if (bodyText) return looksLikeMarkup(bodyText) ? htmlBody(bodyText, warnings) : textBody(bodyText);
  const bodyXml = str(field(item, 'body_xml'));
  if (bodyXml) return htmlBody(bodyXml, warnings);
  return { blocks: [], meta: {}, found: false };
}

function readRenditions(value: Json | undefined): Rendition[] {
  // ninjs 3 lists renditions; ninjs 1 keys them by name.
  const entries: [string | null, JsonObject][] = Array.isArray(value)
    ? objects(value).map((rendition) => [str(field(rendition, 'name')), rendition])
    : isObject(value)
      ? Object.entries(value).flatMap(([name, rendition]) =>
          isObject(rendition) ? [[name, rendition] as [string, JsonObject]] : [],
        )
      : [];
  return entries.map(([name, rendition]) =>
    makeRendition({
      rendition: name,
      href: str(field(rendition, 'href')),
      contentType: str(field(rendition, 'contentType')) ?? str(field(rendition, 'mimetype')),
      width: parseCount(str(field(rendition, 'width'))),
      height: parseCount(str(field(rendition, 'height'))),
      sizeBytes: parseCount(str(field(rendition, 'sizeInBytes'))),
      // AP gives video durations in milliseconds.
      durationSeconds: (() => {
        const ms = parseCount(str(field(rendition, 'duration')));
        return ms === null ? null : ms / 1000;
      })(),
    }),
  );
}

function readDescriptions(item: JsonObject): RoleText[] {
  const descriptions: RoleText[] = objects(field(item, 'descriptions')).flatMap((description) => {
    const text = str(field(description, 'value'));
    return text ? [{ role: str(field(description, 'role')), text }] : [];
  });
  for (const [name, role] of [
    ['description_text', 'summary'],
    ['description_summary', 'summary'],
    ['headline_extended', 'headline_extended'],
  ] as const) {
    const text = str(field(item, name));
    if (text) descriptions.push({ role, text });
  }
  return descriptions;
}

// The first picture association's credit is the image credit (Superdesk featuremedia, TT).
function readImageCredit(item: JsonObject): string | null {
  const associations = field(item, 'associations');
  const candidates = Array.isArray(associations)
    ? objects(associations)
    : isObject(associations)
      ? Object.values(associations).filter(isObject)
      : [];
  const picture = candidates.find((association) => /picture|image|photo/i.test(str(field(association, 'type')) ?? ''));
  return picture
    ? (str(field(picture, 'creditline')) ?? str(field(picture, 'byline')) ?? str(field(picture, 'by')))
    : null;
}

function readGuid(item: JsonObject): string | null {
  const altIds = field(item, 'altids');
  const itemId = isObject(altIds) ? str(field(altIds, 'itemid')) : null;
  const uri = str(field(item, 'uri'));
  // AP's API URIs carry per-request tokens (?qt=…&et=…) that would change the guid on every fetch.
  const stableUri = uri && /^https?:\/\/[^/]*\.ap\.org\//i.test(uri) ? uri.replace(/\?.*$/, '') : uri;
  return str(field(item, 'guid')) ?? itemId ?? stableUri;
}

function readItem(item: JsonObject, fileWarnings: WarningCollector): WireItem {
  const warnings = itemWarnings(fileWarnings);
  const { headline, subheadline } = readHeadlines(item);
  const body = readBody(item, warnings);
  const renditions = readRenditions(field(item, 'renditions'));
  if (
    !body.found &&
    renditions.some((rendition) => /nitf|text|xml/i.test(`${rendition.rendition} ${rendition.contentType}`))
  ) {
    warnings.add('The body is not inline, only linked as a rendition; it was not fetched');
  }
  const places = objects(field(item, 'places') ?? field(item, 'place'));
  const datelineLocation = field(item, 'datelinelocation');
  const located = str(field(item, 'located'));
  const editorialNotes: RoleText[] = [];
  const edNote = str(field(item, 'ednote'));
  if (edNote) editorialNotes.push({ role: null, text: edNote });
  const infoSources = objects(field(item, 'infosources') ?? field(item, 'infosource'));

  return finalizeWireItem(
    {
      format: 'ninjs',
      guid: readGuid(item),
      version: parseVersion(str(field(item, 'version')), warnings),
      pubStatus: mapPubStatus(str(field(item, 'pubstatus')), warnings),
      urgency: parseUrgency(str(field(item, 'urgency')), warnings),
      headline,
      subheadline,
      slugline: str(field(item, 'slugline')),
      byline: readBylines(item),
      // ninjs "located" is only a dateline where the sender says so (AP's datelinelocation);
      // Superdesk fills it with whatever the author typed.
      dateline: isObject(datelineLocation) && located ? { place: located, date: null } : null,
      language: str(field(item, 'language')),
      keywords: list(field(item, 'keywords')).map((keyword) => str(keyword)),
      subjects: [...concepts(field(item, 'subjects')), ...concepts(field(item, 'subject'))],
      genres: [...concepts(field(item, 'genres')), ...concepts(field(item, 'genre'))],
      embargoUntil: parseWireDate(str(field(item, 'embargoed')) ?? str(field(item, 'embargoedUntil')), warnings),
      firstCreated: parseWireDate(str(field(item, 'firstcreated')), warnings),
      versionCreated: parseWireDate(str(field(item, 'versioncreated')), warnings),
      imageCredit: readImageCredit(item),
      body: body.blocks,
      itemClass: normalizeItemClass(str(field(item, 'type'))),
      located: located ?? str(field(places[0], 'name')),
      kicker: body.meta.vignette,
      descriptions: readDescriptions(item),
      editorialNotes,
      signals: list(field(item, 'signals'))
        .map((signal) => str(signal) ?? '')
        .filter(Boolean),
      copyrightHolder: str(field(item, 'copyrightholder')),
      renditions,
    },
    {
      warnings,
      warnIfNoId: true,
      agencyCandidates: [
        str(field(item, 'provider')),
        str(field(item, 'copyrightholder')),
        ...infoSources.map((source) => str(field(source, 'name'))),
        str(field(item, 'source')),
        str(field(item, 'copyrightnotice')),
      ],
    },
  );
}

/** Parses ninjs JSON (a single item, a list of items, or an AP Media API envelope). */
export function parseNinjs(text: string, fileWarnings: WarningCollector): WireItem[] {
  let document: Json;
  try {
    document = JSON.parse(text) as Json;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : 'unreadable';
    throw new WireParseError(`Invalid JSON: ${detail}`);
  }
  const data = isObject(document) ? field(document, 'data') : undefined;
  const candidates: Json[] = Array.isArray(document)
    ? document
    : isObject(data) && isObject(field(data, 'item'))
      ? [field(data, 'item')!]
      : isObject(data) && Array.isArray(field(data, 'items'))
        ? list(field(data, 'items')).map((entry) =>
            isObject(entry) && isObject(field(entry, 'item')) ? field(entry, 'item')! : entry,
          )
        : [document];
  const items = candidates
    .filter(isObject)
    .filter((item) =>
      ['uri', 'guid', 'headline', 'headlines', 'body_html', 'bodies', 'altids'].some(
        (name) => field(item, name) !== undefined,
      ),
    );
  if (items.length === 0) throw new WireParseError('JSON, but not ninjs: no uri, guid or headline');
  assertItemCount(items.length, 'ninjs list');
  return items.map((item) => readItem(item, fileWarnings));
}
