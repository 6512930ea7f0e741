// A small newsroom with a row in every table, made through the same lib/ functions the
// desk uses: for tests that must see the whole database (backup and restore).
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { createStaff, getTestSection } from '@/db/factories';
import { storyLocks } from '@/db/schema';
import { createApiToken } from '@/lib/api-tokens';
import { appendStoryUpdate, getStoryDocumentGeneration, loadStoryDocument } from '@/lib/collab/story-document-store';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { storeUploadedImage } from '@/lib/media/media-store';
import { arrangeFrontPage } from '@/lib/stories/front-page';
import { createStory } from '@/lib/stories/create-story';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { saveStory } from '@/lib/stories/save-story';
import { storyBodyFromParagraphs } from '@/lib/stories/story-body';
import { addStoryNote } from '@/lib/stories/story-notes';
import { listRevisions, restoreRevision } from '@/lib/stories/story-revisions';
import { transitionStory } from '@/lib/stories/transition-story';
import { ingestWireFile } from '@/lib/wire/ingest';
import { createStoryFromWire } from '@/lib/wire/wire-queue';
import { newsmlG2Item } from './wire-documents';

/** Fills the current database (getDb) with a bit of everything; returns nothing to assert on. */
export async function fillNewsroom(): Promise<void> {
  const tag = randomBytes(3).toString('hex');
  const reporter = await createStaff({ role: 'reporter', name: `Rita Reporter ${tag}` });
  const editor = await createStaff({ role: 'editor', name: `Eddie Editor ${tag}` });
  const admin = await createStaff({ role: 'admin' });
  const sectionId = await getTestSection(`world-${tag}`, `World ${tag}`);
  await signInWithPassword({ email: reporter.email, password: 'wrong password' });
  await signInWithPassword({ email: reporter.email, password: reporter.password });
  await createApiToken(admin, { name: `Agency feed ${tag}` });

  // Wire: an item, a story from it, published, then the agency kills it (an alert, and
  // a notification written by a trigger); the kill is a new version of the item.
  const guid = `urn:newsml:afp.com:20261204:fixture-${tag}`;
  const v1 = await ingestWireFile(reporter, { bytes: newsmlG2Item({ guid, headline: `Minister resigns ${tag}` }) });
  const fromWire = await createStoryFromWire(reporter, v1.id);
  await transitionStory(reporter, fromWire.id, { action: 'submit' });
  await transitionStory(editor, fromWire.id, { action: 'publish' });
  await ingestWireFile(editor, {
    bytes: newsmlG2Item({ guid, version: 2, pubStatus: 'canceled', headline: `KILL ${tag}`, paragraphs: ['Kill it.'] }),
  });

  // An image, and a story that shows it, saved a few times; a restore; a refused save.
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
  const image = await storeUploadedImage(reporter, new Uint8Array(png));
  const { id, slug } = await createStory(reporter, {
    headline: `Harbour plan approved ${tag}`,
    standfirst: 'The vote ends a decade of argument.',
    sectionId,
    body: storyBodyFromParagraphs(['The council voted on Tuesday.']),
  });
  const body = {
    type: 'doc' as const,
    content: [
      {
        type: 'paragraph' as const,
        content: [{ type: 'text' as const, text: 'The council voted 31 to 12 — “at last”.' }],
      },
      {
        type: 'image' as const,
        attrs: { mediaId: image.id, width: 1, height: 1, alt: 'The harbour', caption: 'Dawn', credit: 'Staff' },
      },
    ],
  };
  const save = (version: number, headline: string) =>
    saveStory(reporter, id, {
      headline,
      standfirst: 'The vote ends a decade of argument.',
      slug,
      sectionId,
      body,
      baseVersion: version,
    });
  await save(1, `Harbour plan approved ${tag}`);
  await save(2, `Harbour plan approved at last ${tag}`);
  await save(2, 'A save from an old version, refused and kept').catch(() => undefined);
  const first = (await listRevisions(reporter, id)).find((revision) => revision.version === 1)!;
  await restoreRevision(reporter, id, first.id);
  await addStoryNote(editor, id, { body: 'Check the vote count.' });
  const story = await getStoryForEditor(editor, id);
  await transitionStory(reporter, id, { action: 'submit' });
  await transitionStory(editor, id, { action: 'approve' });
  await transitionStory(editor, id, { action: 'publish', expectedVersion: story.version });
  await arrangeFrontPage(editor, { storyId: id, move: 'pin' });

  const scheduled = await createStory(reporter, { headline: `Tomorrow's story ${tag}`, sectionId, body });
  await transitionStory(reporter, scheduled.id, { action: 'submit' });
  await transitionStory(editor, scheduled.id, { action: 'schedule', publishAt: new Date(Date.now() + 86_400_000) });

  // The story is open live, and an editor's typing is in its log, not yet folded.
  await getStoryDocumentGeneration(editor, scheduled.id);
  const live = new Y.Doc();
  Y.applyUpdate(live, (await loadStoryDocument(scheduled.id)).update);
  const before = Y.encodeStateVector(live);
  live.getText('standfirst').insert(0, 'Live: ');
  await appendStoryUpdate(scheduled.id, editor.id, Y.encodeStateAsUpdate(live, before));

  // Someone has the story open (a heartbeat row), written as the lock API would.
  const db = await getDb();
  const now = new Date();
  await db.insert(storyLocks).values({
    storyId: scheduled.id,
    holderId: editor.id,
    holderSession: 'fixture-session-0001',
    acquiredAt: now,
    heartbeatAt: now,
  });
}
