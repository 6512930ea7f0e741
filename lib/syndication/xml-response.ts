export const XML_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

/**
 * A feed or sitemap response. Clients must ask again every time (the server's own cache
 * is what makes that cheap, and it is invalidated the moment a story changes).
 */
export function xmlResponse(body: string | null, type: keyof typeof XML_TYPES): Response {
  if (body === null) return new Response('Not found\n', { status: 404, headers: { 'content-type': XML_TYPES.text } });
  return new Response(body, {
    headers: { 'content-type': XML_TYPES[type], 'cache-control': 'public, max-age=0, must-revalidate' },
  });
}
