import 'server-only';
import { createHash } from 'node:crypto';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { stories, storyWireAlerts, wireFiles, wireItems } from '@/db/schema';
import { WireParseError } from './errors';
import { hashWireContent } from './guid';
import { parseWire } from './parse-wire';
import type { WireItem } from './wire-item';

export type WireChannel = 'upload' | 'api' | 'inbox' | 'seed';
export type IngestStatus = 'new' | 'updated' | 'duplicate' | 'rejected';

export type IngestedItem = { id: number; status: Exclude<IngestStatus, 'rejected'>; headline: string | null };

export type IngestResult = {
  /** The first item's id (or the rejected row's): what `POST /api/wire` answers with. */
  id: number;
  /** new if any item was new, else updated if any was, else duplicate; or rejected. */
  status: IngestStatus;
  error?: string;
  items: IngestedItem[];
};

/** Files larger than this are refused without being stored (the sender still has them). */
export const MAX_STORED_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The one way wire copy enters Wiredesk, behind every channel (upload, API, inbox,
 * seed). Keeps the raw bytes first, whatever they are; parses them; stores each item
 * version once, recognizing duplicates (same agency, guid and version, or the same
 * content re-sent under another id), newer versions (linked to the previous one, which
 * leaves the queue) and kill or withdrawal notices (which alert every story made from
 * the item). Unreadable input is kept with its reason as a `rejected` row.
 */
export async function ingestWireFile(
  bytes: Uint8Array,
  meta: { channel: WireChannel; filename?: string | null; source?: string | null; receivedAt?: Date },
): Promise<IngestResult> {
  const receivedAt = meta.receivedAt ?? new Date();
  const fileId = await storeFile(bytes, { ...meta, receivedAt });

  let items: WireItem[];
  try {
    items = parseWire(bytes).items;
  } catch (error) {
    if (!(error instanceof WireParseError)) throw error;
    return recordRejection(fileId, error.message, meta.channel, receivedAt);
  }
  if (items.length === 0) return recordRejection(fileId, 'The file holds no items', meta.channel, receivedAt);

  const results: IngestedItem[] = [];
  for (const item of items) results.push(await storeItem(item, fileId, meta.channel, receivedAt));
  const status: IngestStatus = results.some((r) => r.status === 'new')
    ? 'new'
    : results.some((r) => r.status === 'updated')
      ? 'updated'
      : 'duplicate';
  return { id: results[0]!.id, status, items: results };
}

async function storeFile(
  bytes: Uint8Array,
  meta: { channel: WireChannel; filename?: string | null; source?: string | null; receivedAt: Date },
): Promise<number> {
  const db = await getDb();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [inserted] = await db
    .insert(wireFiles)
    .values({
      sha256,
      bytes: Buffer.from(bytes),
      size: bytes.length,
      filename: meta.filename?.slice(0, 500) ?? null,
      channel: meta.channel,
      source: meta.source?.slice(0, 200) ?? null,
      receivedAt: meta.receivedAt,
    })
    .onConflictDoNothing({ target: wireFiles.sha256 })
    .returning({ id: wireFiles.id });
  if (inserted) return inserted.id;
  const [existing] = await db.select({ id: wireFiles.id }).from(wireFiles).where(eq(wireFiles.sha256, sha256));
  return existing!.id;
}

async function recordRejection(
  fileId: number,
  reason: string,
  channel: WireChannel,
  receivedAt: Date,
): Promise<IngestResult> {
  const db = await getDb();
  // The same unreadable file twice is one rejected row, not two.
  const [existing] = await db
    .select({ id: wireItems.id })
    .from(wireItems)
    .where(and(eq(wireItems.fileId, fileId), eq(wireItems.status, 'rejected')));
  const id =
    existing?.id ??
    (
      await db
        .insert(wireItems)
        .values({ fileId, status: 'rejected', rejectReason: reason, channel, receivedAt })
        .returning({ id: wireItems.id })
    )[0]!.id;
  return { id, status: 'rejected', error: reason, items: [] };
}

