import type { Role } from '@/lib/roles';
import { ForbiddenError } from './errors';

/** What a signed-in staff member is, as far as authorization cares. */
export type Actor = { id: number; role: Role };

export const PERMISSIONS = ['desk:view', 'users:manage', 'sections:manage', 'tokens:manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one table of who may do what (DESIGN.md, "Roles and permissions"). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: ['desk:view'],
  editor: ['desk:view'],
  admin: ['desk:view', 'users:manage', 'sections:manage', 'tokens:manage'],
};

/** Whether this user may do this; pure, so the UI can use it to decide what to show. */
export function can(user: Actor | null | undefined, permission: Permission): boolean {
  return user != null && ROLE_PERMISSIONS[user.role].includes(permission);
}

/** Throws ForbiddenError unless the user may do this: the server-side check. */
export function requirePermission(user: Actor | null | undefined, permission: Permission): asserts user is Actor {
  if (!can(user, permission)) throw new ForbiddenError();
}
