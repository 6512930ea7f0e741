import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

// y-indexeddb's object store for document updates.
const UPDATES_STORE = 'updates';

/**
 * Watches this page's changes on their way into the browser's copy of the document
 * (IndexedDB): `onChange(true)` when a change is not stored yet, `onChange(false)` once
 * every change made so far is. y-indexeddb writes each change in a transaction of its own
 * and tells nobody when it is done, so "changes kept locally" used to be said a moment
 * before it was true — and a tab closed in that moment lost its last keystrokes. A
 * read-only transaction on the same store, begun after the write, completes only after it
 * (IndexedDB runs transactions whose scopes overlap in the order they were made): that is
 * the signal. Returns the function that stops watching.
 */
export function watchLocalWrites(
  doc: Y.Doc,
  local: IndexeddbPersistence,
  onChange: (pending: boolean) => void,
): () => void {
  let pending = 0;
  let stopped = false;

  const settle = () => {
    pending -= 1;
    if (pending === 0 && !stopped) onChange(false);
  };
  const confirm = () => {
    if (stopped) return;
    const db = local.db;
    // Not open yet: y-indexeddb stores the whole document as it opens; confirmed after that.
    if (!db) {
      void local.whenSynced.then(confirm);
      return;
    }
    let check: IDBTransaction;
    try {
      check = db.transaction([UPDATES_STORE], 'readonly');
    } catch {
      // The copy is closing (the page is going away): nothing more can be said.
      return;
    }
    check.oncomplete = settle;
    check.onabort = settle;
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Read from the copy itself: already stored.
    if (origin === local) return;
    pending += 1;
    if (pending === 1) onChange(true);
    confirm();
  };

  doc.on('update', onUpdate);
  return () => {
    stopped = true;
    doc.off('update', onUpdate);
  };
}
