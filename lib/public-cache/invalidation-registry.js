// The process-wide record of public cache invalidations: which tag was invalidated when.
// Plain JavaScript on purpose: it is shared by lib/ code (bundled by Next.js) and by the
// cache handler (cache-handler.mjs, loaded by Node.js directly), which therefore run two
// copies of this module; both find the one record on globalThis. The production server's
// front thread, which keeps the public pages, has a record of its own, kept up to date
// from this thread's (server/invalidation-bridge.mjs).

const KEY = Symbol.for('wiredesk.public-cache.invalidations');
// Enough for every story touched in a long uptime; past it we forget the details and
// treat everything cached so far as stale (always safe, briefly slower).
const MAX_TAGS = 100_000;

/**
 * What a listener hears: these tags changed at `at`, or (`tags` null) everything did.
 * @typedef {{ tags: string[] | null, at: number }} InvalidationEvent
 */

/**
 * @typedef {{
 *   tagTimes: Map<string, number>,
 *   everythingAt: number,
 *   instanceId: string,
 *   listeners: Set<(event: InvalidationEvent) => void>,
 * }} InvalidationRegistry
 */

/** @returns {InvalidationRegistry} */
export function getInvalidationRegistry() {
  const holder = /** @type {Record<symbol, InvalidationRegistry | undefined>} */ (/** @type {unknown} */ (globalThis));
  let registry = holder[KEY];
  if (!registry) {
    registry = {
      tagTimes: new Map(),
      everythingAt: 0,
      instanceId: globalThis.crypto.randomUUID(),
      listeners: new Set(),
    };
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
  const list = [...tags];
  for (const tag of list) {
    if ((registry.tagTimes.get(tag) ?? 0) < at) registry.tagTimes.set(tag, at);
  }
  if (registry.tagTimes.size > MAX_TAGS) recordEverythingInvalidated(at);
  else tellListeners(registry, { tags: list, at });
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
  tellListeners(registry, { tags: null, at });
}

/**
 * Calls `listener` with every invalidation recorded from now on, until the returned
 * function is called. The production server's front thread keeps the public pages, and
 * lib/ (in the Next.js thread) records what changed: this is how the news crosses over
 * (server/next-thread.mjs).
 * @param {(event: InvalidationEvent) => void} listener
 * @returns {() => void}
 */
export function onInvalidation(listener) {
  const { listeners } = getInvalidationRegistry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * @param {InvalidationRegistry} registry
 * @param {InvalidationEvent} event
 */
function tellListeners(registry, event) {
  for (const listener of registry.listeners) listener(event);
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
