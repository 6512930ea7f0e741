// The process-wide meeting point of the collaboration server (lib/collab, bundled by
// Next.js) and the production server (server/next-thread.mjs, plain Node.js), which run two
// copies of this module and find the one record on globalThis — as lib/log.js and
// lib/shutdown-hooks.js do. Plain JavaScript for the same reason.

const KEY = Symbol.for('wiredesk.collab');

/**
 * @typedef {(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void} UpgradeHandler
 * @typedef {{ kind: string, storyId?: number, [key: string]: unknown }} CollabEvent
 * @typedef {{
 *   upgradeHandlers: Map<string, UpgradeHandler>,
 *   closers: Set<() => Promise<void>>,
 *   eventHandlers: Set<(event: CollabEvent) => void>,
 *   instanceId: string,
 *   served: boolean,
 * }} CollabRegistry
 */

/** @returns {CollabRegistry} */
export function getCollabRegistry() {
  const holder = /** @type {Record<symbol, CollabRegistry | undefined>} */ (/** @type {unknown} */ (globalThis));
  let registry = holder[KEY];
  if (!registry) {
    registry = {
      upgradeHandlers: new Map(),
      closers: new Set(),
      eventHandlers: new Set(),
      instanceId: globalThis.crypto.randomUUID(),
      served: false,
    };
    holder[KEY] = registry;
  }
  return registry;
}

/**
 * The production server says it hands WebSocket upgrades to the handlers registered here
 * (`next dev` does not: the editor page then says that live editing needs `npm start`).
 */
export function markCollabServed() {
  getCollabRegistry().served = true;
}

/** Whether this process's HTTP server passes WebSocket upgrades on (see markCollabServed). */
export function isCollabServed() {
  return getCollabRegistry().served;
}

/**
 * Registers the handler for WebSocket upgrades on one path; returns a function removing it.
 * @param {string} path
 * @param {UpgradeHandler} handler
 */
export function registerUpgradeHandler(path, handler) {
  const { upgradeHandlers } = getCollabRegistry();
  upgradeHandlers.set(path, handler);
  return () => {
    if (upgradeHandlers.get(path) === handler) upgradeHandlers.delete(path);
  };
}

/**
 * Registers what closes the upgraded connections (WebSockets) at shutdown. The HTTP
 * server's close() waits for every socket, upgraded ones included, so the production
 * server runs these first (closeUpgradedConnections), before it waits for the rest.
 * @param {() => Promise<void>} closer
 */
export function onUpgradedConnectionsClose(closer) {
  getCollabRegistry().closers.add(closer);
}

/** Runs every registered closer once (see onUpgradedConnectionsClose); a failing one does not stop the others. */
export async function closeUpgradedConnections() {
  const { closers } = getCollabRegistry();
  const all = [...closers];
  closers.clear();
  await Promise.allSettled(all.map((close) => close()));
}

/**
 * The handler for upgrades on this path, or undefined.
 * @param {string} path
 */
export function findUpgradeHandler(path) {
  return getCollabRegistry().upgradeHandlers.get(path);
}

/**
 * Subscribes to live-document events of this process (and, through the collaboration
 * server's listener, of other instances); returns a function unsubscribing.
 * @param {(event: CollabEvent) => void} handler
 */
export function addCollabEventHandler(handler) {
  const { eventHandlers } = getCollabRegistry();
  eventHandlers.add(handler);
  return () => {
    eventHandlers.delete(handler);
  };
}

/**
 * Hands an event to every subscriber in this process. A subscriber that throws is
 * skipped: the others still get it.
 * @param {CollabEvent} event
 */
export function deliverCollabEvent(event) {
  for (const handler of getCollabRegistry().eventHandlers) {
    try {
      handler(event);
    } catch {
      // A subscriber's failure is its own (it logs); the event still reaches the rest.
    }
  }
}
