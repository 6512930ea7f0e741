import { z } from 'zod';

/** Every format Wiredesk reads; `detectFormat` returns one of these. */
export const WIRE_FORMATS = [
  'plain-text',
  'newsml-g2',
  'newsml-1',
  'nitf',
  'ninjs',
  'iptc7901',
  'anpa1312',
  'rss',
  'atom',
] as const;
export const WireFormatSchema = z.enum(WIRE_FORMATS);
export type WireFormat = z.infer<typeof WireFormatSchema>;

/** Formats whose CLI output is always a list (one entry per feed item). */
export const FEED_FORMATS: readonly WireFormat[] = ['rss', 'atom'];

export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;

const text = z.string().min(1);
const optionalText = text.nullable();
// Every time is normalised to UTC with milliseconds, exactly as Date#toISOString writes it.
const utcTime = z.iso.datetime({ offset: false, precision: 3 }).nullable();

export const BodyBlockSchema = z.object({
  type: z.enum(['paragraph', 'heading']),
  text,
});
export type BodyBlock = z.infer<typeof BodyBlockSchema>;

export const SubjectSchema = z.object({ code: text, name: optionalText });
export type Subject = z.infer<typeof SubjectSchema>;

export const RenditionSchema = z.object({
  rendition: optionalText,
  href: optionalText,
  contentType: optionalText,
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  durationSeconds: z.number().nonnegative().nullable(),
});
export type Rendition = z.infer<typeof RenditionSchema>;

export const RoleTextSchema = z.object({ role: optionalText, text });
export type RoleText = z.infer<typeof RoleTextSchema>;

/**
 * One normalised wire item. The first block of fields is the contract in DESIGN.md;
 * the second block are documented extensions the MANIFEST needs (all always present,
 * null or [] when the source has nothing, so the JSON has one shape).
 */
export const WireItemSchema = z.object({
  format: WireFormatSchema,
  /** Canonical agency name (`AFP`, `AP`, `Reuters`, `dpa`…), or the source's own name when unknown. */
  agency: optionalText,
  /** The agency's id for the story, stable across versions; derived from the content when the source has none. */
  guid: text,
  version: z.number().int().positive(),
  pubStatus: z.enum(PUB_STATUSES),
  /** 1 (most urgent) to 9, as in IPTC. */
  urgency: z.number().int().min(1).max(9).nullable(),
  headline: optionalText,
  subheadline: optionalText,
  slugline: optionalText,
  byline: optionalText,
  /** Place and date as printed in the dateline (the date is the agency's wording, not normalised). */
  dateline: z.object({ place: optionalText, date: optionalText }).nullable(),
  /** BCP 47 tag, e.g. `en-GB`. */
  language: optionalText,
  section: optionalText,
  keywords: z.array(text),
  subjects: z.array(SubjectSchema),
  embargoUntil: utcTime,
  firstCreated: utcTime,
  versionCreated: utcTime,
  imageCredit: optionalText,
  body: z.array(BodyBlockSchema),
  /** What was recovered leniently (wrong encoding, undeclared entities, missing trailer…). */
  warnings: z.array(text),

  // Extensions.
  /** Media type of the item: text, picture, video, audio, graphic, composite. */
  itemClass: optionalText,
  /** Where the story was written or edited according to the metadata; often not the dateline place. */
  located: optionalText,
  /** A label above the headline (TT's vignette, a 7901 flag line such as "EXTRA"). */
  kicker: optionalText,
  /** Captions, teasers, summaries and abstracts, with the source's role. */
  descriptions: z.array(RoleTextSchema),
  /** Notes to editors meant for the desk (non-public contacts are never included). */
  editorialNotes: z.array(RoleTextSchema),
  /** IPTC signals such as `sig:update`, `sig:correction`, `edStat:C`. */
  signals: z.array(text),
  genres: z.array(SubjectSchema),
  copyrightHolder: optionalText,
  /** Media linked rather than included (G2 remoteContent, ninjs renditions, RSS enclosures). */
  renditions: z.array(RenditionSchema),
  /** The desk's closing initials (`hh/ph/ts/hd`), kept out of the body. */
  signOff: optionalText,
  /** The item's web address (feeds). */
  url: optionalText,
});
export type WireItem = z.infer<typeof WireItemSchema>;
