import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { createStaff, createTestStory } from '@/db/factories';
import { storyDocuments, storyDocumentUpdates, storyEvents } from '@/db/schema';
import { StaleVersionError } from '@/lib/errors';
import { saveStory } from '@/lib/stories/save-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { getWorkingCopy, listRevisions, restoreRevision } from '@/lib/stories/story-revisions';
import { transitionStory } from '@/lib/stories/transition-story';
import type { StaffUser } from '@/lib/users';
import { addCollabEventHandler } from './collab-registry.js';
import { readStoryBody, writeStoryBody } from './story-document-body';
import { BODY_FIELD, readStoryFields, writeStoryFields } from './story-document-model';
import {
  appendStoryUpdate,
  foldLiveStory,
  getStoryDocumentGeneration,
  loadStoryDocument,
  readStoredDocument,
  readStoryUpdatesSince,
} from './story-document-store';

let reporter: StaffUser;
let editor: StaffUser;
const T0 = new Date('2031-06-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter', name: 'Rosa Reporter' });
  editor = await createStaff({ role: 'editor', name: 'Ed Editor' });
});

/** A browser's copy of the live document, as the collaboration server would hand it over. */
async function openInBrowser(storyId: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadStoryDocument(storyId)).update);
  return doc;
}

/** Makes a change in a browser's copy and sends it the way the server logs it (as `user`'s update). */
async function type(doc: Y.Doc, storyId: number, user: StaffUser, change: (doc: Y.Doc) => void): Promise<void> {
  const before = Y.encodeStateVector(doc);
  change(doc);
  await appendStoryUpdate(storyId, user.id, Y.encodeStateAsUpdate(doc, before));
}

/** Appends `text` at the end of the body's paragraph number `index`. */
function appendToParagraph(doc: Y.Doc, index: number, text: string): void {
  const paragraph = doc.getXmlFragment(BODY_FIELD).get(index) as Y.XmlElement;
  const inline = paragraph.get(0) as Y.XmlText;
  inline.insert(inline.length, text);
}

const paragraphTexts = (body: unknown) =>
  (body as { content: { content?: { text: string }[] }[] }).content.map((block) =>
    (block.content ?? []).map((inline) => inline.text).join(''),
  );

test('a story opened live for the first time starts from its working copy, with one generation for everyone', async () => {
  const { id } = await createTestStory(reporter, { headline: 'Tram line opens', dateline: 'LYON' });
  const [first, second] = await Promise.all([
    getStoryDocumentGeneration(editor, id),
    getStoryDocumentGeneration(reporter, id),
  ]);
  expect(first).toBe(second);
  const doc = await openInBrowser(id);
  const copy = await getWorkingCopy(editor, id);
  expect(readStoryFields(doc)).toEqual({
    headline: 'Tram line opens',
    standfirst: copy.standfirst,
    slug: copy.slug,
    dateline: 'LYON',
    sectionId: copy.sectionId,
    authorIds: [reporter.id],
  });
  expect(readStoryBody(doc)).toEqual(copy.body);
});

test('two people typing at once become one version, naming both, the last typist as its author', async () => {
  const { id } = await createTestStory(reporter, {
    body: storyBodyFromParagraphs(['The ferry left at dawn.', 'Passengers were calm.']),
  });
  const mine = await openInBrowser(id);
  const theirs = await openInBrowser(id);
  await type(mine, id, reporter, (doc) => appendToParagraph(doc, 0, ' It was full.'));
  await type(theirs, id, editor, (doc) => appendToParagraph(doc, 1, ' Some sang.'));
  await type(theirs, id, editor, (doc) => writeStoryFields(doc, { headline: 'Dawn ferry sails full' }));

  const outcome = await foldLiveStory(id, at(5));
  expect(outcome.kind).toBe('saved');
  const copy = await getWorkingCopy(editor, id);
  expect(copy.version).toBe(2);
  expect(copy.headline).toBe('Dawn ferry sails full');
  expect(paragraphTexts(copy.body)).toEqual([
    'The ferry left at dawn. It was full.',
    'Passengers were calm. Some sang.',
  ]);
  const [latest] = await listRevisions(editor, id);
  expect(latest).toMatchObject({ version: 2, kind: 'save', authorName: 'Rosa Reporter and Ed Editor' });
  expect(copy.updatedByName).toBe('Ed Editor');

  // The log is folded away; the document holds it all.
  const db = await getDb();
  expect(await db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, id))).toEqual([]);
  expect(readStoryBody((await readStoredDocument(id))!)).toEqual(copy.body);
  // Folding again with nothing new does nothing.
  expect((await foldLiveStory(id, at(6))).kind).toBe('none');
});

