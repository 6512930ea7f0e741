'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LockResponse } from '@/lib/stories/autosave-protocol';
import { editSessionHeaders } from './edit-session';

/** How often the page renews its lock (the server lets it lapse after 45 s without one). */
export const HEARTBEAT_MS = 15_000;

export type InitialLock = { status: 'mine' | 'free' } | { status: 'held'; holderName: string; takenFromYou: boolean };

/** Who holds the lock as the page tells its user: `byYou` is their own other tab or device. */
type Holder = { holderName: string; takenFromYou: boolean; byYou: boolean };

export type EditLockState =
  | { mode: 'editing' }
  | ({ mode: 'readonly' } & Holder)
  /** The holder let go: this page may start editing (after a reload, which claims it). */
  | { mode: 'freed'; holderName: string; byYou: boolean }
  /** This user may not edit the story at all; someone else may be. */
  | { mode: 'viewing'; holderName: string | null };

const lockUrl = (storyId: number) => `/api/stories/${storyId}/lock`;

const holderOf = (body: Extract<LockResponse, { status: 'held' }>): Holder => ({
  holderName: body.holder.name,
  takenFromYou: body.takenFromYou,
  byYou: body.byYou,
});

/**
 * The story's edit lock, from this page's side: claimed on opening (if the user may edit),
 * renewed every HEARTBEAT_MS, let go on leaving. Losing it (an editor took over, or it
 * lapsed and someone else claimed it) is reported through onLost exactly once.
 *
 * `release()` lets go while the page stays open and editable (a workflow move handed the
 * story on: an editor who sent it back must not keep its reporter out); the page then
 * only watches, and `claim()` takes the lock again when its user starts editing.
 */
export function useEditLock({
  storyId,
  canEdit,
  initial,
  onLost,
}: {
  storyId: number;
  canEdit: boolean;
  initial: InitialLock;
  onLost: (holder: Holder) => void;
}) {
  const [state, setState] = useState<EditLockState>(() =>
    !canEdit
      ? { mode: 'viewing', holderName: initial.status === 'held' ? initial.holderName : null }
      : initial.status === 'held'
        ? { mode: 'readonly', holderName: initial.holderName, takenFromYou: initial.takenFromYou, byYou: false }
        : { mode: 'editing' },
  );
  const [keptNotice, setKeptNotice] = useState<string | null>(null);
  // Whether this page holds (or is claiming) the lock, as opposed to editing without it.
  const claimed = useRef(canEdit && initial.status !== 'held');
  const stateRef = useRef(state);
  const onLostRef = useRef(onLost);
  useLayoutEffect(() => {
    stateRef.current = state;
    onLostRef.current = onLost;
  });

  const lose = useCallback((holder: Holder) => {
    if (stateRef.current.mode !== 'editing') return;
    const next: EditLockState = { mode: 'readonly', ...holder };
    stateRef.current = next;
    setState(next);
    onLostRef.current(holder);
  }, []);

  const heartbeat = useCallback(async () => {
    const mode = stateRef.current.mode;
    try {
      if (mode === 'editing' && !claimed.current) {
        // Not holding it: only watch, so a colleague who starts editing is seen at once.
        const response = await fetch(lockUrl(storyId), { cache: 'no-store', headers: editSessionHeaders() });
        const body = (await response.json()) as LockResponse;
        if (body.status === 'held' && !claimed.current) lose(holderOf(body));
      } else if (mode === 'editing') {
        const response = await fetch(lockUrl(storyId), { method: 'POST', body: '{}', headers: editSessionHeaders() });
        const body = (await response.json()) as LockResponse;
        if (body.status === 'held') lose(holderOf(body));
        if (body.status === 'mine' && body.keptRevisions.length > 0) {
          const names = [...new Set(body.keptRevisions.map((r) => r.authorName))].join(', ');
          setKeptNotice(`Unsaved text from ${names} was kept as a revision (see Revisions).`);
        }
      } else {
        const response = await fetch(lockUrl(storyId), { cache: 'no-store', headers: editSessionHeaders() });
        const body = (await response.json()) as LockResponse;
        const current = stateRef.current;
        if (current.mode === 'viewing') {
          setState({ mode: 'viewing', holderName: body.status === 'held' ? body.holder.name : null });
        } else if (current.mode === 'readonly' || current.mode === 'freed') {
          if (body.status === 'held' && !body.takenFromYou) {
            setState({ mode: 'readonly', ...holderOf(body) });
          } else if (body.status === 'free' || body.status === 'mine') {
            setState({ mode: 'freed', holderName: current.holderName, byYou: current.byYou });
          }
        }
      }
    } catch {
      // Offline: the save status says so; the next beat tries again.
    }
  }, [storyId, lose]);

  useEffect(() => {
    // Its state changes come after the server answers, not during the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void heartbeat();
    const timer = window.setInterval(() => void heartbeat(), HEARTBEAT_MS);
    const again = () => {
      if (document.visibilityState === 'visible') void heartbeat();
    };
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', again);
    const release = () => {
      if (stateRef.current.mode === 'editing' && claimed.current) {
        void fetch(lockUrl(storyId), { method: 'DELETE', keepalive: true, headers: editSessionHeaders() }).catch(
          () => {},
        );
      }
    };
    window.addEventListener('pagehide', release);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [heartbeat, storyId]);

  // A workflow move took the right to edit away (submitted for review): let go of the lock.
  // One gave it back (withdrawn, sent back for changes): edit again, claiming it as on opening.
  useEffect(() => {
    if (!canEdit && stateRef.current.mode !== 'viewing') {
      if (stateRef.current.mode === 'editing' && claimed.current) {
        void fetch(lockUrl(storyId), { method: 'DELETE', keepalive: true, headers: editSessionHeaders() }).catch(
          () => {},
        );
      }
      claimed.current = false;
      setState({ mode: 'viewing', holderName: null });
    } else if (canEdit && stateRef.current.mode === 'viewing') {
      const next: EditLockState = { mode: 'editing' };
      stateRef.current = next;
      claimed.current = true;
      setState(next);
      void heartbeat();
    }
  }, [canEdit, storyId, heartbeat]);

  /** Lets go of the lock but stays editable; the next claim() takes it again. */
  const release = useCallback(() => {
    if (stateRef.current.mode !== 'editing' || !claimed.current) return;
    claimed.current = false;
    void fetch(lockUrl(storyId), { method: 'DELETE', headers: editSessionHeaders() }).catch(() => {});
  }, [storyId]);

  /** Takes the lock (again) as its user starts editing; a no-op while it is held. */
  const claim = useCallback(() => {
    if (stateRef.current.mode !== 'editing' || claimed.current) return;
    claimed.current = true;
    void heartbeat();
  }, [heartbeat]);

  const takeOver = useCallback(async (): Promise<string | null> => {
    try {
      const response = await fetch(lockUrl(storyId), {
        method: 'POST',
        body: JSON.stringify({ takeOver: true }),
        headers: editSessionHeaders(),
      });
      const body = (await response.json()) as LockResponse;
      if (body.status === 'mine') {
        // A fresh page loads the latest text and claims the lock as its own.
        window.location.reload();
        return null;
      }
      return body.status === 'forbidden' ? body.message : 'Could not take over; try again.';
    } catch {
      return 'No connection: could not take over.';
    }
  }, [storyId]);

  return { state, keptNotice, lose, takeOver, claim, release };
}
