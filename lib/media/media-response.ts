import { MEDIA_CACHE_CONTROL } from './media-paths';

/**
 * An image file as the media routes answer it: its own type, never sniffed, cached for a
 * year (an id's bytes, and its variants', never change).
 */
export function mediaFileResponse(file: { bytes: Uint8Array; mime: string } | null): Response {
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mime,
      'Content-Length': String(file.bytes.length),
      'Cache-Control': MEDIA_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
