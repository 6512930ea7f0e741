import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { createStaff, createTestStory } from '@/db/factories';
import { storyDocumentUpdates } from '@/db/schema';
import { getAuthSecret } from '@/lib/auth/secret';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { getWorkingCopy, listRevisions } from '@/lib/stories/story-revisions';
import { transitionStory } from '@/lib/stories/transition-story';
import { SYSTEM, updateUser, type StaffUser } from '@/lib/users';
import { COLLAB_CLOSE, type CollabMessage } from './collab-protocol';
import { startCollabServer, type CollabServer } from './collab-server';
import { BODY_FIELD, isCoveredBy, readStoryFields, storyDocumentName, writeStoryFields } from './story-document-model';

// The collaboration server end to end, in this process: real sockets on a loopback port,
// Hocuspocus's own provider as the page, the session cookie made the way next-auth makes it.

type Instance = { server: CollabServer; http: http.Server; url: string; origin: string };
const instances: Instance[] = [];
const providers: HocuspocusProvider[] = [];

async function startInstance(): Promise<Instance> {
  const server = startCollabServer({ foldDelayMs: 100, foldMaxDelayMs: 1000, recheckMs: 200 });
  const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  httpServer.on('upgrade', (req, socket, head) => server.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const instance = {
    server,
    http: httpServer,
    url: `ws://127.0.0.1:${port}/collab`,
    origin: `http://127.0.0.1:${port}`,
  };
  instances.push(instance);
  return instance;
}

async function sessionCookie(user: { id: number }): Promise<string> {
  const token = await encode({ token: { uid: user.id, sub: String(user.id) }, secret: getAuthSecret() });
  return `next-auth.session-token=${token}`;
}

/** A socket class that sends what a browser on our pages sends: the session cookie and our origin. */
function socketFor(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
    }
  };
}

type Page = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  messages: CollabMessage[];
  closes: number[];
  failures: string[];
};

/** An editor page: its own document, connected as `user`. */
async function openPage(instance: Instance, user: { id: number; name: string }, storyId: number): Promise<Page> {
  const doc = new Y.Doc();
  const page: Page = { doc, messages: [], closes: [], failures: [], provider: undefined as never };
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: instance.url,
    WebSocketPolyfill: socketFor({ cookie: await sessionCookie(user), origin: instance.origin }),
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  page.provider = new HocuspocusProvider({
    websocketProvider,
    name: storyDocumentName(storyId),
    document: doc,
    onStateless: ({ payload }) => page.messages.push(JSON.parse(payload) as CollabMessage),
    onAuthenticationFailed: ({ reason }) => page.failures.push(reason),
    onClose: ({ event }) => page.closes.push(event.code),
  });
  page.provider.attach();
  page.provider.setAwarenessField('user', { id: user.id, name: user.name });
  providers.push(page.provider);
  return page;
}

async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const synced = (page: Page) => until('synced', () => page.provider.isSynced && page.provider.isAuthenticated);

function appendToFirstParagraph(doc: Y.Doc, text: string): void {
  const paragraph = doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement;
  const inline = paragraph.get(0) as Y.XmlText;
  inline.insert(inline.length, text);
}

const firstParagraph = (doc: Y.Doc) =>
  ((doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();

/** What a socket upgrade with these headers is answered (101 for a socket). */
function upgradeStatus(instance: Instance, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(instance.url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => {});
  });
}

let reporter: StaffUser;
let colleague: StaffUser;
let editor: StaffUser;
let one: Instance;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Rhea Reporter' });
  colleague = await createStaff({ role: 'reporter', name: 'Cole Colleague' });
  editor = await createStaff({ role: 'editor', name: 'Edna Editor' });
  one = await startInstance();
});

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

afterAll(async () => {
  for (const instance of instances) {
    await instance.server.stop();
    instance.http.closeAllConnections();
    await new Promise((resolve) => instance.http.close(resolve));
  }
});

