import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Document, type Extension } from '@hocuspocus/server';
import postgres from 'postgres';
import { WebSocketServer } from 'ws';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { stories, storyDocuments } from '@/db/schema';
import { getLogger } from '@/lib/log.js';
import type { Actor } from '@/lib/permissions';
import { STATE_LABELS, type StoryState } from '@/lib/workflow';
import { eq } from 'drizzle-orm';
import { accessKey, authenticateUpgrade, decideStoryAccess, recheckStoryAccess } from './collab-access';
import {
  announceCollabEvents,
  COLLAB_CHANNEL,
  decodeCollabEvent,
  deliverCollabEvents,
  type CollabEvent,
} from './collab-events';
import { COLLAB_CLOSE, SAVE_NOW, type CollabAccess, type CollabMessage } from './collab-protocol';
import { addCollabEventHandler, getCollabRegistry } from './collab-registry.js';
import { parseStoryDocumentName } from './story-document-model';
import { appendStoryUpdate, foldLiveStory, loadStoryDocument, readStoryUpdatesSince } from './story-document-store';

// The collaboration server (docs/decisions/013-real-time-co-editing.md): Hocuspocus over
// WebSockets, inside the production server's process and port. Each connection is
// authenticated from its session cookie and authorized per story with can() (lib/collab/
// collab-access.ts); updates from a read-only connection are dropped by Hocuspocus itself.
// What arrives is appended to the story's log (lib/collab/story-document-store.ts), which
// is how other instances (and the fold that writes the working copy) see it.

/**
 * The origin of updates that came from the log (another instance, an API save): the one
 * Hocuspocus's own Redis extension uses, which it treats as "not ours to store" — only the
 * instance that received a change schedules its fold.
 */
const FROM_ELSEWHERE = '__hocuspocus__redis__origin__';

/** What each connection carries: who, which story, with what rights. */
type ConnectionContext = { user: Actor & { name: string }; storyId: number; access: CollabAccess };

/** A document open on this instance. */
type LiveDocument = {
  storyId: number;
  document: Document;
  /** Every logged update up to this id is in `document`. */
  lastApplied: number;
  pulling: Promise<void> | null;
  pullAgain: boolean;
  /** Updates received here and not yet logged, per user. */
  unlogged: Map<number, Uint8Array[]>;
  logging: Promise<void> | null;
  /** Changes applied from elsewhere and not yet seen folded (see the fold watch). */
  relayedAt: number | null;
};

/** A refusal Hocuspocus passes to the page as its reason; no message, so nothing is logged as an error. */
class CollabRefusal extends Error {
  constructor(readonly reason: string) {
    super('');
  }
}

export type CollabServerOptions = {
  /** Fold this long after the last keystroke (Hocuspocus's store debounce)… */
  foldDelayMs?: number;
  /** …and at least this often while typing goes on. */
  foldMaxDelayMs?: number;
  /** How often every connection's rights are decided again (deactivations, role changes). */
  recheckMs?: number;
  /** PostgreSQL to listen on for other instances' events; null for the embedded database. */
  databaseUrl?: string | null;
  /** The largest WebSocket message accepted (a whole story, with room to spare). */
  maxMessageBytes?: number;
};

export type CollabServer = {
  /** Hands an HTTP upgrade on the collaboration path to the server (or refuses it). */
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Logs and folds what is pending, closes every connection (pages reconnect elsewhere), stops. */
  stop: () => Promise<void>;
  /** For tests and benchmarks: open documents and connections. */
  stats: () => { documents: number; connections: number };
};

