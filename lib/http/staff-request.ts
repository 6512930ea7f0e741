import 'server-only';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { StaffUser } from '@/lib/users';
import { isSameOrigin } from './read-body';

/**
 * The signed-in staff member behind an API request from our own pages, or the response
 * refusing it: 401 without a session, 403 for a write from another site.
 */
export async function authenticateStaffRequest(request: Request): Promise<StaffUser | Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ status: 'forbidden', message: 'Sign in first' }, { status: 401 });
  if (request.method !== 'GET' && !isSameOrigin(request)) {
    return Response.json({ status: 'forbidden', message: 'Cross-site request refused' }, { status: 403 });
  }
  return user;
}
