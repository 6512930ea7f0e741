'use client';

import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { COLLAB_CLOSE, COLLAB_PATH, type CollabAccess, type CollabMessage } from '@/lib/collab/collab-protocol';
import { BODY_FIELD, storyDocumentName } from '@/lib/collab/story-document-model';

/** How the page is connected to the collaboration server. */
export type LiveConnection = 'connecting' | 'online' | 'offline' | 'refused';

/** Who is typing, as other pages show it (cursor label, presence banner). */
export type LiveUser = { id: number; name: string; color: string };

export type LiveSession = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** This browser's copy (IndexedDB). */
  local: IndexeddbPersistence;
  /** The client ids whose changes are this browser's: this page's, and any kept offline in it. */
  mine: ReadonlySet<number>;
};

export type SaveWord = Extract<CollabMessage, { kind: 'saved' } | { kind: 'invalid' }>;

export type LiveDocument = {
  session: LiveSession | null;
  /** The document may be shown: the server's copy is in (or, offline, this browser's own). */
  ready: boolean;
  connection: LiveConnection;
  /** What the server lets this page do; null until it has said. */
  access: CollabAccess | null;
  /** The server's latest word on saving. */
  saveWord: SaveWord | null;
  /** A change of rights the server announced ("The story is in review: …"). */
  accessNotice: string | null;
  /** The story moved through the workflow (or got a new version another way). */
  storyChange: { state: string; version: number; at: number } | null;
};

const INITIAL: LiveDocument = {
  session: null,
  ready: false,
  connection: 'connecting',
  access: null,
  saveWord: null,
  accessNotice: null,
  storyChange: null,
};

// Without the server, a copy kept in this browser is shown after this long (and editable:
// it merges when the connection is back). A browser with no copy shows the saved text.
const OFFLINE_AFTER_MS = 2500;

/**
 * The story's live document in this page: kept in this browser (IndexedDB, per user and
 * document generation, so a shared computer never mixes two people's copies and a
 * re-created document never takes in an old one) and connected to the collaboration
 * server, which says what this page may do and when its typing is saved.
 */
export function useLiveDocument({
  storyId,
  userId,
  generation,
  user,
  enabled,
}: {
  storyId: number;
  userId: number;
  generation: string;
  user: LiveUser;
  enabled: boolean;
}): LiveDocument {
  const [state, setState] = useState<LiveDocument>(INITIAL);

  useEffect(() => {
    if (!enabled) return;
    const update = (change: Partial<LiveDocument>) => setState((current) => ({ ...current, ...change }));
    const doc = new Y.Doc();
    const mine = new Set<number>([doc.clientID]);
    const local = new IndexeddbPersistence(`wiredesk:${userId}:story:${storyId}:${generation}`, doc);
    const socket = new HocuspocusProviderWebsocket({
      url: `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${COLLAB_PATH}`,
      // Back quickly after a drop: a newsroom's connection blips are short.
      delay: 500,
      minDelay: 500,
      maxDelay: 5000,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: storyDocumentName(storyId),
      document: doc,
    });
    provider.setAwarenessField('user', user);
    // With a socket of its own making (for its reconnection timing), the provider joins it by hand.
    provider.attach();
    let localLoaded = false;
    let synced = false;
    let everOnline = false;
    let refused = false;

    const showIfReady = () => {
      if (synced || (localLoaded && doc.getXmlFragment(BODY_FIELD).length > 0)) update({ ready: true });
    };
    void local.whenSynced.then(() => {
      // Whatever this browser kept (typed offline, say) is its own to answer for.
      for (const client of Y.decodeStateVector(Y.encodeStateVector(doc)).keys()) mine.add(client);
      localLoaded = true;
    });
    const offlineTimer = window.setTimeout(() => {
      if (!synced) {
        update({ connection: refused ? 'refused' : 'offline' });
        showIfReady();
      }
    }, OFFLINE_AFTER_MS);

    provider.on('synced', () => {
      synced = true;
      showIfReady();
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      everOnline = true;
      update({ connection: 'online', access: scope === 'readonly' ? 'read' : 'edit' });
    });
    provider.on('authenticationFailed', () => {
      refused = true;
      update({ connection: 'refused', access: null });
      socket.disconnect();
    });
    provider.on('status', ({ status }: { status: WebSocketStatus }) => {
      if (status === WebSocketStatus.Disconnected && (everOnline || synced) && !refused) {
        update({ connection: 'offline' });
      }
    });
    provider.on('close', ({ event }: { event: { code: number } }) => {
      // Deactivated, signed out, or no longer allowed to see the story: do not knock again.
      if (event.code === COLLAB_CLOSE.forbidden.code) {
        refused = true;
        update({ connection: 'refused', access: null });
        socket.disconnect();
      }
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      let message: CollabMessage;
      try {
        message = JSON.parse(payload) as CollabMessage;
      } catch {
        return;
      }
      if (message.kind === 'saved' || message.kind === 'invalid') update({ saveWord: message });
      else if (message.kind === 'access') update({ access: message.access, accessNotice: message.message });
      else if (message.kind === 'story')
        update({ storyChange: { state: message.state, version: message.version, at: Date.now() } });
    });
    update({ session: { doc, provider, local, mine } });

    return () => {
      window.clearTimeout(offlineTimer);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setState(INITIAL);
    };
    // The user's name and colour are the page's for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, storyId, userId, generation]);

  return state;
}
