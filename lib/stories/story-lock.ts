import 'server-only';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Transaction } from '@/db/client';
import { storyLocks, storyRevisions, users } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { lockStory, recordStoryEvent } from './story-record';

/** How often an open editor renews its lock. */
export const LOCK_HEARTBEAT_MS = 15_000;
/** A lock whose last heartbeat is older than this is free: the browser was closed or lost. */
export const LOCK_EXPIRY_MS = 45_000;

type Person = { id: number; name: string };

/** What an editor page needs to know about the lock, from the asking user's side. */
export type StoryLockView =
  | {
      status: 'mine';
      /** Text others lost to this user's take-over and kept as revisions since it began. */
      keptRevisions: { id: number; authorName: string; createdAt: Date }[];
    }
  | { status: 'held'; holder: Person; since: Date; takenFromYou: boolean }
  | { status: 'free' };

const holder = alias(users, 'holder');

type LockRow = typeof storyLocks.$inferSelect & { holderName: string };

async function readLock(tx: Transaction, storyId: number): Promise<LockRow | null> {
  const [row] = await tx
    .select({ lock: storyLocks, holderName: holder.name })
    .from(storyLocks)
    .innerJoin(holder, eq(holder.id, storyLocks.holderId))
    .where(eq(storyLocks.storyId, storyId));
  return row ? { ...row.lock, holderName: row.holderName } : null;
}

const isLive = (lock: { heartbeatAt: Date }, now: Date) => now.getTime() - lock.heartbeatAt.getTime() < LOCK_EXPIRY_MS;

/**
 * The live lock someone other than `actorId` holds on the story, inside a transaction that
 * already holds the story's row lock (saves and restores refuse to write while there is one).
 */
export async function findOtherLiveLock(
  tx: Transaction,
  storyId: number,
  actorId: number,
  now: Date,
): Promise<{ holderId: number; holderName: string } | null> {
  const lock = await readLock(tx, storyId);
  return lock && lock.holderId !== actorId && isLive(lock, now)
    ? { holderId: lock.holderId, holderName: lock.holderName }
    : null;
}

function viewOf(lock: LockRow | null, actor: Actor, now: Date): StoryLockView {
  if (!lock || !isLive(lock, now)) return { status: 'free' };
  if (lock.holderId === actor.id) return { status: 'mine', keptRevisions: [] };
  return {
    status: 'held',
    holder: { id: lock.holderId, name: lock.holderName },
    since: lock.acquiredAt,
    takenFromYou: lock.previousHolderId === actor.id,
  };
}

async function keptSince(tx: Transaction, storyId: number, actorId: number, since: Date) {
  return tx
    .select({ id: storyRevisions.id, authorName: users.name, createdAt: storyRevisions.createdAt })
    .from(storyRevisions)
    .innerJoin(users, eq(users.id, storyRevisions.authorId))
    .where(
      and(
        eq(storyRevisions.storyId, storyId),
        eq(storyRevisions.kind, 'takeover'),
        ne(storyRevisions.authorId, actorId),
        gt(storyRevisions.createdAt, since),
      ),
    )
    .orderBy(desc(storyRevisions.id))
    .limit(10);
}

/** Who holds the story's lock right now, as the asking user sees it (read-only). */
export async function getStoryLock(actor: Actor, storyId: number, now = new Date()): Promise<StoryLockView> {
  const db = await getDb();
  return db.transaction(async (tx) => viewOf(await readLock(tx, storyId), actor, now));
}

/**
 * Takes or renews the edit lock (the editor page calls this on opening and then as its
 * heartbeat). Refused — the answer says who holds it — while someone else's is live.
 * Presence, not content: no audit event (a heartbeat every 15 s would bury the timeline).
 */
export async function claimStoryLock(actor: Actor, storyId: number, now = new Date()): Promise<StoryLockView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    if (!can(actor, 'edit', story)) throw new ForbiddenError('You cannot edit this story in its current state.');
    const lock = await readLock(tx, storyId);
    const view = viewOf(lock, actor, now);
    if (view.status === 'held') return view;
    const renewing = view.status === 'mine';
    const acquiredAt = renewing ? lock!.acquiredAt : now;
    await tx
      .insert(storyLocks)
      .values({ storyId, holderId: actor.id, acquiredAt, heartbeatAt: now })
      .onConflictDoUpdate({
        target: storyLocks.storyId,
        set: renewing
          ? { heartbeatAt: now }
          : { holderId: actor.id, acquiredAt: now, heartbeatAt: now, previousHolderId: null, takenOverAt: null },
      });
    return { status: 'mine', keptRevisions: await keptSince(tx, storyId, actor.id, acquiredAt) };
  });
}

/** Lets go of the lock if this user holds it (the editor page was closed or left). */
export async function releaseStoryLock(actor: Actor, storyId: number): Promise<void> {
  const db = await getDb();
  await db.delete(storyLocks).where(and(eq(storyLocks.storyId, storyId), eq(storyLocks.holderId, actor.id)));
}

/**
 * An editor takes the lock from whoever holds it. The previous holder's page learns it on
 * its next heartbeat (or its next save, which is refused and kept) and sends its unsaved
 * text, which is kept as a `takeover` revision. One audit event: `take_over`.
 */
export async function takeOverStoryLock(actor: Actor, storyId: number, now = new Date()): Promise<StoryLockView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    if (!can(actor, 'take_over', story))
      throw new ForbiddenError('Only editors can take over a story someone is editing.');
    const lock = await readLock(tx, storyId);
    // Taking over a lock one already holds (a double click, a retried request) renews it:
    // starting afresh would forget whom it was taken from and the text kept from them.
    if (lock && isLive(lock, now) && lock.holderId === actor.id) {
      await tx.update(storyLocks).set({ heartbeatAt: now }).where(eq(storyLocks.storyId, storyId));
      return { status: 'mine', keptRevisions: await keptSince(tx, storyId, actor.id, lock.acquiredAt) };
    }
    const previous = lock && isLive(lock, now) && lock.holderId !== actor.id ? lock : null;
    await tx
      .insert(storyLocks)
      .values({ storyId, holderId: actor.id, acquiredAt: now, heartbeatAt: now })
      .onConflictDoUpdate({
        target: storyLocks.storyId,
        set: {
          holderId: actor.id,
          acquiredAt: now,
          heartbeatAt: now,
          previousHolderId: previous?.holderId ?? null,
          takenOverAt: previous ? now : null,
        },
      });
    if (previous) {
      await recordStoryEvent(tx, {
        storyId,
        actorId: actor.id,
        action: 'take_over',
        note: `Took over editing from ${previous.holderName}.`,
        at: now,
      });
    }
    return { status: 'mine', keptRevisions: [] };
  });
}
