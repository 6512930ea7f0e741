import 'server-only';
import { desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Transaction } from '@/db/client';
import { adminEvents, users } from '@/db/schema';
import { requirePermission, type Actor } from './permissions';

export type AdminEventKind = (typeof adminEvents.$inferInsert)['kind'];

/** Words for each kind of entry, as the admin screen lists them. */
export const ADMIN_EVENT_LABELS: Record<AdminEventKind, string> = {
  user_created: 'Account created',
  user_renamed: 'Name changed',
  user_role_changed: 'Role changed',
  user_deactivated: 'Account deactivated',
  user_activated: 'Account activated',
  user_password_changed: 'Password changed',
  token_created: 'API token created',
  token_revoked: 'API token revoked',
  media_uploaded: 'Image uploaded',
};

/** The operator's own tools, which act without a signed-in account. */
export type AuditActor = Actor | 'system';

/** Appends an entry to the admin audit log, inside the transaction that made the change. */
export async function recordAdminEvent(
  tx: Transaction,
  event: {
    kind: AdminEventKind;
    actor: AuditActor;
    userId?: number | null;
    subject: string;
    detail?: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.insert(adminEvents).values({
    kind: event.kind,
    actorId: event.actor === 'system' ? null : event.actor.id,
    userId: event.userId ?? null,
    subject: event.subject.slice(0, 300),
    detail: event.detail?.slice(0, 300) ?? null,
    createdAt: event.at,
  });
}

export type AdminEvent = {
  id: number;
  kind: AdminEventKind;
  label: string;
  /** Who did it: a name, or null for the operator's tools. */
  actorName: string | null;
  subject: string;
  detail: string | null;
  createdAt: Date;
};

const actorUser = alias(users, 'actor');

/** The admin audit log, newest first, a page at a time (`before` = the last id seen); admins only. */
export async function listAdminEvents(
  actor: Actor,
  options: { limit?: number; before?: number } = {},
): Promise<AdminEvent[]> {
  requirePermission(actor, 'users:manage');
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const db = await getDb();
  const rows = await db
    .select({
      id: adminEvents.id,
      kind: adminEvents.kind,
      actorName: actorUser.name,
      subject: adminEvents.subject,
      detail: adminEvents.detail,
      createdAt: adminEvents.createdAt,
    })
    .from(adminEvents)
    .leftJoin(actorUser, eq(actorUser.id, adminEvents.actorId))
    .where(options.before ? lt(adminEvents.id, options.before) : undefined)
    .orderBy(desc(adminEvents.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, label: ADMIN_EVENT_LABELS[row.kind] }));
}
