// The process-wide record of public cache invalidations: which tag was invalidated when.
// Plain JavaScript on purpose: it is shared by lib/ code (bundled by Next.js) and by the
// cache handler (cache-handler.mjs, loaded by Node.js directly), which therefore run two
// copies of this module; both find the one record on globalThis.

const KEY = Symbol.for('wiredesk.public-cache.invalidations');
// Enough for every story touched in a long uptime; past it we forget the details and
// treat everything cached so far as stale (always safe, briefly slower).
const MAX_TAGS = 100_000;

/**
 * @typedef {{ tagTimes: Map<string, number>, everythingAt: number, instanceId: string }} InvalidationRegistry
 */

/** @returns {InvalidationRegistry} */
export function getInvalidationRegistry() {
  const holder = /** @type {Record<symbol, InvalidationRegistry | undefined>} */ (/** @type {unknown} */ (globalThis));
  let registry = holder[KEY];
  if (!registry) {
    registry = { tagTimes: new Map(), everythingAt: 0, instanceId: globalThis.crypto.randomUUID() };
    holder[KEY] = registry;
  }
  return registry;
}

/**
 * Records that these tags changed at `at` (ms since the epoch): anything cached with one
 * of them that was rendered before `at` is stale from now on.
 * @param {Iterable<string>} tags
 * @param {number} [at]
 */
export function recordInvalidation(tags, at = Date.now()) {
  const registry = getInvalidationRegistry();
  for (const tag of tags) {
    if ((registry.tagTimes.get(tag) ?? 0) < at) registry.tagTimes.set(tag, at);
  }
  if (registry.tagTimes.size > MAX_TAGS) recordEverythingInvalidated(at);
}

/**
 * Everything cached before `at` is stale: used when invalidations may have been missed
 * (a broadcast connection was lost) or the tag record grew too large.
 * @param {number} [at]
 */
export function recordEverythingInvalidated(at = Date.now()) {
  const registry = getInvalidationRegistry();
  registry.tagTimes.clear();
  registry.everythingAt = Math.max(registry.everythingAt, at);
}

/**
 * Whether something cached at `cachedAt` with these tags has been invalidated since.
 * Equal times count as invalidated: a render that began in the same millisecond as a
 * commit may have read the data from before it.
 * @param {Iterable<string>} tags
 * @param {number} cachedAt
 */
export function isInvalidatedSince(tags, cachedAt) {
  const registry = getInvalidationRegistry();
  if (registry.everythingAt >= cachedAt) return true;
  for (const tag of tags) {
    const at = registry.tagTimes.get(tag);
    if (at !== undefined && at >= cachedAt) return true;
  }
  return false;
}
