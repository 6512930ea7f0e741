import 'server-only';
import { and, asc, desc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sections, stories, storyWireAlerts, wireFacets, wireFiles, wireItems } from '@/db/schema';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { can, requirePermission, type Actor } from '@/lib/permissions';
import { createStory } from '@/lib/stories/create-story';
import { toPrefixTsQuery } from '@/lib/stories/list-stories';
import { StoryIdSchema } from '@/lib/stories/story-input';
import { recordStoryEvent } from '@/lib/stories/story-record';
import { parseOrThrow } from '@/lib/validation';
import { unpackWireBytes } from './stored-bytes';
import type { WireItem } from './wire-item';
import { mapWireSection, wireBodyToStoryBody, wireStoryFields } from './wire-to-story';

export const WIRE_PAGE_SIZE = 50;
/** Urgency 1–3 (flash, bulletin, urgent) stands out in the queue. */
export const URGENT_MAX = 3;

export type WireQueueItem = {
  id: number;
  status: 'new' | 'used' | 'rejected';
  rejectReason: string | null;
  agency: string;
  headline: string | null;
  version: number | null;
  pubStatus: 'usable' | 'withheld' | 'canceled' | null;
  urgency: number | null;
  language: string | null;
  section: string | null;
  embargoUntil: Date | null;
  receivedAt: Date;
  filename: string | null;
};

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const WireFiltersSchema = z.object({
  agency: optional(z.string().max(60)),
  section: optional(z.string().max(60)),
  language: optional(z.string().max(20)),
  urgent: optional(z.enum(['1'])),
  status: optional(z.enum(['new', 'used', 'rejected'])),
  q: optional(z.string().trim().max(200)),
  after: optional(z.string().max(100)),
});
export type WireFilters = z.infer<typeof WireFiltersSchema>;

const queueColumns = {
  id: wireItems.id,
  status: wireItems.status,
  rejectReason: wireItems.rejectReason,
  agency: wireItems.agency,
  headline: wireItems.headline,
  version: wireItems.version,
  pubStatus: wireItems.pubStatus,
  urgency: wireItems.urgency,
  language: wireItems.language,
  section: wireItems.section,
  embargoUntil: wireItems.embargoUntil,
  receivedAt: wireItems.receivedAt,
  filename: wireFiles.filename,
};

/** The wire queue: latest version of each item (and rejected files), newest first. */
export async function listWireQueue(
  actor: Actor,
  filters: WireFilters,
  pageSize = WIRE_PAGE_SIZE,
): Promise<{ items: WireQueueItem[]; next: string | null }> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const conditions: SQL[] = [eq(wireItems.latest, true)];
  if (filters.agency) conditions.push(eq(wireItems.agency, filters.agency));
  if (filters.section) conditions.push(eq(wireItems.section, filters.section));
  if (filters.language) conditions.push(eq(wireItems.language, filters.language));
  if (filters.urgent) conditions.push(lte(wireItems.urgency, URGENT_MAX));
  if (filters.status) conditions.push(eq(wireItems.status, filters.status));
  const query = filters.q ? toPrefixTsQuery(filters.q) : null;
  if (query) conditions.push(sql`${wireItems.searchVector} @@ to_tsquery('simple', ${query})`);
  const after = filters.after ? /^(\d{1,15})\.(\d{1,10})$/.exec(filters.after) : null;
  if (after) {
    conditions.push(
      sql`(${wireItems.receivedAt}, ${wireItems.id}) < (${new Date(Number(after[1])).toISOString()}::timestamptz, ${Number(after[2])})`,
    );
  }
  const rows = await db
    .select(queueColumns)
    .from(wireItems)
    .innerJoin(wireFiles, eq(wireFiles.id, wireItems.fileId))
    .where(and(...conditions))
    .orderBy(desc(wireItems.receivedAt), desc(wireItems.id))
    .limit(pageSize + 1);
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > pageSize && last ? `${last.receivedAt.getTime()}.${last.id}` : null,
  };
}

/** The values the queue's filters offer (agencies, sections, languages seen so far). */
export async function getWireFilterOptions(
  actor: Actor,
): Promise<{ agencies: string[]; sections: string[]; languages: string[] }> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const rows = await db.select().from(wireFacets).orderBy(asc(wireFacets.kind), asc(wireFacets.value));
  const of = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => row.value);
  return { agencies: of('agency'), sections: of('section'), languages: of('language') };
}

/** The id of the newest item in the queue: the page polls it to know when to refresh. */
export async function getNewestWireItemId(actor: Actor): Promise<number | null> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const [row] = await db
    .select({ id: wireItems.id })
    .from(wireItems)
    .where(eq(wireItems.latest, true))
    .orderBy(desc(wireItems.receivedAt), desc(wireItems.id))
    .limit(1);
  return row?.id ?? null;
}

