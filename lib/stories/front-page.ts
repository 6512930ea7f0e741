import 'server-only';
import { asc, desc, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { frontPageSlots, publishedStories, sections, users } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { announceInvalidation, invalidatePublicPages } from '@/lib/public-cache/invalidate-public-pages';
import { PUBLIC_TAGS } from '@/lib/public-cache/public-tags';
import { articlePath } from '@/lib/public-routes';
import { parseOrThrow } from '@/lib/validation';
import { StoryIdSchema } from './story-input';
import { lockStory, recordStoryEvent } from './story-record';

/** The lead and the top stories: how many stories the top of the front page holds. */
export const FRONT_PAGE_SLOTS = 6;

export const FRONT_PAGE_MOVES = ['pin', 'up', 'down', 'remove'] as const;
export type FrontPageMove = (typeof FRONT_PAGE_MOVES)[number];

export const FrontPageMoveSchema = z.object({
  storyId: StoryIdSchema,
  move: z.enum(FRONT_PAGE_MOVES, { error: 'Unknown front page move' }),
});

// Two editors arranging at once would each rewrite the order from what they read: one
// waits for the other instead.
const FRONT_PAGE_LOCK_KEY = 7_281_203_314;

/** "the lead story", "top story 2": how the desk and the timeline name a place on the front. */
export function describeFrontPosition(position: number): string {
  return position === 0 ? 'the lead story' : `top story ${position}`;
}

/** The pinned stories still readers can see, lead first (pins are dropped on unpublish, so that is all of them). */
export async function listPinnedStoryIds(db: Database | Transaction): Promise<number[]> {
  const rows = await db
    .select({ storyId: frontPageSlots.storyId })
    .from(frontPageSlots)
    .innerJoin(publishedStories, eq(publishedStories.storyId, frontPageSlots.storyId))
    .orderBy(asc(frontPageSlots.position), asc(frontPageSlots.storyId));
  return rows.map((row) => row.storyId);
}

/**
 * Arranges the front page: `pin` makes a published story the lead (the others move down
 * one; one pushed past the last slot leaves the front page), `up`/`down` swap a pinned
 * story with its neighbour, `remove` unpins it. Editors only; audited on the story; the
 * cached front page is dropped here and on every other instance once it commits.
 */
export async function arrangeFrontPage(
  actor: Actor,
  input: { storyId: unknown; move: unknown },
  now = new Date(),
): Promise<{ changed: boolean; position: number | null }> {
  if (!can(actor, 'front:arrange')) throw new ForbiddenError('Only editors arrange the front page.');
  const { storyId, move } = parseOrThrow(FrontPageMoveSchema, input);
  const db = await getDb();

  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FRONT_PAGE_LOCK_KEY})`);
    const story = await lockStory(tx, storyId);
    const order = await listPinnedStoryIds(tx);
    const at = order.indexOf(storyId);
    const unchanged = { changed: false, position: at === -1 ? null : at };

    let next = [...order];
    if (move === 'pin') {
      if (story.state !== 'published') {
        throw new ConflictError('Only a published story can go on the front page.');
      }
      if (at === 0) return unchanged;
      next = [storyId, ...order.filter((id) => id !== storyId)];
    } else {
      if (at === -1) throw new ConflictError('This story is not pinned to the front page.');
      if (move === 'remove') next.splice(at, 1);
      else {
        const to = move === 'up' ? at - 1 : at + 1;
        if (to < 0 || to >= order.length) return unchanged;
        [next[at], next[to]] = [next[to]!, next[at]!];
      }
    }
    const pushedOff = next.slice(FRONT_PAGE_SLOTS);
    next = next.slice(0, FRONT_PAGE_SLOTS);

    // Rows of stories no longer pinned go (including stale ones of stories taken down).
    await tx.delete(frontPageSlots).where(next.length > 0 ? notInArray(frontPageSlots.storyId, next) : sql`true`);
    for (const [position, id] of next.entries()) {
      await tx
        .insert(frontPageSlots)
        .values({ storyId: id, position, pinnedById: actor.id, pinnedAt: now })
        .onConflictDoUpdate({ target: frontPageSlots.storyId, set: { position } });
    }
    const position = move === 'remove' ? null : next.indexOf(storyId);
    await recordStoryEvent(tx, {
      storyId,
      actorId: actor.id,
      action: `front_${move}`,
      note: position === null ? null : `Now ${describeFrontPosition(position)}`,
      at: now,
    });
    for (const id of pushedOff) {
      await recordStoryEvent(tx, {
        storyId: id,
        actorId: actor.id,
        action: 'front_remove',
        note: 'Pushed off: a newly pinned story took the last place',
        at: now,
      });
    }
    await announceInvalidation(tx, [PUBLIC_TAGS.front]);
    return { changed: true, position };
  });
  if (outcome.changed) invalidatePublicPages([PUBLIC_TAGS.front]);
  return outcome;
}

/** Takes a story off the front page (it was unpublished or killed); the caller invalidates. */
export async function dropFromFrontPage(tx: Transaction, storyId: number): Promise<void> {
  await tx.delete(frontPageSlots).where(eq(frontPageSlots.storyId, storyId));
}

export type FrontPageSlot = {
  storyId: number;
  headline: string;
  sectionName: string;
  path: string;
  firstPublishedAt: Date;
  /** Who pinned it, or null when the slot is filled by one of the newest stories. */
  pinnedBy: string | null;
};

/**
 * The front page as the desk arranges it: the lead and top stories readers see (pinned
 * first, then the newest), and the other recent published stories that could be pinned.
 */
export async function getFrontPageForDesk(
  actor: Actor,
  options: { candidates?: number } = {},
): Promise<{ slots: FrontPageSlot[]; pinnedCount: number; candidates: FrontPageSlot[]; canArrange: boolean }> {
  if (!can(actor, 'desk:view')) throw new ForbiddenError();
  const db = await getDb();
  const columns = {
    storyId: publishedStories.storyId,
    headline: publishedStories.headline,
    sectionSlug: sections.slug,
    sectionName: sections.name,
    slug: publishedStories.slug,
    firstPublishedAt: publishedStories.firstPublishedAt,
  };
  const pinned = await db
    .select({ ...columns, pinnedBy: users.name })
    .from(frontPageSlots)
    .innerJoin(publishedStories, eq(publishedStories.storyId, frontPageSlots.storyId))
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .innerJoin(users, eq(users.id, frontPageSlots.pinnedById))
    .orderBy(asc(frontPageSlots.position), asc(frontPageSlots.storyId));
  const pinnedIds = pinned.map((row) => row.storyId);
  const newest = await db
    .select(columns)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(pinnedIds.length > 0 ? notInArray(publishedStories.storyId, pinnedIds) : undefined)
    .orderBy(desc(publishedStories.firstPublishedAt), desc(publishedStories.storyId))
    .limit(FRONT_PAGE_SLOTS - pinned.length + (options.candidates ?? 20));
  const toSlot = (row: (typeof newest)[number] & { pinnedBy?: string }): FrontPageSlot => ({
    storyId: row.storyId,
    headline: row.headline,
    sectionName: row.sectionName,
    path: articlePath(row.sectionSlug, row.slug),
    firstPublishedAt: row.firstPublishedAt,
    pinnedBy: row.pinnedBy ?? null,
  });
  const fill = FRONT_PAGE_SLOTS - pinned.length;
  return {
    slots: [...pinned.map(toSlot), ...newest.slice(0, fill).map(toSlot)],
    pinnedCount: pinned.length,
    candidates: newest.slice(fill).map(toSlot),
    canArrange: can(actor, 'front:arrange'),
  };
}

/**
 * Where a story is pinned on the front page (0 is the lead, null if not), how many are
 * pinned, and whether this user may rearrange them.
 */
export async function getFrontPagePlacement(
  actor: Actor,
  storyId: number,
): Promise<{ position: number | null; pinnedCount: number; canArrange: boolean }> {
  if (!can(actor, 'desk:view')) throw new ForbiddenError();
  const db = await getDb();
  const order = await listPinnedStoryIds(db);
  const at = order.indexOf(storyId);
  return { position: at === -1 ? null : at, pinnedCount: order.length, canArrange: can(actor, 'front:arrange') };
}
