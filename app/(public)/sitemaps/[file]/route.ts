import { getCachedPagesSitemap, getCachedStoriesSitemap } from '@/lib/public/cached';
import { PAGES_SITEMAP_PATH, parseStorySitemapFile } from '@/lib/syndication/sitemaps';
import { xmlResponse } from '@/lib/syndication/xml-response';

// The files listed in /sitemap.xml: pages.xml and stories-YYYY-MM.xml.
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (`/sitemaps/${file}` === PAGES_SITEMAP_PATH) return xmlResponse(await getCachedPagesSitemap(), 'xml');
  const month = parseStorySitemapFile(file);
  return xmlResponse(month ? await getCachedStoriesSitemap(month) : null, 'xml');
}
