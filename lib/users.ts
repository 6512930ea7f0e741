import 'server-only';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { users } from '@/db/schema';
import { ROLES, type Role } from '@/lib/roles';
import { recordAdminEvent, type AdminEventKind, type AuditActor } from './admin-audit';
import { hashPassword, verifyPassword } from './auth/password';
import { getConfig } from './config';
import { PASSWORD_MIN_LENGTH } from './password-rules';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { requirePermission, rolesWith, type Actor } from './permissions';
import { parseOrThrow, rowIdSchema } from './validation';

/** A staff member as the app sees them: never carries the password hash. */
export type StaffUser = { id: number; name: string; email: string; role: Role };

/** Tools run by whoever operates the server (seed, `npm run user`) act as the system. */
export const SYSTEM = 'system' as const;

/** Emails are compared lower-cased and trimmed everywhere (sign-in, uniqueness, rate limit). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EmailSchema = z
  .string({ error: 'Email is required' })
  .transform(normalizeEmail)
  .pipe(z.email({ error: 'Enter a valid email address' }).max(254));

export const PasswordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'Password must be at most 200 characters');

export const NewUserSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is too long'),
  email: EmailSchema,
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }),
  password: PasswordSchema,
});
export type NewUser = z.input<typeof NewUserSchema>;

const staffColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

// The demo password is printed at every start and written in the README: in production
// (WIREDESK_DEMO=0) no account may have it, and none may sign in with it.
const WELL_KNOWN_DEMO_PASSWORD = 'wiredesk-demo';

/** Whether this is a demo password that production mode refuses. */
export function isRefusedDemoPassword(password: string): boolean {
  const config = getConfig();
  return !config.demo && (password === config.demoPassword || password === WELL_KNOWN_DEMO_PASSWORD);
}

function assertAcceptablePassword(password: string | undefined, field = 'password'): void {
  if (password !== undefined && isRefusedDemoPassword(password)) {
    const message = 'This is the public demo password; choose another.';
    throw new ValidationError(message, { [field]: [message] });
  }
}

const auditActor = (actor: Actor | typeof SYSTEM): AuditActor => (actor === SYSTEM ? 'system' : actor);

/** Creates a staff account; admins only (or the system, for seed and CLI). Audited. */
export async function createUser(actor: Actor | typeof SYSTEM, input: NewUser, now = new Date()): Promise<StaffUser> {
  if (actor !== SYSTEM) requirePermission(actor, 'users:manage');
  const data = parseOrThrow(NewUserSchema, input);
  assertAcceptablePassword(data.password);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, role: data.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning(staffColumns);
    if (!created) {
      throw new ValidationError(`A user with the email ${data.email} already exists`, {
        email: ['A user with this email already exists'],
      });
    }
    await recordAdminEvent(tx, {
      kind: 'user_created',
      actor: auditActor(actor),
      userId: created.id,
      subject: `${created.name} <${created.email}>`,
      detail: created.role,
      at: now,
    });
    return created;
  });
}

/** The user behind a session, or null if they no longer exist or were deactivated. */
export async function getActiveUser(id: number): Promise<StaffUser | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...staffColumns, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row?.active) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** Every account, for the admin screen. */
export async function listUsers(actor: Actor | typeof SYSTEM): Promise<(StaffUser & { active: boolean })[]> {
  if (actor !== SYSTEM) requirePermission(actor, 'users:manage');
  const db = await getDb();
  return db
    .select({ ...staffColumns, active: users.active })
    .from(users)
    .orderBy(asc(users.name));
}

export const UserIdSchema = rowIdSchema('Unknown user');

