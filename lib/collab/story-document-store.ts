import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb, type Database, type Transaction } from '@/db/client';
import { stories, storyAuthors, storyDocuments, storyDocumentUpdates } from '@/db/schema';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { resolveBodyImages } from '@/lib/media/media-store';
import { requirePermission, type Actor } from '@/lib/permissions';
import { invalidatePublicPages } from '@/lib/public-cache/invalidate-public-pages';
import { storyBodyToText } from '@/lib/stories/story-body';
import { StoryEditorSchema } from '@/lib/stories/story-input';
import { lockStory, type LockedStory } from '@/lib/stories/story-record';
import { isSameWorkingCopy, writeWorkingCopy, type WorkingCopyContent } from '@/lib/stories/working-copy';
import { announceCollabEvents, deliverCollabEvents, type CollabEvent } from './collab-events';
import type { CollabMessage } from './collab-protocol';
import { readStoryDocument, writeStoryDocument } from './story-document-body';

// A story's live document in the database (docs/decisions/013-real-time-co-editing.md):
// `story_documents.state` is the document as of its last fold; updates are appended to
// `story_document_updates` as they arrive, by whichever instance received them, and every
// instance with the document open applies them from there. The fold moves the log into
// the state and, when the content changed and is valid, writes the working copy (a new
// version, a revision naming everyone who typed since the last one).

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The working copy as a document: what a story starts as the first time anyone opens it live. */
async function documentFromWorkingCopy(tx: Transaction, storyId: number): Promise<Uint8Array> {
  const [story] = await tx.select().from(stories).where(eq(stories.id, storyId));
  if (!story) throw new NotFoundError('This story does not exist.');
  const authors = await tx
    .select({ userId: storyAuthors.userId })
    .from(storyAuthors)
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
  const doc = new Y.Doc();
  writeStoryDocument(doc, {
    headline: story.headline,
    standfirst: story.standfirst,
    slug: story.slug,
    dateline: story.dateline ?? '',
    sectionId: story.sectionId,
    authorIds: authors.map((a) => a.userId),
    body: story.body,
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * The story's document row, made from the working copy if the story has never been open
 * live. Two instances making it at once agree: one insert wins, both read it.
 */
async function ensureDocument(tx: Transaction, storyId: number) {
  const [existing] = await tx.select().from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (existing) return existing;
  const state = await documentFromWorkingCopy(tx, storyId);
  await tx
    .insert(storyDocuments)
    .values({ storyId, generation: randomBytes(9).toString('base64url'), state: toBuffer(state) })
    .onConflictDoNothing();
  const [row] = await tx.select().from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  return row!;
}

/** The generation of a story's live document (made now if the story has none yet); any staff member may ask. */
export async function getStoryDocumentGeneration(actor: Actor, storyId: number): Promise<string> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  return db.transaction(async (tx) => (await ensureDocument(tx, storyId)).generation);
}

/**
 * A story's whole live document, for an instance opening it: the folded state and every
 * update logged after it, as one Yjs update, and the id of the last update it includes.
 */
export async function loadStoryDocument(
  storyId: number,
): Promise<{ generation: string; update: Uint8Array; lastUpdateId: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await ensureDocument(tx, storyId);
    const updates = await tx
      .select({ id: storyDocumentUpdates.id, update: storyDocumentUpdates.update })
      .from(storyDocumentUpdates)
      .where(and(eq(storyDocumentUpdates.storyId, storyId), gt(storyDocumentUpdates.id, row.foldedThrough)))
      .orderBy(asc(storyDocumentUpdates.id));
    return {
      generation: row.generation,
      update: updates.length > 0 ? Y.mergeUpdates([row.state, ...updates.map((u) => u.update)]) : row.state,
      lastUpdateId: updates.at(-1)?.id ?? row.foldedThrough,
    };
  });
}

/**
 * Appends one user's update to a story's log and tells the other instances. Appends to
 * one story are serialized (its document row is locked), so ids grow in commit order and
 * an instance that has applied everything up to an id has missed nothing before it.
 */
export async function appendStoryUpdate(storyId: number, userId: number, update: Uint8Array): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => appendInTransaction(tx, storyId, userId, update));
}

async function appendInTransaction(
  tx: Transaction,
  storyId: number,
  userId: number,
  update: Uint8Array,
): Promise<number> {
  const [document] = await tx
    .select({ storyId: storyDocuments.storyId })
    .from(storyDocuments)
    .where(eq(storyDocuments.storyId, storyId))
    .for('update');
  if (!document) throw new NotFoundError('This story has no live document (it may have been deleted).');
  const [row] = await tx
    .insert(storyDocumentUpdates)
    .values({ storyId, userId, update: toBuffer(update) })
    .returning({ id: storyDocumentUpdates.id });
  await announceCollabEvents(tx, [{ kind: 'updates', storyId }]);
  return row!.id;
}

/**
 * What an instance that has applied everything up to `afterId` is missing: the updates
 * logged since, preceded by the folded state when a fold has removed some of them from
 * the log meanwhile. Applying all of them (Yjs updates are idempotent) catches it up.
 */
