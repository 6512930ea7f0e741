import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { configuredTarget, getDb } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { ApiTokenPrincipal } from '@/lib/api-tokens';
import { requirePermission } from '@/lib/permissions';
import type { StaffUser } from '@/lib/users';
import { WireParseError } from './errors';
import { hashWireContent } from './guid';
import { parseWire } from './parse-wire';
import { wireSearchLexemes } from './search-words';
import { packWireBytes } from './stored-bytes';
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

export type WireFileInput = {
  bytes: Uint8Array;
  channel: WireChannel;
  filename?: string | null;
  source?: string | null;
  receivedAt?: Date;
};

/** A file as a sender hands it over; the channel and source come from who sends it. */
export type WireFile = { bytes: Uint8Array; filename?: string | null; receivedAt?: Date };

/** The server itself: the inbox it watches (named by its folder) and the demo seed. */
export type SystemWireSender = { kind: 'system'; channel: 'inbox' | 'seed'; source?: string };

/**
 * Who is sending wire copy: a signed-in staff member (upload in the wire queue), an API
 * token that authenticateApiToken vouched for (POST /api/wire), or the server itself.
 */
export type WireSender = StaffUser | ApiTokenPrincipal | SystemWireSender;

// Staff must hold wire:ingest; a token was authenticated by lib/api-tokens; the system is the operator.
function senderChannel(sender: WireSender): Pick<WireFileInput, 'channel' | 'source'> {
  if (!('kind' in sender)) {
    requirePermission(sender, 'wire:ingest');
    return { channel: 'upload', source: sender.name };
  }
  if (sender.kind === 'api-token') return { channel: 'api', source: `API token “${sender.name}”` };
  return { channel: sender.channel, source: sender.source ?? null };
}

/** Files larger than this are refused without being stored (the sender still has them). */
export const MAX_STORED_FILE_BYTES = 20 * 1024 * 1024;

// A batch is one database call; past these sizes a call gains nothing from being bigger.
const MAX_BATCH_FILES = 50;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The one way wire copy enters Wiredesk, behind every channel (upload, API, inbox,
 * seed). Keeps the raw bytes, whatever they are (unreadable ones too); stores each item
 * version once, recognizing duplicates (same agency, guid and version, or the same
 * content re-sent under another id), newer versions (linked to the previous one, which
 * leaves the queue) and kill or withdrawal notices (which alert every story made from
 * the item). Unreadable input is kept with its reason as a `rejected` row.
 *
 * Concurrent calls are grouped into one database call while the previous one runs:
 * the round trip, not the items, is what costs on the embedded database.
 */
export async function ingestWireFile(sender: WireSender, file: WireFile): Promise<IngestResult> {
  const origin = senderChannel(sender);
  return new Promise((resolve, reject) => {
    pending.push({ file: { ...file, ...origin }, resolve, reject });
    if (!flushing) void flush();
  });
}

/** Ingests many files (an inbox scan, a seed) in as few database calls as possible. */
export async function ingestWireFiles(sender: WireSender, files: WireFile[]): Promise<IngestResult[]> {
  const origin = senderChannel(sender);
  const results: IngestResult[] = [];
  for (const batch of toBatches(files.map((file) => ({ ...file, ...origin })))) {
    results.push(...(await ingestBatchOrOneByOne(batch)));
  }
  return results;
}

type Job = { file: WireFileInput; resolve: (result: IngestResult) => void; reject: (error: unknown) => void };
const pending: Job[] = [];
let flushing = false;

async function flush(): Promise<void> {
  flushing = true;
  try {
    while (pending.length > 0) {
      const jobs = pending.splice(0, MAX_BATCH_FILES);
      for (const group of toBatches(
        jobs.map((job) => job.file),
        jobs,
      )) {
        const batchJobs = group.extra;
        try {
          const results = await ingestBatchOrOneByOne(group.files);
          batchJobs.forEach((job, i) => job.resolve(results[i]!));
        } catch (error) {
          for (const job of batchJobs) job.reject(error);
        }
      }
    }
  } finally {
    flushing = false;
  }
}

function toBatches(files: WireFileInput[]): WireFileInput[][];
function toBatches<T>(files: WireFileInput[], extra: T[]): { files: WireFileInput[]; extra: T[] }[];
function toBatches<T>(
  files: WireFileInput[],
  extra?: T[],
): WireFileInput[][] | { files: WireFileInput[]; extra: T[] }[] {
  const batches: { files: WireFileInput[]; extra: T[] }[] = [];
  let current = { files: [] as WireFileInput[], extra: [] as T[] };
  let bytes = 0;
  files.forEach((file, i) => {
    if (
      current.files.length >= MAX_BATCH_FILES ||
      (current.files.length > 0 && bytes + file.bytes.length > MAX_BATCH_BYTES)
    ) {
      batches.push(current);
      current = { files: [], extra: [] };
      bytes = 0;
    }
    current.files.push(file);
    if (extra) current.extra.push(extra[i]!);
    bytes += file.bytes.length;
  });
  if (current.files.length > 0) batches.push(current);
  return extra ? batches : batches.map((batch) => batch.files);
}

