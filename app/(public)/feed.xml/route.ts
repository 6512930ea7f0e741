import { getCachedFeed } from '@/lib/public/cached';
import { xmlResponse } from '@/lib/syndication/xml-response';

// Per request, from the cached XML (no static rendering at build: there is no database then).
export const dynamic = 'force-dynamic';

export async function GET() {
  return xmlResponse(await getCachedFeed('rss', null), 'rss');
}