test('typed and taken back is no new version, and credits nobody in the next one', async () => {
  const { id } = await createTestStory(reporter);
  const doc = await openInBrowser(id);
  await type(doc, id, editor, (d) => appendToParagraph(d, 0, '!'));
  await type(doc, id, editor, (d) => {
    const text = (d.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(text.length - 1, 1);
  });
  const outcome = await foldLiveStory(id, at(1));
  expect(outcome).toMatchObject({ kind: 'unchanged', message: { kind: 'saved', changed: false, version: 1 } });
  expect((await getWorkingCopy(editor, id)).version).toBe(1);

  await type(doc, id, reporter, (d) => appendToParagraph(d, 1, ' Really.'));
  await foldLiveStory(id, at(2));
  expect((await listRevisions(editor, id))[0]!.authorName).toBe('Rosa Reporter');
});

test('content the working copy refuses stays in the document, unsaved, with the reason; fixing it saves everything', async () => {
  const { id } = await createTestStory(reporter, { headline: 'Storm warning issued' });
  const doc = await openInBrowser(id);
  await type(doc, id, reporter, (d) => appendToParagraph(d, 0, ' Gusts of 120 km/h.'));
  await type(doc, id, editor, (d) => writeStoryFields(d, { headline: '   ' }));
  const refused = await foldLiveStory(id, at(1));
  expect(refused).toMatchObject({
    kind: 'invalid',
    message: { kind: 'invalid', fieldErrors: { headline: ['Headline is required'] } },
  });
  const copy = await getWorkingCopy(editor, id);
  expect(copy.version).toBe(1);
  expect(copy.headline).toBe('Storm warning issued');
  expect(readStoryFields((await readStoredDocument(id))!).headline).toBe('   ');

  await type(doc, id, editor, (d) => writeStoryFields(d, { headline: 'Storm warning raised to red' }));
  expect((await foldLiveStory(id, at(2))).kind).toBe('saved');
  const saved = await getWorkingCopy(editor, id);
  expect(saved.headline).toBe('Storm warning raised to red');
  expect(paragraphTexts(saved.body)[0]).toMatch(/Gusts of 120 km\/h\.$/);
  // The reporter typed before the refused fold: still credited.
  expect((await listRevisions(editor, id))[0]!.authorName).toBe('Rosa Reporter and Ed Editor');
});

test('a slug another story uses is refused by the fold, not stored', async () => {
  const { slug: taken } = await createTestStory(reporter);
  const { id } = await createTestStory(reporter);
  const doc = await openInBrowser(id);
  await type(doc, id, reporter, (d) => writeStoryFields(d, { slug: taken }));
  expect(await foldLiveStory(id, at(1))).toMatchObject({
    kind: 'invalid',
    message: { fieldErrors: { slug: ['This slug is already used by another story'] } },
  });
  expect((await getWorkingCopy(editor, id)).slug).not.toBe(taken);
});

test('an instance catches up from the log, and from the folded state once a fold has removed the rows it missed', async () => {
  const { id } = await createTestStory(reporter);
  const loaded = await loadStoryDocument(id);
  const elsewhere = new Y.Doc();
  Y.applyUpdate(elsewhere, loaded.update);
  const browser = await openInBrowser(id);

  await type(browser, id, reporter, (d) => appendToParagraph(d, 0, ' One.'));
  const first = await readStoryUpdatesSince(id, loaded.lastUpdateId);
  expect(first.updates).toHaveLength(1);
  for (const update of first.updates) Y.applyUpdate(elsewhere, update);
  expect(paragraphTexts(readStoryBody(elsewhere))[0]).toMatch(/ One\.$/);

  await type(browser, id, reporter, (d) => appendToParagraph(d, 0, ' Two.'));
  await foldLiveStory(id, at(1));
  const second = await readStoryUpdatesSince(id, first.lastUpdateId);
  expect(second.updates.length).toBeGreaterThan(0);
  for (const update of second.updates) Y.applyUpdate(elsewhere, update);
  expect(paragraphTexts(readStoryBody(elsewhere))[0]).toMatch(/ One\. Two\.$/);
  expect((await readStoryUpdatesSince(id, second.lastUpdateId)).updates).toEqual([]);
});

test('an API save on the current version goes into the live document, and a colleague’s typing elsewhere stays', async () => {
  const { id } = await createTestStory(reporter, {
    body: storyBodyFromParagraphs(['First paragraph.', 'Second paragraph.']),
  });
  const browser = await openInBrowser(id);
  const delivered: unknown[] = [];
  const stop = addCollabEventHandler((event) => delivered.push(event));
  const copy = await getWorkingCopy(editor, id);
  try {
    await saveStory(
      editor,
      id,
      {
        ...copy,
        headline: 'Saved through the API',
        body: storyBodyFromParagraphs(['First paragraph, rewritten by the API.', 'Second paragraph.']),
        baseVersion: copy.version,
      },
      at(1),
    );
  } finally {
    stop();
  }
  expect(delivered).toContainEqual({ kind: 'updates', storyId: id });

  // Meanwhile, the colleague in the browser typed into the second paragraph.
  await type(browser, id, reporter, (d) => appendToParagraph(d, 1, ' Added live.'));
  for (const update of (await readStoryUpdatesSince(id, 0)).updates) Y.applyUpdate(browser, update);
  expect(readStoryFields(browser).headline).toBe('Saved through the API');
  expect(paragraphTexts(readStoryBody(browser))).toEqual([
    'First paragraph, rewritten by the API.',
    'Second paragraph. Added live.',
  ]);
  // The saved text is no new change to the fold; the live typing is.
  await foldLiveStory(id, at(2));
  const after = await getWorkingCopy(editor, id);
  expect(after.version).toBe(3);
  expect(paragraphTexts(after.body)).toEqual([
    'First paragraph, rewritten by the API.',
    'Second paragraph. Added live.',
  ]);
});

test('an API save based on the version before live typing is a conflict: the live text is the version, the API text kept', async () => {
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['Opening line.']) });
  const browser = await openInBrowser(id);
  const before = await getWorkingCopy(editor, id);
  await type(browser, id, reporter, (d) => appendToParagraph(d, 0, ' Typed live.'));

  await expect(
    saveStory(
      editor,
      id,
      { ...before, body: storyBodyFromParagraphs(['Opening line. From the API.']), baseVersion: before.version },
      at(1),
    ),
  ).rejects.toBeInstanceOf(StaleVersionError);
  const copy = await getWorkingCopy(editor, id);
  expect(copy.version).toBe(2);
  expect(paragraphTexts(copy.body)).toEqual(['Opening line. Typed live.']);
  const revisions = await listRevisions(editor, id);
  expect(revisions.map((r) => [r.version, r.kind, r.authorName])).toEqual([
    [1, 'conflict', 'Ed Editor'],
    [2, 'save', 'Rosa Reporter'],
    [1, 'save', expect.any(String)],
  ]);
});