// A database error in a batch (a bug, a constraint we did not foresee) must not fail the
// other files with it: they are tried again one by one, so only the culprit fails.
async function ingestBatchOrOneByOne(files: WireFileInput[]): Promise<IngestResult[]> {
  try {
    return await ingestBatch(files);
  } catch (error) {
    if (files.length === 1) throw error;
    const results: IngestResult[] = [];
    for (const file of files) results.push((await ingestBatch([file]))[0]!);
    return results;
  }
}

type FileDescriptor = {
  sha256: string;
  size: number;
  filename: string | null;
  channel: WireChannel;
  source: string | null;
  receivedAt: string;
  reject: string | null;
};

/** Parses the files and stores them, with their items, in one call to the `wire_ingest` database function (migration 0004). */
async function ingestBatch(files: WireFileInput[]): Promise<IngestResult[]> {
  const descriptors: FileDescriptor[] = [];
  const itemFields: ReturnType<typeof columnsOf>[] = [];
  const items: WireItem[] = [];
  files.forEach((file, index) => {
    let reject: string | null = null;
    try {
      const parsed = parseWire(file.bytes).items;
      if (parsed.length === 0) reject = 'The file holds no items';
      for (const item of parsed) {
        items.push(item);
        itemFields.push(columnsOf(item, index + 1));
      }
    } catch (error) {
      if (!(error instanceof WireParseError)) throw error;
      reject = error.message;
    }
    descriptors.push({
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      size: file.bytes.length,
      filename: file.filename?.slice(0, 500) ?? null,
      channel: file.channel,
      source: file.source?.slice(0, 200) ?? null,
      receivedAt: (file.receivedAt ?? new Date()).toISOString(),
      reject,
    });
  });

  const facets = newFacets(items);
  const packed = arrayOf(
    files.map((file) => packWireBytes(file.bytes)),
    'bytea',
  );
  const documents = arrayOf(
    items.map((item) => JSON.stringify(item)),
    'text',
  );
  const lexemes = arrayOf(
    items.map((item) => wireSearchLexemes(item.headline, item.body)),
    'text',
  );
  const lock = configuredTarget().kind === 'postgres';
  const db = await getDb();
  const result = await db.execute<{ file_index: number; item_id: number; outcome: string }>(sql`
    select file_index, item_id, outcome from wire_ingest(
      ${JSON.stringify(descriptors)}::jsonb, ${packed}, ${JSON.stringify(itemFields)}::jsonb,
      ${documents}, ${lexemes}, ${JSON.stringify(facets)}::jsonb, ${lock})`);
  rememberFacets(facets);
  const rows = rowsOf<{ file_index: number; item_id: number; outcome: string }>(result);

  // Rows come back per file (rejections) and per item, in input order.
  let itemCursor = 0;
  return descriptors.map((descriptor, index) => {
    const fileRows = rows.filter((row) => row.file_index === index + 1);
    if (descriptor.reject !== null) {
      return { id: fileRows[0]!.item_id, status: 'rejected', error: descriptor.reject, items: [] };
    }
    const fileItems: IngestedItem[] = fileRows.map((row) => ({
      id: row.item_id,
      status: row.outcome as IngestedItem['status'],
      headline: items[itemCursor++]!.headline,
    }));
    const status: IngestStatus = fileItems.some((r) => r.status === 'new')
      ? 'new'
      : fileItems.some((r) => r.status === 'updated')
        ? 'updated'
        : 'duplicate';
    return { id: fileItems[0]!.id, status, items: fileItems };
  });
}

// The promoted columns, as the wire_ingest function reads them from JSON.
function columnsOf(item: WireItem, fileIndex: number) {
  return {
    fileIndex,
    format: item.format,
    agency: item.agency ?? '',
    guid: item.guid,
    version: item.version,
    pubStatus: item.pubStatus,
    urgency: item.urgency,
    headline: item.headline,
    language: item.language,
    section: item.section,
    embargoUntil: item.embargoUntil,
    versionCreated: item.versionCreated,
    bodyText: item.body.map((block) => block.text).join('\n\n'),
    contentHash: hashWireContent(item.headline, item.body),
  };
}

// Filter values this process has already stored: most items bring none, and skipping the
// insert is one statement less per call.
const knownFacets = new Set<string>();

function newFacets(items: WireItem[]): [string, string][] {
  const facets = new Map<string, [string, string]>();
  for (const item of items) {
    for (const [kind, value] of [
      ['agency', item.agency],
      ['section', item.section],
      ['language', item.language],
    ] as const) {
      const key = `${kind}\u0000${value}`;
      if (value && !knownFacets.has(key)) facets.set(key, [kind, value]);
    }
  }
  return [...facets.values()];
}

function rememberFacets(facets: [string, string][]): void {
  for (const [kind, value] of facets) knownFacets.add(`${kind}\u0000${value}`);
}

// An array parameter as ARRAY[$1, $2, …]: each value travels as its own parameter, with no
// text encoding to build or parse (drizzle would otherwise spread a JS array inline).
function arrayOf(values: (string | Buffer)[], type: 'text' | 'bytea') {
  return sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
}