function columnsOf(item: WireItem) {
  return {
    format: item.format,
    agency: item.agency ?? '',
    guid: item.guid,
    version: item.version,
    pubStatus: item.pubStatus,
    urgency: item.urgency,
    headline: item.headline,
    language: item.language,
    section: item.section,
    embargoUntil: item.embargoUntil ? new Date(item.embargoUntil) : null,
    versionCreated: item.versionCreated ? new Date(item.versionCreated) : null,
    bodyText: item.body.map((block) => block.text).join('\n\n'),
    contentHash: hashWireContent(item.headline, item.body),
    item,
  };
}

async function storeItem(
  item: WireItem,
  fileId: number,
  channel: WireChannel,
  receivedAt: Date,
): Promise<IngestedItem> {
  const db = await getDb();
  const columns = columnsOf(item);
  return db.transaction(async (tx) => {
    // Two copies of one story arriving at once (two channels, two instances) are serialized.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`wire:${columns.agency}:${columns.guid}`}))`);
    const identity = and(eq(wireItems.agency, columns.agency), eq(wireItems.guid, columns.guid));

    const [same] = await tx
      .select({ id: wireItems.id, contentHash: wireItems.contentHash, pubStatus: wireItems.pubStatus })
      .from(wireItems)
      .where(and(identity, eq(wireItems.version, columns.version)));
    if (same) {
      if (same.contentHash === columns.contentHash && same.pubStatus === columns.pubStatus) {
        return { id: same.id, status: 'duplicate', headline: item.headline };
      }
      // Same version number, different text or status (an agency re-sending a kill without
      // bumping the version): the newer copy wins; the older file stays in wire_files.
      await tx
        .update(wireItems)
        .set({ ...columns, fileId, channel, receivedAt })
        .where(eq(wireItems.id, same.id));
      await alertStoriesIfKilled(tx, item, columns, same.id, receivedAt);
      return { id: same.id, status: 'updated', headline: item.headline };
    }

    // The same story re-sent under another id (feeds do this) is a duplicate too.
    const [copy] = await tx
      .select({ id: wireItems.id })
      .from(wireItems)
      .where(
        and(
          eq(wireItems.agency, columns.agency),
          eq(wireItems.contentHash, columns.contentHash),
          eq(wireItems.pubStatus, columns.pubStatus),
          ne(wireItems.guid, columns.guid),
        ),
      )
      .limit(1);
    if (copy) return { id: copy.id, status: 'duplicate', headline: item.headline };

    const [newest] = await tx
      .select({ id: wireItems.id, version: wireItems.version })
      .from(wireItems)
      .where(identity)
      .orderBy(desc(wireItems.version))
      .limit(1);
    const isNewest = !newest || columns.version > newest.version!;
    const [stored] = await tx
      .insert(wireItems)
      .values({
        ...columns,
        fileId,
        channel,
        receivedAt,
        latest: isNewest,
        previousId: isNewest ? (newest?.id ?? null) : null,
      })
      .returning({ id: wireItems.id });
    if (newest && isNewest) await tx.update(wireItems).set({ latest: false }).where(eq(wireItems.id, newest.id));
    await alertStoriesIfKilled(tx, item, columns, stored!.id, receivedAt);
    return { id: stored!.id, status: newest ? 'updated' : 'new', headline: item.headline };
  });
}

/** A kill or withdrawal notice alerts every story made from any version of the item. */
async function alertStoriesIfKilled(
  tx: Transaction,
  item: WireItem,
  columns: { agency: string; guid: string },
  wireItemId: number,
  at: Date,
): Promise<void> {
  if (item.pubStatus === 'usable') return;
  const made = await tx
    .select({ storyId: stories.id })
    .from(stories)
    .innerJoin(wireItems, eq(wireItems.id, stories.sourceWireItemId))
    .where(and(eq(wireItems.agency, columns.agency), eq(wireItems.guid, columns.guid)));
  if (made.length === 0) return;
  await tx
    .insert(storyWireAlerts)
    .values(
      made.map(({ storyId }) => ({
        storyId,
        wireItemId,
        kind: item.pubStatus as 'canceled' | 'withheld',
        createdAt: at,
      })),
    )
    .onConflictDoNothing();
}
