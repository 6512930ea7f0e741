import { getRobotsTxt } from '@/lib/public/cached';

// Per request: the sitemap addresses come from WIREDESK_BASE_URL at run time, not at build.
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(getRobotsTxt(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