export const UserChangesSchema = z
  .object({
    name: NewUserSchema.shape.name.optional(),
    role: NewUserSchema.shape.role.optional(),
    active: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .strict();
export type UserChanges = z.input<typeof UserChangesSchema>;

/**
 * Changes an account's name, role, active flag or password; admins only (or the
 * system). Takes effect on the user's next request, because every request re-reads
 * the account. Refuses to leave the newsroom without an active admin.
 */
export async function updateUser(
  actor: Actor | typeof SYSTEM,
  userId: number | string,
  input: UserChanges,
  now = new Date(),
): Promise<StaffUser> {
  if (actor !== SYSTEM) requirePermission(actor, 'users:manage');
  const id = parseOrThrow(UserIdSchema, userId);
  const changes = parseOrThrow(UserChangesSchema, input);
  assertAcceptablePassword(changes.password);
  if (actor !== SYSTEM && actor.id === id && (changes.active === false || changes.role !== undefined)) {
    // Locking yourself out by a misclick helps nobody; another admin can do it.
    throw new ConflictError('You cannot deactivate your own account or change your own role.');
  }
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw new NotFoundError(`No user with id ${id}`);
    const adminRoles = rolesWith('users:manage');
    const losesAdmin =
      adminRoles.includes(current.role) &&
      current.active &&
      (changes.active === false || !adminRoles.includes(changes.role ?? current.role));
    if (losesAdmin) {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.role, adminRoles), eq(users.active, true), ne(users.id, id)))
        .limit(1)
        .for('update');
      if (others.length === 0) throw new ConflictError('Wiredesk needs at least one active admin.');
    }
    const [updated] = await tx
      .update(users)
      .set({
        name: changes.name,
        role: changes.role,
        active: changes.active,
        passwordHash,
        updatedAt: now,
      })
      .where(eq(users.id, id))
      .returning(staffColumns);
    if (!updated) throw new NotFoundError(`No user with id ${id}`);
    await auditAccountChanges(tx, auditActor(actor), current, changes, now);
    return updated;
  });
}

/** One audit entry per thing that changed on an account (nothing, if nothing did). */
async function auditAccountChanges(
  tx: Transaction,
  actor: AuditActor,
  before: { id: number; name: string; email: string; role: Role; active: boolean },
  changes: { name?: string; role?: Role; active?: boolean; password?: string },
  at: Date,
): Promise<void> {
  const subject = `${changes.name ?? before.name} <${before.email}>`;
  const entry = (kind: AdminEventKind, detail: string | null = null) =>
    recordAdminEvent(tx, { kind, actor, userId: before.id, subject, detail, at });
  if (changes.name !== undefined && changes.name !== before.name) {
    await entry('user_renamed', `${before.name} → ${changes.name}`);
  }
  if (changes.role !== undefined && changes.role !== before.role) {
    await entry('user_role_changed', `${before.role} → ${changes.role}`);
  }
  if (changes.active !== undefined && changes.active !== before.active) {
    await entry(changes.active ? 'user_activated' : 'user_deactivated');
  }
  if (changes.password !== undefined) await entry('user_password_changed');
}

export const OwnAccountSchema = z
  .object({
    name: NewUserSchema.shape.name.optional(),
    currentPassword: z.string().max(200, 'Password must be at most 200 characters').optional(),
    newPassword: PasswordSchema.optional(),
  })
  .strict();

/**
 * A staff member changes their own name and password. The password needs the current
 * one (a session left open on a shared desk must not be enough to take the account),
 * must differ from it, and is never the demo password in production. Audited.
 */
export async function updateOwnAccount(
  actor: Actor,
  input: z.input<typeof OwnAccountSchema>,
  now = new Date(),
): Promise<StaffUser> {
  requirePermission(actor, 'desk:view');
  const changes = parseOrThrow(OwnAccountSchema, input);
  if (changes.name === undefined && changes.newPassword === undefined) {
    throw new ValidationError('Nothing to change.', {});
  }
  assertAcceptablePassword(changes.newPassword, 'newPassword');
  const db = await getDb();
  const [current] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!current?.active) throw new NotFoundError('Your account no longer exists.');
  let passwordHash: string | undefined;
  if (changes.newPassword !== undefined) {
    if (!changes.currentPassword || !(await verifyPassword(current.passwordHash, changes.currentPassword))) {
      const message = 'Your current password is not correct.';
      throw new ValidationError(message, { currentPassword: [message] });
    }
    if (changes.newPassword === changes.currentPassword) {
      const message = 'Choose a password you are not using now.';
      throw new ValidationError(message, { newPassword: [message] });
    }
    passwordHash = await hashPassword(changes.newPassword);
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ name: changes.name, passwordHash, updatedAt: now })
      .where(and(eq(users.id, actor.id), eq(users.active, true)))
      .returning(staffColumns);
    if (!updated) throw new NotFoundError('Your account no longer exists.');
    await auditAccountChanges(tx, actor, current, { name: changes.name, password: changes.newPassword }, now);
    return updated;
  });
}

/** The account with this email (any state), for operator tools. */
export async function findUserByEmail(email: string): Promise<(StaffUser & { active: boolean }) | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...staffColumns, active: users.active })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row ?? null;
}

/** Active staff by name, for byline pickers and filters; any staff member may see it. */
export async function listActiveStaff(actor: Actor): Promise<{ id: number; name: string }[]> {
  requirePermission(actor, 'desk:view');
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}