const isConnection = (origin: unknown): origin is Connection =>
  typeof origin === 'object' && origin !== null && 'socketId' in origin && 'context' in origin;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason =
    status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message) + 1}\r\n\r\n${message}\n`,
  );
}

function accessMessage(access: CollabAccess, state: StoryState | null): CollabMessage {
  return access === 'read'
    ? {
        kind: 'access',
        access,
        message: state
          ? `The story is ${STATE_LABELS[state].toLowerCase()}: you can read it, but no longer edit it.`
          : 'You can read this story, but no longer edit it.',
      }
    : { kind: 'access', access, message: 'You can edit this story again.' };
}

/** Starts the collaboration server of this process; the caller routes upgrades to `handleUpgrade`. */
export function startCollabServer(options: CollabServerOptions = {}): CollabServer {
  const foldDelayMs = options.foldDelayMs ?? 2000;
  const foldMaxDelayMs = options.foldMaxDelayMs ?? 10_000;
  const recheckMs = options.recheckMs ?? 2000;
  const log = getLogger();
  const live = new Map<number, LiveDocument>();
  // Tells this server's own appends apart from other servers' in the same process (tests).
  const serverId = globalThis.crypto.randomUUID();
  let stopping = false;

  // ── Logging updates ───────────────────────────────────────────────────────────────
  function logSoon(doc: LiveDocument): Promise<void> {
    doc.logging ??= (async () => {
      // Keystrokes arriving while a batch is being written go into the next one.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        while (doc.unlogged.size > 0) {
          // Taken out before the write: what arrives meanwhile starts the next batch.
          const [userId, updates] = doc.unlogged.entries().next().value as [number, Uint8Array[]];
          doc.unlogged.delete(userId);
          try {
            await appendStoryUpdate(doc.storyId, userId, Y.mergeUpdates(updates));
            deliverCollabEvents([{ kind: 'updates', storyId: doc.storyId, from: serverId }]);
          } catch (error) {
            doc.unlogged.set(userId, [...updates, ...(doc.unlogged.get(userId) ?? [])]);
            // Kept, and tried again: the pages also hold these changes and would send them
            // again on reconnecting, but the working copy must not wait for that.
            log.error({ err: error, storyId: doc.storyId }, 'collab: logging an update failed; retrying');
            await new Promise((resolve) => setTimeout(resolve, 1000));
            if (stopping) return;
          }
        }
      } finally {
        doc.logging = null;
      }
    })();
    return doc.logging;
  }

  async function logAll(doc: LiveDocument): Promise<void> {
    while (doc.logging || doc.unlogged.size > 0) await logSoon(doc);
  }

  // ── Applying what other instances (and API saves) logged ────────────────────────────
  function pull(doc: LiveDocument): Promise<void> {
    if (doc.pulling) {
      doc.pullAgain = true;
      return doc.pulling;
    }
    doc.pulling = (async () => {
      try {
        do {
          doc.pullAgain = false;
          const { updates, lastUpdateId } = await readStoryUpdatesSince(doc.storyId, doc.lastApplied);
          log.debug(
            { storyId: doc.storyId, after: doc.lastApplied, updates: updates.length, through: lastUpdateId },
            'collab: applying logged updates',
          );
          if (updates.length > 0) {
            Y.transact(
              doc.document,
              () => {
                for (const update of updates) Y.applyUpdate(doc.document, update, FROM_ELSEWHERE);
              },
              FROM_ELSEWHERE,
            );
            doc.relayedAt ??= Date.now();
          }
          doc.lastApplied = lastUpdateId;
        } while (doc.pullAgain && !stopping);
      } catch (error) {
        log.error({ err: error, storyId: doc.storyId }, 'collab: applying logged updates failed');
      } finally {
        doc.pulling = null;
      }
    })();
    return doc.pulling;
  }

  // ── Telling the pages ───────────────────────────────────────────────────────────────
  async function foldedMessage(storyId: number): Promise<CollabMessage | null> {
    const db = await getDb();
    const [row] = await db
      .select({ version: stories.version, updatedAt: stories.updatedAt, state: storyDocuments.state })
      .from(stories)
      .innerJoin(storyDocuments, eq(storyDocuments.storyId, stories.id))
      .where(eq(stories.id, storyId));
    if (!row) return null;
    return {
      kind: 'saved',
      version: row.version,
      savedAt: row.updatedAt.toISOString(),
      changed: false,
      stateVector: base64(Y.encodeStateVectorFromUpdate(row.state)),
    };
  }

  function broadcast(doc: LiveDocument, message: CollabMessage): void {
    doc.document.broadcastStateless(JSON.stringify(message));
  }

  async function recheck(storyIds?: Set<number>): Promise<void> {
    const connections: Connection[] = [];
    for (const doc of live.values()) {
      if (storyIds && !storyIds.has(doc.storyId)) continue;
      connections.push(...doc.document.getConnections());
    }
    if (connections.length === 0) return;
    const pairs = connections.map((c) => {
      const context = c.context as ConnectionContext;
      return { userId: context.user.id, storyId: context.storyId };
    });
    const decided = await recheckStoryAccess(pairs);
    const states = new Map<number, StoryState>();
    const db = await getDb();
    for (const { storyId } of pairs) {
      if (states.has(storyId)) continue;
      const [row] = await db.select({ state: stories.state }).from(stories).where(eq(stories.id, storyId));
      if (row) states.set(storyId, row.state);
    }
    for (const connection of connections) {
      const context = connection.context as ConnectionContext;
      const access = decided.get(accessKey(context.user.id, context.storyId)) ?? null;
      if (access === null) {
        // Deactivated, or no longer allowed to see it: the socket closes; the page's
        // reconnection is refused at the door (lib/collab/collab-access.ts).
        connection.close(COLLAB_CLOSE.forbidden);
        connection.webSocket.close(COLLAB_CLOSE.forbidden.code, COLLAB_CLOSE.forbidden.reason);
      } else if (access !== context.access) {
        context.access = access;
        // Hocuspocus drops every update from a read-only connection from now on.
        connection.readOnly = access === 'read';
        connection.sendStateless(JSON.stringify(accessMessage(access, states.get(context.storyId) ?? null)));
      }
    }
  }

  async function handleEvent(event: CollabEvent): Promise<void> {
    const storyId = event.storyId;
    const doc = live.get(storyId);
    if (!doc) return;
    switch (event.kind) {
      case 'updates':
        if (event.from !== serverId) await pull(doc);
        return;
      case 'folded': {
        doc.relayedAt = null;
        const message = event.message ?? (await foldedMessage(storyId));
        if (message) broadcast(doc, message);
        return;
      }
      case 'access':
        broadcast(doc, { kind: 'story', state: event.state, version: event.version });
        await recheck(new Set([storyId]));
        return;
      case 'awareness':
        applyAwarenessUpdate(doc.document.awareness, Buffer.from(event.update, 'base64'), FROM_ELSEWHERE);
        return;
    }
  }

  const stopLocalEvents = addCollabEventHandler((event) => {
    void handleEvent(event as CollabEvent).catch((error: unknown) =>
      log.error({ err: error, event: event.kind }, 'collab: handling an event failed'),
    );
  });

  // Other instances, on PostgreSQL. On (re)connecting, notices may have been missed: every
  // open document catches up from the log.
  const listener = options.databaseUrl ? postgres(options.databaseUrl, { max: 1, onnotice: () => {} }) : null;
  const listening = listener
    ?.listen(
      COLLAB_CHANNEL,
      (payload) => {
        const event = decodeCollabEvent(payload);
        if (!event || event.origin === getCollabRegistry().instanceId) return;
        void handleEvent(event).catch((error: unknown) =>
          log.error({ err: error, event: event.kind }, 'collab: handling an event failed'),
        );
      },
      () => {
        for (const doc of live.values()) void pull(doc);
      },
    )
    .catch((error: unknown) => log.error({ err: error }, 'collab: cannot listen for other instances'));

  // ── Hocuspocus ────────────────────────────────────────────────────────────────────
  const wiredesk: Extension = {
    extensionName: 'wiredesk',

    async onAuthenticate({ documentName, context, connectionConfig }) {
      const storyId = parseStoryDocumentName(documentName);
      if (storyId === null) throw new CollabRefusal('no-such-document');
      const { user } = context as { user: ConnectionContext['user'] };
      const access = await decideStoryAccess(user, storyId);
      if (access === null) throw new CollabRefusal('forbidden');
      connectionConfig.readOnly = access === 'read';
      return { storyId, access };
    },

    async onLoadDocument({ document, documentName }) {
      const storyId = parseStoryDocumentName(documentName)!;
      const loaded = await loadStoryDocument(storyId);
      Y.applyUpdate(document, loaded.update, FROM_ELSEWHERE);
      const doc: LiveDocument = {
        storyId,
        document,
        lastApplied: loaded.lastUpdateId,
        pulling: null,
        pullAgain: false,
        unlogged: new Map(),
        logging: null,
        relayedAt: null,
      };
      live.set(storyId, doc);
      // Presence (cursors, names) is vetted — a page may only appear as its own user, as the
      // server knows them — and reaches pages connected to other instances.
      document.awareness.on(
        'update',
        ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
          if (origin === FROM_ELSEWHERE) return;
          const sender = document.connections.get(origin as never)?.connection;
          if (sender) {
            const { user } = sender.context as ConnectionContext;
            const forged = [...added, ...updated].filter((clientId) => {
              const shown = (
                document.awareness.getStates().get(clientId) as { user?: { id?: unknown; name?: unknown } }
              )?.user;
              return shown !== undefined && (shown.id !== user.id || shown.name !== user.name);
            });
            if (forged.length > 0) {
              removeAwarenessStates(document.awareness, forged, 'wiredesk: presence must be its own user');
              return;
            }
          }
          if (!listener) return;
          const update = encodeAwarenessUpdate(document.awareness, [...added, ...updated, ...removed]);
          void getDb()
            .then((db) => announceCollabEvents(db, [{ kind: 'awareness', storyId, update: base64(update) }]))
            .catch(() => {});
        },
      );
      return document;
    },

    async onChange({ document, transactionOrigin, update }) {
      // Only what a page sent is logged here; what came from the log is there already.
      if (!isConnection(transactionOrigin)) return;
      const context = transactionOrigin.context as ConnectionContext;
      const doc = live.get(parseStoryDocumentName(document.name)!);
      if (!doc) return;
      const pending = doc.unlogged.get(context.user.id) ?? [];
      pending.push(update);
      doc.unlogged.set(context.user.id, pending);
      void logSoon(doc);
    },

    // A page that connects learns where saving stands (what the working copy last took in).
    async connected({ connection, documentName }) {
      const message = await foldedMessage(parseStoryDocumentName(documentName)!);
      if (message) connection.sendStateless(JSON.stringify(message));
    },

    // Save and Ctrl/Cmd+S: fold now rather than after the pause (for a page that may edit).
    async onStateless({ connection, documentName, payload }) {
      const context = connection.context as ConnectionContext;
      if (payload !== SAVE_NOW || context.access !== 'edit') return;
      const doc = live.get(parseStoryDocumentName(documentName)!);
      if (!doc) return;
      await logAll(doc);
      const outcome = await foldLiveStory(doc.storyId);
      if (outcome.kind === 'none') {
        const message = await foldedMessage(doc.storyId);
        if (message) connection.sendStateless(JSON.stringify(message));
      }
    },

    async onStoreDocument({ documentName }) {
      const doc = live.get(parseStoryDocumentName(documentName)!);
      if (!doc) return;
      await logAll(doc);
      await foldLiveStory(doc.storyId);
    },

    async afterUnloadDocument({ documentName }) {
      live.delete(parseStoryDocumentName(documentName)!);
    },
  };

  const hocuspocus = new Hocuspocus({
    name: 'wiredesk',
    quiet: true,
    debounce: foldDelayMs,
    maxDebounce: foldMaxDelayMs,
    extensions: [wiredesk],
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 4 * 1024 * 1024 });

  const timer = setInterval(() => {
    void recheck().catch((error: unknown) => log.error({ err: error }, 'collab: re-checking access failed'));
    // A change relayed from another instance is folded there; if that instance stopped
    // before it could, whoever still has the document open folds it.
    for (const doc of live.values()) {
      if (doc.relayedAt !== null && Date.now() - doc.relayedAt > foldMaxDelayMs + foldDelayMs) {
        doc.relayedAt = null;
        void foldLiveStory(doc.storyId).catch((error: unknown) =>
          log.error({ err: error, storyId: doc.storyId }, 'collab: folding a relayed change failed'),
        );
      }
    }
  }, recheckMs);
  timer.unref();

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (stopping) {
      refuseUpgrade(socket, 503, 'Restarting');
      return;
    }
    socket.on('error', () => socket.destroy());
    void authenticateUpgrade(request)
      .then((decision) => {
        if (!decision.ok) {
          refuseUpgrade(socket, decision.status, decision.message);
          return;
        }
        sockets.handleUpgrade(request, socket, head, (ws) => {
          hocuspocus.handleConnection(ws, request, {
            user: { id: decision.user.id, name: decision.user.name, role: decision.user.role },
          });
        });
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'collab: upgrade failed');
        refuseUpgrade(socket, 500, 'Internal error');
      });
  }

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    stopLocalEvents();
    // Everything received is logged and folded before the pages are let go.
    const docs = [...live.values()];
    await Promise.all(docs.map((doc) => logAll(doc).catch(() => {})));
    await Promise.all(docs.map((doc) => foldLiveStory(doc.storyId).catch(() => {})));
    for (const doc of docs) {
      for (const connection of doc.document.getConnections()) {
        connection.close(COLLAB_CLOSE.restarting);
        connection.webSocket.close(COLLAB_CLOSE.restarting.code, COLLAB_CLOSE.restarting.reason);
      }
    }
    for (const ws of sockets.clients) ws.terminate();
    sockets.close();
    await listening;
    await listener?.end({ timeout: 5 });
  }

  return {
    handleUpgrade,
    stop,
    stats: () => ({ documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount() }),
  };
}
