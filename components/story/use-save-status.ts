'use client';

import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { isCoveredBy } from '@/lib/collab/story-document-model';
import { watchLocalWrites } from './local-writes';
import type { LiveDocument } from './use-live-document';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; version: number }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; fieldErrors: Record<string, string[]> };

function decode(base64: string): Map<number, number> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return Y.decodeStateVector(bytes);
}

/**
 * Where this page's typing stands: saved (the working copy took in everything this
 * browser typed: the server's saved state vector covers it), on its way, kept in this
 * browser while offline (once it is stored there, not before), or refused by the working
 * copy (and kept in the document).
 */
export function useSaveStatus(live: LiveDocument): SaveStatus {
  const { session, saveWord, connection, access } = live;
  // Bumped on every change to the document, so the status is worked out again.
  const [changes, setChanges] = useState(0);
  // A change not yet stored in this browser's copy (IndexedDB).
  const [localPending, setLocalPending] = useState(false);
  useEffect(() => {
    if (!session) return;
    const onUpdate = () => setChanges((n) => n + 1);
    session.doc.on('update', onUpdate);
    const stopWatching = watchLocalWrites(session.doc, session.local, setLocalPending);
    return () => {
      session.doc.off('update', onUpdate);
      stopWatching();
      setLocalPending(false);
    };
  }, [session]);

  return useMemo(
    () => statusOf(live, localPending, changes),
    // `changes` stands for the document's content, which React cannot see change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, saveWord, connection, access, localPending, changes],
  );
}

/** Exported for its tests. */
export function statusOf(
  { session, saveWord, connection, access }: Pick<LiveDocument, 'session' | 'saveWord' | 'connection' | 'access'>,
  localPending: boolean,
  _changes = 0,
): SaveStatus {
  if (!session || access === 'read') return { kind: 'idle' };
  const local = Y.decodeStateVector(Y.encodeStateVector(session.doc));
  const mine = new Map([...local].filter(([client]) => session.mine.has(client)));
  const covered = saveWord !== null && isCoveredBy(mine, decode(saveWord.stateVector));
  if (saveWord?.kind === 'invalid' && covered) {
    return { kind: 'error', message: saveWord.message, fieldErrors: saveWord.fieldErrors };
  }
  if (covered && saveWord?.kind === 'saved') {
    return { kind: 'saved', at: new Date(saveWord.savedAt), version: saveWord.version };
  }
  const nothingOfMine = [...mine.values()].every((clock) => clock === 0) || mine.size === 0;
  if (nothingOfMine) return { kind: 'idle' };
  if (connection === 'online' || connection === 'connecting') return { kind: 'saving' };
  // Offline, "kept locally" only once it is: until then it is still being saved.
  return localPending ? { kind: 'saving' } : { kind: 'offline' };
}
