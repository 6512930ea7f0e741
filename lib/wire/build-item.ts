import { canonicalAgency, findKnownAgency } from './agency';
import { datelineAgency, extractDateline, type Dateline } from './dateline';
import { WireParseError } from './errors';
import { deriveContentGuid } from './guid';
import { MAX_BODY_BLOCKS } from './limits';
import { resolveLanguage } from './language';
import { cleanText, normalizeInline } from './text';
import { reduceMarkupInBlocks, reduceMarkupInLine } from './html-blocks';
import { WarningCollector } from './warnings';
import type { BodyBlock, Rendition, RoleText, Subject, WireFormat, WireItem } from './wire-item';

/** What a format module knows about an item; finalizeWireItem fills in the rest. */
export type WireItemDraft = {
  format: WireFormat;
  guid?: string | null;
  version?: number;
  pubStatus?: WireItem['pubStatus'];
  urgency?: number | null;
  headline?: string | null;
  subheadline?: string | null;
  slugline?: string | null;
  byline?: string | null;
  dateline?: Dateline | null;
  /** The declared language tag, as found (normalised and checked here). */
  language?: string | null;
  section?: string | null;
  keywords?: (string | null | undefined)[];
  subjects?: Subject[];
  embargoUntil?: string | null;
  firstCreated?: string | null;
  versionCreated?: string | null;
  imageCredit?: string | null;
  body?: BodyBlock[];
  itemClass?: string | null;
  located?: string | null;
  kicker?: string | null;
  descriptions?: RoleText[];
  editorialNotes?: RoleText[];
  signals?: string[];
  genres?: Subject[];
  copyrightHolder?: string | null;
  renditions?: Rendition[];
  signOff?: string | null;
  url?: string | null;
};

export type FinalizeOptions = {
  warnings: WarningCollector;
  /** Agency names in order of trust; the first known one wins, else the first non-empty. */
  agencyCandidates?: (string | null | undefined)[];
  /** Say so when a structured format came without an id (plain text never has one). */
  warnIfNoId?: boolean;
  warnIfNoHeadline?: boolean;
  /** A feed or web page names no agency of its own; the dateline's "(EFE)" is the best witness. */
  preferDatelineAgency?: boolean;
};

// Desk initials at the foot of a story: AFP "hh/ph/ts/hd", ATS "(SDA\/sj)", dpa "dpa wsz jln npr".
const SIGN_OFFS = [
  /^[a-z]{1,5}(?:\/[a-z-]{1,5}){1,7}$/,
  /^\(\s*[A-Za-z]{2,8}\s*\\?\/\s*[a-z]{1,5}(?:\s*\\?\/\s*[a-z]{1,5}){0,5}\s*\)$/,
  /^(?:dpa|afp|apa|sda|ats|epd|kna|efe|ansa)(?: [a-z0-9]{1,5}){1,6}$/,
];

/** True when a line is only a desk's sign-off initials. */
export function isSignOff(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 40 && SIGN_OFFS.some((pattern) => pattern.test(trimmed));
}

/** A version number from the source: a positive integer, else 1 with a warning. */
export function parseVersion(value: string | number | null | undefined, warnings: WarningCollector): number {
  if (value === null || value === undefined || value === '') return 1;
  const text = String(value).trim();
  if (!/^\d{1,15}$/.test(text)) {
    warnings.add(`Version "${text.slice(0, 20)}" is not a number; read as 1`);
    return 1;
  }
  const number = Number(text);
  if (number === 0) {
    warnings.add('Version 0 read as 1 (Wiredesk counts versions from 1)');
    return 1;
  }
  if (!Number.isSafeInteger(number)) {
    warnings.add(`Version ${text} is too large; read as 1`);
    return 1;
  }
  return number;
}

