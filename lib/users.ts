import 'server-only';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { ROLES, type Role } from '@/lib/roles';
import { hashPassword } from './auth/password';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { requirePermission, rolesWith, type Actor } from './permissions';
import { parseOrThrow } from './validation';

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
  .min(8, 'Password must be at least 8 characters')
  .max(200, 'Password must be at most 200 characters');

export const NewUserSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Name is too long'),
  email: EmailSchema,
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }),
  password: PasswordSchema,
});
export type NewUser = z.input<typeof NewUserSchema>;

const staffColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

/** Creates a staff account; admins only (or the system, for seed and CLI). */
export async function createUser(actor: Actor | typeof SYSTEM, input: NewUser): Promise<StaffUser> {
  if (actor !== SYSTEM) requirePermission(actor, 'users:manage');
  const data = parseOrThrow(NewUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  const [created] = await db
    .insert(users)
    .values({ name: data.name, email: data.email, role: data.role, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning(staffColumns);
  if (!created) {
    throw new ValidationError(`A user with the email ${data.email} already exists`, {
      email: ['A user with this email already exists'],
    });
  }
  return created;
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

export const UserIdSchema = z.coerce
  .number({ error: 'Unknown user' })
  .int({ error: 'Unknown user' })
  .positive({ error: 'Unknown user' });

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
): Promise<StaffUser> {
  if (actor !== SYSTEM) requirePermission(actor, 'users:manage');
  const id = parseOrThrow(UserIdSchema, userId);
  const changes = parseOrThrow(UserChangesSchema, input);
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
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning(staffColumns);
    if (!updated) throw new NotFoundError(`No user with id ${id}`);
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