export type WireItemDetail = WireQueueItem & {
  item: WireItem | null;
  guid: string | null;
  format: string | null;
  channel: string;
  source: string | null;
  /** The bytes as received, decoded leniently for display. */
  originalText: string;
  size: number;
  versions: { id: number; version: number | null; pubStatus: string | null; receivedAt: Date; latest: boolean }[];
  stories: { id: number; headline: string; state: string }[];
};

/** One item with its metadata, original text, other versions and the stories made from it. */
export async function getWireItem(actor: Actor, wireItemId: number): Promise<WireItemDetail> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const [row] = await db
    .select({
      ...queueColumns,
      item: wireItems.item,
      guid: wireItems.guid,
      format: wireItems.format,
      channel: wireItems.channel,
      source: wireFiles.source,
      bytes: wireFiles.bytes,
      size: wireFiles.size,
    })
    .from(wireItems)
    .innerJoin(wireFiles, eq(wireFiles.id, wireItems.fileId))
    .where(eq(wireItems.id, wireItemId));
  if (!row) throw new NotFoundError('This wire item does not exist.');
  const { bytes, ...rest } = row;
  const [versions, made] = await Promise.all([
    row.guid
      ? db
          .select({
            id: wireItems.id,
            version: wireItems.version,
            pubStatus: wireItems.pubStatus,
            receivedAt: wireItems.receivedAt,
            latest: wireItems.latest,
          })
          .from(wireItems)
          .where(and(eq(wireItems.agency, row.agency), eq(wireItems.guid, row.guid)))
          .orderBy(desc(wireItems.version))
      : Promise.resolve([]),
    row.guid
      ? db
          .select({ id: stories.id, headline: stories.headline, state: stories.state })
          .from(stories)
          .innerJoin(wireItems, eq(wireItems.id, stories.sourceWireItemId))
          .where(and(eq(wireItems.agency, row.agency), eq(wireItems.guid, row.guid)))
          .orderBy(asc(stories.id))
      : Promise.resolve([]),
  ]);
  return {
    ...rest,
    originalText: new TextDecoder('utf-8').decode(unpackWireBytes(bytes).subarray(0, 512 * 1024)),
    versions,
    stories: made,
  };
}

/** The raw bytes of the file an item came from (for download). */
export async function getWireItemBytes(
  actor: Actor,
  wireItemId: number,
): Promise<{ bytes: Buffer; filename: string | null }> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const [row] = await db
    .select({ bytes: wireFiles.bytes, filename: wireFiles.filename })
    .from(wireItems)
    .innerJoin(wireFiles, eq(wireFiles.id, wireItems.fileId))
    .where(eq(wireItems.id, wireItemId));
  if (!row) throw new NotFoundError('This wire item does not exist.');
  return { bytes: unpackWireBytes(row.bytes), filename: row.filename };
}

/**
 * "Create story": a draft with the item's headline, standfirst, body (crossheads as H2),
 * dateline, mapped section, agency credit and embargo, linked to the item, which is
 * marked used. A withdrawn or killed item cannot be used.
 */
export async function createStoryFromWire(
  actor: Actor,
  wireItemId: unknown,
  now = new Date(),
): Promise<{ id: number; slug: string }> {
  requirePermission(actor, 'story:create');
  const id = parseOrThrow(StoryIdSchema, wireItemId);
  const db = await getDb();
  const [row] = await db
    .select({ item: wireItems.item, status: wireItems.status, pubStatus: wireItems.pubStatus })
    .from(wireItems)
    .where(eq(wireItems.id, id));
  if (!row) throw new NotFoundError('This wire item does not exist.');
  if (row.status === 'rejected' || !row.item) {
    throw new ConflictError('This file could not be read, so there is no story to make from it.');
  }
  if (row.pubStatus !== 'usable') {
    throw new ConflictError('The agency has withdrawn this item: it must not be used.');
  }
  const item = row.item;
  const sectionRows = await db
    .select({ id: sections.id, slug: sections.slug })
    .from(sections)
    .orderBy(asc(sections.position));
  if (sectionRows.length === 0) throw new ConflictError('Create a section first.');
  const slug = mapWireSection(
    item,
    sectionRows.map((s) => s.slug),
  );
  const sectionId = sectionRows.find((s) => s.slug === slug)?.id ?? sectionRows[0]!.id;
  const fields = wireStoryFields(item);

  return createStory(
    actor,
    {
      headline: fields.headline,
      standfirst: fields.standfirst,
      sectionId,
      body: wireBodyToStoryBody(item.body),
      sourceWireItemId: id,
      agency: item.agency ?? undefined,
      dateline: fields.dateline ?? undefined,
      embargoUntil: item.embargoUntil ? new Date(item.embargoUntil) : undefined,
    },
    now,
    {
      note: `From ${item.agency ?? 'wire'} item ${item.guid}, version ${item.version}`,
      alsoInTransaction: async (tx) => {
        await tx.update(wireItems).set({ status: 'used' }).where(eq(wireItems.id, id));
      },
    },
  );
}