export async function readStoryUpdatesSince(
  storyId: number,
  afterId: number,
): Promise<{ updates: Uint8Array[]; lastUpdateId: number }> {
  const db = await getDb();
  // The log first, then the fold mark: a fold that deleted rows before the first read has
  // committed its state and mark together, so the second read sees the mark past them.
  const rows = await db
    .select({ id: storyDocumentUpdates.id, update: storyDocumentUpdates.update })
    .from(storyDocumentUpdates)
    .where(and(eq(storyDocumentUpdates.storyId, storyId), gt(storyDocumentUpdates.id, afterId)))
    .orderBy(asc(storyDocumentUpdates.id));
  const [mark] = await db
    .select({ foldedThrough: storyDocuments.foldedThrough })
    .from(storyDocuments)
    .where(eq(storyDocuments.storyId, storyId));
  const updates: Uint8Array[] = [];
  let lastUpdateId = Math.max(afterId, rows.at(-1)?.id ?? afterId);
  if (mark && mark.foldedThrough > afterId) {
    const [folded] = await db
      .select({ state: storyDocuments.state, foldedThrough: storyDocuments.foldedThrough })
      .from(storyDocuments)
      .where(eq(storyDocuments.storyId, storyId));
    updates.push(folded!.state);
    lastUpdateId = Math.max(lastUpdateId, folded!.foldedThrough);
  }
  updates.push(...rows.map((row) => row.update));
  return { updates, lastUpdateId };
}

/** What a fold did; `message` is what the pages are told. */
export type FoldOutcome =
  | { kind: 'none' }
  | {
      kind: 'saved' | 'unchanged' | 'invalid';
      message: CollabMessage;
      version: number;
      publicTags: string[];
      events: CollabEvent[];
    };

/** Everyone who typed, in the order they started, and who typed last. */
function authorsOf(pending: readonly number[], rows: readonly { userId: number }[]) {
  const authorIds = [...pending];
  for (const row of rows) if (!authorIds.includes(row.userId)) authorIds.push(row.userId);
  return { authorIds, lastAuthorId: rows.at(-1)?.userId ?? authorIds.at(-1) };
}

/** The document's content as the working copy would hold it, or the reasons it cannot be. */
async function contentOf(
  tx: Transaction,
  doc: Y.Doc,
  story: LockedStory,
): Promise<{ ok: true; content: WorkingCopyContent } | { ok: false; error: ValidationError }> {
  const raw = readStoryDocument(doc);
  const parsed = StoryEditorSchema.safeParse({
    ...raw,
    sectionId: raw.sectionId ?? undefined,
    baseVersion: story.version,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      (fieldErrors[key] ??= []).push(issue.message);
    }
    const first = parsed.error.issues[0]?.message ?? 'The story cannot be saved as it is';
    return { ok: false, error: new ValidationError(first, fieldErrors) };
  }
  const data = parsed.data;
  try {
    const body = await resolveBodyImages(tx, data.body);
    return {
      ok: true,
      content: {
        headline: data.headline,
        standfirst: data.standfirst,
        slug: data.slug,
        dateline: data.dateline,
        sectionId: data.sectionId,
        authorIds: data.authorIds ?? story.authorIds,
        body,
        bodyText: storyBodyToText(body),
      },
    };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error };
    throw error;
  }
}

/**
 * Folds a story's logged updates into its document and, if that changed the content and
 * the content is valid, writes it as the working copy's next version (one revision, naming
 * everyone who typed since the previous one). Runs in the caller's transaction, which
 * holds the story's row lock (`story` is that locked row): saves, restores and workflow
 * moves fold first, so they act on everything typed so far. Invalid content (an emptied
 * headline, a slug another story has) stays in the document, unsaved, and the pages are
 * told why; nothing typed is dropped.
 */
