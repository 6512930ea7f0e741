import 'server-only';
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { notifications, stories, users } from '@/db/schema';
import { requirePermission, rolesWith, type Actor } from '@/lib/permissions';
import type { WorkflowAction } from '@/lib/workflow';

type Kind = (typeof notifications.$inferInsert)['kind'];

// Who hears about what (issue: reporters see approved, sent back, scheduled, published;
// editors see new submissions — and agency kills, raised by a trigger on the alerts).
const FOR_AUTHORS: Partial<Record<WorkflowAction, Kind>> = {
  approve: 'approved',
  request_changes: 'changes_requested',
  schedule: 'scheduled',
  publish: 'published',
};

/** Writes the notifications a workflow move causes, in its transaction; nobody is told about their own move. */
export async function notifyOfTransition(
  tx: Transaction,
  move: {
    action: WorkflowAction;
    storyId: number;
    actorId: number;
    authorIds: readonly number[];
    scheduled: boolean;
    at: Date;
  },
): Promise<void> {
  const authorKind = FOR_AUTHORS[move.action];
  if (authorKind) {
    // A scheduled publication is the server's doing: the scheduling editor hears too.
    const recipients = move.authorIds.filter((id) => move.scheduled || id !== move.actorId);
    if (recipients.length > 0) {
      await tx.insert(notifications).values(
        recipients.map((userId) => ({
          userId,
          kind: authorKind,
          storyId: move.storyId,
          actorId: move.scheduled ? null : move.actorId,
          createdAt: move.at,
        })),
      );
    }
  }
  if (move.action === 'submit') {
    await tx.execute(sql`
      insert into ${notifications} (user_id, kind, story_id, actor_id, created_at)
      select ${users.id}, 'submitted', ${move.storyId}, ${move.actorId}, ${move.at.toISOString()}::timestamptz
      from ${users}
      where ${users.active} and ${inArray(users.role, rolesWith('story:review'))} and ${users.id} <> ${move.actorId}`);
  }
}

export type DeskNotification = {
  id: number;
  kind: Kind;
  storyId: number | null;
  headline: string | null;
  actorName: string | null;
  createdAt: Date;
  read: boolean;
};

/** How many notifications this user has not read (the desk header shows it). */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  return db.$count(notifications, and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
}

/** This user's notifications, newest first. */
export async function listNotifications(actor: Actor, limit = 50): Promise<DeskNotification[]> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      storyId: notifications.storyId,
      headline: stories.headline,
      actorName: users.name,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(stories, eq(stories.id, notifications.storyId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.id))
    .limit(limit);
  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

/** Marks this user's notifications as read (all of them, or the given ones). */
export async function markNotificationsRead(actor: Actor, ids?: number[], now = new Date()): Promise<void> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, actor.id),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids.length > 0 ? ids : [-1]) : ne(notifications.id, -1),
      ),
    );
}
