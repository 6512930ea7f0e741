import { expect, test } from 'vitest';
import * as Y from 'yjs';
import type { LiveSession } from './use-live-document';
import { statusOf } from './use-save-status';

/** A page's session with something typed in it (only the document and whose typing it is matter here). */
function typedSession(): LiveSession {
  const doc = new Y.Doc();
  doc.getText('headline').insert(0, 'Tunnel flooded');
  return { doc, mine: new Set([doc.clientID]) } as unknown as LiveSession;
}

test('offline, typing is "kept locally" only once this browser has stored it; until then it is being saved', () => {
  const session = typedSession();
  const offline = { session, saveWord: null, connection: 'offline' as const, access: 'edit' as const };
  expect(statusOf(offline, true)).toEqual({ kind: 'saving' });
  expect(statusOf(offline, false)).toEqual({ kind: 'offline' });
});

test('online, unsaved typing is on its way whether or not this browser has stored it', () => {
  const session = typedSession();
  const online = { session, saveWord: null, connection: 'online' as const, access: 'edit' as const };
  expect(statusOf(online, true)).toEqual({ kind: 'saving' });
  expect(statusOf(online, false)).toEqual({ kind: 'saving' });
});

test('nothing typed on this page, or a read-only page, has no status', () => {
  const doc = new Y.Doc();
  const untouched = { doc, mine: new Set([doc.clientID]) } as unknown as LiveSession;
  expect(statusOf({ session: untouched, saveWord: null, connection: 'offline', access: 'edit' }, false)).toEqual({
    kind: 'idle',
  });
  expect(statusOf({ session: typedSession(), saveWord: null, connection: 'offline', access: 'read' }, true)).toEqual({
    kind: 'idle',
  });
});