/** IPTC urgency 1–9, or null; anything else is dropped with a warning. */
export function parseUrgency(value: string | number | null | undefined, warnings: WarningCollector): number | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).trim();
  if (/^[1-9]$/.test(text)) return Number(text);
  warnings.add(`Urgency "${text.slice(0, 20)}" is not 1–9; ignored`);
  return null;
}

/** Publication status from IPTC qcodes, NewsML 1 and NITF words; unknown values count as usable, with a warning. */
export function mapPubStatus(value: string | null | undefined, warnings: WarningCollector): WireItem['pubStatus'] {
  if (!value) return 'usable';
  const word = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z0-9]+:/, '');
  if (word === '' || word === 'usable' || word === 'embargoed' || word === 'published') return 'usable';
  if (word === 'withheld' || word === 'held') return 'withheld';
  if (['canceled', 'cancelled', 'kill', 'killed', 'deleted', 'withdrawn'].includes(word)) return 'canceled';
  warnings.add(`Unknown publication status "${value.trim().slice(0, 30)}"; treated as usable`);
  return 'usable';
}

/** The first candidate that names a known agency (canonical), else the first non-empty one as written. */
export function pickAgency(candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const known = findKnownAgency(candidate);
    if (known) return known;
  }
  for (const candidate of candidates) {
    const raw = canonicalAgency(candidate);
    if (raw) return raw;
  }
  return null;
}

/** A rendition record with every field present. */
export function makeRendition(fields: Partial<Rendition>): Rendition {
  return {
    rendition: cleanText(fields.rendition),
    href: cleanText(fields.href),
    contentType: cleanText(fields.contentType),
    width: fields.width ?? null,
    height: fields.height ?? null,
    sizeBytes: fields.sizeBytes ?? null,
    durationSeconds: fields.durationSeconds ?? null,
  };
}

/** A non-negative integer from an attribute or JSON value, or null. */
export function parseCount(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

function uniqueStrings(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const cleaned = cleanText(value);
    if (cleaned && !seen.has(cleaned)) {
      seen.add(cleaned);
      result.push(cleaned);
    }
  }
  return result;
}

function uniqueSubjects(values: Subject[]): Subject[] {
  const seen = new Set<string>();
  const result: Subject[] = [];
  for (const value of values) {
    const code = cleanText(value.code);
    if (!code || seen.has(code)) continue;
    seen.add(code);
    result.push({ code, name: cleanText(value.name) });
  }
  return result;
}

function cleanRoleTexts(values: RoleText[]): RoleText[] {
  const result: RoleText[] = [];
  for (const value of values) {
    const text = cleanText(value.text);
    if (text && !result.some((existing) => existing.text === text && existing.role === value.role)) {
      result.push({ role: cleanText(value.role), text });
    }
  }
  return result;
}

function sameText(a: string, b: string): boolean {
  return normalizeInline(a).toLowerCase() === normalizeInline(b).toLowerCase();
}