test('the socket is refused without a session, with a forged one, from another site, and for a deactivated account', async () => {
  const gone = await createStaff({ role: 'editor' });
  const goneCookie = await sessionCookie(gone);
  await updateUser(SYSTEM, gone.id, { active: false });
  expect(await upgradeStatus(one, { origin: one.origin })).toBe(401);
  expect(await upgradeStatus(one, { origin: one.origin, cookie: 'next-auth.session-token=forged' })).toBe(401);
  expect(await upgradeStatus(one, { origin: one.origin, cookie: goneCookie })).toBe(401);
  expect(await upgradeStatus(one, { origin: 'https://evil.example', cookie: await sessionCookie(editor) })).toBe(403);
  expect(await upgradeStatus(one, { cookie: await sessionCookie(editor) })).toBe(403);
  expect(await upgradeStatus(one, { origin: one.origin, cookie: await sessionCookie(editor) })).toBe(101);
});

test('a document that is no story is refused on the socket', async () => {
  const doc = new Y.Doc();
  const failures: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: new HocuspocusProviderWebsocket({
      url: one.url,
      WebSocketPolyfill: socketFor({ cookie: await sessionCookie(editor), origin: one.origin }),
    }),
    name: 'story:999999',
    document: doc,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
  });
  provider.attach();
  providers.push(provider);
  await until('refused', () => failures.length > 0);
  expect(failures).toEqual(['forbidden']);
});

test('a reporter and an editor type at once: each sees the other, and the fold is one version naming both', async () => {
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['The harbour froze.']) });
  const mine = await openPage(one, reporter, id);
  const theirs = await openPage(one, editor, id);
  await Promise.all([synced(mine), synced(theirs)]);

  appendToFirstParagraph(mine.doc, ' Ships waited.');
  writeStoryFields(theirs.doc, { headline: 'Harbour frozen solid' });
  await until('both see both', () => {
    const texts = [mine, theirs].map((p) => `${readStoryFields(p.doc).headline}|${firstParagraph(p.doc)}`);
    return texts.every((t) => t === 'Harbour frozen solid|The harbour froze. Ships waited.');
  });

  // A moment after typing stops, the working copy follows, and both pages hear it is saved.
  const saved = await until('saved', () =>
    mine.messages.find((m): m is Extract<CollabMessage, { kind: 'saved' }> => m.kind === 'saved' && m.changed),
  );
  const copy = await getWorkingCopy(editor, id);
  expect(copy.version).toBe(saved.version);
  expect(copy.headline).toBe('Harbour frozen solid');
  expect((await listRevisions(editor, id))[0]!.authorName).toMatch(
    /^(Rhea Reporter and Edna Editor|Edna Editor and Rhea Reporter)$/,
  );
  const stored = Y.decodeStateVector(Buffer.from(saved.stateVector, 'base64'));
  await until('covered', () =>
    theirs.messages.some(
      (m) =>
        m.kind === 'saved' &&
        isCoveredBy(
          Y.decodeStateVector(Y.encodeStateVector(mine.doc)),
          Y.decodeStateVector(Buffer.from(m.stateVector, 'base64')),
        ),
    ),
  );
  expect(stored.size).toBeGreaterThan(0);
});

test('a reporter who may only read the story gets a read-only document: the server drops their changes', async () => {
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['Only its authors edit this.']) });
  const reader = await openPage(one, colleague, id);
  const writer = await openPage(one, reporter, id);
  await Promise.all([synced(reader), synced(writer)]);
  expect(reader.provider.authorizedScope).toBe('readonly');
  expect(writer.provider.authorizedScope).toBe('read-write');

  appendToFirstParagraph(reader.doc, ' FORGED');
  appendToFirstParagraph(writer.doc, ' Real.');
  await until('the writer’s change reaches the reader', () => firstParagraph(reader.doc).includes('Real.'));
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(firstParagraph(writer.doc)).not.toContain('FORGED');
  expect(reader.provider.hasUnsyncedChanges).toBe(true);
  const db = await getDb();
  const logged = await db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, id));
  expect(logged.every((row) => row.userId === reporter.id)).toBe(true);
  await until('folded', async () => (await getWorkingCopy(editor, id)).version > 1);
  expect(JSON.stringify((await getWorkingCopy(editor, id)).body)).not.toContain('FORGED');
});

