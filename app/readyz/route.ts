import { checkReadiness } from '@/lib/readiness';

export const dynamic = 'force-dynamic';

/** Readiness for load balancers and orchestrators: 200 when this instance can serve, else 503 with the reason. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === 'ready' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
