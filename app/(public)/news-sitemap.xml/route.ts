import { getCachedNewsSitemap } from '@/lib/public/cached';
import { xmlResponse } from '@/lib/syndication/xml-response';

// Google News: stories from the last 48 hours (the news:news extension app/sitemap.ts cannot express).
export const dynamic = 'force-dynamic';

export async function GET() {
  return xmlResponse(await getCachedNewsSitemap(), 'xml');
}