test('submitting the story makes its reporter’s open document read-only at once; withdrawing gives it back', async () => {
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['Ready for review.']) });
  const page = await openPage(one, reporter, id);
  await synced(page);
  await transitionStory(reporter, id, { action: 'submit' });
  await until('told', () => page.messages.some((m) => m.kind === 'access' && m.access === 'read'));
  expect(page.messages).toContainEqual({ kind: 'story', state: 'in_review', version: 1 });

  appendToFirstParagraph(page.doc, ' Sneaked in after submitting.');
  await new Promise((resolve) => setTimeout(resolve, 400));
  const db = await getDb();
  expect(await db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, id))).toEqual([]);

  await transitionStory(reporter, id, { action: 'withdraw' });
  await until('given back', () => page.messages.some((m) => m.kind === 'access' && m.access === 'edit'));
});

test('a deactivated account is disconnected within seconds, and its page cannot reconnect', async () => {
  const temp = await createStaff({ role: 'editor', name: 'Temp Editor' });
  const { id } = await createTestStory(reporter);
  const page = await openPage(one, temp, id);
  await synced(page);
  const since = Date.now();
  await updateUser(SYSTEM, temp.id, { active: false });
  await until('closed', () => page.closes.includes(COLLAB_CLOSE.forbidden.code), 5000);
  expect(Date.now() - since).toBeLessThan(3000);
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(page.provider.isAuthenticated).toBe(false);
});

test('a page can only appear as its own user: presence under another name is taken away', async () => {
  const { id } = await createTestStory(reporter);
  const honest = await openPage(one, editor, id);
  const forger = await openPage(one, reporter, id);
  await Promise.all([synced(honest), synced(forger)]);
  const seenBy = (page: Page) =>
    [...page.provider.awareness!.getStates().entries()]
      .filter(([clientId]) => clientId !== page.doc.clientID)
      .map(([, state]) => (state as { user?: { name: string } }).user?.name);
  await until('the reporter is seen as herself', () => seenBy(honest).includes('Rhea Reporter'));
  forger.provider.setAwarenessField('user', { id: editor.id, name: 'Edna Editor' });
  await until(
    'the forged presence is gone',
    () => !seenBy(honest).includes('Rhea Reporter') && !seenBy(honest).includes('Edna Editor'),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(seenBy(honest)).not.toContain('Edna Editor');
});

test('two instances on one database relay each other’s typing', async () => {
  const two = await startInstance();
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['Across instances.']) });
  const here = await openPage(one, reporter, id);
  const there = await openPage(two, editor, id);
  await Promise.all([synced(here), synced(there)]);
  appendToFirstParagraph(here.doc, ' From one.');
  await until('reached two', () => firstParagraph(there.doc).includes('From one.'));
  appendToFirstParagraph(there.doc, ' From two.');
  await until('reached one', () => firstParagraph(here.doc).endsWith('From one. From two.'));

  // Keystrokes faster than the log is written: every one of them is logged, relayed and saved.
  let burst = '';
  for (let i = 0; i < 150; i++) {
    const key = 'abcdefghij'[i % 10]!;
    burst += key;
    appendToFirstParagraph(here.doc, key);
    if (i % 3 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const expected = `Across instances. From one. From two.${burst}`;
  await until('the burst reached two', () => firstParagraph(there.doc) === expected);
  await until('folded', async () => (await getWorkingCopy(editor, id)).bodyText === expected);
});
