import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { watchLocalWrites } from './local-writes';

type Event = { pending: boolean; writesOpen: number };

/** The read-write transactions on `db` not yet complete (y-indexeddb's writes). */
function openWrites(db: IDBDatabase): Set<IDBTransaction> {
  const open = new Set<IDBTransaction>();
  const original = db.transaction.bind(db);
  db.transaction = ((stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
    const transaction = original(stores, mode, options);
    if (mode === 'readwrite') {
      open.add(transaction);
      const done = () => open.delete(transaction);
      transaction.addEventListener('complete', done);
      transaction.addEventListener('abort', done);
    }
    return transaction;
  }) as IDBDatabase['transaction'];
  return open;
}

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > 5000) reject(new Error('timed out'));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

/** What a new page would find in this browser's copy. */
async function readCopy(name: string): Promise<string> {
  const doc = new Y.Doc();
  const copy = new IndexeddbPersistence(name, doc);
  await copy.whenSynced;
  const text = doc.getText('body').toString();
  await copy.destroy();
  return text;
}

test('a change is pending at once, and called stored only once every write of it has completed', async () => {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence('local-writes-1', doc);
  await local.whenSynced;
  const writes = openWrites(local.db!);
  const events: Event[] = [];
  const stop = watchLocalWrites(doc, local, (pending) => events.push({ pending, writesOpen: writes.size }));

  doc.getText('body').insert(0, 'Pumps');
  doc.getText('body').insert(5, ' are running.');
  // Said at the first change, while its write is still open.
  expect(events).toEqual([{ pending: true, writesOpen: 1 }]);

  await until(() => events.length > 1);
  expect(events).toEqual([
    { pending: true, writesOpen: 1 },
    { pending: false, writesOpen: 0 },
  ]);
  expect(await readCopy('local-writes-1')).toBe('Pumps are running.');
  stop();
  await local.destroy();
});

test('changes made before the copy is open are called stored after it has stored them', async () => {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence('local-writes-2', doc);
  const events: boolean[] = [];
  const stop = watchLocalWrites(doc, local, (pending) => events.push(pending));
  doc.getText('body').insert(0, 'Typed before the copy opened.');
  expect(local.db).toBeNull();
  expect(events).toEqual([true]);

  await until(() => events.length > 1);
  expect(events).toEqual([true, false]);
  expect(await readCopy('local-writes-2')).toBe('Typed before the copy opened.');
  stop();
  await local.destroy();
});

test('what is read from the copy itself is not a change to store; after stop nothing is said', async () => {
  const first = new Y.Doc();
  const firstCopy = new IndexeddbPersistence('local-writes-3', first);
  await firstCopy.whenSynced;
  first.getText('body').insert(0, 'Kept from yesterday.');
  await firstCopy.destroy();

  const doc = new Y.Doc();
  const local = new IndexeddbPersistence('local-writes-3', doc);
  const events: boolean[] = [];
  const stop = watchLocalWrites(doc, local, (pending) => events.push(pending));
  await local.whenSynced;
  expect(doc.getText('body').toString()).toBe('Kept from yesterday.');
  expect(events).toEqual([]);

  stop();
  doc.getText('body').insert(0, 'Later. ');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(events).toEqual([]);
  await local.destroy();
});
