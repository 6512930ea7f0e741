// Next.js server cache handler (next.config.js `cacheHandler`): full pages, route
// handlers and unstable_cache data, kept in this process's memory and checked against
// Wiredesk's invalidation record on every read. Why not Next's built-in file cache:
//  - invalidations come from lib/ after a transaction commits, also where Next's
//    revalidateTag cannot be called (outside a request, or from another instance via
//    PostgreSQL NOTIFY); this handler sees them all through invalidation-registry.js;
//  - entries are stamped with the time their render *started* (the cache miss), not the
//    time they were stored, so a render that read the database just before a publish
//    committed can never be kept as fresh;
//  - memory only: a restart starts empty, so pages cached before a CLI tool or another
//    instance changed the database while this one was down are never served.
// See docs/decisions/005-public-site.md.
import { isInvalidatedSince, recordInvalidation } from './invalidation-registry.js';

const MAX_BYTES = Number(process.env.WIREDESK_CACHE_MAX_MB || 128) * 1024 * 1024;
const TAGS_HEADER = 'x-next-cache-tags';

/** @type {Map<string, { value: any, lastModified: number, tags: string[], size: number, cacheControl: any }>} */
const entries = new Map();
/** When the oldest render still in flight for a key began (its cache miss). */
const missedAt = new Map();
let totalBytes = 0;

function sizeOf(value) {
  if (!value) return 0;
  let size = 256;
  if (typeof value.html === 'string') size += value.html.length;
  if (value.rscData) size += value.rscData.byteLength ?? 0;
  if (value.segmentData instanceof Map) for (const part of value.segmentData.values()) size += part.byteLength ?? 0;
  if (typeof value.body === 'string') size += value.body.length;
  else if (value.body) size += value.body.byteLength ?? 0;
  if (value.data && typeof value.data.body === 'string') size += value.data.body.length;
  return size;
}

function tagsOf(value, ctx) {
  const tags = new Set(ctx?.tags ?? []);
  for (const tag of value?.tags ?? []) tags.add(tag);
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

function remove(key) {
  const entry = entries.get(key);
  if (!entry) return;
  totalBytes -= entry.size;
  entries.delete(key);
}

function noteMiss(key) {
  if (!missedAt.has(key)) missedAt.set(key, Date.now());
  // A render that never stores (an error) leaves its mark; keep the map bounded.
  if (missedAt.size > 10_000) missedAt.delete(missedAt.keys().next().value);
}

export default class WiredeskCacheHandler {
  // Next passes its options (file-system paths, flags); nothing here needs them.
  constructor() {}

  async get(key, ctx) {
    const entry = entries.get(key);
    if (!entry) {
      noteMiss(key);
      return null;
    }
    const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    if (isInvalidatedSince(tags, entry.lastModified)) {
      remove(key);
      noteMiss(key);
      return null;
    }
    // Least recently used goes first: re-insert on every hit.
    entries.delete(key);
    entries.set(key, entry);
    return entry.cacheControl
      ? { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl }
      : { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    const startedAt = missedAt.get(key) ?? Date.now();
    missedAt.delete(key);
    remove(key);
    if (!data) return;
    const size = sizeOf(data);
    if (size > MAX_BYTES / 4) return;
    const entry = {
      value: data,
      lastModified: startedAt,
      tags: tagsOf(data, ctx),
      size,
      cacheControl: ctx?.cacheControl,
    };
    entries.set(key, entry);
    totalBytes += size;
    while (totalBytes > MAX_BYTES && entries.size > 0) remove(entries.keys().next().value);
  }

  // revalidateTag()/revalidatePath() in server actions and route handlers end up here.
  // Wiredesk treats every revalidation as immediate expiry: readers never get a page
  // that an editor has just changed, not even once.
  async revalidateTag(tags) {
    recordInvalidation(typeof tags === 'string' ? [tags] : tags);
  }

  resetRequestCache() {}
}
