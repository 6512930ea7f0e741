import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { can, type Permission } from '@/lib/permissions';
import { getActiveUser, type StaffUser } from '@/lib/users';
import { safeCallbackPath } from './callback-url';
import { getAuthOptions } from './options';
import { REQUEST_PATH_HEADER } from './request-path';

/**
 * The signed-in staff member for this request, or null. Re-reads the account on
 * every request, so deactivation and role changes apply at once. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) return null;
  return getActiveUser(id);
});

/** The signed-in staff member; anyone else is sent to /login and brought back afterwards. */
export async function requireStaff(): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const back = safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER));
  redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
}

/** A signed-in staff member who holds this permission; others get a 403 page. */
export async function requireStaffWith(permission: Permission): Promise<StaffUser> {
  const user = await requireStaff();
  if (!can(user, permission)) forbidden();
  return user;
}
