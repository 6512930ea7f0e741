import { getCachedSitemapIndex } from '@/lib/public/cached';
import { xmlResponse } from '@/lib/syndication/xml-response';

// A sitemap index (pages + one file per month of stories), so it scales past 50,000 URLs.
// A route handler rather than app/sitemap.ts: that convention would render at build time.
export const dynamic = 'force-dynamic';

export async function GET() {
  return xmlResponse(await getCachedSitemapIndex(), 'xml');
}