test('a restored revision goes into the live document too', async () => {
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['The original text.']) });
  const browser = await openInBrowser(id);
  await type(browser, id, reporter, (d) => {
    const paragraph = d.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.delete(0, text.length);
    text.insert(0, 'A rewrite.');
  });
  await foldLiveStory(id, at(1));
  const original = (await listRevisions(editor, id)).find((r) => r.version === 1)!;
  await restoreRevision(editor, id, original.id, at(2));
  for (const update of (await readStoryUpdatesSince(id, 0)).updates) Y.applyUpdate(browser, update);
  expect(paragraphTexts(readStoryBody(browser))).toEqual(['The original text.']);
  expect((await getWorkingCopy(editor, id)).version).toBe(3);
  expect((await foldLiveStory(id, at(3))).kind).toMatch(/^(unchanged|none)$/);
});

test('a workflow move folds first: what was typed live is the version submitted', async () => {
  const { id } = await createTestStory(reporter, { body: storyBodyFromParagraphs(['Draft text.']) });
  const browser = await openInBrowser(id);
  await type(browser, id, reporter, (d) => appendToParagraph(d, 0, ' Last words before submitting.'));
  const delivered: unknown[] = [];
  const stop = addCollabEventHandler((event) => delivered.push(event));
  try {
    await transitionStory(reporter, id, { action: 'submit' }, at(1));
  } finally {
    stop();
  }
  const copy = await getWorkingCopy(editor, id);
  expect(copy.version).toBe(2);
  expect(paragraphTexts(copy.body)).toEqual(['Draft text. Last words before submitting.']);
  expect(delivered).toContainEqual({ kind: 'access', storyId: id, state: 'in_review', version: 2 });
  const db = await getDb();
  const events = await db.select().from(storyEvents).where(eq(storyEvents.storyId, id)).orderBy(storyEvents.id);
  expect(events.map((e) => e.action).slice(-2)).toEqual(['save', 'submit']);
});

test('a story nobody opened live has no document until someone does', async () => {
  const { id } = await createTestStory(reporter);
  const copy = await getWorkingCopy(editor, id);
  await saveStory(editor, id, { ...copy, headline: 'Changed by API only', baseVersion: copy.version }, at(1));
  const db = await getDb();
  expect(await db.select().from(storyDocuments).where(eq(storyDocuments.storyId, id))).toEqual([]);
  const doc = await openInBrowser(id);
  expect(readStoryFields(doc).headline).toBe('Changed by API only');
});

test('writing a body into a document changes only what differs', () => {
  const doc = new Y.Doc();
  writeStoryBody(doc, storyBodyFromParagraphs(['Keep me.', 'Change me.']));
  const kept = doc.getXmlFragment(BODY_FIELD).get(0);
  writeStoryBody(doc, storyBodyFromParagraphs(['Keep me.', 'Changed.']));
  expect(doc.getXmlFragment(BODY_FIELD).get(0)).toBe(kept);
  expect(paragraphTexts(readStoryBody(doc))).toEqual(['Keep me.', 'Changed.']);
});