/** Turns a format module's draft into a complete, uniform WireItem. */
export function finalizeWireItem(draft: WireItemDraft, options: FinalizeOptions): WireItem {
  const { warnings } = options;
  if ((draft.body?.length ?? 0) > MAX_BODY_BLOCKS) {
    throw new WireParseError(
      `The body has more than ${MAX_BODY_BLOCKS.toLocaleString('en-US')} paragraphs; that is not a story`,
    );
  }
  const headline = reduceMarkupInLine(cleanText(draft.headline), warnings);
  // Last line of defence for formats that carry no markup of their own (plain text, 7901,
  // ANPA, JSON strings) and for markup escaped twice over: no block may carry a tag.
  let body = reduceMarkupInBlocks(
    (draft.body ?? []).flatMap((block): BodyBlock[] => {
      const text = normalizeInline(block.text);
      return text ? [{ type: block.type, text }] : [];
    }),
    warnings,
  );
  // An <h1> repeating the headline at the top of an HTML body is the page title, not copy.
  while (body[0]?.type === 'heading' && headline && sameText(body[0].text, headline)) body = body.slice(1);

  let signOff = cleanText(draft.signOff);
  const last = body.at(-1);
  if (last?.type === 'paragraph' && isSignOff(last.text)) {
    signOff ??= last.text;
    body = body.slice(0, -1);
  }

  // The dateline opens the story, but a byline or a correction note may come first.
  let bodyDateline: ReturnType<typeof extractDateline> = null;
  for (const block of body.filter((candidate) => candidate.type === 'paragraph').slice(0, 3)) {
    bodyDateline = extractDateline(block.text);
    if (bodyDateline) break;
  }
  let dateline = draft.dateline && (draft.dateline.place || draft.dateline.date) ? draft.dateline : null;
  if (!dateline && bodyDateline) dateline = { place: bodyDateline.place, date: bodyDateline.date };
  if (dateline) dateline = { place: cleanText(dateline.place), date: cleanText(dateline.date) };

  const fromDateline = datelineAgency(bodyDateline);
  const candidates = options.agencyCandidates ?? [];
  const agency = pickAgency(
    options.preferDatelineAgency ? [fromDateline, ...candidates] : [...candidates, fromDateline],
  );

  const sampleText = [headline ?? '', ...body.slice(0, 12).map((block) => block.text)].join('\n');
  const language = resolveLanguage(draft.language, sampleText, warnings);

  let guid = cleanText(draft.guid);
  if (!guid) {
    guid = deriveContentGuid(headline, body);
    if (options.warnIfNoId) warnings.add('No id in the item; the guid was derived from the content');
  }
  if (!headline && options.warnIfNoHeadline !== false) warnings.add('No headline in the item');

  return {
    format: draft.format,
    agency,
    guid,
    version: draft.version ?? 1,
    pubStatus: draft.pubStatus ?? 'usable',
    urgency: draft.urgency ?? null,
    headline,
    subheadline: reduceMarkupInLine(cleanText(draft.subheadline), warnings),
    slugline: reduceMarkupInLine(cleanText(draft.slugline), warnings),
    byline: reduceMarkupInLine(cleanText(draft.byline), warnings),
    dateline: dateline && (dateline.place || dateline.date) ? dateline : null,
    language,
    section: cleanText(draft.section),
    keywords: uniqueStrings(draft.keywords ?? []),
    subjects: uniqueSubjects(draft.subjects ?? []),
    embargoUntil: draft.embargoUntil ?? null,
    firstCreated: draft.firstCreated ?? null,
    versionCreated: draft.versionCreated ?? null,
    imageCredit: cleanText(draft.imageCredit),
    body,
    warnings: warnings.list(),
    itemClass: cleanText(draft.itemClass),
    located: cleanText(draft.located),
    kicker: cleanText(draft.kicker),
    descriptions: cleanRoleTexts(draft.descriptions ?? []),
    editorialNotes: cleanRoleTexts(draft.editorialNotes ?? []),
    signals: uniqueStrings(draft.signals ?? []),
    genres: uniqueSubjects(draft.genres ?? []),
    copyrightHolder: cleanText(draft.copyrightHolder),
    renditions: draft.renditions ?? [],
    signOff,
    url: cleanText(draft.url),
  };
}

/** A fresh collector for one item that already holds the file's own warnings (encoding, DTD…). */
export function itemWarnings(fileWarnings: WarningCollector): WarningCollector {
  const warnings = new WarningCollector();
  warnings.merge(fileWarnings);
  return warnings;
}

/** itemClass from a qcode or word: `ninat:text`, `icls:picture` → `text`, `picture`. */
export function normalizeItemClass(value: string | null | undefined): string | null {
  const word =
    cleanText(value)
      ?.toLowerCase()
      .replace(/^[a-z0-9]+:/, '') ?? null;
  if (!word) return null;
  if (word === 'photo' || word === 'image') return 'picture';
  return word;
}