export async function foldStoryDocument(tx: Transaction, story: LockedStory, now: Date): Promise<FoldOutcome> {
  const [row] = await tx.select().from(storyDocuments).where(eq(storyDocuments.storyId, story.id)).for('update');
  if (!row) return { kind: 'none' };
  const rows = await tx
    .select({ id: storyDocumentUpdates.id, userId: storyDocumentUpdates.userId, update: storyDocumentUpdates.update })
    .from(storyDocumentUpdates)
    .where(and(eq(storyDocumentUpdates.storyId, story.id), gt(storyDocumentUpdates.id, row.foldedThrough)))
    .orderBy(asc(storyDocumentUpdates.id));
  if (rows.length === 0) return { kind: 'none' };

  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, row.state);
    for (const { update } of rows) Y.applyUpdate(doc, update);
    const stateVector = toBase64(Y.encodeStateVector(doc));
    const { authorIds, lastAuthorId } = authorsOf(row.pendingAuthorIds, rows);
    const content = await contentOf(tx, doc, story);

    let outcome: FoldOutcome;
    let pendingAuthorIds = authorIds;
    if (!content.ok) {
      outcome = {
        kind: 'invalid',
        message: {
          kind: 'invalid',
          message: content.error.message,
          fieldErrors: content.error.fieldErrors,
          stateVector,
        },
        version: story.version,
        publicTags: [],
        events: [],
      };
    } else if (isSameWorkingCopy(story, content.content)) {
      // Typed and taken back: nobody's typing is in a version, so nobody is owed a credit.
      pendingAuthorIds = [];
      outcome = {
        kind: 'unchanged',
        message: {
          kind: 'saved',
          version: story.version,
          savedAt: story.updatedAt.toISOString(),
          changed: false,
          stateVector,
        },
        version: story.version,
        publicTags: [],
        events: [],
      };
    } else {
      try {
        const written = await writeWorkingCopy(tx, story, content.content, { authorIds, lastAuthorId, now });
        pendingAuthorIds = [];
        outcome = {
          kind: 'saved',
          message: { kind: 'saved', version: written.version, savedAt: now.toISOString(), changed: true, stateVector },
          version: written.version,
          publicTags: written.publicTags,
          events: [],
        };
      } catch (error) {
        // Section, slug and bylines are checked against other rows before anything is written.
        if (!(error instanceof ValidationError)) throw error;
        outcome = {
          kind: 'invalid',
          message: { kind: 'invalid', message: error.message, fieldErrors: error.fieldErrors, stateVector },
          version: story.version,
          publicTags: [],
          events: [],
        };
      }
    }

    const foldedThrough = rows.at(-1)!.id;
    await tx
      .update(storyDocuments)
      .set({ state: toBuffer(Y.encodeStateAsUpdate(doc)), foldedThrough, pendingAuthorIds, updatedAt: now })
      .where(eq(storyDocuments.storyId, story.id));
    await tx
      .delete(storyDocumentUpdates)
      .where(and(eq(storyDocumentUpdates.storyId, story.id), lte(storyDocumentUpdates.id, foldedThrough)));
    outcome.events.push({ kind: 'folded', storyId: story.id, message: outcome.message });
    await announceCollabEvents(tx, outcome.events);
    return outcome;
  } finally {
    doc.destroy();
  }
}

/**
 * Folds a story's live document now, in a transaction of its own (the collaboration
 * server calls this a moment after typing stops, and when the last page leaves).
 */
export async function foldLiveStory(storyId: number, now = new Date()): Promise<FoldOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    return foldStoryDocument(tx, story, now);
  });
  if (outcome.kind !== 'none') {
    invalidatePublicPages(outcome.publicTags);
    deliverCollabEvents(outcome.events);
  }
  return outcome;
}

/**
 * Writes content that became the working copy another way (an API save, a restored
 * revision) into the live document, by the smallest change, as `userId`'s update: every
 * page with the story open shows it, and what colleagues type meanwhile stays. Runs in
 * the caller's transaction after its fold; a story never opened live has no document
 * (it starts from the working copy when first opened) and needs nothing.
 */
export async function writeContentToStoryDocument(
  tx: Transaction,
  storyId: number,
  content: WorkingCopyContent,
  userId: number,
): Promise<CollabEvent[]> {
  const [row] = await tx.select().from(storyDocuments).where(eq(storyDocuments.storyId, storyId)).for('update');
  if (!row) return [];
  const rows = await tx
    .select({ update: storyDocumentUpdates.update })
    .from(storyDocumentUpdates)
    .where(and(eq(storyDocumentUpdates.storyId, storyId), gt(storyDocumentUpdates.id, row.foldedThrough)));
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, row.state);
    for (const { update } of rows) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    writeStoryDocument(doc, {
      headline: content.headline,
      standfirst: content.standfirst,
      slug: content.slug,
      dateline: content.dateline,
      sectionId: content.sectionId,
      authorIds: [...content.authorIds],
      body: content.body,
    });
    const update = Y.encodeStateAsUpdate(doc, before);
    // An update with no structs and no deletions is two bytes: nothing to tell anyone.
    if (update.length <= 2) return [];
    const id = await appendInTransaction(tx, storyId, userId, update);
    // The document now holds exactly the working copy just written: folded at once, so the
    // next save or fold has nothing to go through. The row stays for other instances to
    // apply (the next fold removes it).
    if (rows.length === 0) {
      await tx
        .update(storyDocuments)
        .set({ state: toBuffer(Y.encodeStateAsUpdate(doc)), foldedThrough: id, pendingAuthorIds: [] })
        .where(eq(storyDocuments.storyId, storyId));
    }
    return [{ kind: 'updates', storyId }];
  } finally {
    doc.destroy();
  }
}

/** For tests and tools: the document a story's database rows add up to right now. */
export async function readStoredDocument(storyId: number, db?: Database): Promise<Y.Doc | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(storyDocuments).where(eq(storyDocuments.storyId, storyId));
  if (!row) return null;
  const rows = await database
    .select({ update: storyDocumentUpdates.update })
    .from(storyDocumentUpdates)
    .where(and(eq(storyDocumentUpdates.storyId, storyId), gt(storyDocumentUpdates.id, row.foldedThrough)))
    .orderBy(asc(storyDocumentUpdates.id));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  for (const { update } of rows) Y.applyUpdate(doc, update);
  return doc;
}