export type StoryWireInfo = {
  source: { id: number; agency: string; version: number; headline: string | null; bodyText: string };
  latest: { id: number; version: number; bodyText: string; pubStatus: string } | null;
  alerts: { id: number; kind: 'canceled' | 'withheld'; createdAt: Date; handledAt: Date | null }[];
};

/** For a story made from wire copy: the item, any newer version, and open kill alerts. */
export async function getStoryWireInfo(
  actor: Actor,
  story: { id: number; sourceWireItemId: number | null },
): Promise<StoryWireInfo | null> {
  requirePermission(actor, 'desk:view');
  const { id: storyId, sourceWireItemId } = story;
  if (sourceWireItemId === null) return null;
  const db = await getDb();
  const [source] = await db
    .select({
      id: wireItems.id,
      agency: wireItems.agency,
      guid: wireItems.guid,
      version: wireItems.version,
      headline: wireItems.headline,
      bodyText: wireItems.bodyText,
    })
    .from(wireItems)
    .where(eq(wireItems.id, sourceWireItemId));
  if (!source?.guid || source.version === null) return null;
  const [latest] = await db
    .select({
      id: wireItems.id,
      version: wireItems.version,
      bodyText: wireItems.bodyText,
      pubStatus: wireItems.pubStatus,
    })
    .from(wireItems)
    .where(and(eq(wireItems.agency, source.agency), eq(wireItems.guid, source.guid), eq(wireItems.latest, true)));
  const alerts = await db
    .select({
      id: storyWireAlerts.id,
      kind: storyWireAlerts.kind,
      createdAt: storyWireAlerts.createdAt,
      handledAt: storyWireAlerts.handledAt,
    })
    .from(storyWireAlerts)
    .where(eq(storyWireAlerts.storyId, storyId))
    .orderBy(desc(storyWireAlerts.id));
  return {
    source: {
      id: source.id,
      agency: source.agency,
      version: source.version,
      headline: source.headline,
      bodyText: source.bodyText,
    },
    latest:
      latest && latest.version !== null && latest.version > source.version
        ? { id: latest.id, version: latest.version, bodyText: latest.bodyText, pubStatus: latest.pubStatus! }
        : null,
    alerts,
  };
}

/** Open kill/withdrawal alerts on published stories: every editor's dashboard shows them (others get none). */
export async function listOpenWireKills(
  actor: Actor,
): Promise<{ alertId: number; storyId: number; headline: string; kind: 'canceled' | 'withheld'; createdAt: Date }[]> {
  requirePermission(actor, 'desk:view');
  // Only those who can act on them (kill the story) are shown them.
  if (!can(actor, 'story:publish')) return [];
  const db = await getDb();
  return db
    .select({
      alertId: storyWireAlerts.id,
      storyId: stories.id,
      headline: stories.headline,
      kind: storyWireAlerts.kind,
      createdAt: storyWireAlerts.createdAt,
    })
    .from(storyWireAlerts)
    .innerJoin(stories, eq(stories.id, storyWireAlerts.storyId))
    .where(and(isNull(storyWireAlerts.handledAt), eq(stories.state, 'published')))
    .orderBy(asc(storyWireAlerts.createdAt));
}

/** An editor marks a kill alert as dealt with (story killed, or kept on purpose); audited on the story. */
export async function handleWireAlert(actor: Actor, alertId: unknown, now = new Date()): Promise<void> {
  requirePermission(actor, 'story:publish');
  const id = parseOrThrow(StoryIdSchema, alertId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [alert] = await tx.select().from(storyWireAlerts).where(eq(storyWireAlerts.id, id)).for('update');
    if (!alert) throw new NotFoundError('This alert does not exist.');
    if (alert.handledAt) return;
    await tx.update(storyWireAlerts).set({ handledAt: now, handledById: actor.id }).where(eq(storyWireAlerts.id, id));
    await recordStoryEvent(tx, {
      storyId: alert.storyId,
      actorId: actor.id,
      action: 'wire_alert_handled',
      note: alert.kind === 'canceled' ? 'Agency kill notice handled' : 'Agency withdrawal handled',
      at: now,
    });
  });
}
