import 'server-only';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { storyLocks, storyRevisions, users } from '@/db/schema';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { can, requirePermission, type Actor } from '@/lib/permissions';
import { lockStory, recordStoryEvent } from './story-record';

/** How often an open editor renews its lock. */
export const LOCK_HEARTBEAT_MS = 15_000;
/** A lock whose last heartbeat is older than this is free: the browser was closed or lost. */
export const LOCK_EXPIRY_MS = 45_000;

/**
 * One open editor page (a browser tab) — what a lock belongs to. Made by the page when it
 * opens, so a user's second tab, or second device, is a different session: opening and
 * closing it never releases the lock the first one holds.
 */
export const EditSessionSchema = z
  .string({ error: 'An editing session id is required' })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'The editing session id is malformed');

/** The session id a request names (X-Edit-Session), or null when it names none. */
export function parseEditSession(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = EditSessionSchema.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError('The editing session id is malformed', { session: ['Reload the page'] });
  }
  return parsed.data;
}

/** The session id a lock-taking request must name. */
export function requireEditSession(value: string | null | undefined): string {
  const session = parseEditSession(value);
  if (session === null) {
    throw new ValidationError('Which editor page is asking? (X-Edit-Session is missing)', {
      session: ['Reload the page'],
    });
  }
  return session;
}

type Person = { id: number; name: string };

/** What an editor page needs to know about the lock, from the asking session's side. */
export type StoryLockView =
  | {
      status: 'mine';
      /** Text others lost to this session's take-over and kept as revisions since it began. */
      keptRevisions: { id: number; authorName: string; createdAt: Date }[];
    }
  | {
      status: 'held';
      holder: Person;
      since: Date;
      /** This session held it and lost it to the holder. */
      takenFromYou: boolean;
      /** The holder is the asking user, in another tab or on another device. */
      byYou: boolean;
    }
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
 * Whether the lock is held by this session. `session` null is a caller that is not an
 * editor page (the revisions page's Restore, an API script): the user's own lock, in
 * whichever tab, does not stand in its way — its next save there meets the new version.
 */
function heldBy(lock: LockRow, actorId: number, session: string | null): boolean {
  return lock.holderId === actorId && (session === null || lock.holderSession === session);
}

/**
 * The live lock held by anyone but this session, inside a transaction that already holds
 * the story's row lock (saves and restores refuse to write while there is one).
 */
export async function findOtherLiveLock(
  tx: Transaction,
  storyId: number,
  actor: Actor,
  session: string | null,
  now: Date,
): Promise<{ holderId: number; holderName: string } | null> {
  const lock = await readLock(tx, storyId);
  return lock && isLive(lock, now) && !heldBy(lock, actor.id, session)
    ? { holderId: lock.holderId, holderName: lock.holderName }
    : null;
}

function viewOf(lock: LockRow | null, actor: Actor, session: string | null, now: Date): StoryLockView {
  if (!lock || !isLive(lock, now)) return { status: 'free' };
  if (heldBy(lock, actor.id, session)) return { status: 'mine', keptRevisions: [] };
  return {
    status: 'held',
    holder: { id: lock.holderId, name: lock.holderName },
    since: lock.acquiredAt,
    takenFromYou: lock.previousHolderId === actor.id && (session === null || lock.previousHolderSession === session),
    byYou: lock.holderId === actor.id,
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

/**
 * Who holds the story's lock right now, as this session sees it (read-only). Without a
 * session (the page being rendered, before its editor has one), the user's own lock reads
 * as `mine`; the editor's first claim tells it apart from another tab's.
 */
export async function getStoryLock(
  actor: Actor,
  storyId: number,
  session: string | null = null,
  now = new Date(),
): Promise<StoryLockView> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  return db.transaction(async (tx) => viewOf(await readLock(tx, storyId), actor, session, now));
}

/**
 * Takes or renews the edit lock for this session (the editor page calls this on opening
 * and then as its heartbeat). Refused — the answer says who holds it — while another
 * session's is live, the same user's other tab included.
 * Presence, not content: no audit event (a heartbeat every 15 s would bury the timeline).
 */
export async function claimStoryLock(
  actor: Actor,
  storyId: number,
  session: string,
  now = new Date(),
): Promise<StoryLockView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    if (!can(actor, 'edit', story)) throw new ForbiddenError('You cannot edit this story in its current state.');
    const lock = await readLock(tx, storyId);
    const view = viewOf(lock, actor, session, now);
    if (view.status === 'held') return view;
    const renewing = view.status === 'mine';
    const acquiredAt = renewing ? lock!.acquiredAt : now;
    await tx
      .insert(storyLocks)
      .values({ storyId, holderId: actor.id, holderSession: session, acquiredAt, heartbeatAt: now })
      .onConflictDoUpdate({
        target: storyLocks.storyId,
        set: renewing
          ? { heartbeatAt: now }
          : {
              holderId: actor.id,
              holderSession: session,
              acquiredAt: now,
              heartbeatAt: now,
              previousHolderId: null,
              previousHolderSession: null,
              takenOverAt: null,
            },
      });
    return { status: 'mine', keptRevisions: await keptSince(tx, storyId, actor.id, acquiredAt) };
  });
}

/** Lets go of the lock if this session holds it (its editor page was closed or left). */
export async function releaseStoryLock(actor: Actor, storyId: number, session: string): Promise<void> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  await db
    .delete(storyLocks)
    .where(
      and(eq(storyLocks.storyId, storyId), eq(storyLocks.holderId, actor.id), eq(storyLocks.holderSession, session)),
    );
}

/**
 * Takes the lock for this session from whoever holds it: an editor from a colleague, or
 * anyone who may edit from their own other tab ("Edit here"). The previous holder's page
 * learns it on its next heartbeat (or its next save, which is refused and kept) and sends
 * its unsaved text, which is kept as a `takeover` revision. One audit event: `take_over`.
 */
export async function takeOverStoryLock(
  actor: Actor,
  storyId: number,
  session: string,
  now = new Date(),
): Promise<StoryLockView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    const lock = await readLock(tx, storyId);
    const live = lock && isLive(lock, now) ? lock : null;
    const fromOwnTab = live !== null && live.holderId === actor.id;
    if (!(fromOwnTab ? can(actor, 'edit', story) : can(actor, 'take_over', story))) {
      throw new ForbiddenError('Only editors can take over a story someone is editing.');
    }
    // Taking over a lock this session already holds (a double click, a retried request)
    // renews it: starting afresh would forget whom it was taken from and the text kept from them.
    if (live && heldBy(live, actor.id, session)) {
      await tx.update(storyLocks).set({ heartbeatAt: now }).where(eq(storyLocks.storyId, storyId));
      return { status: 'mine', keptRevisions: await keptSince(tx, storyId, actor.id, live.acquiredAt) };
    }
    await tx
      .insert(storyLocks)
      .values({ storyId, holderId: actor.id, holderSession: session, acquiredAt: now, heartbeatAt: now })
      .onConflictDoUpdate({
        target: storyLocks.storyId,
        set: {
          holderId: actor.id,
          holderSession: session,
          acquiredAt: now,
          heartbeatAt: now,
          previousHolderId: live?.holderId ?? null,
          previousHolderSession: live?.holderSession ?? null,
          takenOverAt: live ? now : null,
        },
      });
    if (live && !fromOwnTab) {
      await recordStoryEvent(tx, {
        storyId,
        actorId: actor.id,
        action: 'take_over',
        note: `Took over editing from ${live.holderName}.`,
        at: now,
      });
    }
    return { status: 'mine', keptRevisions: [] };
  });
}
