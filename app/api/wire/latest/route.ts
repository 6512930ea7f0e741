import { getCurrentUser } from '@/lib/auth/current-user';
import { getNewestWireItemId } from '@/lib/wire/wire-queue';

// Polled by the wire queue page so new items appear without a manual reload.
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  return Response.json({ id: await getNewestWireItemId(user) }, { headers: { 'cache-control': 'no-store' } });
}
