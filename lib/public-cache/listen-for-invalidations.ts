import 'server-only';
import postgres from 'postgres';
import { getInvalidationRegistry, recordEverythingInvalidated, recordInvalidation } from './invalidation-registry.js';
import { INVALIDATION_CHANNEL, type InvalidationMessage } from './invalidate-public-pages';

/** Applies one broadcast from another instance (or ignores our own). Exported for tests. */
export function applyInvalidationMessage(payload: string, at = Date.now()): void {
  const registry = getInvalidationRegistry();
  let message: InvalidationMessage;
  try {
    message = JSON.parse(payload) as InvalidationMessage;
  } catch {
    // Not ours, or cut short: the safe reading is "something changed".
    recordEverythingInvalidated(at);
    return;
  }
  if (message.origin === registry.instanceId) return; // already applied locally at commit
  if ('everything' in message) recordEverythingInvalidated(at);
  else if (Array.isArray(message.tags))
    recordInvalidation(
      message.tags.filter((tag) => typeof tag === 'string'),
      at,
    );
}

/**
 * Several instances on one PostgreSQL: each listens for the invalidations the others
 * announce in their transactions (announceInvalidation) and drops the same pages, a few
 * milliseconds after the commit. Whenever the connection is (re)established, notices may
 * have been missed, so everything cached before that moment is treated as stale.
 */
export async function listenForInvalidations(databaseUrl: string): Promise<{ stop: () => Promise<void> }> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await client.listen(
    INVALIDATION_CHANNEL,
    (payload) => applyInvalidationMessage(payload),
    () => recordEverythingInvalidated(),
  );
  return { stop: () => client.end({ timeout: 5 }) };
}
